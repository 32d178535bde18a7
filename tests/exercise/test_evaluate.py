"""The evaluation loop's pure half: records → report, options, JSON output."""

from __future__ import annotations

import json

import pytest

from exercise.errors import OptionError
from exercise.evaluate import EvalOptions, score_run
from exercise.judging import CallRecord, Status
from exercise.loading import Corpus, Question
from exercise.metrics import by_label
from exercise.protocol import to_wire
from exercise.runner import RunnerOptions, RunRecord, run_in_process
from tests.exercise.helpers import BrokenBuild, WholeDocs


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda: EvalOptions(k=0), "k must be between 1 and 1000, got 0"),
        (lambda: EvalOptions(resamples=0), "resamples must be at least 1"),
        (lambda: RunnerOptions(call_timeout_s=0), "call_timeout_s must be a positive number"),
        (lambda: RunnerOptions(max_restarts=-1), "max_restarts must be 0 or more"),
    ],
)
def test_options_are_checked(make, message: str) -> None:  # noqa: ANN001
    with pytest.raises(OptionError, match=message):
        make()


def test_records_must_match_the_questions(small: tuple[Corpus, tuple[Question, ...]]) -> None:
    corpus, questions = small
    run = RunRecord(None, 1, (), (), None, 0, None)
    with pytest.raises(ValueError, match="0 search and 0 answer records for 4 questions"):
        score_run(corpus, questions, run)


def test_report_json_is_strict_json_with_every_fixed_key(
    small: tuple[Corpus, tuple[Question, ...]],
) -> None:
    corpus, questions = small
    run = run_in_process(WholeDocs(corpus), [q.text for q in questions], k=10)
    labelled = [
        Question(
            q.id, q.text, q.answer, q.evidence, q.unanswerable, {"kind": "odd" if i % 2 else "even"}
        )
        for i, q in enumerate(questions)
    ]
    report = score_run(
        corpus, labelled, run, options=EvalOptions(resamples=50), group_by=by_label("kind")
    )
    data = json.loads(json.dumps(report.to_json(), allow_nan=False))
    assert list(data["metrics"]) == [
        "recall@1",
        "recall@3",
        "recall@5",
        "recall@10",
        "mrr@10",
        "ndcg@10",
        "citation_precision",
        "citation_recall",
        "answer_accuracy",
        "supported_rate",
        "abstention_accuracy",
        "n",
    ]
    # alpha (rank 1 of [alpha, beta, long]) and beta (rank 2) are short enough to be covered;
    # the evidence in "long" lies past the cap: recall@1 = 1/3, recall@3 = 2/3.
    assert data["metrics"]["recall@1"] == pytest.approx(1 / 3)
    assert data["metrics"]["recall@3"] == pytest.approx(2 / 3)
    assert set(data["groups"]) == {"even", "odd"} and data["groups"]["odd"]["metrics"]["n"] == 2
    assert [q["status"] for q in data["questions"]] == ["ok"] * 4
    assert data["questions"][0]["answer"]["citations"] == [
        {"doc_id": "alpha", "start": 0, "end": 20}
    ]
    assert data["latency"]["percentile_method"] == "nearest-rank"


def test_a_failed_build_in_process_marks_everything_not_run(
    small: tuple[Corpus, tuple[Question, ...]],
) -> None:
    corpus, questions = small

    run = run_in_process(BrokenBuild(corpus), [q.text for q in questions], k=10)
    report = score_run(corpus, questions, run)
    assert report.fatal is not None and report.fatal.one_line() == (
        "submission failed at build: OSError: disk full"
    )
    assert report.statuses["not_run"] == 4
    assert report.overall.means["recall@10"] == 0.0  # counted as zeros, not dropped
    assert report.overall.means["abstention_accuracy"] == 0.0


def test_invalid_answers_are_not_timed_as_failures(
    small: tuple[Corpus, tuple[Question, ...]],
) -> None:
    corpus, questions = small
    garbage = CallRecord(Status.OK, to_wire("not a list"), 5_000_000)
    search = (garbage,) * 4
    answer = (CallRecord(Status.TIMEOUT, reason="no reply within 1 s"),) * 4
    report = score_run(corpus, questions, RunRecord(None, 1, search, answer, None, 0, None))
    ops = report.latency.ops
    assert (ops["search"].calls, ops["search"].p50_ms) == (4, 5.0)  # returned, then invalid
    assert (ops["answer"].calls, ops["answer"].failed) == (0, 4)
    assert report.statuses["invalid"] == 4  # the search verdict's status comes first
