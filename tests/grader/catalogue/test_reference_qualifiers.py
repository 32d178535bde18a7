"""Near-duplicates in the reference: the first stage matches tokens as written, the second stage
reads a qualifier the way documents print it ("X-2" is "X2", "version 3" is "v3").

The modules are imported from a `rag/` package assembled as a submission would hold them.
"""

from __future__ import annotations

import pytest

from tests.grader.catalogue.helpers import whole_document_chunks

SHEETS = {
    "aster-x1": "# Aster X1 edge router\n\nThe Aster X1 draws 9 W at full load.",
    "aster-x2": "# Aster X2 edge router\n\nThe Aster X2 draws 14 W at full load.",
    "travel-v2": "# Travel Policy v2\n\nTravel Policy v2 caps hotel nights at 90 EUR.",
    "travel-v3": "# Travel Policy v3\n\nTravel Policy v3 caps hotel nights at 120 EUR.",
}


@pytest.fixture
def reference(reference_rag):
    records = reference_rag("records")
    chunks = whole_document_chunks(records, SHEETS)
    return records, chunks, reference_rag


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("How much power does the Aster X-2 draw at full load?", "aster-x2"),
        ("How much power does the Aster X-1 draw at full load?", "aster-x1"),
        ("What hotel cap does version 3 of the Travel Policy set?", "travel-v3"),
        ("What hotel cap does version 2 of the Travel Policy set?", "travel-v2"),
    ],
)
def test_second_stage_ranks_the_typed_qualifiers_sheet_first(reference, query, expected):
    records, chunks, load = reference
    rerank = load("reranking").rerank
    # The first stage could not tell them apart: every chunk scores the same.
    hits = [records.Hit(index, 1.0) for index in range(len(chunks))]
    ranked = rerank(query, hits, chunks, None)
    assert chunks[ranked[0].index].doc_id == expected


def test_first_stage_tokens_are_matched_as_written(reference):
    _, _, load = reference
    tokenize = load("retrieval").tokenize
    assert "x2" not in tokenize("the Aster X-2") and "x2" in tokenize("The Aster X2")
    assert "v3" not in tokenize("version 3 of the policy")
    second_stage = load("reranking").tokenize
    assert "x2" in second_stage("the Aster X-2") and "v3" in second_stage("version 3 of it")
    # Codes keep their hyphen: only a one-letter qualifier is read as a model name.
    assert "rec-4785" in second_stage("error REC-4785")
