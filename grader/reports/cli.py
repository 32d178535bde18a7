"""`takehome report`: render a report.json as HTML, Markdown, Gradescope results or CSV;
`takehome compare`: several grades side by side.

The command layer only: a bad input (no report, not a grade report, a report missing a section
or a field, a key for another variant, an unknown format, an output file that exists without
`--force`) is one line on stderr and exit code 2. The written path goes to stderr; with `--out -`
the rendering itself goes to stdout.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any

import typer

from exercise.cli_errors import exit_codes, fail, note
from exercise.errors import ExerciseError
from grader.answer_key import load_key
from grader.cli_options import force_option
from grader.outputs import FORCE_HINT
from grader.reports.compare import comparison_markdown
from grader.reports.reading import load_report
from grader.reports.render import FORMATS, get_format, render, write_text

EPILOG = exit_codes(
    "rendering written",
    bad="no report, not a complete grade report, a key of another variant, an unknown format, "
    "an output file that exists without --force",
)
COMPARE_EPILOG = exit_codes(
    "comparison printed (and written with --out)",
    bad="fewer than two reports, a file that is not a grade report, an --out that cannot be "
    "written",
)


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
    force: Annotated[
        bool,
        force_option("Replace the output file if it exists (e.g. the report.html `grade` wrote)"),
    ] = False,
) -> None:
    """Render a grade report as a self-contained HTML page, Markdown, Gradescope JSON or CSV."""
    try:
        chosen = get_format(fmt)
        data = load_report(report)
        docs = None
        if key is not None:
            answer_key = load_key(key)
            expected = data["key"].get("variant_manifest_sha256")
            graded = answer_key.record.variant_manifest_sha256
            if expected and graded != expected:
                raise ValueError(
                    f"{key} is the key of another variant than the report's "
                    f"({graded[:12]}… vs {expected[:12]}…): pass the key "
                    "the submission was graded with"
                )
            docs = answer_key.corpus.docs
        to_stdout = out is not None and str(out) == "-"
        folder = report if report.is_dir() else report.parent
        target = out if out is not None else folder / chosen.filename
        if not to_stdout and target.exists() and not force:
            raise ValueError(f"{target} already exists; {FORCE_HINT}, or choose another --out")
        text = _render(report, data, chosen.name, docs)
        if to_stdout:
            sys.stdout.write(text)
            return
        path = write_text(target, text)
    except (ExerciseError, ValueError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot write the report: {exc}")
    note(f"{chosen.name}: {path}")


def _render(source: Path, data: dict[str, Any], fmt: str, docs: Mapping[str, str] | None) -> str:
    """Render `data`; a field the renderer needs and the file lacks (or holds as the wrong type)
    is the input's mistake, named in one line, not a traceback."""
    try:
        return render(data, fmt, docs=docs)
    except KeyError as exc:
        raise ValueError(
            f"{source} is not a complete grade report: it lacks {exc.args[0]!r}, which the {fmt} "
            "format needs; render a report.json `takehome grade` wrote, or grade again"
        ) from exc
    except (TypeError, AttributeError, IndexError) as exc:
        raise ValueError(
            f"{source} is not a well-formed grade report: a field has the wrong type or shape "
            f"({type(exc).__name__}: {exc}); render a report.json `takehome grade` wrote, or "
            "grade again"
        ) from exc


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
        note(f"comparison: {out}")


def column_names(paths: list[Path]) -> list[str]:
    """Each report's folder name (the folder given, or the one holding the .json file given);
    the whole path where two folders share a name."""
    names = [(p.parent if p.suffix == ".json" else p).name or str(p) for p in paths]
    return [str(p) if names.count(n) > 1 else n for p, n in zip(paths, names, strict=True)]
