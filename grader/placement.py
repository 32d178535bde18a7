"""Where the submission stands per slice between the starter, the textbook fix and the reference.

"Fixed" (the diagnosis) says the submission beat the starter; it does not say whether it went
beyond what a quick, careful pass writes. The catalogue's `sound` solution is that textbook fix
and the reference is the best known; neither runs at grade time. Their figures come from the
profile's calibration (`takehome calibrate`, committed as docs/calibration/<profile>.json): the
mean over its seeds of each slice's primary metric. A calibration counts only when it was made
from exactly the key's profile (its `profile_sha256`) and has a sound row; otherwise the report
says why there is no placement. The starter is this grade's own baseline run.

Per slice, against those means (not a significance test: the submission's figure has the
sampling noise of the slice's n questions, the means that of the calibration's seeds):
- below the textbook fix: more than `MARGIN` under the sound solution;
- at the textbook fix: within `MARGIN` of it;
- beyond the textbook fix: more than `MARGIN` over it, and more than `MARGIN` under the reference;
- at the reference: within `MARGIN` of the reference or above it.
Where the reference is not `MARGIN` above the sound solution there is no room between them, and a
submission at the sound solution is "at the reference".
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from corpus.failure_modes import REFERENCE, SOUND

CALIBRATION_DIR = Path(__file__).resolve().parents[1] / "docs" / "calibration"
MARGIN = 0.05
BELOW, AT_SOUND, BEYOND, AT_REFERENCE = (
    "below the textbook fix",
    "at the textbook fix",
    "beyond the textbook fix",
    "at the reference",
)
PLACES = (BELOW, AT_SOUND, BEYOND, AT_REFERENCE)


def find_calibration(
    profile: str, profile_sha256: str, folder: Path = CALIBRATION_DIR
) -> tuple[dict[str, Any] | None, str]:
    """(the calibration of exactly this profile, "") or (None, why there is none)."""
    path = folder / f"{profile}.json"
    if not path.is_file():
        return None, f"no calibration of profile {profile!r} ({path.name} in {folder})"
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return None, f"the calibration {path} cannot be read ({exc})"
    if not isinstance(data, dict) or data.get("profile_sha256") != profile_sha256:
        return None, (
            f"the calibration {path.name} was made from another version of profile {profile!r} "
            "(its profile_sha256 differs from the key's): recalibrate it"
        )
    table = data.get("table")  # not vocabulary: the file's field
    if not isinstance(table, dict) or SOUND not in table or REFERENCE not in table:
        return None, (
            f"the calibration {path.name} has no sound solution row: recalibrate it with this "
            "version (`takehome calibrate`)"
        )
    return data, ""


def placement(
    rows: Sequence[Mapping[str, Any]], calibration: Mapping[str, Any] | None, reason: str = ""
) -> dict[str, Any]:
    """The report's `diagnosis.placement`: per diagnosis row judged by its slice's calibrated
    metric, the starter, sound, reference and submission figures and the submission's place."""
    if calibration is None:
        return {"calibration": None, "reason": reason, "margin": MARGIN, "rows": []}
    table = calibration["table"]  # not vocabulary: the file's field
    metrics = (calibration.get("rules") or {}).get("primary_metric") or {}
    placed = []
    for row in rows:
        name, metric = row.get("slice"), row.get("metric")
        sound, best = table[SOUND].get(name), table[REFERENCE].get(name)
        if metrics.get(name) != metric or sound is None or best is None:
            continue  # calibrated on another metric, or not at all
        value = row.get("submission")
        placed.append(
            {
                "area": row.get("area"),
                "slice": name,
                "metric": metric,
                "n": row.get("n"),
                "starter": row.get("baseline"),
                "sound": sound,
                "reference": best,
                "submission": value,
                "place": None if value is None else place(value, sound, best),
            }
        )
    return {
        "calibration": {
            "profile": calibration.get("profile"),
            "seeds": calibration.get("seeds"),
            "generator_version": calibration.get("generator_version"),
        },
        "reason": "",
        "margin": MARGIN,
        "rows": placed,
    }


def place(value: float, sound: float, reference: float) -> str:
    """The submission's place between the sound solution's and the reference's figures."""
    if value >= reference - MARGIN:
        return AT_REFERENCE
    if value < sound - MARGIN:
        return BELOW
    if value <= sound + MARGIN:
        return AT_SOUND
    return BEYOND
