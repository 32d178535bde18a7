"""The latency phase on a busy host (`grader.grade.runs`): waited out before the rounds, asked
again on fresh questions after a busy phase, and the less busy attempt kept when the host stays
busy. The host's readings are made up, in turn, so these tests time nothing and run beside the
other tests (not `serial`)."""

from __future__ import annotations

from dataclasses import replace

from grader.grade import host_cpu, latency_phase
from grader.grade.report_file import report_json
from grader.grade.session import grade
from tests.grader.grading import (
    HIDDEN_ONLY,
    LAST_SEARCH,
    MEDIUM_HIDDEN,
    STEADY,
    fake_baseline,
    submission_from,
)


def graded_beside(bundle, key, tmp_path, monkeypatch, readings, **timing) -> dict:
    """The report of a grade (2 rounds of 4) whose host readings (cores other processes used)
    are `readings`, in turn, with the phase's waits shortened (`timing` overrides more)."""
    fake_baseline(monkeypatch, STEADY)
    values = iter(readings)
    monkeypatch.setattr(host_cpu, "others_cores", lambda first, last: next(values))
    for name, value in {"QUIET_WINDOW_S": 0.01, **timing}.items():
        monkeypatch.setattr(latency_phase, name, value)
    submission = submission_from(bundle, tmp_path / "s", LAST_SEARCH)
    options = replace(HIDDEN_ONLY, use_baseline_cache=False, latency_rounds=2, latency_per_round=4)
    return report_json(grade(submission, key, tmp_path / "out", options))


def planned(report: dict) -> list[str]:
    """The question ids the phase of `graded_beside` plans first, in asking order."""
    ids = [q["id"] for q in report["questions"]]
    seed = report["comparison"]["latency_phase"]["seed"]
    warm = latency_phase.warmup(MEDIUM_HIDDEN, seed=seed)
    slots = latency_phase.plan(MEDIUM_HIDDEN, seed=seed, rounds=2, per_round=4, exclude=warm)
    return [ids[s.index] for s in slots]


def test_a_phase_measured_beside_a_busy_host_is_asked_again_once_it_is_quiet(
    bundle, key, tmp_path, monkeypatch
):
    # the look before the rounds, the phase, two waits, the phase asked again
    report = graded_beside(bundle, key, tmp_path, monkeypatch, [0.0, 1.0, 0.9, 0.05, 0.0])
    phase = report["comparison"]["latency_phase"]
    assert phase["attempts"] == 2 and phase["others_cores"] == 0.0
    assert "other processes used 1.00 cores during it" in phase["note"]
    assert "asked again on 8 fresh questions" in phase["note"]
    assert phase["pairs"] == {"search": 4, "answer": 4} and len(phase["timings"]) == 8
    # the figures are the second attempt's: none of its questions was in the first one's plan
    assert not {t["question"] for t in phase["timings"]} & set(planned(report))
    # every question is still asked once of each child and scored
    statuses = report["statuses"]
    assert statuses["ok"] + statuses["invalid"] == MEDIUM_HIDDEN == sum(statuses.values())
    assert all(q["baseline"]["status"] == "ok" for q in report["questions"])


def test_a_host_busy_before_the_rounds_is_waited_out_and_the_planned_sample_timed(
    bundle, key, tmp_path, monkeypatch
):
    # busy, still busy, quiet: then the rounds, quiet
    report = graded_beside(
        bundle, key, tmp_path, monkeypatch, [1.0, 0.9, 0.0, 0.0], QUIET_CHECK_S=0.01
    )
    phase = report["comparison"]["latency_phase"]
    assert phase["attempts"] == 1 and phase["others_cores"] == 0.0
    assert "after waiting" in phase["note"] and "fresh questions" not in phase["note"]
    # the planned questions, as a quiet grade of this key times them
    assert [t["question"] for t in phase["timings"]] == planned(report)


def test_a_host_busy_throughout_keeps_the_less_busy_attempt_and_says_so(
    bundle, key, tmp_path, monkeypatch
):
    # quiet before the rounds, then busy
    readings = [0.0, 0.6, *[1.0] * 1000]
    report = graded_beside(bundle, key, tmp_path, monkeypatch, readings, QUIET_WAIT_S=0.05)
    phase = report["comparison"]["latency_phase"]
    assert phase["attempts"] == 2 and phase["others_cores"] == 0.6
    assert "the first attempt's figures are kept" in phase["note"]
    assert "measured under load" in phase["note"]
