"""`make bench`, step 1: corpus generation (medium profile, seed 7) at the default size and
stretched to 5,000 and 10,000 documents, each in a fresh process (bench_generate.run), so each
peak RSS belongs to that size alone. Called by bench.py."""

from __future__ import annotations

import resource
from typing import Any

from bench_figures import Figure, linearity
from bench_generate import run

SIZES = (0, 5_000, 10_000)  # 0: the default variant as the profile sizes it
DEFAULT_BUDGET_S = 2.0
TEN_THOUSAND_BUDGET_S = 30.0
LINEARITY_BUDGET = 1.25  # last segment's MB/document at most 25 % above the first's


def measure(sizes: tuple[int, ...] = SIZES) -> dict[str, Any]:
    """{"runs": {size: bench_generate's row + process_cpu_s}} — size 0 is the default variant."""
    return {"runs": {str(size): _with_cpu(size) for size in sizes}}


def _with_cpu(size: int) -> dict[str, Any]:
    """bench_generate's row plus the child's CPU seconds (interpreter start and imports included):
    generation is single-threaded, so on a loaded machine CPU time is close to what the wall
    time would be on a quiet one."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    row = run(size)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {**row, "process_cpu_s": round(cpu, 3)}


def _cpu_note(row: dict[str, Any]) -> str:
    cpu = row.get("process_cpu_s")
    return "" if cpu is None else f"; process CPU {cpu:.1f} s"


def figures(result: dict[str, Any]) -> list[Figure]:
    runs = result["runs"]
    default, big = runs.get("0"), runs.get("10000")
    out = [
        Figure(
            "corpus: default variant, generate + write",
            default and default["generate_and_write_s"],
            "s",
            DEFAULT_BUDGET_S,
            note=f"{default['documents']:,} docs{_cpu_note(default)}" if default else "",
        ),
        Figure(
            "corpus: 10,000 documents, generate + write",
            big and big["generate_and_write_s"],
            "s",
            TEN_THOUSAND_BUDGET_S,
            note=f"peak {big['peak_rss_mb']:.0f} MB{_cpu_note(big)}" if big else "",
        ),
    ]
    points = [(r["documents"], r["peak_rss_mb"]) for r in runs.values()]
    ratio = linearity(points)
    per_doc = (
        (big["peak_rss_mb"] - default["peak_rss_mb"]) / (big["documents"] - default["documents"])
        if big and default and big["documents"] != default["documents"]
        else None
    )
    out.append(
        Figure(
            "corpus: memory slope, last / first segment",
            ratio,
            "×",
            LINEARITY_BUDGET,
            note=(
                f"{per_doc * 1000:.0f} KB per extra document; 1.00× = linear"
                if per_doc is not None
                else "needs three sizes"
            ),
        )
    )
    return out
