"""Limits: their validation, and the runner options a launch makes."""

from __future__ import annotations

import dataclasses

import pytest

from exercise.runner import ChildPaths, RunnerOptions
from grader.sandbox.interface import Launch
from tests.grader.sandbox.helpers import LIMITS


@pytest.mark.parametrize("field", ["memory_mb", "pids", "cpu_s", "call_timeout_s", "cpus"])
def test_a_limit_must_be_positive(field: str) -> None:
    with pytest.raises(ValueError, match=f"limit {field} must be a positive number, got 0"):
        dataclasses.replace(LIMITS, **{field: 0})


def test_a_fractional_cpu_budget_still_allows_one_thread() -> None:
    assert dataclasses.replace(LIMITS, cpus=0.5).threads() == 1


def test_a_launch_becomes_runner_options_with_the_wall_limits_and_log_cap() -> None:
    paths = ChildPaths("/submission", "/corpus", "/work", "/harness")
    launch = Launch(
        isolation="bwrap",
        limits=LIMITS,
        command_prefix=("bwrap", "--"),
        python="/venv/bin/python",
        env={"PATH": "/usr/bin"},
        child_paths=paths,
    )
    assert launch.runner_options(max_restarts=1) == RunnerOptions(
        build_timeout_s=LIMITS.build_timeout_s,
        call_timeout_s=LIMITS.call_timeout_s,
        max_restarts=1,
        python="/venv/bin/python",
        command_prefix=("bwrap", "--"),
        base_env={"PATH": "/usr/bin"},
        child_paths=paths,
        log_cap_bytes=LIMITS.log_cap_bytes,
    )
    unisolated = Launch(isolation="none", limits=LIMITS).runner_options()
    assert unisolated.base_env is None and unisolated.python is None
    assert unisolated.max_restarts == RunnerOptions().max_restarts
