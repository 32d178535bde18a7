"""Helpers for the cohort tests: minimal grade-report dicts with only the fields cohort reads.

`synthetic_passes` is a cohort with known answers: eight submissions s1 (strongest) … s8
(weakest) and questions

- g1…g7 (identifier): a strength ladder, s_i passes g_j iff j <= 8 − i (s1 passes all 7, s8 none);
- q1 (boundary): passed by exactly the top half, s1…s4 → difficulty 0.5, high discrimination;
- q2 (table): passed by everyone → difficulty 1, discrimination None;
- q3 (heading): passed by nobody → difficulty 0, discrimination None;
- q4 (paraphrase): passed only by the weakest, s8 → difficulty 1/8, negative discrimination;
- u1…u3 (unanswerable): abstentions drawn from a seeded generator;
- r1…r4 (distractor): passes drawn from the same generator.
"""

from __future__ import annotations

import json
import random
from collections.abc import Mapping
from pathlib import Path
from typing import Any

VARIANT = "a" * 64
OTHER_VARIANT = "b" * 64
SUBMISSIONS = tuple(f"s{i}" for i in range(1, 9))
SEED = 7


def row(
    qid: str, slice_: str, passed: bool, *, unanswerable: bool = False, item: str | None = None
) -> dict[str, Any]:
    """A question row as report.json has it (scores: the two metrics cohort reads, plus one;
    `item`: what it asks across variants, left out as in reports of keys without items)."""
    if unanswerable:
        scores = {"recall@5": None, "abstention_accuracy": float(passed), "answer_accuracy": 0.0}
    else:
        # abstention_accuracy of an answerable question is 1 for "did not abstain": not a pass
        scores = {"recall@5": float(passed), "abstention_accuracy": 1.0, "answer_accuracy": 0.0}
    line = {
        "id": qid,
        "slice": slice_,
        "unanswerable": unanswerable,
        "text": f"What about {qid}?",
        "status": "ok",
        "scores": scores,
    }
    if item is not None:
        line["item"] = item
    return line


def report(
    rows: list[dict[str, Any]], *, candidate: str = "someone", variant: str = VARIANT
) -> dict[str, Any]:
    return {
        "schema": 1,
        "kind": "grade",
        "key": {"candidate": candidate, "variant_manifest_sha256": variant},
        "fatal": None,
        "questions": rows,
    }


def synthetic_passes() -> dict[str, dict[str, bool]]:
    """submission → question id → passed, for the cohort of the module docstring."""
    rng = random.Random(SEED)
    passes: dict[str, dict[str, bool]] = {}
    for i, name in enumerate(SUBMISSIONS, start=1):
        marks = {f"g{j}": j <= 8 - i for j in range(1, 8)}
        marks |= {"q1": i <= 4, "q2": True, "q3": False, "q4": i == 8}
        passes[name] = marks
    for name in SUBMISSIONS:  # drawn in a fixed order, after the fixed questions
        passes[name] |= {f"u{j}": rng.random() < 0.5 for j in range(1, 4)}
        passes[name] |= {f"r{j}": rng.random() < 0.5 for j in range(1, 5)}
    return passes


SLICE_OF = {
    **{f"g{j}": "identifier" for j in range(1, 8)},
    "q1": "boundary",
    "q2": "table",
    "q3": "heading",
    "q4": "paraphrase",
    **{f"u{j}": "unanswerable" for j in range(1, 4)},
    **{f"r{j}": "distractor" for j in range(1, 5)},
}


def synthetic_reports() -> dict[str, dict[str, Any]]:
    """submission → its grade report, for the cohort of `synthetic_passes`."""
    return {
        name: report(
            [
                row(qid, SLICE_OF[qid], ok, unanswerable=SLICE_OF[qid] == "unanswerable")
                for qid, ok in marks.items()
            ],
            candidate=f"Candidate {name}",
        )
        for name, marks in synthetic_passes().items()
    }


def write_reports(reports: Mapping[str, Mapping[str, Any]], folder: Path) -> Path:
    """Lay reports out as grade-many does: folder/<name>/report.json; return folder."""
    for name, data in reports.items():
        (folder / name).mkdir(parents=True, exist_ok=True)
        (folder / name / "report.json").write_text(json.dumps(data), encoding="utf-8")
    return folder


# A round of per-candidate variants: a1, a2 graded against variant A, b1, b2 against B. Both ask
# h1…h3, but an id names a different question in each; the items are what recur.
#
#              h1                     h2                     h3                     total
#   a1 (A)     handbook/x ✓           runbook/error-code ✓   runbook/error-code ✓   3
#   a2 (A)     handbook/x ✗           runbook/error-code ✓   runbook/error-code ✗   1
#   b1 (B)     runbook/error-code ✓   handbook/y ✓           handbook/x ✓           3
#   b2 (B)     runbook/error-code ✗   handbook/y ✗           handbook/x ✓           1
ROUND_ITEMS = {
    VARIANT: {"h1": "handbook/x", "h2": "runbook/error-code", "h3": "runbook/error-code"},
    OTHER_VARIANT: {"h1": "runbook/error-code", "h2": "handbook/y", "h3": "handbook/x"},
}
ROUND = {
    "a1": (VARIANT, {"h1": True, "h2": True, "h3": True}),
    "a2": (VARIANT, {"h1": False, "h2": True, "h3": False}),
    "b1": (OTHER_VARIANT, {"h1": True, "h2": True, "h3": True}),
    "b2": (OTHER_VARIANT, {"h1": False, "h2": False, "h3": True}),
}


def round_reports(*, with_items: bool = True) -> dict[str, dict[str, Any]]:
    reports = {}
    for name, (variant, marks) in ROUND.items():
        rows = []
        for qid, ok in marks.items():
            item = ROUND_ITEMS[variant][qid]
            slice_ = "identifier" if item.startswith("runbook/") else "paraphrase"
            rows.append(row(qid, slice_, ok, item=item if with_items else None))
        reports[name] = report(rows, candidate=f"Candidate {name}", variant=variant)
    return reports
