"""Citation precision and recall: overlap by at least one character, capped like passages."""

from __future__ import annotations

from exercise.citations import citation_precision, citation_recall, overlaps
from exercise.types import Span

CAP = 1500
EVIDENCE = (Span("d", 100, 200), Span("d", 300, 400))


def test_overlap_needs_a_shared_character_in_the_same_doc() -> None:
    assert overlaps(Span("d", 199, 250), EVIDENCE[0], CAP)  # shares character 199
    assert not overlaps(Span("d", 200, 250), EVIDENCE[0], CAP)  # touches, shares nothing
    assert not overlaps(Span("d", 50, 100), EVIDENCE[0], CAP)
    assert not overlaps(Span("e", 100, 200), EVIDENCE[0], CAP)
    assert overlaps(Span("d", 0, 1000), EVIDENCE[0], CAP)  # containing counts


def test_a_citation_is_judged_on_its_first_cap_characters() -> None:
    long_citation = Span("d", 0, 10_000)
    assert overlaps(long_citation, Span("d", 1499, 1510), CAP)  # judged range [0, 1500)
    assert not overlaps(long_citation, Span("d", 1500, 1510), CAP)


def test_precision_and_recall_are_shares() -> None:
    citations = (Span("d", 150, 160), Span("d", 0, 10), Span("x", 100, 200), Span("d", 120, 130))
    # overlapping evidence: the 1st and 4th of 4 citations -> 2/4; evidence hit: only the 1st of 2
    assert citation_precision(citations, EVIDENCE, CAP) == 2 / 4
    assert citation_recall(citations, EVIDENCE, CAP) == 1 / 2
    both = (Span("d", 0, 1000),)
    assert (citation_precision(both, EVIDENCE, CAP), citation_recall(both, EVIDENCE, CAP)) == (1, 1)


def test_no_citations_scores_zero_on_both() -> None:
    assert citation_precision((), EVIDENCE, CAP) == 0.0
    assert citation_recall((), EVIDENCE, CAP) == 0.0
