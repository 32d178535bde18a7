"""Fixtures for the catalogue tests."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

import pytest

from corpus.failure_modes import COMPONENTS
from grader.catalogue import REFERENCE, assemble
from tests.grader.catalogue.helpers import HAS_REFERENCE, NO_REFERENCE


@pytest.fixture
def reference_rag(tmp_path, rag_on_path) -> Callable[[str], ModuleType]:
    """The reference solution assembled as a submission holds it and put on the path: call the
    result with a module name ("records", "answering", ...) to import `rag.<name>`. A test using
    it is skipped while a component has no reference implementation."""
    if not HAS_REFERENCE:
        pytest.skip(NO_REFERENCE)
    assemble(dict.fromkeys(COMPONENTS, REFERENCE), tmp_path)
    rag_on_path(tmp_path)
    return lambda name: importlib.import_module(f"rag.{name}")
