"""`takehome`: the one command-line entry point, with subcommands grouped per area.

Each area owns its typer app or command (corpus generation lives in `corpus.cli`, the local
evaluation loop in `exercise.cli`, bundle building in `grader.bundle.cli`, grading in
`grader.grade.cli`, report rendering in `grader.reports.cli`) and the exit codes its `--help`
ends with (`EPILOG`); this module only mounts them, so `takehome --help` lists everything, and
adds `--version` and shell completion (`--install-completion`).
"""

from __future__ import annotations

from importlib import metadata
from typing import Annotated

import typer

from corpus.cli import app as corpus_app
from exercise.cli import EPILOG as EVAL_EPILOG
from exercise.cli import eval_command
from grader.batch.cli import EPILOG as GRADE_MANY_EPILOG
from grader.batch.cli import grade_many_command
from grader.bundle.cli import EPILOG as BUNDLE_EPILOG
from grader.bundle.cli import bundle_command
from grader.calibrate.cli import EPILOG as CALIBRATE_EPILOG
from grader.calibrate.cli import calibrate_command
from grader.cohort.cli import EPILOG as COHORT_EPILOG
from grader.cohort.cli import cohort_command
from grader.grade.cli import EPILOG as GRADE_EPILOG
from grader.grade.cli import grade_command
from grader.gradescope.cli import EPILOG as AUTOGRADER_EPILOG
from grader.gradescope.cli import autograder_command
from grader.k8s.cli import EPILOG as COLLECT_EPILOG
from grader.k8s.cli import collect_command
from grader.regrade.cli import EPILOG as REGRADE_EPILOG
from grader.regrade.cli import regrade_command
from grader.reports.cli import COMPARE_EPILOG, compare_command, report_command
from grader.reports.cli import EPILOG as REPORT_EPILOG
from grader.similarity.cli import EPILOG as SIMILARITY_EPILOG
from grader.similarity.cli import similarity_command
from grader.solutions.cli import EPILOG as SOLUTION_EPILOG
from grader.solutions.cli import solution_command

DISTRIBUTION = "rag-takehome"

app = typer.Typer(
    name="takehome",
    help="RAG take-home harness: generate corpora, evaluate and grade retrieval pipelines.",
    epilog="Exit codes: 0 done; 1 the command ran but its outcome failed (eval: the submission "
    "could not be built; grade-many: some submissions could not be graded; corpus verify: "
    "problems found); 2 bad input or options, one line on stderr names it; 130 interrupted. "
    "Each command's --help says what they mean for it.",
    no_args_is_help=True,
    add_completion=True,
)


def version() -> str:
    """The installed harness's version ("unknown" when run from a source tree not installed)."""
    try:
        return metadata.version(DISTRIBUTION)
    except metadata.PackageNotFoundError:
        return "unknown"


def _print_version(value: bool) -> None:
    if value:
        typer.echo(f"takehome {version()}")
        raise typer.Exit()


@app.callback()
def _main(
    show_version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print the harness's version and exit.",
            callback=_print_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """RAG take-home harness: generate corpora, evaluate and grade retrieval pipelines."""


# Every command but `corpus` (a group): its name, the function typer wraps, its `--help` epilog.
COMMANDS = (
    ("eval", eval_command, EVAL_EPILOG),
    ("bundle", bundle_command, BUNDLE_EPILOG),
    ("grade", grade_command, GRADE_EPILOG),
    ("report", report_command, REPORT_EPILOG),
    ("compare", compare_command, COMPARE_EPILOG),
    ("grade-many", grade_many_command, GRADE_MANY_EPILOG),
    ("solution", solution_command, SOLUTION_EPILOG),
    ("calibrate", calibrate_command, CALIBRATE_EPILOG),
    ("cohort", cohort_command, COHORT_EPILOG),
    ("similarity", similarity_command, SIMILARITY_EPILOG),
    ("regrade", regrade_command, REGRADE_EPILOG),
    ("collect", collect_command, COLLECT_EPILOG),
    ("autograder", autograder_command, AUTOGRADER_EPILOG),
)

app.add_typer(corpus_app, name="corpus")
for _name, _command, _epilog in COMMANDS:
    app.command(_name, epilog=_epilog)(_command)


def main() -> None:
    app()
