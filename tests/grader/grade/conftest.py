"""Fixtures of the grade tests: the session's medium bundle and its key, as folders."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(scope="module")
def bundle(bundle_out) -> Path:
    return bundle_out[0] / "bundle"


@pytest.fixture(scope="module")
def key(bundle_out) -> Path:
    return bundle_out[0] / "key"
