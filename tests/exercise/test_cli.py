"""`eval` as users run it: help, exit codes, the summary, the JSON and TREC outputs."""

from __future__ import annotations

import hashlib
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
        "--history",
        "--history-label",
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
    assert report["statuses"] == {
        "ok": 2, "error": 1, "timeout": 0, "invalid": 1, "not_run": 0, "not_reached": 0,
    }  # fmt: skip
    assert report["latency"]["ops"]["search"]["calls"] == 3  # the raising call is not timed
    assert (submission / ".takehome" / "child.log").read_text().count("searching:") == 4
    assert sorted(p.name for p in (tmp_path / "trec").iterdir()) == [
        "metrics.json",
        "qrels.docs.trec",
        "qrels.trec",
        "run.docs.trec",
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


def test_history_appends_one_line_per_run_with_label_and_question_set(
    tmp_path: Path, variant: Path
) -> None:
    submission = write_submission(tmp_path / "sub", MISBEHAVING)
    history = submission / "eval_history.jsonl"
    first = invoke(submission, "--corpus", variant, "--history", history)
    assert first.exit_code == 0, first.output
    assert f"recorded this run in {history}" in first.stderr
    (submission / "rag" / "extra.py").write_text("X = 1\n", encoding="utf-8")
    custom = variant / "questions" / "mine.jsonl"
    custom.write_bytes((variant / "questions" / "public.jsonl").read_bytes())
    second = invoke(
        submission, "--corpus", variant, "--questions", custom, "--history", history,
        "--history-label", "watch",
    )  # fmt: skip
    assert second.exit_code == 0, second.output
    entries = [json.loads(line) for line in history.read_text(encoding="utf-8").splitlines()]
    assert [(e["label"], e["questions"], e["changed"]) for e in entries] == [
        ("eval", "public", None),
        ("watch", "custom", ["rag/extra.py"]),
    ]
    # q-notice raised (error) and q-charger returned garbage (invalid): see the first test.
    assert entries[0]["statuses"] == {
        "ok": 2, "error": 1, "timeout": 0, "invalid": 1, "not_run": 0, "not_reached": 0,
    }  # fmt: skip
    assert entries[0]["metrics"]["n"] == 4 and entries[0]["fatal"] is None


def test_a_run_whose_pipeline_cannot_start_is_recorded_too(tmp_path: Path, variant: Path) -> None:
    submission = write_submission(tmp_path / "sub", "import not_installed_pkg\n")
    history = tmp_path / "history.jsonl"
    result = invoke(submission, "--corpus", variant, "--history", history)
    assert result.exit_code == 1
    (entry,) = [json.loads(line) for line in history.read_text(encoding="utf-8").splitlines()]
    assert entry["fatal"].startswith("submission failed at import: ModuleNotFoundError")
    assert entry["statuses"]["not_run"] == 4


def test_nothing_is_recorded_without_history_or_when_the_options_are_wrong(
    tmp_path: Path, variant: Path
) -> None:
    submission = write_submission(tmp_path / "sub", MISBEHAVING)
    history = tmp_path / "history.jsonl"
    assert invoke(submission, "--corpus", variant).exit_code == 0
    bad = invoke(submission, "--corpus", variant, "--history", history, "--history-label", "X")
    assert bad.exit_code == 2
    assert bad.stderr.startswith("error: history label 'X' must be 1-32 characters")
    assert len(bad.stderr.strip().splitlines()) == 1
    missing = invoke(submission, "--corpus", tmp_path / "nowhere", "--history", history)
    assert missing.exit_code == 2
    assert not history.exists() and not (submission / "eval_history.jsonl").exists()


def test_a_history_that_cannot_be_written_is_a_warning_not_a_failure(
    tmp_path: Path, variant: Path
) -> None:
    submission = write_submission(tmp_path / "sub", MISBEHAVING)
    history = tmp_path / "a-folder"
    history.mkdir()  # appending to a directory fails
    out = tmp_path / "report.json"
    result = invoke(submission, "--corpus", variant, "--history", history, "--json", out)
    assert result.exit_code == 0
    assert f"warning: could not append this run to {history}" in result.stderr
    assert json.loads(out.read_text())["metrics"]["n"] == 4  # the outputs are still written


def test_the_history_records_the_sources_as_the_run_started(tmp_path: Path, variant: Path) -> None:
    # A save during the run must not be credited to it: this pipeline edits rag/ as it builds.
    editing = MISBEHAVING.replace(
        "    def build(self):\n",
        "    def build(self):\n"
        "        Path(__file__).with_name('extra.py').write_text('A = 2\\n')\n",
    )
    submission = write_submission(tmp_path / "sub", editing, {"rag/extra.py": "A = 1\n"})
    history = tmp_path / "history.jsonl"
    assert invoke(submission, "--corpus", variant, "--history", history).exit_code == 0
    assert (submission / "rag" / "extra.py").read_text() == "A = 2\n"  # it did edit
    (entry,) = [json.loads(line) for line in history.read_text(encoding="utf-8").splitlines()]
    assert entry["rag_files"]["rag/extra.py"] == hashlib.sha256(b"A = 1\n").hexdigest()
