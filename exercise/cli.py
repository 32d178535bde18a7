"""The `eval` command: `python -m exercise eval` for candidates, `takehome eval` for the team.

The only place where library errors become one-line messages and exit codes:
0 the summary was produced (also when some questions failed: their status says why);
1 the submission could not be imported, constructed or built (one line + traceback tail);
2 a usage or input problem (missing corpus, malformed question file, bad option);
130 interrupted (no output file is left half-written).
The summary goes to stdout, progress and errors to stderr.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from exercise.cli_errors import EXIT_SUBMISSION_FAILED, exit_codes, fail, interrupted, note, warn
from exercise.errors import ExerciseError
from exercise.evaluate import DEFAULT_K, MAX_K, EvalOptions, Report, evaluate
from exercise.export import export_trec, write_atomic
from exercise.history import DEFAULT_LABEL, check_label, record_evaluation, source_files
from exercise.loading import default_questions_path, load_corpus, load_questions
from exercise.metrics import DEFAULT_SEED
from exercise.runner import RunnerOptions
from exercise.summary import DEFAULT_WORST, render_summary

STATE_DIR = ".takehome"  # inside the submission: scratch/cache (work/) and the child's log

_RUNNER_DEFAULTS = RunnerOptions()
EPILOG = exit_codes(
    "summary printed (failed questions show their status)",
    failed="the submission could not be imported, constructed or built (one line and the "
    "traceback's tail)",
    bad="no corpus, a malformed question file, a bad option",
)

app = typer.Typer(
    name="exercise",
    help="Evaluate a RAG pipeline locally with the same code the grader uses.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_show_locals=False,
)


@app.callback()
def _main() -> None:
    """Evaluate a RAG pipeline locally with the same code the grader uses."""


def eval_command(
    submission: Annotated[
        Path,
        typer.Argument(
            help="Submission directory: the repository holding rag/pipeline.py.",
            metavar="SUBMISSION",
        ),
    ],
    corpus: Annotated[
        Path,
        typer.Option(
            "--corpus", help="Corpus variant directory (manifest.json, docs/).", show_default=False
        ),
    ],
    questions: Annotated[
        Path | None,
        typer.Option(
            "--questions",
            help="Question file (JSONL). Default: VARIANT/questions/public.jsonl.",
            show_default=False,
        ),
    ] = None,
    k: Annotated[
        int, typer.Option("--k", min=1, max=MAX_K, help="Passages asked for per search.")
    ] = DEFAULT_K,
    json_out: Annotated[
        Path | None,
        typer.Option(
            "--json",
            help="Write metrics, per-question results and latency as JSON.",
            show_default=False,
        ),
    ] = None,
    trec_dir: Annotated[
        Path | None,
        typer.Option(
            "--export-trec",
            help="Write run.trec, qrels.trec and metrics.json here, for trec_eval / "
            "pytrec_eval / ranx: that pair recomputes this run's recall@k, MRR and nDCG exactly, "
            "and judges no other run. Also run.docs.trec and qrels.docs.trec: the evidence "
            "documents as qrels, which judge any document-level run over the corpus (not the "
            "grade: a passage of the right document need not hold the evidence).",
            show_default=False,
        ),
    ] = None,
    work_dir: Annotated[
        Path | None,
        typer.Option(
            "--work-dir",
            help="Scratch and cache directory given to the pipeline. "
            f"Default: SUBMISSION/{STATE_DIR}/work.",
            show_default=False,
        ),
    ] = None,
    build_timeout: Annotated[
        float,
        typer.Option("--build-timeout", min=0.001, help="Seconds allowed for import + build."),
    ] = _RUNNER_DEFAULTS.build_timeout_s,
    query_timeout: Annotated[
        float,
        typer.Option(
            "--query-timeout", min=0.001, help="Seconds allowed per search or answer call."
        ),
    ] = _RUNNER_DEFAULTS.call_timeout_s,
    worst: Annotated[
        int, typer.Option("--worst", min=0, help="How many failing questions to show.")
    ] = DEFAULT_WORST,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the bootstrap intervals.")] = (
        DEFAULT_SEED
    ),
    history: Annotated[
        Path | None,
        typer.Option(
            "--history",
            help="Append one JSON line about this run (UTC time, metrics, a sha256 of rag/, "
            "the rag/ files changed since the last line) to this file. "
            "exercise/README.md describes it.",
            show_default=False,
        ),
    ] = None,
    history_label: Annotated[
        str,
        typer.Option("--history-label", help="How the run was started, as recorded in --history."),
    ] = DEFAULT_LABEL,
) -> None:
    """Build SUBMISSION's pipeline in a child process, ask every question, print a summary."""
    err = Console(stderr=True)
    try:
        check_label(history_label)
        options = EvalOptions(
            k=k,
            seed=seed,
            runner=RunnerOptions(build_timeout_s=build_timeout, call_timeout_s=query_timeout),
        )
        variant = load_corpus(corpus)
        question_list = load_questions(questions or default_questions_path(corpus), variant)
        if not (submission / "rag").is_dir():
            raise ExerciseError(f"submission {submission} has no rag/ package (rag/pipeline.py)")
        state = submission.resolve() / STATE_DIR
        # Hashed before the pipeline is imported: the sources this run evaluates.
        sources = source_files(submission) if history is not None else {}
        with _ProgressDisplay(err, len(question_list)) as progress:
            report = evaluate(
                submission,
                variant,
                question_list,
                work_dir=work_dir or state / "work",
                log_path=state / "child.log",
                options=options,
                progress=progress,
            )
        if report.fatal is None:
            render_summary(report, variant, Console(), worst=worst)
        _write_outputs(report, json_out, trec_dir)
        if history is not None:
            public = questions is None or _same_file(questions, default_questions_path(corpus))
            _record_history(history, submission, report, sources, history_label, public)
    except ExerciseError as exc:
        fail(str(exc))
    except KeyboardInterrupt:
        interrupted()
    except OSError as exc:  # an output path that cannot be written, a full disk, ...
        fail(str(exc))
    if report.fatal is not None:
        fatal = report.fatal
        tail = fatal.error.traceback if fatal.error else fatal.log_tail
        fail(fatal.one_line(), EXIT_SUBMISSION_FAILED, detail=tail)


app.command("eval", epilog=EPILOG)(eval_command)


def _write_outputs(report: Report, json_out: Path | None, trec_dir: Path | None) -> None:
    if json_out is not None:
        json_out.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(report.to_json(), indent=2, ensure_ascii=False) + "\n"
        write_atomic(json_out, text)
    if trec_dir is not None:
        export_trec(report.results, trec_dir, dict(report.overall.means))


def _record_history(
    path: Path,
    submission: Path,
    report: Report,
    sources: dict[str, str],
    label: str,
    public: bool,
) -> None:
    """Append the run to the history file; a failure to write it is a warning, not an error
    (the evaluation itself worked and its outputs are written)."""
    try:
        record_evaluation(
            path,
            submission,
            report,
            files=sources,
            label=label,
            questions="public" if public else "custom",
        )
    except OSError as exc:
        warn(f"could not append this run to {path}: {exc}")
    else:
        note(f"recorded this run in {path}")


def _same_file(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve()
    except OSError:
        return False


class _ProgressDisplay:
    """Adapts the runner's progress callbacks to a rich progress display on stderr."""

    def __init__(self, console: Console, questions: int) -> None:
        self._questions = questions
        self._progress = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._build = self._progress.add_task("importing and building", total=None)
        self._ask: int | None = None

    def __enter__(self) -> _ProgressDisplay:
        # Only on a terminal: in logs and CI a redrawn bar is noise.
        if self._progress.console.is_terminal:
            self._progress.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self._progress.live.is_started:
            self._progress.stop()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if stage == "build" and done == total:
            self._progress.update(self._build, total=1, completed=1, visible=False)
            self._ask = self._progress.add_task("asking questions", total=self._questions)
        elif stage == "ask" and self._ask is not None:
            self._progress.update(self._ask, completed=done)
        elif stage == "restart":
            self._progress.console.print(
                f"the pipeline timed out or crashed: restarting it ({done}/{total}), rebuilding"
            )
