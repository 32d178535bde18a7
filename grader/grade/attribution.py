"""Component-swap attribution: how much each of the candidate's components contributes.

For a submission that keeps the starter's module layout (`rag/<component>.py` for every component
of `corpus.failure_modes.COMPONENTS`), each component the candidate changed is swapped back for the
baseline's and the submission re-graded on the hidden questions; the drop from the submission's
own score is that component's contribution. Components left as shipped are not re-run (their
contribution is zero by construction). A component is its module plus, when the baseline's module
reads it, `rag/settings.py` (the planted chunker's chunk size). A swap whose run cannot start
(the candidate changed a seam the baseline module no longer fits) is reported as "incompatible",
not as a zero.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.failure_modes import COMPONENTS
from exercise.evaluate import Report
from grader.catalogue import SETTINGS_FILE, reads_settings, sibling_imports

METRICS = ("recall@5", "recall@1", "answer_accuracy", "citation_precision", "abstention_accuracy")
SLICE_METRIC = "recall@5"  # per slice; the unanswerable slice uses abstention_accuracy

# run(submission_root, label) -> the hidden-question report of that submission
RunHidden = Callable[[Path, str], Report]


@dataclass(frozen=True)
class Contribution:
    component: str
    status: str  # "measured", "unchanged" (as shipped), "incompatible" (the swap did not run)
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
) -> list[Contribution]:
    """One `Contribution` per component (see the module docstring)."""
    say = progress or (lambda _message: None)
    own = _metrics(submission_report)
    results = []
    for component in COMPONENTS:
        files = _component_files(baseline, component)
        if all(_same(submission / "rag" / f, baseline / "rag" / f) for f in files):
            results.append(Contribution(component, "unchanged", "as shipped"))
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
            results.append(Contribution(component, "incompatible", report.fatal.one_line()))
            continue
        swapped = _metrics(report)
        results.append(
            Contribution(
                component,
                "measured",
                swapped=swapped,
                contribution={
                    m: None if own[m] is None or swapped[m] is None else own[m] - swapped[m]
                    for m in METRICS
                },
                slices=_slice_deltas(submission_report, report),
            )
        )
    return results


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
