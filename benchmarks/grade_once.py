"""Run one `takehome grade` in this process and record what the grader process itself cost.

    python benchmarks/grade_once.py RESULT.json [--profile PREFIX] -- <takehome grade arguments>

bench_grade.py starts this script once per grade, so the process is fresh and
`getrusage(RUSAGE_SELF)` is the grader's own peak RSS alone: the candidate's child (the sandboxed
`exercise.child`) is a separate process whose peak the report records as latency.peak_rss_mib.
RESULT.json gets {"exit_code", "wall_s" (imports included), "peak_rss_mib", "cpu_s" (this
process alone)}, written even when the command exits non-zero. (RUSAGE_CHILDREN would not add the
candidate's CPU: the sandbox launcher is killed with its process group, not waited for.)
With --profile, the run is sampled by pyinstrument (cProfile when pyinstrument is missing) and
PREFIX.txt (the call tree) and PREFIX.json (seconds per grading stage, see STAGES) are written
beside.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

# Grading stages for the profile summary: (label, path suffix of the module, function). Only the
# outermost call of each counts, so nested stages are not counted twice.
STAGES = (
    ("import the harness (CLI start)", "grader/cli.py", "<module>"),
    ("load the key", "grader/answer_key.py", "load_key"),
    ("intake (copy, hash the submission)", "grader/grade/intake.py", "take_in"),
    ("choose the sandbox", "grader/sandbox/registry.py", "choose"),
    ("run the child (wait + protocol)", "exercise/runner.py", "run_submission"),
    ("score_run (judge, bootstrap)", "exercise/evaluate.py", "score_run"),
    ("assemble the baseline", "grader/grade/session.py", "_assemble_baseline"),
    ("diagnose (paired bootstrap)", "grader/diagnosis.py", "diagnose"),
    ("history", "grader/grade/submission_history.py", "read_history"),
    ("integrity findings", "grader/grade/session.py", "_findings"),
    ("write report.json", "grader/grade/report_file.py", "write_report"),
    ("render report.html / report.md", "grader/reports/render.py", "write_companions"),
    ("print the summary", "grader/grade/cli.py", "print_summary"),
)


def main() -> None:
    argv = sys.argv[1:]
    split = argv.index("--") if "--" in argv else len(argv)
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("result", type=Path)
    parser.add_argument("--profile", type=Path, default=None)
    args = parser.parse_args(argv[:split])
    grade_args = argv[split + 1 :]
    profiler = _start_profiler() if args.profile else None
    start, code = time.perf_counter(), 0
    try:
        from grader.cli import app

        app(["grade", *grade_args], prog_name="takehome")
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        wall = time.perf_counter() - start
        if profiler is not None:
            _write_profile(profiler, args.profile, wall)
        own = resource.getrusage(resource.RUSAGE_SELF)
        result = {
            "exit_code": code,
            "wall_s": wall,
            "peak_rss_mib": own.ru_maxrss / 1024,  # KiB on Linux
            "cpu_s": own.ru_utime + own.ru_stime,
        }
        args.result.write_text(json.dumps(result) + "\n", encoding="utf-8")
    sys.exit(code)


def _start_profiler() -> Any:
    try:
        from pyinstrument import Profiler
    except ImportError:
        import cProfile

        profiler = cProfile.Profile()
        profiler.enable()
        return profiler
    profiler = Profiler(interval=0.001)
    profiler.start()
    return profiler


def _write_profile(profiler: Any, prefix: Path, wall: float) -> None:
    prefix.parent.mkdir(parents=True, exist_ok=True)
    if hasattr(profiler, "disable"):  # cProfile
        import pstats

        profiler.disable()
        with open(prefix.with_suffix(".txt"), "w", encoding="utf-8") as out:
            stats = pstats.Stats(profiler, stream=out)
            stats.sort_stats("cumulative").print_stats(60)
        stages = _cprofile_stages(stats)
        tool = "cProfile"
    else:
        session = profiler.stop()
        # The grader mostly waits on the child; a threshold of 1 ms keeps its own small stages
        # visible in the tree (pyinstrument's default hides anything under 1 % of the run).
        threshold = 0.001 / max(wall, 0.001)
        tree = profiler.output_text(
            unicode=True, color=False, processor_options={"filter_threshold": threshold}
        )
        flat = profiler.output_text(unicode=True, color=False, flat=True)
        prefix.with_suffix(".txt").write_text(
            tree + "\n\nFunctions by own time (flat):\n" + flat, encoding="utf-8"
        )
        stages = _tree_stages(session.root_frame())
        tool = "pyinstrument"
    prefix.with_suffix(".json").write_text(
        json.dumps({"tool": tool, "wall_s": wall, "stages_s": stages}, indent=2) + "\n",
        encoding="utf-8",
    )


def _stage_of(file_path: str | None, function: str | None) -> str | None:
    path = (file_path or "").replace("\\", "/")
    for label, suffix, name in STAGES:
        if function == name and path.endswith(suffix):
            return label
    return None


def _tree_stages(root: Any) -> dict[str, float]:
    """Seconds per stage from a pyinstrument frame tree, outermost calls only."""
    totals = {label: 0.0 for label, _, _ in STAGES}
    stack = [root] if root is not None else []
    while stack:
        frame = stack.pop()
        label = _stage_of(frame.file_path, frame.function)
        if label is not None:
            totals[label] += frame.time
            continue
        stack.extend(frame.children)
    return totals


def _cprofile_stages(stats: Any) -> dict[str, float]:
    """Seconds per stage from cProfile's cumulative times (recursion aside, outermost calls)."""
    totals = {label: 0.0 for label, _, _ in STAGES}
    for (path, _line, function), row in stats.stats.items():
        label = _stage_of(path, function)
        if label is not None:
            totals[label] += row[3]  # cumulative time
    return totals


if __name__ == "__main__":
    main()
