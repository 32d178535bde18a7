"""Reading a `report.json` for the renderers: loading, checking, and the figures they share.

Every renderer (HTML, Markdown, Gradescope, CSV, the debrief guide) reads the same numbers out of
a report dict through these helpers, so a number means the same thing in every format. Nothing
here formats for one output in particular.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.failure_modes import AREAS, SLICES
from exercise.errors import ExerciseError
from exercise.retrieval import RECALL_CUTOFFS
from exercise.scoring import METRIC_KEYS
from grader.diagnosis import FIXED_AT
from grader.grade.report_file import REPORT_NAME, REPORT_SCHEMA

# Every fixed metric but recall@3, which adds little between recall@1 and recall@5 on a page.
HEADLINE_METRICS = tuple(key for key in METRIC_KEYS if key != "recall@3")
SLICE_METRIC = "recall@5"  # per slice; a slice without it (unanswerable) uses UNANSWERABLE_METRIC
UNANSWERABLE_METRIC = "abstention_accuracy"
OPS = ("search", "answer")
PERCENTILES = ("p50_ms", "p95_ms", "p99_ms")
WORST_DEFAULT = 12  # questions in the worst-questions section


class ReportError(ExerciseError):
    """The file is not a grade report this version can render; the message says why."""


def load_report(path: Path) -> dict[str, Any]:
    """Read a grade report (a `report.json`, or a folder holding one); raise `ReportError`."""
    path = Path(path)
    if path.is_dir():
        path = path / REPORT_NAME
    if not path.is_file():
        raise ReportError(f"{path} does not exist: pass the report.json `takehome grade` wrote")
    try:
        report = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ReportError(f"{path} is not readable JSON: {exc}") from exc
    check_report(report, str(path))
    return report


def check_report(report: object, where: str = "report") -> None:
    """Raise `ReportError` unless `report` looks like a grade report of schema REPORT_SCHEMA."""
    if not isinstance(report, dict):
        raise ReportError(f"{where} must hold a JSON object")
    if report.get("kind") != "grade":
        raise ReportError(f"{where} is not a grade report (kind {report.get('kind')!r})")
    if report.get("schema") != REPORT_SCHEMA:
        raise ReportError(
            f"{where} has schema {report.get('schema')!r}; this harness renders schema "
            f"{REPORT_SCHEMA} (re-grade with this version)"
        )
    needed = ("overall", "slices", "latency", "diagnosis", "questions", "key", "submission")
    missing = [k for k in (*needed, "isolation", "statuses") if k not in report]
    if missing:
        raise ReportError(f"{where} lacks {', '.join(missing)}: it is incomplete")


def candidate(report: Mapping[str, Any]) -> str:
    """Who the report is about: the key's candidate name, else the submission's source."""
    return str(report["key"].get("candidate") or report["submission"]["source"])


def metric(run: Mapping[str, Any] | None, key: str) -> float | None:
    """An overall hidden metric of a run (the report itself, or its `baseline`)."""
    if run is None:
        return None
    return run["overall"]["metrics"].get(key)


def ci95(run: Mapping[str, Any] | None, key: str) -> tuple[float, float] | None:
    if run is None:
        return None
    ci = run["overall"].get("ci95", {}).get(key)
    return (ci[0], ci[1]) if ci else None


def recall_curve(run: Mapping[str, Any] | None) -> list[float | None]:
    """recall@k for k in RECALL_CUTOFFS."""
    return [metric(run, f"recall@{k}") for k in RECALL_CUTOFFS]


@dataclass(frozen=True)
class SliceFigure:
    """One slice's headline number, with its interval, for the submission and the baseline."""

    slice: str
    metric: str  # SLICE_METRIC, or UNANSWERABLE_METRIC for the unanswerable slice
    n: int
    submission: float | None
    submission_ci: tuple[float, float] | None
    baseline: float | None
    baseline_ci: tuple[float, float] | None


def slice_figures(report: Mapping[str, Any]) -> list[SliceFigure]:
    """One figure per slice of the report: known slices in SLICES order, then any others."""
    names = [s for s in SLICES if s in report["slices"]] + sorted(
        s for s in report["slices"] if s not in SLICES
    )
    base = report.get("baseline")
    figures = []
    for name in names:
        group = report["slices"][name]
        key = (
            SLICE_METRIC if group["metrics"].get(SLICE_METRIC) is not None else UNANSWERABLE_METRIC
        )
        base_group = base["slices"].get(name) if base else None
        figures.append(
            SliceFigure(
                slice=name,
                metric=key,
                n=int(group["metrics"].get("n") or 0),
                submission=group["metrics"].get(key),
                submission_ci=_pair(group.get("ci95", {}).get(key)),
                baseline=base_group["metrics"].get(key) if base_group else None,
                baseline_ci=_pair(base_group.get("ci95", {}).get(key)) if base_group else None,
            )
        )
    return figures


def latency_ms(report: Mapping[str, Any], op: str) -> list[float]:
    """The per-question elapsed_ms of one op (search or answer), calls that have a time."""
    values = []
    for question in report["questions"]:
        elapsed = (question.get(op) or {}).get("elapsed_ms")
        if isinstance(elapsed, int | float):
            values.append(float(elapsed))
    return values


def area_value(report: Mapping[str, Any], area: str, who: str = "submission") -> float | None:
    """The mean of an area's diagnosis rows (who: submission or baseline), rows with questions."""
    values = [
        row[who]
        for row in report["diagnosis"]["rows"]
        if row["area"] == area and row["n"] > 0 and row[who] is not None
    ]
    return sum(values) / len(values) if values else None


def area_rows(report: Mapping[str, Any], area: str) -> list[dict[str, Any]]:
    return [row for row in report["diagnosis"]["rows"] if row["area"] == area]


def area_title(area: str) -> str:
    return next((a.title for a in AREAS if a.name == area), area)


def area_reached(report: Mapping[str, Any], area: str) -> bool:
    """Fixed by the verdict, or (without a baseline) every row at FIXED_AT or above."""
    verdict = report["diagnosis"]["areas"].get(area)
    if verdict is not None:
        return verdict == "fixed"
    rows = [r for r in area_rows(report, area) if r["n"] > 0]
    return bool(rows) and all((r["submission"] or 0.0) >= FIXED_AT for r in rows)


def findings_by_severity(report: Mapping[str, Any]) -> dict[str, int]:
    counts = {"alert": 0, "warning": 0, "info": 0}
    for finding in report.get("integrity") or []:
        counts[finding["severity"]] = counts.get(finding["severity"], 0) + 1
    return counts


def worst_questions(report: Mapping[str, Any], limit: int = WORST_DEFAULT) -> list[dict[str, Any]]:
    """The questions most worth a look, a few from every slice.

    Within a slice, questions are ordered: a call that failed (error, timeout, invalid, not run)
    first, then a regression (the baseline got it, the submission did not), then answerable
    questions by how far the evidence was from the top (never found, found below 5, below 1),
    then unanswerable ones answered instead of abstained; ties by question id. Questions the
    submission got right (evidence at rank 1, or a correct abstention) are never listed. The
    slices then take turns, in SLICES order, until `limit` questions are picked.
    """
    per_slice: dict[str, list[tuple[tuple[Any, ...], dict[str, Any]]]] = {}
    for question in report["questions"]:
        rank = _badness(question)
        if rank is not None:
            per_slice.setdefault(question.get("slice") or "?", []).append((rank, question))
    order = [s for s in SLICES if s in per_slice] + sorted(s for s in per_slice if s not in SLICES)
    queues = [sorted(per_slice[s], key=lambda item: item[0]) for s in order]
    picked: list[dict[str, Any]] = []
    depth = 0
    while len(picked) < limit and any(depth < len(q) for q in queues):
        for queue in queues:
            if depth < len(queue) and len(picked) < limit:
                picked.append(queue[depth][1])
        depth += 1
    return picked


def _badness(question: Mapping[str, Any]) -> tuple[Any, ...] | None:
    scores = question["scores"]
    base = question.get("baseline") or {}
    base_scores = base.get("scores") or {}
    failed = question["status"] != "ok"
    if question["unanswerable"]:  # not vocabulary: the question's flag
        wrong = (scores.get("abstention_accuracy") or 0.0) < 1.0
        if not (failed or wrong):
            return None
        regressed = (base_scores.get("abstention_accuracy") or 0.0) >= 1.0 and wrong
        return (not failed, not regressed, 3, question["id"])
    rank = question.get("coverage_rank")
    if rank == 1 and not failed:
        return None
    regressed = (base_scores.get(SLICE_METRIC) or 0.0) > (scores.get(SLICE_METRIC) or 0.0)
    distance = 0 if rank is None else 1 if rank > 5 else 2
    return (not failed, not regressed, distance, question["id"])


def _pair(value: Sequence[float] | None) -> tuple[float, float] | None:
    return (float(value[0]), float(value[1])) if value else None


def latency_parts(report: Mapping[str, Any], percentiles: Sequence[str]) -> list[str]:
    """The latency section in words: build time, each operation at the given percentiles
    ("p50", "p95", ...), peak RSS — the parts every plain-text rendering lists."""
    lat = report["latency"]
    ops = lat.get("ops") or {}
    parts = [f"build {fmt(lat.get('build_s'), '.1f')} s"]
    for op in ("search", "answer"):
        figures = ops.get(op) or {}
        values = ", ".join(f"{p} {fmt_ms(figures.get(f'{p}_ms'))} ms" for p in percentiles)
        parts.append(f"{op} {values}")
    parts.append(f"peak RSS {fmt(lat.get('peak_rss_mib'), '.0f')} MiB")
    return parts


def fmt(value: float | None, spec: str = ".2f") -> str:
    return "–" if value is None else format(value, spec)


def fmt_delta(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f}"


def fmt_row_delta(row: Mapping[str, Any]) -> str:
    """A diagnosis row's paired difference with its interval: "+0.40 [+0.31, +0.49]"."""
    ci = row["ci95"]
    return f"{fmt_delta(row['delta'])} [{ci[0]:+.2f}, {ci[1]:+.2f}]" if ci else "–"


def fmt_ms(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 1:
        return f"{value:.3f}"
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"
