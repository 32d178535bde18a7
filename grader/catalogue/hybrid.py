"""Two rankings of the pipeline's chunks, dense and lexical, and their reciprocal rank fusion.

- dense: inner product with the query's vector in an exact (flat) faiss index;
- lexical: BM25 (Okapi, the `rank_bm25` defaults) over the chunk texts, as the caller's tokenizer
  reads them.

Reciprocal rank fusion (Cormack, Clarke and Buettcher, 2009): a chunk scores 1 / (k + rank) in each
ranking it is in, summed over the rankings. Fusing ranks rather than scores needs no calibration
between cosines and BM25 scores, whose scales have nothing in common.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import faiss
import numpy as np
from rank_bm25 import BM25Okapi

from .records import Chunk, Hit


class Rankings:
    """The chunks indexed both ways; `dense` and `lexical` rank them for a query.

    A retriever subclasses it, names its tokenizer (`tokenize`) and fuses the rankings in `best`.
    """

    tokenize: Callable[[str], list[str]]

    def __init__(self, chunks: list[Chunk], embedder) -> None:
        self.chunks = chunks
        self.embedder = embedder
        self.index: faiss.Index | None = None
        self.bm25: BM25Okapi | None = None

    def build(self) -> None:
        """Embed every chunk (the embedder caches the vectors), index them, and count words."""
        vectors = np.asarray(self.embedder.encode([c.text for c in self.chunks]), np.float32)
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(np.ascontiguousarray(vectors))
        # BM25Okapi cannot take an empty document; a chunk with no words gets a placeholder.
        self.bm25 = BM25Okapi([self.tokenize(c.text) or ["\0"] for c in self.chunks])

    def search(self, query: str, n: int) -> list[Hit]:
        """The `n` best chunks for the query, best first (`best` ranks them)."""
        if self.index is None or self.bm25 is None:
            raise RuntimeError("Retriever.search called before build()")
        if n <= 0 or not self.chunks:
            return []
        return self.best(query, n)

    def best(self, query: str, n: int) -> list[Hit]:
        """The `n` (>= 1) best chunks, best first: the retriever's own fusion."""
        raise NotImplementedError

    def dense(self, query: str, depth: int) -> list[int]:
        """The first `depth` chunk indices by cosine with the query (ties: lower index first)."""
        return [i for i, _ in self.dense_scores(query, depth)]

    def dense_scores(self, query: str, depth: int) -> list[tuple[int, float]]:
        """(chunk index, inner product with the query's vector) of the first `depth` chunks, best
        first (ties: lower index first)."""
        vector = np.asarray(self.embedder.encode_query(query), np.float32).reshape(1, -1)
        scores, ids = self.index.search(np.ascontiguousarray(vector), min(depth, self.index.ntotal))
        ranked = [(int(i), float(s)) for s, i in zip(scores[0], ids[0], strict=True) if i >= 0]
        return sorted(ranked, key=lambda pair: (-pair[1], pair[0]))

    def lexical(self, query: str, depth: int) -> list[int]:
        """The first `depth` chunk indices by BM25 score, those scoring above 0 only."""
        terms = self.tokenize(query)
        if not terms:
            return []
        scores = self.bm25.get_scores(terms)
        order = np.lexsort((np.arange(len(scores)), -scores))[:depth]
        return [int(i) for i in order if scores[i] > 0]


def fuse(rankings: Iterable[list[int]], k: int) -> dict[int, float]:
    """chunk index → its reciprocal rank fusion score over `rankings` (best first each)."""
    fused: dict[int, float] = {}
    for ranking in rankings:
        for rank, index in enumerate(ranking, start=1):
            fused[index] = fused.get(index, 0.0) + 1.0 / (k + rank)
    return fused
