"""First-stage search: hybrid retrieval, BM25 and dense vectors fused by reciprocal rank.

Dense vectors find text that means what the query means in other words; BM25 finds the exact
tokens a dense model blurs (error codes, SKUs, version numbers, rare names). Each ranks the chunks
on its own (`hybrid.py`): an exact inner-product faiss index over the chunk vectors, and BM25
(Okapi) over the chunk texts' terms (`terms.py`). Their top `POOL` lists are fused with reciprocal
rank fusion (Cormack et al. 2009): a chunk scores the sum over both lists of 1 / (RRF_K + rank).
RRF needs no score calibration between the two retrievers, which is why it is the usual default.
"""

from __future__ import annotations

from .hybrid import Rankings, fuse
from .records import Hit
from .terms import tokenize

RRF_K = 60  # the constant of the RRF paper
POOL = 50  # chunks each retriever contributes to the fusion (at least the n asked for)


class Retriever(Rankings):
    """Hybrid retrieval over the pipeline's chunks."""

    tokenize = staticmethod(tokenize)

    def best(self, query: str, n: int) -> list[Hit]:
        """The `n` best chunks by fused rank, best first."""
        pool = min(max(n, POOL), len(self.chunks))
        fused = fuse((self.dense(query, pool), self.lexical(query, pool)), RRF_K)
        best = sorted(fused, key=lambda i: (-fused[i], self.chunks[i].doc_id, self.chunks[i].start))
        return [Hit(i, fused[i]) for i in best[:n]]
