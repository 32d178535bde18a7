"""Helpers for the catalogue tests (and the bundle tests that build the same selection).

Tests import it as `tests.grader.catalogue.helpers`; no test module imports another.
"""

from __future__ import annotations

import pytest

from corpus.failure_modes import COMPONENTS
from grader.catalogue import REFERENCE, implementations

# The medium profile's planted implementation of every component.
PLANTED = {
    "chunking": "fixed_chars",
    "embedding": "misconfigured_minilm",
    "retrieval": "dense_only",
    "reranking": "none",
    "answering": "first_passage",
}
HAS_REFERENCE = all(REFERENCE in implementations(c) for c in COMPONENTS)
needs_reference = pytest.mark.skipif(
    not HAS_REFERENCE, reason="grader/catalogue/<component>/reference.py not written yet"
)
