"""The planted starter modules behave as their docstrings say (fake embedder; one real-model test).

Each is imported from a `rag/` package assembled into a temporary folder, exactly as it ships.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from exercise.types import Answer, Span
from tests.grader.catalogue import helpers

VOCABULARY = ("alpha", "beta", "gamma", "delta")
EMBEDDER = helpers.FakeEmbedder(VOCABULARY)
DOCS = {
    "b-doc": ("alpha beta. " * 60).strip(),  # 719 characters: two chunks, the second shorter
    "a-doc": "# Title\nGamma rays are strong. Delta follows gamma.\n\n| a | b |\n",
    "c-doc": "x" * 500,  # exactly one chunk
}


@pytest.fixture
def rag(tmp_path, rag_on_path):
    """The planted `rag` package, with a fake embedder module, importable for this test."""
    return helpers.assembled_with_fake_embedding(helpers.PLANTED, tmp_path, rag_on_path, VOCABULARY)


def test_fixed_chars_cuts_consecutive_windows_of_chunk_size(rag):
    chunking = rag("chunking")
    chunks = chunking.chunk_documents(DOCS)
    assert chunking.CHUNK_SIZE == 500
    assert [c.doc_id for c in chunks] == ["a-doc", "b-doc", "b-doc", "c-doc"]
    assert [(c.start, c.end) for c in chunks if c.doc_id == "b-doc"] == [(0, 500), (500, 719)]
    for chunk in chunks:
        assert chunk.text == DOCS[chunk.doc_id][chunk.start : chunk.end]


def test_dense_only_ranks_by_inner_product_and_breaks_ties_by_chunk_order(rag):
    texts = ["alpha", "beta beta", "alpha beta", "beta beta", "gamma"]
    retriever = helpers.built_retriever(rag, texts, EMBEDDER)
    hits = retriever.search("beta", 3)
    # query (0,1,0,0): scores 0, 2, 1, 2, 0 → chunks 1 and 3 tie at 2 (lower index first), then 2
    assert [(h.index, h.score) for h in hits] == [(1, 2.0), (3, 2.0), (2, 1.0)]
    assert len(retriever.search("beta", 50)) == len(texts)
    assert retriever.search("beta", 0) == []


def test_reranking_keeps_the_first_stage_order_in_a_new_list(rag):
    records, reranking = rag("records"), rag("reranking")
    hits = [records.Hit(3, 0.9), records.Hit(1, 0.5)]
    ranked = reranking.rerank("q", hits, [], EMBEDDER)
    assert ranked == hits and ranked is not hits
    assert reranking.CANDIDATES == 5


def test_first_passage_answers_with_the_top_chunks_first_sentence_citing_it_whole(rag):
    records, answering = rag("records"), rag("answering")
    doc = DOCS["a-doc"]
    top = records.Chunk("a-doc", 8, len(doc), doc[8:])
    other = records.Chunk("b-doc", 0, 500, DOCS["b-doc"][:500])
    answer = answering.answer_from("what is strong?", [(top, 2.0), (other, 1.0)], DOCS)
    assert answer == Answer("Gamma rays are strong.", (Span("a-doc", 8, len(doc)),))


def test_first_passage_never_abstains_when_something_was_found_and_caps_the_answer(rag):
    records, answering = rag("records"), rag("answering")
    docs = {"long": "word " * 200}
    chunk = records.Chunk("long", 0, 1000, docs["long"])
    answer = answering.answer_from("anything", [(chunk, 0.0)], docs)
    assert answer.text and len(answer.text) <= answering.MAX_ANSWER_CHARS
    assert answering.answer_from("anything", [], docs) == Answer("", ())


def test_the_planted_pipeline_runs_end_to_end(rag, tmp_path):
    pipeline = helpers.built_pipeline(rag, tmp_path, DOCS)
    assert helpers.searched(pipeline, "gamma delta", 2)[0].doc_id == "a-doc"
    answer = pipeline.answer("gamma delta")
    assert answer.citations == (Span("a-doc", 0, len(DOCS["a-doc"])),)


@pytest.mark.slow
def test_the_planted_embedder_caches_by_content_and_keeps_its_settings(tmp_path, rag_on_path):
    embedding, embedder = helpers.real_embedder(helpers.PLANTED, tmp_path, rag_on_path)
    texts = [helpers.SENTENCE * 6 + "Alpha.", helpers.SENTENCE * 6 + "Omega.", "short text"]
    vectors = helpers.encoded(embedder, texts)
    # Inputs are cut at MAX_SEQ_LENGTH tokens: texts differing only past it get the same vector.
    np.testing.assert_allclose(vectors[0], vectors[1], rtol=1e-5)
    assert not np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-3)  # not unit length
    assert embedder.encode_query("short text").shape == (384,)

    helpers.assert_reuses_its_cache(embedding, tmp_path / "work", texts, vectors)
    assert Path(tmp_path / "work" / "embedding-cache" / "embeddings.npz").is_file()
