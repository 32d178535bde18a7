"""`make bench`, step batch: what a round costs beyond its submissions' own runs. Called by
bench.py.

Six known pipelines (the sound solution, the reference and four archetypes, each fixing one
component) are written as submissions of the bench's bundle and graded by one `takehome
grade-many` (one worker, the default grade: same-session baseline and unseen corpus), twice: first
with an empty baseline cache (a round's first grades), then again into a fresh folder with the
cache the first left (every later round on the key). The cost of a round is the command's wall
time; its submissions' own runs are the `submission` and `submission-unseen` runs of the six
reports (each run's wall time: sandbox, child start, build, every call). The budget: the round
costs at most 1.15 × those runs, so the baselines, the judging and the reports add at most 15 %.
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
OWN_RUNS = ("submission", "submission-unseen")


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
    return {
        "submissions": list(SUBMISSIONS),
        "cold": _pass(setup, folders, work / "round-cold", cache),
        "warm": _pass(setup, folders, work / "round-warm", cache),
    }


def _pass(setup: Setup, folders: list[Path], out: Path, cache: Path) -> dict[str, Any]:
    """One `grade-many` of `folders`: its wall time and the reports' own-run times."""
    env_cache = {"XDG_CACHE_HOME": str(cache)}
    clock = time.perf_counter()
    done = subprocess.run(
        [*takehome(), "grade-many", *map(str, folders), "--key", str(setup.key)]
        + ["--out", str(out), "--isolation", setup.isolation, "--workers", "1", "--force"],
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
        "ratio": wall / own if own else None,
    }


def figures(result: dict[str, Any]) -> list[Figure]:
    rows = []
    for name, label in (("cold", "empty baseline cache"), ("warm", "baseline cache filled")):
        one = result.get(name)
        if one is None:
            continue
        rows.append(
            Figure(
                f"batch: 6 grades / their own runs ({label})",
                one["ratio"],
                "×",
                COST_BUDGET,
                note=f"{one['command_wall_s']:.0f} s for {one['own_runs_s']:.0f} s of own runs; "
                f"baseline runs {one['baseline_runs_s']:.0f} s",
            )
        )
    return rows
