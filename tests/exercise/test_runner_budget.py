"""The runner's total run budget (`run_timeout_s`) and its launch failures (a child that never
started), with real child processes (Python only, no model)."""

from __future__ import annotations

import time
from pathlib import Path

from exercise.evaluate import score_run
from exercise.judging import Status
from exercise.loading import Corpus, Question
from exercise.runner import LAUNCH, RunnerOptions
from tests.exercise.helpers import run_in, write_submission

SLOW_CALLS = """
import time

from exercise.types import Answer


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        pass

    def search(self, query, k):
        time.sleep(0.4)
        return []

    def answer(self, query):
        time.sleep(0.4)
        return Answer("", ())
"""

SLOW_BUILD = """
import time


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        time.sleep(60)
"""

DIES_AT_IMPORT = """
import os

os._exit(3)
"""


def run(tmp_path: Path, source: str, variant: Path, queries: list[str], **options):  # noqa: ANN003, ANN201
    submission = write_submission(tmp_path / "sub", source)
    settings = {"build_timeout_s": 30.0, "call_timeout_s": 5.0, "max_restarts": 0, **options}
    start = time.monotonic()
    record = run_in(tmp_path, submission, variant, queries, RunnerOptions(**settings))
    return record, time.monotonic() - start


def test_the_calls_left_when_the_budget_runs_out_are_not_reached(
    tmp_path: Path, small_variant: Path
) -> None:
    # 20 questions × 2 calls × 0.4 s = 16 s of calls; the budget stops the run after 3 s
    queries = [f"question {n}" for n in range(20)]
    record, seconds = run(tmp_path, SLOW_CALLS, small_variant, queries, run_timeout_s=3.0)
    assert seconds < 3.0 + 2.0  # the budget, plus closing the child
    assert record.fatal is None and record.budget is not None
    calls = record.search + record.answer
    statuses = [r.status for r in calls]
    assert Status.NOT_REACHED in statuses and Status.NOT_RUN not in statuses
    # before the budget ran out, every call returned; the one it cut is a timeout saying so
    reached = [r for r in calls if r.status is not Status.NOT_REACHED]
    assert all(r.status in (Status.OK, Status.TIMEOUT) for r in reached)
    cut = [r for r in reached if r.status is Status.TIMEOUT]
    assert len(cut) <= 1 and all(
        "time budget (3 s) ran out during this call" in r.reason for r in cut
    )
    stop = record.budget
    assert stop.stage == "ask" and stop.questions == 20 and stop.run_timeout_s == 3.0
    assert stop.not_reached == statuses.count(Status.NOT_REACHED)
    # a question counts as answered when both its calls returned before the budget ran out
    answered = sum(
        s.status is Status.OK and a.status is Status.OK
        for s, a in zip(record.search, record.answer, strict=True)
    )
    assert stop.answered == answered and 2 <= answered < 20
    assert f"after {answered} of 20 questions" in stop.one_line()
    not_reached = next(r for r in calls if r.status is Status.NOT_REACHED)
    assert not_reached.reason == stop.one_line()


def test_questions_not_reached_are_counted_and_scored_zero(
    tmp_path: Path, small_variant: Path, small: tuple[Corpus, tuple[Question, ...]]
) -> None:
    corpus, questions = small
    texts = [q.text for q in questions]
    record, _ = run(tmp_path, SLOW_CALLS, small_variant, texts, run_timeout_s=0.9)
    report = score_run(corpus, questions, record)
    assert report.statuses["not_reached"] >= 1
    assert report.statuses["not_reached"] == sum(
        r.status is Status.NOT_REACHED for r in report.results
    )
    for result in report.results:
        if result.status is Status.NOT_REACHED and not result.question.unanswerable:
            assert result.scores["recall@10"] == 0.0 and result.scores["answer_accuracy"] == 0.0


def test_a_build_longer_than_the_budget_stops_at_the_budget(
    tmp_path: Path, small_variant: Path
) -> None:
    record, seconds = run(tmp_path, SLOW_BUILD, small_variant, ["a", "b"], run_timeout_s=2.0)
    assert seconds < 2.0 + 2.0
    assert record.fatal is not None and record.fatal.stage == "build"
    assert record.fatal.status is Status.TIMEOUT
    assert "time budget (2 s) ran out during import and build" in record.fatal.reason
    assert record.budget is not None and record.budget.stage == "build"
    assert record.budget.answered == 0 and record.budget.not_reached == 4
    assert {r.status for r in record.search + record.answer} == {Status.NOT_REACHED}
    assert record.launch_failure is None  # the submission's build, not the launcher


def test_without_a_budget_nothing_is_cut(tmp_path: Path, small_variant: Path) -> None:
    record, _ = run(tmp_path, SLOW_CALLS, small_variant, ["a", "b"])
    assert record.budget is None
    assert [r.status for r in record.search + record.answer] == [Status.OK] * 4


def test_a_child_that_never_starts_is_a_launch_failure(tmp_path: Path, small_variant: Path) -> None:
    # the launcher exits before the child's interpreter runs: no submission code ran
    record, _ = run(
        tmp_path, SLOW_CALLS, small_variant, ["a"], command_prefix=("sh", "-c", "exit 3", "--")
    )
    assert record.fatal is not None and record.fatal.stage == LAUNCH
    assert record.launch_failure == record.fatal.reason
    assert "exited with code 3 before it started" in record.launch_failure
    assert "no submission code ran" in record.fatal.one_line()
    assert {r.status for r in record.search + record.answer} == {Status.NOT_RUN}


def test_a_submission_that_dies_at_import_is_its_own_failure(
    tmp_path: Path, small_variant: Path
) -> None:
    # os._exit at import looks like a dead launcher from outside; the child said "started"
    # first, so it is the submission's failure and never the sandbox's
    record, _ = run(tmp_path, DIES_AT_IMPORT, small_variant, ["a"])
    assert record.fatal is not None and record.fatal.stage == "start"
    assert record.launch_failure is None
