"""Options several grader commands declare alike, worded once (`grader.outputs` holds the rule)."""

from __future__ import annotations

import typer


def force_option(removed: str):
    """The `--force` option of a command that refuses an output an earlier run left:
    `removed` says what it removes first (`grader.outputs.claim` removes it)."""
    return typer.Option("--force", help=f"{removed}, instead of refusing.")
