"""`eval` as users run it: help, exit codes, the summary, the JSON and TREC outputs."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from exercise.cli import app
from exercise.runner import harness_root
from tests.exercise.helpers import MISBEHAVING, SMALL_DOCS, SMALL_QUESTIONS, write_submission

runner = CliRunner()

# The small variant's questions, reworded so the misbehaving submission fails in different ways.
TRIGGERS = {"q-notice": " (boom)", "q-charger": " (garbage)"}
QUESTIONS = [{**q, "text": q["text"] + TRIGGERS.get(q["id"], "")} for q in SMALL_QUESTIONS]


@pytest.fixture
def variant(make_variant: Callable[..., Path]) -> Path:
    return make_variant(SMALL_DOCS, QUESTIONS)


def invoke(*args: str | Path):  # noqa: ANN201
    return runner.invoke(app, ["eval", *map(str, args)])


def test_help() -> None:
    top = runner.invoke(app, ["--help"])
    assert top.exit_code == 0 and "eval" in top.stdout
    help_text = runner.invoke(app, ["eval", "--help"])
    assert help_text.exit_code == 0
    for option in (
        "--corpus",
        "--questions",
        "--k",
        "--json",
        "--export-trec",
        "--work-dir",
        "--query-timeout",
        "Exit codes",
    ):
        assert option in help_text.stdout


def test_takehome_mounts_the_same_command() -> None:
    from grader.cli import app as takehome

    result = runner.invoke(takehome, ["eval", "--help"])
    assert result.exit_code == 0 and "--export-trec" in result.stdout


def test_python_dash_m_exercise_runs_the_same_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "exercise", "eval", "--help"],
        capture_output=True,
        text=True,
        cwd=harness_root(),
        timeout=60,
    )
    assert done.returncode == 0 and "--export-trec" in done.stdout


def test_a_misbehaving_submission_still_gets_a_summary_and_exit_0(
    tmp_path: Path, variant: Path
) -> None:
    submission = write_submission(tmp_path / "sub", MISBEHAVING)
    out = tmp_path / "out" / "report.json"
    result = invoke(
        submission, "--corpus", variant, "--json", out, "--export-trec", tmp_path / "trec"
    )
    assert result.exit_code == 0, result.output
    assert "4 questions: ok 2, error 1, invalid 1" in result.stdout
    assert "Metrics (k=10)" in result.stdout and "Latency" in result.stdout
    assert "searching:" not in result.stdout  # the submission's prints went to the log
    assert "ValueError: search exploded on purpose" in result.stdout  # shown as a worst question
    report = json.loads(out.read_text())
    statuses = {q["id"]: q["status"] for q in report["questions"]}
    assert statuses == {
        "q-notice": "error",
        "q-charger": "invalid",
        "q-assembly": "ok",
        "q-parking": "ok",
    }
    charger = next(q for q in report["questions"] if q["id"] == "q-charger")
    assert charger["reason"].startswith("search: passage 1 must be an exercise.types.Passage")
    assert charger["scores"]["answer_accuracy"] == 1.0  # its answer was judged on its own
    # Three answerable questions; only q-assembly's search worked, and its evidence lies past
    # the 1,500-character cap of the whole-document passage: recall@10 = 0 / 3.
    assert report["metrics"]["recall@10"] == 0.0 and report["metrics"]["n"] == 4
    assert report["statuses"] == {"ok": 2, "error": 1, "timeout": 0, "invalid": 1, "not_run": 0}
    assert report["latency"]["ops"]["search"]["calls"] == 3  # the raising call is not timed
    assert (submission / ".takehome" / "child.log").read_text().count("searching:") == 4
    assert sorted(p.name for p in (tmp_path / "trec").iterdir()) == [
        "metrics.json",
        "qrels.trec",
        "run.trec",
    ]


def test_a_submission_that_fails_to_import_exits_1_with_reason_and_traceback(
    tmp_path: Path, variant: Path
) -> None:
    submission = write_submission(tmp_path / "sub", "import numpy\nimport not_installed_pkg\n")
    out = tmp_path / "report.json"
    result = invoke(submission, "--corpus", variant, "--json", out)
    assert result.exit_code == 1
    lines = result.stderr.splitlines()
    assert lines[0] == (
        "error: submission failed at import: ModuleNotFoundError: No module named "
        "'not_installed_pkg'"
    )
    assert "import not_installed_pkg" in result.stderr  # the traceback tail follows
    assert result.stdout == ""
    report = json.loads(out.read_text())
    assert report["fatal"]["stage"] == "import"
    assert {q["status"] for q in report["questions"]} == {"not_run"}


@pytest.mark.parametrize(
    ("make_args", "message"),
    [
        (lambda sub, var: [sub, "--corpus", var.parent / "missing"], "is not a directory"),
        (
            lambda sub, var: [sub, "--corpus", var, "--questions", var / "nope.jsonl"],
            "does not exist",
        ),
        (lambda sub, var: [sub.parent / "nosub", "--corpus", var], "has no rag/ package"),
        (
            lambda sub, var: [sub, "--corpus", var, "--questions", var / "manifest.json"],
            "manifest.json:1: missing id, text",
        ),
    ],
)
def test_user_mistakes_exit_2_with_one_line_and_no_traceback(
    tmp_path: Path, variant: Path, make_args: Callable[[Path, Path], list], message: str
) -> None:
    submission = write_submission(tmp_path / "sub", MISBEHAVING)
    result = invoke(*make_args(submission, variant))
    assert result.exit_code == 2
    assert result.stderr.startswith("error: ") and message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output


def test_bad_option_values_are_usage_errors(tmp_path: Path, variant: Path) -> None:
    result = invoke(tmp_path, "--corpus", variant, "--k", "0")
    assert result.exit_code == 2 and "--k" in result.stderr
