"""Versions in force on a date in the reference: a query that gives a date is answered from the
version the corpus says was in force that day, not from the newest one.

The modules are imported from a `rag/` package assembled as a submission would hold them.
"""

from __future__ import annotations

import pytest

from tests.grader.catalogue.helpers import whole_document_chunks

VERSIONS = {
    "travel-v2": "# Travel Policy v2\n\nTravel Policy v2 sets the daily meal allowance at 40 EUR.",
    "travel-v3": "# Travel Policy v3\n\nTravel Policy v3 sets the daily meal allowance at 55 EUR.",
    "travel-v4": "# Travel Policy v4\n\nTravel Policy v4 sets the daily meal allowance at 70 EUR.",
}
HISTORY = (
    "# Travel Policy: version history\n\n"
    "- Travel Policy v2 was in force from 5 January 2023 until 22 December 2023.\n"
    "- From 23 December 2023 to 15 December 2024, Travel Policy v3 was the version in force.\n"
    "- Travel Policy v4 has been in force since 16 December 2024."
)
QUESTION = "{day}, what daily meal allowance does the Travel Policy set?"


@pytest.fixture
def ranked(reference_rag):
    records = reference_rag("records")
    docs = {**VERSIONS, "travel-history": HISTORY}
    chunks = whole_document_chunks(records, docs)
    rerank = reference_rag("reranking").rerank

    def order(query: str, first_stage: list[str]) -> list[str]:
        """Doc ids of the chunks, best first, when the first stage ranks them in the order of
        `first_stage` (the history last when it does not say)."""
        index = {c.doc_id: i for i, c in enumerate(chunks)}
        if "travel-history" not in first_stage:
            first_stage = [*first_stage, "travel-history"]
        hits = [records.Hit(index[d], 1.0 - 0.1 * rank) for rank, d in enumerate(first_stage)]
        return [chunks[h.index].doc_id for h in rerank(query, hits, chunks, None)]

    return order


NEWEST_FIRST = ["travel-v4", "travel-v3", "travel-v2"]


@pytest.mark.parametrize(
    ("day", "expected"),
    [
        ("On 14 March 2023", "travel-v2"),
        ("As of 22 December 2023", "travel-v2"),  # the last day of a period is in it
        ("On 23 December 2023", "travel-v3"),
        ("For a trip booked on 2024-06-30", "travel-v3"),
        ("On March 3, 2025", "travel-v4"),
        ("For a case that arose on 14 Mar 2023", "travel-v2"),
    ],
)
def test_a_dated_question_ranks_the_version_in_force_that_day_first(ranked, day, expected):
    order = ranked(QUESTION.format(day=day), NEWEST_FIRST)
    assert order[0] == expected
    assert order.index("travel-history") < max(order.index(d) for d in VERSIONS if d != expected)


def test_the_version_in_force_outranks_the_history_that_says_when_it_was(ranked):
    # the history shares the question's date words and the policy's name; the clause is in the
    # version's own document
    order = ranked(QUESTION.format(day="On 14 March 2023"), ["travel-history", *NEWEST_FIRST])
    assert order[0] == "travel-v2"


def test_a_question_without_a_date_keeps_the_first_stage_order_of_the_versions(ranked):
    for first_stage in (NEWEST_FIRST, NEWEST_FIRST[::-1]):
        order = ranked("What daily meal allowance does the Travel Policy set?", first_stage)
        assert [d for d in order if d in VERSIONS] == first_stage


def test_a_version_whose_period_the_corpus_does_not_state_is_left_as_ranked(reference_rag):
    records = reference_rag("records")
    rerank = reference_rag("reranking").rerank
    chunks = [records.Chunk(d, 0, len(t), t) for d, t in sorted(VERSIONS.items())]  # no history
    hits = [records.Hit(i, 1.0 - 0.1 * i) for i in range(len(chunks))]
    ranked = rerank(QUESTION.format(day="On 14 March 2023"), hits, chunks, None)
    assert [chunks[h.index].doc_id for h in ranked] == sorted(VERSIONS)


def test_a_history_worded_otherwise_still_says_when_each_version_was_in_force(reference_rag):
    # no "in force" or "effective": one version and one or two dates make a statement of its period
    history = (
        "# Travel Policy: revisions\n\n"
        "- Travel Policy v2: 2023-01-05 to 2023-12-22.\n"
        "- Travel Policy v3 governed cases arising between December 23, 2023 and 15 Dec 2024.\n"
        "- Travel Policy v4 has governed new cases since 2024-12-16."
    )
    records = reference_rag("records")
    rerank = reference_rag("reranking").rerank
    docs = {**VERSIONS, "travel-history": history}
    chunks = [records.Chunk(d, 0, len(t), t) for d, t in sorted(docs.items())]
    index = {c.doc_id: i for i, c in enumerate(chunks)}
    for day, expected in (("On 14 March 2023", "travel-v2"), ("As of 2024-06-30", "travel-v3")):
        hits = [records.Hit(index[d], 1.0 - 0.1 * r) for r, d in enumerate(NEWEST_FIRST)]
        ranked = rerank(QUESTION.format(day=day), hits, chunks, None)
        assert chunks[ranked[0].index].doc_id == expected
