"""The child process: imports a submission's `rag.pipeline.Pipeline`, builds it, answers requests.

Started by `exercise.runner` (and, inside its sandbox, by the grader) as

    python -P -m exercise.child --submission DIR --corpus VARIANT --work-dir DIR \
        --request-fd N --result-fd M

It reads one JSON request per line from fd N (`{"seq", "op": "search"|"answer", "query", "k"}` or
`{"op": "exit"}`) and writes one JSON message per line to fd M (see `serve`). Stdout and stderr are
only logs: a pipeline that prints cannot corrupt the protocol. Only question text ever arrives here.
Exceptions in pipeline code become `error` results with a traceback tail; return values are sent as
encoded data (`exercise.protocol.to_wire`) and judged by the parent.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import signal
import sys
import threading
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any, BinaryIO

# Imported before the submission's directory goes on sys.path, so `exercise` (and its submodules,
# found through the package's own __path__) always resolve to this harness copy, even when the
# submission carries an `exercise/` folder of its own.
import exercise.types  # noqa: F401
from exercise.protocol import ErrorInfo, encode_message, to_wire

PIPELINE_MODULE = "rag.pipeline"
PIPELINE_CLASS = "Pipeline"
OPS = ("search", "answer")
PARENT_POLL_S = 0.5  # how often the child checks that the process that started it is alive


def peak_rss_kib() -> int | None:
    """This process's peak resident set size in KiB (ru_maxrss; bytes on macOS, converted)."""
    try:
        import resource
    except ImportError:  # not on a Unix
        return None
    value = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return value // 1024 if sys.platform == "darwin" else value


def load_pipeline_class(submission: Path) -> type:
    """Import `rag.pipeline.Pipeline` from the submission directory (put first on sys.path)."""
    sys.path.insert(0, str(Path(submission).resolve()))
    importlib.invalidate_caches()
    module = importlib.import_module(PIPELINE_MODULE)
    cls = getattr(module, PIPELINE_CLASS, None)
    if not isinstance(cls, type):
        raise ImportError(
            f"{PIPELINE_MODULE} ({getattr(module, '__file__', '?')}) has no class {PIPELINE_CLASS}"
        )
    return cls


def invoke(pipeline: Any, op: str, query: str, k: int) -> dict[str, Any]:
    """Call one operation, timed with monotonic_ns around the call only; never raises.

    KeyboardInterrupt is let through so Ctrl-C still stops the child.
    """
    start = time.monotonic_ns()
    try:
        value = pipeline.search(query, k) if op == "search" else pipeline.answer(query)
    except (Exception, SystemExit) as exc:
        elapsed = time.monotonic_ns() - start
        error = ErrorInfo.from_exception(exc).to_json()
        return {"ok": False, "elapsed_ns": elapsed, "error": error}
    elapsed = time.monotonic_ns() - start
    return {"ok": True, "elapsed_ns": elapsed, "value": to_wire(value)}


def serve(
    submission: Path, corpus_dir: Path, work_dir: Path, requests: Iterable[str], results: BinaryIO
) -> int:
    """Import, construct and build the pipeline, then answer requests until "exit" or EOF.

    Messages written: first `{"event": "started"}`, before any submission code runs (so the
    parent can tell a sandbox that failed to start from a submission that failed), then
    `{"event": "fatal", "stage": "import"|"init"|"build", "error"}` (then exit 1),
    or `{"event": "ready", "build_ns", "load_ns"}` (load: import + construct) followed by one
    `{"event": "result", "seq", "op", "ok", "elapsed_ns", "value" | "error"}` per request.
    Every message but "started" carries `rss_kib`.
    """

    def send(message: dict[str, Any]) -> None:
        results.write(encode_message({**message, "rss_kib": peak_rss_kib()}))
        results.flush()

    results.write(encode_message({"event": "started"}))  # no rss_kib: nothing of ours ran yet
    results.flush()
    stage = "import"
    loading = time.monotonic_ns()
    try:
        cls = load_pipeline_class(submission)
        stage = "init"
        pipeline = cls(corpus_dir, work_dir)
        stage = "build"
        start = time.monotonic_ns()
        load_ns = start - loading
        pipeline.build()
        build_ns = time.monotonic_ns() - start
    except (Exception, SystemExit) as exc:
        send({"event": "fatal", "stage": stage, "error": ErrorInfo.from_exception(exc).to_json()})
        return 1
    send({"event": "ready", "build_ns": build_ns, "load_ns": load_ns})
    for line in requests:
        request = json.loads(line)
        op = request.get("op")
        if op not in OPS:  # "exit", or anything unexpected: stop cleanly
            break
        outcome = invoke(pipeline, op, request["query"], request.get("k", 0))
        send({"event": "result", "seq": request["seq"], "op": op, **outcome})
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m exercise.child", description=__doc__)
    parser.add_argument("--submission", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--work-dir", type=Path, required=True)
    parser.add_argument("--request-fd", type=int, required=True)
    parser.add_argument("--result-fd", type=int, required=True)
    args = parser.parse_args(argv)
    # Not inherited by anything the pipeline spawns: a grandchild holding the result pipe open
    # would keep the parent from seeing this process exit.
    for fd in (args.request_fd, args.result_fd):
        os.set_inheritable(fd, False)
    exit_with_parent()
    args.work_dir.mkdir(parents=True, exist_ok=True)
    with (
        os.fdopen(args.request_fd, "r", encoding="utf-8") as requests,
        os.fdopen(args.result_fd, "wb") as results,
    ):
        return serve(args.submission, args.corpus, args.work_dir, requests, results)


def exit_with_parent(poll_s: float = PARENT_POLL_S) -> threading.Thread:
    """End this process's group as soon as the process that started it is gone.

    The runner kills the child's group when it closes it, and Ctrl-C reaches the runner; but a
    runner killed outright (SIGKILL, a closed terminal, a job timeout) cannot, and the child would
    go on building an index nobody waits for, on cores the next run's latency is measured on. The
    child leads its own process group (`start_new_session`), so this also ends what the pipeline
    spawned. Inside a sandbox the parent is the sandbox's own init, which outlives nothing."""
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(poll_s)
        try:
            os.killpg(os.getpgrp(), signal.SIGKILL)
        finally:
            os._exit(1)

    thread = threading.Thread(target=watch, name="parent-watch", daemon=True)
    thread.start()
    return thread


def _exit_now(code: int) -> None:
    """End without the interpreter's teardown: with torch and a model loaded, tearing the
    interpreter down takes seconds that belong to nobody's pipeline. Every result has been sent;
    nothing registered with atexit or left to __del__ runs."""
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


if __name__ == "__main__":
    _exit_now(main())
