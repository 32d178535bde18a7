"""Second stage: keep the first stage's order.

The first stage already fuses a lexical and a dense ranking, which is what a second stage would
add on top of a single retriever, so its order is returned as it is. `CANDIDATES` is how many
chunks the pipeline asks the first stage for (at least `k`).
"""

from __future__ import annotations

from .records import Chunk, Hit

CANDIDATES = 10  # first-stage hits fetched per query


def rerank(query: str, hits: list[Hit], chunks: list[Chunk], embedder) -> list[Hit]:
    """The hits in the first stage's fused order (a new list; `hits` is not modified)."""
    return list(hits)
