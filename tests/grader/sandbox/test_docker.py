"""The docker backend: when it calls itself unavailable, what `prepare` asks the engine for, and the
relay's pieces that need no engine. Runs in a container are in test_docker_container.py."""

from __future__ import annotations

import contextlib
import http.server
import json
import os
import socketserver
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from exercise.runner import harness_root
from grader.sandbox import docker as docker_sandbox_module
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


class SlowEngine(socketserver.ThreadingMixIn, socketserver.UnixStreamServer):
    """A Docker API on a unix socket that answers an unversioned ping at once and everything else
    only after `delay_s`: podman's service beside a storming run (version and info took 6-14 s
    there). A versioned ping is refused, as engines that dropped old API versions refuse it."""

    daemon_threads = True

    def __init__(self, path: Path, delay_s: float) -> None:
        self.delay_s = delay_s
        super().__init__(str(path), _SlowHandler)

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up waiting closed its end: nothing to report


class _SlowHandler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self) -> None:  # noqa: N802 - the stdlib's name
        path = self.path.split("?")[0]
        if path.endswith("/_ping") and path != "/_ping":
            # as an engine that has dropped old API versions answers a versioned one
            self.send_error(400, "client version 1.24 is too old")
            return
        if path == "/_ping":
            body = b"OK"
        else:
            time.sleep(self.server.delay_s)
            answers = {"/version": {"ApiVersion": "1.41", "Version": "4.3.1"}, "/info": {}}
            found = [v for k, v in answers.items() if path.endswith(k)]
            body = json.dumps(found[0] if found else {"Id": "sha256:0"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/plain" if body == b"OK" else "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_an_engine_that_pings_but_is_slow_to_say_more_is_still_found(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the probe's 5 s is for finding no engine at all; a busy one's version and info get the
    # API's timeout (here scaled down: 0.3 s for the ping, 0.8 s to answer the rest)
    monkeypatch.setattr(docker_sandbox_module, "PROBE_TIMEOUT_S", 0.3)
    server = SlowEngine(tmp_path / "engine.sock", delay_s=0.8)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        sandbox = DockerSandbox(LIMITS, base_url=f"unix://{tmp_path / 'engine.sock'}")
        assert sandbox.problem() is None
        monkeypatch.setattr(docker_sandbox_module, "API_TIMEOUT_S", 0.3)
        problem = DockerSandbox(LIMITS, base_url=f"unix://{tmp_path / 'engine.sock'}").problem()
    finally:
        server.shutdown()
        server.server_close()
    assert problem is not None and "answers a ping but not its version or info within 0.3 s" in (
        problem
    )


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
