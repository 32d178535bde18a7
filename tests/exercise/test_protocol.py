"""Encoding returned values: JSON-safe, type-preserving enough to judge, and it never raises."""

from __future__ import annotations

import json
import math

import numpy as np

from exercise.protocol import (
    MAX_ITEMS,
    MAX_STR,
    ErrorInfo,
    decode_message,
    describe,
    encode_message,
    to_wire,
)
from exercise.types import Answer, Passage, Span


def test_contract_records_are_tagged_with_their_fields() -> None:
    answer = Answer("14 days", (Span("alpha", 3, 9),))
    assert to_wire([Passage("alpha", 0, 5, 0.5)]) == [
        {"$type": "Passage", "doc_id": "alpha", "start": 0, "end": 5, "score": 0.5}
    ]
    assert to_wire(answer) == {
        "$type": "Answer",
        "text": "14 days",
        "citations": [{"$type": "Span", "doc_id": "alpha", "start": 3, "end": 9}],
    }


def test_numbers_keep_int_versus_float_and_non_finite_is_tagged() -> None:
    assert to_wire(np.int64(7)) == 7 and isinstance(to_wire(np.int64(7)), int)
    assert to_wire(np.float32(0.5)) == 0.5 and isinstance(to_wire(np.float32(0.5)), float)
    assert to_wire(True) is True  # bool stays bool, so the judge can reject it as an offset
    assert to_wire(3.0) == 3.0 and isinstance(to_wire(3.0), float)
    assert [to_wire(v) for v in (math.nan, math.inf, -math.inf)] == [
        {"$float": "nan"},
        {"$float": "inf"},
        {"$float": "-inf"},
    ]


def test_anything_else_is_opaque_and_oversized_values_are_summarized() -> None:
    assert to_wire({"doc_id": "a"}) == {"$type": "builtins.dict", "repr": "{'doc_id': 'a'}"}
    assert to_wire("x" * (MAX_STR + 1)) == {"$type": "str", "len": MAX_STR + 1, "head": "x" * 200}
    assert to_wire([0] * (MAX_ITEMS + 1)) == {"$type": "list", "len": MAX_ITEMS + 1}
    deep: list = []
    for _ in range(10):
        deep = [deep]
    assert json.dumps(to_wire(deep))  # depth-limited, still JSON


def test_hostile_objects_do_not_break_encoding() -> None:
    class Hostile:
        def __repr__(self) -> str:
            raise RuntimeError("no repr for you")

    class BadList(list):
        def __iter__(self):  # noqa: ANN204
            raise RuntimeError("no iteration")

    assert to_wire(Hostile())["repr"] == "<repr failed>"
    assert to_wire(BadList([1]))["$type"].endswith("BadList")
    lone_surrogate = "a\ud800b"
    assert to_wire(lone_surrogate) == "a?b"
    assert encode_message({"value": to_wire(Passage(lone_surrogate, 0, 1, 0.0))})


def test_messages_are_one_strict_json_line() -> None:
    line = encode_message({"event": "result", "value": to_wire([math.nan, "é\n"])})
    assert line.endswith(b"\n") and line.count(b"\n") == 1
    assert decode_message(line[:-1]) == {"event": "result", "value": [{"$float": "nan"}, "é\n"]}


def test_error_info_keeps_type_message_and_a_traceback_tail() -> None:
    try:
        raise KeyError("missing-doc")
    except KeyError as exc:
        info = ErrorInfo.from_exception(exc)
    assert info.one_line() == "KeyError: 'missing-doc'"
    assert "raise KeyError" in info.traceback
    assert ErrorInfo.from_json(info.to_json()) == info
    two_lines = ErrorInfo("ValueError", "two\nlines  here", "")
    assert two_lines.one_line() == "ValueError: two lines here"
    assert len(ErrorInfo("E", "x" * 5000, "").one_line()) < 310
    assert ErrorInfo.from_json("junk").type == "ProtocolError"


def test_describe_is_short_and_human() -> None:
    assert describe(to_wire({"a": 1})) == "builtins.dict {'a': 1}"
    assert describe([1, 2]) == "list of 2"
    assert describe(True) == "bool True"
    assert describe({"$float": "nan"}) == "float nan"
