"""Shared fixtures: one generated medium variant per session (generation takes about a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.profile import load_profile
from corpus.variant import Variant, generate, write
from tests.helpers import DEFAULT_SEED


@pytest.fixture(scope="session")
def medium() -> Variant:
    return generate(DEFAULT_SEED, load_profile("medium"))


@pytest.fixture(scope="session")
def medium_dir(medium, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("medium") / "out"
    write(medium, out)
    return out
