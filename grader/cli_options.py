"""Options several grader commands declare alike, worded once (`grader.outputs` holds the rule)."""

from __future__ import annotations

import typer


def force_option(removed: str):
    """The `--force` option of a command that refuses an output an earlier run left:
    `removed` says what it removes first (`grader.outputs.claim` removes it)."""
    return typer.Option("--force", help=f"{removed}, instead of refusing.")


def round_argument():
    """The ROUND argument of the commands that read a graded round's reports."""
    return typer.Argument(
        metavar="ROUND",
        help="A grade-many output folder, or report files / folders holding one.",
        show_default=False,
    )
