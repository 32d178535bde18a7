"""Answering: an extractive answer taken from the best passage, with a citation.

The top-ranked chunk is the most relevant text found, so its opening sentence is returned as the
answer, and the chunk itself is cited so a reader can check the answer in context.
"""

from __future__ import annotations

import re

from exercise.types import Answer, Span

from .records import Chunk

MAX_ANSWER_CHARS = 300  # answers longer than this are rejected by the evaluation
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def answer_from(query: str, ranked: list[tuple[Chunk, float]], docs: dict[str, str]) -> Answer:
    """Answer with the first sentence of the top-ranked chunk, citing that chunk."""
    if not ranked:
        return Answer("", ())
    chunk, _score = ranked[0]
    passage = docs[chunk.doc_id][chunk.start : chunk.end]
    sentences = [s.strip(" #|*-\t") for s in _SENTENCE_END.split(passage)]
    text = next((s for s in sentences if s), passage.strip())
    if len(text) > MAX_ANSWER_CHARS:
        text = text[:MAX_ANSWER_CHARS].rsplit(" ", 1)[0]
    return Answer(text, (Span(chunk.doc_id, chunk.start, chunk.end),))
