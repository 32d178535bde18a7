"""Gradescope `results.json`: the grade in the shape Gradescope's autograder spec reads.

Scoring (documented in SCORING, repeated in the file's `output`): every diagnosis area with
questions is one test worth AREA_POINTS; it scores AREA_POINTS × the submission's area value
(the mean of the area's diagnosis rows: recall@5 on the chunking slices, recall@1 on
distractors, citation precision and supported rate, abstention accuracy, …), rounded to 2
decimals, so partial credit follows the measured metric. A test's status is "passed" when the
area is fixed (the diagnosis verdict; without a baseline, every row at FIXED_AT or above), else
"failed". Two informational tests carry no points: latency, and integrity (hidden from the
candidate; "failed" when there is an alert or a warning). The top-level score is the sum of the
tests' scores. Area tests are shown "after_published": the slice names would hand the diagnosis
to a candidate still working.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from corpus.failure_modes import AREAS
from grader.diagnosis import FIXED_AT
from grader.reports.debrief import measured_line
from grader.reports.reading import (
    area_reached,
    area_rows,
    area_value,
    candidate,
    findings_by_severity,
    fmt,
    latency_parts,
)

AREA_POINTS = 10.0
STATUSES = ("passed", "failed")
VISIBILITIES = ("visible", "hidden", "after_due_date", "after_published")
AREA_VISIBILITY = "after_published"
SCORING = (
    f"Each area is worth {AREA_POINTS:g} points × the submission's value on it (the mean of the "
    "area's diagnosis rows, each in [0, 1]); an area passes when the diagnosis calls it fixed "
    f"(without a baseline: every row at {FIXED_AT:.1f} or above). Latency and integrity are "
    "informational (0 points)."
)


def gradescope_results(report: Mapping[str, Any]) -> dict[str, Any]:
    """The results.json dict of one report."""
    tests: list[dict[str, Any]] = []
    for number, area in enumerate(AREAS, start=1):
        rows = [r for r in area_rows(report, area.name) if r["n"] > 0]
        if not rows:
            continue
        value = area_value(report, area.name) or 0.0
        verdict = report["diagnosis"]["areas"].get(area.name)
        tests.append(
            {
                "name": f"{area.title} ({', '.join(sorted({r['slice'] for r in rows}))})",
                "number": str(number),
                "score": round(AREA_POINTS * value, 2),
                "max_score": AREA_POINTS,
                "status": "passed" if area_reached(report, area.name) else "failed",
                "visibility": AREA_VISIBILITY,
                "output": f"verdict: {verdict or 'no baseline'} · {measured_line(rows)}",
                "tags": [area.name],
            }
        )
    tests.append(_latency_test(report, len(AREAS) + 1))
    tests.append(_integrity_test(report, len(AREAS) + 2))
    score = round(sum(t["score"] for t in tests), 2)
    total = sum(t["max_score"] for t in tests)
    overall = report["overall"]["metrics"]
    output = (
        f"{candidate(report)}: {score:g} / {total:g}. recall@5 {fmt(overall.get('recall@5'))}, "
        f"mrr@10 {fmt(overall.get('mrr@10'))}, answer accuracy "
        f"{fmt(overall.get('answer_accuracy'))}, citation precision "
        f"{fmt(overall.get('citation_precision'))}. Scoring: {SCORING}"
    )
    if report.get("fatal"):
        fatal = report["fatal"]
        output = f"The submission failed at {fatal.get('stage')}: {fatal.get('reason')}. " + output
    results: dict[str, Any] = {
        "score": score,
        "output": output,
        "visibility": AREA_VISIBILITY,
        "stdout_visibility": "hidden",
        "tests": tests,
        "extra_data": {
            "report_schema": report.get("schema"),
            "profile": report["key"].get("profile"),
            "variant_manifest_sha256": report["key"].get("variant_manifest_sha256"),
            "areas": dict(report["diagnosis"]["areas"]),
        },
    }
    wall = (report.get("timing") or {}).get("wall_s")
    if isinstance(wall, int | float):
        results["execution_time"] = round(wall)
    return results


def validate_results(results: Mapping[str, Any]) -> list[str]:
    """Problems with a results.json dict against the fields Gradescope documents (empty: fine)."""
    problems = []
    if not _number(results.get("score")):
        problems.append("score must be a number")
    if not isinstance(results.get("output", ""), str):
        problems.append("output must be a string")
    if results.get("visibility", "visible") not in VISIBILITIES:
        problems.append(f"visibility must be one of {', '.join(VISIBILITIES)}")
    tests = results.get("tests")
    if not isinstance(tests, list):
        return [*problems, "tests must be a list"]
    for i, test in enumerate(tests):
        where = f"tests[{i}]"
        if not isinstance(test.get("name"), str) or not test["name"]:
            problems.append(f"{where}.name must be a non-empty string")
        for key in ("score", "max_score"):
            if not _number(test.get(key)):
                problems.append(f"{where}.{key} must be a number")
        if _number(test.get("score")) and _number(test.get("max_score")):
            if not 0 <= test["score"] <= test["max_score"]:
                problems.append(f"{where}.score must lie in [0, max_score]")
        if test.get("status") not in STATUSES:
            problems.append(f"{where}.status must be one of {', '.join(STATUSES)}")
        if test.get("visibility") not in VISIBILITIES:
            problems.append(f"{where}.visibility must be one of {', '.join(VISIBILITIES)}")
        if not isinstance(test.get("output", ""), str):
            problems.append(f"{where}.output must be a string")
    if _number(results.get("score")) and all(_number(t.get("score")) for t in tests):
        if abs(results["score"] - sum(t["score"] for t in tests)) > 0.011:
            problems.append("score must be the sum of the tests' scores")
    return problems


def _latency_test(report: Mapping[str, Any], number: int) -> dict[str, Any]:
    ratio = (report.get("comparison") or {}).get("latency_ratio") or {}
    parts = latency_parts(report, ("p50", "p95", "p99"))
    if ratio.get("search_p95") is not None:
        parts.append(f"search p95 ×{ratio['search_p95']:.2f} the starter's")
    return {
        "name": "Latency (informational)",
        "number": str(number),
        "score": 0.0,
        "max_score": 0.0,
        "status": "passed",
        "visibility": AREA_VISIBILITY,
        "output": "; ".join(parts),
        "tags": ["latency"],
    }


def _integrity_test(report: Mapping[str, Any], number: int) -> dict[str, Any]:
    findings = report.get("integrity") or []
    counts = findings_by_severity(report)
    lines = [f"{f['severity']}: {f['title']}" for f in findings] or ["no findings"]
    return {
        "name": "Integrity (informational)",
        "number": str(number),
        "score": 0.0,
        "max_score": 0.0,
        "status": "failed" if counts["alert"] or counts["warning"] else "passed",
        "visibility": "hidden",
        "output": "\n".join(lines),
        "tags": ["integrity"],
    }


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
