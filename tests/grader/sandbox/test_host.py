"""Host facts for mounting: the Python runtime's folders, readability by the sandbox uid, keys."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from grader.sandbox.host import (
    fresh_dir,
    others_can_read,
    python_runtime,
    refuse_key,
    require_readable,
)
from grader.sandbox.interface import SandboxError


def test_the_running_venv_and_its_base_installation_are_found() -> None:
    runtime = python_runtime()
    assert runtime.prefix == Path(sys.base_prefix).resolve()
    assert (runtime.venv is None) == (sys.prefix == sys.base_prefix)
    assert runtime.executable.exists()


def test_a_venv_is_read_from_its_pyvenv_cfg(tmp_path: Path) -> None:
    base = tmp_path / "pythons" / "3.11"
    (base / "bin").mkdir(parents=True)
    venv = tmp_path / "venv"
    (venv / "bin").mkdir(parents=True)
    (venv / "bin" / "python").symlink_to(base / "bin" / "python3")
    (base / "bin" / "python3").write_text("")
    (venv / "pyvenv.cfg").write_text(f"home = {base / 'bin'}\nversion = 3.11.7\n")
    runtime = python_runtime(venv)
    assert (runtime.prefix, runtime.venv) == (base.resolve(), venv)
    assert runtime.executable == venv / "bin" / "python"


def test_a_folder_that_is_not_a_venv_is_refused(tmp_path: Path) -> None:
    with pytest.raises(SandboxError, match="is not a virtual environment"):
        python_runtime(tmp_path)


def test_only_the_other_permission_bits_count(tmp_path: Path) -> None:
    folder, file = tmp_path / "d", tmp_path / "f"
    folder.mkdir()
    file.write_text("x")
    for path, mode, readable in [
        (folder, 0o755, True),
        (folder, 0o754, False),  # listable needs x too
        (folder, 0o770, False),
        (file, 0o644, True),
        (file, 0o640, False),
    ]:
        path.chmod(mode)
        assert others_can_read(path) is readable, (path.name, oct(mode))


def test_an_unreadable_file_deep_in_a_tree_is_named(tmp_path: Path) -> None:
    (tmp_path / "sub" / "rag").mkdir(parents=True)
    secret = tmp_path / "sub" / "rag" / "private.py"
    secret.write_text("")
    secret.chmod(0o600)
    require_readable(tmp_path / "sub", "submission", walk=False)  # the root alone is fine
    with pytest.raises(SandboxError, match=f"submission {secret} is not readable .*0600"):
        require_readable(tmp_path / "sub", "submission", walk=True)


def test_a_tree_holding_an_answer_key_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out" / "key" / "questions").mkdir(parents=True)
    (tmp_path / "out" / "key" / "questions" / "hidden.jsonl").write_text("{}\n")
    with pytest.raises(SandboxError, match="refusing to mount submission .*answer key"):
        refuse_key(tmp_path / "out", "submission")
    (tmp_path / "variant" / "questions").mkdir(parents=True)
    (tmp_path / "variant" / "questions" / "public.jsonl").write_text("{}\n")
    refuse_key(tmp_path / "variant", "corpus")  # public questions are fine


@pytest.mark.skipif(os.geteuid() != 0, reason="chown to another uid needs root")
def test_the_work_dir_is_fresh_and_owned_by_the_sandbox_uid(tmp_path: Path) -> None:
    work = fresh_dir(tmp_path / "a" / "work", 65534, 65534)
    info = work.stat()
    assert (info.st_uid, info.st_gid, info.st_mode & 0o777) == (65534, 65534, 0o700)
    (work / "left-over").write_text("")
    with pytest.raises(SandboxError, match="is not empty: give a fresh directory"):
        fresh_dir(work, 65534, 65534)
