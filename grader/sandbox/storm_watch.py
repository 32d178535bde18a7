"""Lowering the CPU weight of a run that keeps more threads runnable than its CPU budget.

Each bwrap run has a CPU cgroup of its own (`grader.sandbox.cgroups`), with the same weight as any
other run. On the hosts measured here that does not give a neighbour its share against a storm:
beside a group of hundreds of GIL-bound threads, a CPU-bound loop in a group of equal
`cpu.shares` got 2-40 % of a core, not the half its weight promises, while the same loop beside
the storm's group at `cpu.shares` 32 ran at full speed. A run that keeps more threads runnable
than it has cores is what makes the weight fail, so such a run gets the low weight: `StormWatch`
samples the group's threads twice a second and, after `STRIKES` samples in a row with more than
`runnable_limit` of them runnable, writes `DEMOTED_SHARES` to the group for the rest of the run.

A weight only counts when runs compete for the cores: a demoted run alone on the host runs as
fast as before, and a pipeline using its cores as announced (torch's threads, one per core) is
never demoted. Where the group has no `tasks` file or the weight cannot be written, nothing
happens.
"""

from __future__ import annotations

import math
import threading
from pathlib import Path

from grader.sandbox.cgroups import set_shares
from grader.sandbox.proc import read_stat

DEMOTED_SHARES = 32  # the storm's weight at which a neighbour's loop ran at full speed here
INTERVAL_S = 0.5  # between samples
STRIKES = 3  # samples in a row over the limit before the run is demoted
SPARE_THREADS = 2  # runnable beyond one per core that never count (the main thread, a helper)


def runnable_limit(cpus: float) -> int:
    """How many of a run's threads may be runnable at once before it counts as storming."""
    return math.ceil(cpus) + SPARE_THREADS


def runnable_threads(group: Path, proc: Path = Path("/proc")) -> int:
    """How many of the group's threads are running or waiting for a core now (state R)."""
    try:
        tids = (group / "tasks").read_text().split()
    except OSError:
        return 0
    stats = (read_stat(proc / tid / "stat") for tid in tids)
    return sum(1 for stat in stats if stat is not None and stat[1][:1] == ["R"])


class StormWatch:
    """Watches one run's CPU group from a daemon thread until `stop`; `demoted` says whether
    the run's weight was lowered."""

    def __init__(
        self,
        group: Path,
        cpus: float,
        *,
        interval_s: float = INTERVAL_S,
        proc: Path = Path("/proc"),
    ) -> None:
        self.group, self.interval_s, self.proc = group, interval_s, proc
        self.limit = runnable_limit(cpus)
        self.demoted = False
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="storm-watch", daemon=True)

    def start(self) -> StormWatch:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        if self._thread.is_alive():
            self._thread.join()

    def _watch(self) -> None:
        strikes = 0
        while not self._stop.wait(self.interval_s):
            over = runnable_threads(self.group, self.proc) > self.limit
            strikes = strikes + 1 if over else 0
            if strikes >= STRIKES:
                self.demoted = set_shares(self.group, DEMOTED_SHARES)
                return


def watch(group: Path | None, cpus: float) -> StormWatch | None:
    """A started watch of the run's CPU group, or None when the run has none."""
    return None if group is None else StormWatch(group, cpus).start()
