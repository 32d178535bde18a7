"""Deterministic tarballs: same files → same bytes; fixed metadata; plain files only."""

from __future__ import annotations

import io
import os
import tarfile

import pytest

from grader.bundle.archive import DIR_MODE, FILE_MODE, FIXED_MTIME, tar_gz_bytes


def _tree(root, files):
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


FILES = {"b.txt": b"bee\n", "a/z.md": b"zed", "a/b/c.py": b"print()\n"}


def test_the_same_files_give_the_same_bytes_whatever_their_metadata(tmp_path):
    one = _tree(tmp_path / "one", FILES)
    two = _tree(tmp_path / "two", dict(reversed(FILES.items())))
    os.utime(two / "b.txt", (1, 1))
    (two / "a" / "z.md").chmod(0o600)
    assert tar_gz_bytes(one, "bundle") == tar_gz_bytes(two, "bundle")


def test_entries_are_sorted_under_the_prefix_with_fixed_metadata(tmp_path):
    root = _tree(tmp_path / "root", FILES)
    with tarfile.open(fileobj=io.BytesIO(tar_gz_bytes(root, "bundle"))) as tar:
        members = tar.getmembers()
        assert [m.name for m in members] == [
            "bundle",
            "bundle/a",
            "bundle/a/b",
            "bundle/a/b/c.py",
            "bundle/a/z.md",
            "bundle/b.txt",
        ]
        for member in members:
            assert (member.mtime, member.uid, member.gid, member.uname, member.gname) == (
                FIXED_MTIME,
                0,
                0,
                "",
                "",
            )
            assert member.mode == (DIR_MODE if member.isdir() else FILE_MODE)
        assert tar.extractfile("bundle/a/z.md").read() == b"zed"


def test_a_content_change_changes_the_bytes(tmp_path):
    root = _tree(tmp_path / "root", FILES)
    before = tar_gz_bytes(root, "bundle")
    (root / "b.txt").write_bytes(b"bee!\n")
    assert tar_gz_bytes(root, "bundle") != before


def test_symbolic_links_are_refused(tmp_path):
    root = _tree(tmp_path / "root", FILES)
    (root / "link").symlink_to(root / "b.txt")
    with pytest.raises(ValueError, match="not a plain file"):
        tar_gz_bytes(root, "bundle")
