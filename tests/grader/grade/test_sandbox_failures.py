"""A run the sandbox itself fails (its child never started, or the engine said so) is the
grader's failure: retried once in a fresh sandbox, then `SandboxFailed` (the CLI exits 1, no
report), never a zero for the candidate. Fast: a pure-Python pipeline, unisolated."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from grader.cli import app
from grader.grade.report_file import report_json
from grader.grade.session import GradeOptions, SandboxFailed, grade
from grader.sandbox.interface import Launch
from grader.sandbox.none import NoSandbox
from tests.grader.grading import submission_from

NONE = GradeOptions(unseen=False, isolation="none", baseline=False)
DIES_FIRST = ("sh", "-c", "exit 7", "--")  # a launcher that fails before the child starts


class Flaky(NoSandbox):
    """Unisolated runs whose first `fails` launches die before the child starts; `engine`
    records an engine failure (as the container relay does) for those instead."""

    def __init__(self, limits, fails: int, *, engine: bool = False) -> None:  # noqa: ANN001
        super().__init__(limits)
        self.fails, self.engine, self.prepared = fails, engine, 0

    def prepare(self, submission: Path, corpus: Path, work: Path) -> Launch:
        launch = super().prepare(submission, corpus, work)
        self.prepared += 1
        if self.prepared > self.fails:
            return launch
        if self.engine:
            note = Path(work).with_name(f"{Path(work).name}.engine-{self.prepared}")
            note.write_text("the engine lost the running container\n", encoding="utf-8")
            return Launch(launch.isolation, launch.limits, failure_path=note)
        return Launch(launch.isolation, launch.limits, command_prefix=DIES_FIRST)


@pytest.fixture
def flaky(monkeypatch):  # noqa: ANN201
    """flaky(fails, engine=False): make `grade` use a `Flaky` sandbox; returns it."""
    import grader.grade.session as session

    made: list[Flaky] = []

    def install(fails: int, *, engine: bool = False) -> list[Flaky]:
        def choose(isolation, limits, *, image=None):  # noqa: ANN001, ANN202
            made.append(Flaky(limits, fails, engine=engine))
            return made[-1]

        monkeypatch.setattr(session, "choose", choose)
        return made

    return install


def test_a_launch_that_fails_once_is_retried_and_graded(bundle_out, tmp_path, flaky):
    made = flaky(1)
    submission = submission_from(bundle_out[0] / "bundle", tmp_path / "s")
    report = report_json(grade(submission, bundle_out[0] / "key", tmp_path / "out", NONE))
    assert made[0].prepared == 2
    assert report["fatal"] is None and report["statuses"]["ok"] == len(report["questions"])
    (failure,) = report["isolation"]["sandbox_failures"]
    assert failure["run"] == "submission"
    assert (
        "attempt 1" in failure["reason"]
        and "exited with code 7 before it started" in (failure["reason"])
    )


def test_an_engine_failure_is_the_sandbox_s_too(bundle_out, tmp_path, flaky):
    flaky(1, engine=True)
    submission = submission_from(bundle_out[0] / "bundle", tmp_path / "s")
    report = report_json(grade(submission, bundle_out[0] / "key", tmp_path / "out", NONE))
    (failure,) = report["isolation"]["sandbox_failures"]
    assert "the engine lost the running container" in failure["reason"]


def test_a_launch_that_fails_twice_is_the_grader_s_failure_not_a_zero(bundle_out, tmp_path, flaky):
    made = flaky(2)
    submission = submission_from(bundle_out[0] / "bundle", tmp_path / "s")
    with pytest.raises(SandboxFailed, match="grader's failure, not the submission's"):
        grade(submission, bundle_out[0] / "key", tmp_path / "out", NONE)
    assert made[0].prepared == 2
    result = CliRunner().invoke(
        app,
        ["grade", str(submission), "--key", str(bundle_out[0] / "key"),
         "--out", str(tmp_path / "cli"), "--isolation", "none", "--no-baseline"],
    )  # fmt: skip
    assert result.exit_code == 1, result.output
    assert "not graded:" in result.output and "Traceback" not in result.output
    assert not (tmp_path / "cli" / "report.json").exists()  # no score to upload by mistake


def test_a_baseline_the_sandbox_cannot_run_is_left_out_with_a_note(
    bundle_out, tmp_path, flaky, monkeypatch
):
    from tests.grader.grading import fake_baseline

    fake_baseline(monkeypatch)
    made = flaky(0)
    submission = submission_from(bundle_out[0] / "bundle", tmp_path / "s")
    real_prepare = Flaky.prepare

    def prepare(self, submission_dir, corpus, work):  # noqa: ANN001, ANN202
        launch = real_prepare(self, submission_dir, corpus, work)
        if "baseline" in Path(work).name:
            return Launch(launch.isolation, launch.limits, command_prefix=DIES_FIRST)
        return launch

    monkeypatch.setattr(Flaky, "prepare", prepare)
    options = GradeOptions(unseen=False, isolation="none", baseline=True)
    report = report_json(grade(submission, bundle_out[0] / "key", tmp_path / "out", options))
    assert made and report["baseline"] is None
    assert report["baseline_note"].startswith("not run: the baseline run failed in the sandbox")
    assert report["statuses"]["ok"] == len(report["questions"])
