"""`takehome cohort`: statistics over a round's grade reports, to see which questions separated.

The command layer only: input mistakes (a missing or unreadable report, fewer than two reports,
reports of different variants with `--by question`, or without the items to pool them, an OUT
holding an earlier cohort without `--force`) are one line on stderr and exit code 2. The summary
goes to stdout, the written paths to stderr.
"""

from __future__ import annotations

import enum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from exercise.cli_errors import exit_codes, fail, interrupted, note
from exercise.errors import ExerciseError
from grader.cli_options import force_option
from grader.cohort.loading import load_reports
from grader.cohort.report import (
    COHORT_HTML,
    COHORT_JSON,
    QUESTIONS_CSV,
    CohortFiles,
    write_cohort,
)
from grader.cohort.stats import (
    BY_ITEM,
    BY_QUESTION,
    MIN_REPORTS,
    Cohort,
    CohortError,
    MixedVariantsError,
    compute_cohort,
)
from grader.outputs import Outputs, claim

SUMMARY_TOP = 5  # questions listed per group in the terminal summary
COHORT_OUTPUTS = Outputs("a cohort", (COHORT_JSON, QUESTIONS_CSV, COHORT_HTML))
EPILOG = exit_codes(
    "written",
    bad=f"a missing or unreadable report, fewer than {MIN_REPORTS}, several variants with --by "
    "question, reports whose keys record no items, an OUT holding a cohort without --force",
)


class Unit(enum.StrEnum):
    question = BY_QUESTION
    item = BY_ITEM


def cohort_command(
    reports: Annotated[
        list[Path],
        typer.Argument(
            metavar="REPORTS",
            help=f"At least {MIN_REPORTS} report.json files, or folders holding one (a grade "
            "output) or holding one per subfolder (a grade-many output).",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option("--out", help="Folder for cohort.json, questions.csv and cohort.html."),
    ] = Path("cohort"),
    by: Annotated[
        Unit | None,
        typer.Option(
            "--by",
            help="Statistics per question (one variant) or per item: what a question asks, the "
            "same in every variant, so a round of per-candidate variants pools. Default: per "
            "question when every report was graded against one variant, else per item.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, force_option("OUT holds an earlier cohort: remove it first")] = False,
) -> None:
    """Per-question difficulty and discrimination, per-slice spreads and a leaderboard.

    A round of per-candidate variants (the bundle's default) asks each candidate different
    questions; they are then compared per item (`handbook/parental_leave`, `product/weight`,
    ...), each candidate scored on the item by the share of its questions passed.

    Writes OUT/cohort.json, OUT/questions.csv and OUT/cohort.html and prints a summary; an
    interrupted run leaves no half-written file.
    """
    try:
        cohort, files = _compute_and_write(reports, out, by=by.value if by else None, force=force)
    except MixedVariantsError as exc:
        fail(f"{exc}; leave out --by question to compare them per item")
    except (CohortError, ExerciseError) as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        interrupted("interrupted: no half-written file is left")
    print_summary(Console(highlight=False), cohort)
    note(f"wrote {files.html}, {files.json} and {files.csv}")


def _compute_and_write(
    reports: list[Path], out: Path, *, by: str | None, force: bool
) -> tuple[Cohort, CohortFiles]:
    loaded = load_reports(reports)
    # refused before the statistics, removed (with --force) only once the inputs are known good
    if not force:
        claim(out, COHORT_OUTPUTS, force=False)
    cohort = compute_cohort(loaded, by=by)
    try:
        claim(out, COHORT_OUTPUTS, force=force, say=note)
        return cohort, write_cohort(cohort, out)
    except OSError as exc:
        raise CohortError(f"cannot write the cohort files to {out}: {exc}") from exc


def print_summary(console: Console, cohort: Cohort) -> None:
    """A few lines: size, the best, the questions to look at, the slices' medians."""
    n = len(cohort.leaderboard)
    console.print(
        f"cohort: {n} submissions, {len(cohort.questions)} {cohort.unit}s"
        + (f" ({len(cohort.variants)} variants)" if cohort.mixed else ""),
        markup=False,
        soft_wrap=True,
    )
    best = cohort.leaderboard[0]
    console.print(
        f"best: {best.name} (recall@5 {_num(best.recall_at_5)}, passed {best.total}/{best.n})",
        markup=False,
        soft_wrap=True,
    )
    ranked = [q for q in cohort.by_discrimination() if q.discrimination is not None]
    top = ", ".join(f"{q.id} {q.discrimination:+.2f}" for q in ranked[:SUMMARY_TOP])
    console.print(f"most discriminating: {top or 'none'}", markup=False, soft_wrap=True)
    for label, ids in (
        ("never passed", cohort.never_pass),
        ("always passed", cohort.always_pass),
        ("negative discrimination", cohort.negative),
    ):
        listed = ", ".join(ids[:SUMMARY_TOP]) + (" …" if len(ids) > SUMMARY_TOP else "")
        console.print(
            f"{label}: {len(ids)}" + (f" ({listed})" if ids else ""), markup=False, soft_wrap=True
        )
    if cohort.held_by_one:
        console.print(
            f"held by one submission only: {len(cohort.held_by_one)} {cohort.unit}s "
            "(no flags, no discrimination)",
            markup=False,
            soft_wrap=True,
        )
    medians = ", ".join(f"{s.name} {s.distribution.median:.2f}" for s in cohort.slices)
    console.print(f"slice medians: {medians}", markup=False, soft_wrap=True)


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"
