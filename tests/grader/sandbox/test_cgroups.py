"""A CPU cgroup per bwrap run (`grader.sandbox.cgroups`), on a stand-in hierarchy folder."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import pytest

from grader.sandbox.cgroups import (
    PREFIX,
    cpu_group,
    freeze,
    freezer_group,
    join_command,
    remove_group,
    thaw,
)


def hierarchy(tmp_path: Path) -> Path:
    root = tmp_path / "cpu"
    root.mkdir()
    for name in ("cgroup.procs", "cpu.shares"):
        (root / name).write_text("")
    return root


def test_each_uid_gets_its_own_group_at_the_top_and_it_is_removed(tmp_path: Path) -> None:
    root = hierarchy(tmp_path)
    first, second = cpu_group(61000, root), cpu_group(61001, root)
    assert first == root / f"{PREFIX}61000" and second == root / f"{PREFIX}61001"
    assert first.is_dir() and second.is_dir()
    assert cpu_group(61000, root) == first  # one left behind is reused
    remove_group(first)
    assert not first.exists()
    remove_group(first)  # already gone: nothing to do


def test_a_group_left_behind_starts_the_next_run_at_the_usual_weight(tmp_path: Path) -> None:
    root = hierarchy(tmp_path)
    left = root / f"{PREFIX}61000"
    left.mkdir()
    (left / "cpu.shares").write_text("32")  # demoted in the run that left it
    assert cpu_group(61000, root) == left
    assert (left / "cpu.shares").read_text() == "1024"


def test_without_a_writable_cpu_hierarchy_there_is_no_group(tmp_path: Path) -> None:
    assert cpu_group(61000, tmp_path / "missing") is None
    bare = tmp_path / "bare"
    bare.mkdir()
    (bare / "cgroup.procs").write_text("")  # a hierarchy without the cpu controller
    assert cpu_group(61000, bare) is None


def test_the_prefix_joins_the_group_then_runs_the_command(tmp_path: Path) -> None:
    group = tmp_path / "group with space"
    group.mkdir()
    (group / "cgroup.procs").write_text("")
    done = subprocess.run(
        [*join_command(group), "sh", "-c", "echo $$"], capture_output=True, text=True, check=True
    )
    # exec keeps the pid: what joined the group is what ran
    assert (group / "cgroup.procs").read_text().strip() == done.stdout.strip()


def test_a_freezer_group_needs_the_freezer_and_is_thawed_when_reused(tmp_path: Path) -> None:
    root = tmp_path / "freezer"
    root.mkdir()
    (root / "cgroup.procs").write_text("")
    assert freezer_group(61000, root) is None  # a hierarchy without freezer.state
    assert not (root / f"{PREFIX}61000").exists()
    left = root / f"{PREFIX}61001"  # left frozen by a grader that was killed
    left.mkdir()
    (left / "freezer.state").write_text("FROZEN")
    assert freezer_group(61001, root) == left
    assert (left / "freezer.state").read_text() == "THAWED"


def cpu_ticks(pid: int) -> int:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return int(fields[11]) + int(fields[12])  # utime + stime


def test_a_frozen_run_spends_no_cpu_until_thawed() -> None:
    group = freezer_group(61999)
    if group is None:
        pytest.skip("no writable freezer cgroup here (needs root and cgroup v1's freezer)")
    spinner = subprocess.Popen([*join_command(group), "sh", "-c", "while :; do :; done"])
    try:
        time.sleep(0.3)
        assert freeze(group)
        before = cpu_ticks(spinner.pid)
        time.sleep(0.5)
        assert cpu_ticks(spinner.pid) == before
        thaw(group)
        time.sleep(0.5)
        assert cpu_ticks(spinner.pid) > before
    finally:
        thaw(group)
        spinner.kill()
        spinner.wait()
        remove_group(group)
