"""The parent's handle on one child: command line, environment, pipes, deadlines, log.

`ChildProcess` runs the real `exercise.child` on a tiny submission (PIPELINE below) whose build and
search misbehave on request: the build reads CHILD_BUILD from the environment the test hands over
(`RunnerOptions.base_env`), search reads its query. Nothing here loads a model; every child is up
in a fraction of a second and killed at the end of its test.
"""

from __future__ import annotations

import os
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from exercise.child_process import (
    ChildGone,
    ChildProcess,
    ChildTimeout,
    LogPump,
    child_command,
    child_env,
    harness_root,
)
from exercise.runner import ChildPaths, RunnerOptions
from tests.exercise.helpers import gone, write_submission

PIPELINE = """
    import os
    import signal
    import subprocess
    import sys
    import time

    from exercise.types import Answer, Passage


    def result_fd():
        return int(sys.argv[sys.argv.index("--result-fd") + 1])


    class Pipeline:
        def __init__(self, corpus_dir, work_dir):
            pass

        def build(self):
            print("ENV", " ".join(sorted(os.environ)))
            print("to stderr", file=sys.stderr)
            behaviour = os.environ.get("CHILD_BUILD", "")
            if behaviour == "hang":
                time.sleep(60)
            if behaviour == "exit":
                os._exit(3)
            if behaviour == "garbage":
                os.write(result_fd(), b"not json\\n")
            if behaviour == "two":
                os.write(result_fd(), b'{"event": "one", "rss_kib": 5}\\n{"event": "two"}\\n')
            if behaviour == "chatty":
                sys.stdout.write("x" * 100_000)
            if behaviour == "spawn":
                sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
                print("SLEEPER", sleeper.pid, flush=True)

        def search(self, query, k):
            if query == "hang":
                time.sleep(60)
            if query == "exit":
                os._exit(9)
            if query == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            return [Passage("doc", 0, 1, 1.0)][:k]

        def answer(self, query):
            return Answer(query, ())
"""

Start = Callable[..., ChildProcess]


@pytest.fixture
def start(tmp_path: Path) -> Iterator[Start]:
    """start(build="", **options) -> a running child of PIPELINE; every child is killed after."""
    submission = write_submission(tmp_path / "sub", PIPELINE)
    children: list[ChildProcess] = []

    def start(build: str = "", *, env: dict[str, str] | None = None, **options) -> ChildProcess:
        base = {"PATH": os.environ.get("PATH", ""), "CHILD_BUILD": build, **(env or {})}
        child = ChildProcess(
            submission,
            tmp_path / "corpus",
            tmp_path / "work",
            tmp_path / "child.log",
            RunnerOptions(**{"base_env": base, **options}),
        )
        children.append(child)
        return child

    yield start
    for child in children:
        child.close(graceful=False)


def soon(seconds: float = 10.0) -> float:
    """A deadline for replies that should come at once (generous: CI machines are shared)."""
    return time.monotonic() + seconds


def env_names(log: Path) -> set[str]:
    """The environment variable names the pipeline's build printed."""
    [line] = [line for line in log.read_text().splitlines() if line.startswith("ENV ")]
    return set(line.split()[1:])


# --- child_command, child_env, harness_root ----------------------------------------------------


def test_the_command_runs_the_exercise_child_without_the_working_directory_on_its_path() -> None:
    command = child_command("py", Path("/s"), Path("/c"), Path("/w"), 5, 6)
    assert command == [
        "py",
        "-P",  # the submission is the working directory: it must not shadow `exercise`
        "-m",
        "exercise.child",
        "--submission",
        "/s",
        "--corpus",
        "/c",
        "--work-dir",
        "/w",
        "--request-fd",
        "5",
        "--result-fd",
        "6",
    ]


def test_the_harness_root_holds_this_exercise_package() -> None:
    import exercise

    assert harness_root() / "exercise" / "__init__.py" == Path(exercise.__file__).resolve()


@pytest.mark.parametrize(
    ("base", "path"),
    [
        ({}, "{harness}"),
        ({"PYTHONPATH": ""}, "{harness}"),  # an empty entry is dropped, not kept as ""
        ({"PYTHONPATH": "/theirs"}, "{harness}" + os.pathsep + "/theirs"),
    ],
)
def test_the_harness_goes_first_on_the_pythonpath(base: dict[str, str], path: str) -> None:
    assert child_env(base)["PYTHONPATH"] == path.format(harness=harness_root())
    assert child_env(base, harness="/h")["PYTHONPATH"] == path.format(harness="/h")


def test_the_environment_is_the_base_plus_unbuffered_output_and_no_downloads() -> None:
    base = {"PATH": "/bin", "MARK": "1"}
    env = child_env(base, harness="/h")
    assert env == {
        "PATH": "/bin",
        "MARK": "1",
        "PYTHONPATH": "/h",
        "PYTHONUNBUFFERED": "1",
        "HF_HUB_OFFLINE": "1",
        "TRANSFORMERS_OFFLINE": "1",
    }
    assert base == {"PATH": "/bin", "MARK": "1"}  # not mutated


def test_download_settings_given_by_the_caller_are_kept() -> None:
    env = child_env({"HF_HUB_OFFLINE": "0", "TRANSFORMERS_OFFLINE": "0", "PYTHONUNBUFFERED": ""})
    assert (env["HF_HUB_OFFLINE"], env["TRANSFORMERS_OFFLINE"]) == ("0", "0")
    assert env["PYTHONUNBUFFERED"] == "1"  # the log must see output as it happens


# --- ChildProcess: a run that goes well --------------------------------------------------------


def test_a_child_builds_answers_and_exits_when_asked(start: Start, tmp_path: Path) -> None:
    child = start()
    ready = child.receive(soon())
    assert ready["event"] == "ready"
    assert isinstance(ready["build_ns"], int) and isinstance(ready["load_ns"], int)
    child.send({"seq": 1, "op": "search", "query": "q", "k": 5}, soon())
    result = child.receive(soon())
    assert (result["event"], result["seq"], result["op"], result["ok"]) == (
        "result",
        1,
        "search",
        True,
    )
    assert result["value"] == [
        {"$type": "Passage", "doc_id": "doc", "start": 0, "end": 1, "score": 1.0}
    ]
    if sys.platform.startswith("linux"):
        assert isinstance(child.peak_rss_kib, int) and child.peak_rss_kib > 0
    child.close(graceful=True)
    assert child._process.returncode == 0  # it left on its own after {"op": "exit"}
    log = (tmp_path / "child.log").read_text()
    assert "ENV " in log and "to stderr" in log  # stdout and stderr both go to the log
    assert (tmp_path / "work").is_dir()  # the child made its scratch directory


def test_the_child_sees_only_the_given_environment(
    start: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRADER_SECRET", "s3cret")
    start(env={"MARK": "1"}).receive(soon())
    names = env_names(tmp_path / "child.log")
    assert "GRADER_SECRET" not in names
    # the base given, plus what child_env adds (and what the interpreter sets itself, if any)
    expected = {"PATH", "CHILD_BUILD", "MARK", "PYTHONPATH", "PYTHONUNBUFFERED"}
    assert expected | {"HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"} <= names
    assert names - expected - {"HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"} <= {"LC_CTYPE"}


def test_without_a_base_environment_the_child_inherits_this_one(
    start: Start, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GRADER_SECRET", "s3cret")
    start(base_env=None).receive(soon())
    assert "GRADER_SECRET" in env_names(tmp_path / "child.log")


def test_the_command_prefix_launches_the_child(start: Start, tmp_path: Path) -> None:
    start(command_prefix=("env", "PREFIXED=1")).receive(soon())
    assert "PREFIXED" in env_names(tmp_path / "child.log")


def test_the_child_is_told_the_paths_it_sees_not_the_hosts(start: Start, tmp_path: Path) -> None:
    # a sandbox mounts the submission elsewhere: here the "host" paths are empty decoys and only
    # the paths the child is told lead to the pipeline and the scratch dir
    view = ChildPaths(
        submission=str(tmp_path / "sub"),
        corpus=str(tmp_path / "corpus"),
        work=str(tmp_path / "seen-work"),
        harness=str(harness_root()),
    )
    decoy = tmp_path / "decoy"
    decoy.mkdir()
    child = ChildProcess(
        decoy,  # also the working directory
        decoy / "corpus",
        decoy / "work",
        tmp_path / "child.log",
        RunnerOptions(base_env={"PATH": os.environ.get("PATH", "")}, child_paths=view),
    )
    try:
        assert child.receive(soon())["event"] == "ready"
    finally:
        child.close(graceful=False)
    assert (tmp_path / "seen-work").is_dir() and not (decoy / "work").exists()


def test_messages_that_arrive_together_are_read_one_at_a_time(start: Start) -> None:
    child = start("two")  # the build writes two lines in one go before "ready"
    assert child.receive(soon())["event"] == "one"
    assert child.peak_rss_kib == 5
    assert child.receive(soon())["event"] == "two"
    assert child.peak_rss_kib == 5  # a message without rss_kib leaves the peak alone
    assert child.receive(soon())["event"] == "ready"
    if sys.platform.startswith("linux"):  # ready carries the real peak, far above 5 KiB
        assert child.peak_rss_kib > 5


# --- ChildProcess: deadlines and dead children -------------------------------------------------


def test_no_message_before_the_deadline_is_a_timeout(start: Start) -> None:
    child = start("hang")
    began = time.monotonic()
    with pytest.raises(ChildTimeout):
        child.receive(time.monotonic() + 0.3)
    assert 0.3 <= time.monotonic() - began < 3


def test_a_call_that_hangs_is_a_timeout(start: Start) -> None:
    child = start()
    child.receive(soon())
    child.send({"seq": 1, "op": "search", "query": "hang", "k": 1}, soon())
    with pytest.raises(ChildTimeout):
        child.receive(time.monotonic() + 0.3)


def test_a_deadline_already_past_is_a_timeout_without_waiting(start: Start) -> None:
    child = start()
    with pytest.raises(ChildTimeout):
        child.receive(time.monotonic())
    with pytest.raises(ChildTimeout):
        child.send({"op": "exit"}, time.monotonic())


def test_a_child_that_reads_nothing_makes_sends_time_out(start: Start) -> None:
    # the build hangs, so requests pile up in the pipe until it is full; each message is well
    # under the pipe's atomic-write size, so no write can block once select says "writable"
    child = start("hang")
    deadline = time.monotonic() + 0.5
    with pytest.raises(ChildTimeout):
        for seq in range(100_000):
            child.send({"seq": seq, "op": "search", "query": "x" * 2000, "k": 1}, deadline)
    assert time.monotonic() - deadline < 3


def test_an_oversized_request_to_a_child_that_reads_nothing_times_out(start: Start) -> None:
    child = start("hang")
    outcome: list[BaseException | None] = []

    def send() -> None:
        try:
            child.send({"seq": 1, "op": "search", "query": "x" * (1 << 20), "k": 1}, soon(0.3))
            outcome.append(None)
        except (ChildTimeout, ChildGone) as exc:
            outcome.append(exc)

    sender = threading.Thread(target=send, daemon=True)
    sender.start()
    sender.join(1.0)
    blocked = sender.is_alive()
    # killing the child breaks the pipe, which frees a blocked sender (with ChildGone) before
    # the fixture closes the pipe's file descriptors
    os.killpg(child._process.pid, signal.SIGKILL)
    sender.join(10)
    assert not blocked and isinstance(outcome[0], ChildTimeout)


@pytest.mark.parametrize(
    ("build", "query", "reason"),
    [
        ("exit", None, "exited with code 3"),  # dies while building
        ("", "exit", "exited with code 9"),  # dies during a call
        ("", "kill", "was killed by signal SIGKILL"),
    ],
)
def test_a_child_that_dies_is_gone_with_the_reason(
    start: Start, build: str, query: str | None, reason: str
) -> None:
    child = start(build)
    if query is not None:
        child.receive(soon())
        child.send({"seq": 1, "op": "search", "query": query, "k": 1}, soon())
    with pytest.raises(ChildGone, match=reason):
        child.receive(soon())


def test_sending_to_a_dead_child_is_gone(start: Start) -> None:
    child = start("exit")
    with pytest.raises(ChildGone):
        child.receive(soon())
    with pytest.raises(ChildGone, match="exited with code 3"):
        child.send({"seq": 1, "op": "search", "query": "q", "k": 1}, soon())


def test_a_line_that_is_not_a_protocol_message_is_gone(start: Start) -> None:
    child = start("garbage")
    with pytest.raises(ChildGone, match="sent a malformed protocol line"):
        child.receive(soon())


def test_closing_kills_what_the_pipeline_started(start: Start, tmp_path: Path) -> None:
    child = start("spawn")
    assert child.receive(soon())["event"] == "ready"
    log = (tmp_path / "child.log").read_text()
    sleeper = int(log.split("SLEEPER ")[1].split()[0])
    child.close(graceful=False)
    assert gone(sleeper, within_s=5)


# --- the log -----------------------------------------------------------------------------------


def test_without_a_cap_output_is_appended_to_the_log(start: Start, tmp_path: Path) -> None:
    (tmp_path / "child.log").write_text("earlier run\n")
    start("chatty").receive(soon())
    log = (tmp_path / "child.log").read_text()
    assert log.startswith("earlier run\n") and "x" * 100_000 in log


def test_with_a_cap_the_log_keeps_that_many_bytes_and_says_it_was_cut(
    start: Start, tmp_path: Path
) -> None:
    child = start("chatty", log_cap_bytes=1000)  # prints 100,000 bytes
    child.receive(soon())
    child.close(graceful=True)
    data = (tmp_path / "child.log").read_bytes()
    assert len(data) == 1000 + len(note(1000)) and data.endswith(note(1000))


def pump(log: Path, cap: int, *chunks: bytes) -> bytes:
    """Feed `chunks` through a LogPump into `log`, close the pipe, wait, return the log."""
    read_fd, write_fd = os.pipe()
    log_pump = LogPump(read_fd, log, cap)
    for chunk in chunks:
        os.write(write_fd, chunk)
    os.close(write_fd)
    log_pump.finish(5.0)
    return log.read_bytes()


def note(cap: int) -> bytes:
    return f"\n[log truncated: output past {cap} bytes was discarded]\n".encode()


def test_output_under_the_cap_is_kept_whole(tmp_path: Path) -> None:
    assert pump(tmp_path / "log", 10, b"12345", b"67890") == b"1234567890"  # exactly the cap


def test_output_past_the_cap_is_cut_with_one_note(tmp_path: Path) -> None:
    assert pump(tmp_path / "log", 10, b"123456", b"7890X", b"more") == b"1234567890" + note(10)


def test_the_cap_covers_what_the_log_already_holds(tmp_path: Path) -> None:
    log = tmp_path / "log"
    log.write_bytes(b"12345678")  # a restarted child appends: 10 − 8 bytes are left
    assert pump(log, 10, b"abcdef") == b"12345678ab" + note(10)


def test_a_log_already_past_the_cap_gets_nothing_more(tmp_path: Path) -> None:
    log = tmp_path / "log"
    log.write_bytes(b"0123456789" + note(10))  # cut by an earlier child
    assert pump(log, 10, b"abc") == b"0123456789" + note(10)


def test_a_zero_cap_keeps_only_the_note(tmp_path: Path) -> None:
    assert pump(tmp_path / "log", 0, b"abc") == note(0)


def test_output_past_the_cap_is_still_read_so_the_writer_never_blocks(tmp_path: Path) -> None:
    read_fd, write_fd = os.pipe()
    log_pump = LogPump(read_fd, tmp_path / "log", 100)
    # 4 MiB: far more than a pipe holds, so the writer finishes only if the pump drains it
    writer = threading.Thread(target=os.write, args=(write_fd, b"y" * (4 << 20)), daemon=True)
    writer.start()
    writer.join(10)
    assert not writer.is_alive()
    os.close(write_fd)
    log_pump.finish(5.0)
    assert (tmp_path / "log").read_bytes() == b"y" * 100 + note(100)


def test_finish_does_not_wait_for_a_pipe_someone_still_holds(tmp_path: Path) -> None:
    # a grandchild that escaped the child's group keeps the write end open forever
    read_fd, write_fd = os.pipe()
    log_pump = LogPump(read_fd, tmp_path / "log", 100)
    os.write(write_fd, b"hello")
    began = time.monotonic()
    try:
        log_pump.finish(0.2)
        assert time.monotonic() - began < 2
    finally:
        os.close(write_fd)
    assert (tmp_path / "log").read_bytes() == b"hello"
