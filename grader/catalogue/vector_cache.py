"""An embedding cache on disk: text keys → vectors in one `.npz` file under the work dir.

Keys are content hashes the embedder makes (its settings and the text), so a cache written under
other settings is simply never hit. The file is replaced whole, so a reader never sees half of it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path

import numpy as np


def read_vectors(path: Path) -> dict[str, np.ndarray]:
    """The cached vectors by key; empty when the file is missing or unreadable (then rebuilt,
    never trusted)."""
    if not path.is_file():
        return {}
    try:
        with np.load(path, allow_pickle=False) as data:
            return dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    except (OSError, ValueError, KeyError):
        return {}


def write_vectors(path: Path, vectors: Mapping[str, np.ndarray]) -> None:
    """Replace the cache file with `vectors` (as float32, keys sorted)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    keys = sorted(vectors)
    handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            np.savez(
                out,
                keys=np.array(keys, dtype="U64"),
                vectors=np.stack([vectors[k] for k in keys]).astype(np.float32),
            )
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.remove(temp)


class VectorCache:
    """Vectors by key in one file: read on first use, written back whole when it grows."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._vectors: dict[str, np.ndarray] | None = None

    def vectors(
        self,
        texts: list[str],
        key: Callable[[str], str],
        encode: Callable[[list[str]], np.ndarray],
    ) -> np.ndarray:
        """One float32 row per text, in order: cached under `key(text)`, else `encode`d (each
        missing key once, in order of first appearance) and stored. `texts` must not be empty."""
        if self._vectors is None:
            self._vectors = read_vectors(self.path)
        known = self._vectors
        keys = [key(text) for text in texts]
        missing = dict.fromkeys(k for k in keys if k not in known)  # ordered, de-duplicated
        if missing:
            text_of = dict(zip(keys, texts, strict=True))
            known.update(zip(missing, encode([text_of[k] for k in missing]), strict=True))
            write_vectors(self.path, known)
        return np.stack([known[k] for k in keys]).astype(np.float32)
