"""The catalogue of starter implementations per pipeline component, and assembling `rag/` from it.

Each component of `corpus.failure_modes.COMPONENTS` has a folder here. Every `<name>.py` in it is a
complete module implementing that component's seam, as `candidate_template/rag/pipeline.py` calls
it: the planted implementations a profile's `[weaknesses]` section names, `reference.py`, the best
one (the profile value "off" selects it), and `sound.py`, the textbook fix a quick careful pass
writes (the sound solution: the bar the reference's headroom is measured from). Code several of
them share sits in a module at the top of the catalogue (`terms.py`: the tokenizer and stemmer;
`vector_cache.py`: embeddings on disk; `minilm.py`: loading the packaged model; `glossary.py`: the
terms a corpus defines, for rewriting queries; `packing.py`: whole sentences or rows into chunks).
The modules import `exercise.*` (the contract) and their sibling modules relatively (`from .records
import Chunk`), so they only run once copied into a `rag/` package: `assemble` writes one, with the
fixed template files next to the chosen component modules renamed to `<component>.py` and the
shared modules they import.

Callers: `grader.bundle.build` (a candidate's starter), `grader.solutions` (known solutions) and
calibration or benchmarks (archetypes: the baseline with one component replaced by the reference).
Nothing here is ever shipped.
"""

from __future__ import annotations

import ast
import shutil
from collections.abc import Mapping
from pathlib import Path

from corpus.failure_modes import COMPONENTS, REFERENCE
from corpus.profile import Profile, StarterKnobs

OFF = "off"  # the profile's word for "ship the sound implementation"
CATALOGUE_DIR = Path(__file__).resolve().parent
TEMPLATE_DIR = CATALOGUE_DIR.parents[1] / "candidate_template"
SETTINGS_FILE = "settings.py"
"""The module `assemble` writes into rag/ with the starter's settings (for modules reading it)."""


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


def shared_modules() -> tuple[Path, ...]:
    """The catalogue's shared modules (`grader/catalogue/<name>.py`): code several component
    modules use, copied into `rag/` as `<name>.py` when a chosen module imports it."""
    return tuple(sorted(p for p in CATALOGUE_DIR.glob("*.py") if p.name != "__init__.py"))


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
    component, the chosen catalogue module as `<component>.py`, unchanged. When a chosen module
    reads `rag.settings` (the planted chunker reads its `CHUNK_SIZE` there), `rag/settings.py` is
    written from `chunk_size` (default: the profile default `starter.chunk_size`), so the shipped
    chunker matches the chunk size the corpus generator aligned its evidence to.
    """
    chosen = normalize_selection(selection)
    settings = starter_settings(StarterKnobs().chunk_size if chunk_size is None else chunk_size)
    rag = Path(out_dir) / "rag"
    if rag.exists():
        raise CatalogueError(f"{rag} already exists; assemble writes a new rag/ package")
    sources = {p.name: p.read_text(encoding="utf-8") for p in template_rag_files()}
    for component, name in chosen.items():
        sources[f"{component}.py"] = resolve(component, name).read_text(encoding="utf-8")
    sources.update(_shared_sources(sources))
    if any(reads_settings(text) for text in sources.values()):
        sources[SETTINGS_FILE] = settings
    rag.mkdir(parents=True)
    try:
        for file_name, text in sorted(sources.items()):
            (rag / file_name).write_text(text, encoding="utf-8", newline="")
    except BaseException:
        shutil.rmtree(rag, ignore_errors=True)
        raise
    return rag


def _shared_sources(sources: Mapping[str, str]) -> dict[str, str]:
    """file name -> text of every shared module the modules in `sources` import (and those that
    import in turn): only what the chosen modules use is shipped."""
    shared = {p.stem: p for p in shared_modules()}
    needed: dict[str, str] = {}
    pending = list(sources.values())
    while pending:
        for stem in sibling_imports(pending.pop()) & shared.keys():
            if f"{stem}.py" not in needed and f"{stem}.py" not in sources:
                needed[f"{stem}.py"] = text = shared[stem].read_text(encoding="utf-8")
                pending.append(text)
    return needed


def sibling_imports(source: str) -> set[str]:
    """Names of the `rag` modules a module's `source` imports: `from . import x`,
    `from .x import ...`, `from rag.x import ...`, `import rag.x`."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level == 1 and not module:
                found.update(alias.name for alias in node.names)
            elif node.level == 1:
                found.add(module.split(".")[0])
            elif node.level == 0 and module.startswith("rag."):
                found.add(module.split(".")[1])
            elif node.level == 0 and module == "rag":
                found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(a.name.split(".")[1] for a in node.names if a.name.startswith("rag."))
    return found


def starter_settings(chunk_size: int) -> str:
    """The text of `rag/settings.py` for a starter whose fixed chunks are `chunk_size` long."""
    if isinstance(chunk_size, bool) or not isinstance(chunk_size, int) or chunk_size < 1:
        raise CatalogueError(f"chunk_size must be a positive integer, got {chunk_size!r}")
    return (
        '"""Settings the pipeline\'s steps read."""\n'
        "\n"
        f"CHUNK_SIZE = {chunk_size}  # characters per chunk; roughly 100 tokens, well inside the "
        "encoder's window\n"
    )


def reads_settings(source: str) -> bool:
    """Whether a rag module's source imports the settings module (then `assemble` writes it)."""
    return SETTINGS_FILE.removesuffix(".py") in sibling_imports(source)


def _check_component(component: str) -> None:
    if component not in COMPONENTS:
        raise CatalogueError(
            f"unknown component {component!r}; components: {', '.join(COMPONENTS)}"
        )
