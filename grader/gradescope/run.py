"""What `run_autograder` runs in a Gradescope container: grade /autograder/submission and write
/autograder/results/results.json.

    python -m grader.gradescope.run [--root /autograder] [--isolation auto|bwrap|uid]

1. Locks down: /autograder/source (the key, the harness's code) readable by root alone, as
   setup.sh left it; checked again here, since a submission must never read either.
2. Picks the sandbox: bwrap where the container lets it create namespaces, else the uid backend
   (`grader.sandbox.uid`: an unprivileged uid of its own, no namespaces). The report names it.
3. Grades as `takehome grade` would, with settings.json's choices (baseline, unseen corpus),
   into /autograder/work/grade (report.json, report.md, logs), and writes results.json
   (`grader.reports.gradescope`) with the Markdown report appended to its output.

A submission Gradescope holds as one archive (a `make handin` tarball or a zip) is graded from
that archive. What is the candidate's doing (not a submission, an unreadable archive) gets a
results.json with score 0 saying so; what is the grader's (no sandbox, a broken key, a sandbox
failure) gets no results.json and exit code 1 with the reason on stderr, so Gradescope shows an
autograder failure to the staff instead of a 0 to the candidate.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path
from typing import Any

from exercise.errors import ExerciseError
from grader.answer_key import AnswerKeyError, load_key
from grader.grade.intake import SubmissionError
from grader.grade.report_file import report_json, save_report
from grader.grade.session import GradeOptions, grade, sandbox_limits
from grader.reports.gradescope import gradescope_results
from grader.reports.markdown import render_markdown
from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.interface import SandboxError
from grader.sandbox.uid import UidSandbox

ARCHIVES = (".tar.gz", ".tgz", ".tar", ".zip")
SETTINGS = "settings.json"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Grade a Gradescope submission.")
    parser.add_argument("--root", type=Path, default=Path("/autograder"))
    parser.add_argument(
        "--isolation",
        choices=("auto", BwrapSandbox.name, UidSandbox.name),
        default="auto",
        help="auto: bwrap where the container allows it, else uid",
    )
    args = parser.parse_args(argv)
    root: Path = args.root
    source, results = root / "source", root / "results"
    try:
        settings = json.loads((source / SETTINGS).read_text(encoding="utf-8"))
        source.chmod(0o700)
        key = load_key(source / "key")
        isolation = pick_isolation(key, args.isolation)
    except (OSError, ValueError, AnswerKeyError, SandboxError) as exc:
        return _grader_failed(f"the autograder is not set up: {exc}")
    print(f"isolation: {isolation}", file=sys.stderr)
    work = root / "work"
    out = work / "grade"
    shutil.rmtree(work, ignore_errors=True)
    out.mkdir(parents=True)
    for folder in (work, out):
        folder.chmod(0o711)  # the uid sandbox's runs pass through to their own folders
    options = GradeOptions(
        isolation=isolation,
        baseline=bool(settings.get("baseline", True)),
        unseen=bool(settings.get("unseen", True)),
        # one key for every submission and no one to re-run with another: grade a submission
        # built for another variant anyway, with the report's alert saying so
        allow_variant_mismatch=True,
    )
    try:
        result = grade(submitted(root / "submission"), key.root, out, options, say=_say)
    except SubmissionError as exc:
        return _write(results, _not_graded(str(exc)))
    except (ExerciseError, OSError, SandboxError) as exc:
        return _grader_failed(str(exc))
    report = report_json(result)
    save_report(report, out)
    markdown = render_markdown(report)
    (out / "report.md").write_text(markdown, encoding="utf-8")
    results_json = gradescope_results(report)
    results_json["output"] += "\n\n" + markdown
    results_json["output_format"] = "md"
    return _write(results, results_json)


def pick_isolation(key: Any, wanted: str = "auto") -> str:
    """bwrap when this container allows its namespaces, else the uid backend (or only the one
    `wanted` names); `SandboxError` naming the problems when none can run."""
    limits = sandbox_limits(key.record.budgets, calls=1)
    problems = []
    for sandbox in (BwrapSandbox(limits), UidSandbox(limits)):
        if wanted not in ("auto", sandbox.name):
            continue
        problem = sandbox.problem()
        if problem is None:
            return sandbox.name
        problems.append(f"{sandbox.name}: {problem}")
    raise SandboxError("no sandbox can run here (" + "; ".join(problems) + ")")


def submitted(folder: Path) -> Path:
    """The submission: the folder, or the one archive it holds when it has no rag/ package."""
    if (folder / "rag").is_dir() or not folder.is_dir():
        return folder
    entries = [p for p in folder.iterdir() if not p.name.startswith(".")]
    archives = [p for p in entries if p.is_file() and p.name.endswith(ARCHIVES)]
    if len(entries) == 1 and len(archives) == 1:
        return archives[0]
    if len(entries) == 1 and entries[0].is_dir() and (entries[0] / "rag").is_dir():
        return entries[0]  # a zip of the repository's folder
    return folder


def _not_graded(reason: str) -> dict[str, Any]:
    return {
        "score": 0.0,
        "output": f"The submission could not be graded: {reason}",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "tests": [],
    }


def _write(results: Path, data: dict[str, Any]) -> int:
    results.mkdir(parents=True, exist_ok=True)
    text = json.dumps(data, indent=2, ensure_ascii=False, allow_nan=False)
    (results / "results.json").write_text(text + "\n", encoding="utf-8")
    return 0


def _grader_failed(reason: str) -> int:
    print(f"autograder failure (not the submission's): {reason}", file=sys.stderr)
    return 1


def _say(message: str) -> None:
    print(message, file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
