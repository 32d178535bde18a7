"""A round's submissions as fingerprints of their own code: the starter's fingerprints removed.

A round is what `grade-many` wrote (a folder of `<name>/report.json`) or any folder of reports
(`grader.cohort.loading.find_reports` finds them). Each report names its submission
(`submission.source`) and its key (`key.root`); the submission is taken in again exactly as the
grade took it in (`grader.grade.intake`: a folder, an archive or a git repository at HEAD) and every
Python file in it is fingerprinted (`grader.similarity.fingerprints`). The starter is what the key
says the candidate was given: the candidate template and the catalogue modules its components
name (every catalogue module when an older key does not say), so code both candidates merely kept
from the starter never counts as shared.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from exercise.errors import ExerciseError
from grader.answer_key import AnswerKeyError, load_key
from grader.catalogue import CATALOGUE_DIR, TEMPLATE_DIR, CatalogueError, assemble
from grader.cohort.loading import find_reports
from grader.cohort.stats import CohortError
from grader.grade.intake import SubmissionError, take_in
from grader.similarity.fingerprints import Place, tree_fingerprints


class RoundError(ExerciseError):
    """A round, a report, a submission or a key cannot be read; the message names it."""


@dataclass(frozen=True)
class Member:
    """One submission of the round, as its own code's fingerprints."""

    name: str  # the report's folder name
    report: Path
    root: Path  # the taken-in copy the fingerprints were read from
    own: dict[int, Place]  # fingerprints not in the starter
    total: int  # fingerprints before the starter's were removed


def load_round(paths: list[Path], work: Path) -> list[Member]:
    """Every report's submission under `paths`, taken in below `work` and fingerprinted."""
    try:
        reports = find_reports(paths)
    except CohortError as exc:
        raise RoundError(str(exc)) from exc
    starters: dict[tuple, frozenset[int]] = {}
    members: list[Member] = []
    names: set[str] = set()
    for index, report_path in enumerate(reports):
        report = _read(report_path)
        name = _unique(report_path.parent.name, names)
        source = Path(str((report.get("submission") or {}).get("source", "")))
        key_root = (report.get("key") or {}).get("root")
        if not source.exists():
            raise RoundError(
                f"{report_path}: its submission {source} is not there any more; similarity reads "
                "the submissions themselves: run it where the round was graded"
            )
        try:
            root = take_in(source, work / f"{index:04d}").root
        except SubmissionError as exc:
            raise RoundError(f"{report_path}: {exc}") from exc
        starter_key = _starter_selection(key_root, report_path)
        if starter_key not in starters:
            starters[starter_key] = _starter(starter_key, work / f"starter-{len(starters)}")
        prints = tree_fingerprints(root, _python_files(root))
        own = {h: p for h, p in prints.items() if h not in starters[starter_key]}
        members.append(Member(name, report_path, root, own, len(prints)))
    if len(members) < 2:
        raise RoundError(
            f"{', '.join(map(str, paths))} holds {len(members)} report(s): similarity compares "
            "at least two submissions"
        )
    return members


def _read(path: Path) -> dict:
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise RoundError(f"cannot read {path} as a grade report: {exc}") from exc
    if not isinstance(report, dict) or not isinstance(report.get("submission"), dict):
        raise RoundError(f"{path} is not a grade report (no submission section)")
    return report


def _starter_selection(key_root: object, report_path: Path) -> tuple:
    """(components, chunk size) of the key's starter; () when the key does not say."""
    if not isinstance(key_root, str) or not Path(key_root).is_dir():
        raise RoundError(
            f"{report_path}: its key folder {key_root} is not there: similarity removes the "
            "starter the key names; run it where the round was graded"
        )
    try:
        key = load_key(Path(key_root))
    except AnswerKeyError as exc:
        raise RoundError(f"{report_path}: {exc}") from exc
    if key.components is None:
        return ()
    return (tuple(sorted(key.components.items())), key.record.chunk_size)


def _starter(selection: tuple, work: Path) -> frozenset[int]:
    """The fingerprints of the starter `selection` names: the template and its modules."""
    files = _python_files(TEMPLATE_DIR)
    prints = set(tree_fingerprints(TEMPLATE_DIR, files))
    if selection:
        components, chunk_size = selection
        try:
            package = assemble(dict(components), work, chunk_size=chunk_size)
        except CatalogueError as exc:
            raise RoundError(f"cannot rebuild the starter the key names: {exc}") from exc
        prints |= set(tree_fingerprints(package, _python_files(package)))
    else:  # an older key: every module the starter could have held
        prints |= set(tree_fingerprints(CATALOGUE_DIR, _python_files(CATALOGUE_DIR)))
    return frozenset(prints)


def _python_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if p.is_file() and not p.is_symlink())


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate in taken:
        candidate, n = f"{name}-{n}", n + 1
    taken.add(candidate)
    return candidate
