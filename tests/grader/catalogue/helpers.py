"""Helpers for the catalogue tests (and the bundle tests that build the same selection).

Tests import it as `tests.grader.catalogue.helpers`; no test module imports another.
"""

from __future__ import annotations

import importlib
import json
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import numpy as np
import pytest

from corpus.failure_modes import COMPONENTS, REGISTRY
from corpus.profile import load_profile
from exercise.types import Passage, Span
from grader.bundle.build import build_bundle
from grader.catalogue import (
    CATALOGUE_DIR,
    REFERENCE,
    assemble,
    implementations,
    selection_from_profile,
)
from tests.grader.bundle.helpers import HARNESS_WORDS, TELLTALE
from tests.grader.grading import CANDIDATE
from tests.helpers import DEFAULT_SEED

# The medium profile's planted implementation of every component.
PLANTED = {
    "chunking": "fixed_chars",
    "embedding": "misconfigured_minilm",
    "retrieval": "dense_only",
    "reranking": "none",
    "answering": "first_passage",
}
HAS_REFERENCE = all(REFERENCE in implementations(c) for c in COMPONENTS)
NO_REFERENCE = "grader/catalogue/<component>/reference.py not written yet"
needs_reference = pytest.mark.skipif(not HAS_REFERENCE, reason=NO_REFERENCE)

# The words the fake embedders count; `assert_answers_from_the_current_version` writes its
# documents and queries from them.
VOCABULARY = ("alpha", "beta", "gamma", "delta")


def fake_embedding(vocabulary: tuple[str, ...], *, normalised: bool = False) -> str:
    """The source of a `rag/embedding.py` standing in for the model: one dimension per word of
    `vocabulary`, counting its occurrences (scaled to unit length when `normalised`)."""
    rows = "rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)"
    return f'''
"""A one-hot keyword embedder standing in for the model in tests."""
import numpy as np

VOCABULARY = {vocabulary!r}


class Embedder:
    def __init__(self, work_dir):
        self.work_dir = work_dir

    def encode(self, texts):
        rows = np.array([[t.lower().count(w) for w in VOCABULARY] for t in texts], np.float32)
        return {rows if normalised else "rows"}

    def encode_query(self, text):
        return self.encode([text])[0]
'''


class FakeEmbedder:
    """The in-process twin of `fake_embedding`'s module, for calling a component directly: one
    dimension per word of `vocabulary`, counting its occurrences in the lower-cased text (scaled
    to unit length when `normalised`)."""

    def __init__(self, vocabulary: tuple[str, ...], *, normalised: bool = False) -> None:
        self.vocabulary = vocabulary
        self.normalised = normalised

    def encode(self, texts):
        rows = np.array([[t.lower().count(w) for w in self.vocabulary] for t in texts], np.float32)
        if self.normalised:
            rows = rows / np.maximum(np.linalg.norm(rows, axis=1, keepdims=True), 1e-9)
        return rows

    def encode_query(self, text):
        return self.encode([text])[0]


def assembled_with_fake_embedding(
    selection: dict[str, str],
    folder: Path,
    rag_on_path,
    vocabulary: tuple[str, ...] = VOCABULARY,
    *,
    normalised: bool = False,
    chunk_size: int | None = None,
) -> Callable[[str], ModuleType]:
    """`selection` assembled into `folder` as it ships, with `fake_embedding(vocabulary)` as its
    `rag/embedding.py`, and put on the path (`rag_on_path`, the fixture): call the result with a
    module name ("records", "chunking", ...) to import `rag.<name>`."""
    package = assemble(selection, folder, chunk_size=chunk_size)
    fake = fake_embedding(vocabulary, normalised=normalised)
    (package / "embedding.py").write_text(fake, encoding="utf-8")
    rag_on_path(folder)
    return lambda name: importlib.import_module(f"rag.{name}")


def assert_the_profile_plants(profile_path: Path, selection: dict[str, str]) -> None:
    """The profile at `profile_path` plants `selection`, and the registry describes the flaw of
    each implementation in it (at some length: the interviewer reads it)."""
    assert selection_from_profile(load_profile(profile_path)) == selection
    for fm in REGISTRY:
        flaw = fm.flaw(selection[fm.component])
        assert flaw and len(flaw) > 80, fm.component


def bundled_rag(profile, selection: dict[str, str], out: Path) -> Path:
    """The `rag/` of a bundle of `profile` (default seed) built into `out`, checked to ship each
    component of `selection` as the catalogue has it, with no word in it that names a flaw or the
    harness, and recorded in the key."""
    build_bundle(profile, DEFAULT_SEED, CANDIDATE, out)
    rag = out / "bundle" / "rag"
    for component, name in selection.items():
        source = (CATALOGUE_DIR / component / f"{name}.py").read_bytes()
        assert (rag / f"{component}.py").read_bytes() == source
    for path in rag.glob("*.py"):
        text = path.read_text(encoding="utf-8")
        for pattern in (TELLTALE, HARNESS_WORDS):
            found = pattern.search(text)
            assert found is None, f"rag/{path.name}: {found.group(0)!r}"
    key = json.loads((out / "key" / "key.json").read_text(encoding="utf-8"))
    assert key["components"] == selection
    return rag


def assert_answers_from_the_current_version(rag, tmp_path: Path) -> None:
    """Through the whole pipeline of `rag` (a fake embedder over alpha..delta): of two versions
    of a policy, the current one is found first, answered from and cited by its offsets."""
    docs = {
        "notes": "# Notes\n\nAlpha and beta were discussed. Nothing was decided.\n",
        "policy-v1": "# Policy v1\n\nGamma delta limits are 10 units.\n",
        "policy-v2": "# Policy v2\n\nGamma delta limits are 12 units.\n",
    }
    pipeline = built_pipeline(rag, tmp_path, docs)
    passages = searched(pipeline, "gamma delta limits", 2)
    assert len(passages) == 2
    assert passages[0].doc_id == "policy-v2"  # the current version first
    answer = pipeline.answer("gamma delta limits")
    assert answer.text == "Gamma delta limits are 12 units."
    start = docs["policy-v2"].index("Gamma")
    assert answer.citations == (Span("policy-v2", start, start + len(answer.text)),)


def whole_document_chunks(records: ModuleType, docs: dict[str, str]) -> list:
    """One `records.Chunk` per document of `docs` (id → text), spanning all of it, in id order."""
    return [records.Chunk(doc_id, 0, len(text), text) for doc_id, text in sorted(docs.items())]


def write_corpus(folder: Path, docs: dict[str, str]) -> Path:
    """A corpus folder holding `docs` (id → Markdown) as `docs/<id>.md`."""
    (folder / "docs").mkdir(parents=True)
    for doc_id, text in docs.items():
        (folder / "docs" / f"{doc_id}.md").write_text(text, encoding="utf-8", newline="")
    return folder


def assert_reuses_its_cache(
    embedding: ModuleType, work: Path, texts: list[str], vectors: np.ndarray
) -> None:
    """A second `rag.embedding.Embedder` over the same work folder returns `vectors` for `texts`
    without running the model."""
    again = embedding.Embedder(work)

    def no_model(batch):
        raise AssertionError(f"encoded {len(batch)} texts that were cached")

    again._encode = no_model
    np.testing.assert_array_equal(again.encode(texts), vectors)


# ~17 tokens: repeated, a text reaches past any encoder window with a last word that differs.
SENTENCE = "The quarterly report lists every supplier with its contract owner and renewal date. "


def real_embedder(selection: dict[str, str], tmp_path: Path, rag_on_path):
    """The `rag.embedding` module of `selection` (assembled under tmp_path/sub, on the real model)
    and an `Embedder` of it over tmp_path/work."""
    package = assemble(selection, tmp_path / "sub")
    rag_on_path(package.parent)
    embedding = importlib.import_module("rag.embedding")
    return embedding, embedding.Embedder(tmp_path / "work")


def encoded(embedder, texts: list[str]) -> np.ndarray:
    """`embedder.encode(texts)`, checked to be one float32 MiniLM row per text."""
    vectors = embedder.encode(texts)
    assert vectors.shape == (len(texts), 384) and vectors.dtype == np.float32
    return vectors


def built_retriever(rag, texts: list[str], embedder):
    """`rag.retrieval.Retriever` over one chunk per text (chunk i of document "d" at offsets i to
    i + 1), built with `embedder`."""
    chunks = [rag("records").Chunk("d", i, i + 1, t) for i, t in enumerate(texts)]
    retriever = rag("retrieval").Retriever(chunks, embedder)
    retriever.build()
    return retriever


def built_pipeline(rag, tmp_path: Path, docs: dict[str, str]):
    """`rag.pipeline.Pipeline` over a corpus of `docs`, built (work dir tmp_path/work)."""
    pipeline = rag("pipeline").Pipeline(write_corpus(tmp_path / "corpus", docs), tmp_path / "work")
    pipeline.build()
    return pipeline


def searched(pipeline, query: str, k: int) -> list[Passage]:
    """`pipeline.search(query, k)`, checked to be a non-empty list of at most k passages."""
    passages = pipeline.search(query, k)
    assert passages and len(passages) <= k and all(isinstance(p, Passage) for p in passages)
    return passages
