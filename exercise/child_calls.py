"""One child's start and one call, each bounded by its own limit and by the run's total budget.

`exercise.runner` drives a run with these (`LiveRun`); they turn what the child did — a ready
message, a result, a timeout, an exit — into records: `Fatal` for a child that could not start,
a `CallRecord` per call. Callers import `Fatal` and `LAUNCH` from `exercise.runner`.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from exercise.child_process import ChildGone, ChildProcess, ChildTimeout
from exercise.judging import CallRecord, Status
from exercise.protocol import TRACEBACK_LINES, ErrorInfo

LAUNCH = "launch"  # `Fatal.stage` of a child that never started: no submission code ran


@dataclass(frozen=True)
class Fatal:
    """Why the submission could not start at all (every question is then `not_run`)."""

    # "import", "init", "build"; "start" when the child died before reporting; `LAUNCH` when
    # it never started (the launcher or sandbox failed before any submission code ran)
    stage: str
    status: Status  # ERROR or TIMEOUT
    reason: str  # one line
    error: ErrorInfo | None  # the exception, when the child reported one
    log_tail: str = ""  # the last lines the child printed, when there is no traceback

    def one_line(self) -> str:
        if self.stage == LAUNCH:
            return f"the run could not launch (no submission code ran): {self.reason}"
        return f"submission failed at {self.stage}: {self.reason}"


class Budget:
    """The run's total wall budget: a deadline that caps every other wait (none without one).
    While paused (another run is working), the deadline moves on with the clock."""

    def __init__(self, seconds: float | None) -> None:
        self.seconds = seconds or 0.0
        self.deadline = None if seconds is None else time.monotonic() + seconds
        self._paused_at: float | None = None

    def pause(self) -> None:
        if self._paused_at is None:
            self._paused_at = time.monotonic()

    def resume(self) -> None:
        if self._paused_at is not None:
            if self.deadline is not None:
                self.deadline += time.monotonic() - self._paused_at
            self._paused_at = None

    def cap(self, deadline: float) -> tuple[float, bool]:
        """`deadline`, or the budget's when that comes first (then the flag is True)."""
        if self.deadline is not None and self.deadline <= deadline:
            return self.deadline, True
        return deadline, False

    @property
    def ran_out(self) -> bool:
        return self.deadline is not None and time.monotonic() >= self.deadline


def wait_ready(
    child: ChildProcess,
    timeout: float,
    log_path: Path,
    loads: list[int | None],
    budget: Budget,
) -> tuple[ChildProcess | None, int | None, Fatal | None]:
    began = time.monotonic()
    deadline, capped = budget.cap(began + timeout)
    try:
        message = child.receive(deadline)
    except ChildTimeout:
        child.close(graceful=False)
        if not child.started:
            stage, reason = LAUNCH, f"the child did not start within {deadline - began:.3g} s"
        elif capped:
            stage = "build"
            reason = f"the run's time budget ({budget.seconds:g} s) ran out during import and build"
        else:
            stage, reason = "build", f"import and build did not finish within {timeout:g} s"
        return None, None, Fatal(stage, Status.TIMEOUT, reason, None, log_tail(log_path))
    except ChildGone as gone:
        child.close(graceful=False)
        if child.started:
            stage, reason = "start", f"the child process {gone} before reporting (log: {log_path})"
        else:
            stage = LAUNCH
            reason = f"the child process {gone} before it started (log: {log_path})"
        return None, None, Fatal(stage, Status.ERROR, reason, None, log_tail(log_path))
    if message.get("event") == "ready":
        build_ns, load_ns = message.get("build_ns"), message.get("load_ns")
        loads.append(load_ns if isinstance(load_ns, int) else None)
        return child, build_ns if isinstance(build_ns, int) else None, None
    child.close(graceful=False)
    error = ErrorInfo.from_json(message.get("error"))
    stage = str(message.get("stage", "start"))
    return None, None, Fatal(stage, Status.ERROR, error.one_line(), error)


def call(
    child: ChildProcess, seq: int, op: str, query: str, k: int, timeout: float, budget: Budget
) -> tuple[CallRecord, bool]:
    """One request/response; the flag says whether the child can take the next one."""
    deadline, capped = budget.cap(time.monotonic() + timeout)
    try:
        child.send({"seq": seq, "op": op, "query": query, "k": k}, deadline)
        message = child.receive(deadline)
    except ChildTimeout:
        if capped:
            reason = f"the run's time budget ({budget.seconds:g} s) ran out during this call"
        else:
            reason = f"no reply within {timeout:g} s"
        return CallRecord(Status.TIMEOUT, reason=reason), False
    except ChildGone as gone:
        return CallRecord(Status.ERROR, reason=f"the child process {gone} during {op}"), False
    if message.get("event") != "result" or message.get("seq") != seq:
        return CallRecord(Status.ERROR, reason=f"protocol mismatch on request {seq}"), False
    elapsed = message.get("elapsed_ns")
    elapsed = elapsed if isinstance(elapsed, int) else None
    if message.get("ok"):
        return CallRecord(Status.OK, value=message.get("value"), elapsed_ns=elapsed), True
    error = ErrorInfo.from_json(message.get("error"))
    return CallRecord(Status.ERROR, elapsed_ns=elapsed, error=error), True


def log_tail(log_path: Path, lines: int = TRACEBACK_LINES) -> str:
    try:
        text = log_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip("\n").split("\n")[-lines:])
