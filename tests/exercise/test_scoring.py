"""One question's status and scores from its two verdicts; abstention rules; failures score 0."""

from __future__ import annotations

from typing import Any

import pytest

from exercise.judging import AnswerVerdict, SearchVerdict, Status
from exercise.loading import Corpus, JudgingConfig, Question
from exercise.scoring import ANSWER_KEYS, METRIC_KEYS, RETRIEVAL_KEYS, score_question
from exercise.types import Answer, Passage, Span

JUDGING = JudgingConfig()


def ok_search(*passages: Passage) -> SearchVerdict:
    return SearchVerdict(Status.OK, "", passages, 1)


def ok_answer(text: str, *citations: Span) -> AnswerVerdict:
    return AnswerVerdict(Status.OK, "", Answer(text, citations), 1)


FAILED_SEARCH = SearchVerdict(Status.INVALID, "search returned 11 passages for k=10", (), 1)
FAILED_ANSWER = AnswerVerdict(Status.ERROR, "KeyError: 'x'", None, None)


@pytest.fixture
def answerable(small: tuple[Corpus, tuple[Question, ...]]) -> Question:
    return small[1][0]  # one evidence span in "alpha", gold answer "14 days"


@pytest.fixture
def unanswerable(small: tuple[Corpus, tuple[Question, ...]]) -> Question:
    return small[1][3]


def scores(question: Question, search: SearchVerdict, answer: AnswerVerdict) -> dict[str, Any]:
    return dict(score_question(question, search, answer, JUDGING).scores)


def test_a_correct_cited_answer(answerable: Question) -> None:
    evidence = answerable.evidence[0]
    passage = Passage(evidence.doc_id, 0, evidence.end, 1.0)
    result = score_question(
        answerable, ok_search(passage), ok_answer("14 days.", evidence, Span("beta", 0, 5)), JUDGING
    )
    assert (result.status, result.reason, result.coverage_rank) == (Status.OK, "", 1)
    assert result.scores == {
        **dict.fromkeys(RETRIEVAL_KEYS, 1.0),
        "citation_precision": 1 / 2,  # the second citation is in another document
        "citation_recall": 1.0,
        "answer_accuracy": 1.0,
        "supported_rate": 1.0,
        "abstention_accuracy": 1.0,
    }


def test_correct_but_uncited_is_not_supported(answerable: Question) -> None:
    result = scores(answerable, ok_search(), ok_answer("14 days"))
    assert (result["answer_accuracy"], result["supported_rate"]) == (1.0, 0.0)
    assert (result["citation_precision"], result["citation_recall"]) == (0.0, 0.0)
    cited_elsewhere = scores(answerable, ok_search(), ok_answer("14 days", Span("beta", 0, 5)))
    assert cited_elsewhere["supported_rate"] == 0.0


def test_abstention_rules(answerable: Question, unanswerable: Question) -> None:
    abstain = ok_answer("")
    right = scores(unanswerable, ok_search(), abstain)
    assert right == {
        **dict.fromkeys(RETRIEVAL_KEYS),
        "citation_precision": None,
        "citation_recall": None,
        "answer_accuracy": 1.0,
        "supported_rate": None,
        "abstention_accuracy": 1.0,
    }
    for not_abstaining in (ok_answer("There are 40."), ok_answer("", Span("alpha", 0, 5))):
        wrong = scores(unanswerable, ok_search(), not_abstaining)
        assert (wrong["answer_accuracy"], wrong["abstention_accuracy"]) == (0.0, 0.0)
    gave_up = scores(answerable, ok_search(), abstain)
    assert (gave_up["answer_accuracy"], gave_up["abstention_accuracy"]) == (0.0, 0.0)


def test_a_failed_answer_scores_zero_but_counts(
    answerable: Question, unanswerable: Question
) -> None:
    result = score_question(answerable, ok_search(), FAILED_ANSWER, JUDGING)
    assert (result.status, result.reason) == (Status.ERROR, "answer: KeyError: 'x'")
    assert all(result.scores[key] == 0.0 for key in ANSWER_KEYS)
    # failing to answer is not abstaining
    on_unanswerable = scores(unanswerable, ok_search(), FAILED_ANSWER)
    assert (on_unanswerable["answer_accuracy"], on_unanswerable["abstention_accuracy"]) == (0, 0)


def test_a_failed_search_zeroes_retrieval_only(answerable: Question) -> None:
    result = score_question(answerable, FAILED_SEARCH, ok_answer("14 days"), JUDGING)
    assert result.status is Status.INVALID
    assert result.reason == "search: search returned 11 passages for k=10"
    assert all(result.scores[key] == 0.0 for key in RETRIEVAL_KEYS)
    assert result.scores["answer_accuracy"] == 1.0  # judged on its own verdict
    both = score_question(answerable, FAILED_SEARCH, FAILED_ANSWER, JUDGING)
    assert both.status is Status.INVALID  # the search verdict's status comes first
    assert set(both.scores) == set(METRIC_KEYS)
