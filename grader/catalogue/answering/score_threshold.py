"""Answering: the sentence of the best passages that matches the question, cited by its offsets.

The sentences (and lines: list items, table rows) of the `ANSWER_PASSAGES` best-ranked chunks are
the candidates. Each scores the share of the question's words (`words.tokenize`) it contains; the
best one is the answer, and its exact span in the document is the citation, so a reader checks
the answer against the one sentence it came from. Ties go to the sentence of the better-ranked
chunk, then to the earlier one.

When the chunks it reads score below `MIN_SCORE` on average, retrieval found nothing relevant to
the question and the answer is an abstention (empty, uncited): no answer is better than a wrong one.
"""

from __future__ import annotations

import re

from exercise.types import Answer, Span

from .records import Chunk
from .words import tokenize

ANSWER_PASSAGES = 3  # best-ranked chunks whose sentences are candidates
MIN_SCORE = 0.3  # mean relevance of the chunks read, below which the question is not answered
MAX_ANSWER_CHARS = 300  # the evaluation judges only this much of an answer

# A sentence ends at . ! or ? before whitespace; a line break ends a list item or table row.
_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\n+")


def answer_from(query: str, ranked: list[tuple[Chunk, float]], docs: dict[str, str]) -> Answer:
    """An extractive answer citing its sentence, or `Answer("", ())` to abstain."""
    read = ranked[:ANSWER_PASSAGES]
    if not read or sum(score for _, score in read) / len(read) < MIN_SCORE:
        return Answer("", ())
    asked = set(tokenize(query))
    best: tuple[float, int, int, Chunk, int, int] | None = None
    for rank, (chunk, _score) in enumerate(read):
        text = docs[chunk.doc_id]
        for start, end in _sentences(text, chunk.start, chunk.end):
            words = set(tokenize(text[start:end]))
            share = len(asked & words) / len(asked) if asked else 0.0
            key = (-share, rank, start)
            if best is None or key < best[:3]:
                best = (*key, chunk, start, end)
    if best is None:
        return Answer("", ())
    *_, chunk, start, end = best
    answer = " ".join(docs[chunk.doc_id][start:end].strip(" #|*-\t").split())
    if len(answer) > MAX_ANSWER_CHARS:
        answer = answer[:MAX_ANSWER_CHARS].rsplit(" ", 1)[0]
    return Answer(answer, (Span(chunk.doc_id, start, end),))


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each non-blank sentence or line in text[start:end], whitespace trimmed."""
    cuts = [start, *(m.end() for m in _BOUNDARY.finditer(text, start, end)), end]
    spans = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans
