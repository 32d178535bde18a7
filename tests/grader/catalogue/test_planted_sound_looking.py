"""The second planted implementation of each component (the ones that read as sound code) works
as its docstring says, through the pipeline, with a fake embedder; one real-model test.

Each is imported from a `rag/` package assembled into a temporary folder, exactly as it ships.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from corpus.profile import load_profile
from exercise.types import Answer, Span
from grader.catalogue import CATALOGUE_DIR, assemble
from tests.grader.catalogue import helpers
from tests.helpers import REPO

PROFILE = REPO / "docs" / "profiles" / "medium-b.toml"
SOUND_LOOKING = {
    "chunking": "overlapping_windows",
    "embedding": "minilm_mean",
    "retrieval": "hybrid_rrf",
    "reranking": "recency_rerank",
    "answering": "score_threshold",
}
EMBEDDER = helpers.FakeEmbedder(helpers.VOCABULARY)


@pytest.fixture
def rag(tmp_path, rag_on_path):
    """The five implementations assembled into `rag/` (embedding replaced by a fake)."""
    return helpers.assembled_with_fake_embedding(SOUND_LOOKING, tmp_path, rag_on_path)


def test_the_profile_plants_them_and_the_registry_describes_each():
    helpers.assert_the_profile_plants(PROFILE, SOUND_LOOKING)


def test_a_bundle_of_the_profile_ships_them_with_nothing_that_names_a_flaw(tmp_path):
    rag = helpers.bundled_rag(load_profile(PROFILE), SOUND_LOOKING, tmp_path / "out")
    assert (rag / "words.py").read_bytes() == (CATALOGUE_DIR / "words.py").read_bytes()


def test_assemble_ships_the_shared_word_reader_they_import(tmp_path):
    package = assemble(SOUND_LOOKING, tmp_path)
    assert sorted(p.name for p in package.glob("*.py")) == [
        "__init__.py", "answering.py", "chunking.py", "documents.py", "embedding.py",
        "hybrid.py", "minilm.py", "pipeline.py", "records.py", "reranking.py", "retrieval.py",
        "vector_cache.py", "words.py",
    ]  # fmt: skip


def test_words_are_lowercased_runs_of_two_or_more_without_stopwords(rag):
    words = rag("words")
    assert words.tokenize("What does ERR-7925 mean for the Aster X-2, version 3?") == [
        "err", "7925", "mean", "aster", "version",
    ]  # fmt: skip


def test_overlapping_windows_cover_every_word_and_overlap_at_whitespace(rag):
    chunking = rag("chunking")
    text = " ".join(f"word{i:04d}" for i in range(600))  # 5,999 characters of 8-letter words
    docs = {"b": text, "a": "Short doc.\n", "c": "x" * 3000}
    chunks = chunking.chunk_documents(docs)
    assert [c.doc_id for c in chunks][:1] == ["a"] and chunks[0].text == "Short doc."
    windows = [c for c in chunks if c.doc_id == "b"]
    for chunk in windows:
        assert chunk.text == text[chunk.start : chunk.end]
        assert chunk.end - chunk.start <= chunking.CHUNK_SIZE
        assert not chunk.text[0].isspace() and not chunk.text[-1].isspace()
        assert chunk.start == 0 or text[chunk.start - 1] == " "  # whole words only
        assert chunk.end == len(text) or text[chunk.end] == " "
    for before, after in zip(windows, windows[1:], strict=False):
        assert before.start < after.start
        assert before.end - after.start >= chunking.CHUNK_OVERLAP
    assert windows[0].start == 0 and windows[-1].end == len(text)
    # A run with no whitespace is cut at CHUNK_SIZE, without overlap, and still all covered.
    solid = [(c.start, c.end) for c in chunks if c.doc_id == "c"]
    size = chunking.CHUNK_SIZE
    assert solid == [(0, size), (size, 2 * size), (2 * size, 3000)]


def test_hybrid_rrf_sums_reciprocal_ranks_of_the_dense_and_bm25_rankings(rag):
    texts = ["alpha alpha", "alpha beta", "gamma zeta", "delta", "beta", "gamma"]
    retriever = helpers.built_retriever(rag, texts, EMBEDDER)
    retrieval = rag("retrieval")
    hits = retriever.search("alpha zeta", 10)
    # Dense (one-hot counts) for "alpha zeta" = (1,0,0,0): chunk 0 scores 2, chunk 1 scores 1,
    # the others 0 (ties by index) → ranks 0:1, 1:2, 2:3, 3:4, 4:5, 5:6.
    # BM25 (k1 1.5, b 0.75, average length 1.5): idf(zeta) = ln(5.5 / 1.5) = 1.30 and
    # idf(alpha) = ln(4.5 / 2.5) = 0.59, so chunk 2 scores 1.30 * 2.5 / 2.875 = 1.13, chunk 0
    # 0.59 * 5 / 3.875 = 0.76 and chunk 1 0.59 * 2.5 / 2.875 = 0.51; the rest have neither word.
    lexical = retriever.lexical("alpha zeta", retrieval.DEPTH)
    assert lexical == [2, 0, 1]
    dense_rank = {i: i + 1 for i in range(len(texts))}
    k = retrieval.RRF_K
    lexical_rank = {index: rank for rank, index in enumerate(lexical, start=1)}
    expected = {
        i: 1 / (k + dense_rank[i]) + (1 / (k + lexical_rank[i]) if i in lexical_rank else 0.0)
        for i in range(len(texts))
    }
    assert [h.index for h in hits] == sorted(expected, key=lambda i: (-expected[i], i))
    for hit in hits:
        assert hit.score == pytest.approx(expected[hit.index])
    assert len(retriever.search("alpha zeta", 2)) == 2 and retriever.search("alpha", 0) == []


def test_recency_rerank_weighs_first_stage_overlap_and_currency(rag):
    records, reranking = rag("records"), rag("reranking")
    chunks = [
        records.Chunk("travel-v2", 0, 10, "Meals are capped per day."),
        records.Chunk("travel-v3", 0, 10, "Meals are capped per day."),
        records.Chunk("guide", 0, 10, "Rooms and meals."),
    ]
    hits = [records.Hit(0, 0.9), records.Hit(1, 0.9), records.Hit(2, 0.5)]
    ranked = reranking.rerank("How are meals capped?", hits, chunks, EMBEDDER)
    w = reranking.WEIGHTS
    # Query words: meals, capped. Chunks 0 and 1 have both; chunk 2 has "meals" only.
    expected = {
        1: w["first_stage"] * 1.0 + w["overlap"] * 1.0 + w["current"] * 1.0,
        0: w["first_stage"] * 1.0 + w["overlap"] * 1.0,  # travel-v3 supersedes travel-v2
        2: w["first_stage"] * 0.0 + w["overlap"] * 0.5 + w["current"] * 1.0,
    }
    assert [h.index for h in ranked] == [1, 0, 2]
    assert [h.score for h in ranked] == pytest.approx([expected[i] for i in (1, 0, 2)])
    assert [h.index for h in hits] == [0, 1, 2]  # the input list is left alone
    assert reranking.rerank("q", [], chunks, EMBEDDER) == []


def test_score_threshold_cites_the_best_matching_sentence_by_its_offsets(rag):
    records, answering = rag("records"), rag("answering")
    doc = "# Guide\n\nThe office opens at 9. Visitors sign in on floor 2.\n\n| Room | Seats |\n"
    docs = {"g": doc}
    chunk = records.Chunk("g", 9, len(doc), doc[9:])
    answer = answering.answer_from("Where do visitors sign in?", [(chunk, 1.0)], docs)
    start = doc.index("Visitors")
    assert answer == Answer("Visitors sign in on floor 2.", (Span("g", start, start + 28),))


def test_score_threshold_abstains_when_the_chunks_it_reads_score_low_on_average(rag):
    records, answering = rag("records"), rag("answering")
    docs = {"g": "Visitors sign in on floor 2."}
    chunk = records.Chunk("g", 0, 28, docs["g"])
    question = "Where do visitors sign in?"
    low = answering.MIN_SCORE / 2
    assert answering.answer_from(question, [(chunk, low)], docs) == Answer("", ())
    assert answering.ANSWER_PASSAGES == 3
    # Only the first three are read: mean (3 * MIN_SCORE + 0.03 + 0 + 0) / 3 > MIN_SCORE answers
    read = [(chunk, 3 * answering.MIN_SCORE + 0.03), (chunk, 0.0), (chunk, 0.0), (chunk, -9.0)]
    assert answering.answer_from(question, read, docs).text == docs["g"]
    # ... and a little less abstains.
    read[0] = (chunk, 3 * answering.MIN_SCORE - 0.01)
    assert answering.answer_from(question, read, docs) == Answer("", ())
    assert answering.answer_from("anything", [], docs) == Answer("", ())


def test_the_five_run_end_to_end_through_the_pipeline(rag, tmp_path):
    helpers.assert_answers_from_the_current_version(rag, tmp_path)


@pytest.mark.slow
def test_minilm_mean_gives_unit_vectors_reads_128_tokens_and_caches(tmp_path, rag_on_path):
    embedding, embedder = helpers.real_embedder(SOUND_LOOKING, tmp_path, rag_on_path)
    texts = [helpers.SENTENCE * 12 + "Alpha.", helpers.SENTENCE * 12 + "Omega.", helpers.SENTENCE]
    vectors = helpers.encoded(embedder, texts)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    # Inputs are read up to MAX_SEQ_LENGTH tokens: texts differing only past it are one vector.
    np.testing.assert_allclose(vectors[0], vectors[1], atol=1e-6)
    query = embedder.encode_query(helpers.SENTENCE)
    assert query.shape == (384,) and float(query @ vectors[2]) == pytest.approx(1.0, abs=1e-4)

    helpers.assert_reuses_its_cache(embedding, tmp_path / "work", texts, vectors)
    assert Path(tmp_path / "work" / embedding.CACHE_FILE).is_file()
