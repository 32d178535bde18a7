"""Known solutions for a bundle: the starter (`baseline`), the `reference`, the textbook `sound`
solution (the bar the reference's headroom is measured from), and `archetype:<c>` (the starter with
only component c replaced by the reference's).

A solution is written as a submission: a copy of the candidate's bundle with `rag/` re-assembled
from the catalogue, so it grades exactly like a candidate's work. Used by `make demo`,
calibration and the benchmarks; `takehome solution` is the command.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path

from corpus.failure_modes import COMPONENTS, REGISTRY, SOUND
from grader.catalogue import REFERENCE, CatalogueError, assemble

BASELINE, ARCHETYPE, PAIR = "baseline", "archetype:", "pair:"


def solution_names() -> list[str]:
    return [BASELINE, SOUND, REFERENCE, *(f"{ARCHETYPE}{c}" for c in COMPONENTS)]


def selection_for(solution: str, starter: Mapping[str, str]) -> dict[str, str]:
    """component → catalogue implementation for `solution`, given the starter's selection.

    Also accepts `pair:<a>+<b>` (the starter with two components fixed), which calibration uses."""
    if solution == REFERENCE:
        return {fm.component: fm.reference for fm in REGISTRY}
    if solution == SOUND:
        return {fm.component: fm.sound for fm in REGISTRY}
    fixed: list[str] = []
    if solution.startswith(ARCHETYPE):
        fixed = [solution.removeprefix(ARCHETYPE)]
    elif solution.startswith(PAIR):
        fixed = solution.removeprefix(PAIR).split("+")
    elif solution != BASELINE:
        fixed = [""]
    if any(c not in COMPONENTS for c in fixed):
        raise CatalogueError(
            f"unknown solution {solution!r}; known: {', '.join(solution_names())} "
            f"(and {PAIR}<a>+<b>)"
        )
    return {c: REFERENCE if c in fixed else starter[c] for c in COMPONENTS}


def write_solution(
    solution: str,
    bundle: Path,
    starter: Mapping[str, str],
    out: Path,
    *,
    chunk_size: int | None,
    force: bool = False,
) -> Path:
    """Copy `bundle` to `out` with rag/ assembled for `solution`; return `out`."""
    selection = selection_for(solution, starter)
    bundle, out = Path(bundle), Path(out)
    if not (bundle / "rag" / "pipeline.py").is_file():
        raise CatalogueError(f"{bundle} is not a bundle folder (no rag/pipeline.py)")
    if out.exists():
        if not force:
            raise CatalogueError(f"{out} already exists; pass --force to replace it")
        shutil.rmtree(out)
    ignore = shutil.ignore_patterns(".venv", ".takehome", "__pycache__", "*.pyc")
    shutil.copytree(bundle, out, ignore=ignore)
    shutil.rmtree(out / "rag")
    assemble(selection, out, chunk_size=chunk_size)
    return out
