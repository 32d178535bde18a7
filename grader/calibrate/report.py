"""Writing a calibration: `calibration.json`, a self-contained `calibration.html`, and the rich
table the command prints (solution × slice, each cell the pooled primary metric over the seeds,
archetype cells marked with the lift over the baseline and whether its interval clears zero)."""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from rich import box
from rich.table import Table

from corpus.failure_modes import PRIMARY_METRIC, SLICES
from grader.solutions.known import ARCHETYPE, PAIR

TERMINAL_WIDTH = 80  # the table must read on a terminal this wide
HEADER_WIDTH = 7  # a slice column's width there (value, and its lift with a mark)

CALIBRATION_JSON = "calibration.json"
CALIBRATION_HTML = "calibration.html"


def write_calibration(data: dict[str, Any], out: Path) -> tuple[Path, Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out / CALIBRATION_JSON, out / CALIBRATION_HTML
    json_path.write_text(json.dumps(data, indent=2, allow_nan=False) + "\n", encoding="utf-8")
    html_path.write_text(_html(data), encoding="utf-8")
    return json_path, html_path


SLICES_PER_TABLE = 7  # slice columns that read at TERMINAL_WIDTH beside the solution and headline


def tables(data: dict[str, Any]) -> list[Table]:
    """The solution × slice table for a terminal, in as many parts as it takes to read at
    TERMINAL_WIDTH columns: at most SLICES_PER_TABLE slices each (a pair's fixes on two lines, a
    long slice name shortened in its header and spelled out below), the headline in the last. A
    slice the profile does not ask (no solution has a figure for it) has no column."""
    means = data["table"].values()  # not vocabulary: the calibration file's field
    asked = [s for s in SLICES if any(m.get(s) is not None for m in means)]
    parts = [asked[i : i + SLICES_PER_TABLE] for i in range(0, len(asked), SLICES_PER_TABLE)]
    return [
        _table(data, part, number, len(parts), last=number == len(parts))
        for number, part in enumerate(parts or [[]], start=1)
    ]


def _table(data: dict[str, Any], asked: list[str], number: int, total: int, *, last: bool) -> Table:
    headers = {name: short_header(name) for name in asked}
    shortened = [f"{h} = {name}" for name, h in headers.items() if h != name]
    part = f" ({number} of {total})" if total > 1 else ""
    result = Table(
        title=f"profile {data['profile']}: primary metric per slice, "
        f"{len(data['seeds'])} seed(s){part}",
        title_justify="left",
        caption=(
            "cell: the slice's primary metric, below it the lift over the baseline (* = its "
            "95% interval is above zero); +a = the starter with component a fixed"
            + (f"; {', '.join(shortened)}" if shortened else "")
        ),
        caption_justify="left",
        box=box.SIMPLE_HEAD,
        padding=(0, 0),
        pad_edge=False,
        collapse_padding=True,
    )
    result.add_column("solution", no_wrap=True)
    for name in asked:
        result.add_column(headers[name], justify="right", no_wrap=True, min_width=HEADER_WIDTH)
    if last:
        result.add_column("headline", justify="right", no_wrap=True)
    for name, means in data["table"].items():  # not vocabulary: the file's field
        cells = [_cell(means.get(s), _lift(data, name, s), "\n") for s in asked]
        if last:
            cells.append(_fmt(data["overall"][name]["headline"]))
        result.add_row("\n".join(solution_label(name)), *cells)
    return result


def asked_slices(data: dict[str, Any]) -> list[str]:
    """The slices the calibrated profile asks hidden questions of, in report order."""
    hidden = data["profile_settings"]["questions"]["hidden"]
    return [name for name in SLICES if hidden.get(name)]


def solution_label(name: str) -> list[str]:
    """A solution as the table names it, one line per fix: ["+chunking", "+retrieval"] for a
    pair, ["+chunking"] for an archetype, the name itself for the baseline and the reference."""
    for prefix in (ARCHETYPE, PAIR):
        if name.startswith(prefix):
            return [f"+{fix}" for fix in name.removeprefix(prefix).split("+")]
    return [name]


def short_header(name: str, width: int = HEADER_WIDTH) -> str:
    """`name`, or its first width − 1 letters and a full stop when it is longer."""
    return name if len(name) <= width else name[: width - 1] + "."


def verdict_lines(data: dict[str, Any]) -> list[str]:
    rules = data["rules"]
    lines = [
        _detect_line(component, found, rules) for component, found in data["detectable"].items()
    ]
    # calibrations made before the beyond-textbook areas lack the field
    for area, found in (data.get("beyond_textbook") or {}).items():
        lines.append(_detect_line(f"{area} (reference over sound)", found, rules))
    lines.append("dead slices: " + (", ".join(data["dead_slices"]) or "none"))
    small = data.get("too_few_to_move") or {}
    if small:
        lines.append(
            "too few questions to show a move of "
            f"{rules['moved_lift']:.2f} (needs {rules['min_questions_moved']}): "
            + ", ".join(f"{name} has {n}" for name, n in small.items())
        )
    if data.get("headroom") is not None:  # calibrations made before the sound solution lack it
        lines.append(f"headroom (reference − sound headline): {_fmt(data['headroom'])}")
    rng = data["seed_range"]
    effort = f"effort (reference − baseline headline): {_fmt(data['effort'])}; "
    if data["seed_range_within_bound"] is None or len(data["seeds"]) < 2:
        lines.append(
            effort + f"across seeds: not measured from {len(data['seeds'])} seed (how much "
            "variants differ needs --seeds 2 or more)"
        )
    else:
        lines.append(
            effort + f"across seeds the baseline varies by {_fmt(rng.get('baseline'))} and the "
            f"reference by {_fmt(rng.get('reference'))} (bound {rules['seed_bound']:.2f}: "
            f"{'held' if data['seed_range_within_bound'] else 'NOT held'})"
        )
    return lines


def _detect_line(name: str, found: dict[str, Any], rules: dict[str, Any]) -> str:
    best = found["best_row"] or {}
    ci = best.get("ci95")
    word = "detectable" if found["detectable"] else "NOT detectable"
    too_few = found.get("too_few") or {}
    if too_few and not found["detectable"]:
        word += (
            " — too few questions to tell: "
            + ", ".join(f"{slice_name} has {n}" for slice_name, n in too_few.items())
            + f", a lift of {rules['detectable_lift']:.2f} needs at least "
            f"{rules['min_questions']} to clear zero (calibrate on more seeds)"
        )
    return (
        f"{name}: {word} "
        f"(best: {best.get('slice')} {best.get('metric')} {_signed(best.get('delta'))}"
        + (f" [{ci[0]:+.2f}, {ci[1]:+.2f}])" if ci else ")")
    )


def _lift(data: dict[str, Any], solution: str, slice_name: str) -> dict[str, Any] | None:
    """The solution's lift on the slice, by the metric the table shows (the slice's primary
    metric as the file records it; a slice judged by another metric has no lift there)."""
    metric = (data["rules"].get("primary_metric") or PRIMARY_METRIC).get(slice_name)
    for row in data["lifts"].get(solution, []):
        if row["slice"] == slice_name and row["metric"] == metric:
            return row
    return None


def _cell(value: float | None, lift: dict[str, Any] | None, gap: str = " ") -> str:
    if lift is None or lift.get("delta") is None:
        return _fmt(value)
    clear = lift["ci95"] and lift["ci95"][0] > 0
    return f"{_fmt(value)}{gap}{_signed(lift['delta'])}{'*' if clear else ''}"


def _fmt(value: float | None) -> str:
    return "–" if value is None else f"{value:.2f}"


def _signed(value: float | None) -> str:
    return "–" if value is None else f"{value:+.2f}"


def _html(data: dict[str, Any]) -> str:
    head = "".join(f"<th>{html.escape(s)}</th>" for s in ("solution", *SLICES, "headline"))
    body = []
    for name, means in data["table"].items():  # not vocabulary: the file's field
        cells = []
        for slice_name in SLICES:
            lift = _lift(data, name, slice_name)
            css = ""
            if lift and lift.get("delta") is not None and lift["ci95"]:
                if lift["ci95"][0] > 0:
                    css = "up" if lift["delta"] >= data["rules"]["detectable_lift"] else "some"
                elif lift["ci95"][1] < 0:
                    css = "down"
            cells.append(
                f'<td class="{css}">{html.escape(_cell(means.get(slice_name), lift))}</td>'
            )
        cells.append(f"<td>{_fmt(data['overall'][name]['headline'])}</td>")
        body.append(f"<tr><th>{html.escape(name)}</th>{''.join(cells)}</tr>")
    notes = "".join(f"<li>{html.escape(line)}</li>" for line in verdict_lines(data))
    return (
        "<!doctype html><html><head><meta charset='utf-8'><title>Calibration</title><style>"
        "body{font:14px system-ui,sans-serif;margin:2em}table{border-collapse:collapse}"
        "td,th{border:1px solid #ccc;padding:4px 8px;text-align:right}th{text-align:left}"
        ".up{background:#c8ecc8}.some{background:#e3f0fb}.down{background:#f6d0d0}"
        "</style></head><body>"
        f"<h1>Calibration of profile {html.escape(str(data['profile']))}</h1>"
        f"<p>Seeds {html.escape(', '.join(map(str, data['seeds'])))}; hidden questions pooled "
        "over seeds; each cell: the slice's primary metric (recall@5, abstention accuracy for "
        "unanswerable) and the lift over the baseline (* = 95 % interval above zero). Green: "
        f"lift ≥ {data['rules']['detectable_lift']:.2f} and clear.</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table>"
        f"<ul>{notes}</ul>{_provenance(data)}</body></html>\n"
    )


def _provenance(data: dict[str, Any]) -> str:
    """Which settings were calibrated (absent from files written before they were recorded)."""
    if "profile_settings" not in data:
        return ""
    settings = json.dumps(data["profile_settings"], indent=2, sort_keys=True)
    return (
        f"<p>Profile settings sha256 {html.escape(str(data.get('profile_sha256')))}, generator "
        f"{html.escape(str(data.get('generator_version')))}: a bundle's key records the same "
        "hash, so a bundle of an edited profile can be told from the calibrated one.</p>"
        f"<details><summary>Settings calibrated</summary><pre>{html.escape(settings)}</pre>"
        "</details>"
    )
