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

from corpus.failure_modes import SLICES


def write_calibration(data: dict[str, Any], out: Path) -> tuple[Path, Path]:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    json_path, html_path = out / "calibration.json", out / "calibration.html"
    json_path.write_text(json.dumps(data, indent=2, allow_nan=False) + "\n", encoding="utf-8")
    html_path.write_text(_html(data), encoding="utf-8")
    return json_path, html_path


def table(data: dict[str, Any]) -> Table:
    result = Table(
        title=f"profile {data['profile']}: primary metric per slice, {len(data['seeds'])} seed(s)",
        title_justify="left",
        box=box.SIMPLE,
    )
    result.add_column("solution")
    for name in SLICES:
        result.add_column(name[:10], justify="right")
    result.add_column("headline", justify="right")
    for name, means in data["table"].items():  # not vocabulary: the file's field
        cells = [_cell(means.get(s), _lift(data, name, s)) for s in SLICES]
        result.add_row(name, *cells, _fmt(data["overall"][name]["headline"]))
    return result


def verdict_lines(data: dict[str, Any]) -> list[str]:
    lines = []
    for component, found in data["detectable"].items():
        best = found["best_row"] or {}
        ci = best.get("ci95")
        lines.append(
            f"{component}: {'detectable' if found['detectable'] else 'NOT detectable'} "
            f"(best: {best.get('slice')} {best.get('metric')} {_signed(best.get('delta'))}"
            + (f" [{ci[0]:+.2f}, {ci[1]:+.2f}])" if ci else ")")
        )
    lines.append("dead slices: " + (", ".join(data["dead_slices"]) or "none"))
    if data.get("headroom") is not None:  # calibrations made before the sound solution lack it
        lines.append(f"headroom (reference − sound headline): {_fmt(data['headroom'])}")
    rng = data["seed_range"]
    lines.append(
        f"effort (reference − baseline headline): {_fmt(data['effort'])}; across seeds the "
        f"baseline varies by {_fmt(rng.get('baseline'))} and the reference by "
        f"{_fmt(rng.get('reference'))} (bound {data['rules']['seed_bound']:.2f}: "
        f"{'held' if data['seed_range_within_bound'] else 'NOT held'})"
    )
    return lines


def _lift(data: dict[str, Any], solution: str, slice_name: str) -> dict[str, Any] | None:
    for row in data["lifts"].get(solution, []):
        if row["slice"] == slice_name and row["metric"] in ("recall@5", "abstention_accuracy"):
            return row
    return None


def _cell(value: float | None, lift: dict[str, Any] | None) -> str:
    if lift is None or lift.get("delta") is None:
        return _fmt(value)
    clear = lift["ci95"] and lift["ci95"][0] > 0
    return f"{_fmt(value)} {_signed(lift['delta'])}{'*' if clear else ''}"


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
