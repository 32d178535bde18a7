"""Measure the reference solution, the baseline and the archetypes on a variant's hidden questions.

A solution is a choice of one catalogue module per pipeline component (grader/catalogue/<component>/
<name>.py): the baseline is what the variant's profile plants, the reference is every
`reference.py`, and `archetype:<component>` is the baseline with that one component replaced by
its reference. Each is assembled into a fresh submission (the candidate template's fixed modules
plus the chosen files, as a bundle would ship them), run in a child process by `exercise.evaluate`
like the grader runs a candidate, and scored on the variant's hidden questions per slice.

    python benchmarks/measure_solutions.py                       # the reference, default variant
    python benchmarks/measure_solutions.py --solution all        # baseline, reference, archetypes
    python benchmarks/measure_solutions.py --variant /tmp/v11 --solution archetype:retrieval

`--variant` is a folder as `takehome corpus generate --out` writes it (`variant/` and `key/`).
Every run starts from an empty work dir unless `--work-dir` is given, so build time includes
encoding the corpus. Results are written to benchmarks/results/solutions.json.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout: `python benchmarks/...`

from corpus.failure_modes import COMPONENTS, REGISTRY, FailureMode  # noqa: E402
from corpus.key_file import read_key_file  # noqa: E402
from exercise.evaluate import EvalOptions, Report, evaluate  # noqa: E402
from exercise.loading import load_corpus, load_questions  # noqa: E402
from exercise.metrics import by_label  # noqa: E402
from grader.catalogue import (  # noqa: E402
    CatalogueError,
    assemble,
    resolve,
    selection_from_profile,
)
from grader.solutions.known import selection_for  # noqa: E402


# What each archetype's fix is for: its target slices and the metric that shows the fix. A fix
# should lift its targets by at least TARGET_LIFT and move every other slice's recall@5 far less.
# Reranking reorders a candidate pool, and near-duplicates (v2 and v3 of a policy, sibling models)
# mostly sit in the starter's top five together already: the wrong one ranked first is the
# failure, so distractor is judged there by recall@1 (recall@5 is still printed).
def _targets(fm: FailureMode) -> tuple[tuple[str, ...], str]:
    """A fix's targets, from the registry: its areas judged by recall@k (answering has none)."""
    judged = [a for a in fm.areas if a.metrics[0].startswith("recall@")]
    return tuple(s for a in judged for s in a.slices), (
        judged[0].metrics[0] if judged else "recall@5"
    )


TARGETS = {fm.component: _targets(fm) for fm in REGISTRY}
# The metric each slice is judged by: its fix's (recall@5 unless a fix says otherwise).
SLICE_METRIC = {s: metric for slices, metric in TARGETS.values() for s in slices}
TARGET_LIFT = 0.30
# "Far less": every other slice moves by at most this share of the archetype's smallest target
# lift, so a slice's move says which fix was made. A fix with no target slice (answering) must
# leave every slice's recall within NO_TARGET_MOVE.
ISOLATION = 0.5
NO_TARGET_MOVE = 0.05
METRICS = (
    "recall@1",
    "recall@5",
    "recall@10",
    "mrr@10",
    "answer_accuracy",
    "citation_precision",
    "abstention_accuracy",
)


def solution_files(solution: str, baseline: Mapping[str, str]) -> dict[str, Path]:
    """component -> the module file that `solution` uses for it (names as `grader.solutions.known`).

    Raises CatalogueError (a ValueError) naming the solution or a module that does not exist."""
    return {c: resolve(c, name) for c, name in selection_for(solution, baseline).items()}


def assemble_submission(files: Mapping[str, Path], out_dir: Path, chunk_size: int) -> Path:
    """A submission directory (`out_dir/rag/`) with the template's fixed modules and `files`."""
    selection = {component: path.stem for component, path in files.items()}
    assemble(selection, out_dir, chunk_size=chunk_size)  # the planted chunker keeps its alignment
    return out_dir


def measure(
    files: Mapping[str, Path], variant: Path, work_dir: Path | None
) -> tuple[Report, float]:
    """Evaluate the solution made of `files` on `variant`'s hidden questions, grouped by slice."""
    chunk_size = read_key_file(variant / "key").chunk_size
    corpus = load_corpus(variant / "variant")
    questions = load_questions(variant / "key" / "questions" / "hidden.jsonl", corpus)
    with tempfile.TemporaryDirectory(prefix="solution-") as scratch:
        submission = assemble_submission(files, Path(scratch) / "submission", chunk_size)
        start = time.perf_counter()
        report = evaluate(
            submission,
            corpus,
            questions,
            work_dir=work_dir or Path(scratch) / "work",
            log_path=Path(scratch) / "child.log",
            options=EvalOptions(),
            group_by=by_label("slice"),
        )
        wall = time.perf_counter() - start
        if report.fatal is not None:
            log = (Path(scratch) / "child.log").read_text(encoding="utf-8", errors="replace")
            raise RuntimeError(f"{report.fatal.one_line()}\n{log[-3000:]}")
    return report, wall


def print_report(name: str, files: Mapping[str, Path], report: Report, wall: float) -> None:
    print(f"\n== {name}: " + ", ".join(f"{c}={p.stem}" for c, p in files.items()))
    print(f"{'':14}" + "".join(f"{m[:11]:>12}" for m in METRICS) + f"{'n':>6}")
    for label, group in [("overall", report.overall), *report.groups.items()]:
        print(f"{label:14}" + "".join(_cell(group.means[m], 12) for m in METRICS) + f"{group.n:>6}")
    latency = report.latency
    ops = "  ".join(
        f"{op} p50 {o.p50_ms or 0:.0f} ms p95 {o.p95_ms or 0:.0f} ms"
        for op, o in latency.ops.items()
    )
    print(
        f"build {latency.build_s or 0:.1f} s  {ops}  peak RSS {latency.peak_rss_mib or 0:.0f} MiB"
        f"  whole run {wall:.1f} s  statuses {dict(report.statuses)}"
    )


def print_slice_table(results: Mapping[str, Report], metric: str) -> None:
    """One metric by solution and slice: the archetype table of the issue's acceptance."""
    slices = sorted({s for report in results.values() for s in report.groups})
    print(f"\n{metric} by solution and slice")
    print(f"{'':24}" + "".join(f"{s[:10]:>11}" for s in ["overall", *slices]))
    for name, report in results.items():
        groups = [report.overall, *(report.groups.get(s) for s in slices)]
        print(f"{name:24}" + "".join(_cell(g.means[metric] if g else None, 11) for g in groups))


def print_isolation(results: Mapping[str, Report]) -> bool:
    """Per archetype: the lift on its target slices, and the largest move elsewhere.

    Returns whether every archetype present met its target and moved the other slices far less
    (at most `ISOLATION` times its smallest target lift)."""
    base = results["baseline"].groups
    print(
        f"\narchetype lifts over the baseline (target >= {TARGET_LIFT:+.2f}; every other slice,"
        f" by its own fix's metric, within {ISOLATION:.0%} of the smallest target lift)"
    )
    held = True
    for component, (targets, metric) in TARGETS.items():
        report = results.get(f"archetype:{component}")
        if report is None:
            continue

        def lift(slice_: str, m: str, report: Report = report) -> float:
            return report.groups[slice_].means[m] - base[slice_].means[m]

        lifts = [lift(s, metric) for s in targets if s in base]
        shown = [f"{s} {lift(s, metric):+.2f}" for s in targets if s in base]
        # Every other slice by the metric its own fix is judged by (distractor: recall@1).
        others = {
            s: lift(s, SLICE_METRIC.get(s, "recall@5"))
            for s in base
            if s not in targets and _has(base[s])
        }
        worst = max(others, key=lambda s: abs(others[s]), default=None)
        met = all(value >= TARGET_LIFT for value in lifts)
        bound = ISOLATION * min(lifts) if lifts else NO_TARGET_MOVE
        isolated = worst is None or abs(others[worst]) <= bound + 1e-9  # float noise only
        held = held and met and isolated
        verdicts = ([] if not lifts else ["target met" if met else "TARGET NOT MET"]) + [
            f"isolated (<= {bound:.2f})" if isolated else f"NOT ISOLATED (> {bound:.2f})"
        ]
        print(
            f"  {component:10} {metric:9} {', '.join(shown) or '(no target slice)':38}"
            + (
                f" largest other move: {worst} {SLICE_METRIC.get(worst, 'recall@5')}"
                f" {others[worst]:+.2f}"
                if worst
                else ""
            )
            + "  "
            + ", ".join(verdicts)
        )
    return held


def _has(group) -> bool:
    return group.means.get("recall@5") is not None


def _cell(value: float | None, width: int) -> str:
    return f"{'-':>{width}}" if value is None else f"{value:>{width}.3f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--variant",
        type=Path,
        default=HERE.parent / "corpus" / "default",
        help="folder with variant/ and key/ (default: corpus/default)",
    )
    parser.add_argument(
        "--solution",
        action="append",
        default=[],
        help="reference (default), baseline, archetype:<component>, or all",
    )
    parser.add_argument(
        "--work-dir",
        type=Path,
        default=None,
        help="keep the pipeline's cache here between runs (default: a fresh dir)",
    )
    args = parser.parse_args()
    profile = read_key_file(args.variant / "key").profile
    baseline = selection_from_profile(profile)
    solutions = args.solution or ["reference"]
    if "all" in solutions:
        solutions = ["baseline", "reference", *(f"archetype:{c}" for c in COMPONENTS)]
    results: dict[str, Report] = {}
    summary = {}
    for solution in solutions:
        try:
            selection_for(solution, baseline)  # an unknown name is a usage error
        except CatalogueError as exc:
            parser.error(str(exc))
        try:
            files = solution_files(solution, baseline)
        except CatalogueError as exc:
            print(f"\n== {solution}: skipped, a module is missing ({exc})", file=sys.stderr)
            continue
        work_dir = args.work_dir / solution.replace(":", "-") if args.work_dir else None
        report, wall = measure(files, args.variant, work_dir)
        print_report(solution, files, report, wall)
        results[solution] = report
        summary[solution] = {
            "files": {c: str(p.relative_to(HERE.parent)) for c, p in files.items()},
            "overall": report.overall.to_json()["metrics"],
            "slices": {s: g.to_json()["metrics"] for s, g in report.groups.items()},
            "latency": report.latency.to_json(),
            "whole_run_s": round(wall, 2),
        }
    if len(results) > 1:
        for metric in ("recall@5", "recall@1", "answer_accuracy"):
            print_slice_table(results, metric)
        if "baseline" in results:
            print_isolation(results)
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "solutions.json").write_text(
        json.dumps({"variant": str(args.variant), "solutions": summary}, indent=2) + "\n",
        encoding="utf-8",
    )
    return 0 if results else 1


if __name__ == "__main__":
    sys.exit(main())
