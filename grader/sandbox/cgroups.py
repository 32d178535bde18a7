"""A CPU cgroup of its own for every bwrap run, so a run's threads share the CPU as one; and a
freezer cgroup, so the grader can hold a run still while another run is being timed.

Without it, every sandboxed thread is scheduled as a peer of every other task in the grader's
cgroup: a run spinning 250 threads got 250 shares to its neighbour's one, and the neighbour's
calls, 50 times slower, timed out (session autogroups do not help inside a container, where the
tasks are not in the host's root cgroup). In its own group a run weighs as much as any other,
however many threads it starts: so the weights promise. Against a group of hundreds of GIL-bound
threads they did not hold here (a neighbour's loop got 2-40 % of a core, not half), so a run that
keeps more threads runnable than its cores is given a low weight (`grader.sandbox.storm_watch`).
The container backend gets a cgroup per container from its engine.

cgroup v1's `cpu` hierarchy (what these hosts mount writable at /sys/fs/cgroup/cpu); where there
is none, or it cannot be written, runs go without (`cpu_group` returns None) and only the uid
separates them. Used by `grader.sandbox.bwrap`; nothing here runs at import time.

The freezer (cgroup v1's `freezer` hierarchy) serves the grade's latency phase, where the
submission's child stays alive while the baseline's calls are timed: frozen, it cannot spend the
cores it shares with the baseline (a pipeline that spins while it waits would slow the baseline
and flatter its own ratio). Where there is no writable freezer, runs go without one.
"""

from __future__ import annotations

import shlex
import time
from pathlib import Path

CPU_HIERARCHY = Path("/sys/fs/cgroup/cpu")
FREEZER_HIERARCHY = Path("/sys/fs/cgroup/freezer")
FREEZE_WAIT_S = 2.0  # how long freezing may take before the grader gives up and thaws
# Each run's group sits at the top of the hierarchy (not under a shared parent, which would
# weigh as one task: every sandboxed run together would get one task's share of the host).
PREFIX = "takehome-run-"
RUN_SHARES = 1024  # every run's CPU weight (the kernel's default for a new group)


def cpu_group(uid: int, hierarchy: Path = CPU_HIERARCHY) -> Path | None:
    """The run's CPU cgroup, named by its (leased, so exclusive) uid; None where none can be
    made. An existing one (left by a grader that died) is reused."""
    if not (hierarchy / "cgroup.procs").is_file() or not (hierarchy / "cpu.shares").is_file():
        return None
    group = _made(hierarchy, uid)
    if group is not None and (group / "cpu.shares").is_file():
        # one left behind may have been demoted (`grader.sandbox.storm_watch`): a new run
        # starts with the weight every run has
        set_shares(group, RUN_SHARES)
    return group


def set_shares(group: Path, shares: int) -> bool:
    """Give the CPU group the weight `shares`; False when it cannot be written."""
    try:
        (group / "cpu.shares").write_text(str(shares))
    except OSError:
        return False
    return True


def freezer_group(uid: int, hierarchy: Path = FREEZER_HIERARCHY) -> Path | None:
    """The run's freezer cgroup, named by its uid; None where none can be made."""
    group = _made(hierarchy, uid) if (hierarchy / "cgroup.procs").is_file() else None
    if group is None:
        return None
    if not (group / "freezer.state").is_file():
        remove_group(group)
        return None
    # one left behind by a grader killed while it held the run: what is still in it was killed
    # with its grader and dies once thawed; a new run must not join a frozen group
    thaw(group)
    return group


def freeze(group: Path, wait_s: float = FREEZE_WAIT_S) -> bool:
    """Stop every task of the group; True once the kernel says it is frozen (else it is thawed
    again and False: the caller goes on without the hold)."""
    state = group / "freezer.state"
    try:
        state.write_text("FROZEN")
        deadline = time.monotonic() + wait_s
        while state.read_text().strip() != "FROZEN":
            if time.monotonic() > deadline:
                thaw(group)
                return False
            time.sleep(0.001)
    except OSError:
        return False
    return True


def thaw(group: Path) -> None:
    """Let the group's tasks run again (nothing to do when it is not frozen or is gone)."""
    try:
        (group / "freezer.state").write_text("THAWED")
    except OSError:
        pass


def run_groups(uid: int) -> tuple[Path | None, Path | None, tuple[str, ...]]:
    """The run's CPU and freezer groups (each None where the host has no such hierarchy) and
    the command prefix that joins those made."""
    group, freezer = cpu_group(uid), freezer_group(uid)
    made = [g for g in (group, freezer) if g is not None]
    return group, freezer, join_command(*made) if made else ()


def join_command(*groups: Path) -> tuple[str, ...]:
    """A command prefix that moves itself into each of `groups`, then execs the rest of the
    command (so everything the run starts stays in them)."""
    joins = " && ".join(f"echo $$ > {shlex.quote(str(g / 'cgroup.procs'))}" for g in groups)
    return ("/bin/sh", "-c", f'{joins} && exec "$@"', "sh")


def remove_group(group: Path) -> None:
    """Remove the run's group once its processes are gone (one still busy is left: reused)."""
    try:
        group.rmdir()
    except OSError:
        pass


def _made(hierarchy: Path, uid: int) -> Path | None:
    """The run's group in `hierarchy` (made, or reused when left behind); None when it cannot be."""
    group = hierarchy / f"{PREFIX}{uid}"
    try:
        group.mkdir(exist_ok=True)
    except OSError:
        return None
    return group
