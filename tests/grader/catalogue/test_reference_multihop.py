"""Two hops in the reference retrieval: a question that points at a team through the service that
raises an error code gets the runbook's owner line and the team's own section in its top five.

The modules are imported from a `rag/` package assembled as a submission would hold them, with a
keyword embedder standing in for the model (the hops are lexical: a code, then a team's name).
"""

from __future__ import annotations

import numpy as np
import pytest

WORDS = ("call", "service", "team", "urgent", "lead", "error", "standup")


class KeywordEmbedder:
    def encode(self, texts):
        return np.array([[t.lower().count(w) for w in WORDS] for t in texts], np.float32) + 0.01

    def encode_query(self, text):
        return self.encode([text])[0]


DOCS = {
    "runbook-ledger": "# Runbook: the ledger service\n\n"
    "The ledger service is owned by the Wren team, and this runbook is the first stop for anyone "
    "on call for it.\n\n## Error codes\n\n`ERR-4711` indicates a full data volume. Page the "
    "Heron team if it persists.",
    "runbook-mailer": "# Runbook: the mailer service\n\n"
    "The mailer service is owned by the Heron team, and this runbook is the first stop for anyone "
    "on call for it.\n\n## Error codes\n\n`ERR-4171` indicates a stalled consumer group.",
    "roster": "# On-call roster\n\nPage the contact of the team that owns the service.\n\n"
    "## Heron\n\nIts on-call contact this quarter is Ada Okafor.\n\n"
    "## Wren\n\nIts on-call contact this quarter is Lin Moreau.\n\n"
    "## Kite\n\nIts on-call contact this quarter is Sam Reyes.",
    "teams": "# Platform teams\n\n## Heron team\n\nFor anything urgent, post in #heron-desk.\n\n"
    "## Wren team\n\nFor anything urgent, post in #wren-desk.",
    "update": "# Project update from the Wren team, 7 November\n\n"
    "The Wren team shipped the urgent call fix.",
}


@pytest.fixture
def retriever(reference_rag):
    chunks = reference_rag("chunking").chunk_documents(DOCS)
    retriever = reference_rag("retrieval").Retriever(chunks, KeywordEmbedder())
    retriever.build()
    return retriever


def _found(retriever, query, n=5):
    hits = retriever.search(query, n)
    return [(retriever.chunks[h.index], h.score) for h in hits]


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("Who is on call for the service that raises ERR-4711?", "Lin Moreau"),
        (
            "Where should urgent requests go for the team that owns the service that raises "
            "ERR-4711?",
            "#wren-desk",
        ),
    ],
)
def test_the_chain_through_the_owner_ranks_first(retriever, query, answer):
    found = _found(retriever, query)
    texts = [DOCS[c.doc_id][c.start : c.end] for c, _ in found]
    assert "owned by the Wren team" in texts[0]  # the first hop's link: the runbook names it
    assert any(answer in t for t in texts[1:3])  # the second hop: the Wren team's own section
    assert not any("Ada Okafor" in t or "#heron-desk" in t for t in texts[:3])
    assert [s for _, s in found] == sorted((s for _, s in found), reverse=True)


@pytest.mark.parametrize(
    ("query", "answer"),
    [
        ("Who is on call when ERR-4711 fires?", "Lin Moreau"),
        ("Where do urgent requests for the team behind ERR-4711 go?", "#wren-desk"),
    ],
)
def test_a_question_worded_without_a_pointer_clause_follows_the_code_to_its_owner(
    reference_rag, query, answer
):
    # the runbook words its ownership otherwise too: its first sentence naming one team
    docs = {
        **DOCS,
        "runbook-ledger": DOCS["runbook-ledger"].replace(
            "The ledger service is owned by the Wren team, and this runbook is",
            "Escalations for the ledger service go to the Wren team; this runbook is",
        ),
    }
    chunks = reference_rag("chunking").chunk_documents(docs)
    retriever = reference_rag("retrieval").Retriever(chunks, KeywordEmbedder())
    retriever.build()
    texts = [
        docs[c.doc_id][c.start : c.end]
        for c in (chunks[h.index] for h in retriever.search(query, 5))
    ]
    assert "go to the Wren team" in texts[0]
    assert any(answer in t for t in texts[1:3])


def test_a_question_about_the_code_itself_is_not_followed_to_its_owner(retriever):
    query = "What does the error ERR-4711 indicate?"
    assert retriever.search(query, 5) == retriever.search(query, 5, bridge=False)


def test_a_question_that_names_its_subject_is_searched_once(retriever):
    query = "Who is on call for the Wren team?"
    assert retriever.search(query, 5) == retriever.search(query, 5, bridge=False)
    # a pointer whose code no document names the owner of: nothing to bridge through
    query = "Who is on call for the service that raises ERR-9999?"
    assert retriever.search(query, 5) == retriever.search(query, 5, bridge=False)


def test_answering_asks_a_pointing_question_of_the_owner(reference_rag):
    records, answering = reference_rag("records"), reference_rag("answering")
    ranked = [
        (records.Chunk(d, 0, len(DOCS[d]), DOCS[d]), 1.0)
        for d in ("runbook-mailer", "runbook-ledger", "roster")
    ]
    library = answering._library(DOCS)
    query = "Who leads the team that owns the service that raises ERR-4711?"
    asked, rest = answering._asked_of_owner(query, ranked, library)
    # the owner named by the document holding the code, not the first runbook ranked
    assert asked == "Who leads the Wren team?"
    assert [c.doc_id for c, _ in rest] == ["roster"]  # documents stating codes are links
    plain = "Who leads the Wren team?"
    assert answering._asked_of_owner(plain, ranked, library) == (plain, ranked)


def test_answering_follows_a_bare_code_only_where_the_owner_answers_better(reference_rag):
    records, answering = reference_rag("records"), reference_rag("answering")
    ranked = [
        (records.Chunk(d, 0, len(DOCS[d]), DOCS[d]), 1.0) for d in ("runbook-ledger", "roster")
    ]
    library = answering._library(DOCS)
    asked, rest = answering._asked_of_owner("Who is on call when ERR-4711 fires?", ranked, library)
    assert asked == "Who is on call when the Wren team fires?"
    assert [c.doc_id for c, _ in rest] == ["roster"]
    about_the_code = "What does the error ERR-4711 indicate?"
    assert answering._asked_of_owner(about_the_code, ranked, library) == (about_the_code, ranked)
