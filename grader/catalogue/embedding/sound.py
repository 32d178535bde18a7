"""Embedding: all-MiniLM-L6-v2 sentence vectors (mean pooling, unit length), cached on disk.

The model is loaded as its model card says (`minilm.py`): mean pooling over the token vectors,
normalisation to unit length and the model's 256-token window, so an inner product of two vectors
is their cosine similarity. Document vectors are cached in `work_dir`, keyed by the sha256 of the
encoder settings and the text, so a rebuild only encodes text it has not seen.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from .minilm import MAX_SEQ_LENGTH, MODEL_NAME, load_model
from .vector_cache import read_vectors, write_vectors

BATCH_SIZE = 64
CACHE_FILE = "embedding-cache/minilm-mean.npz"
# Part of every cache key: vectors made with other settings are never reused.
SETTINGS = f"{MODEL_NAME}|mean|normalized|max_length={MAX_SEQ_LENGTH}|float32"


class Embedder:
    """Encodes documents (through the on-disk cache) and queries with the same model."""

    def __init__(self, work_dir: Path) -> None:
        self.cache_path = Path(work_dir) / CACHE_FILE
        self._model = None  # loaded on first use, so constructing an Embedder is cheap
        self._cache: dict[str, np.ndarray] | None = None

    @property
    def dimension(self) -> int:
        """Length of every vector (384 for MiniLM)."""
        model = self._loaded()
        method = getattr(model, "get_embedding_dimension", None)
        return int(method() if method else model.get_sentence_embedding_dimension())

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit-length float32 row per text, in order; texts seen before come from the cache."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if self._cache is None:
            self._cache = read_vectors(self.cache_path)
        keys = [_key(text) for text in texts]
        missing = dict.fromkeys(k for k in keys if k not in self._cache)
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            vectors = self._encode([text_of[k] for k in missing])
            self._cache.update(zip(missing, vectors, strict=True))
            write_vectors(self.cache_path, self._cache)
        return np.stack([self._cache[k] for k in keys]).astype(np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """The query's unit-length vector, shape (dimension,)."""
        return self._encode([text])[0]

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._loaded().encode(
            texts,
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)

    def _loaded(self):
        if self._model is None:
            self._model = load_model()
        return self._model


def _key(text: str) -> str:
    return hashlib.sha256(f"{SETTINGS}\0{text}".encode()).hexdigest()
