"""Component-swap attribution with a fake grading run (no pipeline is ever started).

The fake `run_hidden` looks at which component file of the swapped copy is the baseline's and
returns the report written for that swap; metric values are multiples of 1/8, so every
difference below is exact in floating point.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

import pytest

from corpus.failure_modes import COMPONENTS
from exercise.evaluate import Report
from exercise.judging import Status
from exercise.latency import LatencyReport
from exercise.loading import JudgingConfig
from exercise.metrics import GroupMetrics
from exercise.protocol import ErrorInfo
from exercise.runner import Fatal
from grader.catalogue import SETTINGS_FILE, assemble
from grader.grade.attribution import (
    FAILED_SHARE,
    METRICS,
    SLICE_METRIC,
    Contribution,
    additivity,
    attribute,
    layout_problem,
)
from tests.grader.catalogue.helpers import PLANTED

Means = Mapping[str, float | None]


def group(means: Means) -> GroupMetrics:
    return GroupMetrics(n=8, means=dict(means), ci95={m: None for m in means}, support={})


def report(
    overall: Means,
    groups: Mapping[str, Means] | None = None,
    fatal: Fatal | None = None,
    statuses: Mapping[str, int] | None = None,
) -> Report:
    """A hidden-question report holding only what attribution reads: means, groups, fatal and
    the status counts."""
    return Report(
        k=10,
        judging=JudgingConfig(),
        fatal=fatal,
        results=(),
        overall=group(overall),
        groups={name: group(means) for name, means in (groups or {}).items()},
        latency=LatencyReport(build_s=None, ops={}, peak_rss_mib=None, restarts=0),
        statuses=dict(statuses or {}),
        log_path=None,
    )


def starter(root: Path) -> Path:
    """A starter-layout package: rag/<component>.py for every component, plus a pipeline."""
    (root / "rag").mkdir(parents=True)
    for component in COMPONENTS:
        (root / "rag" / f"{component}.py").write_text(f"# baseline {component}\n")
    (root / "rag" / "pipeline.py").write_text("# baseline pipeline\n")
    return root


def submission_changing(root: Path, *components: str) -> Path:
    """The starter with `components` rewritten, a pipeline of its own and an extra data file."""
    starter(root)
    for component in components:
        (root / "rag" / f"{component}.py").write_text(f"# candidate {component}\n")
    (root / "rag" / "pipeline.py").write_text("# candidate pipeline\n")
    (root / "rag" / "vocab.json").write_text("{}\n")
    return root


# The submission's own hidden report: two slices, one of them the unanswerable one (no recall).
OWN = report(
    {
        "recall@5": 6 / 8,
        "recall@1": 4 / 8,
        "answer_accuracy": 5 / 8,
        "citation_precision": None,
        "abstention_accuracy": 7 / 8,
    },
    {
        "lookup": {"recall@5": 7 / 8, "abstention_accuracy": None},
        "unanswerable": {"recall@5": None, "abstention_accuracy": 6 / 8},
        "multi_hop": {"recall@5": 3 / 8, "abstention_accuracy": None},
    },
)


class FakeRuns:
    """run_hidden: records each call, checks the swapped copy, returns the swap's report."""

    def __init__(self, baseline: Path, submission: Path, reports: Mapping[str, Report]) -> None:
        self.baseline, self.submission, self.reports = baseline, submission, reports
        self.calls: list[tuple[Path, str]] = []

    def __call__(self, root: Path, label: str) -> Report:
        self.calls.append((root, label))
        swapped = [
            c
            for c in COMPONENTS
            if (root / "rag" / f"{c}.py").read_bytes()
            == (self.baseline / "rag" / f"{c}.py").read_bytes()
            and (root / "rag" / f"{c}.py").read_bytes()
            != (self.submission / "rag" / f"{c}.py").read_bytes()
        ]
        assert len(swapped) == 1, f"exactly one component is the baseline's, got {swapped}"
        return self.reports[swapped[0]]


# --- layout_problem ----------------------------------------------------------------------------


def test_a_starter_layout_on_both_sides_can_be_attributed(tmp_path: Path) -> None:
    assert layout_problem(starter(tmp_path / "sub"), starter(tmp_path / "base")) is None


@pytest.mark.parametrize("side", ["submission", "baseline"])
def test_a_missing_component_module_names_the_side_and_the_first_missing_file(
    tmp_path: Path, side: str
) -> None:
    roots = {"submission": starter(tmp_path / "sub"), "baseline": starter(tmp_path / "base")}
    for component in COMPONENTS[1:]:  # every one but the first: the message names COMPONENTS[1]
        (roots[side] / "rag" / f"{component}.py").unlink()
    assert layout_problem(roots["submission"], roots["baseline"]) == (
        f"the {side} has no rag/{COMPONENTS[1]}.py (the starter's module layout is needed)"
    )


def test_the_submission_is_checked_before_the_baseline(tmp_path: Path) -> None:
    assert layout_problem(tmp_path / "sub", tmp_path / "base") == (
        f"the submission has no rag/{COMPONENTS[0]}.py (the starter's module layout is needed)"
    )


# --- attribute ---------------------------------------------------------------------------------


def test_unchanged_components_are_not_run(tmp_path: Path) -> None:
    baseline = starter(tmp_path / "base")
    submission = submission_changing(tmp_path / "sub")  # pipeline.py differs, no component does
    runs = FakeRuns(baseline, submission, {})
    found = attribute(submission, baseline, tmp_path / "scratch", OWN, runs)
    assert runs.calls == []
    assert found == [Contribution(c, "unchanged", "as shipped") for c in COMPONENTS]


def test_a_changed_component_is_swapped_back_in_a_copy_and_measured(tmp_path: Path) -> None:
    baseline = starter(tmp_path / "base")
    submission = submission_changing(tmp_path / "sub", "retrieval")
    before = {p: p.read_bytes() for p in submission.rglob("*") if p.is_file()}
    swapped = report(
        {
            "recall@5": 2 / 8,
            "recall@1": 1 / 8,
            "answer_accuracy": 5 / 8,
            "citation_precision": 3 / 8,
            "abstention_accuracy": None,
        },
        {
            "lookup": {"recall@5": 4 / 8, "abstention_accuracy": None},
            "unanswerable": {"recall@5": None, "abstention_accuracy": 2 / 8},
            # multi_hop missing from the swapped run
        },
    )
    runs = FakeRuns(baseline, submission, {"retrieval": swapped})
    messages: list[str] = []
    found = attribute(
        submission, baseline, tmp_path / "scratch", OWN, runs, progress=messages.append
    )

    copy = tmp_path / "scratch" / "swap-retrieval"
    assert runs.calls == [(copy, "swap-retrieval")]
    assert (copy / "rag" / "retrieval.py").read_text() == "# baseline retrieval\n"
    assert (copy / "rag" / "pipeline.py").read_text() == "# candidate pipeline\n"
    assert (copy / "rag" / "vocab.json").is_file()
    assert {p: p.read_bytes() for p in submission.rglob("*") if p.is_file()} == before
    assert messages == ["attribution: retrieval swapped for the baseline's"]

    by_component = {c.component: c for c in found}
    assert [c.component for c in found] == list(COMPONENTS)
    assert {c.status for n, c in by_component.items() if n != "retrieval"} == {"unchanged"}
    measured = by_component["retrieval"]
    assert (measured.status, measured.reason) == ("measured", "")
    assert measured.swapped == {m: swapped.overall.means[m] for m in METRICS}
    # own − swapped; None where either side has no value
    assert measured.contribution == {
        "recall@5": 6 / 8 - 2 / 8,
        "recall@1": 4 / 8 - 1 / 8,
        "answer_accuracy": 0.0,
        "citation_precision": None,  # the submission's own value is None
        "abstention_accuracy": None,  # the swapped value is None
    }
    assert measured.slices == {
        "lookup": 7 / 8 - 4 / 8,  # SLICE_METRIC
        "unanswerable": 6 / 8 - 2 / 8,  # no SLICE_METRIC here: abstention_accuracy
        "multi_hop": None,  # the swapped run has no such slice
    }
    assert SLICE_METRIC == "recall@5"


def test_each_changed_component_is_swapped_alone(tmp_path: Path) -> None:
    baseline = starter(tmp_path / "base")
    changed = ("chunking", "answering")
    submission = submission_changing(tmp_path / "sub", *changed)
    # swapping chunking back costs 3/8 recall@5, swapping answering back costs nothing there
    reports = {
        "chunking": report({"recall@5": 3 / 8}),
        "answering": report({"recall@5": 6 / 8}),
    }
    runs = FakeRuns(baseline, submission, reports)
    found = {c.component: c for c in attribute(submission, baseline, tmp_path, OWN, runs)}
    assert [label for _, label in runs.calls] == [f"swap-{c}" for c in changed]
    assert found["chunking"].contribution["recall@5"] == 6 / 8 - 3 / 8
    assert found["answering"].contribution["recall@5"] == 0.0
    assert found["chunking"].contribution["recall@1"] is None  # the swapped run has no recall@1


def test_a_swap_that_breaks_the_pipeline_is_not_attributable_not_zero(tmp_path: Path) -> None:
    baseline = starter(tmp_path / "base")
    submission = submission_changing(tmp_path / "sub", "embedding", "reranking")
    fatal = Fatal(
        "import",
        Status.ERROR,
        "ImportError: cannot import name 'Embedder'",
        ErrorInfo("ImportError", "cannot import name 'Embedder'", ""),
    )
    reports = {
        "embedding": report({}, fatal=fatal),
        "reranking": report({"recall@5": 5 / 8}),
    }
    found = {
        c.component: c
        for c in attribute(
            submission, baseline, tmp_path, OWN, FakeRuns(baseline, submission, reports)
        )
    }
    broken = found["embedding"]
    reason = f"the starter's embedding does not fit this code: {fatal.one_line()}"
    assert broken == Contribution("embedding", "not attributable", reason)
    assert broken.to_json() == {
        "component": "embedding",
        "status": "not attributable",
        "reason": "the starter's embedding does not fit this code: submission failed at import: "
        "ImportError: cannot import name 'Embedder'",
        "swapped": None,
        "contribution": None,
        "slices": None,
    }
    # the next swap still runs
    assert found["reranking"].status == "measured"
    assert found["reranking"].contribution["recall@5"] == 6 / 8 - 5 / 8


def test_a_measured_contribution_serialises_its_mappings(tmp_path: Path) -> None:
    baseline = starter(tmp_path / "base")
    submission = submission_changing(tmp_path / "sub", "retrieval")
    swapped = report({"recall@5": 2 / 8}, {"lookup": {"recall@5": 5 / 8}})
    runs = FakeRuns(baseline, submission, {"retrieval": swapped})
    measured = attribute(submission, baseline, tmp_path, OWN, runs)[COMPONENTS.index("retrieval")]
    data = measured.to_json()
    assert data["status"] == "measured"
    assert data["swapped"] == {m: (2 / 8 if m == "recall@5" else None) for m in METRICS}
    assert data["contribution"]["recall@5"] == 6 / 8 - 2 / 8
    assert data["slices"] == {"lookup": 7 / 8 - 5 / 8, "unanswerable": None, "multi_hop": None}


def test_a_chunk_size_changed_in_settings_is_credited_to_chunking_and_swapped_back(tmp_path):
    baseline = tmp_path / "baseline"
    assemble(PLANTED, baseline, chunk_size=500)
    submission = tmp_path / "submission"
    shutil.copytree(baseline, submission)
    settings = submission / "rag" / SETTINGS_FILE
    settings.write_text(settings.read_text().replace("= 500", "= 300"), encoding="utf-8")
    swapped_settings = {}

    def run_hidden(root, label):
        swapped_settings[label] = (root / "rag" / SETTINGS_FILE).read_text()
        return report(dict.fromkeys(METRICS, 0.25))

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    found = {
        c.component: c
        for c in attribute(
            submission, baseline, scratch, report(dict.fromkeys(METRICS, 0.75)), run_hidden
        )
    }
    assert found["chunking"].status == "measured"
    assert found["chunking"].contribution["recall@5"] == 0.75 - 0.25
    assert {c: found[c].status for c in found if c != "chunking"} == dict.fromkeys(
        [c for c in COMPONENTS if c != "chunking"], "unchanged"
    )
    # the swap restored the baseline's chunker together with the settings it reads
    assert swapped_settings == {"swap-chunking": (baseline / "rag" / SETTINGS_FILE).read_text()}


# --- not attributable, and how contributions add up -----------------------------------------

# The whole starter: recall@5 2/8, answer accuracy 1/8 (OWN has 6/8 and 5/8).
STARTER = report(dict.fromkeys(METRICS, None) | {"recall@5": 2 / 8, "answer_accuracy": 1 / 8})


def test_a_swap_that_falls_below_the_whole_starter_is_not_attributable(tmp_path: Path) -> None:
    # a reorganised rag/: the starter's chunker in it returns nothing usable (recall 0), while
    # the starter's reranker only costs what reranking brings
    baseline = starter(tmp_path / "base")
    submission = submission_changing(tmp_path / "sub", "chunking", "reranking")
    reports = {
        "chunking": report({"recall@5": 0.0, "answer_accuracy": 0.0}),
        "reranking": report({"recall@5": 5 / 8, "answer_accuracy": 4 / 8}),
    }
    runs = FakeRuns(baseline, submission, reports)
    found = {
        c.component: c
        for c in attribute(submission, baseline, tmp_path, OWN, runs, starter_report=STARTER)
    }
    chunking = found["chunking"]
    assert chunking.status == "not attributable" and chunking.contribution is None
    assert "recall@5 falls to 0.00, below the whole starter's 0.25" in chunking.reason
    assert chunking.swapped["recall@5"] == 0.0  # what the swap did, kept for the record
    assert found["reranking"].status == "measured"
    assert found["reranking"].contribution["recall@5"] == 6 / 8 - 5 / 8
    # at the starter's level (the fix is the whole lift) is measured, not a misfit
    alone = submission_changing(tmp_path / "alone", "chunking")
    at_floor = {"chunking": report({"recall@5": 2 / 8, "answer_accuracy": 1 / 8})}
    runs = FakeRuns(baseline, alone, at_floor)
    (measured, *_) = attribute(alone, baseline, tmp_path / "s2", OWN, runs, starter_report=STARTER)
    assert measured.status == "measured" and measured.contribution["recall@5"] == 4 / 8


def test_a_swap_that_makes_questions_fail_is_not_attributable(tmp_path: Path) -> None:
    baseline = starter(tmp_path / "base")
    submission = submission_changing(tmp_path / "sub", "answering")
    failing = int(FAILED_SHARE * 100) + 1  # of 100 questions
    reports = {
        "answering": report(
            {"recall@5": 6 / 8, "answer_accuracy": 3 / 8},
            statuses={"ok": 100 - failing, "invalid": failing},
        )
    }
    found = attribute(submission, baseline, tmp_path, OWN, FakeRuns(baseline, submission, reports))[
        COMPONENTS.index("answering")
    ]
    assert found.status == "not attributable"
    assert f"{failing} more of 100 questions failed" in found.reason


def test_the_contributions_are_added_up_beside_the_whole_lift() -> None:
    contributions = [
        Contribution("chunking", "measured", contribution={"recall@5": 5 / 8, "recall@1": None}),
        Contribution("reranking", "measured", contribution={"recall@5": 3 / 8, "recall@1": 2 / 8}),
        Contribution("embedding", "not attributable", "broke", swapped={"recall@5": 0.0}),
        Contribution("answering", "unchanged", "as shipped"),
    ]
    found = additivity(contributions, OWN, STARTER)
    # 5/8 + 3/8 = 1.0 lost in parts against a whole lift of 6/8 − 2/8: the fixes interact
    assert found["sum_measured"]["recall@5"] == 1.0
    assert found["whole_lift"]["recall@5"] == 4 / 8
    assert found["sum_measured"]["recall@1"] == 2 / 8
    assert found["sum_measured"]["answer_accuracy"] is None  # nothing measured it
    assert additivity(contributions, OWN, None)["whole_lift"]["recall@5"] is None
