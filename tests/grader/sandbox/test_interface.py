"""Limits from a profile's budgets, their validation, and the runner options a launch makes."""

from __future__ import annotations

import dataclasses

import pytest

from corpus.profile import load_profile
from exercise.runner import ChildPaths, RunnerOptions
from grader.sandbox.interface import LOG_CAP_BYTES, Launch, Limits
from tests.grader.sandbox.helpers import LIMITS


def test_limits_come_from_the_profile_budgets() -> None:
    budgets = load_profile("medium").budgets
    limits = Limits.from_budgets(budgets, calls=400)
    assert limits == Limits(
        build_timeout_s=budgets.build_timeout_s,
        call_timeout_s=budgets.query_timeout_s,
        # every call and the build may use their whole wall time on every core
        cpu_s=int(budgets.cpus * (budgets.build_timeout_s + 400 * budgets.query_timeout_s)),
        memory_mb=budgets.memory_mb,
        pids=budgets.pids,
        file_size_mb=budgets.file_size_mb,
        cpus=budgets.cpus,
        tmp_mb=budgets.memory_mb // 2,
        log_cap_bytes=LOG_CAP_BYTES,
    )
    assert limits.threads() == 2


@pytest.mark.parametrize("field", ["memory_mb", "pids", "cpu_s", "call_timeout_s", "cpus"])
def test_a_limit_must_be_positive(field: str) -> None:
    with pytest.raises(ValueError, match=f"limit {field} must be a positive number, got 0"):
        dataclasses.replace(LIMITS, **{field: 0})


def test_calls_cannot_be_negative() -> None:
    with pytest.raises(ValueError, match="calls must be 0 or more, got -1"):
        Limits.from_budgets(load_profile("medium").budgets, calls=-1)


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
