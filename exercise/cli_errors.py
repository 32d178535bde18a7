"""How every command of the harness ends on an error: one line on stderr and an exit code.

The typer layers (`exercise.cli`, `corpus.cli`, `grader/*/cli.py`) turn library errors into
`fail(...)`; the library itself only raises. It lives in `exercise` because `python -m exercise`
runs in a candidate's repository, where neither `corpus` nor `grader` exists.

Messages are printed as plain text, never as Rich markup: they quote paths and user input, and a
folder named `run[2]` must read as `run[2]`, not lose its brackets (or crash the console). `warn`
and `note` print other lines to stderr the same way, and `exit_codes` words the epilog every
command's `--help` ends with.
"""

from __future__ import annotations

from typing import NoReturn

import typer
from rich.console import Console
from rich.text import Text

EXIT_OK = 0
EXIT_SUBMISSION_FAILED = 1  # `eval`: the submission could not be imported, constructed or built
EXIT_FAILED = 1  # the command ran but did not do all it was asked (the message says what not)
EXIT_BAD_INPUT = 2  # a usage or input mistake: the message names the input
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT), as a shell reports it


def fail(message: str, code: int = EXIT_BAD_INPUT, *, detail: str = "") -> NoReturn:
    """Print `error: <message>` on one line to stderr (plus `detail`, e.g. a traceback tail,
    verbatim below it) and exit with `code`. A message that spans lines (an exception from a
    library that words its errors over several) is joined into one, its lines separated by ` / `."""
    one_line = " / ".join(line.strip() for line in message.splitlines() if line.strip())
    _say(Text.assemble(("error:", "bold red"), " ", one_line))
    if detail:
        typer.echo(detail, err=True)
    raise typer.Exit(code)


def interrupted(message: str = "interrupted") -> NoReturn:
    """Say the command was interrupted, and what was or was not written; exit 130."""
    _say(Text(message))
    raise typer.Exit(EXIT_INTERRUPTED)


def warn(message: str) -> None:
    """Print `warning: <message>` on one line to stderr; the command goes on."""
    _say(Text.assemble(("warning:", "yellow"), " ", message))


def note(message: str) -> None:
    """Print `message` (progress, a written path) on one line to stderr, as plain text."""
    _say(Text(message))


def exit_codes(ok: str, *, failed: str | None = None, bad: str = "") -> str:
    """The `Exit codes:` epilog of a command's --help: what 0, 1 (when the command has such an
    outcome), 2 and 130 mean for it. README.md lists the same codes for every command."""
    lines = [f"{EXIT_OK} {ok};"]
    if failed:
        lines.append(f"{EXIT_FAILED} {failed};")
    lines.append(
        f"{EXIT_BAD_INPUT} bad input or options, one line on stderr names it"
        + (f" ({bad})" if bad else "")
        + ";"
    )
    lines.append(f"{EXIT_INTERRUPTED} interrupted.")
    return "Exit codes: " + " ".join(lines)


def _say(text: Text) -> None:
    # soft_wrap: one line however narrow the terminal (a path is never broken in two)
    Console(stderr=True, highlight=False).print(text, soft_wrap=True)
