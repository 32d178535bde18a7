"""Checks before any run: a submission of another corpus variant than the key's is refused with
one line naming both, unless allowed; a git submission's uncommitted and untracked files are named
in a warning (or, graded as the working tree, in a warning saying so)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from grader.answer_key import load_key, sha256_file
from grader.grade.intake import Intake
from grader.grade.preflight import (
    VariantMismatchError,
    check_inputs,
    git_findings,
    variant_mismatch,
)
from tests.grader.grading import CANDIDATE


@pytest.fixture(scope="module")
def key(bundle_out):
    return load_key(bundle_out[0] / "key")


def intake(root: Path, **fields) -> Intake:
    return Intake(
        root=root, source=root, kind=fields.pop("kind", "directory"), sha256="0", **fields
    )


def other_variant(bundle: Path, dest: Path) -> Path:
    """A submission whose corpus/manifest.json is another variant's (its seed changed)."""
    (dest / "corpus").mkdir(parents=True)
    data = json.loads((bundle / "corpus" / "manifest.json").read_text(encoding="utf-8"))
    data["seed"] = 12345
    (dest / "corpus" / "manifest.json").write_text(json.dumps(data), encoding="utf-8")
    return dest


def test_the_key_own_variant_passes(bundle_out, key):
    assert variant_mismatch(intake(bundle_out[0] / "bundle"), key) is None


def test_no_manifest_is_left_to_the_integrity_checks(tmp_path, key):
    assert variant_mismatch(intake(tmp_path), key) is None


def test_another_variant_is_one_line_naming_both(bundle_out, key, tmp_path):
    submission = other_variant(bundle_out[0] / "bundle", tmp_path / "sub [2]")
    theirs = sha256_file(submission / "corpus" / "manifest.json")[:12]
    with pytest.raises(VariantMismatchError) as error:
        check_inputs(intake(submission), key)
    message = str(error.value)
    assert "\n" not in message
    assert f"submission {submission} was built for corpus variant {theirs}… (profile medium)" in (
        message
    )
    ours = key.record.variant_manifest_sha256[:12]
    assert f"key {key.root} grades variant {ours}… (profile medium, " in message
    assert f"candidate {CANDIDATE!r}" in message and "--allow-variant-mismatch" in message


def test_allowed_it_passes(bundle_out, key, tmp_path):
    submission = other_variant(bundle_out[0] / "bundle", tmp_path / "sub")
    check_inputs(intake(submission), key, allow_variant_mismatch=True)


def test_a_git_head_with_changes_is_a_warning_naming_them(tmp_path, key):
    said = []
    taken = intake(
        tmp_path,
        kind="git",
        git_commit="a" * 40,
        uncommitted=("rag/pipeline.py",),
        untracked=("rag/rerank.py", "NOTES.md"),
    )
    check_inputs(taken, key, say=said.append)
    [finding] = git_findings(taken)
    assert finding.check == "uncommitted" and finding.severity == "warning"
    assert finding.title == (
        "not graded: 1 changed but not committed and 2 untracked file(s) "
        "(rag/pipeline.py, rag/rerank.py, NOTES.md)"
    )
    assert "--worktree" in finding.detail and "aaaaaaaaaaaa" in finding.detail
    assert finding.evidence == (
        "changed rag/pipeline.py",
        "untracked rag/rerank.py",
        "untracked NOTES.md",
    )
    assert said == [f"warning: {finding.title}"]  # said before any run


def test_a_graded_working_tree_is_a_warning_too(tmp_path):
    taken = intake(
        tmp_path, kind="git", git_commit="b" * 40, untracked=("rag/rerank.py",), worktree=True
    )
    [finding] = git_findings(taken)
    assert finding.severity == "warning"
    assert finding.title == (
        "graded the working tree, not the commit bbbbbbbbbbbb: rag/rerank.py not committed"
    )


def test_a_clean_repository_or_a_folder_has_no_finding(tmp_path):
    assert git_findings(intake(tmp_path, kind="git", git_commit="c" * 40)) == []
    assert git_findings(intake(tmp_path, uncommitted=("x",))) == []


def test_many_files_are_cut_in_the_title_and_the_evidence(tmp_path):
    names = tuple(f"f{i:02}.py" for i in range(30))
    [finding] = git_findings(intake(tmp_path, kind="git", git_commit="d" * 40, untracked=names))
    assert finding.title.endswith("(f00.py, f01.py, f02.py, f03.py, f04.py and 25 more)")
    assert len(finding.evidence) == 21 and finding.evidence[-1] == "… and 10 more"
