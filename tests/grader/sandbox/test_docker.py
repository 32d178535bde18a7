"""The docker backend: when it calls itself unavailable, what `prepare` asks the engine for, and the
relay's pieces that need no engine. Runs in a container are in test_docker_container.py."""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from exercise.runner import harness_root
from grader.sandbox import docker_relay
from grader.sandbox.docker import SANDBOX_UID, DockerSandbox
from grader.sandbox.interface import SandboxError
from tests.exercise.helpers import write_submission
from tests.grader.sandbox.engine import TEST_IMAGE
from tests.grader.sandbox.helpers import LIMITS, write_corpus


def dead_socket(tmp_path: Path) -> str:
    return f"unix://{tmp_path / 'nothing-listens-here.sock'}"


def test_without_an_engine_the_backend_says_what_to_start(tmp_path: Path) -> None:
    sandbox = DockerSandbox(LIMITS, base_url=dead_socket(tmp_path))
    problem = sandbox.problem()
    assert problem is not None
    assert problem.startswith(f"no Docker engine answers at {dead_socket(tmp_path)} (")
    assert problem.endswith("start one (dockerd, or `podman system service`) or set DOCKER_HOST")
    with pytest.raises(SandboxError, match="^docker sandbox unavailable: no Docker engine"):
        sandbox.prepare(tmp_path, tmp_path, tmp_path / "work")


def test_the_engine_address_comes_from_docker_host_when_not_given(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("DOCKER_HOST", dead_socket(tmp_path))
    assert DockerSandbox(LIMITS).engine_url() == dead_socket(tmp_path)
    monkeypatch.delenv("DOCKER_HOST")
    assert DockerSandbox(LIMITS).engine_url() == "unix:///var/run/docker.sock"
    assert DockerSandbox(LIMITS, base_url="tcp://1.2.3.4:2375").engine_url() == (
        "tcp://1.2.3.4:2375"
    )


def test_the_relay_renames_the_protocol_fds_for_the_container() -> None:
    command = ["python", "-P", "-m", "exercise.child", "--request-fd", "7", "--result-fd", "9"]
    rewritten, request_fd, result_fd = docker_relay._rewrite_fds(command)
    assert (request_fd, result_fd) == (7, 9)
    assert rewritten[-4:] == ["--request-fd", "3", "--result-fd", "4"]
    assert command[-1] == "9"  # the runner's list is left alone


@pytest.mark.parametrize(
    ("code", "oom", "expected"),
    [
        (137, False, "code 137: killed by SIGKILL, most likely at its memory limit (512 MB)"),
        (137, True, "memory limit (512 MB) (OOMKilled)"),
        (143, False, "code 143 (killed by signal 15)"),
        (3, False, "the container exited with code 3"),
    ],
)
def test_the_relay_explains_how_a_container_ended(code: int, oom: bool, expected: str) -> None:
    assert expected in docker_relay._exit_note(code, oom, {"memory_mb": 512})


@pytest.fixture
def pipe() -> Iterator[Callable[..., tuple[int, int]]]:
    """Makes pipes (read end blocking or not) and closes whatever end a test left open."""
    made: list[tuple[int, int]] = []

    def make(*, blocking: bool = True) -> tuple[int, int]:
        read, write = os.pipe()
        os.set_blocking(read, blocking)
        made.extend((fd, os.fstat(fd).st_ino) for fd in (read, write))
        return read, write

    yield make
    for fd, inode in made:
        # an end the test closed may have been reused since: close only our own pipe
        with contextlib.suppress(OSError):
            if os.fstat(fd).st_ino == inode:
                os.close(fd)


def test_output_printed_before_a_result_reaches_the_runner_first(pipe) -> None:
    # The runner kills the relay as soon as it reads a fatal result, so what the child printed
    # before it must already be out: here the log's own thread never runs at all.
    log_fifo, results_fifo = pipe(blocking=False), pipe()
    runner_log, runner_results = pipe(), pipe()
    os.write(log_fifo[1], b"importing the pipeline\nTraceback ...\n")
    os.write(results_fifo[1], b'{"event": "error"}\n')
    os.close(results_fifo[1])
    log = docker_relay._Log(log_fifo[0], runner_log[1])
    docker_relay._copy(results_fifo[0], runner_results[1], log)
    assert os.read(runner_results[0], 1 << 16) == b'{"event": "error"}\n'
    assert os.read(runner_log[0], 1 << 16) == b"importing the pipeline\nTraceback ...\n"


def test_a_child_that_never_stops_printing_cannot_hold_its_results_back(tmp_path: Path) -> None:
    # /dev/zero stands for a log FIFO refilled as fast as it is read: never empty, never at EOF
    source = os.open("/dev/zero", os.O_RDONLY | os.O_NONBLOCK)
    target = os.open(tmp_path / "log", os.O_WRONLY | os.O_CREAT)
    try:
        log = docker_relay._Log(source, target)
        flushed = threading.Thread(target=log.flush, daemon=True)
        flushed.start()
        flushed.join(10)
        assert not flushed.is_alive()
        # one flush copies at most a FIFO's capacity (not a FIFO here: the largest default)
        assert (tmp_path / "log").stat().st_size == 1 << 20
    finally:
        os.close(source)
        os.close(target)


def test_the_log_relay_copies_everything_until_the_writers_are_gone(pipe) -> None:
    log_fifo, runner_log = pipe(blocking=False), pipe()
    log = docker_relay._Log(log_fifo[0], runner_log[1])
    thread = threading.Thread(target=log.relay, daemon=True)
    thread.start()
    for line in (b"one\n", b"two\n", b"three\n"):
        os.write(log_fifo[1], line)
        log.flush()  # the results relay flushing in between copies nothing twice
    os.close(log_fifo[1])
    thread.join(5)
    assert not thread.is_alive()
    os.close(runner_log[1])
    copied = b""
    while chunk := os.read(runner_log[0], 1 << 16):
        copied += chunk
    assert copied == b"one\ntwo\nthree\n"


# --- with an engine (podman), slow: the first run builds the images ----------------------------


@pytest.mark.slow
def test_a_missing_image_is_named_with_the_command_that_builds_it(docker_engine: str) -> None:
    problem = DockerSandbox(LIMITS, image="localhost/no-such-image:1", base_url=docker_engine)
    assert problem.problem() == (
        f"image localhost/no-such-image:1 not found on the engine at {docker_engine}: build it "
        "with `docker build -f grader/Dockerfile -t localhost/no-such-image:1 .` "
        "(see grader/docker/README.md)"
    )
    assert DockerSandbox(LIMITS, image=TEST_IMAGE, base_url=docker_engine).available()


def spec_of(prefix: tuple[str, ...]) -> dict:
    return json.loads(prefix[prefix.index("--spec") + 1])


@pytest.mark.slow
def test_prepare_mounts_inputs_read_only_and_asks_for_every_restriction(
    tmp_path: Path, docker_sandbox
) -> None:
    submission = write_submission(tmp_path / "submission", "")
    corpus = write_corpus(tmp_path / "corpus")
    launch = docker_sandbox().prepare(submission, corpus, tmp_path / "work")
    assert launch.command_prefix[:3] == (
        launch.command_prefix[0],
        "-I",
        str(harness_root() / "grader" / "sandbox" / "docker_relay.py"),
    )
    assert launch.command_prefix[-1] == "--"
    spec = spec_of(launch.command_prefix)
    mounts = {m["target"]: (m["source"], m["read_only"]) for m in spec["mounts"]}
    assert mounts == {
        "/submission": (str(submission), True),
        "/corpus": (str(corpus), True),
        "/harness/exercise": (str(harness_root() / "exercise"), True),
        "/work": (str(tmp_path / "work"), False),
    }
    create = spec["create"]
    assert (create["network_mode"], create["read_only"], create["init"]) == ("none", True, True)
    assert create["cap_drop"] == ["ALL"] and create["security_opt"] == ["no-new-privileges"]
    assert create["user"] == f"{launch.uid}:{launch.uid}" and launch.uid != SANDBOX_UID
    assert create["mem_limit"] == create["memswap_limit"] == f"{LIMITS.memory_mb}m"
    assert create["pids_limit"] == LIMITS.pids and create["nano_cpus"] == 2_000_000_000
    assert create["tmpfs"] == {"/tmp": f"size={LIMITS.tmp_mb}m,mode=1777"}
    assert spec["ulimits"] == {
        "nofile": LIMITS.open_files,
        "nproc": LIMITS.pids,
        "fsize": LIMITS.file_size_mb << 20,
        "cpu": LIMITS.cpu_s,
        "core": 0,
    }
    assert launch.python == "/opt/venv/bin/python" and launch.isolation == "docker"
    assert launch.child_paths is not None and launch.child_paths.harness == "/harness"
    assert (tmp_path / "work").stat().st_uid == launch.uid
    assert launch.env is not None and "DOCKER_HOST" not in launch.env


@pytest.mark.slow
def test_prepare_refuses_a_submission_that_holds_the_key(tmp_path: Path, docker_sandbox) -> None:
    out = tmp_path / "out"
    submission = write_submission(out / "bundle", "")
    (out / "key" / "questions").mkdir(parents=True)
    (out / "key" / "questions" / "hidden.jsonl").write_text("{}\n")
    with pytest.raises(SandboxError, match="refusing to mount submission"):
        docker_sandbox().prepare(out, write_corpus(tmp_path / "corpus"), tmp_path / "work")
    assert submission.is_dir()
