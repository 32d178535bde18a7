"""Fixtures for the grader tests: built bundles (medium and pair profiles, default seed), one of
each per session."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from corpus.profile import load_profile
from grader.bundle.build import BundleResult, build_bundle
from tests.grader.grading import CANDIDATE
from tests.helpers import DEFAULT_SEED


@pytest.fixture(autouse=True)
def _baseline_cache_in_tmp(tmp_path_factory, monkeypatch) -> None:
    """Grades keep the baseline's index under XDG_CACHE_HOME: a test's, never the user's."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.getbasetemp() / "xdg-cache"))


@pytest.fixture(scope="session")
def bundle_out(tmp_path_factory) -> tuple[Path, BundleResult]:
    """OUT of a medium bundle for CANDIDATE, and what `build_bundle` reported. Shared by every
    module: tests read it and copy what they change."""
    out = tmp_path_factory.mktemp("bundle") / "out"
    result = build_bundle(load_profile("medium"), DEFAULT_SEED, CANDIDATE, out)
    return out, result


@pytest.fixture(scope="session")
def pair_bundle_out(tmp_path_factory) -> tuple[Path, BundleResult]:
    """OUT of a pair bundle for CANDIDATE: planted chunking and answering over a third of
    medium's corpus, for tests that run real pipelines (MiniLM encodes every passage each run)."""
    out = tmp_path_factory.mktemp("pair-bundle") / "out"
    result = build_bundle(load_profile("pair"), DEFAULT_SEED, CANDIDATE, out)
    return out, result


def purge_rag_modules() -> None:
    for name in [n for n in sys.modules if n == "rag" or n.startswith("rag.")]:
        del sys.modules[name]


@pytest.fixture
def rag_on_path(monkeypatch) -> Iterator[Callable[[Path], None]]:
    """use(folder): make `folder/rag` the importable `rag` package for this test only."""

    def use(folder: Path) -> None:
        purge_rag_modules()
        monkeypatch.syspath_prepend(str(folder))

    yield use
    purge_rag_modules()
