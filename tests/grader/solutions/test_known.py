"""`takehome solution`: known solutions written as submissions of a bundle."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from corpus.failure_modes import COMPONENTS
from grader.catalogue import CatalogueError, resolve
from grader.cli import app
from grader.solutions.known import selection_for, solution_names

STARTER = {c: f"weak_{c}" for c in COMPONENTS}


def test_selections():
    assert selection_for("reference", STARTER) == dict.fromkeys(COMPONENTS, "reference")
    assert selection_for("baseline", STARTER) == STARTER
    assert selection_for("archetype:embedding", STARTER) == {**STARTER, "embedding": "reference"}
    assert len(solution_names()) == 2 + len(COMPONENTS)
    with pytest.raises(CatalogueError, match="unknown solution 'archetype:colour'"):
        selection_for("archetype:colour", STARTER)


def test_the_command_writes_a_gradable_copy_of_the_bundle(bundle_out, tmp_path):
    out, _ = bundle_out
    target = tmp_path / "ref"
    args = ["solution", "reference", "--key", str(out / "key"), "--bundle", str(out / "bundle")]
    result = CliRunner().invoke(app, [*args, "--out", str(target)])
    assert result.exit_code == 0, result.output
    for component in COMPONENTS:
        shipped = (target / "rag" / f"{component}.py").read_text(encoding="utf-8")
        assert shipped == resolve(component, "reference").read_text(encoding="utf-8")
    assert (target / "corpus" / "manifest.json").is_file()
    again = CliRunner().invoke(app, [*args, "--out", str(target)])
    assert again.exit_code == 2 and "--force" in again.output
    wrong = CliRunner().invoke(app, [*args[:3], str(out / "bundle"), *args[4:], "--out", "x"])
    assert wrong.exit_code == 2 and "no key.json" in wrong.output
