"""Retrieval metrics from character-offset evidence: coverage, recall@k, MRR@10, nDCG@10.

Judging by offsets (not by chunk ids) keeps the measure valid whatever chunking a pipeline uses.
A question's evidence set is ONE relevant item, found at the *coverage rank* r: the smallest rank
such that every evidence span is covered by some passage among the top r. Then recall@k = [r <= k],
MRR@10 = 1/r and nDCG@10 = 1/log2(r + 1) when r <= 10 (0 otherwise) — exactly what trec_eval
computes on the qrels/run that `exercise.export` writes. Called by `exercise.scoring`.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from exercise.types import Passage, Span

RECALL_CUTOFFS = (1, 3, 5, 10)
RANK_CUTOFF = 10  # for MRR@10 and nDCG@10


def covers(passage: Passage, span: Span, passage_cap: int) -> bool:
    """Same document, and the span lies inside the passage's first `passage_cap` characters."""
    judged_end = min(passage.end, passage.start + passage_cap)
    return passage.doc_id == span.doc_id and passage.start <= span.start and span.end <= judged_end


def coverage_rank(
    passages: Sequence[Passage], evidence: Sequence[Span], passage_cap: int
) -> int | None:
    """The 1-based rank at which every evidence span is covered, or None if that never happens."""
    if not evidence:
        return None
    rank = 0
    for span in evidence:
        first = next(
            (i for i, p in enumerate(passages, start=1) if covers(p, span, passage_cap)), None
        )
        if first is None:
            return None
        rank = max(rank, first)
    return rank


def retrieval_scores(rank: int | None) -> dict[str, float]:
    """recall@{1,3,5,10}, mrr@10 and ndcg@10 of one answerable question, from its coverage rank."""
    scores = {f"recall@{k}": float(rank is not None and rank <= k) for k in RECALL_CUTOFFS}
    within = rank is not None and rank <= RANK_CUTOFF
    scores["mrr@10"] = 1.0 / rank if within else 0.0
    scores["ndcg@10"] = 1.0 / math.log2(rank + 1) if within else 0.0
    return scores
