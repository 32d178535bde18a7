"""The latency phase's hold on a real backend: the container backend pauses the submission's
container whenever the baseline's child builds or is timed beside it (bwrap's freezer is
tested in tests/grader/grade/test_paired_latency.py and test_cgroups.py)."""

from __future__ import annotations

import pytest

from grader.grade.report_file import report_json
from grader.grade.session import GradeOptions, grade
from tests.grader.grading import (
    MEDIUM_HIDDEN,
    SPINS_WHILE_WAITING,
    STEADY,
    fake_baseline,
    submission_from,
)
from tests.grader.sandbox import engine

pytestmark = pytest.mark.slow


@pytest.mark.real_host
def test_in_the_container_the_submission_is_paused_while_the_baseline_works(
    docker_engine, monkeypatch, bundle_out, tmp_path
):
    monkeypatch.setenv("DOCKER_HOST", docker_engine)
    fake_baseline(monkeypatch, STEADY)
    submission = submission_from(bundle_out[0] / "bundle", tmp_path / "s", SPINS_WHILE_WAITING)
    options = GradeOptions(
        unseen=False,
        isolation="docker",
        image=engine.TEST_IMAGE,
        public=False,
        baseline_cache=tmp_path / "cache",
        latency_rounds=2,
        latency_per_round=4,
    )
    report = report_json(grade(submission, bundle_out[0] / "key", tmp_path / "out", options))
    assert report["isolation"]["backend"] == "docker"
    phase = report["comparison"]["latency_phase"]
    assert phase["ran"] and "frozen whenever the baseline's worked" in phase["note"]
    assert report["statuses"]["ok"] == MEDIUM_HIDDEN
    # the engine's work for the grade (pausing and resuming its containers) is the grade's own,
    # not another process's load
    assert phase["others_cores"] is not None and phase["others_cores"] < 0.2, phase["note"]
