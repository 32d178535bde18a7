"""`takehome report` (formats, defaults, --out -, --key, one-line errors) and `takehome grade`
writing report.html and report.md beside report.json."""

from __future__ import annotations

import copy
import json
import math
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
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
            "--no-unseen",
        ],
    )
    assert result.exit_code == 0, result.output
    page = (out / "report.html").read_text(encoding="utf-8")
    assert 'class="ctx"' in page  # grade has the key, so evidence shows in context
    assert (out / "report.md").read_text(encoding="utf-8").startswith("## Grade: ")
    assert "report.html" in result.output


# Any JSON value, NaN and infinities included (json.dumps writes them; json.loads reads them).
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-(10**12), 10**12) | st.floats() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=5,
)
FUZZ_QUESTIONS = 12  # a shorter report renders faster; it is as valid as the whole one


def mutate(report: dict, data: st.DataObject) -> str:
    """Walk from the top to a drawn field and delete it or replace its value; say what changed."""
    node, path = report, []
    while isinstance(node, dict | list) and len(node):
        keys = list(node) if isinstance(node, dict) else list(range(len(node)))
        key = data.draw(st.sampled_from(keys))
        path.append(key)
        if not isinstance(node[key], dict | list) or (len(path) > 1 and data.draw(st.booleans())):
            break
        node = node[key]
    parent = report
    for key in path[:-1]:
        parent = parent[key]
    last = path[-1]
    if isinstance(parent, dict) and data.draw(st.booleans()):
        del parent[last]
        return f"deleted {path}"
    parent[last] = data.draw(JSON_VALUES)
    return f"replaced {path} with {parent[last]!r:.80}"


@given(data=st.data())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_a_mutated_report_renders_or_is_refused_in_one_line(graded, data):
    report = copy.deepcopy(_small(graded))
    change = mutate(report, data)
    fmt = data.draw(st.sampled_from(list(FORMATS)))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "report.json"
        path.write_text(json.dumps(report), encoding="utf-8")  # NaN and Infinity as JSON5 does
        result = CliRunner().invoke(app, ["report", str(path), "--format", fmt, "--out", "-"])
    assert result.exit_code in (0, 2), (change, result.output[-2000:])
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        change,
        repr(result.exception),
    )
    assert "Traceback" not in result.output, change
    if result.exit_code == 2:
        (line,) = result.stderr.strip().splitlines()
        assert line.startswith("error: ") and str(path) in line, (change, line)


_SMALL: dict[Path, dict] = {}


def _small(graded) -> dict:
    """The graded report with its first FUZZ_QUESTIONS questions."""
    if graded.report_path not in _SMALL:
        report = graded.report()
        report["questions"] = report["questions"][:FUZZ_QUESTIONS]
        _SMALL[graded.report_path] = report
    return _SMALL[graded.report_path]


def test_a_report_that_breaks_the_schema_is_refused_naming_the_field(folder):
    path = folder / "report.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    report["questions"][3]["scores"]["recall@5"] = 1.5
    report["latency"]["build_s"] = math.inf
    path.write_text(json.dumps(report), encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(path)])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "does not match the report schema (docs/report.schema.json)" in line
    assert "latency.build_s: Input should be a finite number (got Infinity) (and 1 more)" in line


def test_the_refusal_stays_on_one_line_whatever_the_report_holds(folder):
    # found by the fuzz test: U+0085 is a line break to str.splitlines and to many terminals
    path = folder / "report.json"
    report = json.loads(path.read_text(encoding="utf-8"))
    report["attribution"]["note"] = ["\x85"]
    report["slices"]["line\u2028break"] = 1
    path.write_text(json.dumps(report), encoding="utf-8")
    result = CliRunner().invoke(app, ["report", str(path)])
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert "slices.line\\u2028break: Input should be a valid dictionary" in line


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
    # the schema check names the missing section by its path before any renderer reads it
    assert lines[0].startswith(f"error: {path} does not match the report schema")
    assert f"{'.'.join(section)}: Field required" in lines[0] and named in lines[0]


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
