"""First-stage search: nearest chunks to the query in embedding space, through a faiss index.

An exact (flat) inner-product index over every chunk's vector. At a few thousand chunks a flat
index answers in well under a millisecond, so there is no need for an approximate one.
"""

from __future__ import annotations

import faiss
import numpy as np

from .records import Chunk, Hit


class Retriever:
    """Dense retrieval over the pipeline's chunks."""

    def __init__(self, chunks: list[Chunk], embedder) -> None:
        self.chunks = chunks
        self.embedder = embedder
        self.index: faiss.Index | None = None

    def build(self) -> None:
        """Embed every chunk (the embedder caches the vectors) and index them."""
        vectors = self.embedder.encode([chunk.text for chunk in self.chunks])
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))

    def search(self, query: str, n: int) -> list[Hit]:
        """The `n` chunks with the highest inner product with the query, best first."""
        if self.index is None:
            raise RuntimeError("Retriever.search called before build()")
        if n <= 0 or self.index.ntotal == 0:
            return []
        query_vector = self.embedder.encode_query(query).astype(np.float32).reshape(1, -1)
        scores, ids = self.index.search(query_vector, min(n, self.index.ntotal))
        hits = [Hit(int(i), float(s)) for i, s in zip(ids[0], scores[0], strict=True) if i >= 0]
        return sorted(hits, key=lambda hit: (-hit.score, hit.index))
