"""`takehome solution`: write a known solution (baseline, sound, reference, one archetype) for a
bundle, shaped like a candidate's submission, e.g. to see the spread a grade shows."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from exercise.cli_errors import exit_codes, fail, note
from exercise.errors import ExerciseError
from grader.answer_key import load_key
from grader.catalogue import CatalogueError
from grader.solutions.known import solution_names, write_solution

EPILOG = exit_codes(
    "solution written",
    bad="an unknown solution, no key or bundle, an OUT that exists without --force",
)


def solution_command(
    solution: Annotated[
        str, typer.Argument(help=f"One of: {', '.join(solution_names())}.", show_default=False)
    ],
    key: Annotated[
        Path, typer.Option("--key", help="The bundle's key folder (names the starter).")
    ],
    bundle: Annotated[
        Path, typer.Option("--bundle", help="The candidate's bundle folder (OUT/bundle).")
    ],
    out: Annotated[Path, typer.Option("--out", help="Folder to write the solution into.")],
    force: Annotated[bool, typer.Option(help="Replace OUT if it exists.")] = False,
) -> None:
    """Write a known solution for a bundle (never send it to a candidate)."""
    try:
        answer_key = load_key(key)
        starter = answer_key.components
        if starter is None:
            raise CatalogueError(f"{key}/key.json names no starter components (not a bundle key)")
        write_solution(
            solution, bundle, starter, out, chunk_size=answer_key.record.chunk_size, force=force
        )
    except (ExerciseError, CatalogueError, OSError) as exc:
        fail(str(exc))
    note(f"wrote the {solution} solution to {out}")
