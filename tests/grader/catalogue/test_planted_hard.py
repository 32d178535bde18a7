"""The planted implementations of the next hard profile (`docs/profiles/hard-next.toml`: each
reads as a sound configuration) work as their docstrings say, through the pipeline, with a fake
embedder; one real-model test.

Each is imported from a `rag/` package assembled into a temporary folder, exactly as it ships.
"""

from __future__ import annotations

import importlib
import re

import numpy as np
import pytest

from corpus.profile import load_profile
from tests.grader.catalogue import helpers
from tests.helpers import REPO

HARD_NEXT = REPO / "docs" / "profiles" / "hard-next.toml"
HARD = {
    "chunking": "markdown_sections",
    "embedding": "minilm_compact",
    "retrieval": "dense_bm25_boost",
    "reranking": "recency_rerank",
    "answering": "score_threshold",
}
# Unit-length keyword counts: the inner product is a cosine, as the real one's is.
EMBEDDER = helpers.FakeEmbedder(helpers.VOCABULARY, normalised=True)


@pytest.fixture
def rag(tmp_path, rag_on_path):
    """The five assembled into `rag/` (embedding replaced by a normalised fake)."""
    return helpers.assembled_with_fake_embedding(HARD, tmp_path, rag_on_path, normalised=True)


def test_the_profile_plants_them_and_the_registry_describes_each():
    helpers.assert_the_profile_plants(HARD_NEXT, HARD)


def test_a_bundle_of_the_profile_ships_them_with_nothing_that_names_a_flaw(tmp_path):
    helpers.bundled_rag(load_profile(HARD_NEXT), HARD, tmp_path / "out")


def test_sections_are_chunked_without_their_heading_lines(rag):
    chunking = rag("chunking")
    doc = (
        "# Guide\n\nIntro line.\n\n## Berlin office\n\nParking: 40 spaces.\nBikes: 12.\n\n## Rome\n"
    )
    chunks = chunking.chunk_documents({"g": doc, "a": "No heading at all.\n"})
    assert [c.doc_id for c in chunks] == ["a", "g", "g"]  # doc_id order
    assert [c.text for c in chunks] == [
        "No heading at all.",
        "Intro line.",
        "Parking: 40 spaces.\nBikes: 12.",
    ]
    for chunk in chunks:
        assert (
            chunk.text
            == {"g": doc, "a": "No heading at all.\n"}[chunk.doc_id][chunk.start : chunk.end]
        )
    assert not any("#" in c.text or "Berlin" in c.text for c in chunks)


def test_long_sections_are_packed_from_whole_lines_and_long_lines_cut_at_sentences(rag):
    chunking = rag("chunking")
    size = chunking.CHUNK_SIZE
    rows = [f"| row {i:03d} | {'x' * 60} |" for i in range(40)]  # 40 lines of 74 characters
    sentences = [f"Sentence {i:03d} says something about the topic at hand." for i in range(60)]
    doc = "# T\n\n| a | b |\n|---|---|\n" + "\n".join(rows) + "\n\n## P\n\n" + " ".join(sentences)
    chunks = chunking.chunk_documents({"d": doc})
    lines = {line for line in doc.split("\n") if line and not line.startswith("#")}
    covered = []
    for chunk in chunks:
        assert chunk.text == doc[chunk.start : chunk.end]
        assert len(chunk.text) <= size
        for line in chunk.text.split("\n"):
            # every piece is a whole line, or (for the one long line) whole sentences
            assert line in lines or re.fullmatch(r"(Sentence \d{3} [^.]*\.\s?)+", line), line
        covered.append(chunk.text)
    joined = "\n".join(covered)
    assert all(row in joined for row in rows) and all(s in joined for s in sentences)
    assert joined.count("| a | b |") == 1  # the header row is in the first chunk only
    assert len([c for c in chunks if c.text.startswith("| row")]) >= 2


def test_dense_order_with_a_bm25_bonus_of_at_most_the_lexical_weight(rag):
    texts = ["alpha alpha", "alpha beta", "gamma zeta", "delta", "beta", "gamma"]
    retriever = helpers.built_retriever(rag, texts, EMBEDDER)
    retrieval = rag("retrieval")
    hits = retriever.search("alpha zeta", 10)
    # Cosines with (1, 0, 0, 0): chunk 0 1.0, chunk 1 0.707, the others 0. BM25 (see the sibling
    # test of hybrid_rrf): chunk 2 1.13 (the best), chunk 0 0.76, chunk 1 0.51, the rest 0.
    bm25 = {2: 1.1304, 0: 0.7613, 1: 0.5118}
    w = retrieval.LEXICAL_WEIGHT
    cosine = {0: 1.0, 1: 2**-0.5}
    expected = {i: cosine.get(i, 0.0) + w * bm25.get(i, 0.0) / bm25[2] for i in range(6)}
    assert [h.index for h in hits] == sorted(expected, key=lambda i: (-expected[i], i))
    for hit in hits:
        assert hit.score == pytest.approx(expected[hit.index], abs=1e-3)
    # The exact rare word (zeta) lifts chunk 2 above the chunks with neither word, not above the
    # chunks the dense side ranks first.
    assert [h.index for h in hits[:3]] == [0, 1, 2]
    assert len(retriever.search("alpha zeta", 2)) == 2 and retriever.search("alpha", 0) == []
    assert retriever.search("the of", 3)  # no words: the dense order alone


def test_the_five_run_end_to_end_through_the_pipeline(rag, tmp_path):
    helpers.assert_answers_from_the_current_version(rag, tmp_path)


@pytest.mark.slow
def test_minilm_compact_keeps_64_components_at_unit_length_and_caches(tmp_path, rag_on_path):
    embedding, embedder = helpers.real_embedder(HARD, tmp_path, rag_on_path)
    texts = [helpers.SENTENCE, "Invoices over 5000 EUR are countersigned.", "Rooms seat 12."]
    vectors = embedder.encode(texts)
    assert vectors.shape == (3, embedding.DIMENSIONS) == (3, 64) and vectors.dtype == np.float32
    assert embedder.dimension == 64
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    query = embedder.encode_query(helpers.SENTENCE)
    assert query.shape == (64,) and float(query @ vectors[0]) == pytest.approx(1.0, abs=1e-4)
    # The first 64 components of the model's own vector, scaled back to unit length.
    full = importlib.import_module("rag.minilm").load_model()
    whole = full.encode(texts, normalize_embeddings=True)[:, :64]
    np.testing.assert_allclose(
        vectors, whole / np.linalg.norm(whole, axis=1, keepdims=True), atol=1e-4
    )
    helpers.assert_reuses_its_cache(embedding, tmp_path / "work", texts, vectors)
