"""The corpus's own vocabulary (`grader/catalogue/glossary.py`, shipped as `rag/glossary.py` beside
the reference modules that import it): reading the terms a corpus defines, rewriting a query with
them, and the reference's first and second stage finding a product asked by its codename."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from grader.catalogue import assemble, sibling_imports
from grader.catalogue.glossary import expand, read, stands_for
from tests.grader.catalogue.helpers import needs_reference

GLOSSARY = """# Glossary

Tickets and chat call products by their codenames.

## Product codenames

- **Sirocco**: engineering codename of the Aster X2.
- **Nimbus**: the Aster X1, as engineering and support call it.
- VPN — the secure remote connection
"""


def test_glossary_lines_map_a_term_to_the_name_it_stands_for():
    terms = read([GLOSSARY])
    assert dict(terms) == {
        "Sirocco": "Aster X2",
        "Nimbus": "Aster X1",
        "VPN": "secure remote connection",
    }


def test_also_known_as_lines_define_terms_too():
    assert dict(read(["The Aster X2, also known as Sirocco, ships in May."])) == {
        "Sirocco": "Aster X2"
    }
    assert dict(read(["Travel Policy v3 (also known as the Road Book) applies."])) == {
        "Road Book": "Travel Policy v3"
    }


def test_a_two_column_table_of_terms_and_names_defines_its_terms():
    table = "| Codename | Sold as |\n|---|---|\n| Sirocco | Aster X2 |\n| Nimbus | the Aster X1 |\n"
    assert dict(read([table])) == {"Sirocco": "Aster X2", "Nimbus": "Aster X1"}
    # as a chunker writes each row with its column names
    labelled = ["Glossary / Codenames\nCodename: Sirocco; Sold as: Aster X2", "Nimbus: Aster X1"]
    assert dict(read(labelled)) == {"Sirocco": "Aster X2"}


def test_a_table_row_defines_only_a_term_used_nowhere_else():
    offices = "| Office | Manager |\n|---|---|\n| Zurich | Ada Okafor |\n| Sirocco | Aster X2 |\n"
    prose = "The Zurich office opens at 8."
    assert dict(read([offices, prose])) == {"Sirocco": "Aster X2"}
    figures = "| Attribute | Value |\n|---|---|\n| Weight | 2.3 kg |\n| Power | 45 W |\n"
    wider = "| Term | Name | Since |\n|---|---|---|\n| Nimbus | Aster X1 | 2024 |\n"
    assert dict(read([figures, wider])) == {}


def test_prose_with_a_colon_defines_nothing():
    prose = (
        "- Reminder: the review process changes on 16 July.\n"
        "- 16:33 UTC: retries amplified the load.\n"
        "Note: the Aster X2 ships in May."
    )
    assert dict(read([prose])) == {}


def test_a_line_cut_by_a_chunk_edge_loses_to_the_whole_line():
    cut = "- **Sirocco**: engineering codename of the Aster"  # the chunk ends mid-line
    assert read([cut, GLOSSARY])["Sirocco"] == "Aster X2"
    assert read([GLOSSARY, cut])["Sirocco"] == "Aster X2"


def test_a_definition_stands_for_its_longest_name_or_else_itself():
    assert stands_for("codename used for the Aster X2 in tickets and roadmaps.") == "Aster X2"
    assert stands_for("Engineering codename of the Travel Policy v3.") == "Travel Policy v3"
    assert stands_for("the secure remote connection.") == "secure remote connection"


def test_expand_replaces_whole_terms_as_written_longest_first():
    terms = {"Sirocco": "Aster X2", "Aster": "Aster line", "Aster Pro": "Aster P9"}
    assert expand("How much does the Sirocco weigh?", terms) == "How much does the Aster X2 weigh?"
    # a replacement is not rewritten again, and a longer term wins over its prefix
    assert expand("Is the Sirocco an Aster Pro?", terms) == "Is the Aster X2 an Aster P9?"
    # whole words only, and as written: "Siroccos" and "sirocco" are other words
    assert expand("Siroccos and sirocco winds", terms) == "Siroccos and sirocco winds"


@given(st.text(alphabet="abcdefghij XYZ.?-", max_size=40))
def test_expand_leaves_a_query_without_defined_terms_as_it_is(query):
    assert expand(query, {"Sirocco": "Aster X2"}) == query
    assert expand(query, {}) == query


def test_the_reference_ships_the_glossary_module(tmp_path):
    assemble(
        {
            "chunking": "reference",
            "embedding": "reference",
            "retrieval": "reference",
            "reranking": "reference",
            "answering": "reference",
        },
        tmp_path,
    )
    assert (tmp_path / "rag" / "glossary.py").is_file()
    for component in ("retrieval", "reranking"):
        source = (tmp_path / "rag" / f"{component}.py").read_text(encoding="utf-8")
        assert "glossary" in sibling_imports(source)


SHEETS = {
    "aster-x1": "# Aster X1 edge router\n\n## Power\n\nThe Aster X1 draws 9 W at full load.",
    "aster-x2": "# Aster X2 edge router\n\n## Power\n\nThe Aster X2 draws 14 W at full load.",
    "aster-x3": "# Aster X3 edge router\n\n## Power\n\nThe Aster X3 draws 21 W at full load.",
    "glossary": GLOSSARY,
}
QUERY = "How much power does the Sirocco draw at full load?"


class _WordCounts:
    """An embedder standing in for the model: one dimension per word."""

    WORDS = ("power", "draw", "load", "aster", "x1", "x2", "x3", "sirocco", "codename")

    def encode(self, texts):
        return np.array(
            [[t.lower().split().count(w) + 0.01 for w in self.WORDS] for t in texts], np.float32
        )

    def encode_query(self, text):
        return self.encode([text.replace("?", "")])[0]


@pytest.fixture
def reference(reference_rag):
    records = reference_rag("records")
    chunks = [records.Chunk(doc_id, 0, len(text), text) for doc_id, text in sorted(SHEETS.items())]
    return records, chunks, reference_rag


@needs_reference
def test_the_first_stage_searches_a_codename_as_the_name_it_stands_for(reference):
    _, chunks, load = reference
    retriever = load("retrieval").Retriever(chunks, _WordCounts())
    retriever.build()
    assert retriever.vocabulary["Sirocco"] == "Aster X2"
    best = retriever.search(QUERY, 1)[0]
    assert chunks[best.index].doc_id == "aster-x2"


@needs_reference
def test_the_second_stage_scores_a_codename_as_the_name_it_stands_for(reference):
    records, chunks, load = reference
    hits = [records.Hit(index, 1.0) for index in range(len(chunks))]  # the first stage is blind
    ranked = load("reranking").rerank(QUERY, hits, chunks, None)
    assert chunks[ranked[0].index].doc_id == "aster-x2"
