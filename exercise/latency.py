"""Latency and memory: per-call timings → percentiles per operation, build time, peak RSS.

Every timing is measured inside the child with `time.monotonic_ns()` immediately around the call
(`build()`, or one `search`/`answer`), so process start-up, JSON encoding and the pipe are not
counted. Percentiles use the **nearest-rank** method: the p-th percentile of n sorted timings is the
value at 1-based rank ceil(p/100 * n), always an observed timing. Only calls that returned (a
valid or an invalid value) are timed; calls that raised or timed out are counted separately. Peak
RSS is the child's `resource.getrusage(RUSAGE_SELF).ru_maxrss` (the largest over restarts).
Called by `exercise.evaluate`.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

PERCENTILES = (50, 95, 99)
NS_PER_MS = 1_000_000


@dataclass(frozen=True)
class OpLatency:
    """Timings of one operation ("search" or "answer") in milliseconds."""

    calls: int  # calls that returned a value (the timed ones)
    failed: int  # calls that raised, timed out, or were cut short by a dead child
    p50_ms: float | None
    p95_ms: float | None
    p99_ms: float | None
    mean_ms: float | None
    max_ms: float | None


@dataclass(frozen=True)
class LatencyReport:
    """The latency section of an evaluation."""

    build_s: float | None  # the first successful build() (None if the build never finished)
    ops: Mapping[str, OpLatency]  # "search", "answer"
    peak_rss_mib: float | None  # the child's peak resident set size
    restarts: int  # times the child was restarted after a timeout or crash (each rebuilds)

    def to_json(self) -> dict[str, Any]:
        return {
            "build_s": self.build_s,
            "ops": {name: vars(op).copy() for name, op in self.ops.items()},
            "peak_rss_mib": self.peak_rss_mib,
            "restarts": self.restarts,
            "percentile_method": "nearest-rank",
        }


def nearest_rank(sorted_values: Sequence[float], percentile: float) -> float:
    """The value at 1-based rank ceil(p/100 * n) of already sorted, non-empty values."""
    if not sorted_values:
        raise ValueError("nearest_rank needs at least one value")
    if not 0 < percentile <= 100:
        raise ValueError(f"percentile must be in (0, 100], got {percentile}")
    rank = max(1, math.ceil(percentile / 100 * len(sorted_values)))
    return sorted_values[rank - 1]


def op_latency(elapsed_ns: Iterable[int | None]) -> OpLatency:
    """Summarize one operation's timings (None entries are failed, untimed calls)."""
    timed, failed = [], 0
    for value in elapsed_ns:
        if value is None:
            failed += 1
        else:
            timed.append(value / NS_PER_MS)
    if not timed:
        return OpLatency(0, failed, None, None, None, None, None)
    timed.sort()
    p50, p95, p99 = (nearest_rank(timed, p) for p in PERCENTILES)
    return OpLatency(len(timed), failed, p50, p95, p99, sum(timed) / len(timed), timed[-1])


def rss_mib(ru_maxrss_kib: int | None) -> float | None:
    """ru_maxrss is in KiB on Linux (the child converts other platforms before sending)."""
    return None if ru_maxrss_kib is None else ru_maxrss_kib / 1024
