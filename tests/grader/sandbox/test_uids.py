"""Leasing a uid per run (`grader.sandbox.uids`): distinct while held, across processes too,
busy uids skipped, leftovers ended on release, a clear error when none is free."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader.sandbox.interface import IsolatingSandbox, Launch, SandboxError
from grader.sandbox.uids import UidLease, UidLeaseError, UidRange, lease_uid, processes_of
from tests.grader.sandbox.helpers import LIMITS

needs_root = pytest.mark.skipif(os.geteuid() != 0, reason="running as another uid needs root")
# A range no other test or grade on this host uses (the default starts at 61000).
FIRST = 64000


def uids(tmp_path: Path, count: int = 4) -> UidRange:
    return UidRange(first=FIRST, count=count, lock_dir=tmp_path / "locks")


def test_leases_held_at_once_get_distinct_uids_and_a_released_one_is_reused(
    tmp_path: Path,
) -> None:
    pool = uids(tmp_path)
    first, second = lease_uid(pool), lease_uid(pool)
    assert (first.uid, second.uid) == (FIRST, FIRST + 1)
    assert first.held and second.held
    first.release()
    assert not first.held
    again = lease_uid(pool)
    assert again.uid == FIRST  # the first free one
    first.release()  # twice is harmless
    for lease in (second, again):
        lease.release()


def test_a_uid_leased_by_another_process_is_not_handed_out(tmp_path: Path) -> None:
    pool = uids(tmp_path)
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, pathlib; from grader.sandbox.uids import UidRange, lease_uid; "
            f"lease = lease_uid(UidRange({FIRST}, 4, pathlib.Path({str(pool.lock_dir)!r}))); "
            "print(lease.uid, flush=True); sys.stdin.read()",
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout is not None
        assert int(holder.stdout.readline()) == FIRST
        mine = lease_uid(pool)
        assert mine.uid == FIRST + 1
        mine.release()
    finally:
        holder.communicate("")
    # the holder is gone, and its lock with it (no release ran)
    freed = lease_uid(pool)
    assert freed.uid == FIRST
    freed.release()


def test_a_garbage_collected_lease_gives_its_uid_back(tmp_path: Path) -> None:
    pool = uids(tmp_path)
    lease_uid(pool)  # dropped at once
    kept = lease_uid(pool)
    assert kept.uid == FIRST
    kept.release()


def test_every_uid_taken_is_an_error_that_says_what_to_do(tmp_path: Path) -> None:
    pool = uids(tmp_path, count=2)
    held = [lease_uid(pool), lease_uid(pool)]
    with pytest.raises(UidLeaseError, match=f"every sandbox uid \\({FIRST}..{FIRST + 1}\\)"):
        lease_uid(pool)
    for lease in held:
        lease.release()


def test_a_range_reaching_nobody_is_refused() -> None:
    with pytest.raises(ValueError, match="reach nobody"):
        UidRange(first=65500, count=100)
    with pytest.raises(ValueError, match="uid count"):
        UidRange(count=0)


def test_an_unusable_lock_folder_is_a_sandbox_error(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    sandbox = _Isolating(uids=UidRange(FIRST, 2, blocker / "locks"))
    with pytest.raises(SandboxError, match="cannot create the sandbox uid lock folder"):
        sandbox.lease()


def test_a_pinned_uid_is_neither_locked_nor_swept() -> None:
    pinned = _Isolating(uid=12345).lease()
    assert pinned.uid == 12345 and not pinned.held
    pinned.release()
    assert isinstance(pinned, UidLease)


@needs_root
def test_a_uid_some_process_runs_as_is_skipped(tmp_path: Path) -> None:
    squatter = _run_as(FIRST)
    try:
        lease = lease_uid(uids(tmp_path))
        assert lease.uid == FIRST + 1
        lease.release()
    finally:
        squatter.kill()
        squatter.wait()


@needs_root
def test_release_ends_what_still_runs_as_the_uid(tmp_path: Path) -> None:
    lease = lease_uid(uids(tmp_path))
    leftover = _run_as(lease.uid)  # e.g. a container the engine has not removed yet
    assert processes_of(lease.uid) == [leftover.pid]
    lease.release()
    assert leftover.wait(timeout=5) == -9
    assert processes_of(lease.uid) == []


def _run_as(uid: int) -> subprocess.Popen[bytes]:
    process = subprocess.Popen(
        ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "sleep", "60"]
    )
    deadline = time.monotonic() + 5
    while not processes_of(uid) and time.monotonic() < deadline:
        time.sleep(0.02)
    return process


class _Isolating(IsolatingSandbox):
    """An isolating backend reduced to its uid lease (no host probe, no launch)."""

    name = "test"

    def __init__(self, **options: object) -> None:
        super().__init__(LIMITS, **options)  # type: ignore[arg-type]

    def probe(self) -> str | None:
        return None

    def prepare(self, submission: Path, corpus: Path, work: Path) -> Launch:
        raise NotImplementedError
