"""How much CPU the rest of the host used while the latency phase timed the two children.

Pairing the two children's calls cancels a slowdown that stretches every call alike. A process
spinning on one core of a 2-core host does not: a call that waits for a second thread (torch
splits its work across both cores) slows two to three times, a single-threaded one barely, so the
ratio of a multi-threaded submission to the starter moves with the host's load (benchmarks/README,
"Latency repeatability"). The phase therefore measures what else ran: the host's busy CPU time
(`/proc/stat`) less the time of the processes that are the grade's own (the grader, everything
it started, every process of the runs' uids and the sandbox's helpers), per second of the
phase. A figure near zero says the ratios were measured on a quiet host.

Linux only; elsewhere, or where `/proc` cannot be read, every figure is None. A process's time
includes the children it has reaped, so a short-lived helper (the engine runs one for every pause
and resume) counts with its parent. One that ended unreaped, or whose parent is not the grade's,
shows as the rest's; a process of the grade's that ends between two readings counts twice
(its own time at the first, again in its parent's at the last), which understates the load by
as much: the children do not end during the phase.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from grader.sandbox.proc import read_stat
from grader.sandbox.uids import process_uids

PROC = Path("/proc")
BUSY_OF_IDLE = ("idle", "iowait")  # the /proc/stat columns that are not busy time


@dataclass(frozen=True)
class Reading:
    """One reading of the host: its busy CPU seconds and the grade's own, by pid."""

    at: float  # time.monotonic()
    host_busy_s: float
    own_s: dict[int, float]  # pid → CPU seconds so far of each of the grade's processes


def read(
    uids: Iterable[int],
    *,
    helpers: Collection[str] = (),
    proc: Path = PROC,
    owners: Callable[[], Mapping[int, tuple[int, int]]] = process_uids,
) -> Reading | None:
    """Read the host now. The grade's own processes: the grader and everything below it, every
    process of the runs' `uids`, and every process named in `helpers` (the sandbox's, as
    /proc/<pid>/comm names them: a container engine pausing and resuming the runs). `owners`
    gives pid → (real uid, effective uid); `proc` and `owners` are replaceable for tests."""
    busy = _host_busy_s(proc)
    if busy is None:
        return None
    run_uids = set(uids)
    table = _processes(proc)
    # the runs' processes as the sandbox tells them (real or effective uid: `uids.process_uids`)
    runs = {pid for pid, ids in owners().items() if run_uids & set(ids)} if run_uids else set()
    helping = {pid for pid, (_, _, name) in table.items() if name in helpers}
    own = (_descendants(table, os.getpid()) | runs | helping) & table.keys()
    tick = os.sysconf("SC_CLK_TCK")
    return Reading(time.monotonic(), busy, {pid: table[pid][1] / tick for pid in own})


def others_cores(first: Reading | None, last: Reading | None) -> float | None:
    """The CPU the rest of the host used between two readings, in cores (1.0: one core busy
    the whole time); None where either reading is missing or no time passed."""
    if first is None or last is None or last.at <= first.at:
        return None
    own = sum(s - first.own_s.get(pid, 0.0) for pid, s in last.own_s.items())
    others = (last.host_busy_s - first.host_busy_s) - own
    return max(0.0, others) / (last.at - first.at)


def _host_busy_s(proc: Path) -> float | None:
    try:
        line = (proc / "stat").read_text().splitlines()[0]
    except (OSError, IndexError):
        return None
    names = ("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal")
    fields = line.split()
    if fields[:1] != ["cpu"] or len(fields) < 1 + len(names):
        return None
    values = dict(zip(names, (int(v) for v in fields[1 : 1 + len(names)]), strict=True))
    busy = sum(v for name, v in values.items() if name not in BUSY_OF_IDLE)
    return busy / os.sysconf("SC_CLK_TCK")


def _processes(proc: Path) -> dict[int, tuple[int, int, str]]:
    """pid → (parent pid, CPU clock ticks, command name) of every readable process."""
    table: dict[int, tuple[int, int, str]] = {}
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        stat = read_stat(entry / "stat")
        if stat is None:
            continue  # ended meanwhile
        name, rest = stat
        try:
            parent = int(rest[1])
            # its own time and that of the children it has reaped (utime, stime, cutime, cstime):
            # a helper the engine starts for each pause ends between two readings
            ticks = sum(int(v) for v in rest[11:15])
        except (IndexError, ValueError):
            continue
        table[int(entry.name)] = (parent, ticks, name)
    return table


def _descendants(table: dict[int, tuple[int, int, str]], root: int) -> set[int]:
    """`root` and every process below it."""
    children: dict[int, list[int]] = {}
    for pid, (parent, *_) in table.items():
        children.setdefault(parent, []).append(pid)
    found, todo = set(), [root]
    while todo:
        pid = todo.pop()
        if pid in found:
            continue
        found.add(pid)
        todo.extend(children.get(pid, ()))
    return found
