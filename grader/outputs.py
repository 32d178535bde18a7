"""An output folder a command writes into, and the rule for one that already holds earlier output.

`grade`, `grade-many`, `report`, `calibrate` and `cohort` each declare what they write (an
`Outputs`: glob patterns relative to their folder). Before anything runs, the command layer calls
`claim`: a folder already holding any of those is refused (an earlier grade's results.json or
report.csv left beside a new report.json could be uploaded as the new score), unless `force`,
which first removes exactly those earlier outputs and nothing else in the folder. `bundle`,
`corpus generate` and `solution` refuse the same way and replace their folder with `--force`.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from exercise.errors import ExerciseError

FORCE_HINT = "pass --force to replace it"
LISTED = 4  # earlier outputs named in the message; the rest are counted


class OutputExistsError(ExerciseError):
    """The output folder holds an earlier run's outputs and `force` was not given."""


@dataclass(frozen=True)
class Outputs:
    """What one command writes into its output folder."""

    what: str  # what the folder then holds, in a sentence: "a grade", "a calibration", ...
    patterns: tuple[str, ...]  # glob patterns relative to the folder (a folder name counts whole)
    # folders one level down that hold outputs of their own (grade-many's one folder per grade)
    nested: Outputs | None = None

    def found(self, folder: Path) -> list[Path]:
        """The outputs of an earlier run present in `folder`, sorted (none when it is absent)."""
        folder = Path(folder)
        if not folder.is_dir():
            return []
        paths = {p for pattern in self.patterns for p in folder.glob(pattern)}
        if self.nested is not None:
            for child in folder.iterdir():
                if child.is_dir() and not child.is_symlink() and child not in paths:
                    paths.update(self.nested.found(child))
        return sorted(paths)


def claim(
    folder: Path, outputs: Outputs, *, force: bool, say: Callable[[str], None] | None = None
) -> list[Path]:
    """Make `folder` ready for a new run of the command `outputs` describes.

    Raises `OutputExistsError` when it holds earlier outputs and not `force`; with `force`,
    removes them (and a nested folder they leave empty) and returns what was removed.
    """
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise OutputExistsError(f"{folder} is a file, not a folder: pass a folder as --out")
    earlier = outputs.found(folder)
    if not earlier:
        return []
    if not force:
        names = [p.relative_to(folder).as_posix() for p in earlier]
        listed = ", ".join(names[:LISTED]) + (
            f" and {len(names) - LISTED} more" if len(names) > LISTED else ""
        )
        raise OutputExistsError(
            f"{folder} already holds {outputs.what} ({listed}); {FORCE_HINT}, or choose another "
            "--out"
        )
    for path in earlier:
        remove(path)
    if outputs.nested is not None:
        for parent in {p.parent for p in earlier if p.parent != folder}:
            if parent.is_dir() and not any(parent.iterdir()):
                parent.rmdir()
    if say is not None:
        say(f"--force: removed {len(earlier)} earlier output(s) from {folder}")
    return earlier


def remove(path: Path) -> None:
    """Delete a file or a whole folder (never follows a link out of it)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
