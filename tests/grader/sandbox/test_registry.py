"""Choosing a backend: by name, automatically, and the messages when none can run."""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.sandbox import bwrap as bwrap_module
from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.interface import SandboxError
from grader.sandbox.none import NoSandbox
from grader.sandbox.registry import AUTOMATIC, SANDBOXES, choose
from tests.grader.sandbox.helpers import LIMITS


def test_an_unknown_isolation_names_the_allowed_ones() -> None:
    with pytest.raises(ValueError, match="unknown isolation 'chroot': use one of ") as info:
        choose("chroot", LIMITS)
    assert str(info.value).endswith(", ".join(SANDBOXES))


def test_none_is_only_ever_chosen_by_name() -> None:
    assert "none" not in AUTOMATIC
    sandbox = choose("none", LIMITS)
    assert isinstance(sandbox, NoSandbox) and not sandbox.isolated


@pytest.fixture
def no_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """DOCKER_HOST points where no engine listens, whatever this machine runs."""
    monkeypatch.setenv("DOCKER_HOST", f"unix://{tmp_path / 'no-engine.sock'}")


def test_docker_without_an_engine_is_refused_by_name(no_engine: None) -> None:
    with pytest.raises(SandboxError, match="^docker sandbox unavailable: no Docker engine"):
        choose("docker", LIMITS)


def test_automatic_choice_is_bwrap_when_no_engine_answers(
    bwrap_ready: None, no_engine: None
) -> None:
    sandbox = choose(None, LIMITS)
    assert isinstance(sandbox, BwrapSandbox) and sandbox.isolated


def test_without_bwrap_the_choice_refuses_and_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, no_engine: None
) -> None:
    real_which = bwrap_module.shutil.which
    monkeypatch.setattr(
        bwrap_module.shutil, "which", lambda name: None if name == "bwrap" else real_which(name)
    )
    with pytest.raises(SandboxError) as info:
        choose(None, LIMITS)
    message = str(info.value)
    assert message.startswith("no sandbox available (docker: ")
    assert "bwrap: bwrap not found: apt-get install bubblewrap" in message
    assert "isolation 'none' runs the submission unisolated" in message
    with pytest.raises(SandboxError, match="^bwrap sandbox unavailable: bwrap not found"):
        choose("bwrap", LIMITS)


def test_bwrap_refuses_to_start_as_a_normal_user(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bwrap_module.shutil, "which", lambda name: f"/usr/bin/{name}")
    monkeypatch.setattr(bwrap_module.os, "geteuid", lambda: 1000)
    problem = BwrapSandbox(LIMITS).problem()
    assert problem is not None and problem.startswith("bwrap sandbox must be started as root")
