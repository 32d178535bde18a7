"""Taking submissions in: folders, archives, git; hostile archives refused with the member named."""

from __future__ import annotations

import io
import subprocess
import tarfile
import zipfile
from pathlib import Path

import pytest

from grader.grade import intake
from grader.grade.intake import SubmissionError, take_in, tree_sha256


def repo(root: Path) -> Path:
    (root / "rag").mkdir(parents=True)
    (root / "rag" / "pipeline.py").write_text("class Pipeline: pass\n", encoding="utf-8")
    (root / "NOTES.md").write_text("notes\n", encoding="utf-8")
    return root


def tar_with(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]]) -> Path:
    with tarfile.open(path, "w:gz") as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


def member(name: str, data: bytes = b"x", kind: bytes = tarfile.REGTYPE) -> tuple:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.size = len(data) if kind == tarfile.REGTYPE else 0
    if kind == tarfile.SYMTYPE:
        info.linkname = "/etc/passwd"
    return info, data if kind == tarfile.REGTYPE else None


def test_a_folder_is_copied_without_local_state(tmp_path):
    source = repo(tmp_path / "cand")
    (source / ".venv" / "lib").mkdir(parents=True)
    (source / ".venv" / "lib" / "big.so").write_bytes(b"\0" * 10)
    (source / "rag" / "__pycache__").mkdir()
    (source / "rag" / "__pycache__" / "x.pyc").write_bytes(b"\0")
    taken = take_in(source, tmp_path / "copy")
    assert taken.kind == "directory" and taken.root == tmp_path / "copy"
    names = sorted(p.relative_to(taken.root).as_posix() for p in taken.root.rglob("*"))
    assert names == ["NOTES.md", "rag", "rag/pipeline.py"]
    assert (taken.root / "rag" / "pipeline.py").stat().st_mode & 0o777 == 0o644


def test_archives_with_a_wrapping_folder_find_their_root(tmp_path):
    source = repo(tmp_path / "cand")
    tarball = tmp_path / "s.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(source, arcname="submission")
    zipped = tmp_path / "s.zip"
    with zipfile.ZipFile(zipped, "w") as archive:
        for path in source.rglob("*"):
            archive.write(path, f"./{path.relative_to(source).as_posix()}")
    for number, archive_path in enumerate((tarball, zipped)):
        taken = take_in(archive_path, tmp_path / f"copy{number}")
        assert taken.kind == "archive"
        assert (taken.root / "rag" / "pipeline.py").is_file()
        assert taken.sha256 == tree_sha256(source)


def committed_repo(root: Path) -> Path:
    """repo(root) committed, then changed: NOTES.md edited, rag/extra.py and a file with a space
    added untracked, old.txt committed then deleted, and an ignored cache."""
    source = repo(root)
    (source / "old.txt").write_text("gone soon\n", encoding="utf-8")
    (source / ".gitignore").write_text("cache/\n", encoding="utf-8")
    git = ["git", "-C", str(source), "-c", "user.name=c", "-c", "user.email=c@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "one"], check=True)
    (source / "NOTES.md").write_text("changed later\n", encoding="utf-8")
    (source / "old.txt").unlink()
    (source / "rag" / "extra.py").write_text("X = 1\n", encoding="utf-8")
    (source / "rag" / "my notes.md").write_text("draft\n", encoding="utf-8")
    (source / "cache").mkdir()
    (source / "cache" / "vectors.bin").write_bytes(b"\0")
    return source


def test_a_git_repository_is_graded_at_head_and_its_changes_are_listed(tmp_path):
    source = committed_repo(tmp_path / "cand")
    taken = take_in(source, tmp_path / "copy")
    assert taken.kind == "git" and len(taken.git_commit or "") == 40 and not taken.worktree
    assert (taken.root / "NOTES.md").read_text(encoding="utf-8") == "notes\n"
    assert (taken.root / "old.txt").is_file() and not (taken.root / "rag" / "extra.py").exists()
    assert taken.uncommitted == ("NOTES.md", "old.txt")
    # untracked files are listed too (ignored ones are not)
    assert taken.untracked == ("rag/extra.py", "rag/my notes.md")


def test_worktree_takes_the_working_tree_as_git_add_all_would(tmp_path):
    source = committed_repo(tmp_path / "cand")
    taken = take_in(source, tmp_path / "copy", worktree=True)
    assert taken.kind == "git" and taken.worktree and len(taken.git_commit or "") == 40
    names = sorted(p.relative_to(taken.root).as_posix() for p in taken.root.rglob("*"))
    assert names == [".gitignore", "NOTES.md", "rag", "rag/extra.py", "rag/my notes.md"] + [
        "rag/pipeline.py"
    ]
    assert (taken.root / "NOTES.md").read_text(encoding="utf-8") == "changed later\n"
    assert taken.uncommitted == ("NOTES.md", "old.txt")
    assert taken.untracked == ("rag/extra.py", "rag/my notes.md")


def test_worktree_is_refused_for_a_folder_that_is_not_a_repository(tmp_path):
    with pytest.raises(SubmissionError, match="is not a git repository: leave --worktree out"):
        take_in(repo(tmp_path / "cand"), tmp_path / "copy", worktree=True)


@pytest.mark.parametrize(
    ("members", "message"),
    [
        ([member("../evil.py")], "points outside"),
        ([member("/etc/evil.py")], "points outside"),
        ([member("rag/link", kind=tarfile.SYMTYPE)], "is a link"),
        ([member("dev", kind=tarfile.CHRTYPE)], "special file"),
    ],
)
def test_hostile_tar_members_are_refused(tmp_path, members, message):
    archive = tar_with(tmp_path / "s.tar.gz", [member("rag/pipeline.py"), *members])
    with pytest.raises(SubmissionError, match=message):
        take_in(archive, tmp_path / "copy")


def test_a_zip_slip_is_refused(tmp_path):
    archive = tmp_path / "s.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        handle.writestr("rag/pipeline.py", "x")
        handle.writestr("../../outside.py", "x")
    with pytest.raises(SubmissionError, match="points outside"):
        take_in(archive, tmp_path / "copy")
    assert not (tmp_path / "outside.py").exists()


def test_an_archive_bomb_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(intake, "MAX_BYTES", 1000)
    archive = tar_with(tmp_path / "s.tar.gz", [member("rag/pipeline.py", b"x" * 2000)])
    with pytest.raises(SubmissionError, match="too large"):
        take_in(archive, tmp_path / "copy")


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing", "does not exist"),
        (lambda p: (p / "notes.txt").write_text("x") and p / "notes.txt", "neither a folder"),
        (lambda p: (p / "empty").mkdir() or p / "empty", "has no rag/pipeline.py"),
        (
            lambda p: (p / "bad.tar.gz").write_bytes(b"not gzip") and p / "bad.tar.gz",
            "cannot be read",
        ),
    ],
)
def test_unusable_submissions_name_the_path(tmp_path, make, message):
    with pytest.raises(SubmissionError, match=message):
        take_in(make(tmp_path), tmp_path / "copy")


def test_random_bytes_named_tar_gz_are_one_line_naming_the_file(tmp_path):
    path = tmp_path / "sent [v2].tar.gz"
    path.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(SubmissionError) as error:
        take_in(path, tmp_path / "copy")
    message = str(error.value)
    assert "\n" not in message  # tarfile words it over five lines, one per compression tried
    assert message.startswith(f"archive {path} cannot be read: it is not a tar archive")


def test_symlinks_in_a_folder_are_refused(tmp_path):
    source = repo(tmp_path / "cand")
    (source / "rag" / "secret").symlink_to("/etc/hostname")
    with pytest.raises(SubmissionError, match="symbolic link"):
        take_in(source, tmp_path / "copy")
