"""A uid of its own for every sandboxed run: leased from a range, held by a lock file.

RLIMIT_NPROC counts the processes and threads of a *uid* across the whole host, so runs that share
a uid share that budget: one submission starting hundreds of threads made a correct one graded
beside it fail to start a thread (or its container's init fail to fork). Like IOI's `isolate`,
which runs box N as uid `first_uid + N`, each run here takes the first free uid of a `UidRange`:
free means no lease holds `<lock_dir>/<uid>.lock` (an exclusive `flock`, so two grader processes,
or two threads of `grade-many`, never get the same one) and no process runs as that uid. The lock
lives as long as the lease's open file, so a grader that dies releases its uids with it.

Used by `grader.sandbox.interface.IsolatingSandbox.lease`; the backends run the child as
`UidLease.uid` (bwrap through setpriv, the container backend as the container's user).
`UidLease.release` ends whatever still runs as the uid (a container the engine has not removed
yet) before it gives the uid back. Nothing here runs at import time.
"""

from __future__ import annotations

import errno
import fcntl
import os
import signal
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

FIRST_UID = 61000  # above isolate's default range (60000..60999), below nobody (65534)
UID_COUNT = 256  # concurrent runs one host may hold
RUN_DIR = Path("/run/takehome/uids")  # root's lock folder: nothing else on the host writes there
RELEASE_WAIT_S = 10.0  # how long the last processes of a released uid may take to go


class UidLeaseError(Exception):
    """No uid can be leased (the lock folder is unusable, or every uid is taken); the message
    says what to do. `grader.sandbox.interface` turns it into a `SandboxError`."""


def default_lock_dir() -> Path:
    """Root's `/run/takehome/uids`; another user's own folder in the temp dir."""
    if os.geteuid() == 0:
        return RUN_DIR
    return Path(tempfile.gettempdir()) / f"takehome-uids-{os.geteuid()}"


@dataclass(frozen=True)
class UidRange:
    """The uids runs are leased from: `first` .. `first + count - 1`, locked in `lock_dir`."""

    first: int = FIRST_UID
    count: int = UID_COUNT
    lock_dir: Path = field(default_factory=default_lock_dir)

    def __post_init__(self) -> None:
        if isinstance(self.first, bool) or not isinstance(self.first, int) or self.first < 1:
            raise ValueError(f"first uid must be a positive integer, got {self.first!r}")
        if isinstance(self.count, bool) or not isinstance(self.count, int) or self.count < 1:
            raise ValueError(f"uid count must be a positive integer, got {self.count!r}")
        if self.first + self.count > 65534:
            raise ValueError(
                f"uids {self.first}..{self.first + self.count - 1} reach nobody (65534): "
                "choose a lower first uid or fewer uids"
            )

    def describe(self) -> str:
        return f"{self.first}..{self.first + self.count - 1}"


class UidLease:
    """One leased uid (its gid is the same number). `release` gives it back; so does the
    lease's garbage collection or the process's end, without the clean-up of its processes."""

    def __init__(self, uid: int, lock_fd: int | None, *, sweep: bool) -> None:
        self.uid = uid
        self._fd = lock_fd  # None: a pinned uid, not leased from a range
        self._sweep = sweep  # kill what still runs as the uid on release (root only)

    @classmethod
    def pinned(cls, uid: int) -> UidLease:
        """A fixed uid that no lock guards (a test's, or a deliberately shared one)."""
        return cls(uid, None, sweep=False)

    @property
    def held(self) -> bool:
        """Whether this lease still holds its uid's lock (always False for a pinned uid)."""
        return self._fd is not None

    def release(self) -> None:
        """End every process still running as the uid, then unlock it. Safe to call twice."""
        if self._fd is None:
            return
        if self._sweep:
            _end_processes(self.uid, RELEASE_WAIT_S)
        fd, self._fd = self._fd, None
        os.close(fd)  # closing the file drops the flock

    def __del__(self) -> None:
        fd, self._fd = getattr(self, "_fd", None), None
        if fd is not None:
            os.close(fd)

    def __repr__(self) -> str:
        return f"UidLease(uid={self.uid}, held={self.held})"


def lease_uid(uids: UidRange) -> UidLease:
    """The first free uid of `uids`, locked until the lease is released.

    Raises `UidLeaseError` when the lock folder cannot be made or every uid is taken.
    """
    folder = Path(uids.lock_dir)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise UidLeaseError(
            f"cannot create the sandbox uid lock folder {folder} ({exc.strerror}): "
            "run the grader as root or give a writable folder"
        ) from None
    running = _uids_running()
    for uid in range(uids.first, uids.first + uids.count):
        if uid in running:
            continue  # someone else's process, or a run that has not ended yet
        try:
            fd = os.open(folder / f"{uid}.lock", os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError as exc:
            raise UidLeaseError(
                f"cannot open a sandbox uid lock in {folder} ({exc.strerror}): "
                "run the grader as root or give a writable folder"
            ) from None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as exc:
            os.close(fd)
            if exc.errno in (errno.EAGAIN, errno.EACCES):
                continue  # leased by another run
            raise UidLeaseError(f"cannot lock {folder / f'{uid}.lock'} ({exc.strerror})") from None
        if uid in _uids_running():  # it started between the scan and the lock
            os.close(fd)
            continue
        return UidLease(uid, fd, sweep=os.geteuid() == 0)
    raise UidLeaseError(
        f"every sandbox uid ({uids.describe()}) is in use: wait for running grades to finish or "
        "grade fewer submissions at a time"
    )


def processes_of(uid: int) -> list[int]:
    """Pids of the processes whose real or effective uid is `uid` (Linux /proc; [] elsewhere)."""
    return [pid for pid, uids in process_uids().items() if uid in uids]


def _uids_running() -> set[int]:
    found: set[int] = set()
    for uids in process_uids().values():
        found.update(uids)
    return found


def process_uids() -> dict[int, tuple[int, int]]:
    """pid -> (real uid, effective uid) for every process this host shows."""
    table: dict[int, tuple[int, int]] = {}
    try:
        names = os.listdir("/proc")
    except OSError:
        return table
    for name in names:
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/status", encoding="ascii", errors="replace") as status:
                for line in status:
                    if line.startswith("Uid:"):
                        parts = line.split()
                        table[int(name)] = (int(parts[1]), int(parts[2]))
                        break
        except (OSError, ValueError, IndexError):
            continue  # gone meanwhile
    return table


def _end_processes(uid: int, wait_s: float) -> None:
    """SIGKILL every process running as `uid` until none is left (or `wait_s` passed)."""
    deadline = time.monotonic() + wait_s
    while pids := processes_of(uid):
        for pid in pids:
            try:
                os.kill(pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
        if time.monotonic() > deadline:
            return  # zombies of a parent that has not reaped them: the next lease skips the uid
        time.sleep(0.05)
