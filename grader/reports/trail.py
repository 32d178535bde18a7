"""The candidate's debugging trail in the report: their local evaluations over time.

Read from the report's `history` section (grader.grade.submission_history): a line chart of the
public metrics at each recorded evaluation, and a table of the runs with the rag/ files changed
before each. A missing history is stated plainly ("no history submitted") and never counts
against anyone; a last run on other code than the submitted one is noted, as the integrity
finding says.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from grader.reports import svg
from grader.reports.svg import esc

TRAIL_METRICS = (
    ("recall@5", svg.SUBMISSION, False),
    ("answer_accuracy", svg.ACCENT, False),
    ("abstention_accuracy", svg.BASELINE, True),
)
MAX_POINTS = 60  # a watch session can log hundreds of runs: the chart keeps an even sample
MAX_ROWS = 25


def history_section(report: Mapping[str, Any]) -> str:
    history = report.get("history")
    head = "<section><h2>Debugging trail</h2>"
    if not history or history.get("status") != "submitted" or not history.get("entries"):
        summary = (history or {}).get("summary") or "no history submitted"
        return f"{head}<p>{esc(summary)}.</p></section>"
    entries = list(history["entries"])
    shown = _sample(entries, MAX_POINTS)
    start = _time(entries[0].get("time"))
    labels = [_offset(start, _time(e.get("time"))) for e in shown]
    every = max(1, len(shown) // 10)
    labels = [
        label if i % every == 0 or i == len(shown) - 1 else "" for i, label in enumerate(labels)
    ]
    series = [
        svg.Series(
            name,
            tuple(_metric(e, name) for e in shown),
            color,
            dashed=dashed,
        )
        for name, color, dashed in TRAIL_METRICS
    ]
    chart = svg.line_chart(
        labels,
        series,
        title="public metrics at each local evaluation (time since the first)",
        plot="trail",
        y_label="public",
        width=760,
    )
    rows = []
    for number, entry in list(enumerate(entries, start=1))[-MAX_ROWS:]:
        changed = entry.get("files_changed")
        rows.append(
            "<tr>"
            f"<td>{number}</td><td>{esc(entry.get('time') or '–')}</td>"
            f"<td>{esc(entry.get('label') or '')}</td>"
            f"<td>{_fmt(_metric(entry, 'recall@5'))}</td>"
            f"<td>{_fmt(_metric(entry, 'answer_accuracy'))}</td>"
            f"<td>{esc(_changed(changed))}</td>"
            "</tr>"
        )
    skipped = len(entries) - min(len(entries), MAX_ROWS)
    note = (
        f"<p class='small'>The first {skipped} runs are in the chart only.</p>" if skipped else ""
    )
    mismatch = (
        "<p><strong>The last recorded run was on other rag/ sources than the submitted "
        "ones</strong> — not a sign of cheating; ask what changed at the end.</p>"
        if history.get("last_matches_submission") is False
        else ""
    )
    return (
        f"{head}<p>{esc(history.get('summary', ''))}</p>{mismatch}<figure>{chart}</figure>"
        "<table><thead><tr><th>run</th><th>time (UTC)</th><th>by</th><th>recall@5</th>"
        f"<th>answers</th><th>rag/ files changed before it</th></tr></thead><tbody>{''.join(rows)}"
        f"</tbody></table>{note}</section>"
    )


def history_line(report: Mapping[str, Any]) -> str:
    """One Markdown-safe sentence for the summary."""
    history = report.get("history") or {}
    return str(history.get("summary") or "no history submitted")


def _sample(entries: list[Mapping[str, Any]], limit: int) -> list[Mapping[str, Any]]:
    if len(entries) <= limit:
        return entries
    step = (len(entries) - 1) / (limit - 1)
    return [entries[round(i * step)] for i in range(limit)]


def _metric(entry: Mapping[str, Any], name: str) -> float | None:
    value = (entry.get("metrics") or {}).get(name)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def _time(value: Any) -> datetime | None:
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def _offset(start: datetime | None, moment: datetime | None) -> str:
    if start is None or moment is None:
        return "?"
    minutes = int((moment - start).total_seconds() // 60)
    return f"+{minutes // 60}:{minutes % 60:02d}"


def _changed(files: list[str] | None) -> str:
    if files is None:
        return "–"
    return ", ".join(files) if files else "none"


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"
