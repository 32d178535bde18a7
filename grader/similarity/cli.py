"""`takehome similarity`: the command layer over `grader.similarity`.

Input mistakes (no reports, a report whose submission or key is gone, an OUT holding an earlier
comparison without `--force`) are one line on stderr and exit code 2. The flagged pairs go to
stdout, the written paths to stderr.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Annotated

import typer

from exercise.cli_errors import exit_codes, fail, interrupted, note
from exercise.errors import ExerciseError
from grader.cli_options import force_option, round_argument
from grader.outputs import Outputs, claim
from grader.similarity.compare import MIN_SHARED, THRESHOLD, compare
from grader.similarity.findings import update_reports
from grader.similarity.page import SIMILARITY_HTML, SIMILARITY_JSON, write_outputs
from grader.similarity.round import load_round

SIMILARITY_OUTPUTS = Outputs("a similarity comparison", (SIMILARITY_JSON, SIMILARITY_HTML))
EPILOG = exit_codes(
    "compared (flagged pairs or none)",
    bad="fewer than two reports, a report whose submission or key folder is gone, an OUT "
    "holding an earlier comparison without --force",
)


def similarity_command(
    reports: Annotated[list[Path], round_argument()],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder for similarity.json and similarity.html. Default: the first ROUND "
            "folder (beside the leaderboard).",
            show_default=False,
        ),
    ] = None,
    findings: Annotated[
        bool,
        typer.Option(
            "--findings/--no-findings",
            help="Add (or replace) the similarity finding in each flagged submission's "
            "report.json.",
        ),
    ] = True,
    force: Annotated[bool, force_option("OUT holds an earlier comparison: replace it")] = False,
) -> None:
    """Compare the round's submissions pairwise for code they share beyond the starter.

    Each submission is read again from where its report says it was graded, with the starter the
    key names removed; code is compared by winnowed fingerprints (as MOSS does), blind to names,
    comments, layout and the order of functions. Pairs whose shared share of the smaller one's
    own code reaches 0.50 (and at least 20 fingerprints) are flagged for a person to look at,
    side by side in similarity.html. A flag is a prompt, never a verdict.
    """
    folder = out or next((p for p in reports if p.is_dir()), None)
    if folder is None:
        fail("pass --out: no ROUND argument is a folder to write the comparison into")
    try:
        if not force:  # refused before the work; removed (--force) only once the inputs are good
            claim(folder, SIMILARITY_OUTPUTS, force=False)
        with tempfile.TemporaryDirectory(prefix="takehome-similarity-") as work:
            members = load_round(list(reports), Path(work))
            pairs = compare(members)
            claim(folder, SIMILARITY_OUTPUTS, force=force, say=note)
            json_path, html_path = write_outputs(members, pairs, folder)
            changed = update_reports(members, pairs) if findings else []
    except ExerciseError as exc:  # RoundError, OutputExistsError
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write the comparison to {folder}: {exc}")
    except KeyboardInterrupt:
        interrupted()
    flagged = [p for p in pairs if p.flagged]
    typer.echo(
        f"similarity: {len(members)} submissions, {len(pairs)} pairs, {len(flagged)} at "
        f"{THRESHOLD:.2f} or more (at least {MIN_SHARED} shared fingerprints)"
    )
    for pair in flagged:
        typer.echo(f"  look: {pair.a} and {pair.b}: {pair.score:.2f} ({pair.shared} shared)")
    note(f"wrote {html_path} and {json_path}")
    if changed:
        note(
            f"added the finding to {len(changed)} report(s); re-render them with `takehome "
            "report` to show it there"
        )
