"""What counts as a move between two grades of one submission."""

from __future__ import annotations

from grader.regrade.changes import earlier_grade, moves


def report(recall: float, verdict: str = "fixed", fatal=None, ok: int = 10) -> dict:
    return {
        "created": "2026-01-01T00:00:00+00:00",
        "harness": {"version": "1"},
        "overall": {"metrics": {"recall@5": recall}, "ci95": {"recall@5": [0.6, 0.8]}},
        "diagnosis": {"areas": {"lexical": verdict}},
        "fatal": fatal,
        "statuses": {"ok": ok},
    }


def test_changes_inside_the_earlier_interval_are_not_moves():
    assert moves(report(0.7), report(0.78)) == []
    assert moves(report(0.7), report(0.8)) == []  # the interval's edge is inside


def test_verdicts_metrics_outside_the_interval_failures_and_statuses_are():
    found = moves(report(0.7), report(0.5, "improved", {"stage": "build"}, ok=0))
    assert [m.what for m in found] == ["verdict lexical", "recall@5", "fatal", "statuses"]
    assert str(found[0]) == "verdict lexical fixed → improved"
    assert str(found[1]) == "recall@5 0.70 [0.60–0.80] → 0.50"
    assert str(found[2]) == "fatal none → build"


def test_the_new_report_keeps_the_earlier_grades_headline_and_verdicts():
    kept = earlier_grade(report(0.7))
    assert kept["created"] == "2026-01-01T00:00:00+00:00" and kept["harness"] == {"version": "1"}
    assert kept["metrics"]["recall@5"] == 0.7 and kept["areas"] == {"lexical": "fixed"}
