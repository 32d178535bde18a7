"""Evidence in context: a window of document text cut into segments marked expected / returned.

The HTML report shows, for a question worth a look, the expected evidence with some text around
it, and which parts of that text the submission's passages and citations covered. report.json
holds offsets only; the text comes from the answer key's pristine corpus (`docs`), never from
the submission. Passages count only up to the judge's cap, as they were judged.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

MARGIN = 160  # characters of context either side of the evidence
SNIPPET = 240  # characters shown of a returned passage


@dataclass(frozen=True)
class Segment:
    text: str
    expected: bool  # inside an expected evidence span
    returned: bool  # inside a passage the search returned (as judged: capped)
    cited: bool  # inside a span the answer cited


@dataclass(frozen=True)
class Excerpt:
    doc_id: str
    start: int  # the window's offsets in the document
    end: int
    segments: tuple[Segment, ...]


def evidence_excerpts(
    question: Mapping[str, Any],
    docs: Mapping[str, str],
    *,
    passage_cap: int,
    top: int = 10,
    margin: int = MARGIN,
) -> list[Excerpt]:
    """One excerpt per document holding expected evidence (documents missing from `docs` are
    skipped), marked with the top `top` passages and the answer's citations."""
    by_doc: dict[str, list[tuple[int, int]]] = {}
    for span in question.get("evidence") or []:
        by_doc.setdefault(span["doc_id"], []).append((span["start"], span["end"]))
    passages = _spans((question.get("search") or {}).get("passages") or [], top, passage_cap)
    # not vocabulary: the answer's "citations" field
    cited = _spans((question.get("answer") or {}).get("citations") or [], None, None)
    excerpts = []
    for doc_id, spans in by_doc.items():
        text = docs.get(doc_id)
        if text is None:
            continue
        start = max(0, min(s for s, _ in spans) - margin)
        end = min(len(text), max(e for _, e in spans) + margin)
        excerpts.append(
            Excerpt(
                doc_id,
                start,
                end,
                _segments(
                    text,
                    start,
                    end,
                    spans,
                    passages.get(doc_id, []),
                    cited.get(doc_id, []),
                ),
            )
        )
    return excerpts


def passage_snippet(passage: Mapping[str, Any], docs: Mapping[str, str], cap: int) -> str | None:
    """The first SNIPPET characters of a returned passage as judged, or None without the text."""
    text = docs.get(passage["doc_id"])
    if text is None:
        return None
    end = min(passage["end"], passage["start"] + cap, passage["start"] + SNIPPET)
    return text[max(0, passage["start"]) : max(0, end)]


def _spans(
    items: Sequence[Mapping[str, Any]], top: int | None, cap: int | None
) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    for item in items[:top] if top is not None else items:
        start, end = int(item["start"]), int(item["end"])
        if cap is not None:
            end = min(end, start + cap)
        spans.setdefault(str(item["doc_id"]), []).append((start, end))
    return spans


def _segments(
    text: str,
    start: int,
    end: int,
    expected: list[tuple[int, int]],
    returned: list[tuple[int, int]],
    cited: list[tuple[int, int]],
) -> tuple[Segment, ...]:
    cuts = {start, end}
    for spans in (expected, returned, cited):
        for s, e in spans:
            cuts.update(c for c in (s, e) if start < c < end)
    edges = sorted(cuts)
    segments = []
    for a, b in zip(edges, edges[1:], strict=False):
        if a >= b:
            continue
        segments.append(
            Segment(
                text[a:b],
                expected=_inside(a, b, expected),
                returned=_inside(a, b, returned),
                cited=_inside(a, b, cited),
            )
        )
    return tuple(segments)


def _inside(a: int, b: int, spans: list[tuple[int, int]]) -> bool:
    return any(s <= a and b <= e for s, e in spans)
