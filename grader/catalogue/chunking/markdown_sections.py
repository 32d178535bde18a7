"""Cutting documents into chunks along their Markdown structure: one chunk per section.

A heading line starts a new section. Each section's body (the lines under its heading) becomes a
chunk, so a chunk never mixes two topics. A section longer than `CHUNK_SIZE` characters is packed
into several chunks of whole lines (a paragraph, a list item or a table row each), and a line
longer than that is cut at its sentence ends: no sentence is ever split.

`Chunk.start`/`end` are the exact offsets of the chunk's text in the document, so passages and
citations point at what was indexed.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .records import Chunk

CHUNK_SIZE = 1000  # characters: a long section is packed into chunks of at most this

_HEADING = re.compile(r"#{1,6}\s")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def chunk_documents(docs: dict[str, str]) -> list[Chunk]:
    """Chunk every document, in doc_id order."""
    chunks = []
    for doc_id in sorted(docs):
        text = docs[doc_id]
        for start, end in _sections(text):
            chunks.append(Chunk(doc_id=doc_id, start=start, end=end, text=text[start:end]))
    return chunks


def _sections(text: str) -> list[tuple[int, int]]:
    """(start, end) of each chunk: section bodies, packed from whole lines up to CHUNK_SIZE."""
    spans: list[tuple[int, int]] = []
    lines: list[tuple[int, int]] = []

    def close() -> None:
        if lines:
            spans.append((lines[0][0], lines[-1][1]))
            lines.clear()

    for start, end, heading in _lines(text):
        if heading:
            close()
        elif lines and end - lines[0][0] > CHUNK_SIZE:
            close()
            lines.append((start, end))
        else:
            lines.append((start, end))
    close()
    return spans


def _lines(text: str) -> Iterator[tuple[int, int, bool]]:
    """(start, end, is_heading) of each non-blank line, lines over CHUNK_SIZE cut at sentences."""
    position = 0
    for line in text.split("\n"):
        start, end = position, position + len(line.rstrip())
        position += len(line) + 1
        if not line.strip():
            continue
        if _HEADING.match(line):
            yield start, end, True
        elif end - start <= CHUNK_SIZE:
            yield start, end, False
        else:
            cuts = [start, *(m.end() for m in _SENTENCE_END.finditer(text, start, end)), end]
            for a, b in zip(cuts, cuts[1:], strict=False):
                while b > a and text[b - 1].isspace():
                    b -= 1
                if b > a:
                    yield a, b, False
