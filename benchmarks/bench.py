"""`make bench`: the performance budget of DESIGN.md, measured on the medium profile (seed 7) with
the reference solution. Prints a table (figure, measured, budget, met?) and writes
benchmarks/results/bench.json (after every step, so a run cut short keeps what it measured).

    python benchmarks/bench.py                       # every step (10-15 minutes on 2 quiet cores)
    python benchmarks/bench.py --steps grade,repeat  # some steps only
    python benchmarks/bench.py --keep /tmp/bench     # keep the bundle, grades and copies
    python benchmarks/bench.py --steps harness --add # re-run one step into the last bench.json
    python benchmarks/bench.py --table-only          # re-print the table of the last bench.json

Steps (module that measures it):
  corpus     generation at the default size, 5,000 and 10,000 documents (bench_corpus.py)
  grade      `takehome grade` of the reference with the same-session baseline (the default), and
             with --no-baseline: wall time, candidate vs harness time, memory (bench_grade.py)
  repeat     a second default grade: each latency ratio-to-baseline, grade 2 vs grade 1
  profile    grade 2 (or, without repeat, one more grade) sampled by pyinstrument (else
             cProfile): seconds per grading stage, call tree in results/grade_profile.txt
  harness    a grade of a stand-in pipeline that answers at once (--no-baseline, sampled): the
             harness's own cost per grade, nearly free of the candidate's; call tree in
             results/harness_profile.txt
  candidate  the candidate's `make test`, cold then warm, for the reference and the starter
             (bench_candidate.py)
  batch      `grade-many` of six known pipelines with --no-baseline, then by default with an
             empty and a filled baseline cache: each default round's wall time over the
             --no-baseline round's (bench_batch.py)

Absolute times depend on the machine and on what else runs on it; the ratios of `repeat` are
measured within one grade against its own baseline, so they travel better.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import bench_batch
import bench_candidate
import bench_corpus
import bench_grade
from bench_figures import Figure, summary, table

HERE = Path(__file__).resolve().parent
RESULTS = HERE / "results"
STEPS = ("corpus", "grade", "repeat", "profile", "harness", "candidate", "batch")
DEFAULT_SEED = 7  # the seed of the committed default variant (`make corpus`)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Measure the performance budget (DESIGN.md).")
    parser.add_argument(
        "--steps",
        default=",".join(STEPS),
        help=f"comma-separated steps to run, from: {', '.join(STEPS)} (default: all)",
    )
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--out", type=Path, default=RESULTS / "bench.json")
    parser.add_argument(
        "--run-timeout",
        type=int,
        default=None,
        metavar="S",
        help="grade under a run budget of S seconds instead of the profile's (a loaded machine "
        "stretches the reference's build past the profile's budget)",
    )
    parser.add_argument(
        "--keep",
        type=Path,
        default=None,
        help="work folder to keep (default: a temporary one, deleted at the end)",
    )
    parser.add_argument(
        "--add",
        action="store_true",
        help="add to the bench.json at --out: keep its other steps' results, replace these",
    )
    parser.add_argument(
        "--table-only",
        action="store_true",
        help="measure nothing: recompute the table of the bench.json at --out and print it",
    )
    args = parser.parse_args(argv)
    if args.table_only:
        return retable(args.out)
    steps = [s.strip() for s in args.steps.split(",") if s.strip()]
    unknown = [s for s in steps if s not in STEPS]
    if unknown:
        parser.error(f"unknown step(s) {', '.join(unknown)}; steps: {', '.join(STEPS)}")
    if args.keep is not None:
        args.keep.mkdir(parents=True, exist_ok=True)
        return run(
            steps, args.seed, args.keep, args.out, add=args.add, run_timeout_s=args.run_timeout
        )
    with tempfile.TemporaryDirectory(prefix="bench-") as tmp:
        return run(
            steps, args.seed, Path(tmp), args.out, add=args.add, run_timeout_s=args.run_timeout
        )


def run(
    steps: list[str],
    seed: int,
    work: Path,
    out: Path,
    *,
    add: bool = False,
    run_timeout_s: int | None = None,
) -> int:
    started = time.time()
    machine = {
        "cpus": os.cpu_count(),
        "load_at_start": os.getloadavg(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "run_timeout_s": run_timeout_s,  # None: the profile's own run budget
    }
    say(f"bench: steps {', '.join(steps)}; load average {_load()} on {os.cpu_count()} cores")
    results: dict[str, Any] = {}
    recorded = steps  # the steps bench.json holds results for
    if add and out.is_file():  # keep the earlier run's results; the steps run now replace theirs
        earlier = json.loads(out.read_text(encoding="utf-8"))
        results = earlier["results"]
        recorded = [s for s in earlier["steps"] if s not in steps] + steps
        machine["earlier"] = earlier["machine"]
    if "corpus" in steps:
        say("corpus: generating the default variant, 5,000 and 10,000 documents")
        results["corpus"] = bench_corpus.measure()
        save(out, started, seed, recorded, machine, results)
    setup = None
    if any(s in steps for s in ("grade", "repeat", "candidate", "profile", "harness", "batch")):
        say(f"building the bundle (medium, seed {seed}) and the reference solution")
        setup = bench_grade.prepare(work, seed=seed, run_timeout_s=run_timeout_s)
        results["setup"] = {k: str(v) for k, v in vars(setup).items()}
        say(f"isolation: {setup.isolation_note}")
    grades: dict[str, Any] = results.setdefault("grades", {})  # filled grade by grade
    if setup is not None and ("grade" in steps or "repeat" in steps):
        say("grade 1: reference with the same-session baseline (default)")
        grades["default"] = bench_grade.run_grade(setup, work / "grade-default")
    if setup is not None and "grade" in steps:
        say("grade: reference alone (--no-baseline)")
        grades["no_baseline"] = bench_grade.run_grade(
            setup, work / "grade-no-baseline", baseline=False
        )
        save(out, started, seed, recorded, machine, results)
    profile_prefix = out.parent / "grade_profile"
    if setup is not None and "repeat" in steps:
        # The sampler only watches the grader process (the child is a separate process), so
        # grade 2 doubles as the profiled grade; grade 1 and --no-baseline give the timing split.
        sampled = "profile" in steps
        say(
            "grade 2: reference with the same-session baseline, again, one core kept busy"
            + (" (profiled)" if sampled else "")
        )
        # beside a process spinning on one core for half of grade 1's duration
        busy_s = grades["default"]["command_wall_s"] / 2
        say(f"  with a busy process on one core for its first {busy_s:.0f} s")
        grades["default_again"] = bench_grade.run_grade(
            setup,
            work / "grade-default-again",
            profile=profile_prefix if sampled else None,
            busy_s=busy_s,
        )
        grades["default_again"]["busy_s"] = busy_s
        results["repeatability_pct"] = bench_grade.repeatability(
            grades["default"], grades["default_again"]
        )
        save(out, started, seed, recorded, machine, results)
    elif setup is not None and "profile" in steps:
        say("profile: one more default grade, sampled")
        grades["profiled"] = bench_grade.run_grade(
            setup, work / "grade-profiled", profile=profile_prefix
        )
    if setup is not None and "profile" in steps:
        profile = bench_grade.profile_stages(profile_prefix.with_suffix(".json"))
        results["profile"] = {**profile, "tree": str(profile_prefix.with_suffix(".txt"))}
        save(out, started, seed, recorded, machine, results)
    if setup is not None and "harness" in steps:
        say("harness: grading a stand-in pipeline that answers at once (--no-baseline, sampled)")
        prefix = out.parent / "harness_profile"
        fast = bench_grade.write_fast_submission(setup, work / "stand-in")
        grades["stand_in"] = bench_grade.run_grade(
            setup, work / "grade-stand-in", baseline=False, profile=prefix, submission=fast
        )
        profile = bench_grade.profile_stages(prefix.with_suffix(".json"))
        results["harness_profile"] = {**profile, "tree": str(prefix.with_suffix(".txt"))}
        save(out, started, seed, recorded, machine, results)
    if setup is not None and "candidate" in steps:
        results["make_test"] = {}
        for label, source in (("reference", setup.reference), ("starter", setup.bundle)):
            say(f"make test ({label}): cold, then warm")
            result = bench_candidate.measure(source, work / f"make-test-{label}")
            results["make_test"][label] = result
            save(out, started, seed, recorded, machine, results)
    if setup is not None and "batch" in steps:
        say("batch: grade-many of six known pipelines, empty then filled baseline cache")
        results["batch"] = bench_batch.measure(setup, work / "batch")
        save(out, started, seed, recorded, machine, results)
    machine["load_at_end"] = os.getloadavg()
    document = save(out, started, seed, recorded, machine, results, complete=True)
    show(document)
    say(f"wrote {out}")
    return 0


def figures_of(results: dict[str, Any]) -> list[Figure]:
    """The table's figures, from what the steps measured (bench.json's "results")."""
    figures: list[Figure] = []
    if "corpus" in results:
        figures += bench_corpus.figures(results["corpus"])
    grades = results.get("grades") or {}
    if "no_baseline" in grades:
        figures += bench_grade.grade_figures(grades.get("default"), grades["no_baseline"])
    if "default" in grades and "default_again" in grades:
        figures += bench_grade.repeat_figures(grades["default"], grades["default_again"])
    if "profile" in results:
        figures += bench_grade.profile_figures(results["profile"])
    if "stand_in" in grades:
        figures += bench_grade.stand_in_figures(grades["stand_in"], results["harness_profile"])
    for label, result in (results.get("make_test") or {}).items():
        figures += bench_candidate.figures(label, result)
    if "batch" in results:
        figures += bench_batch.figures(results["batch"])
    return figures


def save(
    out: Path,
    started: float,
    seed: int,
    steps: list[str],
    machine: dict[str, Any],
    results: dict[str, Any],
    *,
    complete: bool = False,
) -> dict[str, Any]:
    """Write bench.json; called after every step too, so a run cut short keeps what it measured."""
    figures = figures_of(results)
    document = {
        "created": datetime.datetime.fromtimestamp(started, datetime.UTC).isoformat(
            timespec="seconds"
        ),
        "complete": complete,
        "seed": seed,
        "profile": "medium",
        "solution": "reference",
        "steps": steps,
        "machine": machine,
        "wall_s": time.time() - started,
        "figures": [f.to_json() for f in figures],
        "summary": summary(figures),
        "table": table(figures),  # not vocabulary: the printed table of figures
        "results": results,
    }
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return document


def show(document: dict[str, Any]) -> None:
    """Print the table, the machine's load and which budgets were missed."""
    machine, results = document["machine"], document["results"]
    print(document["table"])  # not vocabulary: the printed table of figures
    end = machine.get("load_at_end")
    print(
        f"\nload average (1, 5, 15 min) at start {_fmt_load(machine['load_at_start'])}"
        + (f", at end {_fmt_load(end)}" if end else "")
        + f" ({machine['cpus']} cores)"
    )
    if "setup" in results:
        print(f"isolation: {results['setup']['isolation_note']}")
    outcome = document["summary"]
    print(
        f"budgets met: {len(outcome['met'])}, missed: {len(outcome['missed'])}"
        + (f" ({'; '.join(outcome['missed'])})" if outcome["missed"] else "")
    )


def retable(path: Path) -> int:
    """Recompute the figures of a saved bench.json from its results and print the table."""
    document = json.loads(path.read_text(encoding="utf-8"))
    figures = figures_of(document["results"])
    document.update(
        figures=[f.to_json() for f in figures], summary=summary(figures), table=table(figures)
    )
    path.write_text(json.dumps(document, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    show(document)
    return 0


def say(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def _load() -> str:
    return _fmt_load(os.getloadavg())


def _fmt_load(load: tuple[float, float, float]) -> str:
    return " ".join(f"{x:.2f}" for x in load)


if __name__ == "__main__":
    sys.exit(main())
