"""The contract records are frozen, field-for-field what DESIGN.md's submission contract says."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from exercise.types import Answer, Passage, Pipeline, Span


def test_fields_are_the_contract() -> None:
    assert [f.name for f in dataclasses.fields(Span)] == ["doc_id", "start", "end"]
    assert [f.name for f in dataclasses.fields(Passage)] == ["doc_id", "start", "end", "score"]
    assert [f.name for f in dataclasses.fields(Answer)] == ["text", "citations"]


@pytest.mark.parametrize(
    "record", [Span("d", 0, 1), Passage("d", 0, 1, 0.5), Answer("x", (Span("d", 0, 1),))]
)
def test_records_are_frozen_and_hashable(record: object) -> None:
    first = dataclasses.fields(record)[0].name  # type: ignore[arg-type]
    with pytest.raises(dataclasses.FrozenInstanceError):
        setattr(record, first, "other")
    assert hash(record) == hash(dataclasses.replace(record))  # type: ignore[type-var]


def test_a_plain_class_satisfies_the_protocol() -> None:
    class Mine:
        def __init__(self, corpus_dir: Path, work_dir: Path) -> None:
            self.corpus_dir = corpus_dir

        def build(self) -> None:
            pass

        def search(self, query: str, k: int) -> list[Passage]:
            return []

        def answer(self, query: str) -> Answer:
            return Answer("", ())

    pipeline: Pipeline = Mine(Path("c"), Path("w"))
    assert pipeline.answer("q") == Answer("", ())
