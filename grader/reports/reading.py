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

from corpus.failure_modes import AREAS, JUDGED_METRIC, SLICES
from exercise.errors import ExerciseError
from exercise.retrieval import RECALL_CUTOFFS
from exercise.scoring import METRIC_KEYS
from grader.diagnosis import FIXED_AT
from grader.grade.latency_phase import P50_ESTIMATE
from grader.grade.report_file import (
    ANSWERABILITY,
    ANSWERABILITY_GROUPS,
    REPORT_NAME,
    REPORT_SCHEMA,
)
from grader.grade.report_schema import SCHEMA_FILE, validate_report

# Every fixed metric but recall@3, which adds little between recall@1 and recall@5 on a page.
HEADLINE_METRICS = tuple(key for key in METRIC_KEYS if key != "recall@3")
ABSTENTION = "abstention_accuracy"
# The headline's abstention_accuracy is over every question: abstaining is right on an
# unanswerable one and wrong on an answerable one. A pipeline that never abstains scores the share
# of answerable questions, so the table splits it in two rows below it.
ABSTAINED = "abstained when unanswerable"
FALSE_ABSTENTION = "false abstention"
# What a mean over every question counts right; the others are over answerable questions only.
_EVERY_QUESTION = {
    "answer_accuracy": "an unanswerable one is right when abstained",
    ABSTENTION: "right = abstained when unanswerable, answered when answerable",
}


SLICE_METRICS: Mapping[str, str] = JUDGED_METRIC
"""Slice → the metric every per-slice figure (plot, CSV column, worst questions) shows."""
SLICE_METRIC = "recall@5"  # a slice the registry does not know: recall@5, else abstention
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
    """Raise `ReportError` unless `report` is a grade report of schema REPORT_SCHEMA whose every
    field holds what `grader.grade.report_schema` says (the message names the first violation)."""
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
    problems = validate_report(report)
    if problems:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise ReportError(
            f"{where} does not match the report schema ({SCHEMA_FILE}): {problems[0]}{more}"
        )


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


def slice_metric(name: str, metrics: Mapping[str, Any] | None = None) -> str:
    """The metric a slice is shown by: SLICE_METRICS for a known slice; for another, recall@5
    when its questions have it (`metrics`: the slice's means), else abstention accuracy."""
    if name in SLICE_METRICS:
        return SLICE_METRICS[name]
    if metrics is not None and metrics.get(SLICE_METRIC) is None:
        return ABSTENTION
    return SLICE_METRIC


@dataclass(frozen=True)
class SliceFigure:
    """One slice's headline number, with its interval, for the submission and the baseline."""

    slice: str
    metric: str  # the metric the slice's area is judged by (`slice_metric`)
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
        key = slice_metric(name, group["metrics"])
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


@dataclass(frozen=True)
class HeadlineRow:
    """One row of the headline table: a hidden-question figure and the questions it counts."""

    label: str  # the metric key, or ABSTAINED / FALSE_ABSTENTION (abstention_accuracy split)
    counts: str  # which questions the figure is a share of, with their number
    submission: float | None
    ci: tuple[float, float] | None
    baseline: float | None
    delta: float | None  # submission − baseline
    public: float | None  # the same figure on the public questions
    lower_is_better: bool = False


def headline_rows(
    report: Mapping[str, Any], keys: Sequence[str] = HEADLINE_METRICS
) -> list[HeadlineRow]:
    """The headline figures `keys`, each saying what it counts; abstention_accuracy is followed
    by its two halves (abstained when unanswerable; false abstentions on answerable questions)
    when the report records them."""
    base, public = report.get("baseline"), report.get("public")
    deltas = (report.get("comparison") or {}).get("metric_delta") or {}
    overall = report["overall"]
    rows = []
    for key in keys:
        rows.append(
            HeadlineRow(
                label=key,
                counts=_counts(key, overall),
                submission=metric(report, key),
                ci=ci95(report, key),
                baseline=metric(base, key),
                delta=deltas.get(key),
                public=metric(public, key),
            )
        )
        if key == ABSTENTION:
            rows += _abstention_halves(report, base, public)
    return rows


def _counts(key: str, overall: Mapping[str, Any]) -> str:
    n = overall["metrics"].get("n")
    over = (overall.get("support") or {}).get(key)
    if key in _EVERY_QUESTION:
        return f"all {fmt_count(over if over is not None else n)} ({_EVERY_QUESTION[key]})"
    return f"{fmt_count(over)} answerable"


def _abstention_halves(
    report: Mapping[str, Any], base: Mapping[str, Any] | None, public: Mapping[str, Any] | None
) -> list[HeadlineRow]:
    """abstention_accuracy on unanswerable questions, and 1 − it on answerable ones (there it is
    1 when the pipeline answered): None for a report that does not record the split."""

    def half(run: Mapping[str, Any] | None, which: str) -> Mapping[str, Any] | None:
        return ((run or {}).get(ANSWERABILITY) or {}).get(which)

    def value(group: Mapping[str, Any] | None, flip: bool) -> float | None:
        mean = (group or {}).get("metrics", {}).get(ABSTENTION)
        return None if mean is None else (1.0 - mean if flip else mean)

    rows = []
    halves = (
        (True, ABSTAINED, "share abstained"),
        (False, FALSE_ABSTENTION, "share abstained, or whose answer call failed; lower is better"),
    )
    for unanswerable, label, words in halves:
        which, flip = ANSWERABILITY_GROUPS[unanswerable], not unanswerable
        mine = half(report, which)
        if mine is None:
            continue
        ci = _pair((mine.get("ci95") or {}).get(ABSTENTION))
        if ci is not None and flip:
            ci = (1.0 - ci[1], 1.0 - ci[0])
        sub, theirs = value(mine, flip), value(half(base, which), flip)
        rows.append(
            HeadlineRow(
                label=label,
                counts=f"{fmt_count(mine.get('metrics', {}).get('n'))} {which}: {words}",
                submission=sub,
                ci=ci,
                baseline=theirs,
                delta=None if sub is None or theirs is None else sub - theirs,
                public=value(half(public, which), flip),
                lower_is_better=flip,
            )
        )
    return rows


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
    key = slice_metric(str(question.get("slice")), scores)
    regressed = (base_scores.get(key) or 0.0) > (scores.get(key) or 0.0)
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


def fmt_count(value: object) -> str:
    return "–" if value is None else str(value)


def fmt_ms(value: float | None) -> str:
    if value is None:
        return "–"
    if value < 1:
        return f"{value:.3f}"
    return f"{value:.1f}" if value < 100 else f"{value:.0f}"


def ratio_with_ci(report: Mapping[str, Any], figure: str) -> str:
    """A ratio to the baseline with its 95% interval when paired: "×1.75 [1.60–1.90]"."""
    comparison = report.get("comparison") or {}
    value = (comparison.get("latency_ratio") or {}).get(figure)
    if value is None:
        return "–"
    text = f"×{value:.2f}" if value < 100 else f"×{value:.3g}"
    interval = _pair((comparison.get("latency_ratio_ci95") or {}).get(figure))
    return text + (f" [{interval[0]:.2f}–{interval[1]:.2f}]" if interval else "")


def latency_phase_line(report: Mapping[str, Any]) -> str | None:
    """How the latency ratios were measured, in one sentence (None without a baseline)."""
    comparison = report.get("comparison") or {}
    phase = comparison.get("latency_phase")
    if not report.get("baseline") or phase is None:
        return None
    build = (comparison.get("baseline_build") or {}).get("cache")
    cache = f" Baseline index: {build}." if build else ""
    if not phase.get("ran"):
        return (
            f"Paired latency phase {phase.get('note', 'not run')}: the ratios compare the two "
            f"runs' figures measured one after the other.{cache}"
        )
    load = phase.get("load_average") or {}
    pairs = phase.get("pairs") or {}
    mean, top = load.get("one_minute_mean"), load.get("one_minute_max")
    loads = (
        f"load average {mean:.1f} (max {top:.1f}) on {load.get('cpus') or '?'} cores"
        if mean is not None and top is not None
        else "load average not available"
    )
    return (
        f"Search and answer ratios are paired: both children alive, calls alternating on "
        f"{phase.get('questions')} hidden questions in {phase.get('rounds')} rounds "
        f"({pairs.get('search', 0)} search and {pairs.get('answer', 0)} answer pairs, each timed "
        f"on the child's first call with the question){_baseline_threads(phase)}; "
        f"p50 = {_p50_words(phase)}, [95% bootstrap interval]; {loads} during the phase.{cache}"
    )


def _baseline_threads(phase: Mapping[str, Any]) -> str:
    """How many threads the baseline's pools had, when the report says (older ones do not)."""
    threads = phase.get("baseline_threads")
    if threads is None:
        return ""
    return f", the starter on {'one thread' if threads == 1 else f'{threads} threads'}"


def _p50_words(phase: Mapping[str, Any]) -> str:
    """What the phase's p50 figures are (reports made before the estimate changed: medians)."""
    if phase.get("p50_estimate") == P50_ESTIMATE:
        return "Hodges–Lehmann centre of the paired ratios"
    return "median of paired ratios"


def placement_note(placement: Mapping[str, Any]) -> str:
    """What the placement table's sound and reference figures are, in one sentence."""
    calibration = placement.get("calibration") or {}
    seeds = calibration.get("seeds") or []
    return (
        f"Sound (the textbook fix) and reference: means over the {len(seeds)} seed(s) of the "
        f"profile's calibration; starter and submission: this grade. Places are within "
        f"{placement.get('margin', 0):.2f} of those means, not a significance test."
    )


UNSEEN_HEAD = ("slice", "metric", "shipped", "unseen", "drop", "starter's drop")


def unseen_summary(report: Mapping[str, Any]) -> tuple[str, list[tuple[str, ...]]]:
    """The unseen-corpus comparison as one sentence and its table's cells (`UNSEEN_HEAD`); no
    rows when it did not run (the sentence says why). Reports older than it get a sentence too."""
    unseen = report.get("unseen")
    if unseen is None:
        return "Not measured (this report predates the unseen-corpus run).", []
    if unseen.get("seed") is None:
        return f"Not measured: {unseen['note']}.", []
    low, high = unseen["excess_ci95"]
    headline = unseen["headline"]
    base = unseen.get("baseline_drop")
    sentence = (
        f"Headline {headline['shipped']:.2f} on the shipped corpus, {headline['unseen']:.2f} on an "
        f"unseen one of the same kind ({unseen['documents']} documents, "
        f"{unseen['questions']} hidden questions): drop {unseen['drop']:+.2f}"
        + (f", the starter's {base:+.2f}" if base is not None else "")
        + f"; excess {unseen['excess']:+.2f} [95% CI {low:+.2f}, {high:+.2f}] "
        f"(a finding when the whole interval is above {unseen['margin']:.2f}). {unseen['note']}."
    )
    rows = [
        (
            row["slice"],
            row["metric"],
            fmt(row["shipped"]),
            fmt(row["unseen"]),
            fmt_delta(row["drop"]),
            fmt_delta(row["baseline_drop"]),
        )
        for row in unseen["slices"]
    ]
    return sentence, rows
