"""Facts about the host that a mounting sandbox needs: where the Python runtime lives, and whether a
tree can be read by the unprivileged uid the submission runs as.

Used by `grader.sandbox.bwrap` and `grader.sandbox.docker`. Nothing here runs at import time;
every function looks at the paths it is given.
"""

from __future__ import annotations

import os
import stat
import sys
from dataclasses import dataclass
from pathlib import Path

from grader.sandbox.interface import MIB, Limits, SandboxError

# A file at this relative path is an answer key's hidden questions (see DESIGN "Data on disk").
KEY_MARKER = Path("questions") / "hidden.jsonl"


@dataclass(frozen=True)
class PythonRuntime:
    """The interpreter and packages a sandboxed child runs with, as host paths."""

    prefix: Path  # the real interpreter's installation (stdlib, libpython), symlinks resolved
    venv: Path | None  # the virtual environment holding site-packages; None: not a venv
    executable: Path  # the interpreter inside `venv` (or `prefix` when there is no venv)


def python_runtime(venv: Path | None = None) -> PythonRuntime:
    """The runtime of `venv`, or of the running interpreter when `venv` is None.

    A venv's `bin/python` is a symlink into the base installation named by `home` in
    `pyvenv.cfg`; both must be visible inside the sandbox.
    """
    if venv is None:
        if sys.prefix == sys.base_prefix:
            prefix = Path(sys.base_prefix).resolve()
            return PythonRuntime(prefix, None, Path(sys.executable).resolve())
        venv = Path(sys.prefix)
    venv = Path(venv).absolute()
    config = venv / "pyvenv.cfg"
    if not config.is_file():
        raise SandboxError(f"{venv} is not a virtual environment (no pyvenv.cfg): pass a venv")
    home = None
    for line in config.read_text(encoding="utf-8").splitlines():
        key, _, value = line.partition("=")
        if key.strip() == "home":
            home = Path(value.strip()).resolve()
    if home is None:
        raise SandboxError(f"{config} names no 'home': recreate the venv with python -m venv")
    prefix = home.parent if home.name == "bin" else home
    executable = venv / "bin" / "python"
    if not executable.exists():
        raise SandboxError(f"{executable} is missing: recreate the venv with python -m venv")
    return PythonRuntime(prefix, venv, executable)


def others_can_read(path: Path) -> bool:
    """Whether a uid with no special rights can read `path` (and list it, for a directory)."""
    mode = path.lstat().st_mode
    if stat.S_ISLNK(mode):  # resolved inside the sandbox, where it may point anywhere harmless
        return True
    needed = stat.S_IROTH | (stat.S_IXOTH if stat.S_ISDIR(mode) else 0)
    return mode & needed == needed


def drop_privileges(uid: int) -> list[str]:
    """The command prefix that runs what follows as `uid`:`uid`, with no supplementary groups,
    no capabilities (inheritable or bounding) and no_new_privs (needs root)."""
    return [
        "setpriv",
        f"--reuid={uid}",
        f"--regid={uid}",
        "--clear-groups",
        "--inh-caps=-all",
        "--bounding-set=-all",
        "--no-new-privs",
        "--",
    ]


def rlimit_command(limits: Limits) -> list[str]:
    """prlimit with the limits' memory, processes, file size, open files and CPU time, and no
    core files; run as the sandbox uid it may only lower its own limits, then execs."""
    return [
        "prlimit",
        f"--as={limits.memory_mb * MIB}",
        f"--nproc={limits.pids}",
        f"--fsize={limits.file_size_mb * MIB}",
        f"--nofile={limits.open_files}",
        f"--cpu={limits.cpu_s}",
        "--core=0",
        "--",
    ]


def make_readable(root: Path) -> None:
    """Everything under `root` readable (and folders passable) by any uid."""
    for folder, _dirs, files in os.walk(root):
        Path(folder).chmod(0o755)
        for name in files:
            path = Path(folder, name)
            if not path.is_symlink():
                path.chmod(0o644)


def reachable_by_others(path: Path) -> bool:
    """Whether a uid with no special rights can read `path`: every folder above it passable
    and `path` itself readable (a folder: listable) by "other"."""
    path = Path(path).absolute()
    for parent in reversed(path.parents):
        if not parent.stat().st_mode & stat.S_IXOTH:
            return False
    return others_can_read(path)


def require_readable(root: Path, what: str, *, walk: bool) -> None:
    """Raise `SandboxError` unless `root` (and, with `walk`, everything under it) is readable by
    any uid. The sandbox uid gets no group or owner rights, so only the "other" bits count."""
    paths = [root]
    if walk:
        for folder, dirs, files in os.walk(root):
            paths += [Path(folder, name) for name in dirs + files]
    for path in paths:
        if not others_can_read(path):
            mode = stat.S_IMODE(path.lstat().st_mode)
            raise SandboxError(
                f"{what} {path} is not readable by the sandbox uid (mode {mode:04o}): "
                f"run chmod -R o+rX {root}, or copy it to a world-readable folder"
            )


def refuse_key(root: Path, what: str) -> None:
    """Raise `SandboxError` when `root` holds an answer key: it must never be mounted."""
    for folder, _, files in os.walk(root):
        here = Path(folder)
        if "hidden.jsonl" in files and here.name == KEY_MARKER.parent.name:
            raise SandboxError(
                f"refusing to mount {what} {root}: it holds an answer key "
                f"({here / 'hidden.jsonl'}); pass the bundle or variant directory alone"
            )


def mountable_inputs(submission: Path, corpus: Path) -> tuple[Path, Path]:
    """The submission and corpus folders, resolved, once each is known to be a directory that
    holds no answer key and that the sandbox uid can read throughout; else `SandboxError`."""
    submission, corpus = Path(submission).resolve(), Path(corpus).resolve()
    for path, what in ((submission, "submission"), (corpus, "corpus")):
        if not path.is_dir():
            raise SandboxError(f"{what} {path} is not a directory")
        refuse_key(path, what)
        require_readable(path, what, walk=True)
    return submission, corpus


def fresh_dir(path: Path, uid: int, gid: int) -> Path:
    """Create `path` (it may exist, empty) as a 0700 directory owned by `uid`:`gid`."""
    path = Path(path).absolute()
    path.mkdir(parents=True, exist_ok=True)
    if any(path.iterdir()):
        raise SandboxError(f"work dir {path} is not empty: give a fresh directory for each run")
    os.chown(path, uid, gid)
    path.chmod(0o700)
    return path
