"""`takehome autograder`: write a Gradescope autograder zip for one key (grader.gradescope)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from exercise.cli_errors import exit_codes, fail, note
from exercise.errors import ExerciseError
from grader.gradescope.package import AutograderError, build_autograder

EPILOG = exit_codes(
    "autograder.zip written",
    bad="no key or an incomplete one, an OUT that exists without --force or is not a .zip, "
    "a --wheels folder without wheels",
)


def autograder_command(
    key: Annotated[Path, typer.Option("--key", help="The answer key folder to grade against.")],
    out: Annotated[
        Path, typer.Option("--out", help="The zip to write (upload it to Gradescope).")
    ] = Path("autograder.zip"),
    baseline: Annotated[
        bool,
        typer.Option(
            "--baseline/--no-baseline",
            help="Also run the starter in each grade (the diagnosis needs it).",
        ),
    ] = True,
    unseen: Annotated[
        bool,
        typer.Option(
            "--unseen/--no-unseen", help="Also grade each submission on the key's unseen corpus."
        ),
    ] = True,
    wheels: Annotated[
        Path | None,
        typer.Option(
            "--wheels",
            help="A folder of wheels to put in the zip: setup.sh then installs from them alone "
            "(no index; for an offline image, or to pin every package).",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help="Replace OUT if it exists.")] = False,
) -> None:
    """Write a Gradescope autograder zip: setup.sh, run_autograder, the key and the harness.

    Gradescope runs setup.sh once when it builds the assignment's image and run_autograder for
    each submission, which it grades as `takehome grade` would and scores in results.json (one
    test per diagnosis area). The key stays readable by root alone; submissions run sandboxed as
    another uid (docs/gradescope.md).
    """
    try:
        counts = build_autograder(
            key, out, baseline=baseline, unseen=unseen, wheels=wheels, force=force
        )
    except (ExerciseError, AutograderError, OSError) as exc:
        fail(str(exc))
    parts = ", ".join(f"{n} {name} files" for name, n in counts.items())
    note(f"wrote {out} ({parts}); upload it as the assignment's autograder")
