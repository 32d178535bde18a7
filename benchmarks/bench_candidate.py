"""`make bench`, step 3: the candidate's `make test`, cold then warm, in a fresh copy of the bundle.
Called by bench.py.

Installing the bundle's own .venv (`make setup`) takes minutes and measures pip, not the
exercise, so the copy runs with the harness's interpreter instead:

    make test PY=<this interpreter> STAMP=

`PY` is the command the Makefile runs pytest with; an empty `STAMP` drops the `.venv/.installed`
prerequisite, so nothing is installed and no .venv is created (the harness venv is untouched). The
bundle's pytest settings put its root first on sys.path, so its own `exercise/` copy is the one
imported, as in a candidate's venv. Cold: no `.takehome/` (the embedding cache keyed by content
hash lives in .takehome/work); warm: the same command again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench_figures import Figure

COLD_BUDGET_S = 90.0
WARM_BUDGET_S = 30.0
TAIL_LINES = 12  # of make's output kept in the JSON


def make_test(repo: Path) -> dict[str, Any]:
    """One `make test` in `repo` with the harness interpreter; wall time, exit code, output tail."""
    command = ["make", "--no-print-directory", "test", f"PY={sys.executable}", "STAMP="]
    env = {k: v for k, v in os.environ.items() if k not in ("MAKEFLAGS", "MAKELEVEL", "MFLAGS")}
    start = time.perf_counter()
    done = subprocess.run(command, cwd=repo, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - start
    lines = (done.stdout + done.stderr).splitlines()
    return {"wall_s": wall, "exit_code": done.returncode, "tail": lines[-TAIL_LINES:]}


def measure(solution_dir: Path, copy_to: Path) -> dict[str, Any]:
    """Copy `solution_dir` to `copy_to` (without caches) and run `make test` there twice."""
    if copy_to.exists():
        shutil.rmtree(copy_to)
    ignore = shutil.ignore_patterns(".venv", ".takehome", "__pycache__", ".pytest_cache")
    shutil.copytree(solution_dir, copy_to, ignore=ignore)
    cold = make_test(copy_to)
    warm = make_test(copy_to)
    return {"repo": str(copy_to), "cold": cold, "warm": warm}


def figures(label: str, result: dict[str, Any]) -> list[Figure]:
    out = []
    for run, budget in (("cold", COLD_BUDGET_S), ("warm", WARM_BUDGET_S)):
        r = result[run]
        out.append(
            Figure(
                f"make test ({label}), {run}",
                r["wall_s"],
                "s",
                budget,
                note="" if r["exit_code"] == 0 else f"exit {r['exit_code']}: tests failed",
            )
        )
    return out
