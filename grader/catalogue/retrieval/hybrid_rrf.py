"""First-stage search: a dense ranking and a BM25 ranking, merged by reciprocal rank fusion.

Dense search finds chunks that mean what the query means; BM25 finds the ones that use its exact
words (names, codes, rare terms). Both rank every chunk:

- dense: inner product with the query's vector in an exact (flat) faiss index;
- lexical: BM25 (Okapi, the `rank_bm25` defaults) over the chunk texts, read by `words.tokenize`.

Reciprocal rank fusion (Cormack, Clarke and Buettcher, 2009) merges the two rankings: a chunk
scores 1 / (RRF_K + rank) in each list where it is among the first `DEPTH`, and the sums are
sorted. Fusing ranks rather than scores needs no calibration between cosines and BM25 scores, whose
scales have nothing in common; k = 60 is the constant the paper recommends.
"""

from __future__ import annotations

import faiss
import numpy as np
from rank_bm25 import BM25Okapi

from .records import Chunk, Hit
from .words import tokenize

RRF_K = 60
DEPTH = 100  # chunks taken from each ranking into the fusion


class Retriever:
    """Hybrid (dense + BM25) retrieval over the pipeline's chunks."""

    def __init__(self, chunks: list[Chunk], embedder) -> None:
        self.chunks = chunks
        self.embedder = embedder
        self.index: faiss.Index | None = None
        self.bm25: BM25Okapi | None = None

    def build(self) -> None:
        """Embed every chunk (the embedder caches the vectors), index them, and count words."""
        vectors = self.embedder.encode([chunk.text for chunk in self.chunks])
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(np.ascontiguousarray(vectors, dtype=np.float32))
        # BM25Okapi cannot take an empty document; a chunk with no words gets a placeholder.
        self.bm25 = BM25Okapi([tokenize(chunk.text) or [""] for chunk in self.chunks])

    def search(self, query: str, n: int) -> list[Hit]:
        """The `n` chunks with the highest fused score, best first."""
        if self.index is None or self.bm25 is None:
            raise RuntimeError("Retriever.search called before build()")
        if n <= 0 or not self.chunks:
            return []
        fused: dict[int, float] = {}
        for ranking in (self._dense(query), self._lexical(query)):
            for rank, index in enumerate(ranking, start=1):
                fused[index] = fused.get(index, 0.0) + 1.0 / (RRF_K + rank)
        best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:n]
        return [Hit(index, score) for index, score in best]

    def _dense(self, query: str) -> list[int]:
        vector = self.embedder.encode_query(query).astype(np.float32).reshape(1, -1)
        scores, ids = self.index.search(vector, min(DEPTH, self.index.ntotal))
        ranked = sorted(
            (-float(s), int(i)) for s, i in zip(scores[0], ids[0], strict=True) if i >= 0
        )
        return [index for _, index in ranked]

    def _lexical(self, query: str) -> list[int]:
        terms = tokenize(query)
        if not terms:
            return []
        scores = self.bm25.get_scores(terms)
        ranked = np.lexsort((np.arange(len(scores)), -scores))[:DEPTH]
        return [int(i) for i in ranked if scores[i] > 0]
