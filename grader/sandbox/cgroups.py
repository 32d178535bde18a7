"""A CPU cgroup of its own for every bwrap run, so a run's threads share the CPU as one.

Without it, every sandboxed thread is scheduled as a peer of every other task in the grader's
cgroup: a run spinning 250 threads got 250 shares to its neighbour's one, and the neighbour's
calls, 50 times slower, timed out (session autogroups do not help inside a container, where the
tasks are not in the host's root cgroup). In its own group a run weighs as much as any other,
however many threads it starts. The container backend gets the same from its engine (a cgroup
per container).

cgroup v1's `cpu` hierarchy (what these hosts mount writable at /sys/fs/cgroup/cpu); where there
is none, or it cannot be written, runs go without (`cpu_group` returns None) and only the uid
separates them. Used by `grader.sandbox.bwrap`; nothing here runs at import time.
"""

from __future__ import annotations

import shlex
from pathlib import Path

CPU_HIERARCHY = Path("/sys/fs/cgroup/cpu")
# Each run's group sits at the top of the hierarchy (not under a shared parent, which would
# weigh as one task: every sandboxed run together would get one task's share of the host).
PREFIX = "takehome-run-"


def cpu_group(uid: int, hierarchy: Path = CPU_HIERARCHY) -> Path | None:
    """The run's CPU cgroup, named by its (leased, so exclusive) uid; None where none can be
    made. An existing one (left by a grader that died) is reused."""
    if not (hierarchy / "cgroup.procs").is_file() or not (hierarchy / "cpu.shares").is_file():
        return None
    group = hierarchy / f"{PREFIX}{uid}"
    try:
        group.mkdir(exist_ok=True)
    except OSError:
        return None
    return group


def join_command(group: Path) -> tuple[str, ...]:
    """A command prefix that moves itself into `group`, then execs the rest of the command (so
    everything the run starts stays in it)."""
    procs = shlex.quote(str(group / "cgroup.procs"))
    return ("/bin/sh", "-c", f'echo $$ > {procs} && exec "$@"', "sh")


def remove_group(group: Path) -> None:
    """Remove the run's group once its processes are gone (one still busy is left: reused)."""
    try:
        group.rmdir()
    except OSError:
        pass
