"""A run keeping more threads runnable than its cores gets a low CPU weight
(`grader.sandbox.storm_watch`), on stand-in groups: a folder with `tasks` and `cpu.shares`."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from grader.sandbox.storm_watch import (
    DEMOTED_SHARES,
    StormWatch,
    runnable_limit,
    runnable_threads,
)


def group_of(tmp_path: Path, tids: list[int | str]) -> Path:
    group = tmp_path / "group"
    group.mkdir()
    (group / "tasks").write_text("".join(f"{tid}\n" for tid in tids))
    (group / "cpu.shares").write_text("1024\n")
    return group


def fake_proc(tmp_path: Path, states: dict[int, tuple[str, str]]) -> Path:
    """A /proc holding `<tid>/stat` for each tid: (command name, state)."""
    proc = tmp_path / "proc"
    for tid, (comm, state) in states.items():
        (proc / str(tid)).mkdir(parents=True)
        (proc / str(tid) / "stat").write_text(f"{tid} ({comm}) {state} 1 {tid} {tid} 0 -1\n")
    return proc


def test_runnable_threads_counts_state_r_whatever_the_command_name(tmp_path: Path) -> None:
    proc = fake_proc(
        tmp_path,
        {
            10: ("python", "R"),
            11: ("a (tricky) R name", "S"),  # the state is after the last parenthesis
            12: ("spin ) R", "R"),
            13: ("sleepy", "S"),
            14: ("disk", "D"),
        },
    )
    group = group_of(tmp_path, [10, 11, 12, 13, 14, 99])  # 99 ended meanwhile
    assert runnable_threads(group, proc) == 2
    assert runnable_threads(tmp_path / "no-such-group", proc) == 0


def test_the_limit_is_one_thread_per_core_and_two_spare() -> None:
    assert runnable_limit(2.0) == 4
    assert runnable_limit(1.5) == 4
    assert runnable_limit(1.0) == 3


def test_a_run_over_the_limit_sample_after_sample_is_demoted(tmp_path: Path) -> None:
    proc = fake_proc(tmp_path, {tid: ("python", "R") for tid in range(100, 106)})
    group = group_of(tmp_path, list(range(100, 106)))  # 6 runnable, the limit for 2 cores is 4
    watch = StormWatch(group, 2.0, interval_s=0.01, proc=proc).start()
    deadline = time.monotonic() + 5
    while not watch.demoted and time.monotonic() < deadline:
        time.sleep(0.01)
    watch.stop()
    assert watch.demoted
    assert (group / "cpu.shares").read_text() == str(DEMOTED_SHARES)


def test_a_run_within_its_cores_keeps_its_weight(tmp_path: Path) -> None:
    states = {100: ("python", "R"), 101: ("torch", "R"), 102: ("torch", "R"), 103: ("io", "S")}
    group = group_of(tmp_path, list(states))
    watch = StormWatch(group, 2.0, interval_s=0.01, proc=fake_proc(tmp_path, states)).start()
    time.sleep(0.3)  # some 30 samples
    watch.stop()
    assert not watch.demoted
    assert (group / "cpu.shares").read_text() == "1024\n"


def test_one_sample_over_the_limit_is_not_a_storm(tmp_path: Path) -> None:
    proc = fake_proc(tmp_path, {tid: ("python", "R") for tid in range(100, 110)})
    group = group_of(tmp_path, list(range(100, 110)))
    watch = StormWatch(group, 2.0, interval_s=0.05, proc=proc).start()
    time.sleep(0.07)  # one sample over the limit, then the burst is over
    (group / "tasks").write_text("100\n")
    time.sleep(0.3)
    watch.stop()
    assert not watch.demoted


@pytest.fixture
def spinners():
    """Eight processes spinning in a shell loop: eight runnable tasks on the real /proc."""
    processes = [subprocess.Popen(["sh", "-c", "while :; do :; done"]) for _ in range(8)]
    yield [p.pid for p in processes]
    for process in processes:
        process.kill()
        process.wait()


def test_busy_processes_on_the_host_are_seen_runnable(tmp_path: Path, spinners) -> None:
    group = group_of(tmp_path, spinners)
    seen = max(runnable_threads(group) for _ in range(20))
    assert seen > runnable_limit(2.0)  # eight busy tasks on two cores: all running or waiting
