"""Deterministic `.tar.gz` archives: the same files give the same bytes, on any machine.

Entries are sorted by path, with fixed modification times, owners and permissions, and the gzip
header carries no time or file name. Used by `grader.bundle.build` for the tarball sent to a
candidate, and by `grader.k8s.emit` for the key and submissions a round's pods receive.
"""

from __future__ import annotations

import gzip
import io
import tarfile
from pathlib import Path

# 2020-01-01T00:00:00Z. Not the epoch: zip (how candidates often send work back) cannot store
# timestamps before 1980, and Python's zipfile refuses them.
FIXED_MTIME = 1_577_836_800
FILE_MODE = 0o644
DIR_MODE = 0o755


def tar_gz_bytes(root: Path, prefix: str = "") -> bytes:
    """Every file and folder under `root`, stored under `prefix/` (at the archive's top level
    when `prefix` is empty), as deterministic tar.gz bytes.

    Symbolic links and other special files are refused (a bundle holds plain files only).
    """
    root = Path(root)
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        if prefix:
            tar.addfile(_info(prefix, tarfile.DIRTYPE))
        for path in sorted(root.rglob("*"), key=lambda p: p.relative_to(root).as_posix()):
            rel = path.relative_to(root).as_posix()
            name = f"{prefix}/{rel}" if prefix else rel
            if path.is_symlink() or not (path.is_file() or path.is_dir()):
                raise ValueError(f"{path} is not a plain file or folder; refusing to archive it")
            if path.is_dir():
                tar.addfile(_info(name, tarfile.DIRTYPE))
            else:
                data = path.read_bytes()
                info = _info(name, tarfile.REGTYPE)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
    packed = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=packed, mtime=0, compresslevel=9) as gz:
        gz.write(raw.getvalue())
    return packed.getvalue()


def _info(name: str, kind: bytes) -> tarfile.TarInfo:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.mode = DIR_MODE if kind == tarfile.DIRTYPE else FILE_MODE
    info.mtime = FIXED_MTIME
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    return info
