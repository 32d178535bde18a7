"""The printed summary: statuses, metrics, latency and the worst questions, markup-safe."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

from rich.console import Console

from exercise.evaluate import EvalOptions, score_run
from exercise.judging import CallRecord, Status
from exercise.loading import load_corpus, load_questions
from exercise.protocol import ErrorInfo, to_wire
from exercise.runner import RunRecord
from exercise.summary import render_summary, worst_questions
from exercise.types import Answer, Passage, Span
from tests.exercise.helpers import LONG, SMALL_DOCS, SMALL_QUESTIONS

OPTIONS = EvalOptions(resamples=20)


def report_for(make_variant: Callable[..., Path], search: list, answer: list):  # noqa: ANN201
    questions_data = [
        {**SMALL_QUESTIONS[0], "text": "Notice [bold]period[/bold]?"},
        *SMALL_QUESTIONS[1:],
    ]
    variant = make_variant(SMALL_DOCS, questions_data)
    corpus = load_corpus(variant)
    questions = load_questions(variant / "questions" / "public.jsonl", corpus)
    run = RunRecord(None, 2_000_000_000, tuple(search), tuple(answer), 300 * 1024, 0, None)
    return corpus, score_run(corpus, questions, run, options=OPTIONS)


def test_summary_shows_expected_versus_returned(make_variant: Callable[..., Path]) -> None:
    q2 = SMALL_QUESTIONS[1]["evidence"]
    whole_long = Passage("long", 0, len(LONG), 1.0)
    search = [
        CallRecord(Status.ERROR, error=ErrorInfo("KeyError", "'alpha'", "tb")),
        CallRecord(Status.OK, to_wire([Passage("beta", 0, q2[1]["end"], 1.0)]), 1_000_000),
        CallRecord(Status.OK, to_wire([whole_long]), 3_000_000),
        CallRecord(Status.OK, to_wire([]), 2_000_000),
    ]
    answer = [
        CallRecord(Status.OK, to_wire(Answer("", ())), 1_000_000),
        CallRecord(Status.OK, to_wire(Answer("65 W", (Span(**q2[0]), Span(**q2[1])))), 1_000_000),
        CallRecord(Status.OK, to_wire(Answer("the car park", ())), 1_000_000),
        CallRecord(Status.OK, to_wire(Answer("", ())), 1_000_000),
    ]
    corpus, report = report_for(make_variant, search, answer)
    out = io.StringIO()
    render_summary(report, corpus, Console(file=out, width=120), worst=5)
    text = out.getvalue()
    assert "4 questions: ok 3, error 1" in text
    assert "Metrics (k=10)" in text and "Latency (build 2.00 s, peak RSS 300 MiB)" in text
    assert "Notice [bold]period[/bold]?" in text  # question text is not parsed as markup
    assert "error: search: KeyError: 'alpha'" in text
    assert f"(only the first 1500 of {len(LONG)} chars count)" in text
    assert "the evidence is never fully covered" in text
    assert "Annual leave must be requested 14 days in advance." in text  # expected evidence
    # q-charger is perfect and q-parking abstained correctly: not among the worst.
    assert [r.question.id for r in worst_questions(report.results, 5)] == ["q-notice", "q-assembly"]


def records(one_passage_for_all_spans: bool) -> tuple[list, list]:
    search, answer = [], []
    for question in SMALL_QUESTIONS:
        spans = [Span(**e) for e in question["evidence"]]
        if one_passage_for_all_spans and spans:
            spans_hull = [Span(spans[0].doc_id, spans[0].start, spans[-1].end)]
        else:
            spans_hull = spans
        passages = [Passage(s.doc_id, s.start, s.end, 1.0) for s in spans_hull]
        search.append(CallRecord(Status.OK, to_wire(passages), 1))
        answer.append(CallRecord(Status.OK, to_wire(Answer(question["answer"], tuple(spans))), 1))
    return search, answer


def test_a_perfect_run_says_so(make_variant: Callable[..., Path]) -> None:
    corpus, report = report_for(make_variant, *records(one_passage_for_all_spans=True))
    assert worst_questions(report.results, 5) == []
    out = io.StringIO()
    render_summary(report, corpus, Console(file=out, width=100))
    assert "Every question passed retrieval, answer and citations." in out.getvalue()


def test_coverage_completing_at_rank_2_is_not_perfect(make_variant: Callable[..., Path]) -> None:
    # q-charger's two spans in two passages: coverage completes at rank 2 (ndcg@10 = 1/log2(3)).
    corpus, report = report_for(make_variant, *records(one_passage_for_all_spans=False))
    assert [r.question.id for r in worst_questions(report.results, 5)] == ["q-charger"]
    out = io.StringIO()
    render_summary(report, corpus, Console(file=out, width=100), worst=0)
    assert "Worst" not in out.getvalue() and "Every question passed" not in out.getvalue()
