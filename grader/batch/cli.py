"""`takehome grade-many`: grade several submissions and write a leaderboard.

Input mistakes (no submissions, no key, a bad manifest, an --out holding earlier grades without
--force or --resume) are one line on stderr and exit 2, before anything runs. A submission that
cannot be graded (an unreadable archive, a missing key, a key of another variant) is a row of the
leaderboard with its reason, and the others are graded; the exit code is then 1 and the last line
names every such submission. 0 means every submission was graded.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from exercise.cli_errors import EXIT_FAILED, exit_codes, fail, interrupted, note
from exercise.errors import ExerciseError
from grader.batch.leaderboard import LEADERBOARD_CSV, LEADERBOARD_HTML, write_leaderboard
from grader.batch.run import (
    BatchError,
    Outcome,
    default_workers,
    grade_many,
    jobs_from_manifest,
    jobs_from_paths,
    per_grade_budget,
)
from grader.cli_options import force_option
from grader.grade.outputs import GRADE_OUTPUTS
from grader.grade.session import GradeOptions
from grader.k8s.cli import emit_round
from grader.outputs import Outputs, claim
from grader.sandbox.registry import SANDBOXES

# the leaderboard, and one grade's outputs in each subfolder
BATCH_OUTPUTS = Outputs("earlier grades", (LEADERBOARD_CSV, LEADERBOARD_HTML), nested=GRADE_OUTPUTS)
LISTED = 10  # failed submissions named on the last line; the leaderboard has them all
EPILOG = exit_codes(
    "every submission graded",
    failed="some submissions could not be graded (named on the last line; the leaderboard says "
    "why); the others were",
    bad="no submissions or key, a bad manifest, an --out holding earlier grades without --force "
    "or --resume",
)


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
    unseen: Annotated[
        bool,
        typer.Option(
            "--unseen/--no-unseen",
            help="Also run each grade on the key's unseen corpus (as for grade).",
        ),
    ] = True,
    force: Annotated[
        bool,
        force_option(
            "OUT holds earlier grades: remove them (the leaderboard and each folder's report.json,"
            " results.json, report.csv, report.html, report.md, logs) first"
        ),
    ] = False,
    resume: Annotated[
        bool,
        typer.Option(
            "--resume",
            help="OUT holds an earlier, perhaps interrupted, batch: keep each report whose "
            "submission (its files), key variant and harness version are unchanged, and grade "
            "the others (their earlier outputs removed first).",
        ),
    ] = False,
    emit: Annotated[
        tuple[str, Path] | None,
        typer.Option(
            "--emit",
            metavar="ENGINE DIR",
            help="Grade nowhere here: write to DIR what ENGINE needs to grade the round. "
            "'k8s': a Kubernetes Indexed Job (one pod per submission: the grader container "
            "with the key from a Secret, the sandbox container without key or network), its "
            "Secret, ConfigMaps and results volume; `takehome collect` then builds the "
            "leaderboard (docs/kubernetes.md). Needs the k8s extra. --workers is the pods at "
            "a time there.",
            show_default=False,
        ),
    ] = None,
    allow_variant_mismatch: Annotated[
        bool,
        typer.Option(
            "--allow-variant-mismatch",
            help="Grade submissions built for another corpus variant than their key's (as for "
            "grade); otherwise each is a failed row.",
        ),
    ] = False,
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
        if emit is not None:
            if resume or force or isolation is not None:
                raise BatchError(
                    "--emit writes manifests: --resume, --force and --isolation do not apply"
                )
        elif isolation is not None and isolation not in SANDBOXES:
            raise BatchError(f"--isolation {isolation!r} is not one of {', '.join(SANDBOXES)}")
        if emit is not None:
            emit_round(emit[0], emit[1], jobs, baseline=baseline, unseen=unseen, workers=workers)
            return
        count = workers if workers is not None else default_workers(*per_grade_budget(jobs))
        if count < 1:
            raise BatchError(f"--workers must be at least 1, got {count}")
        if resume and force:
            raise BatchError("give --resume (keep what still stands) or --force (regrade all)")
        if not resume:
            claim(out, BATCH_OUTPUTS, force=force, say=note)
    except ExerciseError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot prepare {out}: {exc}")
    note(f"grading {len(jobs)} submission(s), {count} at a time")

    started, finished, timed = time.monotonic(), 0, 0

    def progress(outcome: Outcome) -> str:
        """[done/all, about N min left]: wall time per graded job so far × the jobs left."""
        nonlocal finished, timed
        finished, timed = finished + 1, timed + (not outcome.reused)
        left = len(jobs) - finished
        eta = (time.monotonic() - started) / timed * left if timed and left else None
        return f"[{finished}/{len(jobs)}" + (f", about {_duration(eta)} left]" if eta else "]")

    def done(outcome: Outcome) -> None:
        step = escape(progress(outcome))
        if outcome.report is None:
            err.print(
                f"  {step} [red]✗[/] {escape(f'{outcome.job.name}: {outcome.error}')}",
                highlight=False,
                soft_wrap=True,  # one line per submission, its path never broken
            )
            return
        metrics = outcome.report["overall"]["metrics"]
        kept = " (kept from the earlier batch)" if outcome.reused else ""
        err.print(
            f"  {step} [green]✓[/] {escape(outcome.job.name)}: recall@5 "
            f"{metrics['recall@5']:.2f}, "
            f"answers {metrics['answer_accuracy']:.2f}{escape(kept)}",
            highlight=False,
            soft_wrap=True,
        )

    options = GradeOptions(
        isolation=isolation,
        baseline=baseline,
        unseen=unseen,
        allow_variant_mismatch=allow_variant_mismatch,
    )
    try:
        outcomes = grade_many(jobs, out, options, workers=count, on_done=done, resume=resume)
    except KeyboardInterrupt:
        interrupted("interrupted: reports written so far are kept (--resume goes on from them)")
    csv_path, html_path = write_leaderboard(outcomes, out)
    failed = [o.job.name for o in outcomes if o.report is None]
    note(
        f"{len(outcomes) - len(failed)} of {len(outcomes)} graded; leaderboard: {html_path} "
        f"and {csv_path}"
    )
    if failed:
        named = ", ".join(failed[:LISTED]) + (
            f" and {len(failed) - LISTED} more" if len(failed) > LISTED else ""
        )
        fail(
            f"{len(failed)} of {len(outcomes)} submission(s) could not be graded: {named} (the "
            "leaderboard and the lines above say why)",
            EXIT_FAILED,
        )


def _duration(seconds: float) -> str:
    return f"{seconds:.0f} s" if seconds < 90 else f"{seconds / 60:.0f} min"
