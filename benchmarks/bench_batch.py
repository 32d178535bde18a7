"""`make bench`, step batch: what a round costs beyond its submissions' own runs. Called by
bench.py.

Six known pipelines (the sound solution, the reference and four archetypes, each fixing one
component) are written as submissions of the bench's bundle and graded by `takehome grade-many`
(one worker) three times: with `--no-baseline` (the submissions' own runs, on the shipped and the
unseen corpus, and nothing else: the denominator), then the default grade (same-session baseline
and unseen corpus) with an empty baseline cache (a round's first grades), then again with the
cache the first left (every later round on the key). The budget: a default round costs at most
1.15 × the round of own runs, so the baselines add at most 15 %. (The reports' own-run wall times
are no denominator: a paired run's clock also runs while the baseline builds and alternates
beside it, so they overlap the baseline's.)
"""

from __future__ import annotations

import json
import os
import subprocess
import time
from pathlib import Path
from typing import Any

from bench_figures import Figure
from bench_grade import REPO, Setup, takehome

SUBMISSIONS = (
    "sound",
    "reference",
    "archetype:chunking",
    "archetype:embedding",
    "archetype:retrieval",
    "archetype:answering",
)
COST_BUDGET = 1.15  # a round's wall time over its submissions' own runs
OWN_RUNS = ("submission", "submission-unseen")  # the report's labels of a submission's runs


def measure(setup: Setup, work: Path) -> dict[str, Any]:
    """Write the submissions, grade them cold then warm; per pass, the figures of `_pass`."""
    folders = []
    for name in SUBMISSIONS:
        dest = work / "submissions" / name.replace(":", "-")
        if not dest.is_dir():
            subprocess.run(
                [*takehome(), "solution", name, "--key", str(setup.key), "--bundle"]
                + [str(setup.bundle), "--out", str(dest), "--force"],
                check=True,
                capture_output=True,
                text=True,
                cwd=REPO,
            )
        folders.append(dest)
    cache = work / "baseline-cache"
    alone = _pass(setup, folders, work / "round-alone", cache, baseline=False)
    passes = {"submissions": list(SUBMISSIONS), "alone": alone}
    for name in ("cold", "warm"):
        one = _pass(setup, folders, work / f"round-{name}", cache)
        one["ratio"] = one["command_wall_s"] / alone["command_wall_s"]
        passes[name] = one
    return passes


def _pass(
    setup: Setup, folders: list[Path], out: Path, cache: Path, *, baseline: bool = True
) -> dict[str, Any]:
    """One `grade-many` of `folders`: its wall time and the reports' run times."""
    env_cache = {"XDG_CACHE_HOME": str(cache)}
    clock = time.perf_counter()
    done = subprocess.run(
        [*takehome(), "grade-many", *map(str, folders), "--key", str(setup.key)]
        + ["--out", str(out), "--isolation", setup.isolation, "--workers", "1", "--force"]
        + ([] if baseline else ["--no-baseline"]),
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **env_cache},
    )
    wall = time.perf_counter() - clock
    own, others = 0.0, 0.0
    for folder in folders:
        report = json.loads((out / folder.name / "report.json").read_text(encoding="utf-8"))
        for label, run in report["timing"]["runs"].items():
            if label in OWN_RUNS:
                own += run["wall_s"]
            else:
                others += run["wall_s"]
    return {
        "exit_code": done.returncode,
        "command_wall_s": wall,
        "own_runs_s": own,
        "baseline_runs_s": others,
    }


def figures(result: dict[str, Any]) -> list[Figure]:
    alone = result.get("alone")
    if alone is None:  # a bench.json from before the own-runs pass: its ratio meant another thing
        return []
    rows = []
    for name, label in (("cold", "empty baseline cache"), ("warm", "baseline cache filled")):
        one = result.get(name)
        if one is None:
            continue
        rows.append(
            Figure(
                f"batch: 6 default grades / 6 grades of own runs ({label})",
                one["ratio"],
                "×",
                COST_BUDGET,
                note=f"{one['command_wall_s']:.0f} s against {alone['command_wall_s']:.0f} s "
                "with --no-baseline",
            )
        )
    return rows
