"""`takehome grade`: grade one submission against its key, write OUT/report.json (with
report.html and report.md beside it), print a summary.

The command layer only. Mistakes in the grader's own inputs (no key, an unreadable submission, a
key of another variant than the submission's, an --out holding an earlier grade, no sandbox, a bad
option) are one line on stderr and exit code 2, before anything runs; a sandbox that failed on its
own twice (the grader's failure: no report, never a zero for the candidate) exits 1; whatever the
submission does, a report is written and the exit code is 0. Progress goes to stderr, the summary
to stdout.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Any

import typer
from rich import box
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from corpus.failure_modes import AREAS
from exercise.cli_errors import EXIT_FAILED, exit_codes, fail, interrupted, note, warn
from exercise.errors import ExerciseError
from grader.cli_options import force_option
from grader.grade.outputs import GRADE_OUTPUTS
from grader.grade.report_file import report_json, save_report
from grader.grade.session import GradeOptions, SandboxFailed, grade
from grader.outputs import claim
from grader.reports.reading import latency_phase_line, ratio_with_ci
from grader.reports.render import write_companions
from grader.sandbox.docker import DEFAULT_IMAGE
from grader.sandbox.interface import SandboxError
from grader.sandbox.registry import SANDBOXES

SUMMARY_METRICS = ("recall@1", "recall@5", "mrr@10", "answer_accuracy", "citation_precision")
MARKS = {
    "fixed": "[green]fixed[/]",
    "improved": "[cyan]improved[/]",
    "unchanged": "[yellow]unchanged[/]",
    "worse": "[red]worse[/]",
    None: "–",
}
SHORT_METRICS = {
    "citation_precision": "cite prec",
    "supported_rate": "supported",
    "abstention_accuracy": "abstain",
}
SEVERITY_STYLE = {"alert": "bold red", "warning": "yellow", "info": "dim"}
EPILOG = exit_codes(
    "report written, whatever the submission did (its failures are in the report)",
    failed="the sandbox failed on its own twice: not graded, no report written",
    bad="no key, an unreadable submission, a key of another variant, an --out holding an "
    "earlier grade without --force, no sandbox",
)


def grade_command(
    submission: Annotated[
        Path,
        typer.Argument(
            help="The candidate's work: a folder, a .tar.gz/.tgz/.tar/.zip archive, or a git "
            "repository (graded at its committed HEAD; see --worktree).",
            show_default=False,
        ),
    ],
    key: Annotated[
        Path,
        typer.Option(
            "--key",
            help="The key folder `takehome bundle` wrote for this candidate (OUT/key).",
            show_default=False,
        ),
    ],
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder for report.json and the runs' logs. Default: grades/<submission name>.",
            show_default=False,
        ),
    ] = None,
    force: Annotated[
        bool,
        force_option(
            "OUT holds an earlier grade: remove its outputs (report.json, results.json, "
            "report.csv, report.html, report.md, logs) before grading"
        ),
    ] = False,
    allow_variant_mismatch: Annotated[
        bool,
        typer.Option(
            "--allow-variant-mismatch",
            help="Grade a submission whose corpus/manifest.json is another variant's than the "
            "key's (refused otherwise: usually the wrong --key); the report carries an alert.",
        ),
    ] = False,
    worktree: Annotated[
        bool,
        typer.Option(
            "--worktree",
            help="A git repository: grade its working tree (uncommitted changes and untracked, "
            "not ignored files included) instead of its committed HEAD.",
        ),
    ] = False,
    isolation: Annotated[
        str | None,
        typer.Option(
            "--isolation",
            help=f"Sandbox: {', '.join(SANDBOXES)}. Default: docker when an engine answers, "
            "else bwrap; `none` runs the code unisolated and only when asked.",
            show_default=False,
        ),
    ] = None,
    baseline: Annotated[
        bool,
        typer.Option(
            "--baseline/--no-baseline",
            help="Also run the starter pipeline in this session, for the diagnosis and the "
            "latency ratios.",
        ),
    ] = True,
    unseen: Annotated[
        bool,
        typer.Option(
            "--unseen/--no-unseen",
            help="Also build and ask the submission and the starter on an unseen corpus: a "
            "variant of the key's profile drawn with a grader-only seed. A pipeline tuned to the "
            "shipped corpus drops there; the report shows the drop per slice.",
        ),
    ] = True,
    attribution: Annotated[
        bool,
        typer.Option(
            "--attribution/--no-attribution",
            help="Re-run with each changed component swapped for the starter's, to measure what "
            "each contributes (one more run per changed component).",
        ),
    ] = False,
    image: Annotated[
        str | None,
        typer.Option(
            "--image",
            help=f"Image the docker sandbox runs (default {DEFAULT_IMAGE}; built from "
            "grader/Dockerfile). The engine is DOCKER_HOST's, else the default socket.",
            show_default=False,
        ),
    ] = None,
    baseline_cache: Annotated[
        Path | None,
        typer.Option(
            "--baseline-cache",
            help="Folder keeping the starter's built index and results between grades, per key "
            "(default: $XDG_CACHE_HOME/takehome/baseline, else ~/.cache/takehome/baseline). "
            "Never mounted into a sandbox.",
            show_default=False,
        ),
    ] = None,
    use_baseline_cache: Annotated[
        bool,
        typer.Option(
            "--use-baseline-cache/--no-baseline-cache",
            help="Reuse (and keep) the starter's built index and its earlier results instead "
            "of building and asking it whole each grade.",
        ),
    ] = True,
    keep_work: Annotated[
        bool, typer.Option(help="Keep the copied submission and scratch folders under OUT.")
    ] = False,
) -> None:
    """Grade a submission on the hidden questions, sandboxed, and diagnose what it fixed."""
    err = Console(stderr=True)
    if isolation is not None and isolation not in SANDBOXES:
        fail(f"--isolation {isolation!r} is not one of {', '.join(SANDBOXES)}")
    target = out if out is not None else Path("grades") / _name(submission)
    options = GradeOptions(
        isolation=isolation,
        baseline=baseline,
        unseen=unseen,
        attribution=attribution,
        keep_work=keep_work,
        image=image,
        allow_variant_mismatch=allow_variant_mismatch,
        worktree=worktree,
        baseline_cache=baseline_cache,
        use_baseline_cache=use_baseline_cache,
    )
    try:
        claim(target, GRADE_OUTPUTS, force=force, say=note)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=err,
            transient=True,
        ) as bar:
            tasks: dict[str, Any] = {}

            def step(label: str, stage: str, done: int, total: int) -> None:
                name = f"{label}: {'building' if stage == 'build' else 'asking'}"
                if stage == "restart":
                    note(f"{label}: child restarted ({done}/{total})")
                    return
                if name not in tasks:
                    tasks[name] = bar.add_task(name, total=total)
                bar.update(tasks[name], completed=done, total=total)

            result = grade(
                submission,
                key,
                target,
                options,
                say=note,
                step=step,
            )
        report = report_json(result)
        path = save_report(report, result.out)
    except SandboxFailed as exc:
        fail(f"not graded: {exc}", code=EXIT_FAILED)
    except (ExerciseError, SandboxError, ValueError) as exc:
        fail(str(exc))
    except OSError as exc:
        fail(f"cannot grade: {exc}")
    except KeyboardInterrupt:
        interrupted("interrupted: no report was written")
    print_summary(Console(), report)
    note(f"report: {path}")
    try:
        companions = write_companions(path, report, docs=result.key.corpus.docs)
    except KeyboardInterrupt:
        interrupted("interrupted while rendering: report.json is complete")
    except Exception as exc:  # the grade is in report.json; `takehome report` can render again
        warn(
            f"rendering the HTML/Markdown failed ({type(exc).__name__}: {exc}); report.json is "
            f"complete: try `takehome report {path} --format html --force`"
        )
        return
    note("rendered: " + ", ".join(str(p) for p in companions))


def print_summary(console: Console, report: dict[str, Any]) -> None:
    """A short terminal summary of a report dict."""
    iso = report["isolation"]
    console.print(
        f"[bold]{escape(report['key'].get('candidate') or report['submission']['source'])}[/] · "
        f"profile "
        f"{report['key']['profile']} · isolation {iso['backend']}"
        + ("" if iso["isolated"] else " [red](UNISOLATED)[/]"),
        highlight=False,
    )
    if report["fatal"]:
        fatal = report["fatal"]
        console.print(f"[red]submission failed at {fatal['stage']}:[/] {escape(fatal['reason'])}")
    statuses = {k: v for k, v in report["statuses"].items() if v and k != "ok"}
    if statuses:
        console.print("question statuses: " + ", ".join(f"{k} {v}" for k, v in statuses.items()))
    if report.get("budget"):
        console.print(f"[red]run budget:[/] {escape(report['budget']['message'])}")
    base = report["baseline"]
    table = Table(title="hidden questions", title_justify="left", box=box.SIMPLE)
    table.add_column("metric")
    table.add_column("submission", justify="right")
    table.add_column("95% CI", justify="right")
    if base:
        table.add_column("baseline", justify="right")
    for key in SUMMARY_METRICS:
        value = report["overall"]["metrics"].get(key)
        ci = report["overall"]["ci95"].get(key)
        row = [key, _fmt(value), f"{ci[0]:.2f}–{ci[1]:.2f}" if ci else "–"]
        if base:
            row.append(_fmt(base["overall"]["metrics"].get(key)))
        table.add_row(*row)
    console.print(table)
    areas = report["diagnosis"]["areas"]
    rows = report["diagnosis"]["rows"]
    diag = Table(
        title="diagnosis (vs the starter)", title_justify="left", box=box.SIMPLE, pad_edge=False
    )
    for column in ("slice", "metric", "base", "now", "Δ [95% CI]", "verdict"):
        diag.add_column(
            column, justify="right" if column in ("base", "now") else "left", no_wrap=True
        )
    for area in AREAS:
        for row in (r for r in rows if r["area"] == area.name):
            ci = row["ci95"]
            delta = f"{row['delta']:+.2f} [{ci[0]:+.2f},{ci[1]:+.2f}]" if ci else "–"
            diag.add_row(
                row["slice"],
                SHORT_METRICS.get(row["metric"], row["metric"]),
                _fmt(row["baseline"]),
                _fmt(row["submission"]),
                delta,
                MARKS.get(row["verdict"], str(row["verdict"])),
            )
    console.print(diag)
    if not base:
        console.print(f"baseline: {escape(report['baseline_note'])}", highlight=False)
    summary = ", ".join(f"{a} {areas[a] or '–'}" for a in areas)
    console.print(f"areas: {summary}", highlight=False)
    lat = report["latency"]
    ratio = (report.get("comparison") or {}).get("latency_ratio") or {}
    search = lat["ops"]["search"]
    console.print(
        f"latency: build {_fmt(lat['build_s'], '.1f')} s, "
        f"search p50 {_fmt(search['p50_ms'], '.0f')} ms / p95 {_fmt(search['p95_ms'], '.0f')} "
        f"ms, peak RSS {_fmt(lat['peak_rss_mib'], '.0f')}"
        " MiB"
        + (
            f" · vs baseline: build ×{_fmt(ratio.get('build_s'))}, search p50 "
            f"{ratio_with_ci(report, 'search_p50')}, answer p50 "
            f"{ratio_with_ci(report, 'answer_p50')}"
            if ratio
            else ""
        ),
        highlight=False,
    )
    phase = latency_phase_line(report)
    if phase:
        console.print(escape(phase), highlight=False, soft_wrap=True)
    attribution = report["attribution"]
    if attribution["components"]:
        parts = [
            f"{c['component']} {c['contribution']['recall@5']:+.2f}"
            if c["status"] == "measured" and c["contribution"]["recall@5"] is not None
            else f"{c['component']} {c['status']}"
            for c in attribution["components"]
        ]
        console.print("attribution (recall@5 lost when swapped back): " + ", ".join(parts))
    findings = report["integrity"]
    if findings:
        console.print("integrity:")
        for finding in findings:
            style = SEVERITY_STYLE.get(finding["severity"], "")
            console.print(
                f"  [{style}]{finding['severity']}[/]: {escape(finding['title'])}",
                highlight=False,
                soft_wrap=True,  # a title names files: never broken inside a path
            )
    else:
        console.print("integrity: no findings")
    timing = report["timing"]
    console.print(
        f"graded in {timing['wall_s']:.1f} s (candidate code {timing['candidate_s']:.1f} s)",
        highlight=False,
    )


def _fmt(value: float | None, spec: str = ".2f") -> str:
    return "–" if value is None else format(value, spec)


def _name(submission: Path) -> str:
    name = submission.resolve().name if submission.name in ("", ".") else submission.name
    for suffix in (".tar.gz", ".tgz", ".tar", ".zip"):
        name = name.removesuffix(suffix)
    return name or "submission"
