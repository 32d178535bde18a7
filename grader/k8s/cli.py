"""`takehome collect`: the leaderboard of a round the Kubernetes Job graded (`grader.k8s.collect`),
and the `--emit k8s` half of `grade-many` (`emit_round`)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer

from exercise.cli_errors import EXIT_FAILED, exit_codes, fail, note
from exercise.errors import ExerciseError
from grader.batch.leaderboard import write_leaderboard
from grader.batch.run import Job
from grader.k8s.collect import outcomes

ENGINES = ("k8s",)  # what --emit writes
EPILOG = exit_codes(
    "every submission of the round has a report",
    failed="some submissions have no report (named on the last line; the leaderboard says why)",
    bad="DIR is not a copy of a round's results",
)


def emit_round(
    engine: str,
    dest: Path,
    jobs: Sequence[Job],
    *,
    baseline: bool,
    workers: int | None,
    unseen: bool = True,
) -> None:
    """Write the round's manifests for `engine` to `dest` (grade-many --emit); exits on errors."""
    if engine not in ENGINES:
        fail(f"--emit {engine!r} is not one of {', '.join(ENGINES)}")
    try:
        from grader.k8s.emit import emit

        written = emit(jobs, dest, job=f"takehome-{dest.resolve().name}", baseline=baseline,
                       unseen=unseen, parallelism=workers)  # fmt: skip
    except (ExerciseError, ValueError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write the manifests to {dest}: {exc}")
    note(
        f"wrote Job {written.job} for {len(jobs)} submission(s): {written.manifests}, and the "
        f"key's Secret {written.secret} (it holds the key); docs/kubernetes.md says how to run it"
    )


def collect_command(
    folder: Annotated[
        Path,
        typer.Argument(
            metavar="DIR",
            help="A local copy of the round's results volume (kubectl cp POD:/results DIR): "
            "one folder per submission and round.json.",
            show_default=False,
        ),
    ],
) -> None:
    """Write the leaderboard (DIR/leaderboard.csv, .html) of a round graded on Kubernetes."""
    try:
        found = outcomes(folder)
    except ExerciseError as exc:
        fail(str(exc))
    csv_path, html_path = write_leaderboard(found, folder)
    missing = [o.job.name for o in found if o.report is None]
    graded = len(found) - len(missing)
    note(f"{graded} of {len(found)} graded; leaderboard: {html_path} and {csv_path}")
    if missing:
        fail(
            f"{len(missing)} of {len(found)} submission(s) have no report: {', '.join(missing)} "
            "(the leaderboard says why)",
            EXIT_FAILED,
        )
