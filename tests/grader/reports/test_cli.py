"""`takehome report` (formats, defaults, --out -, --key, one-line errors) and `takehome grade`
writing report.html and report.md beside report.json."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from grader.cli import app
from grader.reports.gradescope import validate_results
from grader.reports.render import FORMATS
from tests.grader.grading import submission_from


@pytest.fixture
def folder(graded, tmp_path):
    """A copy of the graded report's folder (the command writes next to the report)."""
    target = tmp_path / "grade"
    target.mkdir()
    shutil.copy(graded.report_path, target / "report.json")
    return target


def test_help_names_every_format():
    result = CliRunner().invoke(app, ["report", "--help"])
    assert result.exit_code == 0
    assert all(name in result.output for name in FORMATS)


@pytest.mark.parametrize("fmt", list(FORMATS))
def test_each_format_is_written_next_to_the_report(folder, fmt):
    result = CliRunner().invoke(app, ["report", str(folder / "report.json"), "--format", fmt])
    assert result.exit_code == 0, result.output
    written = folder / FORMATS[fmt].filename
    assert written.is_file() and written.stat().st_size > 500
    if fmt == "gradescope":
        assert validate_results(json.loads(written.read_text(encoding="utf-8"))) == []


def test_out_dash_writes_to_stdout_and_a_folder_is_accepted(folder):
    result = CliRunner().invoke(app, ["report", str(folder), "--format", "md", "--out", "-"])
    assert result.exit_code == 0
    assert result.stdout.startswith("## Grade: ")
    assert not (folder / "report.md").exists()


def test_with_the_key_the_page_shows_document_text(folder, graded, tmp_path):
    out = tmp_path / "page.html"
    args = ["report", str(folder), "--key", str(graded.key), "--out", str(out)]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert 'class="ctx"' in out.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("setup", "extra", "message"),
    [
        ("missing", [], "does not exist"),
        ("garbage", [], "is not readable JSON"),
        ("calibration", [], "is not a grade report"),
        ("ok", ["--format", "pdf"], "is not one of html, md, gradescope, csv"),
        ("ok", ["--key", "{tmp}/nokey"], "does not exist"),
        ("other-variant", ["--key", "{key}"], "key of another variant"),
    ],
)
def test_input_mistakes_are_one_line_errors(folder, graded, tmp_path, setup, extra, message):
    path = folder / "report.json"
    if setup == "missing":
        path = folder / "nothing.json"
    elif setup == "garbage":
        path.write_text("{not json", encoding="utf-8")
    elif setup == "calibration":
        path.write_text(json.dumps({"kind": "calibration", "schema": 1}), encoding="utf-8")
    elif setup == "other-variant":
        report = json.loads(path.read_text(encoding="utf-8"))
        report["key"]["variant_manifest_sha256"] = "0" * 64
        path.write_text(json.dumps(report), encoding="utf-8")
    args = [a.format(tmp=tmp_path, key=graded.key) for a in extra]
    result = CliRunner().invoke(app, ["report", str(path), *args])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_grade_writes_the_html_and_markdown_beside_the_report(graded, tmp_path):
    submission = submission_from(graded.bundle, tmp_path / "s")
    out = tmp_path / "out"
    result = CliRunner().invoke(
        app,
        [
            "grade",
            str(submission),
            "--key",
            str(graded.key),
            "--out",
            str(out),
            "--isolation",
            "none",
            "--no-baseline",
        ],
    )
    assert result.exit_code == 0, result.output
    page = (out / "report.html").read_text(encoding="utf-8")
    assert 'class="ctx"' in page  # grade has the key, so evidence shows in context
    assert (out / "report.md").read_text(encoding="utf-8").startswith("## Grade: ")
    assert "report.html" in result.output


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize(
    ("section", "named"),
    [(("overall", "metrics"), "metrics"), (("diagnosis", "areas"), "areas")],  # every format's
)
def test_a_report_missing_a_section_is_one_line_naming_it(folder, fmt, section, named):
    path = folder / "report [edited].json"
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    parent = report
    for part in section[:-1]:
        parent = parent[part]
    del parent[section[-1]]
    path.write_text(json.dumps(report), encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(path), "--format", fmt, "--out", "-"])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output and result.stdout == ""
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith(f"error: {path} is not a complete grade report: it lacks {named!r}")


def test_an_existing_output_is_refused_unless_force(folder):
    page = folder / "report [final].html"
    page.write_text("kept", encoding="utf-8")
    args = ["report", str(folder), "--out", str(page)]
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 2
    assert refused.stderr.strip() == (
        f"error: {page} already exists; pass --force to replace it, or choose another --out"
    )
    assert page.read_text(encoding="utf-8") == "kept"
    forced = CliRunner().invoke(app, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert page.read_text(encoding="utf-8").lower().startswith("<!doctype html>")
    assert forced.stderr.strip() == f"html: {page}"  # the brackets kept
