"""The TREC export lets trec_eval (pytrec_eval) recompute recall@k, MRR@10 and nDCG@10 exactly."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

import pytest
import pytrec_eval

from exercise.evaluate import EvalOptions, Report, score_run
from exercise.export import (
    DOC_QRELS_FILE,
    DOC_RUN_FILE,
    TREC_EVAL_MEASURES,
    export_trec,
    trec_lines,
)
from exercise.judging import CallRecord, Status
from exercise.loading import Corpus, JudgingConfig, Question
from exercise.protocol import to_wire
from exercise.runner import RunRecord
from exercise.types import Answer, Passage, Span

MEASURES = {"recall.1,3,5,10", "recip_rank", "ndcg_cut.10"}


def random_run(seed: int, tmp_path: Path, questions: int = 120) -> Report:
    """Random questions (1–3 spans, some unanswerable) and random, messy search results."""
    rng = random.Random(seed)
    docs = {f"d{i}": "x" * rng.randint(800, 3000) for i in range(4)}
    docs["with space"] = "y" * 900  # docnos must not contain whitespace
    corpus = Corpus(tmp_path, docs, JudgingConfig(passage_cap=rng.choice((200, 400, 1500))), {})
    items, search, answer = [], [], []
    for number in range(questions):
        unanswerable = rng.random() < 0.15
        spans = []
        for _ in range(0 if unanswerable else rng.randint(1, 3)):
            doc_id = rng.choice(sorted(docs))
            start = rng.randrange(len(docs[doc_id]) - 60)
            spans.append(Span(doc_id, start, start + rng.randint(5, 60)))
        qid = f"q{number}"
        items.append(
            Question(
                qid,
                f"question {number}",
                "" if unanswerable else "a",
                tuple(spans),
                unanswerable,
                {},
            )
        )
        search.append(random_search(rng, docs, spans))
        answer.append(CallRecord(Status.OK, to_wire(Answer("", ())), 1))
    run = RunRecord(None, 1, tuple(search), tuple(answer), None, 0, None)
    return score_run(corpus, items, run, options=EvalOptions(k=15, resamples=10))


def random_search(rng: random.Random, docs: dict[str, str], spans: list[Span]) -> CallRecord:
    roll = rng.random()
    if roll < 0.05:
        return CallRecord(Status.ERROR, reason="boom")
    if roll < 0.10:
        return CallRecord(Status.OK, to_wire([Passage("nope", 0, 1, 1.0)]), 1)  # invalid
    passages: list[Passage] = []
    if spans and roll > 0.9:  # coverage only after rank 10: counts for nothing at 10
        passages = [Passage("d0", i, i + 1, 0.0) for i in range(rng.randint(10, 12))]
        passages += [Passage(s.doc_id, s.start, s.end, 0.0) for s in spans]
        return CallRecord(Status.OK, to_wire(passages), 1)
    for _ in range(rng.randint(0, 15)):
        if passages and rng.random() < 0.15:
            passages.append(rng.choice(passages))  # an exact duplicate
        elif spans and rng.random() < 0.35:
            span = rng.choice(spans)  # around a span; may or may not cover it (cap, edges)
            start = max(0, span.start - rng.randint(-3, 300))
            end = min(len(docs[span.doc_id]), span.end + rng.randint(-3, 2000))
            if start < end:
                passages.append(Passage(span.doc_id, start, end, rng.random()))
        else:
            doc_id = rng.choice(sorted(docs))
            start = rng.randrange(len(docs[doc_id]) - 1)
            passages.append(Passage(doc_id, start, min(len(docs[doc_id]), start + 300), 0.0))
    return CallRecord(Status.OK, to_wire(passages), 1)


def read_trec(
    out: Path, run_file: str = "run.trec", qrels_file: str = "qrels.trec"
) -> tuple[dict[str, dict[str, int]], dict[str, dict[str, float]]]:
    qrels: dict[str, dict[str, int]] = {}
    for line in (out / qrels_file).read_text().splitlines():
        qid, _, docno, rel = line.split()
        qrels.setdefault(qid, {})[docno] = int(rel)
    run: dict[str, dict[str, float]] = {}
    for line in (out / run_file).read_text().splitlines():
        qid, q0, docno, rank, score, tag = line.split()
        assert docno not in run.get(qid, {}), f"duplicate docno {docno} for {qid}"
        assert (q0, tag) == ("Q0", "takehome") and int(rank) >= 1
        run.setdefault(qid, {})[docno] = float(score)
    return qrels, run


@pytest.mark.parametrize("seed", range(5))
def test_pytrec_eval_recomputes_our_rank_metrics(seed: int, tmp_path: Path) -> None:
    report = random_run(seed, tmp_path)
    out = tmp_path / "trec"
    export_trec(report.results, out, dict(report.overall.means))
    qrels, run = read_trec(out)
    answerable = {r.question.id: r for r in report.results if r.question.answerable}
    assert set(qrels) == set(run) == set(answerable)  # nobody dropped, no unanswerable included
    assert all(len(docs) <= 10 for docs in run.values())  # truncated to the top 10
    theirs = pytrec_eval.RelevanceEvaluator(qrels, MEASURES).evaluate(run)
    assert set(theirs) == set(answerable)
    for qid, result in answerable.items():
        for ours, trec in TREC_EVAL_MEASURES.items():
            assert result.scores[ours] == pytest.approx(theirs[qid][trec], abs=1e-9), (qid, ours)
    for ours, trec in TREC_EVAL_MEASURES.items():
        mean = sum(values[trec] for values in theirs.values()) / len(theirs)
        assert report.overall.means[ours] == pytest.approx(mean, abs=1e-9)
    # The randomness exercised every branch at least once.
    ranks = [r.coverage_rank for r in answerable.values()]
    assert None in ranks and 1 in ranks and any(r and 1 < r <= 10 for r in ranks)
    assert any(r and r > 10 for r in ranks)
    saved = json.loads((out / "metrics.json").read_text())
    assert saved["metrics"]["ndcg@10"] == pytest.approx(report.overall.means["ndcg@10"])


def test_questions_without_passages_get_a_placeholder_line(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path, {"d": "x" * 100}, JudgingConfig(), {})
    questions = [
        Question("q1", "?", "a", (Span("d", 0, 5),), False, {}),
        Question("q2", "?", "", (), True, {}),
    ]
    empty = CallRecord(Status.OK, to_wire([]), 1)
    abstain = CallRecord(Status.OK, to_wire(Answer("", ())), 1)
    run = RunRecord(None, 1, (empty, empty), (abstain, abstain), None, 0, None)
    run_lines, qrels_lines = trec_lines(score_run(corpus, questions, run).results)
    assert run_lines == ["q1 Q0 q1:no-passages 1 0 takehome"]
    assert qrels_lines == ["q1 0 q1:evidence 1"]


def test_duplicates_are_renamed_and_the_covering_rank_is_the_evidence(tmp_path: Path) -> None:
    corpus = Corpus(tmp_path, {"d": "x" * 100}, JudgingConfig(), {})
    question = Question("q1", "?", "a", (Span("d", 50, 60),), False, {})
    passages = [
        Passage("d", 0, 10, 1.0),
        Passage("d", 0, 10, 1.0),
        Passage("d", 40, 70, 1.0),
        Passage("d", 40, 70, 1.0),
    ]
    search: Any = CallRecord(Status.OK, to_wire(passages), 1)
    run = RunRecord(None, 1, (search,), (CallRecord(Status.NOT_RUN),), None, 0, None)
    run_lines, _ = trec_lines(score_run(corpus, [question], run).results)
    assert run_lines == [
        "q1 Q0 d:0-10 1 10 takehome",
        "q1 Q0 d:0-10#2 2 9 takehome",
        "q1 Q0 q1:evidence 3 8 takehome",  # coverage completes at rank 3
        "q1 Q0 d:40-70 4 7 takehome",  # a later covering passage is just another passage
    ]


@pytest.mark.parametrize("seed", range(3))
def test_document_qrels_judge_any_run_over_the_documents(seed: int, tmp_path: Path) -> None:
    report = random_run(seed, tmp_path)
    out = tmp_path / "trec"
    export_trec(report.results, out, dict(report.overall.means))
    qrels, run = read_trec(out, DOC_RUN_FILE, DOC_QRELS_FILE)
    answerable = {r.question.id: r for r in report.results if r.question.answerable}
    assert set(qrels) == set(run) == set(answerable)
    docnos = {"_".join(d.split()) for d in ("d0", "d1", "d2", "d3", "with space")}
    for qid, result in answerable.items():  # the evidence documents, named as documents
        assert set(qrels[qid]) == {"_".join(s.doc_id.split()) for s in result.question.evidence}
    assert {d for docs in qrels.values() for d in docs} <= docnos
    # another system's document run (every document, in name order) is judged by them ...
    everything = {d: float(len(docnos) - i) for i, d in enumerate(sorted(docnos))}
    other = {qid: dict(everything) for qid in qrels}
    judged = pytrec_eval.RelevanceEvaluator(qrels, {"recall.10"}).evaluate(other)
    assert all(values["recall_10"] == 1.0 for values in judged.values())
    # ... and not by the span-judged pair, whose relevant item is no document
    span_qrels, _ = read_trec(out)
    unjudged = pytrec_eval.RelevanceEvaluator(span_qrels, {"recall.10"}).evaluate(other)
    assert all(values["recall_10"] == 0.0 for values in unjudged.values())
    # this run at document level: covered in the top 10 means every evidence document is there
    ours = pytrec_eval.RelevanceEvaluator(qrels, {"recall.10"}).evaluate(run)
    for qid, result in answerable.items():
        if result.coverage_rank is not None and result.coverage_rank <= 10:
            assert ours[qid]["recall_10"] == 1.0, qid
        ranked = sorted(run[qid], key=lambda d: -run[qid][d])
        assert len(ranked) == len(set(ranked))  # each document once, at its first passage


def test_the_help_says_what_each_pair_can_judge() -> None:
    import typer

    from exercise.cli import app

    command = typer.main.get_command(app).commands["eval"]
    (option,) = [p for p in command.params if "--export-trec" in p.opts]
    for part in ("run.docs.trec", "qrels.docs.trec", "judges no other run", "document-level run"):
        assert part in option.help, part
