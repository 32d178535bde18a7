"""Finding and reading the grade reports a cohort is computed over (`takehome cohort`).

Each argument is a report file, a folder holding one, or a `grade-many` output folder; every file
is read once, checked for the fields `grader.cohort.stats` reads, and named after its folder (made
unique). Errors name the file and what to pass instead.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from pathlib import Path

from grader.cohort.stats import CohortError, Entry, check_report
from grader.grade.report_file import REPORT_NAME


def find_reports(paths: Sequence[Path]) -> list[Path]:
    """The report files named by `paths`: files as given; a folder holding report.json gives it,
    any other folder gives its subfolders' report.json (a grade-many output). Each file once."""
    found: list[Path] = []
    seen: set[Path] = set()
    for path in map(Path, paths):
        if path.is_dir():
            direct = path / REPORT_NAME
            inner = [direct] if direct.is_file() else sorted(path.glob(f"*/{REPORT_NAME}"))
            if not inner:
                raise CohortError(
                    f"{path} holds no {REPORT_NAME}, neither itself nor in a subfolder: pass "
                    "report files or the folders `takehome grade`/`grade-many` wrote"
                )
        elif path.is_file():
            inner = [path]
        else:
            raise CohortError(f"{path} does not exist")
        for report in inner:
            resolved = report.resolve()
            if resolved not in seen:
                seen.add(resolved)
                found.append(report)
    return found


def load_reports(paths: Sequence[Path]) -> list[Entry]:
    """Read and check every report `find_reports` names; names are made unique."""
    entries = []
    names: set[str] = set()
    for path in find_reports(paths):
        try:
            report = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise CohortError(f"{path} cannot be read as JSON: {exc}") from exc
        check_report(report, str(path))
        name = _unique(_name_of(path), names)
        names.add(name)
        entries.append(Entry(name, str(path), report))
    return entries


def _name_of(path: Path) -> str:
    folder = path.resolve().parent.name if path.name == REPORT_NAME else path.stem
    return re.sub(r"\s+", " ", folder).strip() or "report"


def _unique(name: str, taken: set[str]) -> str:
    if name not in taken:
        return name
    suffix = 2
    while f"{name}-{suffix}" in taken:
        suffix += 1
    return f"{name}-{suffix}"
