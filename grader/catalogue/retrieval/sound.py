"""First-stage search: hybrid retrieval, BM25 and dense vectors fused by reciprocal rank.

Dense vectors find text that means what the query means in other words; BM25 finds the exact
tokens a dense model blurs (error codes, SKUs, version numbers, rare names). Each ranks the chunks
on its own: an exact inner-product faiss index over the chunk vectors, and BM25 (Okapi) over the
chunk texts' terms (`terms.py`). Their top `POOL` lists are fused with reciprocal rank fusion
(Cormack et al. 2009): a chunk scores the sum over both lists of 1 / (RRF_K + rank). RRF needs no
score calibration between the two retrievers, which is why it is the usual default.
"""

from __future__ import annotations

import faiss
import numpy as np
from rank_bm25 import BM25Okapi

from .records import Chunk, Hit
from .terms import tokenize

RRF_K = 60  # the constant of the RRF paper
POOL = 50  # chunks each retriever contributes to the fusion (at least the n asked for)


class Retriever:
    """Hybrid retrieval over the pipeline's chunks."""

    def __init__(self, chunks: list[Chunk], embedder) -> None:
        self.chunks = chunks
        self.embedder = embedder
        self.index: faiss.Index | None = None
        self.bm25: BM25Okapi | None = None

    def build(self) -> None:
        """Embed and index every chunk, and build the BM25 statistics."""
        vectors = np.asarray(self.embedder.encode([c.text for c in self.chunks]), np.float32)
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(np.ascontiguousarray(vectors))
        # BM25Okapi cannot take an empty document; a chunk with no terms gets a placeholder.
        self.bm25 = BM25Okapi([tokenize(c.text) or ["\0"] for c in self.chunks])

    def search(self, query: str, n: int) -> list[Hit]:
        """The `n` best chunks by fused rank, best first."""
        if self.index is None or self.bm25 is None:
            raise RuntimeError("Retriever.search called before build()")
        if n <= 0 or not self.chunks:
            return []
        pool = min(max(n, POOL), len(self.chunks))
        fused: dict[int, float] = {}
        for ranking in (self._dense(query, pool), self._lexical(query, pool)):
            for rank, index in enumerate(ranking, start=1):
                fused[index] = fused.get(index, 0.0) + 1.0 / (RRF_K + rank)
        best = sorted(fused, key=lambda i: (-fused[i], self.chunks[i].doc_id, self.chunks[i].start))
        return [Hit(i, fused[i]) for i in best[:n]]

    def _dense(self, query: str, pool: int) -> list[int]:
        vector = np.asarray(self.embedder.encode_query(query), np.float32).reshape(1, -1)
        scores, ids = self.index.search(np.ascontiguousarray(vector), pool)
        ranked = [(float(s), int(i)) for s, i in zip(scores[0], ids[0], strict=True) if i >= 0]
        return [i for _, i in sorted(ranked, key=lambda si: (-si[0], si[1]))]

    def _lexical(self, query: str, pool: int) -> list[int]:
        terms = tokenize(query)
        if not terms:
            return []
        scores = self.bm25.get_scores(terms)
        order = np.lexsort((np.arange(len(scores)), -scores))[:pool]
        return [int(i) for i in order if scores[i] > 0]
