"""Cutting documents into chunks: the units that are embedded, searched and returned as passages.

Every document is cut into consecutive windows of `CHUNK_SIZE` characters (`rag.settings`).
Equal-sized chunks keep the index predictable: each vector stands for the same amount of text,
and the number of chunks (hence the embedding time) follows directly from the corpus size.
"""

from __future__ import annotations

from .records import Chunk
from .settings import CHUNK_SIZE


def chunk_documents(docs: dict[str, str]) -> list[Chunk]:
    """Cut every document into consecutive `CHUNK_SIZE`-character chunks, in doc_id order."""
    chunks = []
    for doc_id in sorted(docs):
        text = docs[doc_id]
        for start in range(0, len(text), CHUNK_SIZE):
            end = min(start + CHUNK_SIZE, len(text))
            chunks.append(Chunk(doc_id=doc_id, start=start, end=end, text=text[start:end]))
    return chunks
