"""Grades side by side: one column per grade report, one row per slice and headline figure.

Each slice shows the figure its report page headlines (`reading.slice_figures`: recall@5, or
abstention accuracy for unanswerable questions), then the mean of those figures (every slice
weighs the same, as in calibration) and the same mean on the grade's unseen corpus, the overall
answer and citation figures and the cost (build time, search p95). `make demo` prints it for the
starter, the sound (textbook) solution and the reference; `takehome compare` is the command.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from grader.reports.reading import fmt, metric, slice_figures

OVERALL = ("recall@5", "answer_accuracy", "supported_rate", "citation_precision")


@dataclass(frozen=True)
class Row:
    """One row of the comparison: a label and one value per report (None: not measured)."""

    label: str
    """What the row shows, as printed."""
    values: tuple[float | None, ...]
    """One value per report, in the order the reports were given."""
    unit: str = ""
    """"" for a share in [0, 1]; "s" or "ms" for a time."""


def comparison_rows(reports: Sequence[Mapping[str, Any]]) -> list[Row]:
    """The rows comparing `reports` (grade reports, as `reading.load_report` returns them)."""
    figures = [{f.slice: f for f in slice_figures(r)} for r in reports]
    slices = list(dict.fromkeys(name for by_slice in figures for name in by_slice))
    rows = []
    for name in slices:
        metrics = {by_slice[name].metric for by_slice in figures if name in by_slice}
        rows.append(
            Row(
                f"{name} ({', '.join(sorted(metrics))})",
                tuple(
                    by_slice[name].submission if name in by_slice else None for by_slice in figures
                ),
            )
        )
    rows.append(Row("mean over slices", tuple(_mean(by_slice.values()) for by_slice in figures)))
    rows.append(Row("same, on the unseen corpus", tuple(_unseen(r) for r in reports)))
    rows.extend(Row(f"overall {key}", tuple(metric(r, key) for r in reports)) for key in OVERALL)
    rows.append(Row("build", tuple(r["latency"].get("build_s") for r in reports), "s"))
    rows.append(Row("search p95", tuple(_search_p95(r) for r in reports), "ms"))
    return rows


def comparison_markdown(names: Sequence[str], reports: Sequence[Mapping[str, Any]]) -> str:
    """The comparison as a Markdown table, one column per report headed by its name."""
    if len(names) != len(reports):
        raise ValueError(f"{len(names)} names for {len(reports)} reports")
    lines = [
        "| | " + " | ".join(names) + " |",
        "|---|" + "---:|" * len(names),
    ]
    for row in comparison_rows(reports):
        lines.append(
            f"| {row.label} | " + " | ".join(_cell(v, row.unit) for v in row.values) + " |"
        )
    return "\n".join(lines) + "\n"


def _cell(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "s":
        return f"{value:.1f} s"
    if unit == "ms":
        return f"{value:.0f} ms"
    return fmt(value)


def _mean(figures) -> float | None:
    values = [f.submission for f in figures if f.submission is not None]
    return sum(values) / len(values) if values else None


def _unseen(report: Mapping[str, Any]) -> float | None:
    """The mean over slices on the grade's unseen corpus (None when it did not run)."""
    headline = (report.get("unseen") or {}).get("headline") or {}
    return headline.get("unseen")


def _search_p95(report: Mapping[str, Any]) -> float | None:
    search = (report["latency"].get("ops") or {}).get("search") or {}
    return search.get("p95_ms")
