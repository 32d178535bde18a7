"""`takehome grade`'s input checks, made before any run: a key of another variant, an --out
holding an earlier grade, an unreadable archive, a git repository with uncommitted work; and
paths with brackets kept in what it prints."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from corpus.profile import load_profile
from grader.bundle.build import build_bundle
from grader.cli import app
from grader.grade.report_file import REPORT_NAME
from tests.grader.grading import EMPTY, LEXICAL, submission_from

FAST = ["--isolation", "none", "--no-baseline", "--no-unseen"]


@pytest.fixture(scope="module")
def other_key(tmp_path_factory) -> Path:
    """The key of another candidate's bundle (another variant of the same profile)."""
    out = tmp_path_factory.mktemp("other") / "b"
    return build_bundle(load_profile("medium"), 8, "Bea Other", out).out / "key"


def grade(*args: object):
    return CliRunner().invoke(app, ["grade", *map(str, args)])


def errors(result) -> list[str]:
    assert "Traceback" not in result.output, result.output
    return [line for line in result.stderr.splitlines() if line.startswith("error:")]


def test_the_key_of_another_variant_is_refused_before_any_run(bundle, key, other_key, tmp_path):
    submission = submission_from(bundle, tmp_path / "ada")
    out = tmp_path / "out"
    result = grade(submission, "--key", other_key, "--out", out, *FAST)
    assert result.exit_code == 2, result.output
    [line] = errors(result)
    theirs = json.loads((key / "key.json").read_text(encoding="utf-8"))
    ours = json.loads((other_key / "key.json").read_text(encoding="utf-8"))
    # both variants named, the key's with its candidate; what to do next
    assert theirs["variant_manifest_sha256"][:12] in line
    assert ours["variant_manifest_sha256"][:12] in line and "'Bea Other'" in line
    assert str(submission) in line and str(other_key) in line
    assert "--allow-variant-mismatch" in line
    assert not (out / REPORT_NAME).exists() and not (out / "logs").exists()


def test_allowed_the_other_variant_is_graded_with_the_alert(bundle, other_key, tmp_path):
    submission = submission_from(bundle, tmp_path / "ada")
    args = ["--key", other_key, "--out", tmp_path / "out", *FAST, "--allow-variant-mismatch"]
    result = grade(submission, *args)
    assert result.exit_code == 0, result.output
    assert "alert: the submission was built for another corpus variant" in result.stdout


def test_an_out_holding_an_earlier_grade_is_refused_and_force_replaces_it(bundle, key, tmp_path):
    submission = submission_from(bundle, tmp_path / "s")
    out = tmp_path / "grades [v2]"  # brackets: Rich markup would eat them
    out.mkdir()
    earlier = {
        REPORT_NAME: '{"old": true}',
        "results.json": '{"score": 99}',  # the upload-ready score of the earlier grade
        "report.csv": "old\n",
        "report.html": "old",
        "logs/submission.log": "old",
    }
    for name, text in earlier.items():
        (out / name).parent.mkdir(parents=True, exist_ok=True)
        (out / name).write_text(text, encoding="utf-8")
    (out / "interviewer-notes.txt").write_text("mine", encoding="utf-8")

    refused = grade(submission, "--key", key, "--out", out, *FAST)
    assert refused.exit_code == 2, refused.output
    [line] = errors(refused)
    assert line.startswith(f"error: {out} already holds a grade (logs, report.csv, report.html,")
    assert "--force" in line
    assert all((out / name).read_text(encoding="utf-8") == t for name, t in earlier.items())

    forced = grade(submission, "--key", key, "--out", out, *FAST, "--force")
    assert forced.exit_code == 0, forced.output
    assert not (out / "results.json").exists() and not (out / "report.csv").exists()
    assert json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))["kind"] == "grade"
    assert (out / "report.html").read_text(encoding="utf-8") != "old"
    assert (out / "interviewer-notes.txt").is_file()  # not an output: left alone
    assert f"--force: removed 5 earlier output(s) from {out}" in forced.stderr
    assert f"report: {out / REPORT_NAME}" in forced.stderr


def test_random_bytes_named_tar_gz_are_one_line_naming_the_file(key, tmp_path):
    junk = tmp_path / "sent [final].tar.gz"
    junk.write_bytes(bytes(range(256)) * 8)
    result = grade(junk, "--key", key, "--out", tmp_path / "out", *FAST)
    assert result.exit_code == 2
    [line] = errors(result)
    assert line.startswith(f"error: archive {junk} cannot be read: it is not a tar archive")
    assert [x for x in result.stderr.splitlines() if x.strip() and x not in errors(result)] == [
        f"taking in {junk}"
    ]


def git_repository(bundle: Path, dest: Path) -> Path:
    """The EMPTY pipeline committed; LEXICAL in the working tree only, with an untracked file."""
    submission = submission_from(bundle, dest, EMPTY)
    git = ["git", "-C", str(submission), "-c", "user.name=c", "-c", "user.email=c@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "starter"], check=True)
    (submission / "rag" / "pipeline.py").write_text(LEXICAL, encoding="utf-8")
    (submission / "rag" / "words.py").write_text("STOP = ()\n", encoding="utf-8")
    return submission


def test_a_git_head_is_graded_with_a_warning_naming_the_work_left_out(bundle, key, tmp_path):
    submission = git_repository(bundle, tmp_path / "repo")
    out = tmp_path / "head"
    result = grade(submission, "--key", key, "--out", out, *FAST)
    assert result.exit_code == 0, result.output
    title = (
        "not graded: 1 changed but not committed and 1 untracked file(s) "
        "(rag/pipeline.py, rag/words.py)"
    )
    assert f"warning: {title}" in result.stderr  # said before the runs
    assert f"warning: {title}" in result.stdout  # and in the summary's integrity list
    report = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
    assert report["overall"]["metrics"]["recall@5"] == 0.0  # the committed EMPTY pipeline


def test_worktree_grades_the_working_tree(bundle, key, tmp_path):
    submission = git_repository(bundle, tmp_path / "repo")
    out = tmp_path / "tree"
    result = grade(submission, "--key", key, "--out", out, *FAST, "--worktree")
    assert result.exit_code == 0, result.output
    report = json.loads((out / REPORT_NAME).read_text(encoding="utf-8"))
    # LEXICAL, never committed (the committed EMPTY returns no passages: recall 0)
    assert report["overall"]["metrics"]["recall@5"] > 0.1
    finding = next(f for f in report["integrity"] if f["check"] == "uncommitted")
    assert finding["severity"] == "warning"
    assert finding["title"].startswith("graded the working tree, not the commit ")
    assert finding["evidence"] == ["changed rag/pipeline.py", "untracked rag/words.py"]


def test_worktree_on_a_folder_is_a_one_line_mistake(bundle, key, tmp_path):
    submission = submission_from(bundle, tmp_path / "s")
    result = grade(submission, "--key", key, "--out", tmp_path / "out", *FAST, "--worktree")
    assert result.exit_code == 2
    [line] = errors(result)
    assert f"{submission} is not a git repository" in line
