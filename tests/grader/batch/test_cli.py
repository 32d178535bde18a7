"""`takehome grade-many` on the command line: it exits 1 naming every submission it could not
grade (the others are graded), and an --out holding earlier grades is refused unless --force."""

from __future__ import annotations

import csv

from typer.testing import CliRunner

from grader.cli import app
from tests.grader.grading import LEXICAL, submission_from

FAST = ["--isolation", "none", "--no-baseline", "--no-unseen", "--workers", "1"]


def grade_many(*args: object):
    return CliRunner().invoke(app, ["grade-many", *map(str, args)])


def test_submissions_that_cannot_be_graded_are_named_and_exit_1(bundle_out, tmp_path):
    out, _ = bundle_out
    good = submission_from(out / "bundle", tmp_path / "good", LEXICAL)
    junk = tmp_path / "junk.tar.gz"
    junk.write_bytes(bytes(range(256)) * 4)
    never = tmp_path / "never [sent].zip"
    grades = tmp_path / "grades"
    result = grade_many(good, junk, never, "--key", out / "key", "--out", grades, *FAST)
    assert result.exit_code == 1, result.output
    assert "Traceback" not in result.output
    last = result.stderr.strip().splitlines()[-1]
    assert last == (
        "error: 2 of 3 submission(s) could not be graded: junk, never-sent (the leaderboard and "
        "the lines above say why)"
    )
    assert (grades / "good" / "report.json").is_file()
    with (grades / "leaderboard.csv").open(encoding="utf-8", newline="") as handle:
        rows = {r["name"]: r for r in csv.DictReader(handle)}
    assert rows["good"]["status"] != "error"
    assert "not a tar archive" in rows["junk"]["error"]
    # the bracketed name is kept in the per-submission line
    assert f"{never} does not exist" in result.stderr
    # each line says how far the batch is; after a graded one, about how long is left
    steps = [
        line.split("]")[0] for line in result.stderr.splitlines() if "✓" in line or "✗" in line
    ]
    assert sorted(step.split(",")[0] for step in steps) == ["  [1/3", "  [2/3", "  [3/3"]
    assert any("left" in step for step in steps) or steps[-1].endswith("[3/3")

    # resumed: the graded one is kept, the others are tried again
    again = grade_many(good, junk, never, "--key", out / "key", "--out", grades, "--resume", *FAST)
    assert again.exit_code == 1 and "good: recall@5" in again.stderr
    assert "(kept from the earlier batch)" in again.stderr


def test_an_out_holding_earlier_grades_is_refused_and_force_clears_them(bundle_out, tmp_path):
    out, _ = bundle_out
    good = submission_from(out / "bundle", tmp_path / "good", LEXICAL)
    grades = tmp_path / "round [1]"
    (grades / "dropped").mkdir(parents=True)  # graded last time, not in this round
    (grades / "dropped" / "report.json").write_text("{}", encoding="utf-8")
    (grades / "leaderboard.csv").write_text("old\n", encoding="utf-8")
    args = [good, "--key", out / "key", "--out", grades, *FAST]

    refused = grade_many(*args)
    assert refused.exit_code == 2, refused.output
    lines = [line for line in refused.stderr.splitlines() if line.strip()]
    assert lines == [
        f"error: {grades} already holds earlier grades (dropped/report.json, leaderboard.csv); "
        "pass --force to replace it, or choose another --out"
    ]
    assert not (grades / "good").exists()  # refused before any grade

    forced = grade_many(*args, "--force")
    assert forced.exit_code == 0, forced.output
    assert not (grades / "dropped").exists()
    assert (grades / "good" / "report.json").is_file()
    assert (grades / "leaderboard.csv").read_text(encoding="utf-8").startswith("rank,name,")
