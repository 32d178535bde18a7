"""Domain errors the `exercise` library raises; only the CLI turns them into messages + exit codes.

Problems in the *submission's* behaviour are never raised: they are recorded as per-question
statuses (see `exercise.judging`). These errors are for the harness's own inputs (corpus and
question files, paths, options).
"""

from __future__ import annotations

from pathlib import Path


class ExerciseError(Exception):
    """Base class: something the user can fix (a path, a file, an option)."""


class DataFormatError(ExerciseError):
    """A corpus, manifest or question file does not follow the on-disk format."""

    def __init__(
        self, path: Path, problem: str, *, line: int | None = None, field: str | None = None
    ) -> None:
        self.path = path
        self.line = line
        self.field = field
        self.problem = problem
        where = f"{path}:{line}" if line is not None else str(path)
        what = f"field {field!r}: " if field else ""
        super().__init__(f"{where}: {what}{problem}")


class OptionError(ExerciseError, ValueError):
    """An evaluation option is out of range."""
