"""`takehome bundle`: build one candidate's bundle (the repository to send) and key (to keep).

The command layer only: library errors (`grader.bundle.build`, `grader.catalogue`, profiles)
become a one-line message on stderr and exit code 2 (130 when interrupted: the output is then
left as it was); progress and the summary go to stderr too.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from corpus.profile import Profile, ProfileError, load_profile
from exercise.cli_errors import exit_codes, fail, interrupted, note
from grader.bundle.build import (
    ARCHIVE,
    BUNDLE_DIR,
    KEY_DIR,
    BundleError,
    BundleResult,
    build_bundle,
    check_candidate_name,
    default_out_dir,
)
from grader.bundle.seeds import SEED_ATTEMPTS, SecretError, derive_seed, load_secret
from grader.catalogue import CatalogueError

EPILOG = exit_codes(
    "bundle and key written",
    bad="an unknown profile, an OUT that already holds a bundle without --force, an "
    "unreadable team secret",
)


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
        int | None,
        typer.Option(
            "--seed",
            help="Seed of the corpus variant. Default: derived from the team secret and the "
            "candidate's name (re-derivable by the team, absent from the bundle).",
            show_default=False,
        ),
    ] = None,
    secret_file: Annotated[
        Path | None,
        typer.Option(
            "--secret-file",
            help="File holding the team secret. Default: $TAKEHOME_TEAM_SECRET, else "
            "~/.config/takehome/team_secret (created on first use).",
            show_default=False,
        ),
    ] = None,
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
    if seed is not None and seed < 0:
        fail(f"--seed must be zero or positive, got {seed}")
    if seed is not None and secret_file is not None:
        fail("give --seed or --secret-file, not both")
    try:
        chosen = load_profile(profile)
        seeds = [seed] if seed is not None else []
        if seed is None:
            secret = load_secret(secret_file)
            if secret.created:
                note(
                    f"created the team secret {secret.source}: share it with whoever builds or "
                    "grades bundles (a candidate's variant is derived from it and their name)"
                )
            name = check_candidate_name(candidate)
            seeds = [derive_seed(secret, name, chosen.name, n) for n in range(SEED_ATTEMPTS)]
        target = out if out is not None else default_out_dir(candidate)
        started = time.perf_counter()
        with err.status("generating the corpus") as status:
            result = _first_that_generates(
                seeds,
                chosen,
                candidate,
                target,
                secret_seed=seed is None,
                force=force,
                progress=status.update,
            )
    except (ProfileError, CatalogueError, BundleError, SecretError) as exc:
        fail(str(exc))
    except OSError as exc:  # an output folder that cannot be written, a full disk, ...
        fail(f"cannot write the bundle: {exc}")
    except KeyboardInterrupt:
        interrupted("interrupted: nothing was written")
    elapsed = time.perf_counter() - started
    note(
        f"wrote a bundle for {candidate.strip()!r} (profile {chosen.name}, "
        f"{'seed ' + str(seed) if seed is not None else 'secret seed'}): "
        f"{result.documents} documents, {result.public_questions} public and "
        f"{result.hidden_questions} hidden questions, in {elapsed:.1f}s"
    )
    note(f"  {target / ARCHIVE}  — send this to the candidate")
    note(f"  {target / BUNDLE_DIR}/       — the same files, unpacked")
    note(f"  {target / KEY_DIR}/          — keep it: grading needs it")


def _first_that_generates(
    seeds: list[int],
    profile: Profile,
    candidate: str,
    target: Path,
    *,
    secret_seed: bool,
    force: bool,
    progress: Callable[[str], None],
) -> BundleResult:
    """Build the bundle from the first of `seeds` whose world supplies the profile (one seed:
    --seed; several: the team secret's derived sequence). Raises the last `ProfileError`,
    saying how many seeds were tried."""
    for n, seed in enumerate(seeds):
        try:
            return build_bundle(
                profile,
                seed,
                candidate,
                target,
                force=force,
                progress=progress,
                secret_seed=secret_seed,
            )
        except ProfileError as exc:
            if n + 1 == len(seeds):
                tried = f" (tried {len(seeds)} seeds derived from the team secret)"
                raise ProfileError(str(exc) + (tried if secret_seed else "")) from None
    raise BundleError("no seed to build the bundle from")
