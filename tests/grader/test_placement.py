"""Placement: the submission between the starter, the textbook fix and the reference per slice,
from the profile's calibration when it was made from exactly the key's profile."""

from __future__ import annotations

import json

import pytest

from grader.placement import (
    AT_REFERENCE,
    AT_SOUND,
    BELOW,
    BEYOND,
    MARGIN,
    find_calibration,
    place,
    placement,
)

CALIBRATION = {
    "profile": "medium",
    "profile_sha256": "abc",
    "seeds": [1, 2, 3],
    "generator_version": "9",
    "rules": {"primary_metric": {"paraphrase": "recall@5", "distractor": "recall@1"}},
    "table": {
        "baseline": {"paraphrase": 0.1, "distractor": 0.5},
        "sound": {"paraphrase": 0.4, "distractor": 0.6},
        "reference": {"paraphrase": 0.8, "distractor": 0.62},
    },
}


def row(slice_name: str, metric: str, submission: float | None) -> dict:
    return {
        "area": "x",
        "slice": slice_name,
        "metric": metric,
        "n": 30,
        "submission": submission,
        "baseline": 0.1,
    }


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (0.2, BELOW),
        (0.4 - MARGIN, AT_SOUND),
        (0.42, AT_SOUND),
        (0.6, BEYOND),
        (0.8 - MARGIN, AT_REFERENCE),
        (0.95, AT_REFERENCE),
    ],
)
def test_places_between_the_sound_and_the_reference_figures(value, expected):
    assert place(value, 0.4, 0.8) == expected


def test_with_no_room_between_them_the_sound_figure_is_the_reference():
    assert place(0.6, 0.6, 0.62) == AT_REFERENCE
    assert place(0.5, 0.6, 0.62) == BELOW


def test_rows_judged_by_the_calibrated_metric_are_placed_the_others_left_out():
    result = placement(
        [row("paraphrase", "recall@5", 0.6), row("distractor", "recall@5", 0.9), row("t", "m", 1)],
        CALIBRATION,
    )
    assert [r["slice"] for r in result["rows"]] == ["paraphrase"]
    placed = result["rows"][0]
    assert (placed["starter"], placed["sound"], placed["reference"]) == (0.1, 0.4, 0.8)
    assert placed["place"] == BEYOND and result["reason"] == ""
    assert result["calibration"] == {
        "profile": "medium",
        "seeds": [1, 2, 3],
        "generator_version": "9",
    }
    assert placement([row("paraphrase", "recall@5", None)], CALIBRATION)["rows"][0]["place"] is None


def test_a_calibration_counts_only_for_exactly_the_keys_profile_with_a_sound_row(tmp_path):
    data, reason = find_calibration("medium", "abc", tmp_path)
    assert data is None and "no calibration of profile 'medium'" in reason
    (tmp_path / "medium.json").write_text(json.dumps(CALIBRATION), encoding="utf-8")
    data, reason = find_calibration("medium", "abc", tmp_path)
    assert data == CALIBRATION and reason == ""
    data, reason = find_calibration("medium", "other", tmp_path)
    assert data is None and "another version of profile" in reason
    older = {**CALIBRATION, "table": {"baseline": {}, "reference": {}}}
    (tmp_path / "medium.json").write_text(json.dumps(older), encoding="utf-8")
    data, reason = find_calibration("medium", "abc", tmp_path)
    assert data is None and "no sound solution row" in reason
    (tmp_path / "medium.json").write_text("{", encoding="utf-8")
    assert "cannot be read" in find_calibration("medium", "abc", tmp_path)[1]
    without = placement([row("paraphrase", "recall@5", 0.6)], None, "no calibration")
    assert without["calibration"] is None and without["rows"] == []
