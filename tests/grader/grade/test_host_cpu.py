"""What the rest of the host used while the latency phase ran (grader.grade.host_cpu): read from
a made-up /proc, then from the real one with a process spinning outside the grade."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from grader.grade import host_cpu
from grader.grade.host_cpu import Reading, others_cores

pytestmark = pytest.mark.real_host
TICK = os.sysconf("SC_CLK_TCK")


def fake_proc(root: Path, busy_ticks: int, processes: dict[int, tuple[int, int]]) -> Path:
    """A /proc with a stat line and processes pid → (parent, utime ticks); owned by us."""
    root.mkdir(parents=True, exist_ok=True)
    idle = 10_000
    (root / "stat").write_text(f"cpu  {busy_ticks} 0 0 {idle} 0 0 0 0 0 0\ncpu0 1 2 3 4\n")
    for pid, (parent, utime) in processes.items():
        (root / str(pid)).mkdir(exist_ok=True)
        # the command name may hold spaces and parentheses: the parser splits after the last ")"
        fields = ["S", str(parent), *["0"] * 9, str(utime), "0", "0", "0"]
        (root / str(pid) / "stat").write_text(f"{pid} (a (b) c) " + " ".join(fields) + "\n")
    (root / "self").mkdir(exist_ok=True)
    return root


def test_the_grades_own_processes_are_taken_off_the_hosts_busy_time(tmp_path):
    me = os.getpid()
    before = fake_proc(tmp_path / "a", 1000, {me: (1, 100), 4242: (me, 50), 777: (1, 10)})
    after = fake_proc(
        tmp_path / "b",
        1000 + 5 * TICK,
        {me: (1, 100 + TICK), 4242: (me, 50 + 2 * TICK), 777: (1, 10 + 2 * TICK)},
    )
    first, last = host_cpu.read([], proc=before), host_cpu.read([], proc=after)
    assert set(first.own_s) == {me, 4242}  # the grader and what it started; 777 is another's
    # 5 s busy on the host, 3 s of it the grade's: 2 s of others' over the time between
    first = Reading(0.0, first.host_busy_s, first.own_s)
    last = Reading(4.0, last.host_busy_s, last.own_s)
    assert others_cores(first, last) == pytest.approx(2.0 / 4.0)


def test_a_runs_uid_counts_as_the_grades_own(tmp_path):
    proc = fake_proc(tmp_path / "p", 1000, {os.getpid(): (1, 1), 555: (1, 7)})

    def owners() -> dict[int, tuple[int, int]]:  # pid → (real uid, effective uid)
        return {os.getpid(): (0, 0), 555: (61000, 61000)}

    assert 555 not in host_cpu.read([61001], proc=proc, owners=owners).own_s
    assert 555 in host_cpu.read([61000], proc=proc, owners=owners).own_s


def test_a_sandbox_helper_counts_as_the_grades_own(tmp_path):
    proc = fake_proc(tmp_path / "p", 1000, {os.getpid(): (1, 1), 555: (1, 7)})
    # the fake's processes are all named "a (b) c" (a name may hold spaces and parentheses)
    assert 555 not in host_cpu.read([], proc=proc).own_s
    assert 555 in host_cpu.read([], helpers=("a (b) c",), proc=proc).own_s


def test_no_reading_means_no_figure(tmp_path):
    assert host_cpu.read([], proc=tmp_path / "absent") is None
    assert others_cores(None, None) is None
    reading = Reading(1.0, 5.0, {})
    assert others_cores(reading, reading) is None  # no time passed


@pytest.mark.skipif(not Path("/proc/stat").is_file(), reason="needs Linux's /proc")
def test_a_process_spinning_outside_the_grade_shows_and_one_inside_does_not():
    spin = [sys.executable, "-c", "while True: pass"]
    # detached (its own session, its parent gone): not below the grader
    outside = subprocess.Popen(
        ["sh", "-c", f"{' '.join(spin[:2])} '{spin[2]}' & echo $!"],
        stdout=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    pid = int(outside.stdout.readline())
    outside.wait()
    try:
        first = host_cpu.read([])
        time.sleep(2.0)
        assert others_cores(first, host_cpu.read([])) > 0.5
    finally:
        os.kill(pid, 9)
    inside = subprocess.Popen(spin)
    try:
        first = host_cpu.read([])
        time.sleep(2.0)
        measured = others_cores(first, host_cpu.read([]))
    finally:
        inside.kill()
    assert measured < 0.5
