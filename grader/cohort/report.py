"""Writing cohort statistics: DIR/cohort.json, DIR/questions.csv and a self-contained cohort.html.

Called by `takehome cohort` with a `grader.cohort.stats.Cohort`. The page has no scripts and no
external assets (box summaries are inline SVG); every string that came from a report (names,
candidates, slices, question ids and texts, paths) is escaped. Files are written to temporary
names and moved into place together, so an interruption never leaves a half-written file.
"""

from __future__ import annotations

import csv
import html
import io
import json
import os
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from grader.cohort.stats import (
    ALWAYS,
    BY_ITEM,
    NEGATIVE,
    NEVER,
    RULES,
    Cohort,
    Distribution,
    QuestionStats,
)

COHORT_JSON = "cohort.json"
QUESTIONS_CSV = "questions.csv"
COHORT_HTML = "cohort.html"
# id: the question id, or the item when the cohort is per item (cohort.json's "unit" says which)
CSV_COLUMNS = (
    "id", "item", "slice", "difficulty", "discrimination", "passes", "asked", "n", "flags", "text",
)  # fmt: skip
FLAG_LABELS = {NEVER: "never passed", ALWAYS: "always passed", NEGATIVE: "negative"}
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")  # spreadsheet formula triggers


@dataclass(frozen=True)
class CohortFiles:
    """What `write_cohort` wrote."""

    json: Path
    csv: Path
    html: Path


def write_cohort(cohort: Cohort, out: Path) -> CohortFiles:
    """Write the three files into `out` (created if needed); return their paths."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    files = CohortFiles(out / COHORT_JSON, out / QUESTIONS_CSV, out / COHORT_HTML)
    texts = {
        files.json: cohort_json_text(cohort),
        files.csv: questions_csv_text(cohort),
        files.html: cohort_html(cohort),
    }
    _write_all(texts)
    return files


def cohort_json_text(cohort: Cohort) -> str:
    return json.dumps(cohort.to_json(), indent=2, ensure_ascii=False, allow_nan=False) + "\n"


def questions_csv_text(cohort: Cohort) -> str:
    """One row per question, in report order; numbers unrounded, None as an empty cell."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for q in cohort.questions:
        writer.writerow(
            [
                _cell(q.id),
                _cell(q.item or ""),
                _cell(q.slice or ""),
                repr(q.difficulty),
                "" if q.discrimination is None else repr(q.discrimination),
                q.passes,
                q.asked,
                q.n,
                " ".join(q.flags),
                _cell(q.text or ""),
            ]
        )
    return buffer.getvalue()


def cohort_html(cohort: Cohort) -> str:
    n_subs, n_questions = len(cohort.leaderboard), len(cohort.questions)
    variants = ", ".join(f"{sha[:12]}…" for sha in cohort.variants)
    pooled = (
        "<p class='note'>"
        + (
            "These reports were graded against different variants, so questions are pooled by "
            "item: what a question asks, the same in every variant. "
            if cohort.mixed
            else "Questions pooled by item (--by item). "
        )
        + "Each submission's score on an item is the share of its questions of that item it "
        "passed; the text shown is one of them.</p>"
        if cohort.unit == BY_ITEM
        else ""
    )
    noun = f"{cohort.unit}s"
    noise = 2 / n_subs**0.5
    caution = (
        f"With {n_subs} submissions a discrimination below about ±{noise:.2f} (2/√N) is "
        "indistinguishable from zero."
        if noise < 1
        else f"With only {n_subs} submissions every discrimination is within noise: read the "
        "numbers as hints."
    )
    parts = [
        "<!doctype html><html><head><meta charset='utf-8'><title>Cohort statistics</title>",
        f"<style>{_CSS}</style></head><body>",
        f"<h1>Cohort statistics</h1><p>{n_subs} submissions, {n_questions} {noun} "
        f"(variant{'s' if len(cohort.variants) > 1 else ''} {_e(variants)})</p>{pooled}",
        f"<h2>{noun.capitalize()} that do not separate</h2><ul>",
        _id_list("never passed", cohort.never_pass, "never"),
        _id_list("always passed", cohort.always_pass, "always"),
        _id_list("negative discrimination", cohort.negative, "negative"),
        f"</ul><p class='note'>Never- and always-passed {noun} do not separate submissions: "
        "candidates for retirement (list their items under [questions] retired in the profile). "
        "A negative discrimination means weaker submissions passed "
        "the question more often than stronger ones: check the question and its key. "
        f"{_e(caution)}{_e(_alone(cohort))}</p>",
        "<h2>Leaderboard</h2>",
        _leaderboard(cohort),
        "<h2>Slices across submissions</h2>",
        _slices(cohort),
        f"<h2>{noun.capitalize()} by discrimination</h2>",
        _questions(cohort),
        "<h2>Rules</h2><dl>",
        "".join(f"<dt>{_e(k)}</dt><dd>{_e(v)}</dd>" for k, v in RULES.items()),
        "</dl></body></html>\n",
    ]
    return "".join(parts)


def box_svg(dist: Distribution, label: str, width: int = 220, height: int = 22) -> str:
    """A horizontal box plot of values in [0, 1]: whiskers min–max, box q1–q3, median, mean."""
    pad, mid = 8, height / 2
    span = width - 2 * pad

    def x(value: float) -> str:
        return f"{pad + span * min(1.0, max(0.0, value)):.1f}"

    return (
        f"<svg xmlns='http://www.w3.org/2000/svg' width='{width}' height='{height}' "
        f"viewBox='0 0 {width} {height}' role='img' data-plot='box'>"
        f"<title>{_e(label)}: min {dist.min:.2f}, quartiles {dist.q1:.2f} / {dist.median:.2f} / "
        f"{dist.q3:.2f}, max {dist.max:.2f}, mean {dist.mean:.2f}</title>"
        f"<line x1='{pad}' x2='{width - pad}' y1='{height - 1}' y2='{height - 1}' "
        "stroke='#e5e7eb'/>"
        f"<line x1='{x(dist.min)}' x2='{x(dist.max)}' y1='{mid}' y2='{mid}' stroke='#374151'/>"
        f"<line x1='{x(dist.min)}' x2='{x(dist.min)}' y1='{mid - 5}' y2='{mid + 5}' "
        "stroke='#374151'/>"
        f"<line x1='{x(dist.max)}' x2='{x(dist.max)}' y1='{mid - 5}' y2='{mid + 5}' "
        "stroke='#374151'/>"
        f"<rect x='{x(dist.q1)}' y='{mid - 7}' "
        f"width='{float(x(dist.q3)) - float(x(dist.q1)):.1f}' height='14' fill='#dbeafe' "
        "stroke='#2563eb'/>"
        f"<line x1='{x(dist.median)}' x2='{x(dist.median)}' y1='{mid - 7}' y2='{mid + 7}' "
        "stroke='#2563eb' stroke-width='2'/>"
        f"<circle cx='{x(dist.mean)}' cy='{mid}' r='2.5' fill='#d97706'/>"
        "</svg>"
    )


def _leaderboard(cohort: Cohort) -> str:
    head = "".join(
        f"<th>{c}</th>"
        # not vocabulary: "abstention" is the column of abstention accuracy
        for c in ("rank", "name", "candidate", "recall@5", "abstention", "passed", "fatal")
    )
    rows = []
    for s in cohort.leaderboard:
        rows.append(
            "<tr>"
            f"<td>{s.rank}</td><td class='l'>{_e(s.name)}</td>"
            f"<td class='l'>{_e(s.candidate or '–')}</td>"
            f"<td>{_num(s.recall_at_5)}</td><td>{_num(s.abstention)}</td>"
            f"<td>{s.total} / {s.n}</td><td class='l'>{_e(s.fatal or '')}</td>"
            "</tr>"
        )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _slices(cohort: Cohort) -> str:
    head = "".join(
        f"<th>{c}</th>"
        for c in (
            "slice", "metric", f"{cohort.unit}s", "min", "q1", "median", "q3", "max", "mean",
            "0 ─ 1", "never passed", "always passed",
        )
    )  # fmt: skip
    rows = []
    for s in cohort.slices:
        d = s.distribution
        rows.append(
            "<tr>"
            f"<td class='l'>{_e(s.name)}</td><td class='l'>{_e(s.metric)}</td>"
            f"<td>{s.questions}</td>"
            + "".join(f"<td>{_num(v)}</td>" for v in (d.min, d.q1, d.median, d.q3, d.max, d.mean))
            + f"<td>{box_svg(d, s.name)}</td>"
            f"<td>{len(s.never_pass)}</td><td>{len(s.always_pass)}</td>"
            "</tr>"
        )
    return (
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "<p class='note'>Each submission's slice score is its share of the slice's questions "
        "passed; the box spans the quartiles, the bar is the median, the dot the mean, the "
        "whiskers min and max.</p>"
    )


def _questions(cohort: Cohort) -> str:
    per_question = cohort.unit != BY_ITEM  # then the item (the name to retire) has a column
    head = "".join(
        f"<th>{c}</th>"
        for c in (
            "#", "id", *(("item",) if per_question else ()), "slice", "discrimination",
            "difficulty", "passed", "flags", "text",
        )
    )  # fmt: skip
    rows = []
    for number, q in enumerate(cohort.by_discrimination(), start=1):
        item = f"<td class='l'>{_e(q.item or '–')}</td>" if per_question else ""
        rows.append(
            f"<tr class='{' '.join(_row_classes(q))}'>"
            f"<td>{number}</td><td class='l'>{_e(q.id)}</td>{item}"
            f"<td class='l'>{_e(q.slice or '–')}</td>"
            f"<td>{_num(q.discrimination)}</td><td>{_num(q.difficulty)}</td>"
            f"<td>{q.passes} / {q.asked}</td>"
            f"<td class='l'>{_e(', '.join(FLAG_LABELS[f] for f in q.flags))}</td>"
            f"<td class='l text'>{_e(q.text or '')}</td>"
            "</tr>"
        )
    return (
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        "<p class='note'>Difficulty = share of submissions that passed (higher = easier; for "
        "an item, the share of its questions passed). Discrimination = point-biserial "
        "correlation between passing (for an item, the share passed) and the rest-score (the "
        "total over the other questions); – when everybody scored alike.</p>"
    )


def _alone(cohort: Cohort) -> str:
    alone = len(cohort.held_by_one)
    return (
        f" {alone} {cohort.unit}s are held by one submission only: they get no flags and no "
        "discrimination."
        if alone
        else ""
    )


def _row_classes(q: QuestionStats) -> list[str]:
    names = {NEVER: "never", ALWAYS: "always", NEGATIVE: "negative"}
    return [names[f] for f in q.flags]


def _id_list(label: str, ids: tuple[str, ...], css: str) -> str:
    shown = ", ".join(ids[:40]) + (f" … (+{len(ids) - 40})" if len(ids) > 40 else "")
    return f"<li class='{css}'>{_e(label)}: {len(ids)}{': ' + _e(shown) if ids else ''}</li>"


def _num(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _cell(text: str) -> str:
    """A string cell a spreadsheet will not run as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _write_all(texts: Mapping[Path, str]) -> None:
    temps: dict[Path, Path] = {}
    try:
        for path, text in texts.items():
            temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            temps[path] = temp
            temp.write_text(text, encoding="utf-8")
        for path, temp in temps.items():
            os.replace(temp, path)
    finally:
        for temp in temps.values():
            temp.unlink(missing_ok=True)


_CSS = (
    "body{font:14px system-ui,sans-serif;margin:2em;color:#1f2937}"
    "table{border-collapse:collapse;margin:.5em 0}"
    "th,td{border:1px solid #ccc;padding:3px 8px;text-align:right;vertical-align:middle}"
    "th{background:#f3f4f6}.l{text-align:left}.text{max-width:40em}"
    "tr.never{background:#f8d7d7}tr.always{background:#e5e7eb}tr.negative{background:#fde68a}"
    "li.never{color:#a00}li.negative{color:#92400e}.warn{color:#a00;font-weight:bold}"
    ".note{color:#4b5563;max-width:60em}dt{font-weight:bold;margin-top:.4em}"
)
