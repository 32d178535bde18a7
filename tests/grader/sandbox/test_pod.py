"""The pod backend without a cluster: the sandbox container's supervisor (grader/k8s/supervisor.py)
runs here as a plain process on a channel folder, and the grader's runs reach it through the
container backend's FIFO protocol (`grader.sandbox.pod_relay`). What the pod's containers add
(another uid, no network, read-only root, limits) is Kubernetes' and is not exercised here:
grader/k8s's manifest tests check that the Job asks for it."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import exercise
import grader.sandbox.pod as pod
from grader.grade.report_file import report_json
from grader.grade.session import GradeOptions, grade
from grader.k8s.entry import open_channel, stop
from grader.sandbox.interface import Limits
from grader.sandbox.pod import PodSandbox
from tests.grader.grading import LEXICAL, fake_baseline, quality, submission_from

SUPERVISOR = Path(pod.__file__).parents[1] / "k8s" / "supervisor.py"
HARNESS = str(Path(exercise.__file__).parents[1])


@pytest.fixture
def pod_here(tmp_path, monkeypatch):
    """A channel and scratch folder, the supervisor listening on it, and the backend's defaults
    pointing there (the grader's own Python and `exercise` stand in for the sandbox image's)."""
    channel, scratch = tmp_path / "chan", tmp_path / "scratch"
    channel.mkdir()
    scratch.mkdir()
    open_channel(channel)
    monkeypatch.setattr(pod, "CHANNEL", channel)
    monkeypatch.setattr(pod, "SCRATCH", scratch)
    monkeypatch.setattr(pod, "IMAGE_PYTHON", sys.executable)
    monkeypatch.setattr(pod, "IMAGE_HARNESS", HARNESS)
    supervisor = subprocess.Popen(
        [sys.executable, "-I", str(SUPERVISOR), "--channel", str(channel)]
    )
    yield channel, scratch, supervisor
    stop(channel)
    try:
        supervisor.wait(10)
    except subprocess.TimeoutExpired:
        supervisor.kill()
        supervisor.wait()


def test_a_grade_through_the_supervisor_equals_an_unisolated_one(
    pod_here, bundle_out, tmp_path, monkeypatch
):
    channel, scratch, supervisor = pod_here
    out = bundle_out[0]
    fake_baseline(monkeypatch)
    submission = submission_from(out / "bundle", tmp_path / "lexical", LEXICAL)
    in_pod = report_json(
        grade(
            submission,
            out / "key",
            scratch / "grades" / "lexical",
            GradeOptions("pod", unseen=False),
        )
    )
    plain = report_json(
        grade(submission, out / "key", tmp_path / "plain", GradeOptions("none", unseen=False))
    )
    assert in_pod["isolation"]["backend"] == "pod"
    assert quality(in_pod) == quality(plain)
    assert in_pod["overall"]["metrics"]["recall@5"] > 0
    assert in_pod["baseline"] is not None or in_pod.get("comparison") is not None
    assert list((channel / "runs").iterdir()) == []  # every run folder cleaned up
    stop(channel)
    assert supervisor.wait(10) == 0  # `stop` ends the sandbox container's process


def test_a_run_over_its_wall_time_is_killed_in_the_sandbox(pod_here, bundle_out, tmp_path):
    channel, scratch, _ = pod_here
    out = bundle_out[0]
    marker = tmp_path / "still-alive"
    endless = textwrap.dedent(
        f"""
        import time
        from pathlib import Path

        class Pipeline:
            def __init__(self, corpus_dir, work_dir):
                pass

            def build(self):
                while True:
                    Path({str(marker)!r}).write_text(str(time.time()))
                    time.sleep(0.1)
        """
    )
    submission = submission_from(out / "bundle", tmp_path / "endless", endless)
    from exercise.runner import run_submission

    sandbox = PodSandbox(Limits(2, 1, 60, 2048, 256, 64))
    work = scratch / "grades" / "endless" / "work"
    launch = sandbox.prepare(submission, out / "key" / "variant", work)
    try:
        record = run_submission(
            submission, out / "key" / "variant", [], k=5, work_dir=work,
            log_path=tmp_path / "child.log", options=launch.runner_options(),
        )  # fmt: skip
    finally:
        launch.release()
    assert record.fatal is not None and record.fatal.stage == "build"
    assert record.fatal.status == "timeout", record.fatal
    time.sleep(1.0)  # the supervisor kills the child's group once the relay is gone
    before = marker.stat().st_mtime
    time.sleep(1.0)
    assert marker.stat().st_mtime == before  # nothing writes it any more


def test_a_supervisor_that_never_answers_is_the_sandboxs_failure(bundle_out, tmp_path):
    from exercise.runner import run_submission
    from grader.k8s.entry import open_channel

    out = bundle_out[0]
    channel, scratch = tmp_path / "chan", tmp_path / "scratch"
    channel.mkdir()
    scratch.mkdir()
    open_channel(channel)  # the order FIFO exists, and nothing reads it
    sandbox = PodSandbox(
        Limits(20, 5, 60, 2048, 256, 64),
        channel=channel,
        scratch=scratch,
        python=sys.executable,
        harness=HARNESS,
    )
    sandbox.supervisor_wait_s = 0.5
    work = scratch / "grades" / "x" / "work"
    launch = sandbox.prepare(out / "bundle", out / "key" / "variant", work)
    try:
        record = run_submission(
            out / "bundle", out / "key" / "variant", [], k=5, work_dir=work,
            log_path=tmp_path / "child.log", options=launch.runner_options(max_restarts=0),
        )  # fmt: skip
        failure = launch.sandbox_failure()
    finally:
        launch.release()
    assert record.fatal is not None
    assert failure is not None and "supervisor did not take the run" in failure
    assert list((channel / "runs").iterdir()) == []
