"""The HTML report's "questions worth a look": per question, the expected and given answers,
the expected evidence in its document with the returned passages and cited spans marked, and
the top passages. All text is escaped: answers and passages' text are the candidate's doing or
the corpus's, never markup."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from grader.reports.context import Segment, evidence_excerpts, passage_snippet
from grader.reports.reading import fmt, worst_questions
from grader.reports.svg import esc

PASSAGES_SHOWN = 5


def render_worst(report: Mapping[str, Any], docs: Mapping[str, str] | None, limit: int) -> str:
    questions = worst_questions(report, limit)
    cap = int((report.get("judging") or {}).get("passage_cap") or 1500)
    intro = (
        '<p class="small legend">A few questions per slice the submission missed (failed calls '
        "and regressions first). "
        + (
            '<span class="exp">expected evidence</span> <span class="ret">returned passage '
            '(top 10, as judged)</span> <span class="cit">cited span</span>'
            if docs is not None
            else "Offsets only: render with --key KEYDIR to see the document text."
        )
        + "</p>"
    )
    blocks = [_question(q, docs, cap) for q in questions]
    if not blocks:
        blocks = ["<p>The submission missed no question.</p>"]
    return f'<h2 id="worst">Questions worth a look</h2>{intro}{"".join(blocks)}'


def _question(question: Mapping[str, Any], docs: Mapping[str, str] | None, cap: int) -> str:
    scores = question["scores"]
    base = question.get("baseline") or {}
    answer = question.get("answer") or {}
    search = question.get("search") or {}
    status = question["status"] + (f": {question['reason']}" if question.get("reason") else "")
    facts = [
        f"slice {esc(question.get('slice'))}",
        f"status {esc(status)}",
    ]
    if not question["unanswerable"]:  # not vocabulary: the question's flag
        facts.append(
            f"evidence found at rank {esc(question.get('coverage_rank') or 'never (top 10)')}"
        )
        if base:
            facts.append(f"baseline: rank {esc(base.get('coverage_rank') or 'never')}")
    facts.append(f"answer correct {fmt(scores.get('answer_accuracy'), '.0f')}")
    expected = (
        "abstain (the corpus does not say)"
        if question["unanswerable"]  # not vocabulary: the question's flag
        else question.get("expected_answer", "")
    )
    given = answer.get("text")
    parts = [
        f'<div class="q" id="q-{esc(question["id"])}">'
        f'<div class="text">{esc(question["id"])} · {esc(question["text"])}</div>'
        f'<div class="small">{" · ".join(facts)}</div>'
        f"<div>expected: <b>{esc(expected)}</b></div>"
        f"<div>answered: {esc(given) if given else '<i>abstained</i>'}"
        + (
            ' <span class="small">cites '
            # not vocabulary: the answer's "citations" field
            + esc(", ".join(_span(c) for c in answer.get("citations") or []))
            + "</span>"
            if answer.get("citations")  # not vocabulary: the answer's field
            else ""
        )
        + "</div>"
    ]
    if docs is not None:
        for excerpt in evidence_excerpts(question, docs, passage_cap=cap):
            text = "".join(_segment(s) for s in excerpt.segments)
            parts.append(
                f'<div class="small">{esc(excerpt.doc_id)} [{excerpt.start}:{excerpt.end}]</div>'
                f'<div class="ctx">{"…" if excerpt.start else ""}{text}…</div>'
            )
    else:
        spans = ", ".join(_span(s) for s in question.get("evidence") or [])
        if spans:
            parts.append(f'<div class="small">expected evidence: {esc(spans)}</div>')
    passages = search.get("passages") or []
    if passages:
        items = []
        for rank, passage in enumerate(passages[:PASSAGES_SHOWN], start=1):
            covers = _covers(passage, question.get("evidence") or [], cap)
            snippet = passage_snippet(passage, docs, cap) if docs is not None else None
            items.append(
                f"<li>#{rank} {esc(_span(passage))} score {esc(_score(passage.get('score')))}"
                + (' <span class="badge fixed">covers evidence</span>' if covers else "")
                + (f'<div class="ctx">{esc(snippet)}…</div>' if snippet else "")
                + "</li>"
            )
        parts.append(
            f'<div class="small">returned (top {PASSAGES_SHOWN}):</div>'
            '<ol class="passages">' + "".join(items) + "</ol>"
        )
    elif search.get("status") == "ok":
        parts.append('<div class="small">search returned nothing</div>')
    parts.append("</div>")
    return "".join(parts)


def _covers(passage: Mapping[str, Any], evidence: Sequence[Mapping[str, Any]], cap: int) -> bool:
    end = min(passage["end"], passage["start"] + cap)
    return any(
        span["doc_id"] == passage["doc_id"]
        and passage["start"] <= span["start"]
        and span["end"] <= end
        for span in evidence
    )


def _segment(segment: Segment) -> str:
    classes = [
        name
        for name, on in (
            ("exp", segment.expected),
            ("ret", segment.returned),
            ("cit", segment.cited),
        )
        if on
    ]
    text = esc(segment.text)
    return f'<span class="{" ".join(classes)}">{text}</span>' if classes else text


def _span(span: Mapping[str, Any]) -> str:
    return f"{span['doc_id']}[{span['start']}:{span['end']}]"


def _score(value: object) -> str:
    return f"{value:.3g}" if isinstance(value, int | float) else "–"


def badge(verdict: str | None, label: str | None = None) -> str:
    """A coloured label for a verdict or a severity (also used by `html`)."""
    word = label or verdict or "no verdict"
    return f'<span class="badge {esc(verdict or "none")}">{esc(word)}</span>'
