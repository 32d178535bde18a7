"""Span coverage and the rank metrics: the passage cap, multi-span questions, chunking-agnostic."""

from __future__ import annotations

import math
from collections.abc import Callable
from pathlib import Path

import pytest

from exercise.evaluate import score_run
from exercise.loading import load_corpus, load_questions
from exercise.retrieval import coverage_rank, covers, retrieval_scores
from exercise.runner import run_in_process
from exercise.types import Passage, Span
from tests.exercise.helpers import LONG, OraclePipeline, random_variant_data, span_of

CAP = 1500


def test_covers_means_same_doc_and_fully_inside() -> None:
    span = Span("d", 10, 20)
    assert covers(Passage("d", 10, 20, 0.0), span, CAP)  # exact boundaries count
    assert covers(Passage("d", 0, 100, 0.0), span, CAP)
    assert not covers(Passage("d", 11, 100, 0.0), span, CAP)  # starts one char late
    assert not covers(Passage("d", 0, 19, 0.0), span, CAP)  # ends one char early
    assert not covers(Passage("e", 0, 100, 0.0), span, CAP)  # another document


def test_only_the_first_cap_characters_of_a_passage_are_judged() -> None:
    whole = Passage("d", 100, 5000, 0.0)
    # judged range: [100, 100 + 1500) = [100, 1600)
    assert covers(whole, Span("d", 1590, 1600), CAP)
    assert not covers(whole, Span("d", 1590, 1601), CAP)
    assert not covers(whole, Span("d", 4000, 4010), CAP)


def test_a_whole_document_passage_does_not_cover_evidence_beyond_the_cap() -> None:
    evidence = span_of("long", LONG, "The fire assembly point is the north car park.")
    assert evidence["start"] > CAP  # the fixture puts it past the default cap
    whole_doc = [Passage("long", 0, len(LONG), 1.0)]
    assert coverage_rank(whole_doc, [Span(**evidence)], CAP) is None
    assert coverage_rank(whole_doc, [Span(**evidence)], len(LONG)) == 1  # a larger cap would


def test_multi_span_questions_need_every_span() -> None:
    first, second = Span("d", 0, 10), Span("d", 500, 520)
    only_first = [Passage("d", 0, 50, 3.0), Passage("x", 0, 50, 2.0), Passage("d", 0, 60, 1.0)]
    assert coverage_rank(only_first, [first, second], CAP) is None
    both = [Passage("d", 0, 50, 3.0), Passage("x", 0, 50, 2.0), Passage("d", 490, 530, 1.0)]
    rank = coverage_rank(both, [first, second], CAP)
    assert rank == 3  # coverage completes when the second span is first covered
    assert retrieval_scores(rank) == {
        "recall@1": 0.0,
        "recall@3": 1.0,
        "recall@5": 1.0,
        "recall@10": 1.0,
        "mrr@10": 1 / 3,
        "ndcg@10": 1 / math.log2(3 + 1),  # = 0.5
    }
    one_passage = [Passage("d", 0, 600, 1.0)]  # one passage may cover both
    assert coverage_rank(one_passage, [first, second], CAP) == 1


@pytest.mark.parametrize("rank", [*range(1, 13), None])
def test_rank_metrics_follow_from_the_coverage_rank(rank: int | None) -> None:
    scores = retrieval_scores(rank)
    for k in (1, 3, 5, 10):
        assert scores[f"recall@{k}"] == (1.0 if rank is not None and rank <= k else 0.0)
    within = rank is not None and rank <= 10
    assert scores["mrr@10"] == (1 / rank if within else 0.0)
    assert scores["ndcg@10"] == (1 / math.log2(rank + 1) if within else 0.0)


@pytest.mark.parametrize("size", [200, 500, 1000])
def test_a_perfect_pipeline_scores_one_whatever_its_chunk_size(
    make_variant: Callable[..., Path], size: int
) -> None:
    docs, records = random_variant_data(seed=size)
    variant = make_variant(docs, records)
    corpus = load_corpus(variant)
    questions = load_questions(variant / "questions" / "public.jsonl", corpus)
    pipeline = OraclePipeline(docs, records, size)
    report = score_run(
        corpus, questions, run_in_process(pipeline, [q.text for q in questions], k=10)
    )
    assert any(len(q.evidence) == 2 for q in questions)  # multi-span questions are included
    for result in report.results:
        if result.question.answerable:
            assert result.coverage_rank == 1, result.question.id
            for key in ("recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10"):
                assert result.scores[key] == 1.0
    means = report.overall.means
    assert all(means[key] == 1.0 for key in means), means
