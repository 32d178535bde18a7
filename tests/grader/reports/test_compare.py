"""`takehome compare` and `grader.reports.compare`: grades side by side."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from typer.testing import CliRunner

from grader.cli import app
from grader.reports.cli import column_names
from grader.reports.compare import comparison_markdown, comparison_rows
from grader.reports.reading import slice_figures


def _save(report: dict[str, Any], folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "report.json").write_text(json.dumps(report), encoding="utf-8")
    return folder


def _halved(report: dict[str, Any]) -> dict[str, Any]:
    """The report with every slice's headline figure halved."""
    for figure in slice_figures(report):
        metrics = report["slices"][figure.slice]["metrics"]
        if metrics.get(figure.metric) is not None:
            metrics[figure.metric] /= 2
    return report


def test_a_row_per_slice_then_the_mean_the_overall_figures_and_the_cost(graded):
    full, half = graded.report(), _halved(graded.report())
    rows = comparison_rows([full, half])
    figures = slice_figures(full)
    by_label = {row.label: row for row in rows}
    for figure in figures:
        row = by_label[f"{figure.slice} ({figure.metric})"]
        assert row.values[0] == figure.submission
        if figure.submission is not None:
            assert row.values[1] == figure.submission / 2
    present = [f.submission for f in figures if f.submission is not None]
    mean = by_label["mean over slices"].values
    assert mean[0] == sum(present) / len(present) and mean[1] == mean[0] / 2
    # graded without the unseen corpus: not measured; with it, its headline
    assert by_label["same, on the unseen corpus"].values == (None, None)
    half["unseen"] = {"note": "ran", "headline": {"shipped": 0.5, "unseen": 0.25}}
    again = {row.label: row for row in comparison_rows([full, half])}
    assert again["same, on the unseen corpus"].values == (None, 0.25)
    assert by_label["overall recall@5"].values == (full["overall"]["metrics"]["recall@5"],) * 2
    assert by_label["build"].unit == "s" and by_label["search p95"].unit == "ms"
    assert [row.label for row in rows][: len(figures)] == [
        f"{f.slice} ({f.metric})" for f in figures
    ]


def test_the_markdown_table_has_a_column_per_report(graded):
    report = graded.report()
    text = comparison_markdown(["starter", "ours"], [report, report])
    lines = text.splitlines()
    assert lines[0] == "| | starter | ours |" and lines[1] == "|---|---:|---:|"
    assert len(lines) == 2 + len(comparison_rows([report]))
    assert all(line.count("|") == 4 for line in lines)


def test_the_command_prints_the_table_and_writes_it(graded, tmp_path):
    a = _save(graded.report(), tmp_path / "baseline")
    b = _save(_halved(graded.report()), tmp_path / "reference")
    out = tmp_path / "comparison.md"
    result = CliRunner().invoke(app, ["compare", str(a), str(b / "report.json"), "--out", str(out)])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("| | baseline | reference |")
    assert out.read_text(encoding="utf-8") == result.stdout
    assert f"comparison: {out}" in result.stderr


def test_one_report_or_a_missing_one_is_a_one_line_mistake(graded, tmp_path):
    a = _save(graded.report(), tmp_path / "a")
    one = CliRunner().invoke(app, ["compare", str(a)])
    assert one.exit_code == 2 and "two or more reports, got 1" in one.stderr
    missing = CliRunner().invoke(app, ["compare", str(a), str(tmp_path / "nope")])
    assert missing.exit_code == 2 and str(tmp_path / "nope") in missing.stderr
    assert "Traceback" not in one.output + missing.output


def test_columns_are_named_by_folder_or_by_path_when_two_share_a_name(tmp_path):
    assert column_names([tmp_path / "x" / "sound", tmp_path / "ref"]) == ["sound", "ref"]
    twins = [tmp_path / "a" / "grade", tmp_path / "b" / "grade"]
    assert column_names(twins) == [str(p) for p in twins]
