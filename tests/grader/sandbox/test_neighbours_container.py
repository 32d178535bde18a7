"""Runs beside each other in the container backend (podman's Docker-API service here): a
submission graded while another container storms threads and forks gets exactly the quality of a
quiet grade. RLIMIT_NPROC counts per uid across the host, not per container: with one uid for
every container, the storm kept the neighbour's init from forking ("catatonit: failed to fork").
And the engine must stay reachable: beside the storm, podman answered a ping within milliseconds
but its version and info only after 6-14 s, past the probe's 5 s (the probe pings first).

Slow: a pair bundle (142 hidden questions) graded twice with a pure-Python pipeline, one storm
(every call beside the storm; the property is per call, not per profile); needs the engine and
the test image (`TAKEHOME_CONTAINER_TESTS=required` makes their absence a failure).
"""

from __future__ import annotations

import pytest

from grader.answer_key import load_key
from grader.grade.report_file import report_json
from grader.grade.session import GradeOptions, grade, sandbox_limits
from tests.grader.grading import quality, submission_from
from tests.grader.sandbox import engine
from tests.grader.sandbox.storm import Storm

pytestmark = pytest.mark.slow


def test_a_grade_beside_a_storming_container_equals_a_quiet_grade(
    docker_engine, docker_sandbox, monkeypatch, pair_bundle_out, tmp_path
):
    monkeypatch.setenv("DOCKER_HOST", docker_engine)
    out = pair_bundle_out[0]
    key = load_key(out / "key")
    options = GradeOptions(
        unseen=False, isolation="docker", image=engine.TEST_IMAGE, baseline=False
    )
    submission = submission_from(out / "bundle", tmp_path / "s")
    quiet = report_json(grade(submission, out / "key", tmp_path / "quiet", options))
    assert quiet["isolation"]["backend"] == "docker"
    assert quiet["statuses"]["ok"] == len(quiet["questions"])
    limits = sandbox_limits(key.record.budgets, calls=100)  # the process budget a grade gives a run
    storm_run = Storm(docker_sandbox(limits), tmp_path / "storm", key.corpus.root)
    with storm_run as storm:
        assert storm["refused"], storm  # it spent its whole process budget
        assert storm["tasks"] >= limits.pids - 8, storm
        beside = report_json(grade(submission, out / "key", tmp_path / "beside", options))
        assert storm_run.held(), storm_run.record  # the storm lasted the whole grade beside it
    assert quality(beside) == quality(quiet)
    assert beside["isolation"]["sandbox_failures"] == []
