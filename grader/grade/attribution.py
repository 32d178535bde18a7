"""Component-swap attribution: how much each of the candidate's components contributes.

For a submission that keeps the starter's module layout (`rag/<component>.py` for every component
of `corpus.failure_modes.COMPONENTS`), each component the candidate changed is swapped back for the
baseline's and the submission re-graded on the hidden questions; the drop from the submission's
own score is that component's contribution. Components left as shipped are not re-run (their
contribution is zero by construction). A component is its module plus, when the baseline's module
reads it, `rag/settings.py` (the planted chunker's chunk size). A swap is "not attributable",
neither a zero nor a contribution, when the starter's module does not fit the candidate's code: the
run cannot start, more than FAILED_SHARE of its questions fail beyond the submission's own, or one
of FLOOR_METRICS falls clearly below the whole starter's (one starter part in an otherwise better
pipeline should not do worse than the starter itself; when it does, the parts no longer fit and
the drop measures the break, not the component).

Contributions are "what the submission loses without this one component"; they need not add up
to the whole lift over the starter (fixes interact). `additivity` puts their sum beside that lift
so a reader sees how far apart they are.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.failure_modes import COMPONENTS
from exercise.evaluate import Report
from exercise.judging import Status
from grader.catalogue import SETTINGS_FILE, reads_settings, sibling_imports

METRICS = ("recall@5", "recall@1", "answer_accuracy", "citation_precision", "abstention_accuracy")
SLICE_METRIC = "recall@5"  # per slice; the unanswerable slice uses abstention_accuracy
MEASURED, UNCHANGED, NOT_ATTRIBUTABLE = "measured", "unchanged", "not attributable"
FLOOR_METRICS = ("recall@5", "answer_accuracy")  # a swap below the starter on one: not attributable
FLOOR_MARGIN = 0.05  # how far below the starter's own value counts as "clearly below"
FAILED_SHARE = 0.10  # share of questions newly failing (error, timeout, invalid) that breaks it

# run(submission_root, label) -> the hidden-question report of that submission
RunHidden = Callable[[Path, str], Report]


@dataclass(frozen=True)
class Contribution:
    component: str
    status: str  # MEASURED, UNCHANGED (as shipped) or NOT_ATTRIBUTABLE (the swap broke it)
    reason: str = ""
    swapped: Mapping[str, float | None] | None = None  # metrics with the baseline's component
    contribution: Mapping[str, float | None] | None = None  # submission − swapped, per metric
    slices: Mapping[str, float | None] | None = (
        None  # submission − swapped per slice (SLICE_METRIC)
    )

    def to_json(self) -> dict[str, Any]:
        return {
            "component": self.component,
            "status": self.status,
            "reason": self.reason,
            "swapped": dict(self.swapped) if self.swapped is not None else None,
            "contribution": dict(self.contribution) if self.contribution is not None else None,
            "slices": dict(self.slices) if self.slices is not None else None,
        }


def layout_problem(submission: Path, baseline: Path) -> str | None:
    """Why attribution cannot run on this submission, or None when it can."""
    for root, who in ((submission, "the submission"), (baseline, "the baseline")):
        missing = [c for c in COMPONENTS if not (root / "rag" / f"{c}.py").is_file()]
        if missing:
            return f"{who} has no rag/{missing[0]}.py (the starter's module layout is needed)"
    return None


def attribute(
    submission: Path,
    baseline: Path,
    scratch: Path,
    submission_report: Report,
    run_hidden: RunHidden,
    progress: Callable[[str], None] | None = None,
    *,
    starter_report: Report | None = None,
) -> list[Contribution]:
    """One `Contribution` per component (see the module docstring); `starter_report` (the
    baseline's own hidden report) sets the floor a swap must not fall clearly below."""
    say = progress or (lambda _message: None)
    own = _metrics(submission_report)
    results = []
    for component in COMPONENTS:
        files = _component_files(baseline, component)
        if all(_same(submission / "rag" / f, baseline / "rag" / f) for f in files):
            results.append(Contribution(component, UNCHANGED, "as shipped"))
            continue
        say(f"attribution: {component} swapped for the baseline's")
        swapped_root = scratch / f"swap-{component}"
        shutil.copytree(submission, swapped_root)
        for name in files:
            shutil.copyfile(baseline / "rag" / name, swapped_root / "rag" / name)
            # the baseline's module may need a sibling the submission dropped (rag/terms.py)
            for sibling in sibling_imports((baseline / "rag" / name).read_text(encoding="utf-8")):
                needed = swapped_root / "rag" / f"{sibling}.py"
                if not needed.exists() and (baseline / "rag" / f"{sibling}.py").is_file():
                    shutil.copyfile(baseline / "rag" / f"{sibling}.py", needed)
        report = run_hidden(swapped_root, f"swap-{component}")
        if report.fatal is not None:
            reason = f"the starter's {component} does not fit this code: {report.fatal.one_line()}"
            results.append(Contribution(component, NOT_ATTRIBUTABLE, reason))
            continue
        swapped = _metrics(report)
        broken = _misfit(component, submission_report, report, starter_report)
        if broken is not None:
            results.append(Contribution(component, NOT_ATTRIBUTABLE, broken, swapped=swapped))
            continue
        results.append(
            Contribution(
                component,
                MEASURED,
                swapped=swapped,
                contribution={
                    m: None if own[m] is None or swapped[m] is None else own[m] - swapped[m]
                    for m in METRICS
                },
                slices=_slice_deltas(submission_report, report),
            )
        )
    return results


def additivity(
    contributions: Sequence[Contribution], own: Report, starter: Report | None
) -> dict[str, dict[str, float | None]]:
    """Per metric, the sum of the measured contributions and the whole lift over the starter
    (None where nothing was measured, or without a starter)."""
    measured = [c.contribution for c in contributions if c.status == MEASURED and c.contribution]
    sums: dict[str, float | None] = {}
    for metric in METRICS:
        values = [c[metric] for c in measured if c.get(metric) is not None]
        sums[metric] = sum(values) if values else None
    mine = _metrics(own)
    theirs = _metrics(starter) if starter is not None else dict.fromkeys(METRICS)
    whole = {
        m: None if mine[m] is None or theirs[m] is None else mine[m] - theirs[m] for m in METRICS
    }
    return {"sum_measured": sums, "whole_lift": whole}


def _misfit(component: str, own: Report, swapped: Report, starter: Report | None) -> str | None:
    """Why the swapped run measures a break rather than the component, or None."""
    failing = _failing(swapped) - _failing(own)
    total = sum(swapped.statuses.values())
    if total and failing > FAILED_SHARE * total:
        return (
            f"with the starter's {component}, {failing} more of {total} questions failed (error, "
            "timeout or invalid): it does not fit this code's interfaces"
        )
    if starter is None:
        return None
    for metric in FLOOR_METRICS:
        mine = own.overall.means.get(metric)
        theirs = swapped.overall.means.get(metric)
        floor = starter.overall.means.get(metric)
        if mine is None or theirs is None or floor is None:
            continue
        if mine >= floor and theirs < floor - FLOOR_MARGIN:
            return (
                f"with the starter's {component}, {metric} falls to {theirs:.2f}, below the "
                f"whole starter's {floor:.2f}: the parts no longer fit, so the drop measures "
                f"the break, not {component}"
            )
    return None


def _failing(report: Report) -> int:
    return sum(count for status, count in report.statuses.items() if status != Status.OK)


def _component_files(baseline: Path, component: str) -> list[str]:
    """The rag/ files that make up `component` as the baseline ships it: its module, and the
    settings module when it reads one (the planted chunker's chunk size lives there)."""
    module = f"{component}.py"
    reads = reads_settings((baseline / "rag" / module).read_text(encoding="utf-8"))
    return [module, SETTINGS_FILE] if reads else [module]


def _same(mine: Path, theirs: Path) -> bool:
    return mine.is_file() and mine.read_bytes() == theirs.read_bytes()


def _metrics(report: Report) -> dict[str, float | None]:
    return {m: report.overall.means.get(m) for m in METRICS}


def _slice_deltas(own: Report, swapped: Report) -> dict[str, float | None]:
    deltas: dict[str, float | None] = {}
    for name, group in own.groups.items():
        metric = (
            SLICE_METRIC if group.means.get(SLICE_METRIC) is not None else "abstention_accuracy"
        )
        mine = group.means.get(metric)
        other = swapped.groups[name].means.get(metric) if name in swapped.groups else None
        deltas[name] = None if mine is None or other is None else mine - other
    return deltas
