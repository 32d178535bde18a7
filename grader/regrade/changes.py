"""What moved between a submission's earlier grade and its regrade, and the earlier grade as the
new report keeps it (`previous`).

A move is an area whose verdict changed, a headline metric whose new value falls outside the
earlier grade's 95% interval (a change inside it is noise of the same size the report already
shows), a failure that appeared or went away, or questions whose status changed count.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

HEADLINE = ("recall@5", "mrr@10", "answer_accuracy", "citation_precision", "abstention_accuracy")


@dataclass(frozen=True)
class Move:
    """One thing the regrade changed."""

    what: str  # "verdict lexical", "recall@5", "fatal", "statuses"
    before: str
    after: str

    def __str__(self) -> str:
        return f"{self.what} {self.before} → {self.after}"


def moves(old: Mapping[str, Any], new: Mapping[str, Any]) -> list[Move]:
    """Every move from the report `old` to the report `new` (see the module docstring)."""
    found: list[Move] = []
    old_areas = (old.get("diagnosis") or {}).get("areas") or {}
    new_areas = (new.get("diagnosis") or {}).get("areas") or {}
    for area in sorted(set(old_areas) | set(new_areas)):
        before, after = old_areas.get(area), new_areas.get(area)
        if before != after:
            found.append(Move(f"verdict {area}", str(before or "–"), str(after or "–")))
    old_overall, new_overall = old.get("overall") or {}, new.get("overall") or {}
    for metric in HEADLINE:
        before = (old_overall.get("metrics") or {}).get(metric)
        after = (new_overall.get("metrics") or {}).get(metric)
        interval = (old_overall.get("ci95") or {}).get(metric)
        if before is None or after is None:
            if before != after:
                found.append(Move(metric, _fmt(before), _fmt(after)))
            continue
        low, high = interval if interval else (before, before)
        if not low - 1e-9 <= after <= high + 1e-9:
            found.append(Move(metric, f"{_fmt(before)} [{_fmt(low)}–{_fmt(high)}]", _fmt(after)))
    before_fatal, after_fatal = _fatal(old), _fatal(new)
    if before_fatal != after_fatal:
        found.append(Move("fatal", before_fatal or "none", after_fatal or "none"))
    if (old.get("statuses") or {}) != (new.get("statuses") or {}):
        found.append(Move("statuses", _statuses(old), _statuses(new)))
    return found


def earlier_grade(report: Mapping[str, Any]) -> dict[str, Any]:
    """What the new report keeps of an earlier grade: when, by which harness, its headline and
    verdicts (the whole earlier report stays beside it as report.previous-<n>.json)."""
    metrics = (report.get("overall") or {}).get("metrics") or {}
    return {
        "created": report.get("created"),
        "harness": report.get("harness"),
        "metrics": {m: metrics.get(m) for m in HEADLINE},
        "areas": dict((report.get("diagnosis") or {}).get("areas") or {}),
    }


def _fatal(report: Mapping[str, Any]) -> str | None:
    fatal = report.get("fatal")
    return None if not fatal else str(fatal.get("stage"))


def _statuses(report: Mapping[str, Any]) -> str:
    counts = report.get("statuses") or {}
    return ", ".join(f"{k} {v}" for k, v in sorted(counts.items()) if v) or "none"


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"
