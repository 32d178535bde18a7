"""`takehome regrade`: a round graded again after a deliberate change of one judging rule reports
exactly the candidates it moved, keeps each earlier report, and lists it in the new one."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from grader.batch.run import grade_many, jobs_from_paths
from grader.cli import app
from grader.grade.report_schema import validate_report
from grader.grade.session import GradeOptions
from tests.grader.grading import EMPTY, LEXICAL, submission_from

NONE = GradeOptions(unseen=False, isolation="none", baseline=False)


def cited_inside(citation, span, passage_cap) -> bool:
    inside = span.start <= citation.start < citation.end <= span.end
    return citation.doc_id == span.doc_id and inside


@pytest.fixture(scope="module")
def graded_round(bundle_out, tmp_path_factory):
    out, _ = bundle_out
    tmp = tmp_path_factory.mktemp("regrade")
    lexical = submission_from(out / "bundle", tmp / "lexical", LEXICAL)
    empty = submission_from(out / "bundle", tmp / "empty", EMPTY)
    gone = submission_from(out / "bundle", tmp / "gone", EMPTY)
    outcomes = grade_many(jobs_from_paths([lexical, empty, gone], out / "key"), tmp / "round", NONE)
    assert all(o.report is not None for o in outcomes)
    return tmp, outcomes


def test_a_changed_judging_rule_moves_exactly_the_candidates_it_touches(graded_round, monkeypatch):
    tmp, outcomes = graded_round
    before = {o.job.name: o.report for o in outcomes}
    assert before["lexical"]["overall"]["metrics"]["citation_precision"] > 0.1
    # the rule changed: a citation counts only when it lies inside an evidence span (lexical
    # cites whole paragraphs; empty cites nothing, so nothing of it can move)
    monkeypatch.setattr("exercise.citations.overlaps", cited_inside)
    monkeypatch.setattr("exercise.scoring.overlaps", cited_inside)
    (tmp / "gone").rename(tmp / "gone-away")  # one submission is no longer where it was graded
    result = CliRunner().invoke(app, ["regrade", str(tmp / "round"), "--isolation", "none"])
    assert result.exit_code == 1, result.output
    assert "regrade: 3 submissions, 1 moved: lexical" in result.stdout
    assert "= empty: unchanged" in result.stderr
    assert "lexical: " in result.stderr and "citation_precision" in result.stderr
    assert (
        result.stderr.strip()
        .splitlines()[-1]
        .startswith("error: 1 of 3 submission(s) could not be graded again: gone")
    )
    summary = json.loads((tmp / "round" / "regrade.json").read_text(encoding="utf-8"))
    moved = {s["name"]: s["moved"] for s in summary["submissions"]}
    assert moved == {"lexical": True, "empty": False, "gone": False}

    folder = tmp / "round" / "lexical"
    kept = json.loads((folder / "report.previous-1.json").read_text(encoding="utf-8"))
    assert kept == before["lexical"]  # the earlier report, whole
    new = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    validate_report(new)
    low, _ = before["lexical"]["overall"]["ci95"]["citation_precision"]
    assert new["overall"]["metrics"]["citation_precision"] < low  # outside the earlier interval
    [earlier] = new["previous"]
    assert earlier["created"] == before["lexical"]["created"]
    assert earlier["metrics"]["citation_precision"] > 0.1
    assert (folder / "report.html").is_file()
    # the submission that is gone keeps its earlier report
    gone = tmp / "round" / "gone"
    assert json.loads((gone / "report.json").read_text("utf-8")) == before["gone"]
    assert not (gone / "report.previous-1.json").exists()
