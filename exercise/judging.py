"""Validating what a pipeline returned: each call becomes a verdict with a status and a reason.

The parent process calls `judge_search` / `judge_answer` on the encoded values the child sent back
(`exercise.protocol.to_wire`). Untrusted output never makes these raise: anything malformed is an
`invalid` verdict whose reason names the first problem found. Valid results are rebuilt as the
contract records (`Passage`, `Answer`) for scoring.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from exercise.loading import JudgingConfig
from exercise.protocol import ErrorInfo, describe
from exercise.types import Answer, Passage, Span


class Status(StrEnum):
    """Per-call and per-question outcome (fixed names, used in every JSON output)."""

    OK = "ok"  # the call returned a well-formed result
    ERROR = "error"  # the pipeline raised (or its process died) during the call
    TIMEOUT = "timeout"  # the call did not return within the per-call time limit
    INVALID = "invalid"  # the call returned something malformed or out of range
    NOT_RUN = "not_run"  # an earlier fatal stage (import, build, repeated crashes) stopped the run
    NOT_REACHED = "not_reached"  # the run's total time budget ran out before this call


@dataclass(frozen=True)
class CallRecord:
    """What happened when the parent asked the child for one call (before judging)."""

    status: Status  # OK: "returned" (the value is judged next); else ERROR/TIMEOUT/NOT_RUN/...
    value: Any = None  # the encoded return value when status is OK
    elapsed_ns: int | None = None  # measured in the child around the call itself
    error: ErrorInfo | None = None  # the exception, for ERROR
    reason: str = ""  # why, for TIMEOUT / NOT_RUN / NOT_REACHED / a dead child


@dataclass(frozen=True)
class SearchVerdict:
    """The judged result of one `search` call."""

    status: Status
    reason: str  # "" when OK
    passages: tuple[Passage, ...]  # the valid passages, in rank order; empty unless OK
    elapsed_ns: int | None
    error: ErrorInfo | None = None


@dataclass(frozen=True)
class AnswerVerdict:
    """The judged result of one `answer` call."""

    status: Status
    reason: str  # "" when OK
    answer: Answer | None  # the valid answer; None unless OK
    elapsed_ns: int | None
    error: ErrorInfo | None = None


RECORD_FIELDS = {
    cls.__name__: tuple(f.name for f in dataclasses.fields(cls)) for cls in (Span, Passage, Answer)
}


class _Invalid(Exception):
    """Internal: the first validation failure, turned into a verdict reason."""


def judge_search(record: CallRecord, *, k: int, docs: Mapping[str, str]) -> SearchVerdict:
    """Judge a `search(query, k)` call: a list (or tuple) of at most `k` valid `Passage`s.

    Passages longer than the passage cap are valid; the cap only limits what they cover.
    """
    if record.status is not Status.OK:
        return SearchVerdict(
            record.status, _failure_reason(record), (), record.elapsed_ns, record.error
        )
    try:
        passages = _passages(record.value, k, docs)
    except _Invalid as problem:
        return SearchVerdict(Status.INVALID, str(problem), (), record.elapsed_ns)
    except Exception as exc:  # a gap in the rules must still not stop the evaluation
        return SearchVerdict(Status.INVALID, _unjudgeable(exc), (), record.elapsed_ns)
    return SearchVerdict(Status.OK, "", passages, record.elapsed_ns)


def judge_answer(
    record: CallRecord, *, docs: Mapping[str, str], judging: JudgingConfig
) -> AnswerVerdict:
    """Judge an `answer(query)` call: an `Answer` with short enough text and valid citations."""
    if record.status is not Status.OK:
        return AnswerVerdict(
            record.status, _failure_reason(record), None, record.elapsed_ns, record.error
        )
    try:
        answer = _answer(record.value, docs, judging.answer_cap)
    except _Invalid as problem:
        return AnswerVerdict(Status.INVALID, str(problem), None, record.elapsed_ns)
    except Exception as exc:  # a gap in the rules must still not stop the evaluation
        return AnswerVerdict(Status.INVALID, _unjudgeable(exc), None, record.elapsed_ns)
    return AnswerVerdict(Status.OK, "", answer, record.elapsed_ns)


def _unjudgeable(exc: Exception) -> str:
    return f"value could not be judged ({type(exc).__name__}: {exc})"


def _failure_reason(record: CallRecord) -> str:
    if record.error is not None:
        return record.error.one_line()
    return record.reason or record.status.value


def _passages(wire: Any, k: int, docs: Mapping[str, str]) -> tuple[Passage, ...]:
    if not isinstance(wire, list):
        raise _Invalid(f"search must return a list of Passage, got {describe(wire)}")
    if len(wire) > k:
        raise _Invalid(f"search returned {len(wire)} passages for k={k} (at most k allowed)")
    passages = []
    for rank, item in enumerate(wire, start=1):
        where = f"passage {rank}"
        fields = _record(item, "Passage", where)
        doc_id, start, end = _range(fields, docs, where)
        score = fields["score"]
        if isinstance(score, dict) and "$float" in score:
            raise _Invalid(f"{where}: score must be finite, got {score['$float']}")
        if isinstance(score, bool) or not isinstance(score, int | float):
            raise _Invalid(f"{where}: score must be a float, got {describe(score)}")
        passages.append(Passage(doc_id, start, end, float(score)))
    return tuple(passages)


def _answer(wire: Any, docs: Mapping[str, str], answer_cap: int) -> Answer:
    fields = _record(wire, "Answer", "answer")
    text = fields["text"]
    if isinstance(text, dict) and text.get("$type") == "str":
        raise _Invalid(f"answer text has {text.get('len')} characters; the cap is {answer_cap}")
    if not isinstance(text, str):
        raise _Invalid(f"answer text must be a str, got {describe(text)}")
    if len(text) > answer_cap:
        raise _Invalid(f"answer text has {len(text)} characters; the cap is {answer_cap}")
    raw_citations = fields["citations"]
    if not isinstance(raw_citations, list):
        raise _Invalid(f"answer citations must be a tuple of Span, got {describe(raw_citations)}")
    citations = []
    for number, item in enumerate(raw_citations, start=1):
        where = f"citation {number}"
        doc_id, start, end = _range(_record(item, "Span", where), docs, where)
        citations.append(Span(doc_id, start, end))
    return Answer(text, tuple(citations))


def _record(wire: Any, kind: str, where: str) -> dict[str, Any]:
    if not (isinstance(wire, dict) and wire.get("$type") == kind):
        raise _Invalid(f"{where} must be an exercise.types.{kind}, got {describe(wire)}")
    missing = [name for name in RECORD_FIELDS[kind] if name not in wire]
    if missing:  # only a child that bypassed the encoder can send this
        raise _Invalid(f"{where}: malformed {kind} record, missing {', '.join(missing)}")
    return wire


def _range(fields: dict[str, Any], docs: Mapping[str, str], where: str) -> tuple[str, int, int]:
    doc_id, start, end = fields["doc_id"], fields["start"], fields["end"]
    if not isinstance(doc_id, str):
        raise _Invalid(f"{where}: doc_id must be a str, got {describe(doc_id)}")
    if doc_id not in docs:
        raise _Invalid(f"{where}: unknown doc_id {doc_id!r:.80}")
    for name, value in (("start", start), ("end", end)):
        if isinstance(value, bool) or not isinstance(value, int):
            raise _Invalid(f"{where}: {name} must be an int, got {describe(value)}")
    length = len(docs[doc_id])
    if start < 0 or end > length:
        raise _Invalid(f"{where}: offsets {start}-{end} out of range for {doc_id!r} (0..{length})")
    if start >= end:
        raise _Invalid(f"{where}: empty or reversed range {start}-{end} (need start < end)")
    return doc_id, start, end
