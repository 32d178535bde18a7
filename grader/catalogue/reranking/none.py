"""Second stage: reorder the first stage's candidates before they are returned.

The first stage already ranks by similarity to the query, so its order is kept as it is.
`CANDIDATES` is how many chunks the pipeline asks the first stage for (at least `k`).
"""

from __future__ import annotations

from .records import Chunk, Hit

CANDIDATES = 5  # first-stage hits fetched per query


def rerank(query: str, hits: list[Hit], chunks: list[Chunk], embedder) -> list[Hit]:
    """The hits in their first-stage order (a new list; `hits` is not modified)."""
    return list(hits)
