"""Means over each metric's support, groups by label, seeded bootstrap intervals."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest

from exercise.judging import AnswerVerdict, SearchVerdict, Status
from exercise.loading import Question
from exercise.metrics import aggregate, aggregate_groups, by_label, status_counts
from exercise.scoring import METRIC_KEYS, QuestionResult
from exercise.types import Span

SEARCH = SearchVerdict(Status.OK, "", (), 1)
ANSWER = AnswerVerdict(Status.OK, "", None, 1)


def result(
    qid: str, status: Status = Status.OK, group: str | None = None, **scores: float | None
) -> QuestionResult:
    labels = {} if group is None else {"group": group}
    question = Question(qid, "?", "a", (Span("d", 0, 1),), False, labels)
    values = {key: scores.get(key.replace("@", "_")) for key in METRIC_KEYS}
    return QuestionResult(question, status, "", SEARCH, ANSWER, None, values)


RESULTS = (
    result("q1", group="x", recall_1=1.0, mrr_10=1.0, answer_accuracy=1.0),
    result("q2", Status.INVALID, group="x", recall_1=0.0, mrr_10=0.0, answer_accuracy=0.0),
    result("q3", group="y", recall_1=0.0, mrr_10=0.5, answer_accuracy=1.0),
    result("q4", group=None, answer_accuracy=0.0),  # unanswerable: no retrieval values
)


def test_means_are_over_each_metrics_support() -> None:
    overall = aggregate(RESULTS, resamples=200, seed=1)
    assert overall.n == 4
    assert overall.means["recall@1"] == pytest.approx((1 + 0 + 0) / 3)  # q4 left out
    assert overall.means["mrr@10"] == pytest.approx((1 + 0 + 0.5) / 3)
    assert overall.means["answer_accuracy"] == pytest.approx((1 + 0 + 1 + 0) / 4)
    assert overall.support["recall@1"] == 3 and overall.support["answer_accuracy"] == 4
    assert overall.means["citation_recall"] is None and overall.ci95["citation_recall"] is None
    assert overall.to_json()["metrics"]["n"] == 4


def test_groups_come_from_the_callers_key() -> None:
    groups = aggregate_groups(RESULTS, by_label("group"), resamples=50)
    assert list(groups) == ["x", "y"]  # sorted; q4 has no label and is in no group
    assert groups["x"].n == 2 and groups["x"].means["recall@1"] == 0.5
    assert groups["y"].means["mrr@10"] == 0.5
    assert aggregate_groups(RESULTS, lambda q: "all").keys() == {"all"}


def test_status_counts_list_every_status() -> None:
    assert status_counts(RESULTS) == {
        "ok": 3, "error": 0, "timeout": 0, "invalid": 1, "not_run": 0, "not_reached": 0,
    }  # fmt: skip


def test_bootstrap_is_seeded_and_matches_a_direct_computation() -> None:
    rng = np.random.default_rng(5)
    many = tuple(
        result(f"q{i}", recall_1=float(v), answer_accuracy=float(v))
        for i, v in enumerate(rng.integers(0, 2, 40))
    )
    first, again = aggregate(many, resamples=300, seed=9), aggregate(many, resamples=300, seed=9)
    assert first.ci95 == again.ci95
    assert aggregate(many, resamples=300, seed=10).ci95 != first.ci95
    # The same thing by hand: 300 draws of 40 indices, mean per draw, 2.5/97.5 percentiles.
    values = np.array([r.scores["recall@1"] for r in many])
    draws = np.random.default_rng(9).integers(0, 40, size=(300, 40))
    expected = np.percentile(values[draws].mean(axis=1), [2.5, 97.5])
    assert first.ci95["recall@1"] == pytest.approx(tuple(expected), abs=1e-12)
    low, high = first.ci95["recall@1"]
    assert low <= first.means["recall@1"] <= high


def test_constant_values_have_a_degenerate_interval() -> None:
    same = tuple(result(f"q{i}", recall_1=1.0) for i in range(5))
    assert aggregate(same, resamples=100).ci95["recall@1"] == (1.0, 1.0)


def test_no_results_means_no_values() -> None:
    empty = aggregate((), resamples=10)
    assert empty.n == 0 and all(v is None for v in empty.means.values())


def test_failed_questions_are_counted_not_dropped() -> None:
    failed = dataclasses.replace(RESULTS[1], status=Status.TIMEOUT)
    overall = aggregate((RESULTS[0], failed), resamples=10)
    assert overall.support["recall@1"] == 2 and math.isclose(overall.means["recall@1"], 0.5)
