"""Fixtures for the exercise tests (helpers live in helpers.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from exercise.loading import Corpus, Question, load_corpus, load_questions
from tests.exercise.helpers import SMALL_DOCS, SMALL_QUESTIONS, write_variant


@pytest.fixture
def small_variant(tmp_path: Path) -> Path:
    return write_variant(tmp_path / "variant", SMALL_DOCS, SMALL_QUESTIONS)


@pytest.fixture
def small(small_variant: Path) -> tuple[Corpus, tuple[Question, ...]]:
    corpus = load_corpus(small_variant)
    return corpus, load_questions(small_variant / "questions" / "public.jsonl", corpus)


@pytest.fixture
def make_variant(tmp_path: Path) -> Callable[..., Path]:
    """A factory: make_variant(docs, questions, judging=None, name="variant") -> variant dir."""

    def make(
        docs: dict[str, str],
        questions: list[dict[str, Any]],
        *,
        judging: dict[str, Any] | None = None,
        name: str = "variant",
    ) -> Path:
        return write_variant(tmp_path / name, docs, questions, judging=judging)

    return make
