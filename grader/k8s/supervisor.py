"""The sandbox container's process in a round's pod: starts the children the grader asks for.

It runs in the grader image (grader/Dockerfile) as the sandbox uid, from the round's ConfigMap, so
it uses the standard library only and imports nothing of the harness. The grader container's relay
(`grader.sandbox.pod_relay`) makes a run folder under /chan holding the container backend's three
FIFOs (`requests`, `results`, `log`), its own `control` and `status` FIFOs and `command.json`
(argv, environment, working dir, rlimits), and writes `run <folder>` on /chan/next. For each such
line this process starts argv (the backend's shell: it opens the three FIFOs, says hello, waits for
go and execs the child) in a session of its own, with the rlimits applied, and then:
- when the relay goes away (EOF on `control`: the run is over, timed out or killed), kills the
  child's process group;
- when the child exits, writes its exit code on `status` (128 + n for signal n, as a shell says).
`stop` on /chan/next (the grader is done) ends this process, and with it the container.

/chan is read-only here: nothing in this container can create, rename or remove anything in it,
only open the FIFOs the grader made. Kubernetes has no per-container limit on processes, so the
children's RLIMIT_NPROC (from the profile's `pids` budget) is set here.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

ORPHAN_REAP_S = 1.0  # how often zombies left by the runs' children are reaped
_LOCK = threading.Lock()  # guards _RUNNING between a child's start and the reaper
_RUNNING: set[int] = set()  # pids of the runs' own children, reaped by their `serve` thread
WAIT_FOR_CHANNEL_S = 0.2  # how often to look for /chan/next before the grader has made it
RLIMITS = {
    "nofile": resource.RLIMIT_NOFILE,
    "nproc": resource.RLIMIT_NPROC,
    "fsize": resource.RLIMIT_FSIZE,
    "cpu": resource.RLIMIT_CPU,
    "core": resource.RLIMIT_CORE,
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--channel", default="/chan", help="the channel volume's mount point")
    args = parser.parse_args(argv)
    channel = Path(args.channel)
    orders = channel / "next"
    threading.Thread(target=_reap_orphans, daemon=True).start()
    while not orders.exists():
        time.sleep(WAIT_FOR_CHANNEL_S)
    while True:
        # Blocks until the grader opens it for writing; EOF once every writer has closed it.
        with orders.open("rb", buffering=0) as stream:
            for line in _lines(stream):
                order = line.decode("utf-8", "replace").strip()
                if order == "stop":
                    return 0
                if order.startswith("run "):
                    folder = Path(order[4:])
                    # only folders the grader made in the channel
                    if folder.parent.parent == channel and ".." not in folder.parts:
                        threading.Thread(target=serve, args=(folder,), daemon=True).start()


def _reap_orphans() -> None:
    """This process is the container's pid 1, so processes a child left behind (say, started in
    a session of their own) become its children when their parent dies; reap them, or their
    zombies would count against the processes the sandbox uid may have. A run's own child is
    left to the thread waiting for it (`serve`)."""
    while True:
        time.sleep(ORPHAN_REAP_S)
        with _LOCK:
            while True:
                try:
                    info = os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
                except ChildProcessError:
                    break
                if info is None or info.si_pid in _RUNNING:
                    break
                try:
                    os.waitpid(info.si_pid, 0)
                except ChildProcessError:
                    pass


def _lines(stream):
    buffer = b""
    while chunk := stream.read(4096):
        buffer += chunk
        *lines, buffer = buffer.split(b"\n")
        yield from lines


def serve(folder: Path) -> None:
    """Start one run's child, kill it when its relay is gone, report its exit code."""
    try:
        order = json.loads((folder / "command.json").read_text(encoding="utf-8"))
        limits = {RLIMITS[name]: int(value) for name, value in order["rlimits"].items()}
        control = os.open(folder / "control", os.O_RDONLY)
    except (OSError, ValueError, KeyError, TypeError) as exc:
        _note(f"run {folder.name} could not start: {exc}")
        return

    def limit() -> None:
        for which, value in limits.items():
            resource.setrlimit(which, (value, value))

    try:
        with _LOCK:  # the reaper must not take this child for an orphan before it is listed
            child = subprocess.Popen(
                order["argv"],
                env=order["env"],
                cwd=order["cwd"],
                stdin=subprocess.DEVNULL,
                start_new_session=True,  # its own process group: killed whole
                preexec_fn=limit,
                close_fds=True,
            )
            _RUNNING.add(child.pid)
    except (OSError, subprocess.SubprocessError) as exc:
        _note(f"run {folder.name} could not start: {exc}")
        _report(folder, 125)
        os.close(control)
        return
    watcher = threading.Thread(target=_kill_when_gone, args=(control, child), daemon=True)
    watcher.start()
    code = child.wait()
    _RUNNING.discard(child.pid)
    _kill_group(child.pid)  # whatever it left in its group goes with it
    _report(folder, 128 - code if code < 0 else code)


def _kill_when_gone(control: int, child: subprocess.Popen) -> None:
    try:
        while os.read(control, 64):
            pass
    except OSError:
        pass
    finally:
        os.close(control)
    if child.poll() is None:
        _kill_group(child.pid)


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except OSError:
        pass


def _report(folder: Path, code: int) -> None:
    try:
        fd = os.open(folder / "status", os.O_WRONLY | os.O_NONBLOCK)
    except OSError:  # the relay is gone: nobody asks
        return
    try:
        os.write(fd, f"{code}\n".encode())
    except OSError:
        pass
    finally:
        os.close(fd)


def _note(message: str) -> None:
    sys.stderr.write(f"[supervisor] {message}\n")
    sys.stderr.flush()


if __name__ == "__main__":
    sys.exit(main())
