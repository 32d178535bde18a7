"""The leaderboard of a batch: one row per submission, as CSV and as a self-contained HTML page.

Columns: quality (hidden recall@5, MRR@10, answer accuracy, citation precision, abstention on the
unanswerable slice), latency (search p50/p95 in ms and the ratio to the same session's baseline),
the diagnosis verdict per area, and integrity findings by severity. Rows are sorted by recall@5
then answer accuracy (best first); submissions that could not be graded come last with the reason.
Every value from a submission is escaped in the HTML.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from corpus.failure_modes import AREAS, UNANSWERABLE
from grader.batch.run import Outcome
from grader.grade.integrity import SEVERITIES

QUALITY = ("recall@5", "mrr@10", "answer_accuracy", "citation_precision")
LEADERBOARD_CSV = "leaderboard.csv"
LEADERBOARD_HTML = "leaderboard.html"


def rows(outcomes: Sequence[Outcome]) -> list[dict[str, Any]]:
    table = [_row(outcome) for outcome in outcomes]
    table.sort(
        key=lambda r: (
            r["status"] != "graded",
            -(r["recall@5"] or 0.0),
            -(r["answer_accuracy"] or 0.0),
            r["name"],
        ),
    )
    for rank, row in enumerate((r for r in table if r["status"] == "graded"), start=1):
        row["rank"] = rank
    return table


def columns() -> list[str]:
    return [
        # not vocabulary: "abstention" is the column of abstention accuracy
        "rank", "name", "candidate", "status", *QUALITY, "abstention", "search_p50_ms",
        "search_p95_ms", "search_p50_ratio", "build_s", *(f"area_{a.name}" for a in AREAS),
        *(f"findings_{s}" for s in SEVERITIES), "isolation", "report", "error",
    ]  # fmt: skip


def write_leaderboard(outcomes: Sequence[Outcome], out: Path) -> tuple[Path, Path]:
    """Write OUT/leaderboard.csv and OUT/leaderboard.html; return their paths."""
    table = rows(outcomes)
    out = Path(out)
    csv_path, html_path = out / LEADERBOARD_CSV, out / LEADERBOARD_HTML
    with csv_path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=columns())
        writer.writeheader()
        for row in table:
            writer.writerow({k: "" if row.get(k) is None else row.get(k) for k in columns()})
    html_path.write_text(_html(table, out), encoding="utf-8")
    return csv_path, html_path


def _row(outcome: Outcome) -> dict[str, Any]:
    row: dict[str, Any] = dict.fromkeys(columns())
    row["name"] = outcome.job.name
    if outcome.report is None:
        row.update(status="error", error=outcome.error)
        return row
    report = outcome.report
    metrics = report["overall"]["metrics"]
    search = report["latency"]["ops"]["search"]
    ratio = (report.get("comparison") or {}).get("latency_ratio") or {}
    unanswerable = report["slices"].get(UNANSWERABLE, {}).get("metrics", {})
    findings = [f["severity"] for f in report["integrity"]]
    row.update(
        candidate=report["key"].get("candidate"),
        status="graded" if report["fatal"] is None else f"failed at {report['fatal']['stage']}",
        **{key: metrics.get(key) for key in QUALITY},
        abstention=unanswerable.get("abstention_accuracy"),
        search_p50_ms=search.get("p50_ms"),
        search_p95_ms=search.get("p95_ms"),
        search_p50_ratio=ratio.get("search_p50"),
        build_s=report["latency"].get("build_s"),
        isolation=report["isolation"]["backend"],
        report=str(outcome.report_path),
        **{f"area_{a}": v for a, v in report["diagnosis"]["areas"].items()},
        **{f"findings_{s}": findings.count(s) for s in SEVERITIES},
    )
    return row


def _html(table: list[dict[str, Any]], out: Path) -> str:
    shown = [c for c in columns() if c not in ("report", "error")]
    head = "".join(f"<th>{html.escape(c)}</th>" for c in shown)
    body = []
    for row in table:
        cells = []
        for column in shown:
            value = row.get(column)
            if column == "name" and row.get("report"):
                link = Path(row["report"]).parent / "report.html"
                target = link if link.is_file() else Path(row["report"])
                try:
                    href = target.relative_to(out).as_posix()
                except ValueError:
                    href = target.as_uri()
                cells.append(
                    f'<td><a href="{html.escape(href)}">{html.escape(str(value))}</a></td>'
                )
                continue
            cells.append(f'<td class="{_css(column, value)}">{html.escape(_text(value))}</td>')
        if row["status"] == "error":
            cells.append(f'<td class="error">{html.escape(str(row.get("error") or ""))}</td>')
        body.append("<tr>" + "".join(cells) + "</tr>")
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Leaderboard</title><style>"
        "body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
        "th,td{border:1px solid #ccc;padding:4px 8px;text-align:right}"
        "td:nth-child(2),td:nth-child(3),td:nth-child(4){text-align:left}"
        ".fixed{background:#d9f2d9}.improved{background:#e3f0fb}.worse{background:#f8d7d7}"
        ".error{color:#a00;text-align:left}</style></head><body>"
        f"<h1>Leaderboard</h1><p>{len(table)} submission(s); hidden questions; latency ratio "
        "= submission / same-session baseline.</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        "</body></html>\n"
    )


def _text(value: Any) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}" if abs(value) < 100 else f"{value:.0f}"
    return str(value)


def _css(column: str, value: Any) -> str:
    return str(value) if column.startswith("area_") and isinstance(value, str) else ""
