"""The similarity finding in each flagged submission's report.json (its `integrity` list).

One finding per report names every submission it shares code with, worded as a prompt for a
person to look, never as a verdict. Running similarity again replaces the earlier finding, so the
reports always say what the latest comparison found (and nothing when a pair no longer reaches the
threshold).
"""

from __future__ import annotations

import json
from pathlib import Path

from grader.grade.integrity import Finding
from grader.similarity.compare import Pair
from grader.similarity.round import Member, RoundError

CHECK = "similarity"


def finding_for(name: str, pairs: list[Pair]) -> Finding | None:
    """The finding for submission `name` from the flagged pairs it is in; None when none."""
    mine = [p for p in pairs if p.flagged and name in (p.a, p.b)]
    if not mine:
        return None
    others = [(p.b if p.a == name else p.a, p) for p in mine]
    listed = ", ".join(f"{other} ({p.score:.0%})" for other, p in others)
    return Finding(
        CHECK,
        "warning",
        f"Code shared with {listed}: worth a side-by-side look",
        "A large part of this submission's own code (the starter's removed; names, comments, "
        "layout and order ignored) matches another submission of the round. Similar code has "
        "innocent causes too (the same tutorial or assistant, permitted collaboration): look at "
        "the matched regions in similarity.html and ask the candidate how the code came about.",
        tuple(
            f"{other}: {p.shared} shared fingerprints, score {p.score:.2f}" for other, p in others
        ),
    )


def update_reports(members: list[Member], pairs: list[Pair]) -> list[Path]:
    """Replace the similarity finding in every member's report.json; the reports changed."""
    changed = []
    for member in members:
        finding = finding_for(member.name, pairs)
        try:
            report = json.loads(member.report.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise RoundError(f"cannot read {member.report} again: {exc}") from exc
        earlier = report.get("integrity") or []
        kept = [f for f in earlier if not (isinstance(f, dict) and f.get("check") == CHECK)]
        updated = kept + ([finding.to_json()] if finding else [])
        if updated != earlier:
            report["integrity"] = updated
            text = json.dumps(report, indent=2, ensure_ascii=False, allow_nan=False)  # as graded
            member.report.write_text(text + "\n", encoding="utf-8")
            changed.append(member.report)
    return changed
