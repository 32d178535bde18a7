"""Helpers for the bundle tests: what a built bundle holds, and words that must not be in it.

Tests import it as `tests.grader.bundle.helpers`; no test module imports another.
"""

from __future__ import annotations

import re
from pathlib import Path

TELLTALE = re.compile(r"\b(weakness(es)?|bugs?|slices?|golden)\b", re.IGNORECASE)
# Words that only the harness's side uses; the corpus's own prose may use "reference" and
# "catalogue" ("the API reference", "the service catalogue"), so they are checked outside it.
HARNESS_WORDS = re.compile(
    r"\b(catalogue|planted|archetypes?|reference (solution|implementation)|hidden\.jsonl|"
    r"key\.json)\b",
    re.IGNORECASE,
)


def read_files(root: Path) -> dict[str, bytes]:
    """Every file under `root`: relative POSIX path -> bytes."""
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


def read_texts(root: Path, *, skip: tuple[str, ...] = ()) -> dict[str, str]:
    """Every file under `root` as UTF-8 text, but those whose path starts with one of `skip`."""
    return {
        rel: data.decode("utf-8")
        for rel, data in read_files(root).items()
        if not rel.startswith(skip)
    }
