"""Renderings of a grade's report.json: HTML page, Markdown summary, debrief guide, Gradescope
results and CSV rows. `takehome grade` writes report.html and report.md next to report.json;
`takehome report` renders any format later; the batch leaderboard reuses `write_csv`."""

from grader.reports.csv_rows import COLUMNS, csv_row, write_csv
from grader.reports.debrief import Debrief, debrief
from grader.reports.gradescope import gradescope_results, validate_results
from grader.reports.html import render_html
from grader.reports.markdown import render_markdown
from grader.reports.reading import ReportError, check_report, load_report
from grader.reports.render import FORMATS, render, write_companions

__all__ = [
    "COLUMNS",
    "FORMATS",
    "Debrief",
    "ReportError",
    "check_report",
    "csv_row",
    "debrief",
    "gradescope_results",
    "load_report",
    "render",
    "render_html",
    "render_markdown",
    "validate_results",
    "write_companions",
    "write_csv",
]
