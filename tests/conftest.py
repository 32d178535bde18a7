"""Shared fixtures: one generated medium variant per session (generation takes about a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.profile import load_profile
from corpus.variant import Variant, generate, write

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEED = 7  # the seed `make corpus` uses for the committed default variant


@pytest.fixture(scope="session")
def medium() -> Variant:
    return generate(DEFAULT_SEED, load_profile("medium"))


@pytest.fixture(scope="session")
def medium_dir(medium, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("medium") / "out"
    write(medium, out)
    return out
