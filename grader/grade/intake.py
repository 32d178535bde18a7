"""Taking a submission in: a directory, a `.tar.gz`/`.tgz`/`.tar`/`.zip` archive or a git
repository, copied into a private folder the grader owns.

The copy is what every run mounts (read-only in a sandbox), so nothing the candidate's code does
during one run can change what the next run sees, and the sandbox uid can read it. Archives are
untrusted input: members with absolute paths, `..`, links, devices or too much data are refused
with a message naming the member. A git repository is graded at its committed HEAD (what a clone
of it gives), or as its working tree when asked (`worktree`: tracked files as they are on disk
plus the untracked files git does not ignore); either way the files changed but not committed and
the untracked ones are recorded, for `grader.grade.preflight` to name. The submission root is the
folder holding `rag/pipeline.py`: the given folder itself or its single top-level folder (how
`tar` and zip tools usually wrap a repository).
"""

from __future__ import annotations

import hashlib
import shutil
import stat
import subprocess
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from exercise.errors import ExerciseError

ENTRY = PurePosixPath("rag/pipeline.py")
MAX_BYTES = 512 << 20  # unpacked size of an archive
MAX_FILES = 50_000
# Never copied: local state and caches a candidate's working copy is full of.
SKIPPED = {
    ".venv",
    "venv",
    ".git",
    ".takehome",
    "__pycache__",
    ".pytest_cache",
    ".ruff_cache",
    ".mypy_cache",
    "node_modules",
}
ARCHIVE_SUFFIXES = (".tar.gz", ".tgz", ".tar", ".zip")


class SubmissionError(ExerciseError):
    """The submission cannot be read as one; the message names the path and what to do."""


@dataclass(frozen=True)
class Intake:
    """A submission copied in."""

    root: Path  # the folder holding rag/pipeline.py (inside the grader's copy)
    source: Path  # what the user named
    kind: str  # "directory", "archive" or "git"
    sha256: str  # of the copied tree (paths and contents), to tell submissions apart
    git_commit: str | None = None
    uncommitted: tuple[str, ...] = ()  # git only: tracked paths changed in the working tree
    untracked: tuple[str, ...] = ()  # git only: files git neither tracks nor ignores
    worktree: bool = False  # git only: the working tree was graded, not the commit


def take_in(source: Path, dest: Path, *, worktree: bool = False) -> Intake:
    """Copy the submission at `source` into the empty or absent folder `dest`; a git repository
    at its HEAD, or with `worktree` as its working tree."""
    source = Path(source)
    if not source.exists():
        raise SubmissionError(f"submission {source} does not exist")
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    if any(dest.iterdir()):
        raise SubmissionError(
            f"{dest} is not empty; the submission must be copied into a new folder"
        )
    commit, uncommitted, untracked = None, (), ()
    is_git = source.is_dir() and (source / ".git").exists()
    if worktree and not is_git:
        raise SubmissionError(
            f"--worktree grades a git repository's working tree, and {source} is not a git "
            "repository: leave --worktree out"
        )
    if is_git:
        kind = "git"
        commit, uncommitted, untracked = _git_export(source, dest, worktree=worktree)
    elif source.is_dir():
        kind = "directory"
        _copy_tree(source, dest)
    elif source.name.endswith(ARCHIVE_SUFFIXES):
        kind = "archive"
        if source.name.endswith(".zip"):
            _unzip(source, dest)
        else:
            _untar(source, dest)
    else:
        raise SubmissionError(
            f"submission {source} is neither a folder nor an archive "
            f"({', '.join(ARCHIVE_SUFFIXES)}): pass the candidate's repository or what they sent"
        )
    _normalise_modes(dest)
    root = _find_root(dest, source)
    return Intake(
        root=root,
        source=source,
        kind=kind,
        sha256=tree_sha256(root),
        git_commit=commit,
        uncommitted=uncommitted,
        untracked=untracked,
        worktree=worktree,
    )


def tree_sha256(root: Path) -> str:
    """sha256 over every file's relative path and content, in sorted order."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(root).rglob("*") if p.is_file()):
        digest.update(path.relative_to(root).as_posix().encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _find_root(dest: Path, source: Path) -> Path:
    if (dest / ENTRY).is_file():
        return dest
    children = [p for p in dest.iterdir() if not p.name.startswith(".")]
    if len(children) == 1 and children[0].is_dir() and (children[0] / ENTRY).is_file():
        return children[0]
    raise SubmissionError(
        f"submission {source} has no {ENTRY} (nor has its single top-level folder): a submission "
        "is the candidate's repository, shaped like the starter"
    )


def _skipped(rel: PurePosixPath) -> bool:
    return any(part in SKIPPED or part.endswith(".egg-info") for part in rel.parts)


def _copy_tree(source: Path, dest: Path) -> None:
    files = 0
    total = 0
    for path in sorted(source.rglob("*")):
        rel = PurePosixPath(path.relative_to(source).as_posix())
        if _skipped(rel):
            continue
        if path.is_symlink():
            raise SubmissionError(
                f"submission {source} contains a symbolic link ({rel}): replace it with the file"
            )
        target = dest / rel
        if path.is_dir():
            target.mkdir(parents=True, exist_ok=True)
        elif path.is_file():
            files += 1
            total += path.stat().st_size
            _check_size(source, files, total)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(path, target)


def _git_export(
    source: Path, dest: Path, *, worktree: bool
) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
    """Copy HEAD (or the working tree) of the repository `source` into `dest`; return the commit,
    the tracked paths changed in the working tree and the untracked (not ignored) ones."""
    git = shutil.which("git")
    if git is None:
        raise SubmissionError(
            f"{source} is a git repository but git is not installed: install git, or pass an "
            "archive of the repository"
        )

    def run(*args: str) -> bytes:
        result = subprocess.run(
            [git, "-C", str(source), *args], capture_output=True, check=False, timeout=120
        )
        if result.returncode != 0:
            why = result.stderr.decode("utf-8", "replace").strip().splitlines()
            raise SubmissionError(
                f"git {' '.join(args)} failed in {source}: {why[-1] if why else 'no message'}"
            )
        return result.stdout

    commit = run("rev-parse", "--verify", "HEAD^{commit}").decode().strip()
    status = run("status", "--porcelain", "-z", "--untracked-files=all")
    uncommitted, untracked = _git_changes(status)
    if worktree:
        listed = run("ls-files", "-z", "--cached", "--others", "--exclude-standard")
        _copy_files(source, dest, sorted({p for p in _split(listed) if p}))
        return commit, uncommitted, untracked
    archive = dest.parent / f".{dest.name}-head.tar"
    try:
        archive.write_bytes(run("archive", "--format=tar", commit))
        _untar(archive, dest)
    finally:
        archive.unlink(missing_ok=True)
    return commit, uncommitted, untracked


def _git_changes(status: bytes) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(tracked paths changed, untracked paths) from `git status --porcelain -z` output."""
    uncommitted, untracked = [], []
    entries = iter(_split(status))
    for entry in entries:
        if len(entry) < 4:
            continue
        code, path = entry[:2], entry[3:]
        if code == "??":
            untracked.append(path)
        elif code != "!!":
            uncommitted.append(path)
            if "R" in code or "C" in code:
                next(entries, None)  # -z puts a rename's or copy's old path in its own entry
    return tuple(uncommitted), tuple(untracked)


def _split(output: bytes) -> list[str]:
    return output.decode("utf-8", "surrogateescape").split("\0")


def _copy_files(source: Path, dest: Path, paths: list[str]) -> None:
    """Copy the listed files of `source` (a tracked file deleted on disk is left out)."""
    files = total = 0
    for name in paths:
        rel = PurePosixPath(name)
        path = source / rel
        if _skipped(rel) or not (path.is_file() or path.is_symlink()):
            continue
        if path.is_symlink():
            raise SubmissionError(
                f"submission {source} contains a symbolic link ({rel}): replace it with the file"
            )
        files += 1
        total += path.stat().st_size
        _check_size(source, files, total)
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)


def _untar(path: Path, dest: Path) -> None:
    try:
        with tarfile.open(path) as tar:
            members = tar.getmembers()
            files = total = 0
            for member in members:
                rel = _safe_name(path, member.name)
                if member.isdir():
                    continue
                if not member.isfile():
                    kind = "link" if member.issym() or member.islnk() else "special file"
                    raise SubmissionError(
                        f"archive {path}: member {member.name} is a {kind}; a submission holds "
                        "plain files only"
                    )
                files += 1
                total += member.size
                _check_size(path, files, total)
                if rel is None or _skipped(rel):
                    continue
                source = tar.extractfile(member)
                if source is None:
                    continue
                target = dest / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                with source, target.open("wb") as out:
                    shutil.copyfileobj(source, out)
    except tarfile.ReadError as exc:
        # its message lists every compression tried, one line each: say it in one
        raise SubmissionError(
            f"archive {path} cannot be read: it is not a tar archive (plain, gzip, bzip2 or xz) "
            "or it is damaged; ask the candidate to send it again, or pass the unpacked folder"
        ) from exc
    except (tarfile.TarError, EOFError, OSError) as exc:
        raise SubmissionError(f"archive {path} cannot be read: {exc}") from exc


def _unzip(path: Path, dest: Path) -> None:
    try:
        with zipfile.ZipFile(path) as archive:
            files = total = 0
            for info in archive.infolist():
                rel = _safe_name(path, info.filename)
                mode = info.external_attr >> 16
                if stat.S_ISLNK(mode):
                    raise SubmissionError(
                        f"archive {path}: member {info.filename} is a link; a submission holds "
                        "plain files only"
                    )
                if info.is_dir():
                    continue
                files += 1
                total += info.file_size
                _check_size(path, files, total)
                if rel is None or _skipped(rel):
                    continue
                target = dest / rel
                target.parent.mkdir(parents=True, exist_ok=True)
                with archive.open(info) as source, target.open("wb") as out:
                    shutil.copyfileobj(source, out)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise SubmissionError(f"archive {path} cannot be read: {exc}") from exc


def _safe_name(archive: Path, name: str) -> PurePosixPath | None:
    """The member's relative path; None for the archive's own root ("." or "./")."""
    rel = PurePosixPath(name.replace("\\", "/"))
    if rel.is_absolute() or ".." in rel.parts:
        raise SubmissionError(
            f"archive {archive}: member {name!r} points outside the archive; refusing to unpack it"
        )
    parts = [p for p in rel.parts if p != "."]
    return PurePosixPath(*parts) if parts else None


def _check_size(source: Path, files: int, total: int) -> None:
    if files > MAX_FILES or total > MAX_BYTES:
        raise SubmissionError(
            f"submission {source} is too large (more than {MAX_FILES:,} files or "
            f"{MAX_BYTES >> 20} MB unpacked): leave out virtualenvs, caches and data copies"
        )


def _normalise_modes(root: Path) -> None:
    """Folders 0755 and files 0644, so the sandbox uid reads everything and executes nothing new."""
    root.chmod(0o755)
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)
