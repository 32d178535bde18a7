"""The one way a command ends on an error: `error: <message>` on one line, markup left alone."""

from __future__ import annotations

import pytest
import typer

from exercise.cli_errors import (
    EXIT_BAD_INPUT,
    EXIT_INTERRUPTED,
    exit_codes,
    fail,
    interrupted,
    note,
    warn,
)


def test_fail_prints_one_line_with_brackets_kept_and_exits_2(capsys) -> None:
    with pytest.raises(typer.Exit) as exit_:
        fail("no corpus at /data/run[2]/[bold]x[/] :smile:")
    assert exit_.value.exit_code == EXIT_BAD_INPUT == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err == "error: no corpus at /data/run[2]/[bold]x[/] :smile:\n"


def test_fail_keeps_a_long_message_on_one_line(capsys) -> None:
    with pytest.raises(typer.Exit):
        fail("x" * 300)
    assert capsys.readouterr().err == "error: " + "x" * 300 + "\n"


def test_fail_prints_a_detail_block_verbatim_below_the_line(capsys) -> None:
    with pytest.raises(typer.Exit) as exit_:
        fail("submission failed at build: boom", 1, detail="Traceback [x]:\n  line 1")
    assert exit_.value.exit_code == 1
    assert capsys.readouterr().err == (
        "error: submission failed at build: boom\nTraceback [x]:\n  line 1\n"
    )


def test_interrupted_says_so_and_exits_130(capsys) -> None:
    with pytest.raises(typer.Exit) as exit_:
        interrupted("interrupted: nothing was written")
    assert exit_.value.exit_code == EXIT_INTERRUPTED == 130
    assert capsys.readouterr().err == "interrupted: nothing was written\n"


def test_a_message_over_several_lines_is_joined_into_one(capsys) -> None:
    with pytest.raises(typer.Exit):
        fail("archive x[1].tar.gz cannot be read:\n- method gz: bad\n- method tar: bad\n")
    assert capsys.readouterr().err == (
        "error: archive x[1].tar.gz cannot be read: / - method gz: bad / - method tar: bad\n"
    )


def test_warn_and_note_keep_brackets_on_one_line(capsys) -> None:
    warn("rendering failed; try `takehome report grades/[bold]ada[/]/report.json`")
    note("report: grades/run[v2]/report.json " + "x" * 200)
    assert capsys.readouterr().err == (
        "warning: rendering failed; try `takehome report grades/[bold]ada[/]/report.json`\n"
        "report: grades/run[v2]/report.json " + "x" * 200 + "\n"
    )


def test_exit_codes_say_what_each_code_means() -> None:
    assert exit_codes("written") == (
        "Exit codes: 0 written; 2 bad input or options, one line on stderr names it; "
        "130 interrupted."
    )
    assert exit_codes("all graded", failed="some were not", bad="no key") == (
        "Exit codes: 0 all graded; 1 some were not; 2 bad input or options, one line on stderr "
        "names it (no key); 130 interrupted."
    )
