"""`takehome autograder`: the zip's contents, its CLI, and run_autograder's own logic run here
(the whole thing in a Gradescope-shaped container is test_container.py)."""

from __future__ import annotations

import json
import shutil
import stat
import tempfile
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.answer_key import load_key
from grader.cli import app
from grader.grade.session import require_private_key
from grader.gradescope import run
from grader.gradescope.package import build_autograder, cpu_index_args, setup_script
from grader.reports.gradescope import validate_results
from grader.sandbox.interface import SandboxError
from tests.grader.grading import LEXICAL, bwrap_or_skip, submission_from


@pytest.fixture(scope="module")
def key(pair_bundle_out):
    return pair_bundle_out[0] / "key"


@pytest.fixture(scope="module")
def bundle(pair_bundle_out):
    return pair_bundle_out[0] / "bundle"


@pytest.fixture(scope="module")
def made(key, tmp_path_factory):
    out = tmp_path_factory.mktemp("ag") / "autograder.zip"
    counts = build_autograder(key, out, baseline=False, unseen=True)
    return out, counts


def test_the_zip_holds_the_scripts_the_key_and_the_harness(made, key):
    out, counts = made
    with zipfile.ZipFile(out) as archive:
        names = set(archive.namelist())
        modes = {i.filename: i.external_attr >> 16 for i in archive.infolist()}
        settings = json.loads(archive.read("settings.json"))
    for script in ("setup.sh", "run_autograder"):
        assert script in names and modes[script] & stat.S_IXUSR
    assert {"key/key.json", "key/questions/hidden.jsonl", "key/variant/manifest.json"} <= names
    assert {"harness/pyproject.toml", "harness/README.md"} <= names
    for package in ("exercise", "corpus", "grader", "candidate_template"):
        assert any(n.startswith(f"harness/{package}/") for n in names), package
    assert "harness/grader/gradescope/run.py" in names
    assert not [n for n in names if "__pycache__" in n or n.endswith(".pyc")]
    assert not [n for n in names if n.startswith("harness/corpus/default/")]  # another key
    assert not [n for n in names if n.startswith("wheels/")]
    assert settings["baseline"] is False and settings["unseen"] is True
    assert settings["variant_manifest_sha256"] == load_key(key).record.variant_manifest_sha256
    assert counts["key"] == sum(1 for p in key.rglob("*") if p.is_file())


def test_the_same_key_gives_the_same_zip(made, key, tmp_path):
    again = tmp_path / "again.zip"
    build_autograder(key, again, baseline=False, unseen=True)
    assert again.read_bytes() == made[0].read_bytes()


def test_setup_takes_torch_from_the_dockerfiles_cpu_index_unless_wheels_ship():
    index = cpu_index_args()
    assert index.startswith("--extra-index-url ") and "cpu" in index
    script = setup_script(index)
    assert f"pip_args=({index})" in script and "@INDEX_ARGS@" not in script
    assert 'pip_args=(--no-index --find-links "$SOURCE/wheels")' in script
    assert 'chmod 0700 "$SOURCE"' in script


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--key", "{tmp}/nokey", "--out", "{tmp}/a.zip"], "does not exist"),
        (["--key", "{key}", "--out", "{tmp}/a.tar"], "must end in .zip"),
        (["--key", "{key}", "--out", "{made}"], "--force"),
        (["--key", "{key}", "--out", "{tmp}/a.zip", "--wheels", "{tmp}"], "no .whl files"),
    ],
)
def test_cli_mistakes_are_one_line(args, message, key, made, tmp_path):
    values = {"tmp": tmp_path, "key": key, "made": made[0]}
    result = CliRunner().invoke(app, ["autograder", *(a.format(**values) for a in args)])
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def test_cli_writes_the_zip(key, tmp_path):
    out = tmp_path / "z" / "autograder.zip"
    result = CliRunner().invoke(app, ["autograder", "--key", str(key), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert zipfile.is_zipfile(out) and "upload it" in result.output


def _autograder_root(made, tmp_path, submission):
    root = tmp_path / "autograder"
    with zipfile.ZipFile(made[0]) as archive:
        archive.extractall(root / "source")
    submission.rename(root / "submission")
    (root / "results").mkdir()
    return root


def test_run_grades_the_submission_into_results_json(made, bundle, tmp_path):
    bwrap_or_skip()
    root = _autograder_root(made, tmp_path, submission_from(bundle, tmp_path / "s", LEXICAL))
    assert run.main(["--root", str(root), "--isolation", "bwrap"]) == 0
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert validate_results(results) == []
    assert results["output_format"] == "md" and "### On an unseen corpus" in results["output"]
    assert stat.S_IMODE((root / "source").stat().st_mode) == 0o700  # key and harness: root's
    report = json.loads((root / "work" / "grade" / "report.json").read_text(encoding="utf-8"))
    assert report["isolation"]["backend"] == "bwrap"
    assert report["unseen"]["seed"] is not None


def test_a_submission_that_is_no_submission_scores_0_saying_why(made, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.txt").write_text("I ran out of time\n")
    root = _autograder_root(made, tmp_path, empty)
    assert run.main(["--root", str(root), "--isolation", "bwrap"]) == 0
    results = json.loads((root / "results" / "results.json").read_text(encoding="utf-8"))
    assert results["score"] == 0 and results["tests"] == []
    assert results["output"].startswith("The submission could not be graded:")
    assert validate_results(results) == []


def test_a_broken_setup_is_the_autograders_failure_not_a_zero(made, bundle, tmp_path, capsys):
    root = _autograder_root(made, tmp_path, submission_from(bundle, tmp_path / "s", LEXICAL))
    (root / "source" / "key" / "key.json").unlink()
    assert run.main(["--root", str(root)]) == 1
    assert not (root / "results" / "results.json").exists()
    assert "autograder failure (not the submission's)" in capsys.readouterr().err


def test_an_archive_alone_in_the_submission_folder_is_graded(tmp_path):
    folder = tmp_path / "submission"
    folder.mkdir()
    (folder / "submission.tar.gz").write_bytes(b"")
    assert run.submitted(folder) == folder / "submission.tar.gz"
    (folder / "NOTES.md").write_text("x")
    assert run.submitted(folder) == folder  # more than the archive: the folder, as given
    nested = tmp_path / "zipped"
    (nested / "repo" / "rag").mkdir(parents=True)
    assert run.submitted(nested) == nested / "repo"


def test_the_uid_sandbox_refuses_a_key_other_users_can_read(key):
    # under /tmp (every user passes through), not under pytest's own 0700 folder
    folder = Path(tempfile.mkdtemp(prefix="takehome-key-test-", dir="/tmp"))
    try:
        folder.chmod(0o755)
        copy = folder / "key"
        shutil.copytree(key, copy)
        for path in (copy, copy / "questions"):
            path.chmod(0o755)
        (copy / "questions" / "hidden.jsonl").chmod(0o644)
        with pytest.raises(SandboxError, match="chmod -R go-rwx"):
            require_private_key(load_key(copy))
        copy.chmod(0o700)
        require_private_key(load_key(copy))  # private now: nothing raised
    finally:
        shutil.rmtree(folder)


def test_the_uid_sandbox_names_a_folder_its_runs_cannot_pass(tmp_path):
    from grader.sandbox.uid import _passable

    closed = tmp_path / "closed"
    (closed / "grade").mkdir(parents=True)
    closed.chmod(0o700)
    with pytest.raises(SandboxError, match=f"{closed} cannot be passed through by other users"):
        _passable(closed / "grade")
    assert stat.S_IMODE((closed / "grade").stat().st_mode) & 0o001  # its own folder: opened
