"""How every command of the harness ends on an error: one line on stderr and an exit code.

The typer layers (`exercise.cli`, `corpus.cli`, `grader/*/cli.py`) turn library errors into
`fail(...)`; the library itself only raises. It lives in `exercise` because `python -m exercise`
runs in a candidate's repository, where neither `corpus` nor `grader` exists.

Messages are printed as plain text, never as Rich markup: they quote paths and user input, and a
folder named `run[2]` must read as `run[2]`, not lose its brackets (or crash the console).
"""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console
from rich.text import Text

EXIT_SUBMISSION_FAILED = 1  # `eval`: the submission could not be imported, constructed or built
EXIT_BAD_INPUT = 2  # a usage or input mistake: the message names the input
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as a shell reports it


def fail(message: str, code: int = EXIT_BAD_INPUT, *, detail: str = "") -> NoReturn:
    """Print `error: <message>` on one line to stderr (plus `detail`, e.g. a traceback tail,
    verbatim below it) and exit with `code`."""
    _say(Text.assemble(("error:", "bold red"), " ", message))
    if detail:
        typer.echo(detail, err=True)
    raise typer.Exit(code)


def interrupted(message: str = "interrupted") -> NoReturn:
    """Say the command was interrupted, and what was or was not written; exit 130."""
    _say(Text(message))
    raise typer.Exit(EXIT_INTERRUPTED)


def _say(text: Text) -> None:
    # soft_wrap: one line however narrow the terminal (a path is never broken in two)
    Console(stderr=True, highlight=False).print(text, soft_wrap=True)
