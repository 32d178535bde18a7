"""Figures and budgets for `make bench`: one record per figure, the budget check, the table.

Pure helpers (no timing, no processes), so tests/benchmarks/ can check them quickly; the steps that
measure live in bench_corpus.py, bench_grade.py and bench_candidate.py, and bench.py runs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass
from typing import Any

# How a measured value is held against its budget.
AT_MOST = "at_most"  # measured ≤ budget
WITHIN = "within"  # |measured| ≤ budget (a signed deviation, e.g. +3 % between two runs)
KINDS = (AT_MOST, WITHIN)
HEADERS = ("figure", "measured", "budget", "met?")


@dataclass(frozen=True)
class Figure:
    """One line of the table."""

    name: str  # what was measured, as the table shows it
    measured: float | None  # None: not measured (step skipped or failed; `note` says why)
    unit: str = ""  # "s", "%", "MiB", "×" ... appended to the numbers
    budget: float | None = None  # the limit in the same unit; None: reported, not judged
    kind: str = AT_MOST  # one of KINDS
    note: str = ""  # shown after the met? column
    digits: int = 2  # decimals shown for measured and budget

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown budget kind {self.kind!r}; use one of {', '.join(KINDS)}")

    @property
    def met(self) -> bool | None:
        """True/False against the budget; None when there is no budget or nothing measured."""
        if self.budget is None or self.measured is None:
            return None
        value = abs(self.measured) if self.kind == WITHIN else self.measured
        return value <= self.budget

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "met": self.met}


def fmt_value(value: float | None, unit: str, digits: int, *, signed: bool = False) -> str:
    """`value` with its unit ("12.30 s", "+3.1 %"); "–" for None."""
    if value is None:
        return "–"
    number = f"{value:+,.{digits}f}" if signed else f"{value:,.{digits}f}"
    if not unit:
        return number
    return f"{number}{unit}" if unit == "×" else f"{number} {unit}"


def fmt_budget(figure: Figure) -> str:
    if figure.budget is None:
        return ""
    limit = fmt_value(figure.budget, figure.unit, figure.digits)
    return f"± {limit}" if figure.kind == WITHIN else f"≤ {limit}"


def fmt_met(met: bool | None) -> str:
    return {True: "yes", False: "NO", None: ""}[met]


def table(figures: Sequence[Figure]) -> str:
    """A plain-text table: figure, measured, budget, met? (and the note, when there is one)."""
    rows = [
        (
            f.name,
            fmt_value(f.measured, f.unit, f.digits, signed=f.kind == WITHIN),
            fmt_budget(f),
            fmt_met(f.met),
            f.note,
        )
        for f in figures
    ]
    widths = [max(len(r[i]) for r in [(*HEADERS, ""), *rows]) for i in range(4)]
    lines = []
    for i, row in enumerate([(*HEADERS, ""), *rows]):
        cells = [
            row[0].ljust(widths[0]),
            row[1].rjust(widths[1]),
            row[2].ljust(widths[2]),
            row[3].ljust(widths[3]),
        ]
        lines.append(("  ".join(cells) + ("  " + row[4] if row[4] else "")).rstrip())
        if i == 0:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def summary(figures: Iterable[Figure]) -> dict[str, list[str]]:
    """Names of the judged figures by outcome: met, missed, unmeasured (no value)."""
    out: dict[str, list[str]] = {"met": [], "missed": [], "unmeasured": []}
    for f in figures:
        if f.budget is None:
            continue
        key = {True: "met", False: "missed", None: "unmeasured"}[f.met]
        out[key].append(f.name)
    return out


def relative_change(first: float | None, second: float | None) -> float | None:
    """second / first − 1, in percent; None when either is missing or first is zero."""
    if first is None or second is None or first == 0:
        return None
    return (second / first - 1) * 100


def linearity(points: Sequence[tuple[float, float]]) -> float | None:
    """How far memory is from linear in the document count: the slope (MB per document) of the
    last segment over the slope of the first, for points (documents, MB) sorted by documents.
    1.0 is linear; 1.5 means the last documents cost half as much again as the first ones."""
    if len(points) < 3:
        return None
    ordered = sorted(points)
    (x0, y0), (x1, y1) = ordered[0], ordered[1]
    (xa, ya), (xb, yb) = ordered[-2], ordered[-1]
    if x1 == x0 or xb == xa or y1 == y0:
        return None
    return ((yb - ya) / (xb - xa)) / ((y1 - y0) / (x1 - x0))
