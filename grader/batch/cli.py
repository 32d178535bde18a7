"""`takehome grade-many`: grade several submissions and write a leaderboard.

Input mistakes (no submissions, no key, a bad manifest) are one line on stderr and exit 2. A
submission that cannot be graded is a row of the leaderboard with its reason; the exit code is 0
when at least one report was written, 1 when none was.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from exercise.cli_errors import fail, interrupted
from grader.batch.leaderboard import write_leaderboard
from grader.batch.run import (
    BatchError,
    Outcome,
    default_workers,
    grade_many,
    jobs_from_manifest,
    jobs_from_paths,
)
from grader.grade.session import GradeOptions
from grader.sandbox.registry import SANDBOXES


def grade_many_command(
    submissions: Annotated[
        list[Path] | None,
        typer.Argument(
            help="Submissions (folders, archives or git repositories), all for --key.",
            show_default=False,
        ),
    ] = None,
    key: Annotated[
        Path | None,
        typer.Option("--key", help="The key folder every submission is graded against."),
    ] = None,
    manifest: Annotated[
        Path | None,
        typer.Option(
            "--manifest",
            help="CSV with columns submission,key[,name]: one key per candidate (instead of "
            "SUBMISSIONS and --key).",
        ),
    ] = None,
    out: Annotated[
        Path,
        typer.Option("--out", help="Folder for OUT/<name>/report.json and the leaderboard."),
    ] = Path("grades"),
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help="Grades at a time (default: the cores divided by a grade's CPU budget).",
            show_default=False,
        ),
    ] = None,
    isolation: Annotated[
        str | None,
        typer.Option("--isolation", help=f"Sandbox: {', '.join(SANDBOXES)} (as for grade)."),
    ] = None,
    baseline: Annotated[
        bool, typer.Option("--baseline/--no-baseline", help="Run the starter in each grade.")
    ] = True,
) -> None:
    """Grade many submissions (one key, or one per candidate) and write a leaderboard."""
    err = Console(stderr=True)
    try:
        if manifest is not None:
            if submissions or key is not None:
                raise BatchError("give either --manifest or SUBMISSIONS with --key, not both")
            jobs = jobs_from_manifest(manifest)
        elif not submissions or key is None:
            raise BatchError("give SUBMISSIONS and --key, or --manifest FILE")
        else:
            jobs = jobs_from_paths(submissions, key)
        if isolation is not None and isolation not in SANDBOXES:
            raise BatchError(f"--isolation {isolation!r} is not one of {', '.join(SANDBOXES)}")
        count = workers if workers is not None else default_workers()
        if count < 1:
            raise BatchError(f"--workers must be at least 1, got {count}")
    except BatchError as exc:
        fail(str(exc))
    err.print(f"grading {len(jobs)} submission(s), {count} at a time", highlight=False)

    def done(outcome: Outcome) -> None:
        if outcome.report is None:
            err.print(
                f"  [red]✗[/] {escape(f'{outcome.job.name}: {outcome.error}')}", highlight=False
            )
            return
        metrics = outcome.report["overall"]["metrics"]
        err.print(
            f"  [green]✓[/] {escape(outcome.job.name)}: recall@5 {metrics['recall@5']:.2f}, "
            f"answers {metrics['answer_accuracy']:.2f}",
            highlight=False,
        )

    options = GradeOptions(isolation=isolation, baseline=baseline)
    try:
        outcomes = grade_many(jobs, out, options, workers=count, on_done=done)
    except KeyboardInterrupt:
        interrupted("interrupted: reports written so far are kept")
    csv_path, html_path = write_leaderboard(outcomes, out)
    graded = sum(1 for o in outcomes if o.report is not None)
    err.print(f"{graded} of {len(outcomes)} graded; leaderboard: {html_path} and {csv_path}")
    if graded == 0:
        raise typer.Exit(1)
