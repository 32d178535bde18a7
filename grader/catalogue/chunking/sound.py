"""Chunking: Markdown-aware chunks packed from whole sentences, with the heading path as context.

A document is split into sections at its Markdown headings. Each line of a section is cut into
sentences (a list item or a table row is one unit), and the units are packed greedily into chunks
of at most `CHUNK_SIZE` characters (`rag.settings`). Consecutive prose chunks share one sentence,
so two adjacent sentences always meet in some chunk. A table is chunked on its own, a group of
whole rows per chunk, with the table's header row repeated in the text of every chunk so the cells
keep their column names.

The text that is embedded and indexed starts with the section's heading path (document title >
section > subsection); `Chunk.start`/`end` cover only the document text of the chunk.
"""

from __future__ import annotations

import re

from .packing import pack
from .records import Chunk
from .settings import CHUNK_SIZE

HEADING_SEPARATOR = " > "

_HEADING = re.compile(r"(#{1,6})\s+(.*?)[\s#]*$")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[`*])")
_TABLE_RULE = re.compile(r"\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?")


def chunk_documents(docs: dict[str, str]) -> list[Chunk]:
    """Chunk every document, in doc_id order."""
    chunks: list[Chunk] = []
    for doc_id in sorted(docs):
        chunks.extend(_chunk_document(doc_id, docs[doc_id]))
    return chunks


def _chunk_document(doc_id: str, text: str) -> list[Chunk]:
    chunks: list[Chunk] = []
    headings: list[tuple[int, str]] = []  # (level, title) of the headings above this line
    prose: list[tuple[int, int]] = []  # sentence spans of the current section
    table: list[tuple[int, int]] = []  # line spans of the current table (header included)

    def context() -> str:
        return HEADING_SEPARATOR.join(title for _, title in headings)

    def flush_prose() -> None:
        for window in pack(prose, CHUNK_SIZE, overlap=True):
            chunks.append(_chunk(doc_id, text, window, context()))
        prose.clear()

    def flush_table() -> None:
        header, rows = table[:1], table[1:]
        if len(table) > 1 and _TABLE_RULE.fullmatch(_line(text, table[1])):
            header, rows = table[:2], table[2:]
        if not rows:  # a header without rows: keep it as text
            header, rows = [], table[:]
        head = "\n".join(_line(text, span) for span in header)
        budget = max(1, CHUNK_SIZE - len(head))
        for window in pack(rows, budget, overlap=False):
            prefix = "\n".join(part for part in (context(), head) if part)
            chunks.append(_chunk(doc_id, text, window, prefix))
        table.clear()

    position = 0
    for raw in text.split("\n"):
        start, position = position, position + len(raw) + 1
        line = raw.strip()
        span = (start + len(raw) - len(raw.lstrip()), start + len(raw.rstrip()))
        if line.startswith("|"):
            if not table:
                flush_prose()  # a table is chunked on its own, in document order
            table.append(span)
            continue
        if table:
            flush_table()
        if not line:
            continue
        heading = _HEADING.fullmatch(line)
        if heading:
            flush_prose()
            level = len(heading.group(1))
            headings = [h for h in headings if h[0] < level] + [(level, heading.group(2))]
            continue
        prose.extend(_sentences(text, span))
    if table:
        flush_table()
    flush_prose()
    return chunks


def _sentences(text: str, span: tuple[int, int]) -> list[tuple[int, int]]:
    """The sentence spans of one line."""
    start, end = span
    cuts = [start, *(m.end() for m in _SENTENCE_END.finditer(text, start, end)), end]
    spans = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            spans.append((a, b))
    return spans


def _chunk(doc_id: str, text: str, window: list[tuple[int, int]], prefix: str) -> Chunk:
    start, end = window[0][0], window[-1][1]
    body = text[start:end]
    return Chunk(doc_id, start, end, f"{prefix}\n{body}" if prefix else body)


def _line(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]
