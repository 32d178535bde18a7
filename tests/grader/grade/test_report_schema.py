"""The published report schema: the committed JSON Schema is the models' own, and a violation
is named by where it is. (A fresh grade and every committed sample report are validated in
tests/grader/reports/test_reading.py, where a graded report is at hand.)"""

from __future__ import annotations

from grader.grade.report_schema import SCHEMA_FILE, json_schema, schema_text, validate_report
from tests.helpers import REPO


def test_the_committed_schema_is_the_models_own():
    committed = (REPO / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == schema_text(), f"{SCHEMA_FILE} is out of date: run `make goldens`"
    schema = json_schema()
    assert schema["title"] == "report.json"
    assert schema["properties"]["schema"] == {"const": 1, "title": "Schema", "type": "integer"}
    assert "recall@5" in schema["$defs"]["Metrics"]["properties"]  # the fixed keys, by alias


def test_something_that_is_not_an_object_is_refused_at_the_top():
    (problem,) = validate_report([])
    assert problem.startswith("the top level: Input should be a valid dictionary")
