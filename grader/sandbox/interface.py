"""The sandbox seam: what a run may use (`Limits`), how a backend launches it (`Sandbox`, `Launch`).

The grader picks a backend (`grader.sandbox.choose`), asks it to `prepare` one run, and hands the
resulting `Launch.runner_options()` to `exercise.runner.run_submission`, which starts the child
through the backend's command prefix. Wall-time limits (build, per call) and the log cap are
enforced by the runner; the other limits by the backend. Backends live in sibling modules
(`bwrap`, `none`, `docker`); the registry that names them is `grader.sandbox.registry`.
"""

from __future__ import annotations

import dataclasses
import os
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import ClassVar

import exercise
from exercise.runner import ChildPaths, RunnerOptions
from grader.sandbox.cgroups import freeze, remove_group, thaw
from grader.sandbox.storm_watch import StormWatch
from grader.sandbox.uids import UidLease, UidLeaseError, UidRange, lease_uid

MIB = 1 << 20
SHM_MB = 64  # /dev/shm: enough for multiprocessing's semaphores and small shared arrays
LOG_CAP_BYTES = 4 * MIB  # the child's stdout + stderr kept per run
# the variables numeric libraries size their thread pools by
THREAD_POOLS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS", "NUMEXPR_NUM_THREADS")


class SandboxError(Exception):
    """A sandbox cannot be set up here; the message names what is missing and what to do."""


@dataclass(frozen=True)
class Limits:
    """What one sandboxed run may use. Every field is per run and enforced on every child.

    The sandbox's own record: the grader derives it from a profile's budgets
    (`grader.grade.session.sandbox_limits`), so no backend depends on how profiles spell them.
    """

    build_timeout_s: float  # wall time for import + construct + build() (the runner)
    call_timeout_s: float  # wall time for one search() or answer() call (the runner)
    cpu_s: int  # RLIMIT_CPU per process: a backstop behind the wall limits
    # bwrap: RLIMIT_AS per process (address space, so a little above resident memory);
    # docker: the container's memory limit (resident, no swap; exceeding it kills, exit 137)
    memory_mb: int
    pids: int  # RLIMIT_NPROC: processes and threads of the run's own uid
    file_size_mb: int  # RLIMIT_FSIZE: the largest file the child may write
    open_files: int = 1024  # RLIMIT_NOFILE
    cpus: float = 2.0  # thread pools (OMP, MKL, OpenBLAS...) are capped to this many threads
    tmp_mb: int = 512  # size of /tmp, which is memory (tmpfs)
    log_cap_bytes: int = LOG_CAP_BYTES  # stdout + stderr kept in the run's log
    # the whole run's wall time: build, every call and restarts (the runner); None: unbounded
    run_timeout_s: float | None = None

    def __post_init__(self) -> None:
        for field in dataclasses.fields(self):
            value = getattr(self, field.name)
            if value is None and field.name == "run_timeout_s":
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or not value > 0:
                raise ValueError(f"limit {field.name} must be a positive number, got {value!r}")

    def threads(self) -> int:
        """Threads a pool may start: the whole cores available (at least one)."""
        return max(1, int(self.cpus))


class Holder(ABC):
    """Stops everything one run has started, and lets it go again: how the grade keeps the
    submission off the cores while the baseline beside it is timed. A backend's own."""

    @abstractmethod
    def hold(self) -> bool:
        """Stop the run; False when it could not be stopped (and nothing is held)."""

    @abstractmethod
    def let_go(self) -> None:
        """Undo `hold` (harmless when nothing is held)."""

    def close(self) -> None:  # noqa: B027 - most holders have nothing to close
        """Free what holding needed (the run is over)."""


@dataclass(frozen=True)
class Launch:
    """How the runner starts one run's children: everything `RunnerOptions` needs from a backend."""

    isolation: str  # the backend's name, recorded in the report
    limits: Limits
    command_prefix: tuple[str, ...] = ()  # the launcher the child command runs under
    python: str | None = None  # the interpreter as the child sees it; None: the grader's own
    env: Mapping[str, str] | None = None  # the child's whole environment; None: the grader's
    child_paths: ChildPaths | None = None  # where the child sees its inputs; None: host paths
    # the uid the child runs as, leased for this run (None: the grader's own, no sandbox)
    lease: UidLease | None = dataclasses.field(default=None, compare=False)
    # where the backend's own launcher writes why the sandbox failed (an engine error), a host
    # path no sandboxed process can reach; None: the backend has no such launcher
    failure_path: Path | None = None
    # the run's own CPU cgroup (`grader.sandbox.cgroups`), removed on release; None: none made
    cpu_group: Path | None = None
    # the run's freezer cgroup (`hold` stops it while another run is timed); None: none made
    freezer_group: Path | None = None
    # lowers the CPU group's weight if the run storms threads (`grader.sandbox.storm_watch`)
    storm_watch: StormWatch | None = dataclasses.field(default=None, compare=False)
    # how `hold` stops the run where the backend has its own way (a container's pause)
    holder: Holder | None = dataclasses.field(default=None, compare=False)

    @property
    def uid(self) -> int | None:
        """The uid the child runs as (None: the grader's own)."""
        return None if self.lease is None else self.lease.uid

    def sandbox_failure(self) -> str | None:
        """Why the sandbox itself failed during the run, as its launcher recorded it, or None.

        Read after the run: only the grader's side writes this file, so a submission cannot
        make its own failure look like the sandbox's."""
        if self.failure_path is None:
            return None
        try:
            text = self.failure_path.read_text(encoding="utf-8", errors="replace").strip()
        except FileNotFoundError:
            return None
        return " ".join(text.split())[:500] or None

    def hold(self) -> bool:
        """Freeze everything the run has started (it cannot use a core until `let_go`); False
        when this launch cannot be held (no freezer here), and nothing was done."""
        if self.holder is not None:
            return self.holder.hold()
        if self.freezer_group is None:
            return False
        return freeze(self.freezer_group)

    def let_go(self) -> None:
        """Undo `hold` (harmless when the run is not held)."""
        if self.holder is not None:
            self.holder.let_go()
        if self.freezer_group is not None:
            thaw(self.freezer_group)

    def release(self) -> None:
        """Give the run's uid back (ending whatever still runs as it). Call once the run is over."""
        self.let_go()  # a frozen task cannot die: thaw first
        if self.storm_watch is not None:
            self.storm_watch.stop()
        if self.holder is not None:
            self.holder.close()
        if self.lease is not None:
            self.lease.release()
        for group in (self.cpu_group, self.freezer_group):
            if group is not None:
                remove_group(group)

    def with_thread_pools(self, threads: int) -> Launch:
        """This launch with every numeric library's thread pool sized to `threads`."""
        env = dict(os.environ if self.env is None else self.env)
        env.update(dict.fromkeys(THREAD_POOLS, str(threads)))
        return dataclasses.replace(self, env=env)

    def runner_options(self, *, max_restarts: int = RunnerOptions.max_restarts) -> RunnerOptions:
        """Options for `exercise.runner.run_submission`: this launch plus the wall limits."""
        return RunnerOptions(
            build_timeout_s=self.limits.build_timeout_s,
            call_timeout_s=self.limits.call_timeout_s,
            max_restarts=max_restarts,
            python=self.python,
            command_prefix=self.command_prefix,
            base_env=None if self.env is None else dict(self.env),
            child_paths=self.child_paths,
            log_cap_bytes=self.limits.log_cap_bytes,
            run_timeout_s=self.limits.run_timeout_s,
        )


class Sandbox(ABC):
    """One isolation backend. Instances are cheap; `problem()` may probe the host once."""

    name: ClassVar[str]  # the `--isolation` value
    isolated: ClassVar[bool]  # False only for `none`: the report must say the run was unisolated
    # names (as /proc/<pid>/comm gives them) of host processes that work for this backend's runs
    # but are neither the grader's children nor the runs' uid (a container engine's daemons):
    # what they use while a run is timed is the grade's own work, not another process's load
    helpers: ClassVar[tuple[str, ...]] = ()

    def __init__(self, limits: Limits) -> None:
        self.limits = limits

    @abstractmethod
    def problem(self) -> str | None:
        """Why this backend cannot run here (one line: what is missing, what to do), or None."""

    def available(self) -> bool:
        return self.problem() is None

    def require(self) -> None:
        """Raise `SandboxError` when this backend cannot run here."""
        problem = self.problem()
        if problem is not None:
            raise SandboxError(f"{self.name} sandbox unavailable: {problem}")

    @abstractmethod
    def prepare(self, submission: Path, corpus: Path, work: Path) -> Launch:
        """Set up one run: `submission` and `corpus` are mounted read-only, `work` (created here,
        empty) is the child's writable scratch. Raises `SandboxError` when that cannot be done."""


class IsolatingSandbox(Sandbox):
    """A backend that runs the child as an unprivileged uid, importing the grader's own
    `exercise` package; it probes the host once, on the first `problem()`.

    Each run gets a uid of its own, leased from `uids` (`grader.sandbox.uids`): concurrent runs
    never share a uid, so never RLIMIT_NPROC. `uid` pins one uid for every run instead (tests)."""

    isolated = True

    def __init__(
        self,
        limits: Limits,
        *,
        uid: int | None = None,
        uids: UidRange | None = None,
        harness_package: Path | None = None,
    ) -> None:
        super().__init__(limits)
        self.uid = uid  # None: lease one per run from `uids`
        self.uids = uids or UidRange()
        # The `exercise` package the child imports; the grader's own unless a test swaps it.
        self.harness_package = Path(harness_package or Path(exercise.__file__).parent).resolve()

    def problem(self) -> str | None:
        return self._probed

    @cached_property
    def _probed(self) -> str | None:
        return self.probe()

    @abstractmethod
    def probe(self) -> str | None:
        """What `problem()` answers, found out once per instance."""

    def child_env(self, *, path: str, home: str) -> dict[str, str]:
        """The child's whole environment, nothing of the grader's crossing: `path` its PATH,
        `home` (its writable scratch) its HOME, the model libraries offline, and every numeric
        library's thread pool sized to the limits."""
        threads = str(self.limits.threads())
        return {
            "PATH": path,
            "HOME": home,
            "TMPDIR": "/tmp",
            "LANG": "C.UTF-8",
            # the run's uid has no passwd entry: getpass.getuser() reads these first
            "USER": "sandbox",
            "LOGNAME": "sandbox",
            "HF_HUB_OFFLINE": "1",
            "TRANSFORMERS_OFFLINE": "1",
            "PYTHONDONTWRITEBYTECODE": "1",  # everything but the scratch and /tmp is read-only
            "PYTHONNOUSERSITE": "1",
            **dict.fromkeys(THREAD_POOLS, threads),
            "TOKENIZERS_PARALLELISM": "false",
        }

    def lease(self) -> UidLease:
        """The uid for one run: the pinned one, or a free one of `uids` (`SandboxError` when
        none is free). The caller releases it (`Launch.release`) once the run is over."""
        if self.uid is not None:
            return UidLease.pinned(self.uid)
        try:
            return lease_uid(self.uids)
        except UidLeaseError as exc:
            raise SandboxError(str(exc)) from None
