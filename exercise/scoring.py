"""Scoring one question: its two verdicts (search, answer) → a status and per-question values.

Retrieval metrics come from the search verdict, answer and citation metrics from the answer
verdict; a call that is not `ok` scores 0 on every metric it feeds (it is counted, never dropped).
A metric that does not apply to the question (retrieval and citations of an unanswerable question)
is None and left out of that metric's mean. Called by `exercise.evaluate`; `exercise.metrics`
averages the results.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from exercise.answers import abstained, contains_answer
from exercise.citations import citation_precision, citation_recall, overlaps
from exercise.judging import AnswerVerdict, SearchVerdict, Status
from exercise.loading import JudgingConfig, Question
from exercise.retrieval import coverage_rank, retrieval_scores

# The fixed metric keys of DESIGN.md, in report order.
RETRIEVAL_KEYS = ("recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10")
ANSWER_KEYS = (
    "citation_precision",
    "citation_recall",
    "answer_accuracy",
    "supported_rate",
    "abstention_accuracy",
)
METRIC_KEYS = RETRIEVAL_KEYS + ANSWER_KEYS


@dataclass(frozen=True)
class QuestionResult:
    """Everything measured for one question."""

    question: Question
    status: Status  # the search verdict's status unless that is ok, then the answer verdict's
    reason: str  # why, when status is not ok ("search: ..." or "answer: ...")
    search: SearchVerdict
    answer: AnswerVerdict
    coverage_rank: int | None  # rank at which all evidence is covered (None: never, or no evidence)
    scores: Mapping[str, float | None]  # one value per METRIC_KEYS; None = does not apply


def score_question(
    question: Question, search: SearchVerdict, answer: AnswerVerdict, judging: JudgingConfig
) -> QuestionResult:
    """Combine a question's verdicts into its result."""
    cap = judging.passage_cap
    rank = coverage_rank(search.passages, question.evidence, cap) if question.answerable else None
    scores: dict[str, float | None]
    if question.answerable:
        scores = dict(retrieval_scores(rank))
    else:
        scores = dict.fromkeys(RETRIEVAL_KEYS)
    scores.update(_answer_scores(question, answer, judging))
    if search.status is not Status.OK:
        status, reason = search.status, f"search: {search.reason}"
    elif answer.status is not Status.OK:
        status, reason = answer.status, f"answer: {answer.reason}"
    else:
        status, reason = Status.OK, ""
    return QuestionResult(question, status, reason, search, answer, rank, scores)


def _answer_scores(
    question: Question, verdict: AnswerVerdict, judging: JudgingConfig
) -> dict[str, float | None]:
    answer = verdict.answer
    if question.unanswerable:
        right = float(answer is not None and abstained(answer))
        return {
            "citation_precision": None,
            "citation_recall": None,
            "answer_accuracy": right,
            "supported_rate": None,
            "abstention_accuracy": right,
        }
    if answer is None:  # error, timeout, invalid or not run: zero on everything it feeds
        return dict.fromkeys(ANSWER_KEYS, 0.0)
    cap = judging.passage_cap
    correct = contains_answer(answer.text, question.answer, judging.answer_cap)
    cited = any(overlaps(c, e, cap) for c in answer.citations for e in question.evidence)
    return {
        "citation_precision": citation_precision(answer.citations, question.evidence, cap),
        "citation_recall": citation_recall(answer.citations, question.evidence, cap),
        "answer_accuracy": float(correct),
        "supported_rate": float(correct and cited),
        "abstention_accuracy": float(not abstained(answer)),
    }
