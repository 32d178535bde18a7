"""The failure-mode registry: its derived tables, its lookups, and that no one else spells a name.

The stray-name check walks every .py file under corpus/, grader/ and benchmarks/ (not
corpus/default, which is generated data) and fails on a string constant equal to a slice, area
or component name outside corpus/failure_modes/, naming file:line. exercise/ and
candidate_template/ are not walked: they are shipped to candidates, may not know slices at all
and so cannot import the registry. A string that equals a name but means something else (a field
of a fixed file format, such as the question line's "unanswerable" flag or the calibration
file's "table") carries a `# not vocabulary: <what it is>` comment on its line or the line above.
"""

from __future__ import annotations

import ast
import dataclasses
import importlib
import json
from pathlib import Path

import pytest

from corpus import failure_modes
from corpus.failure_modes import (
    ANSWERABLE,
    AREAS,
    COMPONENTS,
    REGISTRY,
    SLICES,
    area,
    failure_mode,
    slice_record,
)
from corpus.profile import Weaknesses, load_profile, parse_profile
from tests.helpers import REPO

WALKED = ("corpus", "grader", "benchmarks")
NOT_WALKED = (REPO / "corpus" / "default", REPO / "corpus" / "failure_modes")
MARKER = "# not vocabulary:"
# The tables as they were before the registry (slices, components, profile defaults, diagnosis
# areas, calibration rules, pairing notes, debrief keywords and questions): a failure mode added
# or a text changed on purpose updates this file with `tables()` below.
TABLES = Path(__file__).parent / "data" / "failure_mode_tables.json"


def vocabulary() -> frozenset[str]:
    return frozenset({*SLICES, *COMPONENTS, *(a.name for a in AREAS), ANSWERABLE})


def tables() -> dict:
    """Every table the registry replaced, read where the code reads it."""
    profile = importlib.import_module("corpus.profile")
    knobs = importlib.import_module("corpus.knobs")
    diagnosis = importlib.import_module("grader.diagnosis")
    calibration = importlib.import_module("grader.calibrate.calibration")
    pairing = importlib.import_module("grader.bundle.pairing_guide")
    debrief = importlib.import_module("grader.reports.debrief")
    return {
        "SLICES": list(profile.SLICES),
        "COMPONENTS": list(profile.COMPONENTS),
        "Weaknesses": [
            [f.name, f.default, dict(f.metadata)] for f in dataclasses.fields(Weaknesses)
        ],
        "Weaknesses_doc": Weaknesses.__doc__,
        "QH": dict(knobs.QUESTION_DEFAULTS_HIDDEN),
        "QP": dict(knobs.QUESTION_DEFAULTS_PUBLIC),
        "AREAS": [[a.name, a.title, list(a.slices), list(a.metrics)] for a in diagnosis.AREAS],
        "ANSWERABLE": diagnosis.ANSWERABLE,
        "COMPONENT_AREAS": {k: list(v) for k, v in calibration.COMPONENT_AREAS.items()},
        "PRIMARY": dict(calibration.PRIMARY_METRIC),
        "PAIRING": {
            component: {
                f.name: dict(getattr(notes, f.name))
                if f.name == "planted"
                else _plain(getattr(notes, f.name))
                for f in dataclasses.fields(notes)
            }
            for component, notes in pairing.AREAS.items()
        },
        "KEYWORDS": {k: list(v) for k, v in debrief.KEYWORDS.items()},
        "DONE": {k: list(v) for k, v in debrief._DONE.items()},
        "OPEN": {k: list(v) for k, v in debrief._OPEN.items()},
        "COST": dict(debrief._COST),
        "knob_docs": profile.knob_docs(),
    }


def _plain(value):
    return list(value) if isinstance(value, tuple) else value


def test_derived_tables_equal_the_tables_they_replaced():
    assert tables() == json.loads(TABLES.read_text(encoding="utf-8"))


def test_names_come_from_the_records_in_registry_order():
    assert COMPONENTS == tuple(fm.component for fm in REGISTRY)
    assert SLICES == tuple(s.name for fm in REGISTRY for s in fm.slices)
    assert [a.name for a in AREAS] == [a.name for fm in REGISTRY for a in fm.areas]
    for name in ("SLICES", "COMPONENTS"):  # one definition, re-exported
        assert getattr(importlib.import_module("corpus.profile"), name) is getattr(
            failure_modes, name
        )
    assert importlib.import_module("grader.diagnosis").AREAS is AREAS


def test_every_slice_is_judged_by_an_area_of_its_component():
    for fm in REGISTRY:
        judged = {s for a in fm.areas for s in a.slices}
        assert {s.name for s in fm.slices} <= judged, fm.component


def test_every_registry_implementation_is_in_the_catalogue():
    from grader.catalogue import implementations

    for fm in REGISTRY:
        found = implementations(fm.component)
        for name in (fm.reference, fm.sound, *(p.name for p in fm.planted)):
            assert name in found, f"{fm.component}/{name}"


@pytest.mark.parametrize(
    ("lookup", "bad", "allowed"),
    [
        (failure_mode, "chunker", COMPONENTS),
        (area, "embedding", tuple(a.name for a in AREAS)),
        (slice_record, "tables", SLICES),
    ],
)
def test_unknown_names_raise_with_the_allowed_list(lookup, bad, allowed):
    with pytest.raises(ValueError) as info:
        lookup(bad)
    message = str(info.value)
    assert repr(bad) in message
    assert ", ".join(allowed) in message


def test_lookups_return_the_records():
    assert failure_mode(COMPONENTS[0]) is REGISTRY[0]
    assert area(AREAS[-1].name) is AREAS[-1]
    assert slice_record(SLICES[-1]) is REGISTRY[-1].slices[-1]


def test_a_default_that_is_not_planted_is_refused():
    fm = REGISTRY[0]
    with pytest.raises(
        ValueError, match=f"default 'missing' is not planted; planted: {fm.default}"
    ):
        dataclasses.replace(fm, default="missing")


def test_profiles_validate_weaknesses_and_question_keys_against_the_registry():
    medium = load_profile("medium")
    assert [f.name for f in dataclasses.fields(medium.weaknesses)] == list(COMPONENTS)
    assert list(medium.hidden) == list(SLICES) == list(medium.public)
    for section, table in (
        ("weaknesses", {"chunker": "x"}),
        ("questions", {"hidden": {"tables": 3}}),
    ):
        with pytest.raises(ValueError) as info:
            parse_profile({section: table}, default_name="x", origin="t")
        allowed = COMPONENTS if section == "weaknesses" else SLICES
        assert all(name in str(info.value) for name in allowed)


def _strays(path: Path, names: frozenset[str]) -> list[str]:
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []
    for node in ast.walk(ast.parse(source, filename=str(path))):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and node.value in names:
            here = lines[node.lineno - 1]
            above = lines[node.lineno - 2].strip() if node.lineno > 1 else ""
            if MARKER in here or above.startswith(MARKER):
                continue
            found.append(f"{path.relative_to(REPO)}:{node.lineno}: {node.value!r}")
    return found


def test_no_slice_area_or_component_name_is_spelled_outside_the_registry():
    names = vocabulary()
    strays = []
    for folder in WALKED:
        for path in sorted((REPO / folder).rglob("*.py")):
            if any(path.is_relative_to(skip) for skip in NOT_WALKED):
                continue
            strays += _strays(path, names)
    assert not strays, (
        "use the corpus.failure_modes constant, or mark a fixed format's field with "
        f"'{MARKER} <what it is>':\n" + "\n".join(strays)
    )


def test_the_stray_check_sees_a_stray_and_honours_the_marker(tmp_path, monkeypatch):
    monkeypatch.setattr(f"{__name__}.REPO", tmp_path)
    code = tmp_path / "m.py"
    code.write_text(
        f'x = "{SLICES[0]}"\ny = {{"{SLICES[0]}": 1}}  {MARKER} a field\n'
        f'{MARKER} a column\nz = "{SLICES[0]}"\n',
        encoding="utf-8",
    )
    assert _strays(code, vocabulary()) == [f"m.py:1: {SLICES[0]!r}"]
