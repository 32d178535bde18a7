"""`takehome bundle`: build one candidate's bundle (the repository to send) and key (to keep).

The command layer only: library errors (`grader.bundle`, `grader.catalogue`, profiles) become a
one-line message on stderr and exit code 2 (130 when interrupted: the output is then left as it
was); progress and the summary go to stderr too.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from corpus.profile import ProfileError, load_profile
from grader.bundle import ARCHIVE, BUNDLE_DIR, KEY_DIR, BundleError, build_bundle, default_out_dir
from grader.catalogue import CatalogueError

EXIT_BAD_INPUT = 2
EXIT_INTERRUPTED = 130


def bundle_command(
    candidate: Annotated[
        str,
        typer.Option(
            "--candidate",
            help="The candidate's name; recorded in the key only, never in the bundle.",
            show_default=False,
        ),
    ],
    seed: Annotated[
        int,
        typer.Option(
            "--seed",
            help="Seed of this candidate's corpus variant; use a different one per candidate.",
            show_default=False,
        ),
    ],
    profile: Annotated[
        str,
        typer.Option(help="Shipped profile name (easy, medium, hard...) or path to a .toml file."),
    ] = "medium",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder to write: OUT/bundle, OUT/bundle.tar.gz and OUT/key. "
            "Default: bundles/<candidate>.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[bool, typer.Option(help="Replace OUT if it already holds a bundle.")] = False,
) -> None:
    """Build a candidate's bundle: a tarball to send and a key folder to keep."""
    err = Console(stderr=True)
    if seed < 0:
        _fail(err, f"--seed must be zero or positive, got {seed}")
    try:
        chosen = load_profile(profile)
        target = out if out is not None else default_out_dir(candidate)
        started = time.perf_counter()
        with err.status("generating the corpus") as status:
            result = build_bundle(
                chosen, seed, candidate, target, force=force, progress=status.update
            )
    except (ProfileError, CatalogueError, BundleError) as exc:
        _fail(err, str(exc))
    except OSError as exc:  # an output folder that cannot be written, a full disk, ...
        _fail(err, f"cannot write the bundle: {exc}")
    except KeyboardInterrupt:
        err.print("interrupted: nothing was written", highlight=False)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    elapsed = time.perf_counter() - started
    err.print(
        f"wrote a bundle for {candidate.strip()!r} (profile {chosen.name}, seed {seed}): "
        f"{result.documents} documents, {result.public_questions} public and "
        f"{result.hidden_questions} hidden questions, in {elapsed:.1f}s",
        highlight=False,
    )
    err.print(f"  {target / ARCHIVE}  — send this to the candidate", highlight=False)
    err.print(f"  {target / BUNDLE_DIR}/       — the same files, unpacked", highlight=False)
    err.print(f"  {target / KEY_DIR}/          — keep it: grading needs it", highlight=False)


def _fail(err: Console, message: str) -> None:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True, markup=True)
    raise typer.Exit(EXIT_BAD_INPUT)
