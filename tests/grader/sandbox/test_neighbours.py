"""Runs beside each other under bwrap: a submission graded while another run storms threads and
forks gets exactly the quality of a quiet grade (each run has a uid, so a process budget, of its
own, and a run keeping more threads runnable than its cores gets a low CPU weight:
`grader.sandbox.storm_watch`); and a storming submission gets its report within its run budget
(+60 s).

Slow: a pair bundle (142 hidden questions) graded twice with a pure-Python pipeline beside and
without a storm, and a medium bundle graded once by a storming submission.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from grader.answer_key import load_key
from grader.grade.report_file import report_json
from grader.grade.session import GradeOptions, grade, sandbox_limits
from grader.sandbox.bwrap import BwrapSandbox
from tests.grader.grading import quality, submission_from
from tests.grader.sandbox.storm import STORM, Storm

pytestmark = pytest.mark.slow
BWRAP = GradeOptions(unseen=False, isolation="bwrap", baseline=False)
REPORT_MARGIN_S = 60.0  # a storming submission's report comes within its run budget + this
RUN_BUDGET_S = 30  # the storm's run budget: short, since the property is the budget's


def test_a_grade_beside_a_thread_storm_equals_a_quiet_grade(bwrap_ready, pair_bundle_out, tmp_path):
    # the pair bundle: every call of its 142 questions beside the storm, at half a medium grade's
    # cost (the property is per call, not per profile)
    out = pair_bundle_out[0]
    key = load_key(out / "key")
    submission = submission_from(out / "bundle", tmp_path / "s")
    quiet = report_json(grade(submission, out / "key", tmp_path / "quiet", BWRAP))
    assert quiet["statuses"]["ok"] == len(quiet["questions"])
    # the storm has the budgets a grade gives a run: the same process budget as its neighbour
    limits = sandbox_limits(key.record.budgets, calls=100)
    storm_run = Storm(BwrapSandbox(limits), tmp_path / "storm", key.corpus.root)
    with storm_run as storm:
        assert storm["refused"], storm  # it spent its whole process budget
        assert storm["tasks"] >= limits.pids - 8, storm  # a few may have ended meanwhile
        beside = report_json(grade(submission, out / "key", tmp_path / "beside", BWRAP))
        assert storm_run.held(), storm_run.record  # the storm lasted the whole grade beside it
    assert quality(beside) == quality(quiet), differences(quiet, beside)
    assert beside["isolation"]["sandbox_failures"] == []  # nothing needed a second attempt
    if storm_run.launch.cpu_group is not None:  # a host with a CPU hierarchy: the storm's weight
        assert storm_run.launch.storm_watch.demoted  # was lowered, which is what kept it fair


def test_a_thread_storm_gets_its_report_within_its_run_budget(
    bwrap_ready, pair_bundle_out, tmp_path
):
    # its calls wait seconds each behind the spinning threads: only the run budget ends it (the
    # pair bundle and a short budget: the property is the budget's, not the corpus's)
    key_dir = with_run_budget(
        pair_bundle_out[0] / "key", tmp_path / "key", run_timeout_s=RUN_BUDGET_S
    )
    submission = submission_from(pair_bundle_out[0] / "bundle", tmp_path / "s", STORM)
    start = time.monotonic()
    report = report_json(grade(submission, key_dir, tmp_path / "out", BWRAP))
    seconds = time.monotonic() - start
    assert seconds <= RUN_BUDGET_S + REPORT_MARGIN_S, seconds
    budget = report["budget"]
    assert (
        budget is not None and budget["stage"] == "ask" and budget["run_timeout_s"] == RUN_BUDGET_S
    )
    assert report["statuses"]["not_reached"] > 0
    assert budget["answered"] < budget["questions"]
    assert report["isolation"]["limits"]["run_timeout_s"] == RUN_BUDGET_S


def differences(quiet: dict, beside: dict) -> list[tuple[str, str, str]]:
    """The questions graded differently beside the storm: (id, search, answer) as it went."""
    return [
        (q["id"], f"{b['search']['status']} {b['search']['reason']}", b["answer"]["status"])
        for q, b in zip(quiet["questions"], beside["questions"], strict=True)
        if (q["status"], q["scores"]) != (b["status"], b["scores"])
    ]


def with_run_budget(key: Path, dest: Path, *, run_timeout_s: int) -> Path:
    """A copy of the key folder whose profile sets `budgets.run_timeout_s` (both copies in
    key.json, as a key written from such a profile holds them), and a build limit of half of it:
    a profile's run budget must exceed its build limit (the run is the build, then the calls)."""
    import shutil

    shutil.copytree(key, dest)
    path = dest / "key.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    for budgets in (data["budgets"], data["profile_settings"]["budgets"]):
        budgets["run_timeout_s"] = run_timeout_s
        budgets["build_timeout_s"] = min(budgets["build_timeout_s"], run_timeout_s // 2)
    path.write_text(json.dumps(data, indent=2, sort_keys=True) + "\n", encoding="utf-8")
    return dest
