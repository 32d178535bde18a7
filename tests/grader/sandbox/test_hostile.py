"""Hostile submissions under the sandbox: each run completes with the right verdicts, the key
never reaches the child, and no process outlives the run.

The first tests run under every backend (`backend`: bwrap, and the container, slow, where an
engine is); the rest are bwrap's own (the container's are in test_docker_container.py). Every
pipeline is written into tmp_path and run through `exercise.runner.run_submission` with the small
`LIMITS` of helpers.py. Anything a hostile pipeline starts is itself time-bounded (sleeps of at
most two minutes), so a broken sandbox cannot leave the shared machine with lasting load. Network
tests only ever use loopback.
"""

from __future__ import annotations

import dataclasses
import json
import os
import signal
import socket
import textwrap
from pathlib import Path

import pytest

from exercise.judging import Status
from grader.sandbox.bwrap import SYSTEM_LINKS
from grader.sandbox.host import python_runtime
from grader.sandbox.none import NoSandbox
from tests.exercise.helpers import pipeline_code, write_submission
from tests.grader.sandbox.helpers import LIMITS, digest, marker, survivors
from tests.grader.sandbox.hostile import (
    BIG_FILES,
    ENDLESS_SEARCH,
    FLOOD,
    KEY_HUNTER,
    MEMORY_HOG,
    NETWORK,
    WRITES,
    Backend,
    Planted,
    check_identity,
    check_key_hunting,
    endless_build,
    escaper,
    fork_storm,
    writer,
)

# --- every backend: the same verdicts ---------------------------------------------------------

# A container's start (about a second, see test_docker_container) counts against its build and
# its run; bwrap starts in milliseconds.
BUILD_TIMEOUT_S = {"bwrap": 2, "docker": 3}
ESCAPER_WITHIN_S = {"bwrap": 10, "docker": 12}


def test_no_network_even_to_the_hosts_loopback(backend: Backend) -> None:
    with (
        socket.create_server(("127.0.0.1", 0)) as listener,
        socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as abstract,
    ):
        name = marker()
        abstract.bind("\0" + name)
        abstract.listen()
        port = listener.getsockname()[1]
        run = backend.run(NETWORK, [f"net {port} {name}"])
        assert run.record.fatal is None and run.record.answer[0].status is Status.OK
        outcome = json.loads(run.record.answer[0].value["text"])
        assert "connected" not in outcome.values(), outcome
        assert outcome["tcp4"] == "ConnectionRefusedError"
        assert outcome["interfaces"] == ["lo"]
        for server in (listener, abstract):  # nothing ever knocked
            server.setblocking(False)
            with pytest.raises(BlockingIOError):
                server.accept()
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass  # control: the listener was reachable from the host all along
        assert listener.accept()


def test_a_fork_storm_stops_at_the_process_limit_and_nothing_survives(backend: Backend) -> None:
    tag = marker()
    run = backend.run(fork_storm(tag), ["how many"])
    assert run.record.fatal is None and run.record.answer[0].status is Status.OK
    forks, error = run.record.answer[0].value["text"].split()
    # EAGAIN: at RLIMIT_NPROC under bwrap, at the cgroup's pids.max in a container
    assert 0 < int(forks) < LIMITS.pids and error == "BlockingIOError"
    assert survivors(tag) == []


def test_an_endless_build_times_out_and_its_processes_die(backend: Backend) -> None:
    tag = marker()
    limits = dataclasses.replace(LIMITS, build_timeout_s=BUILD_TIMEOUT_S[backend.name])
    run = backend.run(endless_build(tag), ["a", "b"], limits=limits)
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("build", Status.TIMEOUT)
    assert [r.status for r in run.record.search] == [Status.NOT_RUN] * 2
    assert survivors(tag) == []


def test_an_endless_search_times_out_and_the_run_goes_on(backend: Backend) -> None:
    limits = dataclasses.replace(LIMITS, call_timeout_s=1.5)
    run = backend.run(ENDLESS_SEARCH, ["spin", "fine"], limits=limits, max_restarts=1)
    record = run.record
    assert record.fatal is None and record.restarts == 1
    assert [r.status for r in record.search] == [Status.TIMEOUT, Status.OK]
    assert [r.status for r in record.answer] == [Status.OK, Status.OK]  # after a fresh child
    assert record.search[0].reason == "no reply within 1.5 s"


@pytest.mark.parametrize("queries", [["fine"], ["fine", "slow"]], ids=["exits", "killed"])
def test_a_setsid_double_fork_escaper_does_not_outlive_the_run(backend: Backend, queries) -> None:
    tag = marker()
    limits = dataclasses.replace(LIMITS, call_timeout_s=1)
    run = backend.run(escaper(tag), queries, limits=limits)
    assert run.record.fatal is None
    expected = [Status.OK] if queries == ["fine"] else [Status.OK, Status.TIMEOUT]
    assert [r.status for r in run.record.search] == expected
    assert run.seconds < ESCAPER_WITHIN_S[backend.name]  # nobody waited on the escaper's pipe
    assert survivors(tag) == []


def test_a_flood_on_stdout_and_stderr_is_capped_and_the_protocol_holds(backend: Backend) -> None:
    run = backend.run(FLOOD, ["a", "b"])
    record = run.record
    assert record.fatal is None
    assert [r.status for r in record.search + record.answer] == [Status.OK] * 4
    assert record.answer[1].value["text"] == "still talking"
    assert "[log truncated: output past 65536 bytes was discarded]" in run.log
    assert len(run.log.encode()) <= LIMITS.log_cap_bytes + 100
    assert run.seconds < 20


def test_huge_files_stop_at_the_file_size_limit_and_tmp_at_its_size(backend: Backend) -> None:
    run = backend.run(BIG_FILES, ["one big file", "many files in tmp"])
    big, fill = run.record.search
    assert big.status is Status.ERROR and "File too large" in big.error.message
    assert fill.status is Status.ERROR and "No space left on device" in fill.error.message
    assert (run.work / "big.bin").stat().st_size <= LIMITS.file_size_mb << 20


# Each backend's attempts besides WRITES, at places of its own layout: bwrap mounts the host's
# /usr and the grader's venv; the image has its own harness and venv, and the channel's folder.
OWN_WRITES = {
    "bwrap": {
        "rename the code": 'os.rename("/submission/rag/pipeline.py", "/submission/rag/p.py")',
        "write into the venv": 'open("/venv/pwned", "w")',
        "write into /usr": 'open("/usr/pwned", "w")',
    },
    "docker": {
        "patch the image's harness": 'open("/opt/takehome/exercise/types.py", "a")',
        "write into the venv": 'open("/opt/venv/pwned", "w")',
        "add to the channel": 'open("/chan/pwned", "w")',
    },
}


def test_corpus_code_and_system_are_read_only_and_work_is_writable(
    backend: Backend, tmp_path: Path, corpus: Path
) -> None:
    attempts = WRITES | OWN_WRITES[backend.name]
    submission = write_submission(tmp_path / "submission", writer(attempts))
    # World-writable on the host, so only the read-only mounts stand in the way.
    for root in (corpus, submission):
        for path in (root, *root.rglob("*")):
            path.chmod(0o777 if path.is_dir() else 0o666)
    corpus_before, submission_before = digest(corpus), digest(submission)
    run = backend.run(submission, ["report"])
    assert run.record.fatal is None
    outcomes = json.loads(run.record.answer[0].value["text"])
    assert sorted(outcomes) == sorted(attempts)
    assert set(outcomes.values()) <= {"EROFS", "EACCES", "EPERM"}, outcomes
    for name in ("append to a corpus doc", "delete a corpus doc", "rewrite the code"):
        assert outcomes[name] == "EROFS", name
    assert digest(corpus) == corpus_before and digest(submission) == submission_before
    assert sorted(p.name for p in submission.rglob("*")) == ["__init__.py", "pipeline.py", "rag"]
    scratch = run.work / "scratch.txt"
    assert scratch.read_text() == "scratch works" and scratch.stat().st_uid == run.launch.uid


# --- bwrap: the key never reaches the child --------------------------------------------------


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
    run, info = check_identity(bwrap)
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


# --- bwrap: resources, and controls without a sandbox ---------------------------------------


def test_a_memory_hog_gets_a_memory_error_at_the_limit(bwrap: Backend) -> None:
    run = bwrap.run(MEMORY_HOG, ["hog", "fine"])
    record = run.record
    assert record.fatal is None
    hog, fine = record.search
    assert hog.status is Status.ERROR and hog.error is not None and hog.error.type == "MemoryError"
    assert fine.status is Status.OK  # the child survived its MemoryError
    limit_kib = LIMITS.memory_mb * 1024
    assert record.peak_rss_kib is not None and limit_kib // 2 < record.peak_rss_kib < limit_kib


def test_the_cpu_limit_kills_a_child_the_wall_limit_has_not_reached(bwrap: Backend) -> None:
    spinner = pipeline_code(build="while True:\n    pass")
    limits = dataclasses.replace(LIMITS, cpu_s=1)
    run = bwrap.run(spinner, ["a"], limits=limits)
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("start", Status.ERROR)
    # bwrap reports a child killed by signal N as exit code 128 + N (SIGKILL at the hard limit).
    assert "exited with code 137" in fatal.reason
    assert run.seconds < limits.build_timeout_s


def test_control_without_a_sandbox_the_escaper_survives(sandboxed) -> None:
    tag = marker()
    run = sandboxed(escaper(tag), ["fine"], sandbox=NoSandbox(LIMITS))
    left = survivors(tag, wait_s=0)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert run.record.fatal is None and len(left) == 1  # what the pid namespace prevents


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
