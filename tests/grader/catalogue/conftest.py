"""Fixtures for the catalogue tests."""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType

import pytest

from corpus.failure_modes import COMPONENTS
from grader.catalogue import REFERENCE, assemble


@pytest.fixture
def reference_rag(tmp_path, rag_on_path) -> Callable[[str], ModuleType]:
    """The reference solution assembled as a submission holds it and put on the path: call the
    result with a module name ("records", "answering", ...) to import `rag.<name>`."""
    assemble(dict.fromkeys(COMPONENTS, REFERENCE), tmp_path)
    rag_on_path(tmp_path)
    return lambda name: importlib.import_module(f"rag.{name}")
