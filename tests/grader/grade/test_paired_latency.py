"""The grade's latency phase end to end (unisolated, stand-in pipelines that sleep a known time
per call): answer latency is timed on questions the child has not just searched, the report
carries the paired ratios with intervals and the load average, and the baseline's work dir is
restored from its cache on the next grade."""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import replace

import pytest

from grader.grade import host_cpu
from grader.grade.latency_phase import PER_ROUND, ROUNDS, WARMUP
from grader.grade.report_file import report_json
from grader.grade.runs import BASELINE_THREADS
from grader.grade.session import grade
from grader.reports.html import render_html
from grader.reports.markdown import render_markdown
from tests.grader.grading import (
    BASELINE_S,
    HIDDEN_ONLY,
    LAST_SEARCH,
    MEDIUM_HIDDEN,
    SEARCH_S,
    SPINS_WHILE_WAITING,
    STEADY,
    bwrap_or_skip,
    fake_baseline,
    submission_from,
)

OPTIONS = replace(HIDDEN_ONLY, resamples=200)
# a grade whose baseline builds in the session, with the smallest phase: 4 questions in 1 round
UNCACHED_SHORT_PHASE = {"use_baseline_cache": False, "latency_rounds": 1, "latency_per_round": 4}


@pytest.fixture(scope="module")
def graded(bundle, key, tmp_path_factory):
    """Two grades of the last-search submission against the steady baseline, one cache."""
    monkeypatch = pytest.MonkeyPatch()
    fake_baseline(monkeypatch, STEADY)
    quiet_host(monkeypatch)
    tmp = tmp_path_factory.mktemp("paired")
    submission = submission_from(bundle, tmp / "s", LAST_SEARCH)
    options = replace(OPTIONS, baseline_cache=tmp / "cache")
    try:
        first = report_json(grade(submission, key, tmp / "one", options))
        second = report_json(grade(submission, key, tmp / "two", options))
    finally:
        monkeypatch.undo()
    return first, second


def quiet_host(monkeypatch) -> None:
    """Whatever else runs here, the phase reads a quiet host (these tests are of its figures)."""
    monkeypatch.setattr(host_cpu, "others_cores", lambda first, last: 0.0)


def test_a_cache_of_the_last_search_does_not_hide_the_answer_cost(graded):
    report, _ = graded
    ratio = report["comparison"]["latency_ratio"]
    # answering costs one search: SEARCH_S / BASELINE_S = 3× the baseline's answer; answered
    # right after the same search it would cost microseconds (a ratio near 0)
    assert ratio["answer_p50"] >= 0.6 * SEARCH_S / BASELINE_S
    assert ratio["search_p50"] >= 0.6 * SEARCH_S / BASELINE_S
    # the whole run still answers right after searching, where the cache hides it
    assert report["latency"]["ops"]["answer"]["p50_ms"] < SEARCH_S * 1000 / 2


def test_the_report_shows_the_paired_phase_its_intervals_and_the_load(graded):
    report, _ = graded
    comparison = report["comparison"]
    phase = comparison["latency_phase"]
    sample = ROUNDS * PER_ROUND  # a medium key has more hidden questions than that and the warm-up
    assert WARMUP + sample <= MEDIUM_HIDDEN
    assert phase["ran"] and phase["rounds"] == ROUNDS and phase["questions"] == sample
    assert phase["note"].startswith(f"{WARMUP} questions to warm both children up (not timed)")
    assert phase["pairs"] == {"search": sample // 2, "answer": sample // 2}
    assert phase["p50_estimate"] == "hodges-lehmann"
    low, high = comparison["latency_ratio_ci95"]["answer_p50"]
    assert low <= comparison["latency_ratio"]["answer_p50"] <= high
    assert phase["load_average"]["samples"] == ROUNDS + 1  # the start and each round's end
    assert phase["others_cores"] == 0.0 and phase["attempts"] == 1
    assert "other processes used 0.00 cores meanwhile (a quiet host)" in phase["note"]
    assert len(phase["timings"]) == sample and phase["timings"][0]["question"].startswith("h")
    assert comparison["latency_ratio_ci95"]["build_s"] is None  # one build each: not paired
    # quality is still scored on every question, each asked once
    statuses = report["statuses"]  # the stand-in's made-up passage is judged invalid
    assert statuses["ok"] + statuses["invalid"] == MEDIUM_HIDDEN == sum(statuses.values())
    assert all(q["baseline"]["status"] == "ok" for q in report["questions"])


def test_the_baseline_index_is_restored_from_its_cache_on_the_next_grade(graded):
    first, second = graded
    assert first["comparison"]["baseline_build"]["cache"].startswith("built and stored in ")
    assert second["comparison"]["baseline_build"]["cache"].startswith("index restored from ")
    # the build and memory ratios divide by the run that filled the cache, not by a restore
    for figure in ("build_s", "peak_rss_mib"):
        assert (
            first["comparison"]["baseline_build"][figure]
            == (second["comparison"]["baseline_build"][figure])
        )


def test_the_next_grade_asks_the_baseline_only_the_latency_sample(graded):
    first, second = graded
    note = second["comparison"]["baseline_build"]["cache"]
    asked = second["comparison"]["latency_phase"]["questions"] + WARMUP  # the phase's
    recalled = MEDIUM_HIDDEN - asked
    assert f"{recalled} of {MEDIUM_HIDDEN} questions' results recalled" in note
    # the same code on the same corpus: the recalled results score as the asked ones did
    assert [q["baseline"] for q in second["questions"]] == [
        q["baseline"] for q in first["questions"]
    ]
    for part in ("overall", "slices", "statuses"):
        assert second["baseline"][part] == first["baseline"][part]
    # only the sample was timed in this grade
    for op in ("search", "answer"):
        timed = second["baseline"]["latency"]["ops"][op]
        assert timed["calls"] == asked
        assert timed["failed"] == 0


@pytest.fixture
def grade_stand_ins(bundle, key, tmp_path, monkeypatch) -> Callable[..., dict]:
    """Call with stand-in pipelines `own` and `base` (and GradeOptions to change from
    HIDDEN_ONLY): report.json of a grade of `own` against the baseline `base` on a quiet host,
    its output in the test's tmp_path / "out"."""

    def run(own: str, base: str, **options) -> dict:
        fake_baseline(monkeypatch, base)
        quiet_host(monkeypatch)
        submission = submission_from(bundle, tmp_path / "s", own)
        changed = replace(HIDDEN_ONLY, **options)
        return report_json(grade(submission, key, tmp_path / "out", changed))

    return run


def test_without_the_cache_the_baseline_builds_in_the_session(grade_stand_ins):
    report = grade_stand_ins(LAST_SEARCH, STEADY, **UNCACHED_SHORT_PHASE)
    assert report["comparison"]["baseline_build"]["cache"] == "not used (--no-baseline-cache)"
    assert report["comparison"]["latency_phase"]["pairs"] == {"search": 2, "answer": 2}


def test_under_bwrap_the_submission_is_frozen_while_the_baseline_works(grade_stand_ins, tmp_path):
    bwrap_or_skip()
    report = grade_stand_ins(
        SPINS_WHILE_WAITING,
        STEADY,
        isolation="bwrap",
        baseline_cache=tmp_path / "cache",
        latency_rounds=2,
        latency_per_round=4,
    )
    phase = report["comparison"]["latency_phase"]
    assert phase["ran"] and "frozen whenever the baseline's worked" in phase["note"]
    assert report["statuses"]["ok"] == MEDIUM_HIDDEN


def test_markdown_and_html_show_the_intervals_and_the_load(graded):
    report, _ = graded
    low, high = report["comparison"]["latency_ratio_ci95"]["answer_p50"]
    interval = f"[{low:.2f}–{high:.2f}]"
    load = report["comparison"]["latency_phase"]["load_average"]["one_minute_mean"]
    for text in (render_markdown(report), render_html(report)):
        assert interval in text
        assert f"load average {load:.1f}" in text
        pairs = ROUNDS * PER_ROUND // 2
        assert f"{pairs} search and {pairs} answer pairs" in text
        assert "p50 = Hodges–Lehmann centre of the paired ratios" in text


# prints the thread pool size it was started with into its log, then answers like STEADY
REPORTS_THREADS = STEADY.replace(
    "    def build(self):\n        pass\n",
    "    def build(self):\n"
    "        import os\n"
    "        print('thread pools:', os.environ.get('OMP_NUM_THREADS'), flush=True)\n",
)


@pytest.mark.parametrize("isolation", ["none", "bwrap"])
def test_the_baseline_runs_on_one_thread_and_the_submission_on_its_budget(
    isolation, grade_stand_ins, tmp_path
):
    if isolation == "bwrap":
        bwrap_or_skip()
    report = grade_stand_ins(
        REPORTS_THREADS, REPORTS_THREADS, isolation=isolation, **UNCACHED_SHORT_PHASE
    )
    out = tmp_path / "out"
    cpus = int(report["isolation"]["limits"]["cpus"])
    assert cpus > BASELINE_THREADS == 1
    assert f"thread pools: {BASELINE_THREADS}\n" in (out / "logs" / "baseline.log").read_text()
    # a sandbox sizes the submission's pools to its CPU budget; unisolated, it has the grader's
    own = str(cpus) if isolation == "bwrap" else os.environ.get("OMP_NUM_THREADS")
    assert f"thread pools: {own}\n" in (out / "logs" / "submission.log").read_text()
    phase = report["comparison"]["latency_phase"]
    assert phase["baseline_threads"] == BASELINE_THREADS
    assert "the starter on one thread" in render_markdown(report)
