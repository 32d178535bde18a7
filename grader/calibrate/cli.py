"""`takehome calibrate`: check a profile before sending it (see `grader.calibrate.calibration`)."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from corpus.profile import ProfileError, load_profile
from exercise.cli_errors import exit_codes, fail, interrupted, note
from exercise.errors import ExerciseError
from grader.calibrate.calibration import calibrate
from grader.calibrate.report import (
    CALIBRATION_HTML,
    CALIBRATION_JSON,
    tables,
    verdict_lines,
    write_calibration,
)
from grader.cli_options import force_option
from grader.outputs import Outputs, claim

CALIBRATION_OUTPUTS = Outputs("a calibration", (CALIBRATION_JSON, CALIBRATION_HTML))
EPILOG = exit_codes(
    "calibration written",
    bad="an unknown profile, bad seeds, an OUT holding a calibration without --force",
)


def calibrate_command(
    profile: Annotated[
        str, typer.Option(help="Shipped profile name or path to a .toml file.")
    ] = "medium",
    seeds: Annotated[int, typer.Option(help="How many seeded variants to calibrate on.")] = 5,
    first_seed: Annotated[int, typer.Option(help="The first seed; the others follow it.")] = 1,
    pairs: Annotated[
        bool, typer.Option("--pairs/--no-pairs", help="Also evaluate every pair of fixes.")
    ] = True,
    out: Annotated[
        Path | None,
        typer.Option(help="Folder for calibration.json and .html. Default: calibration/<profile>."),
    ] = None,
    force: Annotated[
        bool, force_option("OUT holds an earlier calibration: remove it first")
    ] = False,
) -> None:
    """Grade the starter, every single fix, pairs of fixes and the reference on N variants of a
    profile; show which weaknesses the grade detects and how stable the variants are."""
    err = Console(stderr=True)
    if seeds < 1 or first_seed < 0:
        fail("--seeds must be ≥ 1 and --first-seed ≥ 0")
    try:
        chosen = load_profile(profile)
    except ProfileError as exc:
        fail(str(exc))
    target = out if out is not None else Path("calibration") / chosen.name
    try:
        claim(target, CALIBRATION_OUTPUTS, force=force, say=note)
    except ExerciseError as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot prepare {target}: {exc}")
    started = time.perf_counter()
    try:
        with err.status("calibrating") as status:
            # A spinner on a terminal; one line per step in a log, so a long run shows progress.
            if err.is_terminal:
                say = lambda message: status.update(f"calibrating: {message}")  # noqa: E731
            else:
                say = lambda message: note(f"calibrating: {message}")  # noqa: E731
            result = calibrate(
                chosen, list(range(first_seed, first_seed + seeds)), pairs=pairs, say=say
            )
    except KeyboardInterrupt:
        interrupted("interrupted: nothing was written")
    data = result.to_json()
    json_path, html_path = write_calibration(data, target)
    console = Console()
    for part in tables(data):
        console.print(part)
    for line in verdict_lines(data):
        console.print(line, highlight=False)
    note(f"calibrated in {time.perf_counter() - started:.0f} s: {json_path}, {html_path}")
