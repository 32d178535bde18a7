"""The debrief guide: follow-up questions for the interview, generated from the measurements.

For every diagnosis area the guide asks two or three concrete questions, chosen by what the
numbers show: an area the candidate fixed or improved gets questions about how and at what cost;
an area left unchanged gets questions that probe whether they found the problem at all (the
interviewer's best signal); an area that got worse leads with the regression. Beyond the areas:
a latency regression (LATENCY_RATIO), questions that failed, and every integrity finding worth a
question become one item each.

NOTES.md is compared with the verdicts by keyword (CLAIM_RULE says exactly how); an area the
notes claim but the numbers do not show, and a lift the notes do not mention, are pointed out.
Everything here is data (frozen records); the HTML and Markdown renderers format it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from corpus.failure_modes import AREAS
from grader.diagnosis import FIXED_AT
from grader.reports.reading import area_reached, area_rows, fmt

LATENCY_RATIO = 2.0  # submission p95 over the starter's p95 that is worth a question …
LATENCY_FLOOR_MS = 100.0  # … when the submission's p95 is also at least this slow
BUILD_RATIO = 3.0
BUILD_FLOOR_S = 30.0
QUOTE_CHARS = 160

# Word starts that mark an area in NOTES.md (matched case-insensitively at a word boundary).
KEYWORDS: Mapping[str, tuple[str, ...]] = {a.name: a.debrief.keywords for a in AREAS}
FUTURE_HEADING = re.compile(r"\b(next|future|todo|to do|would)\b", re.IGNORECASE)
CHANGE_HEADING = re.compile(r"\b(chang|fix|did\b|done\b|implement)", re.IGNORECASE)
HEDGES = re.compile(
    r"\b(didn't|did not|not yet|no time|couldn't|could not|wasn't able|would|i'd|todo|tried|"
    r"plan to|might|next steps?|next time|in the future)\b",
    re.IGNORECASE,
)
CLAIM_RULE = (
    "An area counts as claimed when NOTES.md (HTML comments removed; only the sections whose "
    "heading says changed, fixed, did, done or implemented when there are any, else every "
    "section but those whose heading says next, future, todo or would) has a sentence "
    "containing one of the area's keywords and none of the hedges (didn't, did not, not yet, "
    "no time, couldn't, would, I'd, tried, plan to, might, next step, in the future, todo). A "
    "claim is flagged when the area's verdict is unchanged or worse (without a baseline: when "
    f"the submission is below {FIXED_AT:.1f} on the area's rows); a lift (fixed or improved) "
    "the notes do not mention is pointed out too."
)


@dataclass(frozen=True)
class Claim:
    """A sentence of NOTES.md that speaks of an area."""

    area: str
    keyword: str  # the keyword that matched
    sentence: str  # the sentence, trimmed to QUOTE_CHARS (untrusted text: escape when rendering)


@dataclass(frozen=True)
class AreaDebrief:
    area: str
    title: str
    verdict: str | None  # the diagnosis verdict (None without a baseline)
    addressed: bool  # fixed or improved (without a baseline: reached FIXED_AT)
    measured: str  # the rows in one line: "boundary recall@5 0.00 → 1.00 (fixed); …"
    questions: tuple[str, ...]
    claim: Claim | None  # the first NOTES.md sentence about the area
    remark: str | None  # where the notes and the numbers disagree


@dataclass(frozen=True)
class Debrief:
    areas: tuple[AreaDebrief, ...]
    other: tuple[str, ...]  # latency, failed questions, integrity findings
    has_notes: bool
    rule: str = CLAIM_RULE


def debrief(report: Mapping[str, Any]) -> Debrief:
    """The debrief guide of one report dict."""
    claims = find_claims(report.get("notes") or "")
    areas = []
    for area in AREAS:
        if area.name not in report["diagnosis"]["areas"]:
            continue  # the variant asks none of its slices (`grader.diagnosis`)
        rows = [r for r in area_rows(report, area.name) if r["n"] > 0]
        verdict = report["diagnosis"]["areas"].get(area.name)
        addressed = verdict in ("fixed", "improved") if verdict else area_reached(report, area.name)
        claim = claims.get(area.name)
        areas.append(
            AreaDebrief(
                area=area.name,
                title=area.title,
                verdict=verdict,
                addressed=addressed,
                measured=measured_line(rows),
                questions=tuple(_questions(report, area.name, verdict, addressed, rows)),
                claim=claim,
                remark=_remark(area.name, verdict, addressed, claim, rows, report),
            )
        )
    return Debrief(tuple(areas), tuple(_other(report)), has_notes=bool(report.get("notes")))


def find_claims(notes: str) -> dict[str, Claim]:
    """The first claiming sentence per area, by CLAIM_RULE."""
    text = re.sub(r"<!--.*?-->", " ", notes, flags=re.DOTALL)
    sections = [(h, b) for h, b in _sections(text) if not FUTURE_HEADING.search(h)]
    changes = [(h, b) for h, b in sections if CHANGE_HEADING.search(h)]
    claims: dict[str, Claim] = {}
    for _heading, body in changes or sections:
        for sentence in _sentences(body):
            if HEDGES.search(sentence):
                continue
            lowered = sentence.lower()
            for area, words in KEYWORDS.items():
                if area in claims:
                    continue
                word = next((w for w in words if re.search(r"\b" + re.escape(w), lowered)), None)
                if word is not None:
                    claims[area] = Claim(area, word, _trim(sentence))
    return claims


def measured_line(rows: list[Mapping[str, Any]]) -> str:
    if not rows:
        return "no questions in this area"
    parts = []
    for row in rows:
        now = fmt(row["submission"])
        if row["baseline"] is None:
            parts.append(f"{row['slice']} {row['metric']} {now}")
        else:
            parts.append(
                f"{row['slice']} {row['metric']} {fmt(row['baseline'])} → {now} "
                f"({row['verdict'] or 'no verdict'})"
            )
    return "; ".join(parts)


def _questions(
    report: Mapping[str, Any],
    area: str,
    verdict: str | None,
    addressed: bool,
    rows: list[Mapping[str, Any]],
) -> list[str]:
    if not rows:
        return []
    weakest = min(rows, key=lambda r: (r["submission"] or 0.0, r["slice"], r["metric"]))
    values = row_values(rows)
    bank = _DONE if addressed else _OPEN
    asked = [q.format(values=values, now=fmt(weakest["submission"])) for q in bank[area]]
    if verdict == "worse":
        worst = min(rows, key=lambda r: (r["delta"] or 0.0, r["slice"], r["metric"]))
        ci = worst["ci95"]
        asked.insert(
            0,
            f"{worst['slice']} {worst['metric']} fell from {fmt(worst['baseline'])} to "
            f"{fmt(worst['submission'])} (Δ {worst['delta']:+.2f}, 95% CI {ci[0]:+.2f} to "
            f"{ci[1]:+.2f}): did you notice, and was it a trade-off you chose?",
        )
        return asked[:3]
    if addressed and (weakest["submission"] or 0.0) < FIXED_AT:
        asked.append(
            f"{weakest['slice']} {weakest['metric']} is still {fmt(weakest['submission'])}: what "
            "is left there, and what would you try next?"
        )
    elif addressed:
        asked.append(_COST[area].format(**_latency_words(report)))
    return asked[:3]


def row_values(rows: list[Mapping[str, Any]]) -> str:
    """The rows' submission figures in one phrase, each named by what tells it from the others:
    "boundary 0.00, heading 0.10" (one metric, several slices), "citation precision 0.15,
    supported rate 0.01" (one slice, several metrics), else slice and metric both."""
    slices = {r["slice"] for r in rows}
    metrics = {r["metric"] for r in rows}

    def name(row: Mapping[str, Any]) -> str:
        metric = str(row["metric"]).replace("_", " ")
        if len(metrics) == 1:
            return str(row["slice"])
        if len(slices) == 1:
            return metric
        return f"{row['slice']} {metric}"

    return ", ".join(f"{name(r)} {fmt(r['submission'])}" for r in rows)


# The questions per area (the registry's): when addressed, when not, and on the fix's cost.
_DONE: Mapping[str, tuple[str, ...]] = {a.name: a.debrief.done for a in AREAS}
_OPEN: Mapping[str, tuple[str, ...]] = {a.name: a.debrief.open for a in AREAS}
_COST: Mapping[str, str] = {a.name: a.debrief.cost for a in AREAS}


def _latency_words(report: Mapping[str, Any]) -> dict[str, str]:
    lat = report["latency"]
    ops = lat.get("ops") or {}
    return {
        "build": f"{fmt(lat.get('build_s'), '.1f')} s",
        "search": f"{fmt((ops.get('search') or {}).get('p95_ms'), '.0f')} ms",
        "answer": f"{fmt((ops.get('answer') or {}).get('p95_ms'), '.0f')} ms",
        "rss": f"{fmt(lat.get('peak_rss_mib'), '.0f')} MiB",
    }


def _remark(
    area: str,
    verdict: str | None,
    addressed: bool,
    claim: Claim | None,
    rows: list[Mapping[str, Any]],
    report: Mapping[str, Any],
) -> str | None:
    if not report.get("notes") or not rows:
        return None
    if claim is not None and not addressed:
        shown = (
            f"the verdict is {verdict}"
            if verdict
            else f"the submission stays below {FIXED_AT:.1f} (no baseline to compare)"
        )
        return (
            f"NOTES.md claims work on {area} (“{claim.sentence}”), but the numbers do not show "
            f"it: {shown} — {measured_line(rows)}."
        )
    if claim is None and verdict in ("fixed", "improved"):
        return (
            f"{area} {verdict}, but NOTES.md does not mention it: ask what caused the lift "
            "(a side effect of another change?)."
        )
    return None


def _other(report: Mapping[str, Any]) -> list[str]:
    items = []
    ratios = (report.get("comparison") or {}).get("latency_ratio") or {}
    ops = report["latency"].get("ops") or {}
    base_ops = ((report.get("baseline") or {}).get("latency") or {}).get("ops") or {}
    for op in ("search", "answer"):
        p95 = (ops.get(op) or {}).get("p95_ms")
        ratio = ratios.get(f"{op}_p95")
        if p95 is not None and ratio is not None:
            if ratio >= LATENCY_RATIO and p95 >= LATENCY_FLOOR_MS:
                base = (base_ops.get(op) or {}).get("p95_ms")
                items.append(
                    f"Latency: {op} p95 is {p95:.0f} ms, ×{ratio:.1f} the starter's "
                    f"({fmt(base, '.0f')} ms). Where does the time go, and what would you drop "
                    "under a tighter budget?"
                )
    build, build_ratio = report["latency"].get("build_s"), ratios.get("build_s")
    if build is not None and build_ratio is not None:
        if build_ratio >= BUILD_RATIO and build >= BUILD_FLOOR_S:
            items.append(
                f"Build time: {build:.0f} s, ×{build_ratio:.1f} the starter's. What is cached, "
                "and what would a corpus ten times larger cost?"
            )
    fatal = report.get("fatal")
    if fatal:
        items.append(
            f"The submission failed at {fatal.get('stage')} ({fatal.get('reason')}): did it run "
            "on their machine, and what differs here (no network, limits)?"
        )
    failed = {k: v for k, v in (report.get("statuses") or {}).items() if k != "ok" and v}
    if failed and not fatal:
        items.append(
            "Some questions failed ("
            + ", ".join(f"{v} {k}" for k, v in failed.items())
            + "): what does the pipeline do on an unexpected input, and why did these fail?"
        )
    for finding in report.get("integrity") or []:
        if finding["severity"] in ("alert", "warning") and finding.get("check") != "isolation":
            items.append(
                f"Integrity ({finding['severity']}): {finding['title']}. {finding['detail']}"
            )
    return items


def _sections(text: str) -> list[tuple[str, str]]:
    sections: list[tuple[str, str]] = [("", "")]
    for line in text.splitlines():
        if re.match(r"\s{0,3}#{1,6}\s", line):
            sections.append((line.strip("# ").strip(), ""))
        else:
            heading, body = sections[-1]
            sections[-1] = (heading, body + line + "\n")
    return sections


def _sentences(body: str) -> list[str]:
    pieces = re.split(r"(?<=[.!?])\s+|\n\s*\n|\n(?=\s*(?:[-*+]|\d+\.)\s)", body)
    bullet = re.compile(r"^\s*(?:[-*+]|\d+\.)\s+")
    return [" ".join(bullet.sub("", p).split()) for p in pieces if p and p.strip()]


def _trim(sentence: str) -> str:
    return sentence if len(sentence) <= QUOTE_CHARS else sentence[: QUOTE_CHARS - 1] + "…"
