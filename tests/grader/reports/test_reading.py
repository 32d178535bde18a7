"""Reading a report: checks, the per-slice figures and the choice of the worst questions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.failure_modes import SLICES
from grader.grade.report_schema import validate_report
from grader.reports.reading import (
    ReportError,
    check_report,
    load_report,
    slice_figures,
    worst_questions,
)
from tests.helpers import REPO


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


def committed_samples() -> list[tuple[Path, dict]]:
    """Every grade report committed as a sample: JSON files under docs/ and any grades/ folder
    (outside the virtualenv and `make demo`'s out/) whose kind is "grade"."""
    found = sorted({*REPO.glob("docs/**/*.json"), *REPO.glob("**/grades/**/report.json")})
    samples = []
    for path in found:
        top = path.relative_to(REPO).parts[0]
        if top in (".venv", "out"):
            continue
        data = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(data, dict) and data.get("kind") == "grade":
            samples.append((path, data))
    return samples


def test_every_committed_sample_and_a_fresh_grade_conform(report):
    for path, data in committed_samples():
        assert validate_report(data) == [], path
    assert validate_report(report) == []


def test_violations_are_named_by_their_place_first_first(report):
    report["questions"][3]["scores"]["recall@5"] = 1.5
    report["diagnosis"]["rows"][0]["verdict"] = "great"
    del report["latency"]["build_s"]
    report["overall"]["metrics"]["n"] = "204"  # strict: no string read as a number
    problems = validate_report(report)
    assert problems[0] == 'overall.metrics.n: Input should be a valid integer (got "204")'
    assert "latency.build_s: Field required" in problems
    assert "questions[3].scores.recall@5: Input should be less than or equal to 1 (got 1.5)" in (
        problems
    )
    assert any(p.startswith("diagnosis.rows[0].verdict: Input should be 'fixed'") for p in problems)


def test_fields_a_newer_grader_adds_are_allowed_and_numbers_must_be_finite(report):
    report["a_later_section"] = {"drop": 0.01}  # a section this grader does not know
    report["latency"]["ops"]["search"]["p50_ms_ci95"] = [1.0, 2.0]
    assert validate_report(report) == []
    report["latency"]["build_s"] = float("nan")
    assert validate_report(report)[0].startswith("latency.build_s: Input should be a finite")


def test_slice_figures_follow_the_slice_order_with_intervals(report):
    figures = slice_figures(report)
    assert [f.slice for f in figures] == [s for s in SLICES if s in report["slices"]]
    assert len(figures) == len(report["slices"])
    by_slice = {f.slice: f for f in figures}
    boundary, unanswerable = figures[0], by_slice["unanswerable"]
    expected = report["slices"]["boundary"]["metrics"]["recall@5"]
    assert (boundary.metric, boundary.submission, boundary.baseline) == ("recall@5", expected, 0.0)
    assert unanswerable.metric == "abstention_accuracy"
    assert by_slice["aggregate"].metric == "answer_accuracy"  # a computed answer: judged as one
    assert by_slice["temporal"].metric == "recall@1"
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
    # two turns across every slice: boundary gives two questions
    picked = worst_questions(report, 2 * len(SLICES))
    first_two = [q["id"] for q in picked if q["slice"] == "boundary"]
    assert first_two == [failed["id"], regressed["id"]]
