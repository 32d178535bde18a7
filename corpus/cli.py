"""`takehome corpus …`: generate, verify and describe corpus variants (the hiring team's tools)."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from corpus.key_file import KeyFileError
from corpus.profile import ProfileError, knob_docs, load_profile, shipped_profiles
from corpus.stats import compute_stats
from corpus.validate import VerifyError, verify
from corpus.variant import OutputExistsError, generate, write
from corpus.wording import SHIPPED, WORDINGS
from exercise.cli_errors import exit_codes, fail, note
from exercise.errors import ExerciseError

app = typer.Typer(
    help="Generate seeded corpus variants with golden questions, verify them, print statistics.",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
out = Console()
GENERATE_EPILOG = exit_codes(
    "variant written",
    bad="an unknown profile, an OUT that already exists without --force",
)
VERIFY_EPILOG = exit_codes(
    "no problems found",
    failed="problems found (one line each)",
    bad="no variant at the path",
)
STATS_EPILOG = exit_codes("statistics printed", bad="no variant at the path")
PROFILES_EPILOG = exit_codes("profiles listed")


@app.command("generate", epilog=GENERATE_EPILOG)
def generate_command(
    out_dir: Annotated[
        Path, typer.Option("--out", help="Folder to write: OUT/variant (public) and OUT/key.")
    ],
    seed: Annotated[
        int, typer.Option(help="Seed; the same seed and profile give the same bytes.")
    ] = 7,
    profile: Annotated[
        str,
        typer.Option(
            help="Shipped profile name (easy, medium, hard...) or a path to a .toml file."
        ),
    ] = "medium",
    wording: Annotated[
        str,
        typer.Option(
            help="How facts and questions are worded: 'shipped' (what bundles get) or 'unseen' "
            "(the same facts in other words and date formats, as the grader's unseen corpus "
            "states them)."
        ),
    ] = SHIPPED,
    force: Annotated[bool, typer.Option(help="Replace OUT if it already holds a variant.")] = False,
) -> None:
    """Generate a variant: documents, public questions, and the interviewer's key."""
    if seed < 0:
        fail(f"--seed must be zero or positive, got {seed}")
    if wording not in WORDINGS:
        fail(f"--wording must be one of {', '.join(WORDINGS)}, got {wording!r}")
    try:
        chosen = load_profile(profile)
        started = time.perf_counter()
        with err.status("generating") as status:
            variant = generate(
                seed, chosen, progress=lambda s: status.update(f"rendering {s}"), wording=wording
            )
            status.update(escape(f"writing {out_dir}"))
            write(variant, out_dir, force=force)
    except (ProfileError, OutputExistsError) as exc:
        fail(str(exc))
    elapsed = time.perf_counter() - started
    note(
        f"wrote {len(variant.docs)} documents, {len(variant.public)} public and "
        f"{len(variant.hidden)} hidden questions (profile {chosen.name}, seed {seed}, "
        f"{wording} wording) "
        f"to {out_dir} in {elapsed:.1f}s"
    )
    note(f"  {out_dir}/variant  — the corpus candidates get")
    note(f"  {out_dir}/key      — keep it: hidden questions and a pristine copy")


@app.command("verify", epilog=VERIFY_EPILOG)
def verify_command(
    folder: Annotated[
        Path, typer.Argument(help="An output folder (variant/ + key/) or a variant.")
    ],
) -> None:
    """Re-check a variant: manifest hashes, spans, answers, ids and every slice's property."""
    try:
        problems = verify(folder)
    except VerifyError as exc:
        fail(str(exc))
    if problems:
        for problem in problems:
            err.print(f"[red]✗[/] {escape(problem)}", highlight=False, soft_wrap=True)
        fail(f"{len(problems)} problem(s) found in {folder}", code=1)
    err.print(f"[green]✓[/] {escape(str(folder))}: no problems found", highlight=False)


@app.command("stats", epilog=STATS_EPILOG)
def stats_command(
    folder: Annotated[
        Path, typer.Argument(help="An output folder (variant/ + key/) or a variant.")
    ],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of tables.")] = False,
) -> None:
    """Print size, questions per slice, lexical overlap per slice and realism measures."""
    try:
        stats = compute_stats(folder)
    except (FileNotFoundError, KeyFileError, ExerciseError) as exc:
        fail(str(exc))
    if as_json:
        out.print_json(json.dumps(stats.to_json()))
        return
    size = Table(title="Corpus", show_header=False)
    size.add_row("documents", f"{stats.documents}")
    size.add_row("characters", f"{stats.characters:,}")
    size.add_row(f"passages at {stats.chunk_size} characters", f"{stats.starter_passages:,}")
    size.add_row("sentences (paragraphs and list items)", f"{stats.sentences:,}")
    size.add_row("sentences occurring once", f"{stats.unique_sentence_share:.1%}")
    size.add_row("distinct alphabetic words", f"{stats.distinct_words:,}")
    out.print(size)
    slices = Table(title="Questions per slice")
    for column in ("slice", "hidden", "public", "mean overlap"):
        slices.add_column(column, justify="left" if column == "slice" else "right")
    for slice_, counts in stats.questions.items():
        mean = stats.overlap.get(slice_)
        slices.add_row(
            slice_,
            str(counts["hidden"]),
            str(counts["public"]),
            "—" if mean is None else f"{mean:.2f}",
        )
    out.print(slices)
    out.print(
        f"paraphrase overlap / mean of other slices = {stats.paraphrase_overlap_ratio:.2f} "
        "(overlap = share of the question's content words found in its evidence)",
        highlight=False,
    )


@app.command("profiles", epilog=PROFILES_EPILOG)
def profiles_command() -> None:
    """List the shipped profiles and every knob a profile can set."""
    for name in shipped_profiles():
        chosen = load_profile(name)
        out.print(f"[bold]{name}[/]: {chosen.description}")
    table = Table(title="Knobs")
    table.add_column("knob")
    table.add_column("what it changes")
    for knob, doc in knob_docs().items():
        table.add_row(knob, doc)
    table.add_row("questions.hidden.<slice>", "hidden questions of that slice")
    table.add_row("questions.public.<slice>", "public questions of that slice")
    out.print(table)
