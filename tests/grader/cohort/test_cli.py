"""`takehome cohort`: help, exit codes and one-line errors for bad input, and the happy path."""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from grader.cli import app
from tests.grader.cohort.reports import (
    report,
    round_reports,
    row,
    synthetic_reports,
    write_reports,
)

runner = CliRunner()


def invoke(*args: str):
    return runner.invoke(app, ["cohort", *map(str, args)])


def one_line_error(result) -> str:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and "Traceback" not in result.output
    return lines[0]


def test_help_names_the_inputs_and_options():
    result = runner.invoke(app, ["cohort", "--help"])
    assert result.exit_code == 0
    for word in ("REPORTS", "--out", "--by", "per-candidate variants", "grade-many", "Exit codes"):
        assert word in result.stdout
    assert "cohort" in runner.invoke(app, ["--help"]).stdout


def test_no_reports_is_a_usage_error():
    assert invoke().exit_code == 2


def test_the_happy_path_writes_the_three_files_and_a_summary(tmp_path):
    grades = write_reports(synthetic_reports(), tmp_path / "grades")
    result = invoke(grades, "--out", tmp_path / "cohort")
    assert result.exit_code == 0, result.output
    out = tmp_path / "cohort"
    assert sorted(p.name for p in out.iterdir()) == ["cohort.html", "cohort.json", "questions.csv"]
    data = json.loads((out / "cohort.json").read_text(encoding="utf-8"))
    assert data["submissions"] == 8 and data["never_pass"] == ["q3"]
    with (out / "questions.csv").open(encoding="utf-8", newline="") as handle:
        assert len(list(csv.DictReader(handle))) == 18
    assert "cohort: 8 submissions, 18 questions" in result.stdout
    assert "never passed: 1 (q3)" in result.stdout and "always passed: 1 (q2)" in result.stdout
    assert "most discriminating:" in result.stdout
    assert "cohort.html" in result.stderr


def test_an_out_holding_a_cohort_is_refused_unless_force(tmp_path):
    grades = write_reports(synthetic_reports(), tmp_path / "grades")
    out = tmp_path / "cohort [r1]"
    assert invoke(grades, "--out", out).exit_code == 0
    (out / "cohort.json").write_text('{"old": true}', encoding="utf-8")
    refused = invoke(grades, "--out", out)
    assert refused.exit_code == 2
    assert one_line_error(refused) == (
        f"error: {out} already holds a cohort (cohort.html, cohort.json, questions.csv); pass "
        "--force to replace it, or choose another --out"
    )
    assert (out / "cohort.json").read_text(encoding="utf-8") == '{"old": true}'
    forced = invoke(grades, "--out", out, "--force")
    assert forced.exit_code == 0, forced.output
    assert json.loads((out / "cohort.json").read_text(encoding="utf-8"))["submissions"] == 8
    assert f"wrote {out / 'cohort.html'}" in forced.stderr  # the brackets kept


def test_report_files_and_folders_mix(tmp_path):
    one = report([row("h1", "table", True), row("h2", "table", False)])
    two = report([row("h1", "table", False), row("h2", "table", False)])
    write_reports({"a": one}, tmp_path)
    (tmp_path / "b.json").write_text(json.dumps(two), encoding="utf-8")
    result = invoke(tmp_path / "a", tmp_path / "b.json", "--out", tmp_path / "out")
    assert result.exit_code == 0, result.output
    assert "cohort: 2 submissions, 2 questions" in result.stdout


def test_a_round_of_per_candidate_variants_is_compared_per_item(tmp_path):
    grades = write_reports(round_reports(), tmp_path / "grades")
    pooled = invoke(grades, "--out", tmp_path / "out")
    assert pooled.exit_code == 0, pooled.output
    assert "cohort: 4 submissions, 3 items (2 variants)" in pooled.stdout
    data = json.loads((tmp_path / "out" / "cohort.json").read_text(encoding="utf-8"))
    assert data["mixed"] and data["unit"] == "item"
    items = [q["id"] for q in data["questions"]]
    assert items == ["handbook/x", "runbook/error-code", "handbook/y"]
    assert "pooled by item" in (tmp_path / "out" / "cohort.html").read_text(encoding="utf-8")


def test_per_question_statistics_of_several_variants_are_refused(tmp_path):
    grades = write_reports(round_reports(), tmp_path / "grades")
    refused = invoke(grades, "--out", tmp_path / "out", "--by", "question")
    assert refused.exit_code == 2
    line = one_line_error(refused)
    assert "2 different variants" in line and "--by question" in line
    assert not (tmp_path / "out").exists()
    without_items = write_reports(round_reports(with_items=False), tmp_path / "old")
    line = one_line_error(invoke(without_items, "--out", tmp_path / "out"))
    assert "has no item" in line and "report.json" in line
    assert invoke(grades, "--by", "nonsense").exit_code == 2


@pytest.mark.parametrize(
    ("make", "expected"),
    [
        (lambda tmp: [tmp / "missing.json", tmp / "other.json"], "does not exist"),
        (lambda tmp: [write_reports({"a": report([row("h1", "t", True)])}, tmp)], "at least 2"),
        (lambda tmp: [_broken(tmp), _broken(tmp, "c")], "cannot be read as JSON"),
        (lambda tmp: [_wrong_kind(tmp), _wrong_kind(tmp, "y")], "not a grade report"),
    ],
)
def test_bad_inputs_are_one_line_and_exit_2(tmp_path, make, expected):
    result = invoke(*make(tmp_path), "--out", tmp_path / "out")
    assert result.exit_code == 2
    assert expected in one_line_error(result)
    assert not (tmp_path / "out").exists()


def test_an_unwritable_out_is_one_line_and_exit_2(tmp_path):
    grades = write_reports(synthetic_reports(), tmp_path / "grades")
    blocker = tmp_path / "file"
    blocker.write_text("not a folder", encoding="utf-8")
    result = invoke(grades, "--out", blocker / "cohort")
    assert result.exit_code == 2
    assert "cannot write the cohort files" in one_line_error(result)


def _broken(tmp, name="b"):
    path = tmp / f"{name}.json"
    path.write_text("{oops", encoding="utf-8")
    return path


def _wrong_kind(tmp, name="x"):
    path = tmp / f"{name}.json"
    path.write_text(json.dumps({"kind": "cohort", "schema": 1}), encoding="utf-8")
    return path
