"""`takehome`: the one command-line entry point, with subcommands grouped per area.

Each area owns its typer app or command (corpus generation lives in `corpus.cli`, the local
evaluation loop in `exercise.cli`, bundle building in `grader.bundle.cli`, grading in
`grader.grade.cli`, report rendering in `grader.reports.cli`); this module only mounts
them, so `takehome --help` lists everything.
"""

from __future__ import annotations

import typer

from corpus.cli import app as corpus_app
from exercise.cli import eval_command
from grader.batch.cli import grade_many_command
from grader.bundle.cli import bundle_command
from grader.calibrate.cli import calibrate_command
from grader.cohort.cli import cohort_command
from grader.grade.cli import grade_command
from grader.reports.cli import compare_command, report_command
from grader.solutions.cli import solution_command

app = typer.Typer(
    name="takehome",
    help="RAG take-home harness: generate corpora, evaluate and grade retrieval pipelines.",
    no_args_is_help=True,
    add_completion=False,
)
app.add_typer(corpus_app, name="corpus")
app.command("eval")(eval_command)
app.command("bundle")(bundle_command)
app.command("grade")(grade_command)
app.command("report")(report_command)
app.command("compare")(compare_command)
app.command("grade-many")(grade_many_command)
app.command("solution")(solution_command)
app.command("calibrate")(calibrate_command)
app.command("cohort")(cohort_command)


def main() -> None:
    app()
