"""The self-contained HTML report: one file, inline CSS and SVG, no script, no external asset.

`render_html(report, docs=...)` turns a report dict into a page an interviewer opens from disk:
the headline numbers, the diagnosis table with verdicts, plots (recall@k, per-slice bars with
95% intervals, latency), integrity findings, attribution, the debrief guide, NOTES.md next to
what was measured, the worst questions with their evidence in context, and the runs' log tails.

Everything the candidate controls (answers, passages' text, NOTES.md, log lines, file names in
findings) is untrusted and passes through `esc`; the page carries a Content-Security-Policy that
forbids scripts and remote loads, so even a missed escape could not run code or phone home.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

from corpus.failure_modes import AREAS
from exercise.retrieval import RECALL_CUTOFFS
from grader.diagnosis import FIXED_AT
from grader.reports import svg
from grader.reports.debrief import Debrief, debrief
from grader.reports.html_questions import badge, render_worst
from grader.reports.reading import (
    HEADLINE_METRICS,
    OPS,
    PERCENTILES,
    UNSEEN_HEAD,
    WORST_DEFAULT,
    candidate,
    fmt,
    fmt_delta,
    fmt_ms,
    fmt_row_delta,
    headline_rows,
    latency_ms,
    latency_phase_line,
    placement_note,
    ratio_with_ci,
    recall_curve,
    slice_figures,
    unseen_summary,
)
from grader.reports.svg import esc
from grader.reports.trail import history_section

LOG_LINES = 20  # lines of each run's log shown
ADDITIVE_SLACK = 0.05  # contributions summing to more than the whole lift by this: say so
LOG_LINE_CHARS = 300
CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

STYLE = """
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2937;margin:0;
background:#f9fafb;line-height:1.45}
main{max-width:1080px;margin:0 auto;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px;border-bottom:1px solid
#e5e7eb;padding-bottom:4px}h3{font-size:14px;margin:16px 0 6px}
.meta{color:#6b7280;font-size:13px}
table{border-collapse:collapse;font-size:13px;background:#fff}
th,td{border:1px solid #e5e7eb;padding:4px 8px;text-align:left;vertical-align:top}
th{background:#f3f4f6}td.num{text-align:right;font-variant-numeric:tabular-nums;
white-space:nowrap}td.counts{max-width:320px}
.badge{display:inline-block;border-radius:9px;padding:0 8px;font-size:12px;font-weight:600}
.fixed{background:#dcfce7;color:#166534}.improved{background:#dbeafe;color:#1e40af}
.unchanged{background:#fef9c3;color:#854d0e}.worse{background:#fee2e2;color:#991b1b}
.none{background:#f3f4f6;color:#6b7280}
.alert{background:#fee2e2;color:#991b1b}.warning{background:#fef9c3;color:#854d0e}
.info{background:#f3f4f6;color:#374151}
.banner{padding:8px 12px;border-radius:6px;margin:10px 0;font-weight:600}
.plots{display:flex;flex-wrap:wrap;gap:12px}.plots svg{border:1px solid #e5e7eb;
border-radius:4px}
pre{background:#fff;border:1px solid #e5e7eb;padding:8px;white-space:pre-wrap;
word-break:break-word;font-size:12px;max-height:420px;overflow:auto}
.ctx{font-family:ui-monospace,monospace;font-size:12px;white-space:pre-wrap;background:#fff;
border:1px solid #e5e7eb;padding:8px;word-break:break-word}
.exp{background:#bbf7d0;outline:1px solid #16a34a}.ret{text-decoration:underline 2px #2563eb;
background:#dbeafe}.exp.ret{background:#a7f3d0}.cit{border-bottom:2px dotted #d97706}
.q{background:#fff;border:1px solid #e5e7eb;border-radius:6px;padding:10px 12px;margin:10px 0}
.q .text{font-weight:600}.small{font-size:12px;color:#6b7280}
.remark{color:#991b1b}ul{margin:4px 0 4px 20px;padding:0}
.legend span{margin-right:12px}ol.passages{list-style:none;margin:4px 0;padding:0}
"""


def render_html(
    report: Mapping[str, Any],
    *,
    docs: Mapping[str, str] | None = None,
    worst: int = WORST_DEFAULT,
    log_lines: int = LOG_LINES,
) -> str:
    """The report page. `docs` (doc_id → text, from the answer key) shows evidence in context;
    without it the worst questions show offsets only."""
    guide = debrief(report)
    who = candidate(report)
    body = [
        _header(report, who),
        _diagnosis(report),
        _placement(report),
        _headline(report),
        _plots(report),
        _latency_table(report),
        _unseen(report),
        _integrity(report),
        _attribution(report),
        _debrief(guide),
        _notes(report, guide),
        history_section(report),
        render_worst(report, docs, worst),
        _logs(report, log_lines),
        _footer(report),
    ]
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Grade report · {esc(who)}</title><style>{STYLE}</style></head>"
        f"<body><main>{''.join(body)}</main></body></html>\n"
    )


def _header(report: Mapping[str, Any], who: str) -> str:
    iso = report["isolation"]
    sub = report["submission"]
    parts = [
        f"<h1>{esc(who)}</h1>",
        f'<div class="meta">profile {esc(report["key"]["profile"])} · isolation '
        f"{esc(iso['backend'])} · graded {esc(report['created'])} · {esc(sub['kind'])} "
        f"{esc(sub['source'])} · sha256 {esc((sub.get('sha256') or '')[:12])}"
        + (f" · commit {esc(sub['git_commit'][:12])}" if sub.get("git_commit") else "")
        + "</div>",
    ]
    if not iso["isolated"]:
        parts.append(
            '<div class="banner alert">Graded WITHOUT isolation: the submission ran with the '
            "grader's own access.</div>"
        )
    if report.get("fatal"):
        fatal = report["fatal"]
        parts.append(
            f'<div class="banner alert">The submission failed at {esc(fatal.get("stage"))}: '
            f"{esc(fatal.get('reason'))}</div>"
        )
    failed = {k: v for k, v in report["statuses"].items() if v and k != "ok"}
    if failed:
        parts.append(
            '<div class="banner warning">Question statuses: '
            + esc(", ".join(f"{k} {v}" for k, v in failed.items()))
            + "</div>"
        )
    if report.get("budget"):
        parts.append(
            f'<div class="banner alert">Run budget: {esc(report["budget"].get("message"))}</div>'
        )
    if not report.get("baseline"):
        parts.append(
            f'<div class="banner info">No baseline: {esc(report.get("baseline_note"))}. '
            "Rows carry the submission's values only, without verdicts.</div>"
        )
    return "".join(parts)


def _headline(report: Mapping[str, Any]) -> str:
    base = report.get("baseline")
    public = report.get("public")  # the questions the candidate had: a large gap is a warning
    head = "<tr><th>metric</th><th>counts</th><th>submission</th><th>95% CI</th>"
    if base:
        head += "<th>baseline</th><th>Δ</th>"
    if public:
        head += f"<th>public (n = {esc(public['overall']['metrics'].get('n'))})</th>"
    rows = [head + "</tr>"]
    n = report["overall"]["metrics"].get("n")
    for row in headline_rows(report):
        split = row.label not in HEADLINE_METRICS  # a half of the metric above it
        label = f"&nbsp;&nbsp;↳ {esc(row.label)}" if split else esc(row.label)
        cells = [
            f"<td>{label}</td>",
            f'<td class="small counts">{esc(row.counts)}</td>',
            f'<td class="num">{fmt(row.submission)}</td>',
            f'<td class="num">{_ci(row.ci)}</td>',
        ]
        if base:
            cells += [f'<td class="num">{fmt(row.baseline)}</td>']
            cells += [f'<td class="num">{fmt_delta(row.delta)}</td>']
        if public:
            cells += [f'<td class="num">{fmt(row.public)}</td>']
        rows.append("<tr>" + "".join(cells) + "</tr>")
    note = (
        " The public column is the submission on the questions the candidate had: far above "
        "the hidden figures, it suggests tuning to them."
        if public
        else ""
    )
    return (
        f'<h2 id="summary">Hidden questions (n = {esc(n)})</h2><table>{"".join(rows)}</table>'
        '<p class="small">Each figure is a share of the questions its "counts" cell names. '
        "abstention_accuracy mixes two kinds of question, so its two halves follow it: "
        f"abstaining when the corpus does not say (higher is better) and abstaining when it "
        f"does (lower is better).{note}</p>"
    )


def _diagnosis(report: Mapping[str, Any]) -> str:
    diag = report["diagnosis"]
    rows = [
        "<tr><th>area</th><th>slice</th><th>metric</th><th>n</th><th>baseline</th>"
        "<th>submission</th><th>Δ [95% CI]</th><th>verdict</th></tr>"
    ]
    for area in AREAS:
        area_rows = [r for r in diag["rows"] if r["area"] == area.name]
        for i, row in enumerate(area_rows):
            first = (
                f'<td rowspan="{len(area_rows)}"><b>{esc(area.title)}</b><br>'
                f"{badge(diag['areas'].get(area.name))}</td>"
                if i == 0
                else ""
            )
            delta = fmt_row_delta(row)
            rows.append(
                f"<tr>{first}<td>{esc(row['slice'])}</td><td>{esc(row['metric'])}</td>"
                f'<td class="num">{esc(row["n"])}</td>'
                f'<td class="num">{fmt(row["baseline"])}</td>'
                f'<td class="num">{fmt(row["submission"])}</td>'
                f'<td class="num">{delta}</td><td>{badge(row["verdict"])}</td></tr>'
            )
    return (
        '<h2 id="diagnosis">Diagnosis: what the candidate fixed</h2>'
        f"<table>{''.join(rows)}</table>"
        f'<p class="small">{esc(diag.get("method", ""))}. Fixed = the 95% interval of the '
        "paired difference is above zero and the submission reaches "
        f"{diag.get('fixed_at', FIXED_AT)}"
        "; improved = above zero, below that level; unchanged = the interval contains zero; "
        "worse = below zero.</p>"
    )


def _placement(report: Mapping[str, Any]) -> str:
    placement = report["diagnosis"].get("placement")
    if not placement:
        return ""
    head = '<h2 id="placement">Beyond the textbook fix</h2>'
    if placement["calibration"] is None:
        return f'{head}<p class="small">No placement: {esc(placement["reason"])}.</p>'
    rows = [
        "<tr><th>slice</th><th>metric</th><th>starter</th><th>sound</th><th>reference</th>"
        "<th>submission</th><th>place</th></tr>"
    ]
    for row in placement["rows"]:
        rows.append(
            f"<tr><td>{esc(row['slice'])}</td><td>{esc(row['metric'])}</td>"
            f'<td class="num">{fmt(row["starter"])}</td><td class="num">{fmt(row["sound"])}</td>'
            f'<td class="num">{fmt(row["reference"])}</td>'
            f'<td class="num">{fmt(row["submission"])}</td><td>{esc(row["place"] or "–")}</td></tr>'
        )
    return (
        f'{head}<table>{"".join(rows)}</table><p class="small">{esc(placement_note(placement))}</p>'
    )


def _unseen(report: Mapping[str, Any]) -> str:
    sentence, rows = unseen_summary(report)
    head = '<h2 id="unseen">On an unseen corpus</h2>'
    if not rows:
        return f'{head}<p class="small">{esc(sentence)}</p>'
    cells = ["<tr>" + "".join(f"<th>{esc(h)}</th>" for h in UNSEEN_HEAD) + "</tr>"]
    for row in rows:
        cells.append(
            f"<tr><td>{esc(row[0])}</td><td>{esc(row[1])}</td>"
            + "".join(f'<td class="num">{esc(cell)}</td>' for cell in row[2:])
            + "</tr>"
        )
    return f"{head}<p>{esc(sentence)}</p><table>{''.join(cells)}</table>"


def _plots(report: Mapping[str, Any]) -> str:
    base = report.get("baseline")
    series = [svg.Series("submission", tuple(recall_curve(report)), svg.SUBMISSION)]
    if base:
        series.append(svg.Series("baseline", tuple(recall_curve(base)), svg.BASELINE, dashed=True))
    recall = svg.line_chart(
        [f"k={k}" for k in RECALL_CUTOFFS],
        series,
        title="recall@k (hidden, answerable)",
        plot="recall",
        y_label="recall@k",
    )
    figures = slice_figures(report)
    labels = [f"{f.slice}\n{f.metric}" for f in figures]
    bars = [
        svg.Series(
            "submission",
            tuple(f.submission for f in figures),
            svg.SUBMISSION,
            intervals=tuple(f.submission_ci for f in figures),
        )
    ]
    if base:
        bars.append(
            svg.Series(
                "baseline",
                tuple(f.baseline for f in figures),
                svg.BASELINE,
                intervals=tuple(f.baseline_ci for f in figures),
            )
        )
    slices = svg.bar_chart(
        labels,
        bars,
        title="per slice, by the metric its area is judged on (95% CI)",
        plot="slices",
        width=max(640, 112 * len(labels)),
    )
    ops = report["latency"].get("ops") or {}
    search = ops.get("search") or {}
    markers = [
        svg.Marker(f"search {name[:3]}", search[name])
        for name in PERCENTILES
        if isinstance(search.get(name), int | float)
    ]
    latency = svg.histogram(
        [
            svg.Samples(
                f"{op} ({len(latency_ms(report, op))} calls)", tuple(latency_ms(report, op)), color
            )
            for op, color in zip(OPS, (svg.SUBMISSION, svg.ACCENT), strict=True)
        ],
        title="submission latency per question",
        plot="latency",
        markers=markers,
    )
    return f'<h2 id="plots">Plots</h2><div class="plots">{recall}{slices}{latency}</div>'


def _latency_table(report: Mapping[str, Any]) -> str:
    base = report.get("baseline")
    lat = report["latency"]
    head = "<tr><th>figure</th><th>submission</th>"
    if base:
        head += "<th>baseline</th><th>ratio</th>"
    rows = [head + "</tr>"]

    def add(
        label: str, mine: float | None, theirs: float | None, key: str, unit: str, note: str = ""
    ) -> None:
        cells = f'<td>{esc(label)}</td><td class="num">{_unit(mine, unit)}</td>'
        if base:
            cells += f'<td class="num">{_unit(theirs, unit)}{esc(note)}</td>'
            cells += f'<td class="num">{esc(ratio_with_ci(report, key))}</td>'
        rows.append(f"<tr>{cells}</tr>")

    base_lat = base["latency"] if base else {}
    # With the baseline's index restored from its cache, the build and memory ratios divide by
    # the run that filled the cache: show that run's figures, so each row's cells agree.
    cached = (report.get("comparison") or {}).get("baseline_build") or {}
    filled = " (cached run)" if cached.get("build_s") is not None else ""
    add(
        "build",
        lat.get("build_s"),
        cached.get("build_s", base_lat.get("build_s")),
        "build_s",
        "s",
        filled,
    )
    for op in OPS:
        mine = (lat.get("ops") or {}).get(op) or {}
        theirs = (base_lat.get("ops") or {}).get(op) or {}
        for name in PERCENTILES:
            add(f"{op} {name[:3]}", mine.get(name), theirs.get(name), f"{op}_{name[:3]}", "ms")
    rss = cached.get("peak_rss_mib", base_lat.get("peak_rss_mib"))
    add("peak RSS", lat.get("peak_rss_mib"), rss, "peak_rss", "MiB", filled)
    # Only a baseline that ran is said to have run (a --no-baseline grade has none to compare).
    phase = latency_phase_line(report)
    baseline = (
        "The baseline ran in the same session. " + esc(phase or "")
        if base
        else f"No baseline ran ({esc(report.get('baseline_note') or 'none recorded')}), so "
        "there are no ratios."
    )
    return (
        '<h3 id="latency">Latency</h3>'
        f"<table>{''.join(rows)}</table>"
        f'<p class="small">Percentiles: {esc(lat.get("percentile_method", ""))}; child '
        f"restarts: {esc(lat.get('restarts', 0))}. {baseline}</p>"
    )


def _integrity(report: Mapping[str, Any]) -> str:
    findings = report.get("integrity") or []
    if not findings:
        return '<h2 id="integrity">Integrity findings</h2><p>No findings.</p>'
    items = []
    for finding in findings:
        evidence = "".join(f"<li><code>{esc(e)}</code></li>" for e in finding.get("evidence") or [])
        items.append(
            f"<li>{badge(finding['severity'], finding['severity'])} <b>{esc(finding['title'])}"
            f'</b> <span class="small">({esc(finding["check"])})</span><br>'
            f"{esc(finding.get('detail', ''))}"
            + (f"<ul>{evidence}</ul>" if evidence else "")
            + "</li>"
        )
    return f'<h2 id="integrity">Integrity findings</h2><ul>{"".join(items)}</ul>'


def _attribution(report: Mapping[str, Any]) -> str:
    attribution = report.get("attribution") or {}
    components = attribution.get("components")
    if not components:
        return (
            '<h2 id="attribution">Attribution</h2>'
            f"<p>{esc(attribution.get('note') or 'not run')}</p>"
        )
    metrics = sorted({m for c in components for m in (c.get("contribution") or {})})
    slices = sorted({s for c in components for s in (c.get("slices") or {})})
    head = "<tr><th>component</th><th>status</th>" + "".join(f"<th>{esc(m)}</th>" for m in metrics)
    head += "".join(f"<th>{esc(s)}</th>" for s in slices) + "</tr>"
    rows = [head]
    for comp in components:
        contribution = comp.get("contribution") or {}
        per_slice = comp.get("slices") or {}
        status = esc(comp["status"]) + (
            f' <span class="small">{esc(comp["reason"])}</span>' if comp.get("reason") else ""
        )
        rows.append(
            f"<tr><td>{esc(comp['component'])}</td><td>{status}</td>"
            + "".join(f'<td class="num">{fmt_delta(contribution.get(m))}</td>' for m in metrics)
            + "".join(f'<td class="num">{fmt_delta(per_slice.get(s))}</td>' for s in slices)
            + "</tr>"
        )
    totals = [
        ("sum of the measured contributions", attribution.get("sum_measured")),
        ("whole lift over the starter", attribution.get("whole_lift")),
    ]
    for label, values in totals:
        if values:
            rows.append(
                f'<tr><td colspan="2"><i>{esc(label)}</i></td>'
                + "".join(f'<td class="num">{fmt_delta(values.get(m))}</td>' for m in metrics)
                + "<td></td>" * len(slices)
                + "</tr>"
            )
    return (
        '<h2 id="attribution">Attribution</h2>'
        '<p class="small">What the submission loses when one component is swapped back for the '
        "starter's (per slice: recall@5, unanswerable: abstention accuracy). A swap is not "
        "attributable when the starter's part does not fit the candidate's code (the run fails, "
        "or falls below the whole starter): that drop measures the break, not the component. "
        f"{esc(attribution.get('note') or '')}</p><table>{''.join(rows)}</table>"
        + _additivity_note(attribution)
    )


def _additivity_note(attribution: Mapping[str, Any]) -> str:
    """A sentence when the contributions add up to clearly more than the whole lift."""
    sums, whole = attribution.get("sum_measured") or {}, attribution.get("whole_lift") or {}
    over = [
        m
        for m, total in sums.items()
        if total is not None and whole.get(m) is not None and total > whole[m] + ADDITIVE_SLACK
    ]
    if not over:
        return ""
    return (
        f'<p class="small">On {esc(", ".join(over))} the contributions add up to more than the '
        "whole lift: the fixes interact (one pays off only with another), so read each as what "
        "is lost without it, not as its share of the lift.</p>"
    )


def _debrief(guide: Debrief) -> str:
    parts = ['<h2 id="debrief">Debrief guide</h2>']
    for item in guide.areas:
        if not item.questions and not item.remark:
            continue
        questions = "".join(f"<li>{esc(q)}</li>" for q in item.questions)
        remark = f'<p class="remark">{esc(item.remark)}</p>' if item.remark else ""
        parts.append(
            f"<h3>{esc(item.title)} {badge(item.verdict)}</h3>"
            f'<div class="small">{esc(item.measured)}</div>{remark}<ul>{questions}</ul>'
        )
    if guide.other:
        parts.append(
            "<h3>Beyond the areas</h3><ul>"
            + "".join(f"<li>{esc(q)}</li>" for q in guide.other)
            + "</ul>"
        )
    return "".join(parts)


def _notes(report: Mapping[str, Any], guide: Debrief) -> str:
    notes = report.get("notes")
    if not notes:
        return '<h2 id="notes">NOTES.md</h2><p>The submission has no NOTES.md.</p>'
    rows = ["<tr><th>area</th><th>NOTES.md says</th><th>measured</th><th>verdict</th></tr>"]
    for item in guide.areas:
        said = (
            f'“{esc(item.claim.sentence)}” <span class="small">(keyword '
            f"{esc(item.claim.keyword)})</span>"
            if item.claim
            else '<span class="small">not mentioned</span>'
        )
        rows.append(
            f'<tr><td>{esc(item.title)}</td><td>{said}</td><td class="small">'
            f"{esc(item.measured)}</td><td>{badge(item.verdict)}</td></tr>"
        )
    return (
        '<h2 id="notes">NOTES.md next to the measurements</h2>'
        f"<table>{''.join(rows)}</table>"
        f'<p class="small">{esc(guide.rule)}</p>'
        f"<pre>{esc(notes)}</pre>"
    )


def _logs(report: Mapping[str, Any], lines: int) -> str:
    logs = report.get("logs") or {}
    if not logs or lines <= 0:
        return ""
    parts = ['<h2 id="logs">Log tails</h2>']
    for label, path in logs.items():
        tail = _tail(Path(path), lines)
        shown = (
            f"<pre>{esc(tail)}</pre>"
            if tail
            else '<p class="small">(empty, or not readable where this report was rendered)</p>'
        )
        parts.append(f'<h3>{esc(label)} <span class="small">{esc(path)}</span></h3>{shown}')
    return "".join(parts)


def _footer(report: Mapping[str, Any]) -> str:
    timing = report.get("timing") or {}
    harness = report.get("harness") or {}
    share = timing.get("harness_share")
    return (
        '<h2 id="about">About this grade</h2><p class="small">'
        f"graded in {fmt(timing.get('wall_s'), '.1f')} s (candidate code "
        f"{fmt(timing.get('candidate_s'), '.1f')} s, harness "
        f"{fmt(share * 100 if share is not None else None, '.1f')} %) · harness "
        f"{esc(harness.get('version'))}, generator {esc(harness.get('generator'))} · variant "
        f"{esc((report['key'].get('variant_manifest_sha256') or '')[:12])} · "
        f"{esc((report.get('environment') or {}).get('platform', ''))}</p>"
    )


def _tail(path: Path, lines: int) -> str:
    try:
        with path.open("rb") as handle:
            handle.seek(0, 2)
            size = handle.tell()
            handle.seek(max(0, size - 64 * 1024))
            data = handle.read().decode("utf-8", errors="replace")
    except OSError:
        return ""
    kept = data.splitlines()[-lines:]
    return "\n".join(
        line if len(line) <= LOG_LINE_CHARS else line[:LOG_LINE_CHARS] + "…" for line in kept
    )


def _ci(ci: tuple[float, float] | None) -> str:
    return f"{ci[0]:.2f}–{ci[1]:.2f}" if ci else "–"


def _unit(value: float | None, unit: str) -> str:
    if value is None:
        return "–"
    if unit == "ms":
        return f"{fmt_ms(value)} ms"
    return f"{value:.1f} {unit}" if unit != "s" else f"{value:.2f} s"
