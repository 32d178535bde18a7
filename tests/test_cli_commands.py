"""Every command-line command: its help, and how it ends on a user's mistake.

Commands are enumerated from the typer apps themselves (`takehome`, with `corpus …` and `eval`, and
the candidate's `python -m exercise`), so a new command is checked the day it is added; each must
have a mistake case below (or take no input at all). A mistake in an input is one line on stderr
that names the input exactly (here a path with `[brackets]`, which Rich markup would eat), exit
code 2 and no traceback.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.main import get_command
from typer.testing import CliRunner

from exercise.cli import app as exercise_app
from grader.cli import app as takehome_app

APPS = {"takehome": takehome_app, "python -m exercise": exercise_app}


def _is_group(command: Any) -> bool:
    # typer ships its own copy of click: recognise a group by what it has, not by its class
    return hasattr(command, "commands")


def _walk(command: Any, path: tuple[str, ...]) -> Iterator[tuple[tuple[str, ...], Any]]:
    yield path, command
    if _is_group(command):
        for name in sorted(command.commands):
            yield from _walk(command.commands[name], (*path, name))


def _commands() -> dict[str, tuple[typer.Typer, tuple[str, ...], Any]]:
    """'prog sub …' -> (app, argument path, click command), for every command and group."""
    found = {}
    for prog, app in APPS.items():
        for path, command in _walk(get_command(app), ()):
            found[" ".join((prog, *path))] = (app, path, command)
    return found


COMMANDS = _commands()
LEAVES = sorted(name for name, (_, _, c) in COMMANDS.items() if not _is_group(c))

# A mistake per command: the arguments, given a missing folder (whose name has brackets) and a
# scratch folder, and the input the one-line message must name.
Mistake = Callable[[Path, Path], tuple[list[str], Path]]
_EVAL: Mistake = lambda missing, tmp: ([str(tmp), "--corpus", str(missing)], missing)  # noqa: E731
MISTAKES: dict[str, Mistake] = {
    "takehome corpus generate": lambda missing, tmp: (
        ["--out", str(tmp / "out"), "--profile", str(missing / "p.toml")],
        missing / "p.toml",
    ),
    "takehome corpus verify": lambda missing, tmp: ([str(missing)], missing),
    "takehome corpus stats": lambda missing, tmp: ([str(missing)], missing),
    "takehome eval": _EVAL,
    "python -m exercise eval": _EVAL,
    "takehome bundle": lambda missing, tmp: (
        ["--candidate", "Ada", "--seed", "1", "--profile", str(missing / "p.toml")]
        + ["--out", str(tmp / "out")],
        missing / "p.toml",
    ),
    "takehome grade": lambda missing, tmp: (
        [str(tmp), "--key", str(missing), "--isolation", "none", "--out", str(tmp / "out")],
        missing,
    ),
    # (a missing --key is each submission's failed row: the leaderboard says why)
    "takehome grade-many": lambda missing, tmp: (
        ["--manifest", str(missing / "round.csv"), "--out", str(tmp / "out")],
        missing / "round.csv",
    ),
    "takehome report": lambda missing, tmp: ([str(missing)], missing),
    "takehome compare": lambda missing, tmp: ([str(missing), str(missing)], missing),
    "takehome solution": lambda missing, tmp: (
        ["reference", "--key", str(missing), "--bundle", str(tmp), "--out", str(tmp / "out")],
        missing,
    ),
    "takehome calibrate": lambda missing, tmp: (
        ["--profile", str(missing / "p.toml"), "--out", str(tmp / "out")],
        missing / "p.toml",
    ),
    "takehome cohort": lambda missing, tmp: (
        [str(missing), str(tmp), "--out", str(tmp / "out")],
        missing,
    ),
    "takehome regrade": lambda missing, tmp: ([str(missing)], missing),
    "takehome collect": lambda missing, tmp: ([str(missing)], missing),
    "takehome autograder": lambda missing, tmp: (
        ["--key", str(missing), "--out", str(tmp / "autograder.zip")],
        missing,
    ),
    "takehome similarity": lambda missing, tmp: (
        [str(missing), str(tmp), "--out", str(tmp / "out")],
        missing,
    ),
}


def _inputs(command: Any) -> list[Any]:
    return [p for p in command.params if p.name != "help"]


@pytest.mark.parametrize("name", sorted(COMMANDS))
def test_help_exits_0_with_a_description_and_help_for_every_option(name: str) -> None:
    app, path, command = COMMANDS[name]
    result = CliRunner().invoke(app, [*path, "--help"])
    assert result.exit_code == 0, result.output
    description = (command.help or command.short_help or "").strip()
    assert description, f"`{name}` has no description"
    assert description.split()[0] in result.output
    undocumented = [
        p.opts[0] if p.param_type_name == "option" else p.name
        for p in _inputs(command)
        if not (getattr(p, "help", None) or "").strip()
    ]
    assert not undocumented, f"`{name}`: no help text for {', '.join(undocumented)}"


def test_every_command_has_a_mistake_case_or_takes_no_input() -> None:
    without = [n for n in LEAVES if n not in MISTAKES and _inputs(COMMANDS[n][2])]
    assert not without, f"add a mistake case to MISTAKES for: {', '.join(without)}"
    assert not set(MISTAKES) - set(LEAVES), "a mistake case names a command that does not exist"


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_a_mistake_is_one_line_naming_the_input_and_exit_2(name: str, tmp_path: Path) -> None:
    app, path, _ = COMMANDS[name]
    scratch = tmp_path / "work [1]"
    scratch.mkdir()
    args, culprit = MISTAKES[name](tmp_path / "no such [folder]", scratch)
    result = CliRunner().invoke(app, [*path, *args])
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("error: ") and str(culprit) in lines[0], lines[0]


@pytest.mark.parametrize("name", LEAVES)
def test_help_ends_with_the_exit_codes(name: str) -> None:
    app, path, command = COMMANDS[name]
    epilog = " ".join((command.epilog or "").split())
    assert epilog.startswith("Exit codes: 0 "), f"`{name}` has no exit codes in its --help"
    assert " 2 bad input or options" in epilog and epilog.endswith("130 interrupted.")
    result = CliRunner().invoke(app, [*path, "--help"])
    assert "Exit codes:" in result.output


def test_takehome_has_a_version_and_shell_completion() -> None:
    from importlib import metadata

    result = CliRunner().invoke(takehome_app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout == f"takehome {metadata.version('rag-takehome')}\n"
    shown = CliRunner().invoke(takehome_app, ["--help"])
    assert "--version" in shown.output and "--install-completion" in shown.output


@pytest.mark.parametrize(
    ("name", "args"),
    [
        ("takehome corpus generate", ["--profile", "easy", "--seed", "1"]),
        ("takehome bundle", ["--profile", "easy", "--seed", "1", "--candidate", "Ada"]),
    ],
)
def test_written_paths_keep_their_brackets(name: str, args: list[str], tmp_path: Path) -> None:
    app, path, _ = COMMANDS[name]
    out = tmp_path / "round [v2]"
    result = CliRunner().invoke(app, [*path, *args, "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert f"{out}/key" in result.stderr  # Rich markup would read `[v2]` as a style and drop it
