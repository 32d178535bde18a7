"""`takehome collect DIR`: the leaderboard of a round graded by the Kubernetes Job.

DIR is a local copy of the round's results volume (`kubectl cp POD:/results DIR`): one folder per
submission, holding report.json (and its companions) or error.txt (why it could not be graded),
and round.json (the names by completion index), which the pods write. A name of round.json with no
folder is a row saying its pod wrote nothing. The leaderboard is grade-many's
(`grader.batch.leaderboard`), written to DIR/leaderboard.csv and DIR/leaderboard.html.
"""

from __future__ import annotations

import json
from pathlib import Path

from exercise.errors import ExerciseError
from grader.batch.run import Job, Outcome
from grader.grade.report_file import REPORT_NAME

ERROR_FILE = "error.txt"  # written by grader.k8s.entry for a submission it could not grade
ROUND_FILE = "round.json"


class CollectError(ExerciseError):
    """DIR is not a round's results."""


def outcomes(folder: Path) -> list[Outcome]:
    """One outcome per submission of the round in `folder`, in completion-index order (else by
    name, when round.json is missing)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise CollectError(f"{folder} is not a folder: copy the round's /results volume here first")
    names = _names(folder)
    if not names:
        raise CollectError(
            f"{folder} holds no round: no {ROUND_FILE} and no folder with {REPORT_NAME} or "
            f"{ERROR_FILE} (copy the results volume with kubectl cp POD:/results {folder})"
        )
    found = []
    for index, name in enumerate(names):
        here = folder / name
        job = Job(name, here, folder)
        report_path, error = here / REPORT_NAME, here / ERROR_FILE
        if report_path.is_file():
            try:
                report = json.loads(report_path.read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                found.append(Outcome(job, None, None, f"{report_path} cannot be read: {exc}"))
                continue
            found.append(Outcome(job, report_path, report, None))
        elif error.is_file():
            found.append(Outcome(job, None, None, error.read_text(encoding="utf-8").strip()))
        else:
            found.append(
                Outcome(
                    job,
                    None,
                    None,
                    f"no report: the pod of index {index} wrote nothing yet (still running, or "
                    "failed: see kubectl logs)",
                )
            )
    return found


def _names(folder: Path) -> list[str]:
    index = folder / ROUND_FILE
    if index.is_file():
        try:
            names = json.loads(index.read_text(encoding="utf-8"))["names"]
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CollectError(f"{index} cannot be read: {exc}") from exc
        if not isinstance(names, list) or not all(isinstance(n, str) for n in names):
            raise CollectError(f"{index}: 'names' must be a list of folder names")
        return names
    return sorted(
        p.name
        for p in folder.iterdir()
        if p.is_dir() and ((p / REPORT_NAME).is_file() or (p / ERROR_FILE).is_file())
    )
