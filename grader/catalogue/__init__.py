"""The catalogue of starter implementations per pipeline component, and assembling `rag/` from it.

Each component of `corpus.failure_modes.COMPONENTS` has a folder here. Every `<name>.py` in it is a
complete module implementing that component's seam, as `candidate_template/rag/pipeline.py` calls
it: the planted implementations a profile's `[weaknesses]` section names, and `reference.py`, the
sound one (the profile value "off" selects it). The modules import `rag.*` and `exercise.*`, so
they only run once copied into a `rag/` package: `assemble` writes one, with the fixed template
files next to the chosen component modules renamed to `<component>.py`.

Callers: `grader.bundle.build` (a candidate's starter) and calibration or benchmarks (archetypes:
the baseline with one component replaced by the reference). Nothing here is ever shipped.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Mapping
from pathlib import Path

from corpus.failure_modes import CHUNKING, COMPONENTS, REFERENCE
from corpus.profile import Profile

OFF = "off"  # the profile's word for "ship the sound implementation"
CATALOGUE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = CATALOGUE_DIR.parents[1] / "candidate_template"
_CHUNK_SIZE_LINE = re.compile(r"^CHUNK_SIZE = \d+(?=\s|$)", re.MULTILINE)


class CatalogueError(ValueError):
    """A selection names an unknown component or implementation, or cannot be assembled."""


def implementations(component: str) -> tuple[str, ...]:
    """The implementation names available for `component`, sorted (file stems in its folder)."""
    _check_component(component)
    folder = CATALOGUE_DIR / component
    return tuple(
        sorted(p.stem for p in folder.glob("*.py") if not p.name.startswith("_"))
        if folder.is_dir()
        else ()
    )


def registry() -> dict[str, tuple[str, ...]]:
    """component → available implementation names, for every component."""
    return {component: implementations(component) for component in COMPONENTS}


def resolve(component: str, name: str) -> Path:
    """The module file implementing `component` as `name` ("off" means the reference)."""
    available = implementations(component)
    chosen = REFERENCE if name == OFF else name
    if chosen not in available:
        allowed = [*available, OFF] if REFERENCE in available else list(available)
        raise CatalogueError(
            f"unknown {component} implementation {name!r}; allowed: "
            f"{', '.join(allowed) or '(none in the catalogue)'}"
        )
    return CATALOGUE_DIR / component / f"{chosen}.py"


def normalize_selection(selection: Mapping[str, str]) -> dict[str, str]:
    """Check a component → name selection and spell it canonically ("off" → "reference").

    Every component must be chosen exactly once; the result is in `COMPONENTS` order.
    """
    unknown = sorted(set(selection) - set(COMPONENTS))
    if unknown:
        raise CatalogueError(
            f"unknown component(s) {', '.join(map(repr, unknown))}; "
            f"components: {', '.join(COMPONENTS)}"
        )
    missing = [c for c in COMPONENTS if c not in selection]
    if missing:
        raise CatalogueError(
            f"no implementation chosen for {', '.join(missing)}; "
            f"a selection names one for each of {', '.join(COMPONENTS)}"
        )
    normalized = {}
    for component in COMPONENTS:
        path = resolve(component, selection[component])
        normalized[component] = path.stem
    return normalized


def selection_from_profile(profile: Profile) -> dict[str, str]:
    """The profile's `[weaknesses]` choices, checked against the catalogue."""
    return normalize_selection({c: getattr(profile.weaknesses, c) for c in COMPONENTS})


def archetypes(baseline: Mapping[str, str]) -> dict[str, dict[str, str]]:
    """component → the baseline with only that component replaced by the reference.

    Components the baseline already ships as the reference have no archetype.
    """
    base = normalize_selection(baseline)
    return {
        component: {**base, component: REFERENCE}
        for component in COMPONENTS
        if base[component] != REFERENCE
    }


def template_rag_files() -> tuple[Path, ...]:
    """The fixed modules of `candidate_template/rag/` (everything but the component modules)."""
    folder = TEMPLATE_DIR / "rag"
    if not (folder / "pipeline.py").is_file():
        raise CatalogueError(
            f"the candidate template is missing: expected {folder / 'pipeline.py'} "
            "(run from a checkout of the harness)"
        )
    return tuple(sorted(p for p in folder.glob("*.py") if p.stem not in COMPONENTS))


def assemble(selection: Mapping[str, str], out_dir: Path, *, chunk_size: int | None = None) -> Path:
    """Write a complete `rag/` package into `out_dir` (which may exist); return its path.

    `out_dir/rag/` must not exist yet. It receives the template's fixed modules and, for each
    component, the chosen catalogue module as `<component>.py`. `chunk_size`, when given, sets a
    planted chunker's `CHUNK_SIZE` constant, so the shipped chunker matches the chunk size the
    corpus generator aligned its evidence to (profile knob `starter.chunk_size`).
    """
    chosen = normalize_selection(selection)
    rag = Path(out_dir) / "rag"
    if rag.exists():
        raise CatalogueError(f"{rag} already exists; assemble writes a new rag/ package")
    sources = {p.name: p.read_text(encoding="utf-8") for p in template_rag_files()}
    for component, name in chosen.items():
        text = resolve(component, name).read_text(encoding="utf-8")
        if component == CHUNKING and name != REFERENCE and chunk_size is not None:
            text = _set_chunk_size(text, chunk_size, name)
        sources[f"{component}.py"] = text
    rag.mkdir(parents=True)
    try:
        for file_name, text in sorted(sources.items()):
            (rag / file_name).write_text(text, encoding="utf-8", newline="")
    except BaseException:
        shutil.rmtree(rag, ignore_errors=True)
        raise
    return rag


def _set_chunk_size(source: str, chunk_size: int, name: str) -> str:
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise CatalogueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    found = _CHUNK_SIZE_LINE.findall(source)
    if not found:
        return source  # this chunker has no fixed size to align
    if len(found) > 1:
        raise CatalogueError(f"chunking/{name}.py defines CHUNK_SIZE more than once")
    return _CHUNK_SIZE_LINE.sub(f"CHUNK_SIZE = {chunk_size}", source)


def _check_component(component: str) -> None:
    if component not in COMPONENTS:
        raise CatalogueError(
            f"unknown component {component!r}; components: {', '.join(COMPONENTS)}"
        )
