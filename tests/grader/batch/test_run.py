"""`grade-many`: several submissions, one failing, a leaderboard; manifests; CLI errors."""

from __future__ import annotations

import csv
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.batch import run
from grader.batch.leaderboard import write_leaderboard
from grader.batch.run import (
    BatchError,
    available_memory_mb,
    default_workers,
    grade_many,
    jobs_from_manifest,
    jobs_from_paths,
    per_grade_budget,
)
from grader.cli import app
from grader.grade.session import GradeOptions
from tests.grader.grading import EMPTY, LEXICAL, submission_from

NONE = GradeOptions(unseen=False, isolation="none", baseline=False)


@pytest.fixture(scope="module")
def batch(bundle_out, tmp_path_factory):
    out, _ = bundle_out
    tmp = tmp_path_factory.mktemp("batch")
    good = submission_from(out / "bundle", tmp / "good", LEXICAL)
    empty = submission_from(
        out / "bundle", tmp / "empty", EMPTY.replace("return []", "return []  # <b>")
    )
    missing = tmp / "never-sent.tar.gz"
    jobs = jobs_from_paths([empty, missing, good], out / "key")
    outcomes = grade_many(jobs, tmp / "grades", NONE, workers=2)
    csv_path, html_path = write_leaderboard(outcomes, tmp / "grades")
    return outcomes, csv_path, html_path


def test_one_failing_submission_never_stops_the_batch(batch):
    outcomes, _, _ = batch
    assert [o.job.name for o in outcomes] == ["empty", "never-sent", "good"]
    assert outcomes[1].report is None and "does not exist" in outcomes[1].error
    assert all(o.report_path and o.report_path.is_file() for o in (outcomes[0], outcomes[2]))


def test_the_leaderboard_ranks_by_quality_and_lists_errors_last(batch):
    _, csv_path, html_path = batch
    with csv_path.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert [r["name"] for r in table] == ["good", "empty", "never-sent"]
    assert [r["rank"] for r in table] == ["1", "2", ""]
    assert float(table[0]["recall@5"]) > float(table[1]["recall@5"]) == 0.0
    assert table[2]["status"] == "error" and "does not exist" in table[2]["error"]
    page = html_path.read_text(encoding="utf-8")
    assert "<table>" in page and "never-sent" in page and "good" in page


def test_an_interrupted_batch_resumes_without_regrading_what_still_stands(
    batch, tmp_path, monkeypatch
):
    outcomes, csv_path, _ = batch
    jobs = [o.job for o in outcomes]
    grades = tmp_path / "grades"
    shutil.copytree(csv_path.parent, grades)
    (grades / "good" / "report.json").unlink()  # interrupted before good's report was written
    graded: list[str] = []
    real_grade = run.grade

    def counting(submission, key, out, options):
        graded.append(Path(out).name)
        return real_grade(submission, key, out, options)

    monkeypatch.setattr("grader.batch.run.grade", counting)
    again = grade_many(jobs, grades, NONE, workers=1, resume=True)
    assert sorted(graded) == ["good", "never-sent"]  # empty's report still stands
    assert [o.reused for o in again] == [True, False, False]
    assert again[0].report == outcomes[0].report and again[2].report_path.is_file()
    assert again[1].report is None and "does not exist" in again[1].error

    # a changed submission is graded again, its earlier outputs removed first
    (jobs[0].submission / "NOTES.md").write_text("changed\n", encoding="utf-8")
    graded.clear()
    third = grade_many(jobs, grades, NONE, workers=1, resume=True)
    assert sorted(graded) == ["empty", "never-sent"] and [o.reused for o in third][::2] == [
        False,
        True,
    ]


def test_parallel_grades_are_bounded_by_cores_and_by_memory(monkeypatch):
    monkeypatch.setattr("os.cpu_count", lambda: 8)
    assert default_workers(2.0, 6144, available_mb=64_000) == 4  # cores decide
    assert default_workers(2.0, 6144, available_mb=13_000) == 2  # memory decides
    assert default_workers(2.0, 6144, available_mb=1_000) == 1  # never fewer than one
    assert available_memory_mb() is None or available_memory_mb() > 0


def test_a_grade_budgets_both_runs_of_the_largest_key(batch):
    outcomes, _, _ = batch
    assert per_grade_budget([o.job for o in outcomes]) == (2.0, 2 * 3072)


def test_names_are_made_unique(tmp_path):
    jobs = jobs_from_paths([tmp_path / "a" / "x.zip", tmp_path / "b" / "x.zip"], tmp_path)
    assert [j.name for j in jobs] == ["x", "x-2"]


def test_a_manifest_gives_one_key_per_candidate(tmp_path):
    manifest = tmp_path / "round.csv"
    manifest.write_text("submission,key,name\nada.zip,keys/ada,Ada L\nbob,/keys/bob,\n")
    jobs = jobs_from_manifest(manifest)
    assert [(j.name, j.submission, j.key) for j in jobs] == [
        ("Ada-L", tmp_path / "ada.zip", tmp_path / "keys/ada"),
        ("bob", tmp_path / "bob", Path("/keys/bob")),
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "no rows"),
        ("submission,name\na,b\n", "lacks column(s) key"),
        ("submission,key\na,\n", "must both be given"),
        ("submission,key,name\na,k,same\nb,k,same\n", "names must be unique"),
    ],
)
def test_bad_manifests_are_named(tmp_path, text, message):
    manifest = tmp_path / "m.csv"
    manifest.write_text(text)
    with pytest.raises(BatchError, match=re.escape(message)):
        jobs_from_manifest(manifest)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ([], "give SUBMISSIONS and --key"),
        (["sub", "--manifest", "m.csv", "--key", "k"], "not both"),
        (["sub", "--key", "k", "--workers", "0"], "at least 1"),
        (["sub", "--key", "k", "--resume", "--force"], "--resume"),
    ],
)
def test_cli_input_mistakes(args, message):
    result = CliRunner().invoke(app, ["grade-many", *args])
    assert result.exit_code == 2
    assert message in result.output and "Traceback" not in result.output
