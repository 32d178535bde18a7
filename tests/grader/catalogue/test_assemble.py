"""The catalogue's registry, selections and `assemble` (no model is loaded here)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from corpus.failure_modes import COMPONENTS, REGISTRY
from corpus.profile import load_profile
from grader import catalogue
from grader.catalogue import (
    OFF,
    REFERENCE,
    CatalogueError,
    archetypes,
    assemble,
    implementations,
    normalize_selection,
    registry,
    resolve,
    selection_from_profile,
)
from tests.grader.catalogue.helpers import HAS_REFERENCE, PLANTED, needs_reference
from tests.helpers import REPO

MEDIUM = selection_from_profile(load_profile("medium"))


def test_registry_lists_every_component_and_its_planted_implementation():
    found = registry()
    assert tuple(found) == COMPONENTS
    for component, name in PLANTED.items():
        assert name in found[component]
        assert found[component] == tuple(sorted(found[component]))


def test_registry_is_read_from_the_folders():
    for component, names in registry().items():
        on_disk = {p.stem for p in (catalogue.CATALOGUE_DIR / component).glob("*.py")}
        assert set(names) == {n for n in on_disk if not n.startswith("_")}


def test_the_medium_profile_selects_the_planted_implementations():
    assert MEDIUM == PLANTED


def test_unknown_implementation_names_the_component_the_name_and_the_allowed_ones():
    with pytest.raises(CatalogueError) as caught:
        resolve("embedding", "hashing_bow")
    message = str(caught.value)
    assert "embedding" in message and "'hashing_bow'" in message
    for name in implementations("embedding"):
        assert name in message


def test_unknown_component_is_refused_with_the_component_list():
    with pytest.raises(CatalogueError, match="unknown component 'indexing'.*chunking, embedding"):
        implementations("indexing")
    with pytest.raises(CatalogueError, match="unknown component"):
        normalize_selection({**PLANTED, "indexing": "flat"})


def test_a_selection_must_choose_every_component():
    partial = {k: v for k, v in PLANTED.items() if k != "reranking"}
    with pytest.raises(CatalogueError, match="no implementation chosen for reranking"):
        normalize_selection(partial)


def test_a_profile_naming_an_unknown_implementation_is_refused(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text('[weaknesses]\nretrieval = "bm25_only"\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match="unknown retrieval implementation 'bm25_only'"):
        selection_from_profile(load_profile(path))


@needs_reference
def test_off_selects_the_reference():
    assert resolve("chunking", OFF) == resolve("chunking", REFERENCE)
    assert normalize_selection({**PLANTED, "answering": OFF})["answering"] == REFERENCE


@needs_reference
def test_archetypes_swap_exactly_one_component_for_the_reference():
    found = archetypes(PLANTED)
    assert tuple(found) == COMPONENTS
    for component, selection in found.items():
        changed = {c for c in COMPONENTS if selection[c] != PLANTED[c]}
        assert changed == {component} and selection[component] == REFERENCE
    assert "answering" not in archetypes({**PLANTED, "answering": OFF})


def test_assemble_writes_the_template_modules_and_one_module_per_component(tmp_path):
    rag = assemble(PLANTED, tmp_path)
    assert rag == tmp_path / "rag"
    template = {p.name for p in (catalogue.TEMPLATE_DIR / "rag").glob("*.py")}
    # the planted chunker reads its chunk size from rag/settings.py; the planted embedder keeps
    # its vectors with the catalogue's shared vector_cache.py
    assert {p.name for p in rag.iterdir()} == template | {f"{c}.py" for c in COMPONENTS} | {
        catalogue.SETTINGS_FILE,
        "vector_cache.py",
    }
    for component, name in PLANTED.items():
        expected = (catalogue.CATALOGUE_DIR / component / f"{name}.py").read_bytes()
        assert (rag / f"{component}.py").read_bytes() == expected
    for name in template:
        expected = (catalogue.TEMPLATE_DIR / "rag" / name).read_bytes()
        assert (rag / name).read_bytes() == expected


def test_assemble_refuses_to_write_into_an_existing_rag_package(tmp_path):
    (tmp_path / "rag").mkdir()
    with pytest.raises(CatalogueError, match="already exists"):
        assemble(PLANTED, tmp_path)


def test_assemble_sets_a_planted_chunkers_chunk_size(tmp_path):
    rag = assemble(PLANTED, tmp_path, chunk_size=640)
    settings = (rag / catalogue.SETTINGS_FILE).read_text(encoding="utf-8")
    assert "\nCHUNK_SIZE = 640  #" in settings and "CHUNK_SIZE = 500" not in settings
    chunker = catalogue.CATALOGUE_DIR / "chunking" / f"{PLANTED['chunking']}.py"
    assert (rag / "chunking.py").read_bytes() == chunker.read_bytes()  # shipped as written
    assert "\nfrom .settings import CHUNK_SIZE\n" in chunker.read_text(encoding="utf-8")


@needs_reference
def test_a_selection_reading_no_settings_gets_no_settings_module(tmp_path):
    rag = assemble({**PLANTED, "chunking": REFERENCE}, tmp_path, chunk_size=640)
    assert not (rag / catalogue.SETTINGS_FILE).exists()


def test_assemble_refuses_a_nonsense_chunk_size(tmp_path):
    with pytest.raises(CatalogueError, match="chunk_size must be a positive integer"):
        assemble(PLANTED, tmp_path, chunk_size=0)
    assert not (tmp_path / "rag").exists()


def _single_swaps() -> list[tuple[str, dict[str, str]]]:
    sound = [("sound", {fm.component: fm.sound for fm in REGISTRY})]
    if not HAS_REFERENCE:
        return [("baseline", PLANTED), *sound]
    swaps = [(f"reference-{c}", s) for c, s in archetypes(PLANTED).items()]
    return [("baseline", PLANTED), *swaps, *sound]


@pytest.mark.parametrize(("label", "selection"), _single_swaps(), ids=lambda v: str(v)[:20])
def test_every_single_swap_imports_cleanly(tmp_path, label, selection):
    # A fresh interpreter, as the evaluation's child has: no `rag` cached from another test.
    assemble(selection, tmp_path)
    modules = ["rag.pipeline", *(f"rag.{c}" for c in COMPONENTS)]
    code = "import importlib, sys\n" + "".join(f"importlib.import_module({m!r})\n" for m in modules)
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env={"PYTHONPATH": f"{tmp_path}:{REPO}", "HF_HUB_OFFLINE": "1", "PATH": ""},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert done.returncode == 0, f"{label}: {done.stderr[-2000:]}"


@needs_reference
def test_assemble_ships_a_shared_module_only_with_a_module_that_imports_it(tmp_path):
    planted = assemble(PLANTED, tmp_path / "planted")
    assert not (planted / "terms.py").exists()
    rag = assemble({**PLANTED, "retrieval": REFERENCE}, tmp_path / "reference")
    expected = (catalogue.CATALOGUE_DIR / "terms.py").read_bytes()
    assert (rag / "terms.py").read_bytes() == expected
    assert catalogue.sibling_imports((rag / "retrieval.py").read_text()) >= {"records", "terms"}
