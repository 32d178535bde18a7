"""The contract the evaluation relies on (see exercise/README.md, "Statuses" and "Validation").

A pipeline that breaks one of these gets `invalid` or `error` for the affected questions, which
score zero. These tests say which rule broke, on which question, before you run the evaluation.
"""

from __future__ import annotations

import math
import numbers

import pytest

from exercise.types import Answer, Passage, Span

UNUSUAL_QUERIES = ("?", "the", "x" * 3000, "Straße № 5 — 東京?")


def span_problems(span, corpus, what: str) -> list[str]:
    """Why `span` (a Passage or Span) would be judged invalid; empty when it is fine."""
    if span.doc_id not in corpus.docs:
        return [f"{what}: doc_id {span.doc_id!r} is not a document of the corpus"]
    problems = []
    for name in ("start", "end"):
        value = getattr(span, name)
        if isinstance(value, bool) or not isinstance(value, numbers.Integral):
            problems.append(f"{what}: {name} must be an int, got {value!r}")
    if problems:
        return problems
    length = len(corpus.docs[span.doc_id])
    if not 0 <= span.start < span.end <= length:
        problems.append(
            f"{what}: offsets [{span.start}, {span.end}) must satisfy 0 <= start < end <= "
            f"{length} (the length of {span.doc_id})"
        )
    return problems


def test_pipeline_builds_on_the_shipped_corpus(pipeline):
    assert pipeline is not None


@pytest.mark.parametrize("k", [1, 5, 10])
def test_search_returns_at_most_k_valid_passages(pipeline, corpus, sample_questions, k):
    for question in sample_questions:
        passages = pipeline.search(question.text, k)
        where = f"search({question.text!r}, {k}) [question {question.id}]"
        assert isinstance(passages, list | tuple), f"{where} returned {type(passages).__name__}"
        assert len(passages) <= k, f"{where} returned {len(passages)} passages"
        for rank, passage in enumerate(passages, start=1):
            assert isinstance(passage, Passage), f"{where} item {rank} is not a Passage"
            assert not span_problems(passage, corpus, f"{where} item {rank}")
            score = passage.score
            assert isinstance(score, numbers.Real) and math.isfinite(score), (
                f"{where} item {rank}: score must be a finite number, got {score!r}"
            )


def test_answer_returns_an_answer_with_valid_citations(pipeline, corpus, sample_questions):
    cap = corpus.judging.answer_cap
    for question in sample_questions:
        answer = pipeline.answer(question.text)
        where = f"answer({question.text!r}) [question {question.id}]"
        assert isinstance(answer, Answer), f"{where} returned {type(answer).__name__}"
        assert isinstance(answer.text, str), f"{where}: text is {type(answer.text).__name__}"
        assert len(answer.text) <= cap, f"{where}: {len(answer.text)} characters (at most {cap})"
        assert isinstance(answer.citations, tuple | list), f"{where}: citations is not a tuple"
        for number, citation in enumerate(answer.citations, start=1):
            assert isinstance(citation, Span), f"{where}: citation {number} is not a Span"
            assert not span_problems(citation, corpus, f"{where} citation {number}")


@pytest.mark.parametrize("query", UNUSUAL_QUERIES, ids=["punctuation", "stopword", "long", "mixed"])
def test_unusual_queries_do_not_break_the_pipeline(pipeline, corpus, query):
    passages = pipeline.search(query, 10)
    assert len(passages) <= 10
    for passage in passages:
        assert not span_problems(passage, corpus, "search")
    assert isinstance(pipeline.answer(query), Answer)
