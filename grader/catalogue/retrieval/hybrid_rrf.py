"""First-stage search: a dense ranking and a BM25 ranking, merged by reciprocal rank fusion.

Dense search finds chunks that mean what the query means; BM25 finds the ones that use its exact
words (names, codes, rare terms). Both rank every chunk (`hybrid.py`): dense by inner product with
the query's vector in an exact faiss index, lexical by BM25 over the chunk texts as
`words.tokenize` reads them.

Reciprocal rank fusion (Cormack, Clarke and Buettcher, 2009) merges the two rankings: a chunk
scores 1 / (RRF_K + rank) in each list where it is among the first `DEPTH`, and the sums are
sorted. Fusing ranks rather than scores needs no calibration between cosines and BM25 scores, whose
scales have nothing in common; k = 60 is the constant the paper recommends.
"""

from __future__ import annotations

from .hybrid import Rankings, fuse
from .records import Hit
from .words import tokenize

RRF_K = 60
DEPTH = 100  # chunks taken from each ranking into the fusion


class Retriever(Rankings):
    """Hybrid (dense + BM25) retrieval over the pipeline's chunks."""

    tokenize = staticmethod(tokenize)

    def best(self, query: str, n: int) -> list[Hit]:
        """The `n` chunks with the highest fused score, best first."""
        both = (self.dense(query, DEPTH), self.lexical(query, DEPTH))
        fused = fuse(both, RRF_K)
        best = sorted(fused.items(), key=lambda item: (-item[1], item[0]))[:n]
        return [Hit(index, score) for index, score in best]
