"""The parent side of a run: start the child, build, ask every question, enforce time limits.

`run_submission` starts `python -P -m exercise.child` (see `exercise.child`) in its own session,
talks to it over two dedicated pipes (requests in, newline-delimited JSON results out) and records
one `CallRecord` per call. The child's stdout and stderr go to a log file (with an optional size
cap: past it, output is read and discarded, so a chatty child never blocks). Nothing hangs forever:
import + construction + build share one time limit and every call has its own; a call that times
out or kills the child is recorded (`timeout` / `error`), the child's whole process group is killed
and a fresh child is started (it rebuilds) up to `max_restarts` times, after which the remaining
calls are `not_run`. With `run_timeout_s` the whole run (build, calls, restarts) also has one wall
budget: every wait ends at it, and the calls left when it runs out are `not_reached`
(`RunRecord.budget` says where). A child that dies or hangs before it says `started` (before any
submission code runs) failed to launch: the launcher's or sandbox's failure, never the
submission's (`RunRecord.launch_failure`). Used by the local evaluation loop in trusted mode; the
grader reuses it with a `command_prefix` that puts the child in its sandbox (and `child_paths`
saying where the sandbox mounts the submission, corpus, scratch dir and this `exercise` package).
`LiveRun` is the same run with the calls scheduled by its caller (the grader interleaves two runs
for its latency phase); a child's start and one call are `exercise.child_calls`.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exercise.child import OPS, invoke
from exercise.child_calls import LAUNCH, Budget, Fatal, call, wait_ready
from exercise.child_process import (  # child_command, child_env, harness_root: re-exported
    ChildProcess,
    child_command,  # noqa: F401
    child_env,  # noqa: F401
    harness_root,  # noqa: F401
)
from exercise.errors import ExerciseError
from exercise.judging import CallRecord, Status
from exercise.protocol import ErrorInfo
from exercise.run_options import (  # ChildPaths: re-exported, callers import both from here
    ChildPaths,  # noqa: F401
    RunnerOptions,
)

# progress(stage, done, total): stage is "build", "ask" or "restart".
Progress = Callable[[str, int, int], None]


@dataclass(frozen=True)
class BudgetStop:
    """Where the run's total time budget (`RunnerOptions.run_timeout_s`) ran out."""

    run_timeout_s: float  # the budget
    stage: str  # "build" (the first child's), "restart" (a restarted child's build) or "ask"
    answered: int  # questions whose calls had all been made before it ran out
    questions: int  # questions in the run
    not_reached: int  # calls (search or answer) never made

    def one_line(self) -> str:
        where = {
            "build": "during import and build",
            "restart": "while a restarted child was building",
            "ask": "while asking questions",
        }[self.stage]
        return (
            f"the run's time budget ({self.run_timeout_s:g} s) ran out {where}, after "
            f"{self.answered} of {self.questions} questions; {self.not_reached} call(s) not reached"
        )


@dataclass(frozen=True)
class RunRecord:
    """Everything the run produced, before judging."""

    fatal: Fatal | None
    build_ns: int | None  # the first child's build() time
    search: tuple[CallRecord, ...]  # one per question, in order
    answer: tuple[CallRecord, ...]
    peak_rss_kib: int | None  # the largest over every child started
    restarts: int
    log_path: Path | None  # the child's stdout/stderr
    load_ns: int | None = None  # the first child's import of rag.pipeline + Pipeline(...)
    budget: BudgetStop | None = None  # set when the total time budget ran out
    # why a child never started (its launcher or sandbox failed, not the submission), or None
    launch_failure: str | None = None


def run_submission(
    submission: Path,
    corpus_dir: Path,
    queries: Sequence[str],
    *,
    k: int,
    work_dir: Path,
    log_path: Path,
    options: RunnerOptions = RunnerOptions(),
    progress: Progress | None = None,
) -> RunRecord:
    """Build the submission in a child process and ask it every query (search, then answer)."""
    run = LiveRun(
        submission,
        corpus_dir,
        queries,
        k=k,
        work_dir=work_dir,
        log_path=log_path,
        options=options,
        progress=progress,
    )
    try:
        if run.start():
            for index in range(len(queries)):
                for op in OPS:
                    run.ask(index, op)
    except BaseException:
        run.close()
        raise
    return run.finish()


class LiveRun:
    """One run whose calls the caller schedules: `start` builds the first child, `ask` makes one
    call (restarting a child that died, as `max_restarts` allows), `finish` closes the child and
    returns the `RunRecord`; calls never asked are `not_run`. `run_submission` asks every query
    in order; the grader interleaves two live runs (its latency phase) and holds one run's total
    budget (`pause`/`resume`) while the other works. Close it (`close`) on an exception."""

    def __init__(
        self,
        submission: Path,
        corpus_dir: Path,
        queries: Sequence[str],
        *,
        k: int,
        work_dir: Path,
        log_path: Path,
        options: RunnerOptions = RunnerOptions(),
        progress: Progress | None = None,
    ) -> None:
        self.submission = Path(submission).resolve()
        if not self.submission.is_dir():
            raise ExerciseError(f"submission {self.submission} is not a directory")
        self.work_dir = Path(work_dir).resolve()
        self.work_dir.mkdir(parents=True, exist_ok=True)
        self.log_path = Path(log_path).resolve()
        self.log_path.parent.mkdir(parents=True, exist_ok=True)
        self.log_path.write_bytes(b"")
        self.corpus_dir = Path(corpus_dir).resolve()
        self.queries, self.k, self.options = tuple(queries), k, options
        self.report = progress or (lambda stage, done, total: None)
        self.budget = Budget(options.run_timeout_s)
        self.child: ChildProcess | None = None
        self.fatal: Fatal | None = None
        self.build_ns: int | None = None
        self.records: dict[str, list[CallRecord | None]] = {
            op: [None] * len(self.queries) for op in OPS
        }
        self.restarts, self.seq = 0, 0
        self.stop_reason = ""
        self.stop_stage = ""  # where the budget ran out ("ask" or "restart")
        self.completed: dict[int, int] = {}  # question → calls made before the budget ran out
        self._peaks: list[int | None] = []
        self._loads: list[int | None] = []
        self._launch_failures: list[str] = []
        self._asked = 0

    def _start_child(self) -> tuple[ChildProcess | None, int | None, Fatal | None]:
        options = self.options
        child = ChildProcess(
            self.submission, self.corpus_dir, self.work_dir, self.log_path, options
        )
        try:
            ready = wait_ready(
                child, options.build_timeout_s, self.log_path, self._loads, self.budget
            )
        except BaseException:  # Ctrl-C: the child is in its own session, so kill it here
            child.close(graceful=False)
            raise
        self._peaks.append(child.peak_rss_kib)
        if ready[2] is not None and ready[2].stage == LAUNCH:
            self._launch_failures.append(ready[2].reason)
        return ready

    def start(self) -> bool:
        """Start the first child and build; False when the run could not start (`fatal`)."""
        self.report("build", 0, 1)
        self.child, self.build_ns, self.fatal = self._start_child()
        self.report("build", 1, 1)
        return self.fatal is None

    @property
    def launch_failure(self) -> str | None:
        """Why a child never started (the launcher's or sandbox's failure), or None."""
        return self._launch_failures[0] if self._launch_failures else None

    @property
    def alive(self) -> bool:
        """Whether a child is running and the run can take calls without restarting one."""
        return self.child is not None and not self.stop_stage

    def pause(self) -> None:
        """Stop counting wall time against the run's total budget (another run is working)."""
        self.budget.pause()

    def resume(self) -> None:
        self.budget.resume()

    def ask(self, index: int, op: str) -> CallRecord:
        """Make call `op` on query `index` (once per pair), record it and return the record."""
        if self.records[op][index] is not None:
            raise ExerciseError(f"{op} on query {index} was already asked")
        record = self._ask(index, op)
        self.records[op][index] = record
        if not self.stop_stage:
            self.completed[index] = self.completed.get(index, 0) + 1
        if all(self.records[o][index] is not None for o in OPS):
            self._asked += 1
            self.report("ask", self._asked, len(self.queries))
        return record

    def _ask(self, index: int, op: str) -> CallRecord:
        if self.fatal is not None:
            return self._skipped()
        if not self.stop_stage and self.child is not None and self.budget.ran_out:
            self.stop_stage = "ask"
        if self.stop_stage:
            return CallRecord(Status.NOT_REACHED)
        if self.child is None:
            return CallRecord(Status.NOT_RUN, reason=self.stop_reason)
        self.seq += 1
        options = self.options
        record, alive = call(
            self.child,
            self.seq,
            op,
            self.queries[index],
            self.k,
            options.call_timeout_s,
            self.budget,
        )
        if alive:
            return record
        self._peaks.append(self.child.peak_rss_kib)
        self.child.close(graceful=False)
        self.child = None
        if self.budget.ran_out:
            self.stop_stage = "ask"
            return record
        if self.restarts >= options.max_restarts:
            self.stop_reason = f"stopped after {self.restarts} restart(s); last: {record.reason}"
            return record
        self.restarts += 1
        self.report("restart", self.restarts, options.max_restarts)
        self.child, _, restart_fatal = self._start_child()
        if restart_fatal is not None:
            if self.budget.ran_out:
                self.stop_stage = "restart"
            self.stop_reason = f"restart failed: {restart_fatal.one_line()}"
        return record

    def _budget_stop(self) -> BudgetStop | None:
        fatal = self.fatal
        if fatal is not None and self.budget.ran_out and fatal.stage != LAUNCH:
            n = len(self.queries)
            return BudgetStop(self.budget.seconds, "build", 0, n, 2 * n)
        return None

    def _skipped(self) -> CallRecord:
        stop = self._budget_stop()
        if stop is not None:
            return CallRecord(Status.NOT_REACHED, reason=stop.one_line())
        return CallRecord(Status.NOT_RUN, reason=self.fatal.one_line() if self.fatal else "")

    def close(self) -> None:
        """Kill the child (after an exception; `finish` closes it gracefully)."""
        if self.child is not None:
            self.child.close(graceful=False)
            self.child = None

    def finish(self) -> RunRecord:
        """Close the child and return what the run produced; calls never asked are `not_run`."""
        if self.child is not None:
            self.child.close(graceful=True)
            self._peaks.append(self.child.peak_rss_kib)
            self.child = None
        never = CallRecord(Status.NOT_RUN, reason="not asked")
        if self.fatal is not None:
            never = self._skipped()
        search, answer = (
            tuple(r if r is not None else never for r in self.records[op]) for op in OPS
        )
        n = len(self.queries)
        launch = self.launch_failure
        if self.fatal is not None:
            return RunRecord(
                self.fatal,
                None,
                search,
                answer,
                _max(self._peaks),
                0,
                self.log_path,
                budget=self._budget_stop(),
                launch_failure=launch,
            )
        stop = None
        if self.stop_stage:
            skipped = sum(r.status is Status.NOT_REACHED for r in search + answer)
            answered = sum(self.completed.get(i, 0) == len(OPS) for i in range(n))
            stop = BudgetStop(self.budget.seconds, self.stop_stage, answered, n, skipped)
            search, answer = (
                _reason_not_reached(calls, stop.one_line()) for calls in (search, answer)
            )
        return RunRecord(
            None,
            self.build_ns,
            search,
            answer,
            _max(self._peaks),
            self.restarts,
            self.log_path,
            self._loads[0] if self._loads else None,
            budget=stop,
            launch_failure=launch,
        )


def _reason_not_reached(calls: tuple[CallRecord, ...], reason: str) -> tuple[CallRecord, ...]:
    return tuple(
        dataclasses.replace(call, reason=reason) if call.status is Status.NOT_REACHED else call
        for call in calls
    )


def run_in_process(pipeline: Any, queries: Sequence[str], *, k: int) -> RunRecord:
    """Build and query an already constructed pipeline in this process (no isolation, no limits).

    For unit tests and contract checks; values go through the same encoding as in the child.
    """
    start = time.monotonic_ns()
    try:
        pipeline.build()
    except Exception as exc:
        error = ErrorInfo.from_exception(exc)
        fatal = Fatal("build", Status.ERROR, error.one_line(), error)
        not_run = CallRecord(Status.NOT_RUN, reason=fatal.one_line())
        return RunRecord(
            fatal, None, (not_run,) * len(queries), (not_run,) * len(queries), None, 0, None
        )
    build_ns = time.monotonic_ns() - start
    records: dict[str, list[CallRecord]] = {op: [] for op in OPS}
    for query in queries:
        for op in OPS:
            outcome = invoke(pipeline, op, query, k)
            if outcome["ok"]:
                record = CallRecord(Status.OK, outcome["value"], outcome["elapsed_ns"])
            else:
                record = CallRecord(
                    Status.ERROR, None, outcome["elapsed_ns"], ErrorInfo.from_json(outcome["error"])
                )
            records[op].append(record)
    return RunRecord(
        None, build_ns, tuple(records["search"]), tuple(records["answer"]), None, 0, None
    )


def _max(values: Sequence[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None
