"""Diagnosis verdicts from paired per-question differences (synthetic results)."""

from __future__ import annotations

import pytest

from corpus.failure_modes import AGGREGATE, AGGREGATE_AREA
from exercise.judging import Status
from exercise.loading import Question
from exercise.scoring import QuestionResult
from grader.diagnosis import FIXED_AT, area_verdicts, diagnose, verdict


def result(qid: str, slice_name: str, recall: float) -> QuestionResult:
    question = Question(qid, "q?", "a", (), slice_name == "unanswerable", {"slice": slice_name})
    scores = {"recall@5": recall, "recall@1": recall, "abstention_accuracy": recall}
    return QuestionResult(question, Status.OK, "", None, None, None, scores)  # type: ignore[arg-type]


def results(slice_name: str, values: list[float]) -> list[QuestionResult]:
    return [result(f"{slice_name}{i}", slice_name, v) for i, v in enumerate(values)]


@pytest.mark.parametrize(
    ("ci", "value", "expected"),
    [
        ((0.1, 0.5), FIXED_AT, "fixed"),
        ((0.1, 0.5), FIXED_AT - 0.01, "improved"),
        ((-0.1, 0.5), 1.0, "unchanged"),
        ((-0.5, -0.1), 0.2, "worse"),
    ],
)
def test_verdict_words(ci, value, expected):
    assert verdict(ci, value) == expected


def test_a_clear_lift_is_fixed_and_noise_is_unchanged():
    base = results("boundary", [0.0] * 30) + results("paraphrase", [0.0, 1.0] * 15)
    sub = results("boundary", [1.0] * 28 + [0.0] * 2) + results("paraphrase", [1.0, 0.0] * 15)
    rows = {r.slice: r for r in diagnose(sub, base) if r.metric == "recall@5"}
    assert rows["boundary"].verdict == "fixed"
    assert rows["boundary"].ci95[0] > 0 and rows["boundary"].delta == pytest.approx(28 / 30)
    assert rows["paraphrase"].verdict == "unchanged"  # same mean, swapped questions
    assert rows["heading"].n == 0 and rows["heading"].verdict is None


def test_the_same_inputs_give_the_same_intervals():
    base = results("table", [0.0, 1.0, 0.0] * 10)
    sub = results("table", [1.0, 1.0, 0.0] * 10)
    assert diagnose(sub, base) == diagnose(sub, base)


def test_area_verdicts_take_the_worst_row_first():
    base = results("boundary", [0.0] * 20) + results("heading", [1.0] * 20)
    sub = results("boundary", [1.0] * 20) + results("heading", [0.0] * 20)
    areas = area_verdicts(diagnose(sub, base))
    assert areas["chunking"] == "worse"


def test_results_for_other_questions_are_refused():
    with pytest.raises(ValueError, match="same questions"):
        diagnose(results("table", [1.0]), results("heading", [1.0]))


def test_a_computed_answer_is_judged_by_answer_accuracy_in_its_own_area():
    # aggregate questions: the sheets may all be found (recall 1.0 for both runs) while only the
    # submission computes the answer; the area judging them reads answer accuracy, not recall
    def judged(qid: str, answered: float) -> QuestionResult:
        question = Question(qid, "q?", "a", (), False, {"slice": AGGREGATE})
        scores = {"recall@5": 1.0, "recall@1": 1.0, "answer_accuracy": answered}
        return QuestionResult(question, Status.OK, "", None, None, None, scores)  # type: ignore[arg-type]

    base = [judged(f"a{i}", float(i % 4 == 0)) for i in range(24)]  # one in four, by chance
    sub = [judged(f"a{i}", 1.0) for i in range(24)]
    [row] = [r for r in diagnose(sub, base) if r.slice == AGGREGATE]
    assert (row.area, row.metric, row.n) == (AGGREGATE_AREA, "answer_accuracy", 24)
    assert row.delta == pytest.approx(18 / 24) and row.verdict == "fixed"
    assert area_verdicts(diagnose(sub, base))[AGGREGATE_AREA] == "fixed"
