"""The child ↔ parent protocol: newline-delimited JSON messages and the encoding of returned values.

The child process (`exercise.child`) runs untrusted pipeline code; whatever that code returns is
turned into JSON-safe data here, *as it is* (wrong types included), so the parent can judge it
(`exercise.judging`) without ever unpickling or executing anything. Stdlib only: the child imports
this before the submission.

Encoding (`to_wire`): `None`, `bool`, `str` and finite numbers stay themselves (any integral number,
numpy's included, becomes an `int`; any other real number a `float`); a non-finite float becomes
`{"$float": "nan" | "inf" | "-inf"}`; lists and tuples become arrays; `Span`, `Passage` and
`Answer` become `{"$type": "Span" | "Passage" | "Answer", <field>: <encoded value>, ...}`; anything
else becomes `{"$type": "<module.qualname>", "repr": "<first 200 chars of repr>"}`. Oversized
strings and sequences are replaced by `{"$type": "str" | "list" | "tuple", "len": n, ...}`.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
import math
import numbers
import os
import traceback
from typing import Any

from exercise.types import Answer, Passage, Span

MAX_STR = 100_000  # longer strings are sent as their length and a head
MAX_ITEMS = 1_000  # longer sequences are sent as their length only
MAX_DEPTH = 6  # deeper nesting is sent as a repr
REPR_CHARS = 200
TRACEBACK_LINES = 12
MESSAGE_CHARS = 500

CONTRACT_TYPES: dict[type, str] = {Span: "Span", Passage: "Passage", Answer: "Answer"}


@dataclasses.dataclass(frozen=True)
class ErrorInfo:
    """An exception raised by pipeline code, as it crosses the process boundary."""

    type: str  # the exception's class name, e.g. "KeyError"
    message: str  # `str(exc)`, truncated
    traceback: str  # the last lines of the formatted traceback

    def one_line(self) -> str:
        """Type and message on one line (whitespace collapsed, at most ~300 characters)."""
        message = " ".join(self.message.split())
        if len(message) > 300:
            message = message[:299] + "…"
        return f"{self.type}: {message}" if message else self.type

    def to_json(self) -> dict[str, str]:
        return dataclasses.asdict(self)

    @classmethod
    def from_json(cls, data: Any) -> ErrorInfo:
        if not isinstance(data, dict):
            return cls("ProtocolError", f"malformed error record: {data!r:.200}", "")
        return cls(
            type=str(data.get("type", "?")),
            message=str(data.get("message", "")),
            traceback=str(data.get("traceback", "")),
        )

    @classmethod
    def from_exception(cls, exc: BaseException) -> ErrorInfo:
        """Capture an exception; frames of the harness and of importlib are left out."""
        summary = traceback.TracebackException.from_exception(exc)
        summary.stack = traceback.StackSummary.from_list(
            [frame for frame in summary.stack if not _harness_frame(frame.filename)]
        )
        lines = "".join(summary.format()).rstrip("\n").split("\n")
        return cls(
            type=type(exc).__name__,
            message=_safe_str(exc)[:MESSAGE_CHARS],
            traceback=_utf8("\n".join(lines[-TRACEBACK_LINES:])),
        )


def _harness_frame(filename: str) -> bool:
    if filename.startswith("<frozen importlib"):
        return True
    folder = os.path.dirname(os.path.abspath(filename))
    return folder in (_HARNESS_DIR, _IMPORTLIB_DIR)


_HARNESS_DIR = os.path.dirname(os.path.abspath(__file__))
_IMPORTLIB_DIR = os.path.dirname(os.path.abspath(importlib.__file__))


def to_wire(value: Any, depth: int = 0) -> Any:
    """Encode any value as JSON-safe data without ever raising (see the module docstring)."""
    try:
        return _encode(value, depth)
    except Exception:  # a hostile __eq__/__len__/__iter__ must not break the protocol
        return _opaque(value)


def _encode(value: Any, depth: int) -> Any:
    if value is None or isinstance(value, bool):
        return value
    if isinstance(value, str):
        if len(value) > MAX_STR:
            return {"$type": "str", "len": len(value), "head": _utf8(value[:REPR_CHARS])}
        return _utf8(value)
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, numbers.Real):
        number = float(value)
        if math.isnan(number):
            return {"$float": "nan"}
        if math.isinf(number):
            return {"$float": "inf" if number > 0 else "-inf"}
        return number
    if depth >= MAX_DEPTH:
        return _opaque(value)
    for kind, name in CONTRACT_TYPES.items():
        if isinstance(value, kind):
            encoded = {"$type": name}
            for field in dataclasses.fields(kind):
                encoded[field.name] = _encode(getattr(value, field.name), depth + 1)
            return encoded
    if isinstance(value, list | tuple):
        if len(value) > MAX_ITEMS:
            return {"$type": type(value).__name__, "len": len(value)}
        return [_encode(item, depth + 1) for item in value]
    return _opaque(value)


def _utf8(text: str) -> str:
    """The text as a plain str that encodes to UTF-8 (lone surrogates become "?")."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return text.encode("utf-8", "replace").decode("utf-8")
    return str(text)


def _opaque(value: Any) -> dict[str, str]:
    kind = type(value)
    return {"$type": f"{kind.__module__}.{kind.__qualname__}", "repr": _safe_repr(value)}


def _safe_repr(value: Any) -> str:
    try:
        return _utf8(repr(value)[:REPR_CHARS])
    except Exception:
        return "<repr failed>"


def _safe_str(value: Any) -> str:
    try:
        return _utf8(str(value))
    except Exception:
        return "<str failed>"


def describe(wire: Any) -> str:
    """A short human description of an encoded value, for verdict reasons."""
    if wire is None:
        return "None"
    if isinstance(wire, bool):
        return f"bool {wire}"
    if isinstance(wire, int | float):
        return f"{type(wire).__name__} {wire!r}"
    if isinstance(wire, str):
        return f"str {wire[:60]!r}"
    if isinstance(wire, list):
        return f"list of {len(wire)}"
    if isinstance(wire, dict):
        if "$float" in wire:
            return f"float {str(wire['$float'])[:10]}"
        kind = str(wire.get("$type", "object"))[:80]
        if "len" in wire:
            return f"{kind} of length {str(wire['len'])[:20]}"
        if "repr" in wire:
            return f"{kind} {str(wire['repr'])[:60]}"
        return kind
    return type(wire).__name__


def encode_message(message: dict[str, Any]) -> bytes:
    """One protocol line. Strict JSON: values went through `to_wire`, so nothing is non-finite."""
    return (json.dumps(message, ensure_ascii=False, allow_nan=False) + "\n").encode("utf-8")


def decode_message(line: bytes) -> dict[str, Any]:
    """Parse one protocol line; raises `ValueError` on anything that is not a JSON object."""
    data = json.loads(line.decode("utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"protocol line is not an object: {line[:200]!r}")
    return data
