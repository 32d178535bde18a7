"""Helpers for the report tests: the hostile text planted in the graded submission, and a way to
give a report's diagnosis fixed verdicts.

Tests import it as `tests.grader.reports.helpers`; no test module imports another, nor a conftest.
"""

from __future__ import annotations

from typing import Any

HOSTILE = "<script>document.title='owned'</script><img src=x onerror=alert(1)>"


def set_area(
    report: dict[str, Any],
    area: str,
    verdict: str,
    *,
    baseline: float | None = None,
    submission: float | None = None,
) -> None:
    """Give an area (and each of its rows) a verdict, and optionally the rows' values, so a test
    does not depend on how the generated corpus happens to treat the LEXICAL pipeline."""
    report["diagnosis"]["areas"][area] = verdict
    for row in report["diagnosis"]["rows"]:
        if row["area"] != area:
            continue
        row["verdict"] = verdict
        if baseline is not None:
            row["baseline"] = baseline
        if submission is not None:
            row["submission"] = submission
        if baseline is not None and submission is not None:
            row["delta"] = submission - baseline
            row["ci95"] = [row["delta"] - 0.1, row["delta"] + 0.1]


def with_placement(report: dict[str, Any]) -> dict[str, Any]:
    """`report` with a calibrated placement of its paraphrase and identifier rows."""
    from grader.placement import placement

    calibration = {
        "profile": "medium",
        "seeds": [1, 2, 3, 4, 5],
        "rules": {"primary_metric": {"paraphrase": "recall@5", "identifier": "recall@5"}},
        "table": {
            "sound": {"paraphrase": 0.37, "identifier": 0.63},
            "reference": {"paraphrase": 0.72, "identifier": 1.0},
        },
    }
    report["diagnosis"]["placement"] = placement(report["diagnosis"]["rows"], calibration)
    return report


def without_placement(report: dict[str, Any]) -> dict[str, Any]:
    """`report` graded where its profile has no calibration with a sound row."""
    from grader.placement import placement

    reason = "the calibration medium.json has no sound solution row: recalibrate it"
    report["diagnosis"]["placement"] = placement([], None, reason)
    return report
