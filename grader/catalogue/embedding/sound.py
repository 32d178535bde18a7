"""Embedding: all-MiniLM-L6-v2 sentence vectors (mean pooling, unit length), cached on disk.

The model is loaded as its model card says (`minilm.py`): mean pooling over the token vectors,
normalisation to unit length and the model's 256-token window, so an inner product of two vectors
is their cosine similarity. Document vectors are cached in `work_dir`, keyed by the sha256 of the
encoder settings and the text, so a rebuild only encodes text it has not seen.
"""

from __future__ import annotations

from pathlib import Path

from . import minilm

BATCH_SIZE = 64
CACHE_FILE = "embedding-cache/minilm-mean.npz"


class Embedder(minilm.CachedEncoder):
    """Encodes documents (through the on-disk cache) and queries with the same model."""

    def __init__(self, work_dir: Path) -> None:
        super().__init__(Path(work_dir) / CACHE_FILE, "mean|normalized", batch_size=BATCH_SIZE)
