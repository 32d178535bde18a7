"""Grading a round again with the current grader and key: each report's submission, in its folder.

Every report found under the round (`grader.cohort.loading.find_reports`) names its submission
(`submission.source`) and key (`key.root`). The earlier report is first kept whole beside the new
one as `report.previous-<n>.json`; then the folder's grade outputs are replaced by a new grade,
whose report carries `previous` (the earlier grades' dates, harness versions, headline figures
and verdicts, oldest first) and whose companions are rendered again. A submission that cannot be
graded any more keeps its earlier report, and its outcome says why.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from exercise.errors import ExerciseError
from grader.cohort.loading import find_reports
from grader.cohort.stats import CohortError
from grader.grade.outputs import GRADE_OUTPUTS
from grader.grade.report_file import report_json, save_report
from grader.grade.session import GradeOptions, grade
from grader.outputs import claim
from grader.regrade.changes import Move, earlier_grade, moves
from grader.reports.render import write_companions

PREVIOUS = "report.previous-{n}.json"


class RegradeError(ExerciseError):
    """The round cannot be read (no reports); single submissions fail as outcomes instead."""


@dataclass(frozen=True)
class Regraded:
    name: str
    report: Path
    moves: tuple[Move, ...] = field(default=())
    error: str | None = None  # why it could not be graded again (its earlier report is kept)


def find_round(paths: Sequence[Path]) -> list[Path]:
    """The report files of the round (see `find_reports`)."""
    try:
        return find_reports(paths)
    except CohortError as exc:
        raise RegradeError(str(exc)) from exc


def regrade_round(
    reports: Sequence[Path],
    options: GradeOptions,
    *,
    baseline: bool | None = None,
    unseen: bool | None = None,
    on_done: Callable[[Regraded], None] | None = None,
) -> list[Regraded]:
    """Grade every report's submission again (one at a time); `baseline` and `unseen` None
    follow each earlier grade (a baseline run, an unseen-corpus run, when it had one)."""
    done = []
    for path in reports:
        outcome = regrade_one(Path(path), options, baseline=baseline, unseen=unseen)
        done.append(outcome)
        if on_done:
            on_done(outcome)
    return done


def regrade_one(
    path: Path, options: GradeOptions, *, baseline: bool | None, unseen: bool | None = None
) -> Regraded:
    name = path.parent.name
    try:
        old = json.loads(path.read_text(encoding="utf-8"))
        source = Path(str(old["submission"]["source"]))
        key = Path(str(old["key"]["root"]))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        return Regraded(name, path, error=f"{path} cannot be read as a grade report: {exc}")
    for what, where in (("submission", source), ("key folder", key)):
        if not where.exists():
            return Regraded(name, path, error=f"its {what} {where} is not there any more")
    chosen = baseline if baseline is not None else old.get("baseline") is not None
    ran_unseen = (old.get("unseen") or {}).get("seed") is not None
    unseen_chosen = unseen if unseen is not None else ran_unseen
    folder = path.parent
    kept = folder / PREVIOUS.format(n=len(old.get("previous") or []) + 1)
    try:
        shutil.copyfile(path, kept)
        claim(folder, GRADE_OUTPUTS, force=True)
        result = grade(source, key, folder, replace(options, baseline=chosen, unseen=unseen_chosen))
        new = report_json(result)
        new["previous"] = [*(old.get("previous") or []), earlier_grade(old)]
        written = save_report(new, folder)
        write_companions(written, new, docs=result.key.corpus.docs)
    except (ExerciseError, OSError, ValueError) as exc:
        _restore(kept, path)
        return Regraded(name, path, error=str(exc))
    except Exception as exc:  # a grader bug must not stop the other regrades either
        _restore(kept, path)
        return Regraded(name, path, error=f"internal error: {type(exc).__name__}: {exc}")
    return Regraded(name, written, tuple(moves(old, new)))


def to_json(outcomes: Sequence[Regraded]) -> dict[str, Any]:
    """regrade.json: per submission, what moved (or why it could not be graded again)."""
    return {
        "kind": "regrade",
        "submissions": [
            {
                "name": o.name,
                "report": str(o.report),
                "error": o.error,
                "moved": o.error is None and bool(o.moves),
                "moves": [{"what": m.what, "before": m.before, "after": m.after} for m in o.moves],
            }
            for o in outcomes
        ],
    }


def _restore(kept: Path, path: Path) -> None:
    """Put the earlier report back where it was (its companions can be rendered from it)."""
    if kept.is_file():
        shutil.copyfile(kept, path)
        kept.unlink()
