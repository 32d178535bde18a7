"""Citation metrics: how many cited spans touch the evidence, and how much evidence is cited.

A citation *overlaps* an evidence span when both are in the same document and their ranges share at
least one character. Like passages, a citation is judged on its first `passage_cap` characters, so
citing a whole document does not win. Only answerable questions are scored. Called by
`exercise.scoring`.
"""

from __future__ import annotations

from collections.abc import Sequence

from exercise.types import Span


def overlaps(citation: Span, span: Span, passage_cap: int) -> bool:
    """Same document and a positive-length intersection (citation capped at `passage_cap`)."""
    judged_end = min(citation.end, citation.start + passage_cap)
    return citation.doc_id == span.doc_id and min(judged_end, span.end) > max(
        citation.start, span.start
    )


def citation_precision(
    citations: Sequence[Span], evidence: Sequence[Span], passage_cap: int
) -> float:
    """Share of citations overlapping some evidence span; 0.0 when there are no citations."""
    if not citations:
        return 0.0
    hits = sum(any(overlaps(c, e, passage_cap) for e in evidence) for c in citations)
    return hits / len(citations)


def citation_recall(citations: Sequence[Span], evidence: Sequence[Span], passage_cap: int) -> float:
    """Share of evidence spans overlapped by some citation (0.0 for no evidence)."""
    if not evidence:
        return 0.0
    hits = sum(any(overlaps(c, e, passage_cap) for c in citations) for e in evidence)
    return hits / len(evidence)
