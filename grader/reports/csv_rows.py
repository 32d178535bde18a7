"""CSV rows: one row per graded submission, the same columns for every report.

`csv_row(report)` flattens a report dict into COLUMNS; `write_csv(reports, handle)` writes a
header and one row per report, so a single grade and the batch leaderboard share a format.
Numbers are rounded to 4 decimals; a missing value is an empty cell. A text cell that a
spreadsheet would read as a formula (starting with = + - @) gets a leading apostrophe.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Mapping
from typing import IO, Any

from corpus.failure_modes import AREAS, SLICES
from exercise.scoring import METRIC_KEYS
from grader.reports.reading import (
    ABSTAINED,
    ABSTENTION,
    FALSE_ABSTENTION,
    SLICE_METRICS,
    candidate,
    findings_by_severity,
    headline_rows,
)

SEVERITIES = ("alert", "warning", "info")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _slice_column(name: str) -> str:
    """The slice's figure by the metric its area is judged on (recall@1 for distractors)."""
    return f"{SLICE_METRICS[name]}.{name}"


# abstention_accuracy's two halves (see `reading.headline_rows`), as column names
SPLIT_COLUMNS = {label: label.replace(" ", "_") for label in (ABSTAINED, FALSE_ABSTENTION)}


COLUMNS: tuple[str, ...] = (
    "candidate",
    "profile",
    "source",
    "sha256",
    "created",
    "isolation",
    "isolated",
    "fatal",
    "n",
    *METRIC_KEYS,
    *SPLIT_COLUMNS.values(),
    *(_slice_column(s) for s in SLICES),
    *(f"verdict.{a.name}" for a in AREAS),
    "delta.recall@5",
    "build_s",
    "search_p50_ms",
    "search_p95_ms",
    "answer_p50_ms",
    "answer_p95_ms",
    "peak_rss_mib",
    *(f"findings.{s}" for s in SEVERITIES),
)


def csv_row(report: Mapping[str, Any]) -> dict[str, Any]:
    """One row (column → value) of COLUMNS for a report dict."""
    overall = report["overall"]["metrics"]
    lat = report["latency"]
    ops = lat.get("ops") or {}
    fatal = report.get("fatal")
    row: dict[str, Any] = {
        "candidate": candidate(report),
        "profile": report["key"].get("profile"),
        "source": report["submission"].get("source"),
        "sha256": report["submission"].get("sha256"),
        "created": report.get("created"),
        "isolation": report["isolation"].get("backend"),
        "isolated": report["isolation"].get("isolated"),
        "fatal": f"{fatal.get('stage')}: {fatal.get('reason')}" if fatal else "",
        "n": overall.get("n"),
    }
    row.update({key: overall.get(key) for key in METRIC_KEYS})
    row.update(dict.fromkeys(SPLIT_COLUMNS.values()))
    for half in headline_rows(report, (ABSTENTION,)):
        if half.label in SPLIT_COLUMNS:
            row[SPLIT_COLUMNS[half.label]] = half.submission
    for name in SLICES:
        group = report["slices"].get(name)
        metric = SLICE_METRICS[name]
        row[_slice_column(name)] = group["metrics"].get(metric) if group else None
    areas = report["diagnosis"]["areas"]
    row.update({f"verdict.{a.name}": areas.get(a.name) for a in AREAS})
    delta = (report.get("comparison") or {}).get("metric_delta") or {}
    row["delta.recall@5"] = delta.get("recall@5")
    row["build_s"] = lat.get("build_s")
    for op in ("search", "answer"):
        for name in ("p50", "p95"):
            row[f"{op}_{name}_ms"] = (ops.get(op) or {}).get(f"{name}_ms")
    row["peak_rss_mib"] = lat.get("peak_rss_mib")
    counts = findings_by_severity(report)
    row.update({f"findings.{s}": counts.get(s, 0) for s in SEVERITIES})
    return row


def write_csv(reports: Iterable[Mapping[str, Any]], handle: IO[str]) -> int:
    """Write the header and one row per report to `handle`; return the number of rows."""
    writer = csv.writer(handle, lineterminator="\n")
    writer.writerow(COLUMNS)
    count = 0
    for report in reports:
        row = csv_row(report)
        writer.writerow([_cell(row.get(column)) for column in COLUMNS])
        count += 1
    return count


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.4f}".rstrip("0").rstrip(".") if value == value else ""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_START) else text
