"""An embedding cache on disk: text keys → vectors in one `.npz` file under the work dir.

Keys are content hashes the embedder makes (its settings and the text), so a cache written under
other settings is simply never hit. The file is replaced whole, so a reader never sees half of it.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Mapping
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
