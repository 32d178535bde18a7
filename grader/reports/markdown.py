"""The Markdown summary: headline numbers, diagnosis, findings and the debrief guide.

Written to paste into an ATS note or a pull request: GitHub-flavoured tables, no HTML, no images,
nothing that depends on the grader's disk. Text the candidate controls (a NOTES.md sentence, a
file name in a finding) goes through `md` so it cannot break a table or inject markup.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from corpus.failure_modes import AREAS
from grader.reports.debrief import debrief
from grader.reports.reading import (
    UNSEEN_HEAD,
    candidate,
    findings_by_severity,
    fmt,
    fmt_delta,
    fmt_row_delta,
    headline_rows,
    latency_parts,
    latency_phase_line,
    placement_note,
    ratio_with_ci,
    unseen_summary,
)
from grader.reports.trail import history_line

SUMMARY_METRICS = (
    "recall@1",
    "recall@5",
    "mrr@10",
    "ndcg@10",
    "citation_precision",
    "answer_accuracy",
    "supported_rate",
    "abstention_accuracy",
)
EVIDENCE_SHOWN = 5  # evidence lines per finding
_SPECIAL = re.compile(r"([\\`*\[\]<>|])")  # enough to stop links, images, HTML, cells


def md(text: object) -> str:
    """One line of untrusted text, safe inside a Markdown paragraph or table cell."""
    flat = " ".join(str(text).split())
    return _SPECIAL.sub(r"\\\1", flat.replace("&", "&amp;"))


def render_markdown(report: Mapping[str, Any]) -> str:
    guide = debrief(report)
    base = report.get("baseline")
    iso = report["isolation"]
    lines = [
        f"## Grade: {md(candidate(report))}",
        "",
        f"Profile **{md(report['key']['profile'])}** · isolation {md(iso['backend'])}"
        + ("" if iso["isolated"] else " (**unisolated**)")
        + f" · graded {md(report['created'])} · {report['overall']['metrics'].get('n')} hidden "
        "questions",
        "",
    ]
    if report.get("fatal"):
        fatal = report["fatal"]
        lines += [
            f"**The submission failed at {md(fatal.get('stage'))}:** {md(fatal.get('reason'))}",
            "",
        ]
    failed = {k: v for k, v in report["statuses"].items() if v and k != "ok"}
    if failed:
        lines += ["Question statuses: " + ", ".join(f"{k} {v}" for k, v in failed.items()), ""]
    if report.get("budget"):
        lines += [f"**Run budget:** {md(report['budget'].get('message'))}", ""]
    lines += _headline(report, base)
    lines += _areas(report)
    lines += _placement(report)
    lines += _latency(report, base)
    lines += _unseen(report)
    lines += _findings(report)
    lines += [f"**Debugging trail:** {md(history_line(report))}", ""]
    lines += ["### Debrief questions", ""]
    for item in guide.areas:
        if not item.questions and not item.remark:
            continue
        lines.append(f"**{item.title}** ({item.verdict or 'no verdict'}): {md(item.measured)}")
        lines.append("")
        if item.remark:
            lines += [f"> {md(item.remark)}", ""]
        lines += [f"- {md(q)}" for q in item.questions] + [""]
    if guide.other:
        lines += ["**Beyond the areas**", ""] + [f"- {md(q)}" for q in guide.other] + [""]
    lines += [
        f"_NOTES.md check: {md(guide.rule)}_"
        if guide.has_notes
        else "_No NOTES.md was handed in._",
        "",
    ]
    return "\n".join(lines)


def _headline(report: Mapping[str, Any], base: Mapping[str, Any] | None) -> list[str]:
    public = report.get("public")  # the questions the candidate had
    head = ["metric", "counts", *(["baseline"] if base else []), "submission"]
    head += [*(["Δ"] if base else []), "95% CI", *(["public"] if public else [])]
    lines = ["| " + " | ".join(head) + " |", "|---|---" + "|---:" * (len(head) - 2) + "|"]
    for row in headline_rows(report, SUMMARY_METRICS):
        split = row.label not in SUMMARY_METRICS  # a half of the metric above it
        cells = [f"↳ {row.label}" if split else row.label, md(row.counts)]
        cells += [*([fmt(row.baseline)] if base else []), fmt(row.submission)]
        cells += [*([fmt_delta(row.delta)] if base else [])]
        cells += [f"{row.ci[0]:.2f}–{row.ci[1]:.2f}" if row.ci else "–"]
        cells += [fmt(row.public)] if public else []
        lines.append("| " + " | ".join(cells) + " |")
    return [*lines, ""]


def _areas(report: Mapping[str, Any]) -> list[str]:
    diag = report["diagnosis"]
    lines = [
        "### Diagnosis",
        "",
        "| area | slice | metric | baseline | submission | Δ [95% CI] | verdict |",
        "|---|---|---|---:|---:|---|---|",
    ]
    for area in AREAS:
        for row in (r for r in diag["rows"] if r["area"] == area.name):
            delta = fmt_row_delta(row)
            lines.append(
                f"| {area.title} | {md(row['slice'])} | {md(row['metric'])} | "
                f"{fmt(row['baseline'])} | {fmt(row['submission'])} | {delta} | "
                f"{row['verdict'] or '–'} |"
            )
    summary = ", ".join(f"{a} **{v or '–'}**" for a, v in diag["areas"].items())
    return [*lines, "", f"Areas: {summary}", ""]


def _placement(report: Mapping[str, Any]) -> list[str]:
    placement = report["diagnosis"].get("placement")
    if not placement:
        return []
    lines = ["### Beyond the textbook fix", ""]
    if placement["calibration"] is None:
        return [*lines, f"No placement: {md(placement['reason'])}.", ""]
    lines += [
        "| slice | metric | starter | sound | reference | submission | place |",
        "|---|---|---:|---:|---:|---:|---|",
    ]
    for row in placement["rows"]:
        lines.append(
            f"| {md(row['slice'])} | {md(row['metric'])} | {fmt(row['starter'])} | "
            f"{fmt(row['sound'])} | {fmt(row['reference'])} | {fmt(row['submission'])} | "
            f"{row['place'] or '–'} |"
        )
    return [*lines, "", md(placement_note(placement)), ""]


def _latency(report: Mapping[str, Any], base: Mapping[str, Any] | None) -> list[str]:
    ratio = (report.get("comparison") or {}).get("latency_ratio") or {}
    parts = latency_parts(report, ("p50", "p95"))
    line = "**Latency:** " + ", ".join(parts)
    if base and ratio:
        line += (
            f" (vs the starter: build ×{_ratio(ratio.get('build_s'))}, search p50 "
            f"{ratio_with_ci(report, 'search_p50')}, answer p50 "
            f"{ratio_with_ci(report, 'answer_p50')}, search p95 "
            f"{ratio_with_ci(report, 'search_p95')})"
        )
    phase = latency_phase_line(report)
    return [line, "", *([md(phase), ""] if phase else [])]


def _unseen(report: Mapping[str, Any]) -> list[str]:
    sentence, rows = unseen_summary(report)
    lines = ["### On an unseen corpus", "", md(sentence), ""]
    if rows:
        lines += ["| " + " | ".join(UNSEEN_HEAD) + " |", "|---|---" + "|---:" * 4 + "|"]
        lines += ["| " + " | ".join(md(cell) for cell in row) + " |" for row in rows]
        lines.append("")
    return lines


def _findings(report: Mapping[str, Any]) -> list[str]:
    findings = report.get("integrity") or []
    if not findings:
        return ["**Integrity:** no findings", ""]
    counts = findings_by_severity(report)
    lines = [
        "**Integrity:** " + ", ".join(f"{v} {k}" for k, v in counts.items() if v),
        "",
    ]
    for finding in findings:
        lines.append(f"- **{finding['severity']}** — {md(finding['title'])}")
        for evidence in (finding.get("evidence") or [])[:EVIDENCE_SHOWN]:
            lines.append(f"  - {md(evidence)}")
    return [*lines, ""]


def _ratio(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.2f}" if value < 100 else f"{value:.3g}"
