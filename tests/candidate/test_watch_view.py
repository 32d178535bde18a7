"""The `make watch` view's pure parts: per-question checks, run-to-run changes, formatting."""

from __future__ import annotations

import importlib
import json
import sys
from pathlib import Path

import pytest

from grader.catalogue import TEMPLATE_DIR


@pytest.fixture(scope="module")
def view():
    """candidate_template/scripts/watch_view.py, imported as the script imports it."""
    sys.path.insert(0, str(TEMPLATE_DIR / "scripts"))
    try:
        yield importlib.import_module("watch_view")
    finally:
        sys.path.remove(str(TEMPLATE_DIR / "scripts"))
        sys.modules.pop("watch_view", None)


def question(qid: str, *, unanswerable: bool = False, **scores) -> dict:
    """A question as the --json report has it; scores default to a perfect answerable one."""
    base = {"recall@5": 1.0, "answer_accuracy": 1.0, "supported_rate": 1.0}
    if unanswerable:
        base = {"recall@5": None, "answer_accuracy": 1.0, "supported_rate": None}
    ok = {"status": "ok", "reason": ""}
    return {
        "id": qid,
        "text": f"Question {qid}?",
        "unanswerable": unanswerable,
        "status": "ok",
        "scores": {**base, **scores},
        "search": dict(ok),
        "answer": dict(ok),
    }


def run(view, *questions: dict, **metrics):
    outcomes = {q["id"]: view.outcome(q) for q in questions}
    values = {key: metrics.get(key.replace("@", "_"), 0.5) for key in view.METRICS}
    latency = {"search_p95_ms": 10.0, "answer_p95_ms": 5.0, "build_s": 2.0}
    return view.RunResult(values, latency, {"ok": len(questions)}, outcomes)


def test_checks_say_what_is_missing(view) -> None:
    perfect = view.outcome(question("a"))
    assert perfect.checks == {"found": True, "answered": True} and perfect.why == {}
    lost = view.outcome(question("b", **{"recall@5": 0.0}, answer_accuracy=0.0))
    assert lost.checks == {"found": False, "answered": False}
    assert lost.why == {"found": "evidence not in the top 5", "answered": "answer wrong"}
    uncited = view.outcome(question("c", supported_rate=0.0))
    assert uncited.why == {"answered": "answer does not cite the evidence"}
    abstained = view.outcome(question("d", unanswerable=True))
    assert abstained.checks == {"answered": True}  # "found" does not apply
    answered = view.outcome(question("e", unanswerable=True, answer_accuracy=0.0))
    assert answered.why == {"answered": "answered instead of abstaining"}


def test_a_failed_call_is_the_reason(view) -> None:
    failed = question("a", **{"recall@5": 0.0}, answer_accuracy=0.0, supported_rate=0.0)
    failed["search"] = {"status": "timeout", "reason": "no result within 10 s"}
    failed["answer"] = {"status": "error", "reason": "ValueError: boom"}
    assert view.outcome(failed).why == {
        "found": "search timeout: no result within 10 s",
        "answered": "answer error: ValueError: boom",
    }


def test_newly_passing_and_failing_name_the_checks_that_changed(view) -> None:
    before = run(
        view,
        question("a", **{"recall@5": 0.0}, answer_accuracy=0.0),
        question("b"),
        question("c", answer_accuracy=0.0),
    )
    after = run(
        view,
        question("a"),  # both checks now hold
        question("b", answer_accuracy=0.0),  # answered lost, found kept
        question("c", **{"recall@5": 0.0}, answer_accuracy=1.0),  # found lost, answered gained
        question("new"),  # not asked before: passing what it passes
    )
    gained, lost = view.newly(before, after)
    assert [(q.id, checks) for q, checks in gained] == [
        ("a", ("found", "answered")),
        ("c", ("answered",)),
        ("new", ("found", "answered")),
    ]
    assert [(q.id, checks) for q, checks in lost] == [("b", ("answered",)), ("c", ("found",))]
    assert view.newly(None, after) == ([], [])


def test_metric_changes_are_arrows_with_signed_differences(view) -> None:
    plain, ansi = view.Style(False), view.Style(True)
    assert view.metric_change(0.604, 0.521, plain) == "▲ +0.083"
    assert view.metric_change(0.5, 0.521, plain) == "▼ -0.021"
    assert view.metric_change(0.5, 0.5004, plain) == "="  # under SAME = 0.0005
    assert view.metric_change(None, 0.5, plain) == "n/a"
    assert view.metric_change(0.6, 0.5, ansi) == "\x1b[32m▲ +0.100\x1b[0m"  # better: green
    assert view.metric_change(0.4, 0.5, ansi) == "\x1b[31m▼ -0.100\x1b[0m"  # worse: red


def test_timings_move_only_past_jitter_and_lower_is_better(view) -> None:
    plain, ansi = view.Style(False), view.Style(True)
    assert view.latency_change(12.0, 11.5, "ms", plain) == "≈"  # +4%: jitter
    assert view.latency_change(0.9, 0.5, "ms", plain) == "≈"  # +80% but under 0.5 ms
    assert view.latency_change(20.0, 12.0, "ms", plain) == "▲ +8.0"
    assert view.latency_change(20.0, 12.0, "ms", ansi) == "\x1b[31m▲ +8.0\x1b[0m"  # slower: red
    assert view.latency_change(3.0, 9.0, "s", ansi) == "\x1b[32m▼ -6.0\x1b[0m"


def test_sparklines_use_a_fixed_scale(view) -> None:
    assert view.sparkline((0.0, 0.5, 0.99, 1.0, None)) == "▁▅██ "


def test_the_view_lists_at_most_a_few_questions_and_fits_the_width(view) -> None:
    many = [question(f"q{i:02d}") for i in range(12)]
    before = run(view, *(question(q["id"], answer_accuracy=0.0) for q in many))
    session = view.advance(view.Session(), before)
    long = {**many[0], "text": "word " * 60}
    after = run(view, long, *many[1:])
    lines = view.render_view(after, session, header="h", width=80, style=view.Style(False))
    at = lines.index("newly passing (12)")
    listed = lines[at + 1 : at + 1 + view.LISTED]
    assert [line.split()[0] for line in listed] == [f"q{i:02d}" for i in range(view.LISTED)]
    assert lines[at + 1 + view.LISTED] == "  … and 4 more"
    assert all(len(line) <= 80 for line in listed) and listed[0].endswith("…")
    assert lines[1] == "12 questions: ok 12 · found 12/12 (+0, -0) · answered 12/12 (+12, -0)"


def test_the_session_keeps_the_last_runs_for_the_trend(view) -> None:
    session = view.Session()
    for number in range(view.TREND_RUNS + 3):
        session = view.advance(session, run(view, question("a"), recall_5=number / 100))
    assert session.runs == view.TREND_RUNS + 3 and session.previous_label == "run 27"
    assert len(session.trend["recall@5"]) == view.TREND_RUNS
    assert session.trend["recall@5"][-1] == 0.26


def test_an_unreadable_report_is_a_value_error(view, tmp_path: Path) -> None:
    path = tmp_path / "eval.json"
    with pytest.raises(ValueError, match="cannot read the evaluation report"):
        view.read_report(path)
    path.write_text(json.dumps({"metrics": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="cannot read the evaluation report"):
        view.read_report(path)
