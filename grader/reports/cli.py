"""`takehome report`: render a report.json as HTML, Markdown, Gradescope results or CSV;
`takehome compare`: several grades side by side.

The command layer only: a bad input (no report, not a grade report, a key for another variant,
an unknown format) is one line on stderr and exit code 2. The written path goes to stderr; with
`--out -` the rendering itself goes to stdout.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from exercise.cli_errors import fail
from exercise.errors import ExerciseError
from grader.answer_key import load_key
from grader.reports.compare import comparison_markdown
from grader.reports.reading import load_report
from grader.reports.render import FORMATS, get_format, render, write_text


def report_command(
    report: Annotated[
        Path,
        typer.Argument(
            help="A report.json `takehome grade` wrote (or the folder holding it).",
            show_default=False,
        ),
    ],
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            help="Output format: "
            + ", ".join(f"{f.name} ({f.help})" for f in FORMATS.values())
            + ".",
        ),
    ] = "html",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Where to write; `-` for stdout. Default: next to the report, as "
            + ", ".join(f"{f.filename} ({f.name})" for f in FORMATS.values())
            + ".",
            show_default=False,
        ),
    ] = None,
    key: Annotated[
        Path | None,
        typer.Option(
            "--key",
            help="The candidate's key folder: the HTML report then shows the expected and "
            "returned evidence in the document text (without it, offsets only).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Render a grade report as a self-contained HTML page, Markdown, Gradescope JSON or CSV."""
    err = Console(stderr=True)
    try:
        chosen = get_format(fmt)
        data = load_report(report)
        docs = None
        if key is not None:
            answer_key = load_key(key)
            expected = data["key"].get("variant_manifest_sha256")
            if expected and answer_key.manifest_sha256 != expected:
                raise ValueError(
                    f"{key} is the key of another variant than the report's "
                    f"({answer_key.manifest_sha256[:12]}… vs {expected[:12]}…): pass the key "
                    "the submission was graded with"
                )
            docs = answer_key.corpus.docs
        text = render(data, chosen.name, docs=docs)
        if out is not None and str(out) == "-":
            sys.stdout.write(text)
            return
        folder = report if report.is_dir() else report.parent
        path = write_text(out if out is not None else folder / chosen.filename, text)
    except (ExerciseError, ValueError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write the report: {exc}")
    err.print(f"{chosen.name}: {path}", highlight=False, soft_wrap=True)


def compare_command(
    reports: Annotated[
        list[Path],
        typer.Argument(
            help="Two or more report.json files `takehome grade` wrote (or the folders holding "
            "them); each column is named by its folder.",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Also write the table (Markdown) to this file.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Compare grades side by side: each slice's headline figure, answers, citations and cost."""
    err = Console(stderr=True)
    try:
        if len(reports) < 2:
            raise ValueError(f"compare needs two or more reports, got {len(reports)}")
        data = [load_report(path) for path in reports]
        text = comparison_markdown(column_names(reports), data)
        if out is not None:
            write_text(out, text)
    except (ExerciseError, ValueError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write the comparison: {exc}")
    sys.stdout.write(text)
    if out is not None:
        err.print(f"comparison: {out}", highlight=False, soft_wrap=True)


def column_names(paths: list[Path]) -> list[str]:
    """Each report's folder name (the folder given, or the one holding the .json file given);
    the whole path where two folders share a name."""
    names = [(p.parent if p.suffix == ".json" else p).name or str(p) for p in paths]
    return [str(p) if names.count(n) > 1 else n for p, n in zip(paths, names, strict=True)]
