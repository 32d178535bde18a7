"""`GRADE_OUTPUTS` names everything a grade writes into its folder, so `--force` leaves no earlier
file behind (and a refusal names them)."""

from __future__ import annotations

import json

from grader.grade.outputs import GRADE_OUTPUTS
from grader.grade.report_file import write_report
from grader.grade.session import GradeOptions, grade
from grader.reports.render import FORMATS, render, write_text
from tests.grader.grading import submission_from


def test_every_file_a_grade_and_its_renderings_leave_is_a_grade_output(bundle_out, tmp_path):
    out, _ = bundle_out
    submission = submission_from(out / "bundle", tmp_path / "s")
    folder = tmp_path / "grade"
    options = GradeOptions(unseen=False, isolation="none", baseline=False, keep_work=True)
    path = write_report(grade(submission, out / "key", folder, options))
    report = json.loads(path.read_text(encoding="utf-8"))
    for fmt in FORMATS.values():  # what `takehome grade` and then `takehome report` write
        write_text(folder / fmt.filename, render(report, fmt.name))
    left = sorted(folder.iterdir())
    assert any(p.name.startswith("work-") for p in left) and (folder / "logs").is_dir()
    assert GRADE_OUTPUTS.found(folder) == left
