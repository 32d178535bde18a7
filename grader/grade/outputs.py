"""What one grade writes into its folder: `takehome grade`'s --out, and each submission's folder
under `takehome grade-many`'s --out. Read by the command layers through `grader.outputs.claim`."""

from __future__ import annotations

from grader.grade.report_file import REPORT_NAME
from grader.outputs import Outputs
from grader.reports.render import FORMATS

# the session's captured logs (OUT/logs/<run>.log) and its scratch (OUT/work-*, kept only with
# --keep-work); a test grades into a folder and checks every entry it leaves is listed here
SESSION_OUTPUTS = ("logs", "work-*")

GRADE_OUTPUTS = Outputs(
    "a grade",
    (REPORT_NAME, *(f.filename for f in FORMATS.values()), *SESSION_OUTPUTS),
)
