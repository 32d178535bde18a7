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
import socket
import textwrap
from pathlib import Path

import pytest

from exercise.judging import Status
from grader.sandbox.bwrap import SANDBOX_UID, SYSTEM_LINKS, BwrapSandbox
from grader.sandbox.host import python_runtime
from grader.sandbox.none import NoSandbox
from tests.exercise.helpers import write_submission
from tests.grader.sandbox.helpers import LIMITS, all_values, digest, marker, survivors
from tests.grader.sandbox.hostile import (
    BIG_FILES,
    ENDLESS_SEARCH,
    FLOOD,
    KEY_HUNTER,
    MEMORY_HOG,
    NETWORK,
    Planted,
    escaper,
)

# --- the key never reaches the child ----------------------------------------------------------


def test_key_hunting_finds_nothing(sandboxed, planted: Planted, tmp_path: Path) -> None:
    query = json.dumps({"walk": True, "paths": planted.host_paths})
    run = sandboxed(
        KEY_HUNTER,
        [query],
        links={"rag/leak.jsonl": tmp_path / "key" / "key.json", "key": Path("..") / "key"},
        sandbox=BwrapSandbox(LIMITS, harness_package=planted.fake_repo / "exercise"),
    )
    record = run.record
    assert record.fatal is None
    assert [r.status for r in record.search + record.answer] == [Status.OK, Status.OK]
    everything = all_values(run)
    assert planted.decoy in everything  # the hunter did search, and reported what it found
    assert planted.secret not in everything and planted.secret not in run.log
    report = json.loads(record.answer[0].value["text"])
    assert report["names"] == []  # no hidden.jsonl, key.json or host folder listing
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


def test_the_child_runs_unprivileged_and_sees_only_its_environment(sandboxed) -> None:
    source = """
        import errno
        import json
        import os
        import resource
        import socket

        from exercise.types import Answer


        class Pipeline:
            def __init__(self, corpus_dir, work_dir):
                self.paths = [str(corpus_dir), str(work_dir)]

            def build(self):
                pass

            def search(self, query, k):
                return []

            def answer(self, query):
                info = {
                    "ids": [os.getuid(), os.geteuid(), os.getgid(), os.getegid()],
                    "groups": os.getgroups(),
                    "hostname": socket.gethostname(),
                    "cwd": os.getcwd(),
                    "paths": self.paths,
                    "env": dict(os.environ),
                }
                with open("/proc/self/status") as handle:
                    status = dict(line.split(":", 1) for line in handle if ":" in line)
                for key in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs"):
                    info[key] = status[key].strip()
                try:
                    open("/etc/shadow").read()
                    info["shadow"] = "read"
                except OSError as exc:
                    info["shadow"] = errno.errorcode[exc.errno]
                try:
                    os.setuid(0)
                    info["setuid"] = "became root"
                except OSError as exc:
                    info["setuid"] = errno.errorcode[exc.errno]
                names = ("AS", "NPROC", "FSIZE", "NOFILE", "CPU", "CORE")
                info["limits"] = {
                    name: resource.getrlimit(getattr(resource, "RLIMIT_" + name))
                    for name in names
                }
                return Answer(json.dumps(info), ())
    """
    run = sandboxed(source, ["who am i"])
    assert run.record.fatal is None and run.record.answer[0].status is Status.OK
    info = json.loads(run.record.answer[0].value["text"])
    assert info["ids"] == [run.launch.uid] * 4 and info["groups"] == []
    assert run.launch.uid != SANDBOX_UID  # a uid of the run's own
    for key in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"):
        assert int(info[key], 16) == 0, key
    assert info["NoNewPrivs"] == "1"
    assert (info["shadow"], info["setuid"]) == ("EACCES", "EPERM")
    assert info["hostname"] == "sandbox"
    assert (info["cwd"], info["paths"]) == ("/submission", ["/corpus", "/work"])
    mib = 1 << 20
    assert info["limits"] == {
        "AS": [LIMITS.memory_mb * mib] * 2,
        "NPROC": [LIMITS.pids] * 2,
        "FSIZE": [LIMITS.file_size_mb * mib] * 2,
        "NOFILE": [LIMITS.open_files] * 2,
        "CPU": [LIMITS.cpu_s] * 2,
        "CORE": [0, 0],
    }
    env = info["env"]
    assert env["HOME"] == "/work" and env["PYTHONPATH"].split(":")[0] == "/harness"
    assert env["OMP_NUM_THREADS"] == "2" and env["HF_HUB_OFFLINE"] == "1"
    assert set(env) <= {
        *run.launch.env,
        "PYTHONPATH",
        "PYTHONUNBUFFERED",
        "PWD",  # set by bwrap's --chdir
        "LC_CTYPE",  # Python's own locale coercion
    }


# --- network -----------------------------------------------------------------------------------


def test_no_network_even_to_the_hosts_loopback(sandboxed) -> None:
    with (
        socket.create_server(("127.0.0.1", 0)) as listener,
        socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as abstract,
    ):
        name = marker()
        abstract.bind("\0" + name)
        abstract.listen()
        port = listener.getsockname()[1]
        run = sandboxed(NETWORK, [f"net {port} {name}"])
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


# --- resources -----------------------------------------------------------------------------


def test_a_fork_storm_stops_at_the_process_limit_and_nothing_survives(sandboxed) -> None:
    tag = marker()
    source = f"""
        import os

        from exercise.types import Answer


        class Pipeline:
            def __init__(self, corpus_dir, work_dir):
                pass

            def build(self):
                self.forks, self.error = 0, None
                try:
                    while self.forks < 10_000:
                        if os.fork() == 0:
                            try:
                                os.execv("/bin/sleep", [{tag!r}, "60"])
                            finally:
                                os._exit(0)
                        self.forks += 1
                except OSError as exc:
                    self.error = type(exc).__name__

            def search(self, query, k):
                return []

            def answer(self, query):
                return Answer(f"{{self.forks}} {{self.error}}", ())
    """
    run = sandboxed(source, ["how many"])
    assert run.record.fatal is None and run.record.answer[0].status is Status.OK
    forks, error = run.record.answer[0].value["text"].split()
    assert 0 < int(forks) < LIMITS.pids and error == "BlockingIOError"  # EAGAIN at RLIMIT_NPROC
    assert survivors(tag) == []


def test_a_memory_hog_gets_a_memory_error_at_the_limit(sandboxed) -> None:
    run = sandboxed(MEMORY_HOG, ["hog", "fine"])
    record = run.record
    assert record.fatal is None
    hog, fine = record.search
    assert hog.status is Status.ERROR and hog.error is not None and hog.error.type == "MemoryError"
    assert fine.status is Status.OK  # the child survived its MemoryError
    limit_kib = LIMITS.memory_mb * 1024
    assert record.peak_rss_kib is not None and limit_kib // 2 < record.peak_rss_kib < limit_kib


def test_an_endless_build_times_out_and_its_processes_die(sandboxed) -> None:
    tag = marker()
    source = f"""
        import os

        from exercise.types import Answer


        class Pipeline:
            def __init__(self, corpus_dir, work_dir):
                pass

            def build(self):
                if os.fork() == 0:
                    os.execv("/bin/sleep", [{tag!r}, "60"])
                while True:
                    pass
            def search(self, query, k):
                return []

            def answer(self, query):
                return Answer("", ())
    """
    limits = dataclasses.replace(LIMITS, build_timeout_s=2)
    run = sandboxed(source, ["a", "b"], limits=limits)
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("build", Status.TIMEOUT)
    assert [r.status for r in run.record.search] == [Status.NOT_RUN] * 2
    assert survivors(tag) == []


def test_an_endless_search_times_out_and_the_run_goes_on(sandboxed) -> None:
    limits = dataclasses.replace(LIMITS, call_timeout_s=1.5)
    run = sandboxed(ENDLESS_SEARCH, ["spin", "fine"], limits=limits, max_restarts=1)
    record = run.record
    assert record.fatal is None and record.restarts == 1
    assert [r.status for r in record.search] == [Status.TIMEOUT, Status.OK]
    assert [r.status for r in record.answer] == [Status.OK, Status.OK]  # after a fresh child
    assert record.search[0].reason == "no reply within 1.5 s"


def test_the_cpu_limit_kills_a_child_the_wall_limit_has_not_reached(sandboxed) -> None:
    source = """
        from exercise.types import Answer


        class Pipeline:
            def __init__(self, corpus_dir, work_dir):
                pass

            def build(self):
                while True:
                    pass
            def search(self, query, k):
                return []

            def answer(self, query):
                return Answer("", ())
    """
    limits = dataclasses.replace(LIMITS, cpu_s=1)
    run = sandboxed(source, ["a"], limits=limits)
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("start", Status.ERROR)
    # bwrap reports a child killed by signal N as exit code 128 + N (SIGKILL at the hard limit).
    assert "exited with code 137" in fatal.reason
    assert run.seconds < limits.build_timeout_s


@pytest.mark.parametrize("queries", [["fine"], ["fine", "slow"]], ids=["exits", "killed"])
def test_a_setsid_double_fork_escaper_does_not_outlive_the_run(sandboxed, queries) -> None:
    tag = marker()
    limits = dataclasses.replace(LIMITS, call_timeout_s=1)
    run = sandboxed(escaper(tag), queries, limits=limits)
    assert run.record.fatal is None
    expected = [Status.OK] if queries == ["fine"] else [Status.OK, Status.TIMEOUT]
    assert [r.status for r in run.record.search] == expected
    assert run.seconds < 10  # nobody waited on the escaper's pipe
    assert survivors(tag) == []


def test_control_without_a_sandbox_the_escaper_survives(sandboxed) -> None:
    tag = marker()
    run = sandboxed(escaper(tag), ["fine"], sandbox=NoSandbox(LIMITS))
    left = survivors(tag, wait_s=0)
    for pid in left:
        os.kill(pid, signal.SIGKILL)
    assert run.record.fatal is None and len(left) == 1  # what the pid namespace prevents


def test_a_flood_on_stdout_and_stderr_is_capped_and_the_protocol_holds(sandboxed) -> None:
    run = sandboxed(FLOOD, ["a", "b"])
    record = run.record
    assert record.fatal is None
    assert [r.status for r in record.search + record.answer] == [Status.OK] * 4
    assert record.answer[1].value["text"] == "still talking"
    assert "[log truncated: output past 65536 bytes was discarded]" in run.log
    assert len(run.log.encode()) <= LIMITS.log_cap_bytes + 100
    assert run.seconds < 20


def test_huge_files_stop_at_the_file_size_limit_and_tmp_at_its_size(
    sandboxed, tmp_path: Path
) -> None:
    run = sandboxed(BIG_FILES, ["one big file", "many files in tmp"])
    big, fill = run.record.search
    assert big.status is Status.ERROR and "File too large" in big.error.message
    assert fill.status is Status.ERROR and "No space left on device" in fill.error.message
    assert (tmp_path / "work" / "big.bin").stat().st_size <= LIMITS.file_size_mb << 20


def test_corpus_code_and_system_are_read_only_and_work_is_writable(
    sandboxed, tmp_path: Path, corpus: Path
) -> None:
    source = """
        import errno
        import json
        import os

        from exercise.types import Answer

        ATTEMPTS = {
            "append to a corpus doc": lambda: open("/corpus/docs/alpha.md", "a").write("x"),
            "create in the corpus": lambda: open("/corpus/docs/new.md", "w"),
            "delete a corpus doc": lambda: os.remove("/corpus/docs/alpha.md"),
            "rewrite the code": lambda: open("/submission/rag/pipeline.py", "w"),
            "mkdir in the submission": lambda: os.mkdir("/submission/new"),
            "chmod the code": lambda: os.chmod("/submission/rag/pipeline.py", 0o777),
            "rename the code": lambda: os.rename(
                "/submission/rag/pipeline.py", "/submission/rag/p.py"
            ),
            "patch the harness": lambda: open("/harness/exercise/types.py", "a"),
            "write into the venv": lambda: open("/venv/pwned", "w"),
            "write into /etc": lambda: open("/etc/pwned", "w"),
            "write into /usr": lambda: open("/usr/pwned", "w"),
            "mkdir at the root": lambda: os.mkdir("/pwned"),
        }


        class Pipeline:
            def __init__(self, corpus_dir, work_dir):
                pass

            def build(self):
                self.outcomes = {}
                for name, action in ATTEMPTS.items():
                    try:
                        action()
                        self.outcomes[name] = "succeeded"
                    except OSError as exc:
                        self.outcomes[name] = errno.errorcode[exc.errno]
                with open("/work/scratch.txt", "w") as out:
                    out.write("scratch works")

            def search(self, query, k):
                return []

            def answer(self, query):
                return Answer(json.dumps(self.outcomes), ())
    """
    submission = write_submission(tmp_path / "submission", source)
    # World-writable on the host, so only the read-only mounts stand in the way.
    for root in (corpus, submission):
        for path in (root, *root.rglob("*")):
            path.chmod(0o777 if path.is_dir() else 0o666)
    corpus_before, submission_before = digest(corpus), digest(submission)
    run = sandboxed(submission, ["report"])
    assert run.record.fatal is None
    outcomes = json.loads(run.record.answer[0].value["text"])
    assert len(outcomes) == 12
    assert set(outcomes.values()) <= {"EROFS", "EACCES", "EPERM"}, outcomes
    for name in ("append to a corpus doc", "delete a corpus doc", "rewrite the code"):
        assert outcomes[name] == "EROFS", name
    assert digest(corpus) == corpus_before and digest(submission) == submission_before
    assert sorted(p.name for p in submission.rglob("*")) == ["__init__.py", "pipeline.py", "rag"]
    scratch = tmp_path / "work" / "scratch.txt"
    assert scratch.read_text() == "scratch works" and scratch.stat().st_uid == run.launch.uid


def test_an_import_time_crash_is_a_fatal_import_verdict_with_its_traceback(sandboxed) -> None:
    source = """
        print("importing the pipeline", flush=True)


        def explode():
            raise RuntimeError("crash at import time")


        explode()
    """
    run = sandboxed(source, ["a", "b"])
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("import", Status.ERROR)
    assert fatal.reason == "RuntimeError: crash at import time"
    assert fatal.error is not None
    line = textwrap.dedent(source).splitlines().index("explode()") + 1
    assert f'File "/submission/rag/pipeline.py", line {line}, in <module>' in fatal.error.traceback
    assert fatal.error.traceback.splitlines()[-1] == "RuntimeError: crash at import time"
    assert [r.status for r in run.record.search + run.record.answer] == [Status.NOT_RUN] * 4
    assert "importing the pipeline" in run.log
