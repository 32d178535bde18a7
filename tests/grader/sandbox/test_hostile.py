"""Hostile submissions under the bwrap sandbox: each run completes with the right verdicts, the key
never reaches the child, and no process outlives the run.

Every pipeline here is written into tmp_path and run through `exercise.runner.run_submission` with
the bwrap backend and the small `LIMITS` of helpers.py. Anything a hostile pipeline starts is
itself time-bounded (sleeps of at most two minutes), so a broken sandbox cannot leave the shared
machine with lasting load. Network tests only ever use loopback.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import textwrap
from pathlib import Path

import pytest

from exercise.judging import Status
from grader.sandbox.bwrap import SANDBOX_UID, SYSTEM_LINKS, BwrapSandbox
from grader.sandbox.host import python_runtime
from grader.sandbox.none import NoSandbox
from tests.exercise.helpers import pipeline_code
from tests.grader.sandbox.helpers import LIMITS, marker, survivors
from tests.grader.sandbox.hostile import (
    KEY_HUNTER,
    MEMORY_HOG,
    WRITES,
    Backend,
    Planted,
    check_big_files,
    check_endless_build,
    check_endless_search,
    check_escaper,
    check_flood,
    check_fork_storm,
    check_identity,
    check_key_hunting,
    check_no_network,
    check_read_only,
    escaper,
)


@pytest.fixture
def bwrap(sandboxed) -> Backend:
    return Backend(sandboxed, BwrapSandbox)


# --- the key never reaches the child ----------------------------------------------------------


def test_key_hunting_finds_nothing(bwrap: Backend, planted: Planted) -> None:
    report = check_key_hunting(bwrap, planted)
    runtime = python_runtime()
    expected = {"usr", "etc", "proc", "dev", "tmp", "venv", "harness", "submission", "corpus"}
    expected |= {"work", runtime.prefix.parts[1]}
    expected |= {name for name in SYSTEM_LINKS if os.path.lexists(f"/{name}")}
    assert set(report["root"]) == expected


def test_control_without_a_sandbox_the_hunter_finds_the_key(sandboxed, planted: Planted) -> None:
    # No walk of the host's filesystem here: the planted places are enough.
    query = json.dumps({"walk": False, "paths": planted.host_paths})
    run = sandboxed(KEY_HUNTER, [query], sandbox=NoSandbox(LIMITS))
    found = json.loads(run.record.answer[0].value["text"])["found"]
    for place in ("hidden.jsonl", "cmdline", "environ", "env TAKEHOME_TEST_SECRET"):
        assert any(place in line and planted.secret in line for line in found), place


def test_the_child_runs_unprivileged_and_sees_only_its_environment(bwrap: Backend) -> None:
    run, info = check_identity(bwrap, SANDBOX_UID)
    assert info["groups"] == []
    assert info["limits"]["AS"] == [LIMITS.memory_mb << 20] * 2
    env = info["env"]
    assert env["PYTHONPATH"].split(":")[0] == "/harness"
    assert set(env) <= {
        *run.launch.env,
        "PYTHONPATH",
        "PYTHONUNBUFFERED",
        "PWD",  # set by bwrap's --chdir
        "LC_CTYPE",  # Python's own locale coercion
    }


# --- network -----------------------------------------------------------------------------------


def test_no_network_even_to_the_hosts_loopback(bwrap: Backend) -> None:
    check_no_network(bwrap)


# --- resources -----------------------------------------------------------------------------


def test_a_fork_storm_stops_at_the_process_limit_and_nothing_survives(bwrap: Backend) -> None:
    check_fork_storm(bwrap)  # EAGAIN at RLIMIT_NPROC


def test_a_memory_hog_gets_a_memory_error_at_the_limit(bwrap: Backend) -> None:
    run = bwrap.run(MEMORY_HOG, ["hog", "fine"])
    record = run.record
    assert record.fatal is None
    hog, fine = record.search
    assert hog.status is Status.ERROR and hog.error is not None and hog.error.type == "MemoryError"
    assert fine.status is Status.OK  # the child survived its MemoryError
    limit_kib = LIMITS.memory_mb * 1024
    assert record.peak_rss_kib is not None and limit_kib // 2 < record.peak_rss_kib < limit_kib


def test_an_endless_build_times_out_and_its_processes_die(bwrap: Backend) -> None:
    check_endless_build(bwrap, build_timeout_s=2)


def test_an_endless_search_times_out_and_the_run_goes_on(bwrap: Backend) -> None:
    check_endless_search(bwrap)


def test_the_cpu_limit_kills_a_child_the_wall_limit_has_not_reached(bwrap: Backend) -> None:
    spinner = pipeline_code(build="while True:\n    pass")
    limits = dataclasses.replace(LIMITS, cpu_s=1)
    run = bwrap.run(spinner, ["a"], limits=limits)
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("start", Status.ERROR)
    # bwrap reports a child killed by signal N as exit code 128 + N (SIGKILL at the hard limit).
    assert "exited with code 137" in fatal.reason
    assert run.seconds < limits.build_timeout_s


@pytest.mark.parametrize("queries", [["fine"], ["fine", "slow"]], ids=["exits", "killed"])
def test_a_setsid_double_fork_escaper_does_not_outlive_the_run(bwrap: Backend, queries) -> None:
    check_escaper(bwrap, queries, within_s=10)


def test_control_without_a_sandbox_the_escaper_survives(sandboxed) -> None:
    tag = marker()
    run = sandboxed(escaper(tag), ["fine"], sandbox=NoSandbox(LIMITS))
    left = survivors(tag, wait_s=0)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert run.record.fatal is None and len(left) == 1  # what the pid namespace prevents


def test_a_flood_on_stdout_and_stderr_is_capped_and_the_protocol_holds(bwrap: Backend) -> None:
    check_flood(bwrap)


def test_huge_files_stop_at_the_file_size_limit_and_tmp_at_its_size(bwrap: Backend) -> None:
    check_big_files(bwrap)


def test_corpus_code_and_system_are_read_only_and_work_is_writable(
    bwrap: Backend, tmp_path: Path, corpus: Path
) -> None:
    attempts = {
        **WRITES,
        "rename the code": 'os.rename("/submission/rag/pipeline.py", "/submission/rag/p.py")',
        "write into the venv": 'open("/venv/pwned", "w")',
        "write into /usr": 'open("/usr/pwned", "w")',
    }
    submission = check_read_only(bwrap, tmp_path / "submission", corpus, attempts, SANDBOX_UID)
    assert sorted(p.name for p in submission.rglob("*")) == ["__init__.py", "pipeline.py", "rag"]


def test_an_import_time_crash_is_a_fatal_import_verdict_with_its_traceback(bwrap: Backend) -> None:
    source = """
        print("importing the pipeline", flush=True)


        def explode():
            raise RuntimeError("crash at import time")


        explode()
    """
    run = bwrap.run(source, ["a", "b"])
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("import", Status.ERROR)
    assert fatal.reason == "RuntimeError: crash at import time"
    assert fatal.error is not None
    line = textwrap.dedent(source).splitlines().index("explode()") + 1
    assert f'File "/submission/rag/pipeline.py", line {line}, in <module>' in fatal.error.traceback
    assert fatal.error.traceback.splitlines()[-1] == "RuntimeError: crash at import time"
    assert [r.status for r in run.record.search + run.record.answer] == [Status.NOT_RUN] * 4
    assert "importing the pipeline" in run.log
