"""Constants shared across the test tree (conftest.py files hold fixtures only).

Tests import it as `tests.helpers`; no test module imports another, nor a conftest.
"""

from __future__ import annotations

from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEED = 7  # the seed `make corpus` uses for the committed default variant
