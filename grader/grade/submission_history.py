"""Reading a submission's evaluation history (`eval_history.jsonl`, written by `exercise.history`).

The candidate's `make eval`, `make test` and `make watch` append one JSON line per local
evaluation; the file is handed in with the repository (or not: the candidate may opt out or
delete it). `read_history` turns it into a `History` for the grade report: the entries, when the
work ran and for how long, and whether the last evaluation was of the `rag/` sources handed in.

The file is the candidate's to edit, so nothing in it is trusted: a line that is not a well-formed
entry is skipped and counted, a file that is not a regular file (a link, a pipe) is not opened, and
only the last `MAX_BYTES` of a larger file are read. A last hash that differs from the submitted
sources is a finding to mention (code changed after the last evaluation), not a sign of cheating;
a missing file is just "no history submitted". Hashes come from `exercise.history`, the code that
wrote them. The grade command calls `read_history` and puts `History.to_json()` in its report.
"""

from __future__ import annotations

import json
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from exercise.history import (
    FATAL_CHARS,
    HISTORY_FILE,
    HISTORY_SCHEMA,
    changed_files,
    source_files,
    sources_sha256,
)
from exercise.scoring import METRIC_KEYS

MAX_BYTES = 8 << 20  # a real history is far smaller (about 1 kB per evaluation)
MISSING, EMPTY, SUBMITTED, UNREADABLE = "missing", "empty", "submitted", "unreadable"
STATUSES = (SUBMITTED, EMPTY, MISSING, UNREADABLE)
_HEX = frozenset("0123456789abcdef")
_LABEL_CHARS = 32


@dataclass(frozen=True)
class HistoryEntry:
    """One evaluation the candidate ran."""

    time: datetime
    """When it finished, UTC."""
    label: str
    """How it was started: "eval", "test", "watch" ("" when the line does not say)."""
    questions: str
    """"public" (the shipped questions), "custom" (a file of their own) or "" (not said)."""
    metrics: Mapping[str, float | None]
    """The overall metrics the line carries (METRIC_KEYS, then "n"); None: no question applied."""
    rag_sha256: str
    """Digest of the rag/ sources evaluated (`exercise.history.sources_sha256`)."""
    files_changed: tuple[str, ...] | None
    """rag/ files changed since the previous line; None on the first line."""
    fatal: str | None
    """Why the pipeline could not start, when it could not."""

    def to_json(self) -> dict[str, Any]:
        return {
            "time": _iso(self.time),
            "label": self.label,
            "questions": self.questions,
            "metrics": dict(self.metrics),
            "rag_sha256": self.rag_sha256,
            "files_changed": None if self.files_changed is None else list(self.files_changed),
            "fatal": self.fatal,
        }


@dataclass(frozen=True)
class History:
    """What a submission's history file says, checked against the submitted rag/ sources."""

    status: str
    """One of STATUSES: "submitted" (at least one entry), "empty" (a file without a readable
    entry), "missing" (no file: no history submitted), "unreadable" (not a regular file, or an
    I/O error; `problem` says which)."""
    entries: tuple[HistoryEntry, ...]
    """Well-formed lines, in file order (the order they were appended)."""
    skipped_lines: int
    """Non-blank lines that were not well-formed entries."""
    truncated: bool
    """The file was larger than MAX_BYTES; only its end was read."""
    submitted_rag_sha256: str
    """Digest of the rag/ sources handed in."""
    changed_after_last: tuple[str, ...] | None
    """rag/ files that differ between the last entry and the submission; None when unknown."""
    problem: str = ""
    """Why an "unreadable" history was not read."""

    @property
    def first_time(self) -> datetime | None:
        """The earliest entry's time (entries can be out of order if a clock moved)."""
        return min((e.time for e in self.entries), default=None)

    @property
    def last_time(self) -> datetime | None:
        """The latest entry's time."""
        return max((e.time for e in self.entries), default=None)

    @property
    def span(self) -> timedelta | None:
        """From the first to the last entry's time."""
        first, last = self.first_time, self.last_time
        return None if first is None or last is None else last - first

    @property
    def out_of_order(self) -> int:
        """Entries whose time is earlier than the line before them."""
        times = [e.time for e in self.entries]
        return sum(later < earlier for earlier, later in zip(times, times[1:], strict=False))

    @property
    def last_matches_submission(self) -> bool | None:
        """Whether the last line was measured on the submitted rag/ sources; None: no entries."""
        if not self.entries:
            return None
        return self.entries[-1].rag_sha256 == self.submitted_rag_sha256

    def summary(self) -> str:
        """One line for a report."""
        if self.status == MISSING:
            return "no history submitted"
        if self.status == UNREADABLE:
            return f"history not read: {self.problem}"
        skipped = f"; {_plural(self.skipped_lines, 'unreadable line')} skipped"
        if self.status == EMPTY:
            return f"history submitted without a readable entry{skipped}"
        times = [entry.time for entry in self.entries]
        first, last = min(times), max(times)
        until = f"{last:%H:%M}" if last.date() == first.date() else f"{last:%Y-%m-%d %H:%M}"
        text = (
            f"{_plural(len(self.entries), 'evaluation')} over {_duration(last - first)} "
            f"({first:%Y-%m-%d %H:%M}–{until} UTC); "
        )
        if self.last_matches_submission:
            text += "the last one ran on the submitted rag/ sources"
        else:
            text += "the submitted rag/ sources differ from the last evaluated ones"
            if self.changed_after_last:
                text += f" ({', '.join(self.changed_after_last)} changed after it)"
        if self.skipped_lines:
            text += skipped
        if self.truncated:
            text += f"; only the last {MAX_BYTES >> 20} MiB of the file were read"
        return text

    def to_json(self) -> dict[str, Any]:
        span = self.span
        return {
            "status": self.status,
            "summary": self.summary(),
            "file": HISTORY_FILE,
            "entries": [entry.to_json() for entry in self.entries],
            "skipped_lines": self.skipped_lines,
            "truncated": self.truncated,
            "first_time": _iso(self.first_time),
            "last_time": _iso(self.last_time),
            "span_s": None if span is None else span.total_seconds(),
            "out_of_order": self.out_of_order,
            "submitted_rag_sha256": self.submitted_rag_sha256,
            "last_matches_submission": self.last_matches_submission,
            "changed_after_last": (
                None if self.changed_after_last is None else list(self.changed_after_last)
            ),
            "problem": self.problem,
        }


def read_history(
    submission: Path, *, name: str = HISTORY_FILE, max_bytes: int = MAX_BYTES
) -> History:
    """The history file `name` at the top of SUBMISSION, checked against SUBMISSION/rag."""
    if max_bytes < 1:
        raise ValueError(f"max_bytes must be at least 1, got {max_bytes}")
    submission = Path(submission)
    files = source_files(submission)
    digest = sources_sha256(files)
    path = submission / name

    def unreadable(problem: str) -> History:
        return History(UNREADABLE, (), 0, False, digest, None, problem)

    try:
        info = path.lstat()
    except FileNotFoundError:
        return History(MISSING, (), 0, False, digest, None)
    except OSError as exc:
        return unreadable(f"{name}: {exc.strerror or exc}")
    if not stat.S_ISREG(info.st_mode):
        kind = "a symbolic link" if stat.S_ISLNK(info.st_mode) else "not a regular file"
        return unreadable(f"{name} is {kind}")
    try:
        data, truncated = _read_tail(path, max_bytes)
    except OSError as exc:
        return unreadable(f"{name}: {exc.strerror or exc}")
    lines = data.split(b"\n")
    if truncated:
        lines = lines[1:]  # cut somewhere inside: not a line of its own
    entries: list[HistoryEntry] = []
    last_files: dict[str, str] | None = None
    skipped = 0
    for raw in lines:
        if not raw.strip():
            continue
        parsed = parse_line(raw)
        if parsed is None:
            skipped += 1
            continue
        entry, line_files = parsed
        entries.append(entry)
        last_files = line_files
    return History(
        status=SUBMITTED if entries else EMPTY,
        entries=tuple(entries),
        skipped_lines=skipped,
        truncated=truncated,
        submitted_rag_sha256=digest,
        changed_after_last=changed_files(last_files, files) if entries else None,
    )


def parse_line(raw: bytes | str) -> tuple[HistoryEntry, dict[str, str] | None] | None:
    """One history line → (entry, its per-file hashes if it has them); None if malformed."""
    try:
        line = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(line, dict):
        return None
    schema = line.get("schema", HISTORY_SCHEMA)
    if isinstance(schema, bool) or not isinstance(schema, int) or schema > HISTORY_SCHEMA:
        return None
    moment = _time(line.get("time"))
    rag = line.get("rag_sha256")
    metrics = _metrics(line.get("metrics"))
    changed = line.get("changed")
    fatal = line.get("fatal")
    if (
        moment is None
        or not _is_sha256(rag)
        or metrics is None
        or not (changed is None or _str_list(changed))
        or not (fatal is None or isinstance(fatal, str))
    ):
        return None
    files = line.get("rag_files")
    valid_files = isinstance(files, dict) and all(
        isinstance(k, str) and _is_sha256(v) for k, v in files.items()
    )
    entry = HistoryEntry(
        time=moment,
        label=_short(line.get("label")),
        questions=_short(line.get("questions")),
        metrics=metrics,
        rag_sha256=rag,
        files_changed=None if changed is None else tuple(changed),
        fatal=None if fatal is None else fatal[:FATAL_CHARS],
    )
    return entry, dict(files) if valid_files else None


def _read_tail(path: Path, max_bytes: int) -> tuple[bytes, bool]:
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK)
    with os.fdopen(fd, "rb") as handle:
        if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
            raise OSError(f"{path.name} is not a regular file")
        size = handle.seek(0, os.SEEK_END)
        handle.seek(max(0, size - max_bytes))
        return handle.read(max_bytes), size > max_bytes


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str) or len(value) > 40:
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return None if moment.tzinfo is None else moment.astimezone(UTC)


def _metrics(value: Any) -> dict[str, float | None] | None:
    if not isinstance(value, dict):
        return None
    metrics: dict[str, float | None] = {}
    for key in METRIC_KEYS:
        number = value.get(key)
        if number is None:
            metrics[key] = None
        elif _is_number(number) and 0.0 <= number <= 1.0:
            metrics[key] = float(number)
        else:
            return None
    n = value.get("n")
    if n is not None:
        if isinstance(n, bool) or not isinstance(n, int) or n < 0:
            return None
        metrics["n"] = n
    return metrics


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _is_sha256(value: Any) -> bool:
    return isinstance(value, str) and len(value) == 64 and set(value) <= _HEX


def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _short(value: Any) -> str:
    return value[:_LABEL_CHARS] if isinstance(value, str) else ""


def _iso(moment: datetime | None) -> str | None:
    return None if moment is None else moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def _duration(span: timedelta) -> str:
    minutes = round(span.total_seconds() / 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'' if count == 1 else 's'}"
