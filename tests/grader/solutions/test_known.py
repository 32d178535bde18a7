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
    assert selection_for("sound", STARTER) == dict.fromkeys(COMPONENTS, "sound")
    assert selection_for("baseline", STARTER) == STARTER
    assert selection_for("archetype:embedding", STARTER) == {**STARTER, "embedding": "reference"}
    assert len(solution_names()) == 3 + len(COMPONENTS)
    assert solution_names()[:3] == ["baseline", "sound", "reference"]
    with pytest.raises(CatalogueError, match="unknown solution 'archetype:colour'"):
        selection_for("archetype:colour", STARTER)


@pytest.mark.parametrize("solution", ["reference", "sound"])
def test_the_command_writes_a_gradable_copy_of_the_bundle(bundle_out, tmp_path, solution):
    out, _ = bundle_out
    target = tmp_path / solution
    args = ["solution", solution, "--key", str(out / "key"), "--bundle", str(out / "bundle")]
    result = CliRunner().invoke(app, [*args, "--out", str(target)])
    assert result.exit_code == 0, result.output
    assert f"wrote the {solution} solution to {target}" in result.stderr
    for component in COMPONENTS:
        shipped = (target / "rag" / f"{component}.py").read_text(encoding="utf-8")
        assert shipped == resolve(component, solution).read_text(encoding="utf-8")
    assert (target / "corpus" / "manifest.json").is_file()
    again = CliRunner().invoke(app, [*args, "--out", str(target)])
    assert again.exit_code == 2 and "--force" in again.output
    forced = CliRunner().invoke(app, [*args, "--out", str(target), "--force"])
    assert forced.exit_code == 0, forced.output
    wrong = CliRunner().invoke(app, [*args[:3], str(out / "bundle"), *args[4:], "--out", "x"])
    assert wrong.exit_code == 2 and "no key.json" in wrong.output


def test_the_sound_solution_ships_the_shared_modules_it_imports(bundle_out, tmp_path):
    out, _ = bundle_out
    target = tmp_path / "sound"
    args = ["solution", "sound", "--key", str(out / "key"), "--bundle", str(out / "bundle")]
    assert CliRunner().invoke(app, [*args, "--out", str(target)]).exit_code == 0
    rag = {p.name for p in (target / "rag").glob("*.py")}
    # the chunker packs sentences up to the starter's chunk size; the packing, the model and the
    # caches are the catalogue's shared modules
    assert {"packing.py", "minilm.py", "terms.py", "vector_cache.py", "settings.py"} <= rag


def test_help_lists_every_solution():
    result = CliRunner().invoke(app, ["solution", "--help"])
    assert result.exit_code == 0
    assert all(name in result.output for name in ("baseline", "sound", "reference"))


def test_an_unknown_solution_exits_2_naming_the_known_ones(bundle_out, tmp_path):
    out, _ = bundle_out
    args = ["solution", "textbook", "--key", str(out / "key"), "--bundle", str(out / "bundle")]
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "x")])
    assert result.exit_code == 2
    assert "unknown solution 'textbook'" in result.stderr and "sound" in result.stderr
    assert not (tmp_path / "x").exists()
