"""Validating untrusted output: every malformed value is `invalid` with a reason, not raised."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exercise.judging import CallRecord, Status, judge_answer, judge_search
from exercise.loading import JudgingConfig
from exercise.protocol import ErrorInfo, to_wire
from exercise.types import Answer, Passage, Span

DOCS = {"alpha": "a" * 100, "beta": "b" * 50}
JUDGING = JudgingConfig(passage_cap=1500, answer_cap=20)


def search(value: Any, k: int = 3):  # noqa: ANN201
    return judge_search(CallRecord(Status.OK, to_wire(value), 1000), k=k, docs=DOCS)


def answer(value: Any):  # noqa: ANN201
    return judge_answer(CallRecord(Status.OK, to_wire(value), 1000), docs=DOCS, judging=JUDGING)


def test_valid_results_are_rebuilt_as_contract_records() -> None:
    passages = [Passage("alpha", 0, 10, 2.0), Passage("beta", 5, 50, np.float32(1.5))]
    verdict = search(passages)
    assert (verdict.status, verdict.reason) == (Status.OK, "")
    assert verdict.passages == (Passage("alpha", 0, 10, 2.0), Passage("beta", 5, 50, 1.5))
    assert search(()).status is Status.OK  # an empty tuple is a valid (empty) result
    numpy_offsets = search([Passage("alpha", np.int64(1), np.int32(5), 0)])
    assert numpy_offsets.passages == (Passage("alpha", 1, 5, 0.0),)
    cited = answer(Answer("14 days", [Span("alpha", 0, 100)]))  # a list of citations is fine
    assert cited.answer == Answer("14 days", (Span("alpha", 0, 100),))
    assert answer(Answer("", ())).answer == Answer("", ())


def test_passages_longer_than_the_cap_are_valid() -> None:
    assert search([Passage("alpha", 0, 100, 1.0)]).status is Status.OK


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ({"passages": []}, "search must return a list of Passage, got builtins.dict"),
        (None, "search must return a list of Passage, got None"),
        ([Passage("alpha", 0, 1, 1.0)] * 4, "search returned 4 passages for k=3"),
        ([("alpha", 0, 1, 1.0)], "passage 1 must be an exercise.types.Passage, got list of 4"),
        ([Span("alpha", 0, 1)], "passage 1 must be an exercise.types.Passage, got Span"),
        ([Passage("gamma", 0, 1, 1.0)], "passage 1: unknown doc_id 'gamma'"),
        ([Passage(7, 0, 1, 1.0)], "passage 1: doc_id must be a str, got int 7"),
        ([Passage("alpha", -1, 5, 1.0)], "passage 1: offsets -1-5 out of range for 'alpha'"),
        ([Passage("alpha", 0, 101, 1.0)], "passage 1: offsets 0-101 out of range for 'alpha'"),
        ([Passage("alpha", 9, 3, 1.0)], "passage 1: empty or reversed range 9-3"),
        ([Passage("alpha", 3, 3, 1.0)], "passage 1: empty or reversed range 3-3"),
        ([Passage("alpha", True, 3, 1.0)], "passage 1: start must be an int, got bool True"),
        ([Passage("alpha", 0, 3.0, 1.0)], "passage 1: end must be an int, got float 3.0"),
        ([Passage("alpha", 0, "3", 1.0)], "passage 1: end must be an int, got str '3'"),
        ([Passage("alpha", 0, 3, math.nan)], "passage 1: score must be finite, got nan"),
        ([Passage("alpha", 0, 3, -math.inf)], "passage 1: score must be finite, got -inf"),
        ([Passage("alpha", 0, 3, "high")], "passage 1: score must be a float, got str 'high'"),
        ([Passage("alpha", 0, 3, None)], "passage 1: score must be a float, got None"),
        ([Passage("alpha", 0, 3, 1.0), "x"], "passage 2 must be an exercise.types.Passage"),
    ],
)
def test_each_search_rule_gives_invalid_with_a_reason(value: Any, reason: str) -> None:
    verdict = search(value)
    assert verdict.status is Status.INVALID
    assert verdict.reason.startswith(reason)
    assert verdict.passages == ()


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("14 days", "answer must be an exercise.types.Answer, got str '14 days'"),
        (Answer(None, ()), "answer text must be a str, got None"),
        (Answer("x" * 21, ()), "answer text has 21 characters; the cap is 20"),
        (Answer("x" * 200_000, ()), "answer text has 200000 characters; the cap is 20"),
        (Answer("ok", None), "answer citations must be a tuple of Span, got None"),
        (Answer("ok", Span("alpha", 0, 1)), "answer citations must be a tuple of Span, got Span"),
        (
            Answer("ok", (Passage("alpha", 0, 1, 1.0),)),
            "citation 1 must be an exercise.types.Span, got Passage",
        ),
        (
            Answer("ok", (Span("alpha", 0, 1), Span("nope", 0, 1))),
            "citation 2: unknown doc_id 'nope'",
        ),
        (Answer("ok", (Span("beta", 40, 60),)), "citation 1: offsets 40-60 out of range"),
        (Answer("ok", (Span("beta", 4, 2),)), "citation 1: empty or reversed range 4-2"),
        (Answer("ok", (Span("beta", False, 2),)), "citation 1: start must be an int, got bool"),
    ],
)
def test_each_answer_rule_gives_invalid_with_a_reason(value: Any, reason: str) -> None:
    verdict = answer(value)
    assert verdict.status is Status.INVALID
    assert verdict.reason.startswith(reason)
    assert verdict.answer is None


def test_calls_that_did_not_return_keep_their_status_and_reason() -> None:
    error = ErrorInfo("ValueError", "bad query", "Traceback ...")
    raised = judge_search(CallRecord(Status.ERROR, error=error, elapsed_ns=5), k=3, docs=DOCS)
    assert (raised.status, raised.reason, raised.error) == (
        Status.ERROR,
        "ValueError: bad query",
        error,
    )
    late = judge_answer(
        CallRecord(Status.TIMEOUT, reason="no reply within 1 s"), docs=DOCS, judging=JUDGING
    )
    assert (late.status, late.reason) == (Status.TIMEOUT, "no reply within 1 s")
    skipped = judge_search(CallRecord(Status.NOT_RUN, reason="build failed"), k=3, docs=DOCS)
    assert skipped.status is Status.NOT_RUN


JSON_LEAVES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-5, 200),
    st.floats(allow_nan=True),
    st.text(max_size=5),
    st.sampled_from(["alpha", "beta", "Passage", "Span", "Answer"]),
)
WIRE = st.recursive(
    JSON_LEAVES,
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(
            st.sampled_from(
                [
                    "$type",
                    "$float",
                    "doc_id",
                    "start",
                    "end",
                    "score",
                    "text",
                    "citations",
                    "len",
                    "repr",
                ]
            ),
            children,
            max_size=6,
        ),
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(WIRE)
def test_arbitrary_wire_data_never_raises(value: Any) -> None:
    record = CallRecord(Status.OK, value, 1)
    assert judge_search(record, k=3, docs=DOCS).status in (Status.OK, Status.INVALID)
    assert judge_answer(record, docs=DOCS, judging=JUDGING).status in (Status.OK, Status.INVALID)
