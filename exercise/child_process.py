"""The parent's handle on one child process: its command line, environment, pipes and log.

`exercise.runner` drives a run through `ChildProcess` (start, send a request, receive a result,
close); the grader's sandboxes change only the command prefix and the paths the child sees.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import exercise
from exercise.protocol import decode_message, encode_message
from exercise.run_options import RunnerOptions

EXIT_GRACE_S = 5.0
LOG_DRAIN_S = 1.0  # how long a finished child's output may keep arriving (a grandchild holds it)


class ChildGone(Exception):
    """The child closed its result pipe, died or broke the protocol."""


class ChildTimeout(Exception):
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


class ChildProcess:
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
        # Writable by select means room for some bytes, not for the whole message: a blocking
        # write of a large request to a child that reads nothing would outlive the deadline.
        os.set_blocking(self._requests, False)
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
        self._pump: LogPump | None = None
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
            self._pump = LogPump(log_read, log_path, options.log_cap_bytes)
        self._buffer = bytearray()
        self.peak_rss_kib: int | None = None
        # whether the child has said anything yet: before that, no submission code ran, and a
        # child that dies or hangs failed to launch (its launcher's or sandbox's failure)
        self.started = False

    def send(self, message: dict[str, Any], deadline: float) -> None:
        data = memoryview(encode_message(message))
        while data:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChildTimeout()
            _, writable, _ = select.select([], [self._requests], [], remaining)
            if not writable:
                continue
            try:
                data = data[os.write(self._requests, data) :]
            except BlockingIOError:
                continue  # the pipe filled between select and write; wait for room again
            except BrokenPipeError as exc:
                raise ChildGone(self._exit_reason()) from exc

    def receive(self, deadline: float) -> dict[str, Any]:
        """The child's next message. Its first, `{"event": "started"}` (sent before any submission
        code runs), is taken here and only sets `started`."""
        while True:
            message = self._next(deadline)
            self.started = True  # a child without the event (an older copy) got this far too
            if message.get("event") != "started":
                return message

    def _next(self, deadline: float) -> dict[str, Any]:
        while (end := self._buffer.find(b"\n")) < 0:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChildTimeout()
            readable, _, _ = select.select([self._results], [], [], remaining)
            if not readable:
                continue
            chunk = os.read(self._results, 1 << 16)
            if not chunk:
                raise ChildGone(self._exit_reason())
            self._buffer += chunk
        line = bytes(self._buffer[:end])
        del self._buffer[: end + 1]
        try:
            message = decode_message(line)
        except ValueError as exc:
            raise ChildGone(f"sent a malformed protocol line ({exc})") from exc
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
            except (ChildGone, ChildTimeout, subprocess.TimeoutExpired):
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


class LogPump:
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
