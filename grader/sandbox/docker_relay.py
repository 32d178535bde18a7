"""The host side of one container run: starts the container and relays the child protocol into it.

`grader.sandbox.docker` puts this script in front of the child command (`Launch.command_prefix`),
so `exercise.runner` starts it exactly as it starts the child under bwrap:

    python -I docker_relay.py --spec JSON -- PYTHON -P -m exercise.child ... \
        --request-fd N --result-fd M

A pipe's fds cannot cross into a container, so the protocol crosses through three named pipes
(FIFOs) in a fresh channel folder bind-mounted read-only at /chan: inside, a shell opens them as
fd 3 (requests), fd 4 (results) and fd 1/2 (log), says so with one byte on fd 4, waits until
this side has unlinked the FIFOs (nothing in the container can open them again) and answered,
then execs the child command with `--request-fd 3 --result-fd 4`. Here, one thread per FIFO
copies bytes between it and the fds the runner gave this process (N, M, and stdout for the log).
Past the handshake the bytes are never parsed here: the runner reads the same JSON lines it would
read from a local child, and the candidate's prints travel in the log FIFO, apart from the
results. Before a result goes on, whatever the log FIFO holds goes out first: a local child's
output is in the runner's pipe by the time its result is read, and the runner may kill this
process the moment it reads a fatal one. No engine stream (attach, logs) carries data, and
nothing is ever unpickled.

This process lives exactly as long as its container (its exit code is the container's), so the
runner's timeouts and kills work unchanged. The runner kills it with SIGKILL, which leaves no
chance to clean up, so a *reaper* (this script with `--reap`, in its own session, outside the
runner's process group) waits for this process to die, then force-removes the container and the
channel folder. That also covers the grader itself dying.

Run with `python -I`: stdlib and the `docker` SDK only (the sibling `docker.py` is not on
sys.path then), and nothing of the environment configures this interpreter. The environment it
is given is the child's, and it is handed to the container whole.
"""

from __future__ import annotations

import argparse
import fcntl
import json
import os
import secrets
import select
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import docker
from docker.errors import APIError, DockerException, NotFound
from docker.types import LogConfig, Mount, Ulimit

CHANNEL = "/chan"  # where the channel folder appears in the container
FD_REQUESTS, FD_RESULTS = 3, 4  # the child's protocol fds inside the container
FIFOS = ("requests", "results", "log")
HELLO, GO = b"+", b"go\n"  # the handshake (see `_relay_results`)


def shell(channel: str) -> str:
    """The container side of the handshake, for FIFOs in `channel`: opens them (left to right:
    none blocks, this side already holds the other ends), says HELLO, waits for GO, execs the
    child: no shell stays between the init process and the child. (The pod backend's relay
    uses it too, with its run folder.)"""
    return (
        f"exec {FD_REQUESTS}<{channel}/requests {FD_RESULTS}>{channel}/results "
        f"1>{channel}/log 2>&1 && printf '{HELLO.decode()}' >&{FD_RESULTS} "
        f'&& read -r go <&{FD_REQUESTS} && exec "$@"'
    )


SHELL = shell(CHANNEL)
EXIT_NOT_STARTED = 125  # docker run's code for "the container could not be run"
ORPHAN_GRACE_S = 2.0  # after the runner has gone (requests EOF), how long the child may finish
WAIT_POLL_S = 1.0  # how often a wait on the container stops to look at its state
DRAIN_S = 2.0  # after the container exits, how long its last output may take to arrive
REAP_RETRY_S = 2.0  # a create still in flight when this process died lands within this


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="docker_relay.py", description=__doc__)
    parser.add_argument("--spec", help="the run's container settings (JSON)")
    parser.add_argument("--reap", help="internal: reap the container this JSON names")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="-- then the child command")
    args = parser.parse_args(argv)
    if args.reap:
        return reap(json.loads(args.reap))
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    if not args.spec or not command:
        parser.error("--spec and a child command are required")
    return launch(json.loads(args.spec), command)


def launch(spec: dict[str, Any], command: list[str]) -> int:
    """Run `command` in a new container and relay its protocol; returns the container's exit
    code (or EXIT_NOT_STARTED when the engine refused it)."""
    command, request_fd, result_fd = _rewrite_fds(command)
    channel = _make_channel(spec)
    # Each launch names its own container: a restart of the run is a second launch while the
    # first one's reaper may still be removing its container, by name. The run's name (the
    # grader's, for `Launch.hold`) is a label every container of the run carries (spec "create").
    run = spec.get("name") or f"takehome-{secrets.token_hex(6)}"
    name = f"{run}-{secrets.token_hex(4)}"
    reaper = _start_reaper(spec, name, channel)  # before the container exists, so it never leaks
    ends = _open_ends(channel / "chan")
    try:
        client = docker.DockerClient(
            base_url=spec["base_url"], version=spec["api_version"], timeout=spec["api_timeout_s"]
        )
        container = client.containers.create(
            spec["image"],
            ["/bin/sh", "-c", SHELL, "sh", *command],
            name=name,
            environment=dict(os.environ),  # the child's environment, built by the runner
            mounts=[
                Mount(CHANNEL, str(channel / "chan"), type="bind", read_only=True),
                *(
                    Mount(m["target"], m["source"], type="bind", read_only=m["read_only"])
                    for m in spec["mounts"]
                ),
            ],
            ulimits=[Ulimit(name=n, soft=v, hard=v) for n, v in spec["ulimits"].items()],
            log_config=LogConfig(type="none"),  # output goes to the log FIFO, capped by the runner
            **spec["create"],
        )
        container.start()
    except (DockerException, OSError) as exc:
        _note(f"the container could not be started: {_one_line(exc)}")
        _engine_failed(spec, f"the container could not be started: {_one_line(exc)}")
        return EXIT_NOT_STARTED
    runner_gone, opened = threading.Event(), threading.Event()
    log = _Log(ends["log"], sys.stdout.fileno())
    relays = [
        _thread("results", _relay_results, ends, channel / "chan", result_fd, opened, log),
        _thread("requests", _relay_requests, request_fd, ends["requests"], opened, runner_gone),
        _thread("log", log.relay),
    ]
    code, oom, engine_error = _wait(container, runner_gone)
    if engine_error:
        _engine_failed(spec, engine_error)
    # The container's writers are gone; ours were only there to keep the FIFOs from hanging up
    # while it started. Closing them lets the last output drain, then EOF.
    for fd in ends["keep_open"]:
        os.close(fd)
    for relay in (relays[0], relays[2]):
        relay.join(DRAIN_S)
    if code != 0:
        _note(_exit_note(code, oom, spec))
    reaper.stdin.close()  # the reaper removes the container and the channel now
    sys.stdout.flush()
    os._exit(max(0, min(code, 255)))  # a relay thread may still block on a dead end


def _rewrite_fds(command: list[str]) -> tuple[list[str], int, int]:
    """The child command with its protocol fds renamed to the container's, and the host fds."""
    rewritten, found = list(command), {}
    for flag, inside in (("--request-fd", FD_REQUESTS), ("--result-fd", FD_RESULTS)):
        at = rewritten.index(flag) + 1
        found[flag] = int(rewritten[at])
        rewritten[at] = str(inside)
    return rewritten, found["--request-fd"], found["--result-fd"]


def _make_channel(spec: dict[str, Any]) -> Path:
    """A private folder (0700, the grader's) holding `chan/` (0711) with the three FIFOs.

    Only `chan/` is mounted; the sandbox uid may open the FIFOs but not list or change the folder
    (the mount is read-only). Owned by that uid when we can chown, else open to all: nobody else
    on the host can reach them through the 0700 parent.
    """
    root = Path(tempfile.mkdtemp(prefix="takehome-chan-", dir=spec.get("channel_root")))
    chan = root / "chan"
    chan.mkdir()
    chan.chmod(0o711)
    for name in FIFOS:
        fifo = chan / name
        os.mkfifo(fifo)
        if os.geteuid() == 0:
            os.chown(fifo, spec["uid"], spec["uid"])
            fifo.chmod(0o600)
        else:
            fifo.chmod(0o666)
    return root


def _open_ends(chan: Path) -> dict[str, Any]:
    """This side's FIFO ends, opened so that neither side ever blocks in open().

    requests: read-write (a FIFO opened O_RDWR never blocks), we only write. results and log:
    read ends, plus a write end we hold until the container has exited, so the readers see no
    hang-up (a spinning EOF) before the container has opened its side.
    """
    ends: dict[str, Any] = {"requests": os.open(chan / "requests", os.O_RDWR), "keep_open": []}
    for name in ("results", "log"):
        read = os.open(chan / name, os.O_RDONLY | os.O_NONBLOCK)
        ends["keep_open"].append(os.open(chan / name, os.O_WRONLY))
        os.set_blocking(read, name != "log")  # the log is drained without blocking (`_Log`)
        ends[name] = read
    return ends


def _thread(name: str, target: Any, *args: Any) -> threading.Thread:
    thread = threading.Thread(target=target, args=args, name=f"relay-{name}", daemon=True)
    thread.start()
    return thread


def _copy(source: int, target: int, log: _Log) -> None:
    """Copy results until EOF on `source` or either side failing, each chunk after what the log
    holds by then."""
    _pump(source, target, log.flush)


def _pump(source: int, target: int, before_each: Callable[[], object]) -> None:
    """Copy until EOF on `source` or either side failing (its other side notices too), calling
    `before_each` before each chunk is written."""
    try:
        while chunk := os.read(source, 1 << 16):
            before_each()
            _write_all(target, chunk)
    except OSError:
        pass


def _write_all(target: int, chunk: bytes) -> None:
    view = memoryview(chunk)
    while view:
        view = view[os.write(target, view) :]


class _Log:
    """The log FIFO's relay. Its thread waits for output unlocked and copies it under a lock;
    `flush` (from the results relay) takes the same lock to copy what is there right now, so
    output written before a result reaches the runner before that result, in order.

    One flush copies at most the FIFO's capacity: all that can have been written before the
    result, and a child that never stops printing cannot hold the lock (or its results) for good.
    """

    def __init__(self, source: int, target: int) -> None:
        self._source, self._target = source, target  # `source` is non-blocking
        self._lock = threading.Lock()
        try:
            self._capacity = fcntl.fcntl(source, fcntl.F_GETPIPE_SZ)
        except OSError:
            self._capacity = 1 << 20  # the most a pipe holds by default (pipe-max-size)

    def relay(self) -> None:
        """Copy until EOF (or either side failing)."""
        poller = select.poll()
        poller.register(self._source, select.POLLIN)  # hang-ups are reported too
        try:
            while True:
                poller.poll()
                if not self.flush():
                    return
        except OSError:
            pass

    def flush(self) -> bool:
        """Copy what the FIFO holds now (up to its capacity); False once it is at EOF."""
        with self._lock:
            left = self._capacity
            while left > 0:
                try:
                    chunk = os.read(self._source, min(left, 1 << 16))
                except BlockingIOError:
                    return True
                if not chunk:
                    return False
                _write_all(self._target, chunk)
                left -= len(chunk)
            return True


def _relay_results(
    ends: dict[str, Any], chan: Path, result_fd: int, opened: threading.Event, log: _Log
) -> None:
    """The handshake, then the results. The shell writes HELLO once it holds all three FIFOs;
    we unlink them (so nothing in the container can open them again: a second reader could
    steal requests or results) and answer GO, and only then does the shell exec the child."""
    try:
        if os.read(ends["results"], len(HELLO)) != HELLO:
            return  # the container died before the handshake (EOF) or broke it
        for name in FIFOS:
            os.unlink(chan / name)
        os.write(ends["requests"], GO)
    except OSError:
        return
    finally:
        opened.set()
    _copy(ends["results"], result_fd, log)


def _relay_requests(
    request_fd: int, fifo: int, opened: threading.Event, runner_gone: threading.Event
) -> None:
    """The runner's requests, once the handshake is done. At EOF (the runner closed its end or
    died) the child gets EOF too, and `runner_gone` starts the orphan grace."""
    _pump(request_fd, fifo, opened.wait)
    runner_gone.set()
    opened.wait()  # the handshake writes GO on this fd
    os.close(fifo)


def _wait(container: Any, runner_gone: threading.Event) -> tuple[int, bool, str]:
    """Block until the container exits: (exit code, OOMKilled, the engine's failure or "").
    When the runner is gone (its request pipe closed) the child gets EOF and a short grace, then
    the container is killed."""
    deadline = None
    while True:
        if deadline is None and runner_gone.is_set():
            deadline = time.monotonic() + ORPHAN_GRACE_S
        try:
            if deadline is not None and time.monotonic() > deadline:
                container.kill()
            # "next-exit" answers ~0.3 s sooner than "not-running" on podman, but never for a
            # container that exited before the call: hence the short timeout and the check below.
            container.wait(timeout=WAIT_POLL_S, condition="next-exit")
            break
        except (DockerException, OSError):  # a read timeout (still running?), or a hiccup
            pass
        try:
            container.reload()
        except NotFound:
            return EXIT_NOT_STARTED, False, "the engine lost the running container"
        except DockerException:
            continue
        if not container.attrs.get("State", {}).get("Running"):
            break
    try:
        container.reload()
    except DockerException as exc:
        return EXIT_NOT_STARTED, False, f"the engine failed to inspect it ({_one_line(exc)})"
    state = container.attrs.get("State", {})
    return int(state.get("ExitCode", EXIT_NOT_STARTED)), bool(state.get("OOMKilled")), ""


def _exit_note(code: int, oom: bool, spec: dict[str, Any]) -> str:
    if code == 137 and (oom or spec.get("memory_mb")):
        # cgroup v1 engines (podman here) report OOMKilled false even for a limit kill.
        return (
            f"the container exited with code 137: killed by SIGKILL, most likely at its "
            f"memory limit ({spec.get('memory_mb')} MB){' (OOMKilled)' if oom else ''}"
        )
    if code > 128:
        return f"the container exited with code {code} (killed by signal {code - 128})"
    return f"the container exited with code {code}"


def _start_reaper(spec: dict[str, Any], name: str, channel: Path) -> subprocess.Popen[bytes]:
    engine = {key: spec[key] for key in ("base_url", "api_version")}
    order = json.dumps({**engine, "name": name, "channel": str(channel)})
    return subprocess.Popen(
        [sys.executable, "-I", os.path.abspath(__file__), "--reap", order],
        stdin=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,  # out of the runner's process group: its killpg spares us
    )


def reap(order: dict[str, str]) -> int:
    """Wait for the launcher to die (EOF on stdin), then remove its container and channel."""
    while sys.stdin.buffer.read(1 << 12):
        pass
    try:
        client = docker.DockerClient(
            base_url=order["base_url"], version=order["api_version"], timeout=60
        )
        for attempt in range(2):
            try:
                client.containers.get(order["name"]).remove(force=True)
            except NotFound:
                if attempt == 0:
                    time.sleep(REAP_RETRY_S)
                continue
            except APIError:  # already being removed
                pass
            break
    except (DockerException, OSError):  # the engine is gone: nothing left to remove there
        pass
    finally:
        shutil.rmtree(order["channel"], ignore_errors=True)
    return 0


def _engine_failed(spec: dict[str, Any], message: str) -> None:
    """Record a failure of the engine (not of the child) where the grader reads it after the run
    (`Launch.sandbox_failure`): a host file beside the work dir, out of the container's reach."""
    path = spec.get("failure_path")
    if path:
        try:
            Path(path).write_text(message + "\n", encoding="utf-8")
        except OSError:
            pass


def _note(message: str) -> None:
    """One line in the run's log (this process's stderr is the runner's log pipe)."""
    sys.stderr.write(f"[sandbox] {message}\n")
    sys.stderr.flush()


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:300] or type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
