"""Shared fixtures: one generated medium variant per session (generation takes about a second)."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.profile import load_profile
from corpus.variant import Variant, generate, write
from tests.helpers import DEFAULT_SEED, NEW_SLICES_PROFILE


@pytest.fixture(scope="session")
def medium() -> Variant:
    return generate(DEFAULT_SEED, load_profile("medium"))


@pytest.fixture(scope="session")
def medium_dir(medium, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("medium") / "out"
    write(medium, out)
    return out


@pytest.fixture(scope="session")
def new_slices() -> Variant:
    """A medium-sized variant that also asks the slices no shipped profile asks yet (the example
    profile docs/examples/new-slices.toml)."""
    return generate(DEFAULT_SEED, load_profile(NEW_SLICES_PROFILE))


@pytest.fixture(scope="session")
def new_slices_dir(new_slices, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("new_slices") / "out"
    write(new_slices, out)
    return out
