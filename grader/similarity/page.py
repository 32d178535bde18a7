"""similarity.json and similarity.html: every pair's score, and the flagged pairs' matched regions
side by side (the code of both submissions, matched lines marked)."""

from __future__ import annotations

import json
import os
import tempfile
from html import escape
from pathlib import Path

from grader.similarity.compare import MIN_SHARED, THRESHOLD, Pair, Region
from grader.similarity.round import Member

SIMILARITY_JSON = "similarity.json"
SIMILARITY_HTML = "similarity.html"
CONTEXT_LINES = 2  # lines shown around each matched region
SCHEMA = 1


def to_json(members: list[Member], pairs: list[Pair]) -> dict:
    """The machine-readable result."""
    return {
        "kind": "similarity",
        "schema": SCHEMA,
        "threshold": THRESHOLD,
        "min_shared": MIN_SHARED,
        "submissions": [
            {"name": m.name, "report": str(m.report), "own": len(m.own), "total": m.total}
            for m in members
        ],
        "pairs": [
            {
                "a": p.a,
                "b": p.b,
                "score": round(p.score, 4),
                "shared": p.shared,
                "flagged": p.flagged,
                "regions": {
                    p.a: [_region_json(r) for r in p.regions_a],
                    p.b: [_region_json(r) for r in p.regions_b],
                },
            }
            for p in pairs
        ],
    }


def write_outputs(members: list[Member], pairs: list[Pair], out: Path) -> tuple[Path, Path]:
    """Write OUT/similarity.json and OUT/similarity.html (each replaced whole)."""
    out.mkdir(parents=True, exist_ok=True)
    data = json.dumps(to_json(members, pairs), indent=2, ensure_ascii=False) + "\n"
    json_path, html_path = out / SIMILARITY_JSON, out / SIMILARITY_HTML
    _replace(json_path, data)
    _replace(html_path, render_html(members, pairs))
    return json_path, html_path


def render_html(members: list[Member], pairs: list[Pair]) -> str:
    roots = {m.name: m.root for m in members}
    flagged = [p for p in pairs if p.flagged]
    rows = "".join(
        f"<tr{' class=flag' if p.flagged else ''}><td>{escape(p.a)}</td><td>{escape(p.b)}</td>"
        f"<td>{p.score:.2f}</td><td>{p.shared}</td><td>{'look' if p.flagged else ''}</td></tr>"
        for p in pairs
    )
    sections = "".join(_pair_section(p, roots) for p in flagged) or (
        "<p>No pair reaches the threshold.</p>"
    )
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Similarity across the round</title>
<style>
body {{ font: 14px system-ui, sans-serif; margin: 2em; color: #222; }}
table {{ border-collapse: collapse; }}
td, th {{ padding: 2px 10px; border-bottom: 1px solid #ddd; }}
tr.flag td {{ background: #fff3cd; }}
.side {{ display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1fr); gap: 1em; }}
pre {{ background: #f7f7f7; padding: 6px; overflow-x: auto; font-size: 12px; }}
mark {{ background: #ffe08a; display: block; }}
</style></head><body>
<h1>Similarity across the round</h1>
<p>Each submission's own code (the starter's removed) fingerprinted as MOSS does: names, literals,
comments, layout and the order of functions do not count. A pair's score is the share of the
smaller submission's own fingerprints the other holds too; pairs at {THRESHOLD:.2f} or more, sharing
at least {MIN_SHARED}, are marked. A mark asks a person to look at the code side by side: similar
code has innocent causes too (the same tutorial, the same assistant). It is never a verdict.</p>
<table><tr><th>A</th><th>B</th><th>score</th><th>shared</th><th></th></tr>{rows}</table>
{sections}
</body></html>
"""


def _pair_section(pair: Pair, roots: dict[str, Path]) -> str:
    sides = "".join(
        f"<div><h3>{escape(name)}</h3>{_code(roots[name], regions)}</div>"
        for name, regions in ((pair.a, pair.regions_a), (pair.b, pair.regions_b))
    )
    return (
        f"<h2>{escape(pair.a)} and {escape(pair.b)}: {pair.score:.2f} "
        f"({pair.shared} shared)</h2><div class=side>{sides}</div>"
    )


def _code(root: Path, regions: tuple[Region, ...]) -> str:
    blocks = []
    for region in regions:
        try:
            lines = (root / region.path).read_text(encoding="utf-8", errors="replace").splitlines()
        except OSError:
            continue
        first = max(1, region.first_line - CONTEXT_LINES)
        last = min(len(lines), region.last_line + CONTEXT_LINES)
        shown = []
        for number in range(first, last + 1):
            text = f"{number:4d}  {escape(lines[number - 1])}"
            inside = region.first_line <= number <= region.last_line
            shown.append(f"<mark>{text}</mark>" if inside else text + "\n")
        blocks.append(
            f"<p>{escape(region.path)}, lines {region.first_line}–{region.last_line}</p>"
            f"<pre>{''.join(shown)}</pre>"
        )
    return "".join(blocks)


def _region_json(region: Region) -> dict:
    return {"path": region.path, "lines": [region.first_line, region.last_line]}


def _replace(path: Path, text: str) -> None:
    handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temp, path)
    finally:
        if os.path.exists(temp):
            os.remove(temp)
