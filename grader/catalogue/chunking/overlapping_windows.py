"""Cutting documents into chunks: overlapping windows of about `CHUNK_SIZE` characters.

Consecutive windows share `CHUNK_OVERLAP` characters, so text near a window's end is also near the
start of the next one: a sentence that one window cuts off is whole in its neighbour. Window edges
fall on whitespace, so no word is split in half.
"""

from __future__ import annotations

from .records import Chunk

CHUNK_SIZE = 1200  # characters: a few paragraphs, well under the 1,500-character passage cap
CHUNK_OVERLAP = 200  # characters shared by consecutive windows


def chunk_documents(docs: dict[str, str]) -> list[Chunk]:
    """Cut every document into overlapping windows, in doc_id order."""
    chunks = []
    for doc_id in sorted(docs):
        text = docs[doc_id]
        for start, end in _windows(text):
            chunks.append(Chunk(doc_id=doc_id, start=start, end=end, text=text[start:end]))
    return chunks


def _windows(text: str) -> list[tuple[int, int]]:
    """(start, end) of each window, first to last, trimmed of surrounding whitespace."""
    windows = []
    start = _next_word(text, 0)
    while start < len(text):
        end = min(start + CHUNK_SIZE, len(text))
        if end < len(text):
            # End at the last whitespace inside the window, unless the window is a single word.
            space = max(text.rfind(" ", start, end + 1), text.rfind("\n", start, end + 1))
            end = space if space > start else end
        trimmed = end
        while trimmed > start and text[trimmed - 1].isspace():
            trimmed -= 1
        if trimmed > start:
            windows.append((start, trimmed))
        if end >= len(text):
            break
        # The next window starts CHUNK_OVERLAP characters back, at the start of a word.
        back = max(end - CHUNK_OVERLAP, start + 1)
        space = max(text.rfind(" ", start + 1, back), text.rfind("\n", start + 1, back))
        start = _next_word(text, space + 1 if space > start else end)
    return windows


def _next_word(text: str, position: int) -> int:
    """The first non-whitespace offset at or after `position` (len(text) if none)."""
    while position < len(text) and text[position].isspace():
        position += 1
    return position
