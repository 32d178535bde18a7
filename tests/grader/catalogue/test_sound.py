"""The sound (textbook) modules behave as their docstrings say: fake embedder and fake model for
the fast tests, the real model once (slow).

Each is imported from a `rag/` package assembled into a temporary folder, exactly as the `sound`
solution writes it.
"""

from __future__ import annotations

from collections.abc import Callable
from types import ModuleType

import numpy as np
import pytest
import torch

from corpus.failure_modes import COMPONENTS, REGISTRY, SOUND
from exercise.types import Answer, Span
from grader.catalogue import CATALOGUE_DIR
from tests.grader.catalogue import helpers

VOCABULARY = ("alpha", "beta", "gamma", "delta", "strong", "rays", "weight", "aster", "x2")
EMBEDDER = helpers.FakeEmbedder(VOCABULARY, normalised=True)
DOCS = {
    "a-doc": (
        "# Gamma handbook\n\n## Rays\n\nGamma rays are strong. Delta follows gamma.\n\n"
        "| Model | Weight |\n|---|---|\n| Aster X1 | 4 kg |\n| Aster X2 | 7 kg |\n"
    ),
    "b-doc": "# Beta notes\n\nAlpha beta alpha. Beta beta.\n",
}


class FakeModel:
    """Stands in for the sentence-transformers model: one-hot keyword vectors, unit length."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def encode(self, texts, convert_to_numpy=True, **_options):
        self.calls.append(list(texts))
        rows = EMBEDDER.encode(texts)
        # as sentence-transformers answers: one tensor per text unless asked for numpy
        return rows if convert_to_numpy else [torch.from_numpy(row) for row in rows]


@pytest.fixture
def rag(tmp_path, rag_on_path, monkeypatch) -> Callable[[str], ModuleType]:
    """The sound `rag` package with a fake embedder module and a fake model for answering."""
    sound = {fm.component: fm.sound for fm in REGISTRY}
    rag = helpers.assembled_with_fake_embedding(
        sound, tmp_path, rag_on_path, VOCABULARY, normalised=True, chunk_size=60
    )
    # answering loads the model through rag.minilm
    monkeypatch.setattr(rag("minilm"), "load_model", lambda *_args, **_options: FakeModel())
    return rag


def test_every_component_has_a_sound_module():
    assert all(fm.sound == SOUND for fm in REGISTRY)
    for component in COMPONENTS:
        assert (CATALOGUE_DIR / component / f"{SOUND}.py").is_file()


def test_chunks_hold_whole_sentences_with_the_heading_path_and_overlap_by_one(rag):
    chunking = rag("chunking")
    assert chunking.CHUNK_SIZE == 60
    doc = DOCS["a-doc"]
    prose = [c for c in chunking.chunk_documents(DOCS) if c.doc_id == "a-doc"][0]
    assert doc[prose.start : prose.end] == "Gamma rays are strong. Delta follows gamma."
    assert prose.text == "Gamma handbook > Rays\n" + doc[prose.start : prose.end]
    text = "# T\n\n" + " ".join(f"Sentence number {n} is here." for n in range(6))
    chunks = chunking.chunk_documents({"d": text})
    bodies = [text[c.start : c.end] for c in chunks]
    # 27-28 characters per sentence: two fit in 60, and each chunk starts with the last of
    # the chunk before
    assert bodies[0] == "Sentence number 0 is here. Sentence number 1 is here."
    assert bodies[1].startswith("Sentence number 1 is here.")
    assert all(b.endswith(".") and b.startswith("Sentence") for b in bodies)
    assert bodies[-1].endswith("Sentence number 5 is here.")
    for first, second in zip(range(5), range(1, 6), strict=True):
        pair = f"Sentence number {first} is here. Sentence number {second} is here."
        assert any(pair in b for b in bodies), pair


def test_a_table_is_chunked_by_rows_with_its_header_repeated(rag):
    chunking = rag("chunking")
    doc = DOCS["a-doc"]
    tables = [c for c in chunking.chunk_documents(DOCS) if "|" in doc[c.start : c.end]]
    # the header takes 30 of the 60 characters: one 19-character row per chunk
    assert [doc[c.start : c.end] for c in tables] == ["| Aster X1 | 4 kg |", "| Aster X2 | 7 kg |"]
    for chunk in tables:
        assert chunk.text.startswith("Gamma handbook > Rays\n| Model | Weight |\n|---|---|\n")
        assert "Model" not in doc[chunk.start : chunk.end]  # the offsets cover body rows only


def test_a_long_table_is_split_between_rows(rag):
    chunking = rag("chunking")
    rows = "".join(f"| item {n} | {n} kg |\n" for n in range(10))
    doc = "# Items\n\n| Item | Weight |\n|---|---|\n" + rows
    chunks = chunking.chunk_documents({"t": doc})
    assert len(chunks) > 1
    covered = "\n".join(doc[c.start : c.end] for c in chunks)
    assert covered == rows.strip()  # every row once, whole, in order (rows never overlap)
    assert all(c.text.startswith("Items\n| Item | Weight |") for c in chunks)


def test_retrieval_fuses_the_dense_and_the_lexical_ranks(rag):
    # the fake embedder sees "rays" but not the code; BM25 sees the code (as three terms)
    texts = ["delta", "gamma rays", "beta", "code ZX-9 holds", "alpha"]
    retriever = helpers.built_retriever(rag, texts, EMBEDDER)
    query = "rays ZX-9"
    dense, lexical = retriever.dense(query, 5), retriever.lexical(query, 5)
    assert dense[0] == 1 and lexical[0] == 3  # each finds its own chunk first
    assert set(lexical) == {1, 3}  # BM25 ranks only chunks sharing a term
    rrf_k = rag("retrieval").RRF_K
    expected = {i: 0.0 for i in range(5)}
    for ranking in (dense, lexical):
        for rank, index in enumerate(ranking, start=1):
            expected[index] += 1 / (rrf_k + rank)
    hits = retriever.search(query, 5)
    assert [h.index for h in hits[:2]] == [1, 3]  # 1/61 + 1/62 over 1/61 + 1/(60 + dense rank)
    assert {h.index: h.score for h in hits} == pytest.approx(expected)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)
    assert retriever.search(query, 0) == []
    assert len(retriever.search(query, 50)) == len(texts)


def test_retrieval_breaks_ties_by_document_and_offset(rag):
    records, retrieval = rag("records"), rag("retrieval")
    chunks = [records.Chunk("b", 0, 1, "alpha"), records.Chunk("a", 5, 6, "alpha")]
    retriever = retrieval.Retriever(chunks, EMBEDDER)
    retriever.build()
    hits = retriever.search("alpha", 2)
    # equal vectors and equal BM25 scores: both lists rank 0 before 1, so chunk 0 wins;
    # the tie rule only decides between equal fused scores
    assert [h.index for h in hits] == [0, 1]


def test_reranking_keeps_the_fused_order_in_a_new_list(rag):
    records, reranking = rag("records"), rag("reranking")
    hits = [records.Hit(3, 0.9), records.Hit(1, 0.5)]
    ranked = reranking.rerank("q", hits, [], EMBEDDER)
    assert ranked == hits and ranked is not hits


def test_the_answer_is_the_best_matching_sentence_cited_exactly(rag):
    records, answering = rag("records"), rag("answering")
    doc = DOCS["a-doc"]
    chunk = records.Chunk("a-doc", 0, len(doc), doc)
    answer = answering.answer_from("How strong are gamma rays?", [(chunk, 1.0)], DOCS)
    start = doc.index("Gamma rays are strong.")
    assert answer == Answer("Gamma rays are strong.", (Span("a-doc", start, start + 22),))
    row = answering.answer_from("What is the weight of the Aster X2?", [(chunk, 1.0)], DOCS)
    start = doc.index("Aster X2 | 7 kg")
    # the row's cells, cited without the table's outer bars
    assert row == Answer("Aster X2 7 kg", (Span("a-doc", start, start + len("Aster X2 | 7 kg")),))


def test_a_comparison_is_answered_with_one_quoted_sentence_not_computed(rag):
    # the textbook fix quotes the best sentence: it does not gather every sibling's figure, so
    # "which is heaviest?" gets whichever row fits best, cited alone
    records, answering = rag("records"), rag("answering")
    doc = DOCS["a-doc"]
    chunk = records.Chunk("a-doc", 0, len(doc), doc)
    answer = answering.answer_from("Which Aster model is the heaviest?", [(chunk, 1.0)], DOCS)
    assert len(answer.citations) == 1


def test_only_the_top_passages_are_read(rag):
    records, answering = rag("records"), rag("answering")
    other = records.Chunk("b-doc", 0, len(DOCS["b-doc"]), DOCS["b-doc"])
    rays = DOCS["a-doc"].index("Gamma rays")
    best = records.Chunk("a-doc", rays, rays + 22, "Gamma rays are strong.")
    ranked = [(other, 3.0)] * answering.CONTEXT + [(best, 1.0)]
    answer = answering.answer_from("How strong are gamma rays?", ranked, DOCS)
    assert answer.citations[0].doc_id == "b-doc"


def test_a_question_naming_a_term_absent_from_the_corpus_abstains(rag):
    records, answering = rag("records"), rag("answering")
    doc = DOCS["a-doc"]
    ranked = [(records.Chunk("a-doc", 0, len(doc), doc), 1.0)]
    for query in ("What does the Aster X9 weigh?", "How strong are the Zircon rays?"):
        assert answering.answer_from(query, ranked, DOCS) == Answer("", ()), query
    assert answering.answer_from("What does the Aster X1 weigh?", ranked, DOCS).text
    assert answering.answer_from("What does the Aster X-2 weigh?", ranked, DOCS).text  # "X2"
    assert answering.answer_from("Gamma rays?", [], DOCS) == Answer("", ())


def test_a_long_sentence_is_capped(rag):
    records, answering = rag("records"), rag("answering")
    docs = {"long": "gamma " * 100}
    answer = answering.answer_from(
        "gamma", [(records.Chunk("long", 0, 600, docs["long"]), 1)], docs
    )
    assert answer.text and len(answer.text) <= answering.MAX_ANSWER_CHARS


def test_the_sound_pipeline_runs_end_to_end(rag, tmp_path):
    pipeline = helpers.built_pipeline(rag, tmp_path, DOCS)
    assert helpers.searched(pipeline, "gamma rays strong", 2)[0].doc_id == "a-doc"
    answer = pipeline.answer("How strong are gamma rays?")
    assert answer.text == "Gamma rays are strong."


@pytest.mark.slow
def test_the_sound_embedder_is_normalised_mean_pooled_and_cached(tmp_path, rag_on_path):
    sound = {fm.component: fm.sound for fm in REGISTRY}
    embedding, embedder = helpers.real_embedder(sound, tmp_path, rag_on_path)
    # the differing last word sits past 64 tokens, inside 256
    texts = [helpers.SENTENCE * 6 + "Alpha.", helpers.SENTENCE * 6 + "Omega.", "short text"]
    vectors = helpers.encoded(embedder, texts)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert not np.allclose(vectors[0], vectors[1], rtol=1e-5)
    query = embedder.encode_query("short text")
    assert query.shape == (384,) and float(query @ vectors[2]) == pytest.approx(1.0, abs=1e-4)

    helpers.assert_reuses_its_cache(embedding, tmp_path / "work", texts, vectors)
    assert (tmp_path / "work" / embedding.CACHE_FILE).is_file()
