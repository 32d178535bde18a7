"""benchmarks/bench_figures.py: the budget checks and the table `make bench` prints (no timing)."""

from __future__ import annotations

import pytest

from tests.benchmarks.scripts import load_script

figures = load_script("bench_figures")
Figure = figures.Figure


def test_at_most_budget():
    assert Figure("a", 59.9, "s", 60.0).met is True
    assert Figure("a", 60.0, "s", 60.0).met is True
    assert Figure("a", 60.1, "s", 60.0).met is False


def test_within_budget_takes_the_absolute_deviation():
    assert Figure("r", -9.5, "%", 10.0, kind=figures.WITHIN).met is True
    assert Figure("r", -10.5, "%", 10.0, kind=figures.WITHIN).met is False


def test_no_budget_or_no_measurement_is_not_judged():
    assert Figure("a", 3.0, "s").met is None
    assert Figure("a", None, "s", 1.0).met is None


def test_unknown_kind_is_refused_naming_the_allowed_ones():
    with pytest.raises(ValueError, match="at_most, within"):
        Figure("a", 1.0, kind="about")


MEASURED = ("61.23 s", "+3.0 %", "1,234 MiB")


def test_table_columns_and_marks():
    text = figures.table(
        [
            Figure("grade", 61.234, "s", 60.0, note="loaded"),
            Figure("ratio", 3.0, "%", 10.0, kind=figures.WITHIN, digits=1),
            Figure("peak", 1234.0, "MiB", 2048.0, digits=0),
            Figure("info", None, "s"),
        ]
    )
    lines = text.splitlines()
    assert lines[0].split() == ["figure", "measured", "budget", "met?"]
    assert set(lines[1]) <= {"-", " "}
    assert "61.23 s" in lines[2] and "≤ 60.00 s" in lines[2] and "NO" in lines[2]
    assert lines[2].endswith("loaded")
    assert "+3.0 %" in lines[3] and "± 10.0 %" in lines[3] and "yes" in lines[3]
    assert "1,234 MiB" in lines[4] and "≤ 2,048 MiB" in lines[4]
    assert lines[5].split() == ["info", "–"]
    # measured is right-aligned: the column ends at the same place on every row
    ends = {
        line.index(value) + len(value) for line, value in zip(lines[2:5], MEASURED, strict=True)
    }
    assert len(ends) == 1


def test_summary_sorts_judged_figures_by_outcome():
    out = figures.summary(
        [
            Figure("ok", 1.0, "s", 2.0),
            Figure("bad", 3.0, "s", 2.0),
            Figure("skip", None, "s", 2.0),
            Figure("info", 1.0),
        ]
    )
    assert out == {"met": ["ok"], "missed": ["bad"], "unmeasured": ["skip"]}


def test_relative_change_in_percent():
    assert figures.relative_change(2.0, 2.2) == pytest.approx(10.0)  # 2.2 / 2.0 − 1 = 0.10
    assert figures.relative_change(0.0, 1.0) is None
    assert figures.relative_change(None, 1.0) is None


def test_linearity_is_one_for_a_straight_line():
    # 40 MB + 0.08 MB per document: both segments have slope 0.08
    points = [(n, 40 + 0.08 * n) for n in (300, 5_000, 10_000)]
    assert figures.linearity(points) == pytest.approx(1.0)
    # the last 5,000 documents cost twice as much per document as the first ones
    bent = [(0, 0.0), (5_000, 400.0), (10_000, 1_200.0)]
    assert figures.linearity(bent) == pytest.approx(2.0)
    assert figures.linearity(points[:2]) is None
