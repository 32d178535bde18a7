"""Gradescope results.json: the documented fields, and the scoring rule of the module."""

from __future__ import annotations

import json

import pytest

from corpus.failure_modes import AREAS
from grader.reports.gradescope import (
    AREA_POINTS,
    STATUSES,
    VISIBILITIES,
    gradescope_results,
    validate_results,
)
from tests.grader.reports.helpers import set_area


def test_the_results_have_gradescopes_fields(report):
    results = json.loads(json.dumps(gradescope_results(report)))
    assert validate_results(results) == []
    assert isinstance(results["score"], float) and isinstance(results["output"], str)
    for test in results["tests"]:
        assert {"name", "score", "max_score", "status", "visibility", "output"} <= set(test)
        assert test["status"] in STATUSES and test["visibility"] in VISIBILITIES
    assert results["score"] == pytest.approx(sum(t["score"] for t in results["tests"]))


def test_each_area_scores_its_points_times_the_area_value(report):
    set_area(report, "chunking", "improved")
    tests = {t["tags"][0]: t for t in gradescope_results(report)["tests"]}
    for area in AREAS:
        values = [
            r["submission"]
            for r in report["diagnosis"]["rows"]
            if r["area"] == area.name and r["n"] > 0
        ]
        if not values:  # none of the area's slices asked (unstated, in medium): no test at all
            assert area.name not in tests, area.name
            continue
        expected = round(AREA_POINTS * sum(values) / len(values), 2)
        assert tests[area.name]["score"] == expected, area.name
        assert tests[area.name]["max_score"] == AREA_POINTS
        assert tests[area.name]["visibility"] == "after_published"
    assert tests["chunking"]["status"] == "failed"  # improved earns its points, not a pass
    assert tests["integrity"]["max_score"] == 0 and tests["integrity"]["visibility"] == "hidden"
    assert tests["integrity"]["status"] == "failed"  # the unisolated run is a warning


def test_a_fixed_area_passes(report):
    report["diagnosis"]["areas"]["chunking"] = "fixed"
    tests = {t["tags"][0]: t for t in gradescope_results(report)["tests"]}
    assert tests["chunking"]["status"] == "passed"


def test_the_validator_names_bad_fields():
    bad = {
        "score": "ten",
        "tests": [{"name": "", "score": 3, "max_score": 2, "status": "ok", "visibility": "x"}],
    }
    problems = validate_results(bad)
    assert "score must be a number" in problems
    assert "tests[0].name must be a non-empty string" in problems
    assert "tests[0].score must lie in [0, max_score]" in problems
    assert any(p.startswith("tests[0].status must be one of passed") for p in problems)
    assert any(p.startswith("tests[0].visibility must be one of visible") for p in problems)
