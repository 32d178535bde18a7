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


app.add_typer(corpus_app, name="corpus")
app.command("eval", epilog=EVAL_EPILOG)(eval_command)
app.command("bundle", epilog=BUNDLE_EPILOG)(bundle_command)
app.command("grade", epilog=GRADE_EPILOG)(grade_command)
app.command("report", epilog=REPORT_EPILOG)(report_command)
app.command("compare", epilog=COMPARE_EPILOG)(compare_command)
app.command("grade-many", epilog=GRADE_MANY_EPILOG)(grade_many_command)
app.command("solution", epilog=SOLUTION_EPILOG)(solution_command)
app.command("calibrate", epilog=CALIBRATE_EPILOG)(calibrate_command)
app.command("cohort", epilog=COHORT_EPILOG)(cohort_command)
app.command("similarity", epilog=SIMILARITY_EPILOG)(similarity_command)
app.command("regrade", epilog=REGRADE_EPILOG)(regrade_command)
app.command("collect", epilog=COLLECT_EPILOG)(collect_command)
app.command("autograder", epilog=AUTOGRADER_EPILOG)(autograder_command)


def main() -> None:
    app()
