"""`report.json`: the grade as data, in a versioned schema other tools read.

`grader.grade.report_schema` describes every field as typed models (published as
docs/report.schema.json); this module writes the report. Top-level keys (schema `REPORT_SCHEMA`;
every metric object uses the fixed metric keys of DESIGN.md, each a float in [0, 1] or null, plus
`n`):

    schema, kind ("grade"), created (UTC ISO time), harness (versions)
    submission    source, kind (directory|archive|git), sha256, git_commit
    key           candidate, profile, variant_manifest_sha256, generator_version
    isolation     backend, isolated, limits (run_timeout_s: each run's total wall budget),
                  sandbox_failures (runs the sandbox failed and that were retried)
    environment   python, platform, cpus
    k, judging    passages asked for per search; the judge's caps
    fatal, statuses   the submission's fatal stage failure (or null), questions per status
    budget            where the run's total time budget ran out (stage, answered, questions,
                      not_reached calls, run_timeout_s), or null when it did not
    overall, slices   hidden questions: {"metrics", "ci95", "support"} (overall, per slice)
    answerability     the same over the answerable and over the unanswerable questions
    latency           build_s, ops.{search,answer}.{p50_ms,p95_ms,p99_ms,...}, peak_rss_mib
    public                        the public questions: {"overall", "answerability", "slices"}
                                  or null
    baseline                      the starter run in the same session: note, fatal, statuses,
                                  overall, answerability, slices, latency, public — or null
                                  (with baseline_note)
    comparison                    metric_delta (submission − baseline, hidden, overall),
                                  latency_ratio (submission / baseline; search and answer
                                  percentiles from the paired latency phase), latency_ratio_ci95
                                  ([low, high] or null per figure), latency_phase (method,
                                  rounds, questions, pairs, load_average while it ran, note),
                                  baseline_build (the build the build ratio divides by, and
                                  whether the baseline's index came from its cache) — or null
    diagnosis                     method, fixed_at, areas {area: verdict}, rows [...], placement
                                  (per slice: starter, sound, reference, submission, place)
    attribution                   note, components [...] or null, and (when it ran)
                                  sum_measured and whole_lift per metric
    unseen                        note, and when it ran (grader.grade.unseen): the unseen
                                  variant's seed, manifest, documents, questions; headline
                                  {shipped, unseen}; drop, baseline_drop, excess with ci95;
                                  margin; slices [{slice, metric, shipped, unseen, n_shipped,
                                  n_unseen, drop, baseline_drop}]
    integrity                     findings [{check, severity, title, detail, evidence}]
    timing                        wall_s, runs {label: {wall_s, candidate_s}}, candidate_s,
                                  harness_s, harness_share
    logs                          {label: path of the run's captured stdout/stderr}
    notes                         the submission's NOTES.md (first 64 KiB) or null
    history                       the evaluation history (grader.grade.submission_history), with
                                  status "submitted" | "empty" | "missing" | "unreadable"
    questions                     one row per hidden question: id, slice, item (what it asks,
                                  the same in every variant; null for older keys), text,
                                  status, scores, evidence, the returned passages and answer,
                                  and the baseline's status, coverage rank and scores
"""

from __future__ import annotations

import datetime
import json
import os
import platform
import sys
from collections.abc import Mapping
from dataclasses import asdict
from importlib import metadata
from pathlib import Path
from typing import Any

from corpus.failure_modes import AREAS
from corpus.variant import GENERATOR_VERSION
from exercise.evaluate import Report
from exercise.latency import LatencyReport
from exercise.metrics import aggregate_groups
from grader.diagnosis import FIXED_AT, area_verdicts
from grader.grade.attribution import additivity
from grader.grade.report_schema import REPORT_SCHEMA
from grader.grade.session import Grade, RunOutcome
from grader.placement import find_calibration, placement

REPORT_NAME = "report.json"
# Each run's questions split by whether the corpus answers them (the question's flag): the
# headline's abstention_accuracy mixes both kinds, so the halves are recorded beside it.
ANSWERABILITY = "answerability"
# not vocabulary: the question line's "unanswerable" flag → the name of its half
ANSWERABILITY_GROUPS = {False: "answerable", True: "unanswerable"}
RATIO_FIGURES = (
    ("build_s", lambda lat: lat.build_s),
    ("search_p50", lambda lat: lat.ops["search"].p50_ms),
    ("search_p95", lambda lat: lat.ops["search"].p95_ms),
    ("search_p99", lambda lat: lat.ops["search"].p99_ms),
    ("answer_p50", lambda lat: lat.ops["answer"].p50_ms),
    ("answer_p95", lambda lat: lat.ops["answer"].p95_ms),
    ("answer_p99", lambda lat: lat.ops["answer"].p99_ms),
    ("peak_rss", lambda lat: lat.peak_rss_mib),
)


def report_json(grade: Grade) -> dict[str, Any]:
    own, base = grade.submission, grade.baseline
    hidden = own.hidden
    # Each run's exercise report serialised once: its run section and the question rows share it.
    own_json = hidden.to_json()
    base_json = base.hidden.to_json() if base is not None else None
    report: dict[str, Any] = {
        "schema": REPORT_SCHEMA,
        "kind": "grade",
        "created": datetime.datetime.fromtimestamp(grade.started, datetime.UTC).isoformat(
            timespec="seconds"
        ),
        "harness": {"version": harness_version(), "generator": GENERATOR_VERSION},
        "submission": {
            "source": str(grade.intake.source),
            "kind": grade.intake.kind,
            "sha256": grade.intake.sha256,
            "git_commit": grade.intake.git_commit,
        },
        "key": {
            "root": str(grade.key.root),
            "candidate": grade.key.record.candidate,
            "profile": grade.key.record.profile.name,
            "variant_manifest_sha256": grade.key.record.variant_manifest_sha256,
            "generator_version": grade.key.record.generator_version,
        },
        "isolation": {
            "backend": grade.sandbox.name,
            "isolated": grade.sandbox.isolated,
            "limits": asdict(grade.sandbox.limits),
            "sandbox_failures": [
                {"run": run.label, "reason": reason}
                for run in grade.runs or (own, base)
                if run is not None
                for reason in run.sandbox_failures
            ],
        },
        "environment": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            "executable": sys.executable,
        },
        "k": hidden.k,
        "judging": vars(hidden.judging).copy(),
        **_run_json(own, own_json, grade),
        "baseline": None,
        "baseline_note": grade.baseline_note,
        "comparison": None,
        "diagnosis": {
            "method": "paired bootstrap of per-question differences, submission − baseline",
            "fixed_at": FIXED_AT,
            "areas": area_verdicts(grade.diagnosis),
            "area_slices": {a.name: list(a.slices) for a in AREAS},
            "rows": [row.to_json() for row in grade.diagnosis],
            # between the starter, the textbook fix and the reference (calibrated figures)
            "placement": placement(
                [row.to_json() for row in grade.diagnosis],
                *find_calibration(grade.key.record.profile.name, grade.key.record.profile_sha256),
            ),
        },
        "attribution": {
            "note": grade.attribution_note,
            "components": (
                [c.to_json() for c in grade.attribution] if grade.attribution is not None else None
            ),
            # how the contributions add up against the whole lift (they need not: fixes interact)
            **(
                additivity(grade.attribution, hidden, base.hidden if base is not None else None)
                if grade.attribution is not None
                else {}
            ),
        },
        "unseen": {
            "note": grade.unseen_note,
            **(grade.unseen.to_json() if grade.unseen is not None else {}),
        },
        "integrity": [finding.to_json() for finding in grade.findings],
        "timing": _timing(grade),
        "logs": {run.label: str(run.log) for run in grade.runs or (own, base) if run is not None},
        "notes": grade.notes,
        "history": grade.history.to_json() if grade.history is not None else None,
        "questions": _questions(own_json, base_json),
    }
    if base is not None:
        report["baseline"] = _run_json(base, base_json, grade)
        report["comparison"] = {
            "metric_delta": {
                key: _minus(hidden.overall.means.get(key), base.hidden.overall.means.get(key))
                for key in hidden.overall.means
            },
            **_latency_comparison(grade, hidden.latency, base.hidden.latency),
        }
    return report


def write_report(grade: Grade, out: Path | None = None) -> Path:
    """Write `report.json` into `out` (default: the grade's output folder); return its path."""
    return save_report(report_json(grade), Path(out or grade.out))


def save_report(report: Mapping[str, Any], folder: Path) -> Path:
    """Write the report dict `report_json` made as `folder/report.json`; return its path."""
    path = Path(folder) / REPORT_NAME
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def _run_json(run: RunOutcome, hidden: Mapping[str, Any], grade: Grade) -> dict[str, Any]:
    return {
        "fatal": hidden["fatal"],
        "statuses": hidden["statuses"],
        "budget": _budget_json(run),
        "overall": run.hidden.overall.to_json(),
        ANSWERABILITY: _answerability(run.hidden, grade),
        "slices": {name: group.to_json() for name, group in run.hidden.groups.items()},
        "latency": hidden["latency"],
        "public": (
            {
                "overall": run.public.overall.to_json(),
                ANSWERABILITY: _answerability(run.public, grade),
                "slices": {name: g.to_json() for name, g in run.public.groups.items()},
                "statuses": dict(run.public.statuses),
            }
            if run.public is not None
            else None
        ),
    }


def _answerability(report: Report, grade: Grade) -> dict[str, Any]:
    """The run's means over its answerable and its unanswerable questions (bootstrapped as the
    overall ones), keyed by ANSWERABILITY_GROUPS."""
    groups = aggregate_groups(
        report.results,
        lambda question: ANSWERABILITY_GROUPS[question.unanswerable],
        resamples=grade.options.resamples,
        seed=grade.options.seed,
    )
    return {name: group.to_json() for name, group in groups.items()}


def _budget_json(run: RunOutcome) -> dict[str, Any] | None:
    """Where the run's total time budget ran out (the run asked hidden, then public questions)."""
    stop = run.budget
    if stop is None:
        return None
    return {
        "run_timeout_s": stop.run_timeout_s,
        "stage": stop.stage,
        "answered": stop.answered,
        "questions": stop.questions,
        "not_reached": stop.not_reached,
        "message": stop.one_line(),
    }


def _questions(
    hidden: Mapping[str, Any], baseline: Mapping[str, Any] | None
) -> list[dict[str, Any]]:
    rows = hidden["questions"]
    base_rows = baseline["questions"] if baseline is not None else [None] * len(rows)
    for row, base in zip(rows, base_rows, strict=True):
        row["slice"] = row["labels"].get("slice")
        row["item"] = row["labels"].get("item")  # what it asks, the same in every variant
        row["baseline"] = (
            {
                "status": base["status"],
                "coverage_rank": base["coverage_rank"],
                "scores": base["scores"],
            }
            if base is not None
            else None
        )
    return rows


def _timing(grade: Grade) -> dict[str, Any]:
    runs = grade.runs or tuple(r for r in (grade.submission, grade.baseline) if r)
    per_run = {r.label: {"wall_s": r.wall_s, "candidate_s": r.candidate_s} for r in runs}
    candidate = sum(r.candidate_s for r in runs)
    harness = max(0.0, grade.wall_s - candidate)
    return {
        "wall_s": grade.wall_s,
        "runs": per_run,
        "candidate_s": candidate,
        "harness_s": harness,
        "harness_share": harness / grade.wall_s if grade.wall_s > 0 else None,
        "note": "candidate time = import + construct + build() + every call, as the child timed "
        "them; harness = the rest (taking the submission in, sandbox and interpreter start, "
        "protocol, judging, scoring)",
    }


def _latency_comparison(grade: Grade, own: LatencyReport, base: LatencyReport) -> dict[str, Any]:
    """The latency ratios: the paired phase's for search and answer (with intervals) when it
    ran, else the two runs' whole-run figures; build over the baseline's uncached build."""
    ratios = _ratios(own, base)
    intervals: dict[str, list[float] | None] = dict.fromkeys(ratios)
    phase = grade.latency
    if phase is not None:
        for name, value in phase.ratios.items():
            ratios[name] = value
            interval = phase.ci95.get(name)
            intervals[name] = list(interval) if interval is not None else None
    build = grade.baseline_build_s
    ratios["build_s"] = own.build_s / build if own.build_s is not None and build else None
    rss = grade.baseline_peak_rss_mib
    mine = own.peak_rss_mib
    ratios["peak_rss"] = mine / rss if mine is not None and rss else None
    return {
        "latency_ratio": ratios,
        "latency_ratio_ci95": intervals,
        "latency_phase": {
            **(phase.to_json() if phase is not None else {}),
            "ran": phase is not None,
            "note": grade.latency_note,
        },
        "baseline_build": {
            "build_s": build,
            "peak_rss_mib": rss,
            "cache": grade.baseline_cache_note,
        },
    }


def _ratios(own: LatencyReport, base: LatencyReport) -> dict[str, float | None]:
    ratios: dict[str, float | None] = {}
    for name, figure in RATIO_FIGURES:
        mine, theirs = figure(own), figure(base)
        ratios[name] = mine / theirs if mine is not None and theirs else None
    return ratios


def _minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def harness_version() -> str | None:
    try:
        return metadata.version("rag-takehome")
    except metadata.PackageNotFoundError:
        return None
