"""The grader container's side of one run in a round's pod: asks the sandbox container's
supervisor (`grader/k8s/supervisor.py`) to start the child, and relays its protocol.

`grader.sandbox.pod` puts this script in front of the child command, as the container backend puts
`docker_relay.py`:

    python -I pod_relay.py --spec JSON -- PYTHON -P -m exercise.child ... \
        --request-fd N --result-fd M

The channel is the container backend's (`docker_relay`): the same three FIFOs, the same shell on
the other side (`docker_relay.shell`: open, hello, go, exec), the same copying threads. What
differs is who starts that shell: here a run folder under the channel volume (shared by the two
containers, read-only in the sandbox's) receives the FIFOs, `command.json` and two more FIFOs:
`control` (held open by this process: when it dies, the supervisor kills the child's process
group) and `status` (the child's exit code, which this process exits with).
"""

from __future__ import annotations

import argparse
import errno
import importlib.util
import json
import os
import shutil
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any


def _sibling(name: str) -> Any:
    """The sibling script `name`.py, loaded by path: run with -I, this folder is not on
    sys.path, and must not be (its docker.py would hide the docker SDK)."""
    spec = importlib.util.spec_from_file_location(name, Path(__file__).with_name(f"{name}.py"))
    assert spec is not None and spec.loader is not None  # the file sits beside this one
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


docker_relay = _sibling("docker_relay")
DRAIN_S, EXIT_NOT_STARTED, FIFOS = (
    docker_relay.DRAIN_S,
    docker_relay.EXIT_NOT_STARTED,
    docker_relay.FIFOS,
)
ORPHAN_GRACE_S = docker_relay.ORPHAN_GRACE_S
_Log, _note, _open_ends = docker_relay._Log, docker_relay._note, docker_relay._open_ends
_relay_requests, _relay_results = docker_relay._relay_requests, docker_relay._relay_results
_rewrite_fds, _thread = docker_relay._rewrite_fds, docker_relay._thread
OWN_FIFOS = ("control", "status")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="pod_relay.py", description=__doc__)
    parser.add_argument("--spec", required=True, help="the run's settings (JSON)")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the child command")
    args = parser.parse_args(argv)
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not command:
        parser.error("a child command is required")
    return launch(json.loads(args.spec), command)


def launch(spec: dict[str, Any], command: list[str]) -> int:
    """Have the supervisor start `command` and relay its protocol; returns its exit code."""
    command, request_fd, result_fd = _rewrite_fds(command)
    channel = Path(spec["channel"])
    folder = Path(tempfile.mkdtemp(prefix="run-", dir=channel / "runs"))
    folder.chmod(0o711)  # the sandbox uid opens what it is told of, and lists nothing
    for name in (*FIFOS, *OWN_FIFOS):
        os.mkfifo(folder / name)
        (folder / name).chmod(0o666)
    order = {
        "argv": ["/bin/sh", "-c", docker_relay.shell(str(folder)), "sh", *command],
        "env": dict(os.environ),  # the child's environment, built by the runner
        "cwd": spec["cwd"],
        "rlimits": spec["rlimits"],
    }
    (folder / "command.json").write_text(json.dumps(order), encoding="utf-8")
    (folder / "command.json").chmod(0o644)
    ends = _open_ends(folder)
    status = os.open(folder / "status", os.O_RDWR)  # reads block until the supervisor writes
    try:
        wait = float(spec["supervisor_wait_s"])  # grader.sandbox.pod sets it
        orders = _writer(channel / "next", wait)
        os.write(orders, f"run {folder}\n".encode())
        os.close(orders)
        control = _writer(folder / "control", wait)
    except OSError as exc:
        message = f"the sandbox container's supervisor did not take the run ({exc})"
        _note(message)
        docker_relay._engine_failed(spec, message)  # the grader's failure, not the candidate's
        shutil.rmtree(folder, ignore_errors=True)
        return EXIT_NOT_STARTED
    runner_gone, opened = threading.Event(), threading.Event()
    log = _Log(ends["log"], sys.stdout.fileno())
    relays = [
        _thread("results", _relay_results, ends, folder, result_fd, opened, log),
        _thread("requests", _relay_requests, request_fd, ends["requests"], opened, runner_gone),
        _thread("log", log.relay),
    ]
    code: list[int] = []
    reader = _thread("status", _read_status, status, code)
    while reader.is_alive():
        reader.join(0.5)
        if runner_gone.is_set() and reader.is_alive():
            reader.join(ORPHAN_GRACE_S)
            break
    os.close(control)  # the supervisor kills whatever is left of the run
    for fd in ends["keep_open"]:
        os.close(fd)
    for relay in (relays[0], relays[2]):
        relay.join(DRAIN_S)
    result = code[0] if code else EXIT_NOT_STARTED
    if result != 0:
        _note(f"the sandboxed child exited with code {result}")
    shutil.rmtree(folder, ignore_errors=True)
    sys.stdout.flush()
    os._exit(max(0, min(result, 255)))


def _writer(fifo: Path, wait_s: float) -> int:
    """A write end of `fifo` once the supervisor holds its read end; OSError when it does not
    within `wait_s` (the supervisor is gone: the sandbox failed, not the child)."""
    deadline = time.monotonic() + wait_s
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)
        except OSError as exc:
            if exc.errno != errno.ENXIO or time.monotonic() > deadline:
                raise
            time.sleep(0.02)  # no reader yet (the supervisor is between two opens)
            continue
        os.set_blocking(fd, True)
        return fd


def _read_status(fd: int, code: list[int]) -> None:
    text = b""
    while not text.endswith(b"\n"):
        chunk = os.read(fd, 64)
        if not chunk:
            return
        text += chunk
    try:
        code.append(int(text.strip()))
    except ValueError:
        pass


if __name__ == "__main__":
    sys.exit(main())
