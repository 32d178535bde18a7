"""The report formats by name, and writing them next to a report.json.

`FORMATS` is the registry the CLI lists and validates against; `render(report, fmt, docs=...)`
returns a format's text; `write_companions` writes report.html and report.md beside report.json
(what `takehome grade` does after writing the report). Files are written to a temporary name
and renamed, so an interrupted run leaves no half-written report behind.
"""

from __future__ import annotations

import io
import json
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from grader.reports.csv_rows import write_csv
from grader.reports.gradescope import gradescope_results
from grader.reports.html import render_html
from grader.reports.markdown import render_markdown

Docs = Mapping[str, str] | None


@dataclass(frozen=True)
class Format:
    name: str
    filename: str  # the default file name next to report.json
    render: Callable[[Mapping[str, Any], Docs], str]
    help: str


def _csv(report: Mapping[str, Any], _docs: Docs) -> str:
    buffer = io.StringIO()
    write_csv([report], buffer)
    return buffer.getvalue()


def _gradescope(report: Mapping[str, Any], _docs: Docs) -> str:
    return json.dumps(gradescope_results(report), indent=2, ensure_ascii=False) + "\n"


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("html", "report.html", lambda r, d: render_html(r, docs=d), "self-contained page"),
        Format("md", "report.md", lambda r, _d: render_markdown(r), "Markdown summary"),
        Format("gradescope", "results.json", _gradescope, "Gradescope autograder results"),
        Format("csv", "report.csv", _csv, "one CSV row with a header"),
    )
}
COMPANIONS = ("html", "md")  # written next to report.json by `takehome grade`


def get_format(name: str) -> Format:
    if name not in FORMATS:
        raise ValueError(f"format {name!r} is not one of {', '.join(FORMATS)}")
    return FORMATS[name]


def render(report: Mapping[str, Any], fmt: str, *, docs: Docs = None) -> str:
    return get_format(fmt).render(report, docs)


def write_text(path: Path, text: str) -> Path:
    """Write `text` to `path` through a temporary sibling and a rename."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path


def write_companions(
    report_path: Path, report: Mapping[str, Any], *, docs: Docs = None
) -> list[Path]:
    """Write the COMPANIONS formats next to `report_path`; return their paths."""
    folder = Path(report_path).parent
    return [
        write_text(folder / FORMATS[name].filename, render(report, name, docs=docs))
        for name in COMPANIONS
    ]
