"""The evaluation history: one JSON line per local evaluation, appended to a file in the repository.

`python -m exercise eval ... --history FILE` calls `record_evaluation` once the run is scored (also
when the pipeline failed to build; never when the run was interrupted or its inputs were wrong).
The candidate's Makefile passes `--history eval_history.jsonl` for `make eval`, `make test` and
`make watch`; the file is handed in with the repository, so the interviewer sees the path taken
(when each evaluation ran, its numbers, which `rag/` files had changed) and not only where it
ended. Nothing is sent anywhere. The grader reads the file with the same hashing functions
(`source_files`, `sources_sha256`) to tell whether the last line was measured on the code handed in.

One line (keys in this order; `changed` is null on the first line: there is nothing to compare):

    {"schema": 1, "time": "2025-05-02T14:03:07Z", "label": "watch", "questions": "public",
     "k": 10, "metrics": {"recall@1": 0.4167, ..., "n": 28},
     "latency": {"build_s": 3.1, "search_p95_ms": 21.4, "answer_p95_ms": 40.2},
     "statuses": {"ok": 28, "error": 0, ...}, "fatal": null,
     "rag_sha256": "<64 hex>", "changed": ["rag/chunking.py"],
     "rag_files": {"rag/__init__.py": "<64 hex>", ...}}

Standard library only (this package ships to candidates).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from exercise.errors import OptionError

if TYPE_CHECKING:  # only for annotations: this module must stay cheap to import
    from exercise.evaluate import Report

HISTORY_FILE = "eval_history.jsonl"  # the file name the candidate's Makefile uses
HISTORY_SCHEMA = 1
SOURCES_DIR = "rag"
DEFAULT_LABEL = "eval"
QUESTION_SETS = ("public", "custom")  # the shipped public questions, or a --questions file
FATAL_CHARS = 300  # a failed build's one-line reason is cut to this many characters
TAIL_BYTES = 1 << 20  # the previous line is looked for in the file's last MiB
_LABEL = re.compile(r"[a-z][a-z0-9_-]{0,31}")
# Not sources: caches, hidden files (.DS_Store, editor locks) and editor backup/swap files.
_SKIPPED_DIRS = {"__pycache__"}
_SKIPPED_SUFFIXES = (".pyc", ".pyo", ".swp", ".swo", ".swx", "~")


def check_label(label: str) -> str:
    """`label` if it is a short lower-case word (`eval`, `test`, `watch`); else OptionError."""
    if not isinstance(label, str) or not _LABEL.fullmatch(label):
        raise OptionError(
            f"history label {label!r} must be 1-32 characters: a lower-case letter, then "
            "lower-case letters, digits, '-' or '_'"
        )
    return label


def is_source(name: str) -> bool:
    """Whether a file called `name` under rag/ counts as a source (hashed, watched)."""
    return not (
        name.startswith((".", "#")) or name.endswith(_SKIPPED_SUFFIXES) or name == "4913"
    )  # 4913: the probe file vim writes and deletes to test a directory


def source_paths(submission: Path) -> list[Path]:
    """The candidate source files under SUBMISSION/rag (`is_source` names; no `__pycache__` or
    hidden folders), sorted; symbolic links are listed, never followed. No rag/ folder gives []."""
    root = Path(submission) / SOURCES_DIR
    if not root.is_dir() or root.is_symlink():
        return []
    found = []
    for folder, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = [d for d in dirs if d not in _SKIPPED_DIRS and not d.startswith(".")]
        found += [Path(folder) / name for name in files if is_source(name)]
    return sorted(found)


def source_files(submission: Path) -> dict[str, str]:
    """`rag/<path>` (POSIX, sorted) → sha256 hex of every file `source_paths` lists.

    A symbolic link is hashed as the bytes `symlink:<target>`; devices, pipes and sockets are
    skipped. No rag/ folder gives {}.
    """
    base = Path(submission)
    found: dict[str, str] = {}
    for path in source_paths(base):
        digest = _file_sha256(path)
        if digest is not None:
            found[path.relative_to(base).as_posix()] = digest
    return dict(sorted(found.items()))


def sources_sha256(files: Mapping[str, str]) -> str:
    """One digest for a `source_files` mapping: the sha256 of its `sha256sum`-style listing,
    `"<sha256>  <path>\\n"` per file, sorted by path."""
    listing = "".join(f"{files[path]}  {path}\n" for path in sorted(files))
    return hashlib.sha256(listing.encode("utf-8")).hexdigest()


def rag_sha256(submission: Path) -> str:
    """The digest of SUBMISSION's rag/ sources (`sources_sha256(source_files(submission))`)."""
    return sources_sha256(source_files(submission))


def changed_files(
    before: Mapping[str, str] | None, after: Mapping[str, str]
) -> tuple[str, ...] | None:
    """Paths added, removed or modified from `before` to `after`, sorted; None without `before`."""
    if before is None:
        return None
    return tuple(sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p)))


def last_recorded_files(path: Path) -> dict[str, str] | None:
    """The `rag_files` of the last well-formed line of the history file, or None (no file, no
    such line). Malformed lines are passed over: the file is the candidate's to edit."""
    try:
        with Path(path).open("rb") as handle:
            size = handle.seek(0, os.SEEK_END)
            handle.seek(max(0, size - TAIL_BYTES))
            data = handle.read()
    except FileNotFoundError:
        return None
    lines = data.split(b"\n")
    if size > TAIL_BYTES:
        lines = lines[1:]  # the first one is cut
    for raw in reversed(lines):
        try:
            line = json.loads(raw)
        except ValueError:
            continue
        files = line.get("rag_files") if isinstance(line, dict) else None
        if isinstance(files, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in files.items()
        ):
            return dict(files)
    return None


def history_entry(
    report: Report,
    files: Mapping[str, str],
    *,
    previous: Mapping[str, str] | None,
    label: str = DEFAULT_LABEL,
    questions: str = "public",
    now: datetime | None = None,
) -> dict[str, Any]:
    """The line (as a dict) for one evaluation of the sources `files` (see `source_files`)."""
    check_label(label)
    if questions not in QUESTION_SETS:
        raise OptionError(f"questions must be one of {', '.join(QUESTION_SETS)}, got {questions!r}")
    moment = now if now is not None else datetime.now(UTC)
    if moment.tzinfo is None:
        raise ValueError("now must be timezone-aware")
    ops = report.latency.ops
    changed = changed_files(previous, files)
    return {
        "schema": HISTORY_SCHEMA,
        "time": moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "label": label,
        "questions": questions,
        "k": report.k,
        "metrics": {
            **{key: _rounded(value, 4) for key, value in report.overall.means.items()},
            "n": report.overall.n,
        },
        "latency": {
            "build_s": _rounded(report.latency.build_s, 3),
            **{f"{op}_p95_ms": _rounded(ops[op].p95_ms, 2) for op in sorted(ops)},
        },
        "statuses": dict(report.statuses),
        "fatal": report.fatal.one_line()[:FATAL_CHARS] if report.fatal else None,
        "rag_sha256": sources_sha256(files),
        "changed": None if changed is None else list(changed),
        "rag_files": dict(sorted(files.items())),
    }


def append_entry(path: Path, entry: Mapping[str, Any]) -> None:
    """Append `entry` as one JSON line (one write; a cut-off last line is ended first)."""
    line = json.dumps(entry, ensure_ascii=False, separators=(",", ":")) + "\n"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+b") as handle:
        size = handle.seek(0, os.SEEK_END)
        prefix = b""
        if size:
            handle.seek(size - 1)
            prefix = b"" if handle.read(1) == b"\n" else b"\n"
        handle.write(prefix + line.encode("utf-8"))


def record_evaluation(
    path: Path,
    submission: Path,
    report: Report,
    *,
    files: Mapping[str, str] | None = None,
    label: str = DEFAULT_LABEL,
    questions: str = "public",
    now: datetime | None = None,
) -> dict[str, Any]:
    """Append the line for `report` (an evaluation of SUBMISSION) to the history file `path`.

    `files` are SUBMISSION's `source_files` as the run started (the CLI hashes them before the
    pipeline is imported, so a save during the run is not credited to it); None hashes them now.
    """
    entry = history_entry(
        report,
        source_files(submission) if files is None else files,
        previous=last_recorded_files(path),
        label=label,
        questions=questions,
        now=now,
    )
    append_entry(path, entry)
    return entry


def _file_sha256(path: Path) -> str | None:
    """The file's sha256; None when it is not a regular file or a link, or vanished meanwhile
    (an editor replacing it as it saves)."""
    try:
        info = path.lstat()
        if stat.S_ISLNK(info.st_mode):
            return hashlib.sha256(b"symlink:" + os.fsencode(os.readlink(path))).hexdigest()
        if not stat.S_ISREG(info.st_mode):
            return None
        # No following links, no blocking on a pipe swapped in after the check above.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    except OSError:  # vanished meanwhile, or replaced by a link
        return None
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            return None
        digest = hashlib.sha256()
        for block in iter(lambda: handle.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _rounded(value: float | None, digits: int) -> float | None:
    return None if value is None else round(value, digits)
