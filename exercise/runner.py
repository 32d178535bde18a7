"""The parent side of a run: start the child, build, ask every question, enforce time limits.

`run_submission` starts `python -P -m exercise.child` (see `exercise.child`) in its own session,
talks to it over two dedicated pipes (requests in, newline-delimited JSON results out) and records
one `CallRecord` per call. The child's stdout and stderr go to a log file (with an optional size
cap: past it, output is read and discarded, so a chatty child never blocks). Nothing hangs forever:
import + construction + build share one time limit and every call has its own; a call that times
out or kills the child is recorded (`timeout` / `error`), the child's whole process group is killed
and a fresh child is started (it rebuilds) up to `max_restarts` times, after which the remaining
calls are `not_run`. Used by the local evaluation loop in trusted mode; the grader reuses it with a
`command_prefix` that puts the child in its sandbox (and `child_paths` saying where the sandbox
mounts the submission, corpus, scratch dir and this `exercise` package).
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import exercise
from exercise.child import OPS, invoke
from exercise.errors import ExerciseError, OptionError
from exercise.judging import CallRecord, Status
from exercise.protocol import TRACEBACK_LINES, ErrorInfo, decode_message, encode_message

# progress(stage, done, total): stage is "build", "ask" or "restart".
Progress = Callable[[str, int, int], None]

EXIT_GRACE_S = 5.0
LOG_DRAIN_S = 1.0  # how long a finished child's output may keep arriving (a grandchild holds it)


@dataclass(frozen=True)
class ChildPaths:
    """Where the child sees its inputs when a sandbox mounts them elsewhere than on the host."""

    submission: str  # the submission directory (read-only in a sandbox)
    corpus: str  # the variant directory
    work: str  # the writable scratch directory
    harness: str  # the directory holding the `exercise` package (put first on PYTHONPATH)


@dataclass(frozen=True)
class RunnerOptions:
    """Time limits and how the child is launched."""

    build_timeout_s: float = 900.0  # import + construct + build(), together
    call_timeout_s: float = 60.0  # one search() or answer() call
    max_restarts: int = 2  # fresh children after a timeout or crash before giving up
    python: str | None = None  # interpreter for the child; None means this one (sys.executable)
    command_prefix: tuple[str, ...] = ()  # e.g. a sandbox launcher the child command runs under
    base_env: Mapping[str, str] | None = None  # the child's environment; None: this process's
    child_paths: ChildPaths | None = None  # paths as the child sees them; None: the host's
    log_cap_bytes: int | None = None  # most of the child's output the log keeps; None: all

    def __post_init__(self) -> None:
        for name in ("build_timeout_s", "call_timeout_s"):
            if not getattr(self, name) > 0:
                raise OptionError(f"{name} must be a positive number, got {getattr(self, name)}")
        if self.max_restarts < 0:
            raise OptionError(f"max_restarts must be 0 or more, got {self.max_restarts}")
        if self.log_cap_bytes is not None and self.log_cap_bytes < 0:
            raise OptionError(f"log_cap_bytes must be 0 or more, got {self.log_cap_bytes}")


@dataclass(frozen=True)
class Fatal:
    """Why the submission could not start at all (every question is then `not_run`)."""

    stage: str  # "import", "init", "build" (or "start" when the child died before reporting)
    status: Status  # ERROR or TIMEOUT
    reason: str  # one line
    error: ErrorInfo | None  # the exception, when the child reported one
    log_tail: str = ""  # the last lines the child printed, when there is no traceback

    def one_line(self) -> str:
        return f"submission failed at {self.stage}: {self.reason}"


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


class _ChildGone(Exception):
    """The child closed its result pipe, died or broke the protocol."""


class _ChildTimeout(Exception):
    """No complete message before the deadline."""


def harness_root() -> Path:
    """The directory holding this `exercise` package (put first on the child's PYTHONPATH)."""
    return Path(exercise.__file__).resolve().parent.parent


def child_command(
    python: str,
    submission: Path,
    corpus_dir: Path,
    work_dir: Path,
    request_fd: int,
    result_fd: int,
) -> list[str]:
    """The child's command line. `-P`: the working directory is not put on sys.path."""
    return [
        python,
        "-P",
        "-m",
        "exercise.child",
        "--submission",
        str(submission),
        "--corpus",
        str(corpus_dir),
        "--work-dir",
        str(work_dir),
        "--request-fd",
        str(request_fd),
        "--result-fd",
        str(result_fd),
    ]


def child_env(base: Mapping[str, str], harness: str | None = None) -> dict[str, str]:
    """The child's environment: `base`, with the harness (default: this one) first on PYTHONPATH
    and no downloads."""
    env = dict(base)
    first = harness if harness is not None else str(harness_root())
    paths = [first] + ([env["PYTHONPATH"]] if env.get("PYTHONPATH") else [])
    env["PYTHONPATH"] = os.pathsep.join(paths)
    env["PYTHONUNBUFFERED"] = "1"
    env.setdefault("HF_HUB_OFFLINE", "1")
    env.setdefault("TRANSFORMERS_OFFLINE", "1")
    return env


class _Child:
    """One running child process and its two pipes."""

    def __init__(
        self,
        submission: Path,
        corpus_dir: Path,
        work_dir: Path,
        log_path: Path,
        options: RunnerOptions,
    ) -> None:
        request_read, self._requests = os.pipe()
        self._results, result_write = os.pipe()
        python = options.python or sys.executable
        view = options.child_paths
        inside = (
            (Path(view.submission), Path(view.corpus), Path(view.work))
            if view is not None
            else (submission, corpus_dir, work_dir)
        )
        command = [
            *options.command_prefix,
            *child_command(python, *inside, request_read, result_write),
        ]
        env = child_env(
            os.environ if options.base_env is None else options.base_env,
            harness=view.harness if view is not None else None,
        )
        self.log_path = log_path
        self._pump: _LogPump | None = None
        log_read = log_write = None
        try:
            with log_path.open("ab") as log:
                if options.log_cap_bytes is not None:
                    log_read, log_write = os.pipe()
                self._process = subprocess.Popen(
                    command,
                    stdin=subprocess.DEVNULL,
                    stdout=log if log_write is None else log_write,
                    stderr=subprocess.STDOUT,
                    pass_fds=(request_read, result_write),
                    cwd=submission,
                    env=env,
                    start_new_session=True,
                )
        except BaseException:
            for fd in (self._requests, self._results, log_read):
                if fd is not None:
                    os.close(fd)
            raise
        finally:
            for fd in (request_read, result_write, log_write):
                if fd is not None:
                    os.close(fd)
        if log_read is not None and options.log_cap_bytes is not None:
            self._pump = _LogPump(log_read, log_path, options.log_cap_bytes)
        self._buffer = bytearray()
        self.peak_rss_kib: int | None = None

    def send(self, message: dict[str, Any], deadline: float) -> None:
        data = memoryview(encode_message(message))
        while data:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _ChildTimeout()
            _, writable, _ = select.select([], [self._requests], [], remaining)
            if not writable:
                continue
            try:
                data = data[os.write(self._requests, data) :]
            except BrokenPipeError as exc:
                raise _ChildGone(self._exit_reason()) from exc

    def receive(self, deadline: float) -> dict[str, Any]:
        while (end := self._buffer.find(b"\n")) < 0:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise _ChildTimeout()
            readable, _, _ = select.select([self._results], [], [], remaining)
            if not readable:
                continue
            chunk = os.read(self._results, 1 << 16)
            if not chunk:
                raise _ChildGone(self._exit_reason())
            self._buffer += chunk
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 1]
        try:
            message = decode_message(line)
        except ValueError as exc:
            raise _ChildGone(f"sent a malformed protocol line ({exc})") from exc
        rss = message.get("rss_kib")
        if isinstance(rss, int) and not isinstance(rss, bool):
            self.peak_rss_kib = max(rss, self.peak_rss_kib or 0)
        return message

    def _exit_reason(self) -> str:
        try:
            code = self._process.wait(timeout=EXIT_GRACE_S)
        except subprocess.TimeoutExpired:
            return "closed its result pipe"
        if code < 0:
            return f"was killed by signal {signal.Signals(-code).name}"
        return f"exited with code {code}"

    def close(self, *, graceful: bool) -> None:
        """Ask the child to exit (when graceful), then kill its whole process group."""
        if graceful and self._process.poll() is None:
            try:
                self.send({"op": "exit"}, time.monotonic() + 1.0)
                self._process.wait(timeout=EXIT_GRACE_S)
            except (_ChildGone, _ChildTimeout, subprocess.TimeoutExpired):
                pass
        try:
            os.killpg(self._process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        self._process.wait()
        if self._pump is not None:
            self._pump.finish(LOG_DRAIN_S)
        for fd in (self._requests, self._results):
            try:
                os.close(fd)
            except OSError:
                pass


class _LogPump:
    """Copies the child's stdout and stderr into the log, keeping at most `cap` bytes in it.

    Output past the cap is still read (and dropped) so a child that prints a lot never blocks on
    a full pipe; one line in the log says it was cut. Runs in a daemon thread.
    """

    def __init__(self, read_fd: int, log_path: Path, cap: int) -> None:
        self._fd = read_fd
        self._log = log_path.open("ab")
        self._cap = cap
        # The cap covers the whole log: restarted children append to what is already there.
        self._size = self._log.seek(0, os.SEEK_END)
        self._cut = self._size > cap  # only the truncation note ever goes past the cap
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="child-log", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        try:
            while not self._stop.is_set():
                readable, _, _ = select.select([self._fd], [], [], 0.1)
                if not readable:
                    continue
                chunk = os.read(self._fd, 1 << 20)
                if not chunk:
                    break
                self._keep(chunk)
        finally:
            self._log.close()
            os.close(self._fd)

    def _keep(self, chunk: bytes) -> None:
        if self._cut:
            return
        kept = chunk[: max(0, self._cap - self._size)]
        if len(kept) < len(chunk):
            self._cut = True
            kept += f"\n[log truncated: output past {self._cap} bytes was discarded]\n".encode()
        self._log.write(kept)
        self._log.flush()
        self._size += len(kept)

    def finish(self, timeout: float) -> None:
        """Wait for the end of the output; stop early when something still holds the pipe open
        after `timeout` seconds (a grandchild that escaped the child's process group)."""
        self._thread.join(timeout)
        if self._thread.is_alive():
            self._stop.set()
            self._thread.join()


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
    submission = Path(submission).resolve()
    if not submission.is_dir():
        raise ExerciseError(f"submission {submission} is not a directory")
    work_dir = Path(work_dir).resolve()
    work_dir.mkdir(parents=True, exist_ok=True)
    log_path = Path(log_path).resolve()
    log_path.parent.mkdir(parents=True, exist_ok=True)
    log_path.write_bytes(b"")
    corpus_dir = Path(corpus_dir).resolve()
    report = progress or (lambda stage, done, total: None)

    peaks: list[int | None] = []

    def start() -> tuple[_Child | None, int | None, Fatal | None]:
        child = _Child(submission, corpus_dir, work_dir, log_path, options)
        try:
            ready = _wait_ready(child, options.build_timeout_s, log_path)
        except BaseException:  # Ctrl-C: the child is in its own session, so kill it here
            child.close(graceful=False)
            raise
        peaks.append(child.peak_rss_kib)
        return ready

    report("build", 0, 1)
    child, build_ns, fatal = start()
    report("build", 1, 1)
    if fatal is not None:
        not_run = CallRecord(Status.NOT_RUN, reason=fatal.one_line())
        return RunRecord(
            fatal,
            None,
            (not_run,) * len(queries),
            (not_run,) * len(queries),
            _max(peaks),
            0,
            log_path,
        )
    records: dict[str, list[CallRecord]] = {op: [] for op in OPS}
    restarts, stop_reason, seq = 0, "", 0
    try:
        for number, query in enumerate(queries, start=1):
            for op in OPS:
                if child is None:
                    records[op].append(CallRecord(Status.NOT_RUN, reason=stop_reason))
                    continue
                seq += 1
                record, alive = _call(child, seq, op, query, k, options.call_timeout_s)
                records[op].append(record)
                if alive:
                    continue
                peaks.append(child.peak_rss_kib)
                child.close(graceful=False)
                child = None
                if restarts >= options.max_restarts:
                    stop_reason = f"stopped after {restarts} restart(s); last: {record.reason}"
                    continue
                restarts += 1
                report("restart", restarts, options.max_restarts)
                child, _, restart_fatal = start()
                if restart_fatal is not None:
                    stop_reason = f"restart failed: {restart_fatal.one_line()}"
            report("ask", number, len(queries))
    except BaseException:
        if child is not None:
            child.close(graceful=False)
        raise
    if child is not None:
        child.close(graceful=True)
        peaks.append(child.peak_rss_kib)
    return RunRecord(
        None,
        build_ns,
        tuple(records["search"]),
        tuple(records["answer"]),
        _max(peaks),
        restarts,
        log_path,
    )


def _wait_ready(
    child: _Child, timeout: float, log_path: Path
) -> tuple[_Child | None, int | None, Fatal | None]:
    try:
        message = child.receive(time.monotonic() + timeout)
    except _ChildTimeout:
        child.close(graceful=False)
        return (
            None,
            None,
            Fatal(
                "build",
                Status.TIMEOUT,
                f"import and build did not finish within {timeout:g} s",
                None,
                _log_tail(log_path),
            ),
        )
    except _ChildGone as gone:
        child.close(graceful=False)
        return (
            None,
            None,
            Fatal(
                "start",
                Status.ERROR,
                f"the child process {gone} before reporting (log: {log_path})",
                None,
                _log_tail(log_path),
            ),
        )
    if message.get("event") == "ready":
        build_ns = message.get("build_ns")
        return child, build_ns if isinstance(build_ns, int) else None, None
    child.close(graceful=False)
    error = ErrorInfo.from_json(message.get("error"))
    stage = str(message.get("stage", "start"))
    return None, None, Fatal(stage, Status.ERROR, error.one_line(), error)


def _call(
    child: _Child, seq: int, op: str, query: str, k: int, timeout: float
) -> tuple[CallRecord, bool]:
    """One request/response; the flag says whether the child can take the next one."""
    deadline = time.monotonic() + timeout
    try:
        child.send({"seq": seq, "op": op, "query": query, "k": k}, deadline)
        message = child.receive(deadline)
    except _ChildTimeout:
        return CallRecord(Status.TIMEOUT, reason=f"no reply within {timeout:g} s"), False
    except _ChildGone as gone:
        return CallRecord(Status.ERROR, reason=f"the child process {gone} during {op}"), False
    if message.get("event") != "result" or message.get("seq") != seq:
        return CallRecord(Status.ERROR, reason=f"protocol mismatch on request {seq}"), False
    elapsed = message.get("elapsed_ns")
    elapsed = elapsed if isinstance(elapsed, int) else None
    if message.get("ok"):
        return CallRecord(Status.OK, value=message.get("value"), elapsed_ns=elapsed), True
    error = ErrorInfo.from_json(message.get("error"))
    return CallRecord(Status.ERROR, elapsed_ns=elapsed, error=error), True


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


def _log_tail(log_path: Path, lines: int = TRACEBACK_LINES) -> str:
    try:
        text = log_path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.rstrip("\n").split("\n")[-lines:])


def _max(values: Sequence[int | None]) -> int | None:
    present = [v for v in values if v is not None]
    return max(present) if present else None
