"""Checks on the grader's own inputs, made after the submission is taken in and before any run.

`grader.grade.session.grade` calls `check_inputs`. A submission whose corpus/manifest.json is
another variant's than the key's is refused (`VariantMismatchError`): most often the interviewer
passed another candidate's `--key`, and grading would accuse this candidate of editing the corpus
under the wrong name. `allow_variant_mismatch` grades anyway; the integrity check
(`grader.grade.integrity.check_variant`) then puts the alert in the report. A git repository
with changes that are not committed is graded at HEAD (or, asked to, as its working tree): either
way `git_findings` names the files a reviewer should know about.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path

from exercise.errors import ExerciseError
from grader.answer_key import AnswerKey, sha256_file
from grader.grade.intake import Intake
from grader.grade.integrity import Finding

MANIFEST = Path("corpus") / "manifest.json"
SHA_SHOWN = 12  # hex digits of a manifest's sha256 a message shows
NAMED = 5  # files named in a finding's title; its evidence lists up to EVIDENCE
EVIDENCE = 20


class VariantMismatchError(ExerciseError):
    """The submission was built for another corpus variant than the key grades."""


def check_inputs(
    intake: Intake,
    key: AnswerKey,
    *,
    allow_variant_mismatch: bool = False,
    say: Callable[[str], None] | None = None,
) -> None:
    """Raise `VariantMismatchError` for a submission of another variant (unless allowed); say the
    git warnings up front, so an interviewer can stop and re-run before the long part starts."""
    if not allow_variant_mismatch:
        problem = variant_mismatch(intake, key)
        if problem:
            raise VariantMismatchError(problem)
    if say is not None:
        for finding in git_findings(intake):
            say(f"{finding.severity}: {finding.title}")


def variant_mismatch(intake: Intake, key: AnswerKey) -> str | None:
    """A one-line message naming both variants, or None when they match (or the submission
    carries no manifest, which the integrity checks report)."""
    manifest = intake.root / MANIFEST
    if not manifest.is_file():
        return None
    actual, record = sha256_file(manifest), key.record
    if actual == record.variant_manifest_sha256:
        return None
    theirs = _describe(actual, _profile(manifest))
    ours = _describe(record.variant_manifest_sha256, record.profile.name, record.candidate)
    return (
        f"submission {intake.source} was built for corpus variant {theirs} (its "
        f"{MANIFEST.as_posix()}), but key {key.root} grades variant {ours}: pass the key "
        "of the bundle this candidate was sent, or --allow-variant-mismatch to grade anyway "
        "(the report then carries an alert)"
    )


def corpus_files(intake: Intake, key: AnswerKey) -> dict[str, str] | None:
    """path → sha256 of the corpus the candidate was sent, to tell their edits of it: the key's
    variant, or for a submission of another variant (graded with --allow-variant-mismatch) the
    files its own manifest lists (None when that cannot be read: no edit can then be told)."""
    manifest = intake.root / MANIFEST
    if variant_mismatch(intake, key) is None:
        return _files_of(key.corpus.manifest)
    try:
        return _files_of(json.loads(manifest.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None


def _files_of(manifest: object) -> dict[str, str] | None:
    files = manifest.get("files") if isinstance(manifest, Mapping) else None
    if not isinstance(files, Mapping):
        return None
    return {str(path): str(sha) for path, sha in files.items()}


def git_findings(intake: Intake) -> list[Finding]:
    """What a git submission's working tree holds that its commit does not (or, graded as the
    working tree, that it was)."""
    if intake.kind != "git":
        return []
    if intake.worktree:
        changed = (*intake.uncommitted, *intake.untracked)
        return [
            Finding(
                "uncommitted",
                "warning",
                f"graded the working tree, not the commit {_short(intake.git_commit)}"
                + (f": {_files(changed)} not committed" if changed else ""),
                "--worktree was given: the grade includes changes the candidate never committed "
                "(and untracked files git does not ignore). Ask which state they meant to submit.",
                _evidence(intake),
            )
        ]
    if not (intake.uncommitted or intake.untracked):
        return []
    parts = []
    if intake.uncommitted:
        parts.append(f"{len(intake.uncommitted)} changed but not committed")
    if intake.untracked:
        parts.append(f"{len(intake.untracked)} untracked")
    return [
        Finding(
            "uncommitted",
            "warning",
            f"not graded: {' and '.join(parts)} file(s) "
            f"({_files((*intake.uncommitted, *intake.untracked))})",
            f"A git repository is graded at its committed HEAD ({_short(intake.git_commit)}); "
            "these files of the working tree are not in it. If the candidate meant to submit "
            "them, grade again with --worktree.",
            _evidence(intake),
        )
    ]


def _evidence(intake: Intake) -> tuple[str, ...]:
    lines = [f"changed {p}" for p in intake.uncommitted] + [
        f"untracked {p}" for p in intake.untracked
    ]
    if len(lines) > EVIDENCE:
        lines = [*lines[:EVIDENCE], f"… and {len(lines) - EVIDENCE} more"]
    return tuple(lines)


def _files(paths: tuple[str, ...]) -> str:
    shown = ", ".join(paths[:NAMED])
    return shown + (f" and {len(paths) - NAMED} more" if len(paths) > NAMED else "")


def _short(commit: str | None) -> str:
    return (commit or "unknown")[:SHA_SHOWN]


def _describe(sha: str, profile: str | None, candidate: str | None = None) -> str:
    about = [f"profile {profile}"] if profile else []
    if candidate:
        about.append(f"candidate {candidate!r}")
    return f"{sha[:SHA_SHOWN]}…" + (f" ({', '.join(about)})" if about else "")


def _profile(manifest: Path) -> str | None:
    """The profile a manifest names, when it is readable JSON that names one."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError):
        return None
    profile = data.get("profile") if isinstance(data, dict) else None
    return profile if isinstance(profile, str) else None
