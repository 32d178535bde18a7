"""The human-readable summary of a `Report`: statuses, metrics, latency, and the worst questions.

The worst questions show what was expected (evidence text, gold answer) next to what came back
(the top passages' text, the answer), truncated, so a candidate can see *why* a question failed.
Called by `exercise.cli`; renders onto any rich `Console`.
"""

from __future__ import annotations

from rich.console import Console, Group
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from exercise.evaluate import Report
from exercise.judging import Status
from exercise.loading import Corpus
from exercise.scoring import METRIC_KEYS, QuestionResult
from exercise.types import Passage, Span

DEFAULT_WORST = 5
SNIPPET_CHARS = 160
PASSAGES_SHOWN = 3


def render_summary(
    report: Report, corpus: Corpus, console: Console, *, worst: int = DEFAULT_WORST
) -> None:
    """Print the whole summary."""
    console.print(_status_line(report))
    console.print(_metrics_table(report))
    console.print(_latency_table(report))
    if worst <= 0:
        return
    failing = worst_questions(report.results, worst)
    if failing:
        console.print(Text(f"Worst {len(failing)} question(s)", style="bold"))
        for result in failing:
            console.print(_question_panel(result, corpus))
    else:
        console.print("Every question passed retrieval, answer and citations.")


def worst_questions(results: tuple[QuestionResult, ...], count: int) -> list[QuestionResult]:
    """The `count` weakest questions that are not perfect, weakest first.

    Order: calls that failed (not ok) first, then lowest nDCG@10, then lowest answer accuracy, then
    lowest citation recall, then question id.
    """

    def key(result: QuestionResult) -> tuple[bool, float, float, float, str]:
        scores = result.scores
        return (
            result.status is Status.OK,
            _or_one(scores["ndcg@10"]),
            _or_one(scores["answer_accuracy"]),
            _or_one(scores["citation_recall"]),
            result.question.id,
        )

    imperfect = [r for r in results if key(r)[:4] != (True, 1.0, 1.0, 1.0)]
    return sorted(imperfect, key=key)[:count]


def _or_one(value: float | None) -> float:
    return 1.0 if value is None else value


def _status_line(report: Report) -> Text:
    parts = [f"{name} {count}" for name, count in report.statuses.items() if count]
    line = Text(f"{len(report.results)} questions: " + ", ".join(parts), style="bold")
    if report.latency.restarts:
        line.append(f"  (child restarted {report.latency.restarts}x)", style="yellow")
    return line


def _metrics_table(report: Report) -> Table:
    table = Table(title=f"Metrics (k={report.k})", title_justify="left")
    table.add_column("metric")
    table.add_column("value", justify="right")
    table.add_column("95% CI", justify="right")
    table.add_column("over", justify="right")
    overall = report.overall
    for key in METRIC_KEYS:
        mean, ci = overall.means[key], overall.ci95[key]
        table.add_row(
            key,
            "n/a" if mean is None else f"{mean:.3f}",
            "" if ci is None else f"{ci[0]:.3f}–{ci[1]:.3f}",
            str(overall.support[key]),
        )
    return table


def _latency_table(report: Report) -> Table:
    latency = report.latency
    build = "n/a" if latency.build_s is None else f"{latency.build_s:.2f} s"
    rss = "n/a" if latency.peak_rss_mib is None else f"{latency.peak_rss_mib:.0f} MiB"
    table = Table(
        title=f"Latency (build {build}, peak RSS {rss})",
        title_justify="left",
        caption="nearest-rank percentiles over calls that returned",
        caption_justify="left",
    )
    for column in ("op", "calls", "failed", "p50 ms", "p95 ms", "p99 ms", "max ms"):
        table.add_column(column, justify="left" if column == "op" else "right")
    for name, op in latency.ops.items():
        cells = [op.p50_ms, op.p95_ms, op.p99_ms, op.max_ms]
        table.add_row(
            name,
            str(op.calls),
            str(op.failed),
            *("n/a" if value is None else f"{value:.2f}" for value in cells),
        )
    return table


def _question_panel(result: QuestionResult, corpus: Corpus) -> Panel:
    question = result.question
    body = Text()
    if result.status is not Status.OK:
        body.append(f"{result.status.value}: {result.reason}\n", style="red")
    body.append("expected: ", style="bold")
    if question.unanswerable:
        body.append("abstain (the corpus does not say)\n")
    else:
        body.append(f"{question.answer!r}\n")
        for span in question.evidence:
            body.append(f"  {_where(span)} ", style="cyan")
            body.append(f"{_snippet(corpus.text(span))}\n")
    body.append("got: ", style="bold")
    if not question.answerable:
        body.append("\n")
    elif result.coverage_rank is None:
        body.append("the evidence is never fully covered\n")
    else:
        body.append(f"the evidence is fully covered at rank {result.coverage_rank}\n")
    cap = corpus.judging.passage_cap
    for number, passage in enumerate(result.search.passages[:PASSAGES_SHOWN], start=1):
        body.append(f"  {number}. {_where(passage)} ", style="cyan")
        length = passage.end - passage.start
        if length > cap:
            body.append(f"(only the first {cap} of {length} chars count) ", style="yellow")
        body.append(f"{_snippet(corpus.text(passage))}\n")
    answer = result.answer.answer
    if answer is not None:
        shown = "(abstained)" if answer.text == "" and not answer.citations else repr(answer.text)
        body.append(f"  answer: {_snippet(shown)}")
        if answer.citations:
            body.append(f"  cites {', '.join(_where(c) for c in answer.citations[:3])}")
    scores = result.scores
    summary = ", ".join(
        f"{key} {scores[key]:.2f}"
        for key in ("ndcg@10", "answer_accuracy", "citation_precision", "citation_recall")
        if scores[key] is not None
    )
    # Text, not str: question text is data and must not be parsed as rich markup.
    title = Text(f"{question.id}: {_snippet(question.text, 90)}")
    return Panel(
        Group(body), title=title, title_align="left", subtitle=Text(summary), subtitle_align="right"
    )


def _where(span: Span | Passage) -> str:
    return f"[{span.doc_id}:{span.start}-{span.end}]"


def _snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
