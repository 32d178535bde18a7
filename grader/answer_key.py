"""Reading one candidate's answer key: `key.json`, the hidden questions and the pristine variant.

A key folder is what `takehome bundle` writes as OUT/key (or `takehome corpus generate` as
OUT/key): the grader judges against `variant/` inside it, never against the corpus a submission
carries. Loading checks that the pieces belong together (the variant's manifest hash and the
hidden file's hash as key.json records them), so a key mixed from two bundles is refused before
anything runs. Only `grader.grade.session` and its helpers read keys.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from corpus.failure_modes import SLICES
from corpus.key_file import HIDDEN_QUESTIONS, KEY_FILE, KeyFile, KeyFileError
from exercise.errors import ExerciseError
from exercise.loading import Corpus, Question, load_corpus, load_questions

VARIANT = "variant"


class AnswerKeyError(ExerciseError):
    """The key folder is missing, incomplete or inconsistent; the message says what to do."""


@dataclass(frozen=True)
class AnswerKey:
    """Everything the grader needs about one variant, loaded and cross-checked."""

    root: Path
    record: KeyFile  # key.json, typed (`corpus.key_file`)
    corpus: Corpus  # the pristine variant
    hidden: tuple[Question, ...]  # with their `slice` labels
    public: tuple[Question, ...]  # the variant's public questions, `slice` label added from the key

    @property
    def components(self) -> dict[str, str] | None:
        """component → shipped implementation (bundles record it; a bare variant key does not)."""
        return None if self.record.components is None else dict(self.record.components)

    @property
    def bundle_files(self) -> dict[str, str]:
        """path → sha256 of every file shipped outside corpus/ (empty for a bare variant key)."""
        bundle = self.record.bundle
        return {} if bundle is None else dict(bundle.files)


def load_key(root: Path) -> AnswerKey:
    """Read and cross-check the key folder `root`; raises `AnswerKeyError` naming the problem."""
    root = Path(root)
    if not root.is_dir():
        raise AnswerKeyError(
            f"key folder {root} does not exist: pass the key/ folder `takehome bundle` wrote"
        )
    key_path = root / KEY_FILE
    if not key_path.is_file():
        hint = (
            " (that looks like a bundle: pass its sibling key/ folder)"
            if (root / "rag").is_dir()
            else ""
        )
        raise AnswerKeyError(f"{root} has no {KEY_FILE}: it is not an answer key folder{hint}")
    try:
        record = KeyFile.from_file(key_path)
    except KeyFileError as exc:
        raise AnswerKeyError(str(exc)) from exc
    variant = root / VARIANT
    manifest = variant / "manifest.json"
    if not manifest.is_file():
        raise AnswerKeyError(
            f"{root} has no {VARIANT}/manifest.json: the key's pristine corpus is missing"
        )
    _check_hash(manifest, record.variant_manifest_sha256, "variant_manifest_sha256")
    hidden_path = root / HIDDEN_QUESTIONS
    if not hidden_path.is_file():
        raise AnswerKeyError(f"{root} has no {HIDDEN_QUESTIONS}: the hidden questions are missing")
    _check_hash(hidden_path, record.hidden_sha256, f"files[{HIDDEN_QUESTIONS!r}]")
    corpus = load_corpus(variant)
    # a key records each question's item (what it asks, the same in every variant); keys written
    # before items were recorded have none, and `cohort` then compares their reports per
    # question only (one variant at a time)
    hidden = _with_item(load_questions(hidden_path, corpus), record.items)
    for question in hidden:
        if question.labels.get("slice") not in SLICES:
            raise AnswerKeyError(
                f"{hidden_path}: question {question.id} has no known slice "
                f"(got {question.labels.get('slice')!r}; slices: {', '.join(SLICES)})"
            )
    public = _with_item(
        load_questions(variant / "questions" / "public.jsonl", corpus),
        record.items,
        record.public_slices,
    )
    return AnswerKey(root=root, record=record, corpus=corpus, hidden=hidden, public=public)


def sha256_file(path: Path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _check_hash(path: Path, recorded: str, field: str) -> None:
    actual = sha256_file(path)
    if actual != recorded:
        raise AnswerKeyError(
            f"{path} does not match key.json's {field} ({actual[:12]}… vs {recorded[:12]}…): "
            "the key folder mixes files from different variants; rebuild it with `takehome bundle`"
        )


def _with_item(
    questions: tuple[Question, ...],
    items: Mapping[str, Any],
    slices: Mapping[str, Any] | None = None,
) -> tuple[Question, ...]:
    """`questions` with the key's item added to their labels (those the key names), and with
    `slices` given (public lines carry none) the key's slice of each."""
    labelled = []
    for q in questions:
        extra = {"item": str(items[q.id])} if q.id in items else {}
        if slices is not None:
            extra["slice"] = slices.get(q.id)
        labelled.append(
            dataclasses.replace(q, labels=MappingProxyType({**q.labels, **extra})) if extra else q
        )
    return tuple(labelled)
