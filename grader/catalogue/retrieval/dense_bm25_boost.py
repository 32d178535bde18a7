"""First-stage search: dense retrieval, with BM25 as a boost for exact words.

The dense side decides: chunks are ranked by the inner product of their vectors with the query's
in an exact faiss index (`hybrid.py`), and the first `DEPTH` are kept. BM25 over the chunk texts,
as `words.tokenize` reads them, then adds a bonus to each of those: its BM25 score divided by the
best BM25 score of any chunk for the query (so it lies in [0, 1] whatever the query's length),
times `LEXICAL_WEIGHT`. Between chunks the dense side finds about equally close, the one that uses
the query's own words (a name, a code, a rare term) comes first; the semantic order is otherwise
kept, so a query worded differently from its answer is not pulled towards chunks that only share
its common words.
"""

from __future__ import annotations

import numpy as np

from .hybrid import Rankings
from .records import Hit
from .words import tokenize

DEPTH = 50  # dense candidates that get a BM25 bonus (at least the n asked for)
LEXICAL_WEIGHT = 0.1  # the bonus of the chunk with the query's best BM25 score


class Retriever(Rankings):
    """Dense retrieval with a BM25 boost over the pipeline's chunks."""

    tokenize = staticmethod(tokenize)

    def best(self, query: str, n: int) -> list[Hit]:
        """The `n` best chunks by cosine plus BM25 bonus, best first."""
        dense = self.dense_scores(query, max(n, DEPTH))
        terms = self.tokenize(query)
        lexical = self.bm25.get_scores(terms) if terms else np.zeros(len(self.chunks))
        top = float(lexical.max())
        bonus = lexical / top if top > 0 else np.zeros_like(lexical)
        scores = {i: cosine + LEXICAL_WEIGHT * float(bonus[i]) for i, cosine in dense}
        best = sorted(scores, key=lambda i: (-scores[i], i))[:n]
        return [Hit(i, scores[i]) for i in best]
