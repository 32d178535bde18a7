"""Fixtures for the sandbox tests: a tiny corpus, a factory for sandboxed runs, the backends the
hostile submissions run under, and planted secrets for the key hunters."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import exercise
from exercise.runner import harness_root
from grader.sandbox.bwrap import SANDBOX_UID as BWRAP_UID
from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.docker import SANDBOX_UID as DOCKER_UID
from grader.sandbox.docker import DockerSandbox
from grader.sandbox.interface import Limits, Sandbox
from tests.exercise.helpers import write_submission
from tests.grader.sandbox import engine
from tests.grader.sandbox.helpers import LIMITS, SandboxedRun, run_sandboxed, write_corpus
from tests.grader.sandbox.hostile import Backend, Planted, plant_key


@pytest.fixture(scope="session")
def bwrap_ready() -> None:
    problem = BwrapSandbox(LIMITS).problem()
    if problem is not None:
        pytest.skip(f"bwrap sandbox unavailable: {problem}")


@pytest.fixture(scope="session")
def docker_engine(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The base URL of a Docker-API engine (podman's service) holding the test grader image.

    Skips when podman, runc or debootstrap are missing, or fails where the environment says the
    container tests are required (CI); builds the images on first use (minutes; cached after
    that, see engine.py)."""
    engine.require_engine()
    engine.prepare_images()
    service = engine.Service(tmp_path_factory.mktemp("podman"))
    yield service.base_url
    service.stop()


@pytest.fixture
def docker_sandbox(docker_engine: str) -> Callable[..., DockerSandbox]:
    """make(limits=LIMITS, **options): a docker backend on the test engine and image."""

    def make(limits: Limits = LIMITS, **options: object) -> DockerSandbox:
        return DockerSandbox(limits, image=engine.TEST_IMAGE, base_url=docker_engine, **options)

    return make


@pytest.fixture
def bwrap(sandboxed: Callable[..., SandboxedRun]) -> Backend:
    """The bwrap backend (a test that runs it skips where bwrap cannot run)."""
    return Backend("bwrap", sandboxed, BwrapSandbox, BWRAP_UID)


@pytest.fixture
def container(
    sandboxed: Callable[..., SandboxedRun], docker_sandbox: Callable[..., DockerSandbox]
) -> Backend:
    """The docker backend on the test engine and image."""
    return Backend("docker", sandboxed, docker_sandbox, DOCKER_UID)


@pytest.fixture(
    params=["bwrap", pytest.param("container", marks=pytest.mark.slow)], ids=["bwrap", "docker"]
)
def backend(request: pytest.FixtureRequest) -> Backend:
    """Each backend in turn; the container's runs are slow (an engine, built images)."""
    return request.getfixturevalue(request.param)


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return write_corpus(tmp_path / "corpus")


@pytest.fixture
def sandboxed(tmp_path: Path, corpus: Path) -> Callable[..., SandboxedRun]:
    """run(source, queries, limits=LIMITS, extra=None, links=None, max_restarts=0, sandbox=None):
    write the submission (`links`: relative path -> symlink target; a Path `source` is a
    submission already written), prepare a bwrap sandbox (or `sandbox`) and run the submission
    through `run_submission`. A bwrap sandbox that cannot run here skips the test."""

    def run(
        source: str | Path,
        queries: list[str],
        *,
        limits: Limits = LIMITS,
        extra: dict[str, str] | None = None,
        links: dict[str, Path] | None = None,
        max_restarts: int = 0,
        sandbox: Sandbox | None = None,
    ) -> SandboxedRun:
        if isinstance(source, Path):
            submission = source
        else:
            submission = write_submission(tmp_path / "submission", source, extra)
        for relative, target in (links or {}).items():
            (submission / relative).symlink_to(target)
        sandbox = sandbox or BwrapSandbox(limits)
        if isinstance(sandbox, BwrapSandbox) and (problem := sandbox.problem()) is not None:
            pytest.skip(f"bwrap sandbox unavailable: {problem}")
        return run_sandboxed(
            sandbox, submission, corpus, queries, tmp_path, max_restarts=max_restarts
        )

    return run


@pytest.fixture
def planted(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    secret = f"SECRET-{uuid.uuid4().hex}"
    decoy = "SECRET-decoy-in-the-corpus"
    (corpus / "docs" / "decoy.md").write_text(f"# Decoy\n\n{decoy}\n")
    hidden = plant_key(tmp_path / "key", secret)  # next to the corpus, like OUT/key/ and variant
    fake_repo = tmp_path / "harness"
    shutil.copytree(
        Path(exercise.__file__).parent,
        fake_repo / "exercise",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    repo_hidden = plant_key(fake_repo / "corpus" / "default" / "key", secret)
    (fake_repo / "grader").mkdir()
    (fake_repo / "grader" / "secrets.py").write_text(f"KEY = {secret!r}\n")
    (corpus / "leak.md").symlink_to(hidden)  # absolute and relative links to the key
    (corpus / "escape").symlink_to(Path("..") / "key")
    monkeypatch.setenv("TAKEHOME_TEST_SECRET", secret)  # the grader's own environment
    holder = subprocess.Popen(  # a host process with the secret in its command line and env
        [sys.executable, "-c", "import time; time.sleep(120)", secret],
        env={"SECRET": secret},
    )
    host_paths = [
        str(hidden),
        str(hidden.parent.parent),
        str(repo_hidden),
        str(fake_repo),
        str(harness_root()),
        str(harness_root() / "corpus" / "default" / "key" / "questions" / "hidden.jsonl"),
        f"/proc/{holder.pid}/cmdline",
        f"/proc/{os.getpid()}/environ",
    ]
    yield Planted(secret, decoy, host_paths, fake_repo, tmp_path / "key")
    holder.kill()
    holder.wait()
