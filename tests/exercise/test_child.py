"""The child's per-call wrapper: timing, exceptions as data, encoded values (in process)."""

from __future__ import annotations

import sys

import pytest

from exercise.child import invoke
from exercise.types import Answer, Passage


class Stub:
    def search(self, query: str, k: int) -> list[Passage]:
        if query == "raise":
            raise LookupError("no index")
        if query == "exit":
            sys.exit(3)
        if query == "interrupt":
            raise KeyboardInterrupt
        return [Passage("d", 0, k, float("nan"))]

    def answer(self, query: str) -> Answer:
        return Answer(query, ())


def test_a_returned_value_is_timed_and_encoded() -> None:
    outcome = invoke(Stub(), "search", "q", 4)
    assert outcome["ok"] is True and outcome["elapsed_ns"] >= 0
    assert outcome["value"] == [
        {"$type": "Passage", "doc_id": "d", "start": 0, "end": 4, "score": {"$float": "nan"}}
    ]
    assert invoke(Stub(), "answer", "hi", 0)["value"]["text"] == "hi"


@pytest.mark.parametrize(("query", "kind"), [("raise", "LookupError"), ("exit", "SystemExit")])
def test_exceptions_become_error_records(query: str, kind: str) -> None:
    outcome = invoke(Stub(), "search", query, 1)
    assert outcome["ok"] is False and outcome["error"]["type"] == kind
    assert "test_child.py" in outcome["error"]["traceback"]


def test_ctrl_c_still_stops_the_child() -> None:
    with pytest.raises(KeyboardInterrupt):
        invoke(Stub(), "search", "interrupt", 1)
