"""Reading a report: checks, the per-slice figures and the choice of the worst questions."""

from __future__ import annotations

import json

import pytest

from corpus.failure_modes import SLICES
from grader.reports.reading import (
    ReportError,
    check_report,
    load_report,
    slice_figures,
    worst_questions,
)


def test_a_report_from_another_schema_is_refused(report, tmp_path):
    report["schema"] = 99
    path = tmp_path / "report.json"
    path.write_text(json.dumps(report), encoding="utf-8")
    with pytest.raises(ReportError, match="schema 99"):
        load_report(path)
    with pytest.raises(ReportError, match="lacks latency, diagnosis, questions, key"):
        check_report({"kind": "grade", "schema": 1, "overall": {}, "slices": {}})


def test_a_fresh_grade_conforms_to_the_published_schema(report):
    check_report(report)  # raises on the first violation
    report.update(baseline=None, comparison=None, public=None, history=None)
    check_report(report)  # --no-baseline, no public questions, an older report without history
    report["questions"][0]["status"] = "finished"
    with pytest.raises(ReportError, match=r"questions\[0\]\.status: Input should be 'ok'"):
        check_report(report)


def test_slice_figures_follow_the_slice_order_with_intervals(report):
    figures = slice_figures(report)
    assert [f.slice for f in figures] == list(SLICES)
    boundary, unanswerable = figures[0], figures[-1]
    expected = report["slices"]["boundary"]["metrics"]["recall@5"]
    assert (boundary.metric, boundary.submission, boundary.baseline) == ("recall@5", expected, 0.0)
    assert unanswerable.metric == "abstention_accuracy"
    assert all(f.submission_ci is not None for f in figures)


def test_worst_questions_take_turns_across_slices_and_skip_the_right_ones(report):
    picked = worst_questions(report, 14)
    missed = {
        q["slice"]
        for q in report["questions"]
        if (q["coverage_rank"] != 1 and not q["unanswerable"])
        or (q["unanswerable"] and q["scores"]["abstention_accuracy"] < 1)
    }
    turn = [s for s in SLICES if s in missed]
    assert [q["slice"] for q in picked[: len(turn)]] == turn  # one per slice first
    assert all(q["coverage_rank"] != 1 for q in picked if not q["unanswerable"])
    assert len({q["id"] for q in picked}) == 14


def test_failed_calls_and_regressions_come_first_in_a_slice(report):
    boundary = [q for q in report["questions"] if q["slice"] == "boundary"]
    failed, regressed = boundary[-1], boundary[-2]
    failed["status"] = "timeout"
    regressed["coverage_rank"] = None
    regressed["scores"]["recall@5"] = 0.0
    regressed["baseline"]["scores"]["recall@5"] = 1.0
    first_two = [q["id"] for q in worst_questions(report, 8) if q["slice"] == "boundary"]
    assert first_two == [failed["id"], regressed["id"]]
