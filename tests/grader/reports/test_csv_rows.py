"""CSV rows: one header, one row per report, the same columns for every report."""

from __future__ import annotations

import csv
import io

from corpus.failure_modes import SLICES
from grader.reports.csv_rows import COLUMNS, csv_row, write_csv


def parse(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_one_row_per_report_under_one_header(report):
    other = {**report, "key": {**report["key"], "candidate": "=HYPERLINK(1)"}}
    buffer = io.StringIO()
    assert write_csv([report, other], buffer) == 2
    text = buffer.getvalue()
    assert text.splitlines()[0] == ",".join(COLUMNS)
    first, second = parse(text)
    assert first["candidate"] == "Ada Qxzvlace-Byron"
    assert second["candidate"] == "'=HYPERLINK(1)"  # no formula in a spreadsheet
    assert float(first["recall@5"]) == round(report["overall"]["metrics"]["recall@5"], 4)
    slices = report["slices"]
    assert float(first["recall@5.boundary"]) == round(slices["boundary"]["metrics"]["recall@5"], 4)
    unanswerable = slices["unanswerable"]["metrics"]["abstention_accuracy"]
    assert float(first["abstention_accuracy.unanswerable"]) == round(unanswerable, 4)
    verdicts = report["diagnosis"]["areas"]
    assert all(first[f"verdict.{area}"] == verdict for area, verdict in verdicts.items())
    assert first["isolation"] == "none" and first["isolated"] == "false"
    assert (first["findings.alert"], first["findings.warning"]) == ("0", "1")
    assert first["fatal"] == "" and float(first["search_p95_ms"]) > 0


def test_every_slice_has_a_column_and_missing_values_are_empty(report):
    report["baseline"] = None
    report["comparison"] = None
    del report["slices"]["table"]
    row = csv_row(report)
    assert set(row) == set(COLUMNS)
    assert all(any(c.endswith("." + s) for c in COLUMNS) for s in SLICES)
    (parsed,) = parse(_write(report))
    assert parsed["recall@5.table"] == "" and parsed["delta.recall@5"] == ""


def _write(report) -> str:
    buffer = io.StringIO()
    write_csv([report], buffer)
    return buffer.getvalue()


def test_each_slice_column_is_the_metric_its_area_is_judged_by(report):
    row = csv_row(report)
    judged = {}
    for diagnosis in report["diagnosis"]["rows"]:
        if diagnosis["slice"] in SLICES:
            judged.setdefault(diagnosis["slice"], diagnosis["metric"])
    assert judged["distractor"] == "recall@1"
    for name, metric in judged.items():
        assert row[f"{metric}.{name}"] == report["slices"][name]["metrics"][metric]
    assert "recall@5.distractor" not in row


def test_the_abstention_halves_have_columns(report):
    row = csv_row(report)
    halves = report["answerability"]
    assert (
        row["abstained_when_unanswerable"]
        == (halves["unanswerable"]["metrics"]["abstention_accuracy"])
    )
    assert row["false_abstention"] == 1 - halves["answerable"]["metrics"]["abstention_accuracy"]
    del report["answerability"]  # a report written before the halves were recorded
    assert csv_row(report)["false_abstention"] is None
