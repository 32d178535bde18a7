"""`takehome regrade`: the command layer over `grader.regrade.run`.

Input mistakes (no reports under ROUND, an unknown --isolation) are one line on stderr and exit
code 2. Each submission's line says what moved; the exit code is 1 when some submission could not
be graded again (named on the last line; their earlier reports are kept), else 0.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape

from exercise.cli_errors import EXIT_FAILED, exit_codes, fail, interrupted, note
from exercise.errors import ExerciseError
from grader.cli_options import round_argument
from grader.grade.session import GradeOptions
from grader.regrade.run import Regraded, find_round, regrade_round, to_json
from grader.sandbox.registry import SANDBOXES

REGRADE_JSON = "regrade.json"
EPILOG = exit_codes(
    "every submission graded again (moved or not)",
    failed="some submissions could not be graded again (named on the last line; their earlier "
    "reports are kept)",
    bad="no reports under ROUND, an unknown --isolation",
)


def regrade_command(
    reports: Annotated[list[Path], round_argument()],
    isolation: Annotated[
        str | None,
        typer.Option("--isolation", help=f"Sandbox: {', '.join(SANDBOXES)} (as for grade)."),
    ] = None,
    baseline: Annotated[
        bool | None,
        typer.Option(
            "--baseline/--no-baseline",
            help="Run the starter in each grade. Default: as the earlier grade did.",
            show_default=False,
        ),
    ] = None,
    unseen: Annotated[
        bool | None,
        typer.Option(
            "--unseen/--no-unseen",
            help="Also run each grade on the key's unseen corpus. Default: as the earlier grade "
            "did.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Grade every submission of a round again with this grader and its key, and say what moved.

    Each earlier report is kept whole as report.previous-<n>.json beside the new one, and the new
    report lists the earlier grades (date, harness version, headline, verdicts). A move is an
    area whose verdict changed, a headline metric outside the earlier grade's 95% interval, a
    failure that appeared or went away, or changed question statuses. Writes ROUND/regrade.json.
    """
    err = Console(stderr=True)
    try:
        if isolation is not None and isolation not in SANDBOXES:
            raise ExerciseError(f"--isolation {isolation!r} is not one of {', '.join(SANDBOXES)}")
        found = find_round(reports)
    except ExerciseError as exc:
        fail(str(exc))
    note(f"grading {len(found)} submission(s) again")

    def done(outcome: Regraded) -> None:
        if outcome.error is not None:
            line = f"  ✗ {outcome.name}: not graded again: {outcome.error}"
        elif outcome.moves:
            line = f"  ↻ {outcome.name}: " + "; ".join(map(str, outcome.moves))
        else:
            line = f"  = {outcome.name}: unchanged"
        err.print(escape(line), highlight=False, soft_wrap=True)

    try:
        options = GradeOptions(isolation=isolation)
        outcomes = regrade_round(found, options, baseline=baseline, unseen=unseen, on_done=done)
    except KeyboardInterrupt:
        interrupted("interrupted: the submissions graded so far have their new reports")
    folder = next((p for p in reports if p.is_dir()), found[0].parent.parent)
    summary = folder / REGRADE_JSON
    try:
        summary.write_text(json.dumps(to_json(outcomes), indent=2) + "\n", encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {summary}: {exc}")
    moved = [o.name for o in outcomes if o.error is None and o.moves]
    typer.echo(
        f"regrade: {len(outcomes)} submissions, {len(moved)} moved: {', '.join(moved) or '–'}"
    )
    note(f"wrote {summary}")
    failed = [o.name for o in outcomes if o.error is not None]
    if failed:
        fail(
            f"{len(failed)} of {len(outcomes)} submission(s) could not be graded again: "
            f"{', '.join(failed)} (their earlier reports are kept; the lines above say why)",
            EXIT_FAILED,
        )
