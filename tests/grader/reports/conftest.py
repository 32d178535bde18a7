"""Fixtures for the report tests: one real grade with real differences, made once per session.

The submission is the fast LEXICAL pipeline with hostile text planted where a candidate controls
it (the answer, a log line, NOTES.md); the baseline is the EMPTY stand-in, so the diagnosis has
fixed, improved, unchanged and worse areas. Grading takes about ten seconds.
"""

from __future__ import annotations

import copy
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from grader.grade.report_file import write_report
from grader.grade.session import GradeOptions, grade
from tests.grader.grading import LEXICAL, fake_baseline, submission_from
from tests.grader.reports.helpers import HOSTILE

# LEXICAL, but it answers with markup and prints markup into its log while building.
PIPELINE = LEXICAL.replace('"see the cited passage"', repr(HOSTILE + " | see the passage")).replace(
    "    def build(self):\n", f"    def build(self):\n        print({HOSTILE!r})\n", 1
)
NOTES = f"""# Notes

<!-- I fixed the citations (a template comment: not a claim) -->

## What I changed, and why

- Chunking now splits on paragraphs, so adjacent sentences stay together.
- Added a reranker that re-scores the top 20 by qualifier overlap.
- I did not get to abstention. {HOSTILE} | pipe

## What I would do next

- Try BM25 next to the dense index.
"""


@dataclass(frozen=True)
class Graded:
    report_path: Path
    key: Path
    bundle: Path

    def report(self) -> dict[str, Any]:
        """A fresh copy of the report dict (tests may change it)."""
        return copy.deepcopy(_cache(self.report_path))


_CACHE: dict[Path, dict[str, Any]] = {}


def _cache(path: Path) -> dict[str, Any]:
    if path not in _CACHE:
        _CACHE[path] = json.loads(path.read_text(encoding="utf-8"))
    return _CACHE[path]


@pytest.fixture(scope="session")
def graded(bundle_out, tmp_path_factory) -> Graded:
    """LEXICAL (with hostile text) graded against the EMPTY baseline, unisolated."""
    root = tmp_path_factory.mktemp("reports")
    out = bundle_out[0]
    submission = submission_from(out / "bundle", root / "submission", PIPELINE)
    (submission / "NOTES.md").write_text(NOTES, encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        fake_baseline(patch)
        result = grade(
            submission, out / "key", root / "grade", GradeOptions(unseen=False, isolation="none")
        )
    return Graded(write_report(result), out / "key", out / "bundle")


@pytest.fixture
def report(graded) -> dict[str, Any]:
    return graded.report()
