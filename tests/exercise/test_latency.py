"""Nearest-rank percentiles and per-operation summaries."""

from __future__ import annotations

import math

import pytest

from exercise.latency import nearest_rank, op_latency, rss_mib


def test_nearest_rank_picks_an_observed_value() -> None:
    values = [float(v) for v in range(1, 101)]  # 1..100
    # rank = ceil(p/100 * 100) = p
    assert [nearest_rank(values, p) for p in (50, 95, 99, 100)] == [50.0, 95.0, 99.0, 100.0]
    ten = [float(v) for v in range(10, 110, 10)]  # 10, 20, ..., 100
    # n = 10: p50 -> rank 5, p95 -> rank ceil(9.5) = 10, p99 -> rank ceil(9.9) = 10
    assert [nearest_rank(ten, p) for p in (50, 95, 99)] == [50.0, 100.0, 100.0]
    assert nearest_rank([7.0], 99) == 7.0
    with pytest.raises(ValueError, match="at least one"):
        nearest_rank([], 50)
    with pytest.raises(ValueError, match="percentile must be in"):
        nearest_rank([1.0], 0)


def test_op_latency_converts_to_ms_and_counts_failures() -> None:
    summary = op_latency([3_000_000, None, 1_000_000, 2_000_000, None])
    assert (summary.calls, summary.failed) == (3, 2)
    assert (summary.p50_ms, summary.p95_ms, summary.max_ms) == (2.0, 3.0, 3.0)
    assert math.isclose(summary.mean_ms, 2.0)
    nothing = op_latency([None])
    assert (nothing.calls, nothing.failed, nothing.p50_ms) == (0, 1, None)


def test_rss_is_reported_in_mib() -> None:
    assert rss_mib(204_800) == 200.0 and rss_mib(None) is None
