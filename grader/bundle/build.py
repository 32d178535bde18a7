"""Building one candidate's bundle: the repository to send, and the key to keep.

`build_bundle(profile, seed, candidate, out)` generates the candidate's corpus variant and writes

    OUT/bundle/          the candidate's repository: the template files (README.md and Makefile
                         rendered from the profile), rag/ assembled from the catalogue per the
                         profile's [weaknesses], a copy of the `exercise` package (its .py files
                         and README.md) and corpus/ (manifest.json, docs/, questions/public.jsonl)
    OUT/bundle.tar.gz    the same folder as a deterministic archive (what is sent)
    OUT/key/             key.json, questions/hidden.jsonl, variant/ (DESIGN.md); key.json also
                         records the candidate, the component selection and the bundle's hashes;
                         pairing_guide.md when the profile plants at most two components (a
                         pairing round: `grader.bundle.pairing_guide`)

Nothing that identifies the candidate, the selection, the catalogue or the hidden questions goes
into the bundle. Writing is atomic: everything is staged in a temporary sibling folder that is
renamed into place at the end. Called by the `takehome bundle` command (`grader.bundle.cli`).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import shutil
import tempfile
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

import exercise
from corpus.folders import replace_folder
from corpus.key_file import KEY_FILE, BundleRecord, KeyFile, with_bundle
from corpus.profile import Profile
from corpus.variant import Variant, generate, write
from exercise.evaluate import DEFAULT_K
from exercise.history import HISTORY_FILE
from grader.bundle.archive import tar_gz_bytes
from grader.bundle.pairing_guide import GUIDE_FILE, pairing_guide, wants_pairing_guide
from grader.catalogue import TEMPLATE_DIR, assemble, selection_from_profile

BUNDLE_DIR = "bundle"
ARCHIVE = "bundle.tar.gz"
KEY_DIR = "key"
OUTPUTS = (BUNDLE_DIR, ARCHIVE, KEY_DIR)
RENDERED = ("README.md", "Makefile")  # template files holding {{placeholders}}
MAX_NAME_CHARS = 200
# Never copied from the template or the exercise package: local state, caches, build products,
# and an evaluation history (exercise.history) a run inside the template would leave behind.
_IGNORED = {
    ".venv", ".takehome", "__pycache__", ".pytest_cache", ".ruff_cache", ".mypy_cache",
    HISTORY_FILE,
}  # fmt: skip
_IGNORED_SUFFIXES = (".pyc", ".pyo", ".egg-info")
_PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
# The starter's cold build on 2 cores (import, model load, every chunk embedded into an empty
# cache: what the first `make eval` waits for), as a fixed part plus a cost per corpus character,
# so the brief states it for the candidate's own corpus. Measured on the medium starter (seed 1:
# 903,923 characters, 280 documents) by timing its cold `make eval` command: 93.6 CPU-seconds in
# all (user 90.8 + system 2.8, the 48 public questions included), its build 371 s of wall time
# with the machine shared (load average 23-40 on 2 cores). Alone on 2 cores the build takes at
# most its CPU time, so that is the figure: ~10 s to import and load the model (an estimate),
# 80 s for the characters. Starters that embed longer windows per chunk take longer.
COLD_BUILD_FIXED_S = 10.0
COLD_BUILD_S_PER_CHAR = 80.0 / 903_923


class BundleError(ValueError):
    """The bundle cannot be built as asked (bad candidate name, output in the way, template)."""


@dataclass(frozen=True)
class BundleResult:
    """What `build_bundle` wrote."""

    out: Path
    """The output folder (bundle/, bundle.tar.gz, key/)."""
    archive_sha256: str
    """sha256 of OUT/bundle.tar.gz (also in key.json)."""
    files: int
    """Files in the bundle."""
    documents: int
    """Documents in the corpus variant."""
    public_questions: int
    """Questions shipped in corpus/questions/public.jsonl."""
    hidden_questions: int
    """Questions kept in key/questions/hidden.jsonl."""
    components: dict[str, str]
    """component → shipped implementation."""
    pairing_guide: Path | None = None
    """OUT/key/pairing_guide.md when one was written (a pairing-sized profile), else None."""


def build_bundle(
    profile: Profile,
    seed: int,
    candidate: str,
    out: Path,
    *,
    force: bool = False,
    progress: Callable[[str], None] | None = None,
    secret_seed: bool = False,
) -> BundleResult:
    """Generate the variant for `(seed, profile)` and write OUT/bundle, bundle.tar.gz and key.

    `secret_seed`: the seed was derived from a team secret (`grader.bundle.seeds`); the bundle's
    manifest then carries no seed, and key.json says where the seed came from."""
    name = check_candidate_name(candidate)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise BundleError(f"seed must be a non-negative integer, got {seed!r}")
    components = selection_from_profile(profile)  # unknown names fail before any work
    out = Path(out)
    _check_output(out, force=force)
    say = progress or (lambda _stage: None)
    variant = generate(seed, profile, progress=lambda s: say(f"rendering {s}"))
    if secret_seed:
        variant = dataclasses.replace(variant, seed_in_manifest=False)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        say("writing the bundle")
        generated = staging / "generated"
        write(variant, generated)
        bundle = staging / BUNDLE_DIR
        _write_template(bundle, brief_values(profile, variant))
        assemble(components, bundle, chunk_size=profile.starter.chunk_size)
        _copy_exercise(bundle / "exercise")
        (generated / "variant").rename(bundle / "corpus")
        say("packing the archive")
        archive = tar_gz_bytes(bundle, BUNDLE_DIR)
        (staging / ARCHIVE).write_bytes(archive)
        archive_sha = hashlib.sha256(archive).hexdigest()
        (generated / KEY_DIR).rename(staging / KEY_DIR)
        _extend_key(
            staging / KEY_DIR / KEY_FILE,
            candidate=name,
            components=components,
            archive_sha256=archive_sha,
            files=_starter_hashes(bundle),
            seed_source="team secret" if secret_seed else "given",
        )
        if wants_pairing_guide(components):
            guide = pairing_guide(profile, variant, components, candidate=name)
            (staging / KEY_DIR / GUIDE_FILE).write_text(guide, encoding="utf-8", newline="")
        generated.rmdir()
        replace_folder(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return BundleResult(
        out=out,
        archive_sha256=archive_sha,
        files=sum(1 for p in (out / BUNDLE_DIR).rglob("*") if p.is_file()),
        documents=len(variant.docs),
        public_questions=len(variant.public),
        hidden_questions=len(variant.hidden),
        components=components,
        pairing_guide=out / KEY_DIR / GUIDE_FILE if wants_pairing_guide(components) else None,
    )


def check_candidate_name(candidate: str) -> str:
    """The candidate's name, stripped; it must be printable and not empty."""
    name = candidate.strip() if isinstance(candidate, str) else ""
    if not name:
        raise BundleError("the candidate name is empty; pass --candidate NAME")
    if len(name) > MAX_NAME_CHARS:
        raise BundleError(f"the candidate name is longer than {MAX_NAME_CHARS} characters")
    if not name.isprintable():
        raise BundleError(f"the candidate name {name!r} contains control characters")
    return name


def default_out_dir(candidate: str) -> Path:
    """`bundles/<name>`, the name lower-cased with runs of other characters turned into `-`."""
    slug = re.sub(r"[^\w]+", "-", check_candidate_name(candidate).lower()).strip("-_")
    if not slug:
        raise BundleError(f"cannot make a folder name from {candidate!r}; pass --out")
    return Path("bundles") / slug


def brief_values(profile: Profile, variant: Variant) -> dict[str, str]:
    """The values of the template's {{placeholders}}, as text."""
    budgets, judging = profile.budgets, profile.judging
    return {
        "time_box": _duration(budgets.time_box_hours),
        "build_timeout_s": _number(budgets.build_timeout_s),
        "query_timeout_s": _number(budgets.query_timeout_s),
        "run_timeout_s": _number(budgets.run_timeout_s),
        "memory_mb": f"{budgets.memory_mb:,}",
        "cpus": _number(budgets.cpus),
        "pids": f"{budgets.pids:,}",
        "file_size_mb": f"{budgets.file_size_mb:,}",
        "latency_p95_ms": _number(budgets.latency_p95_ms),
        "passage_cap": f"{judging.passage_cap:,}",
        "answer_cap": f"{judging.answer_cap:,}",
        "k": str(DEFAULT_K),
        "documents": f"{len(variant.docs):,}",
        "public_questions": f"{len(variant.public):,}",
        "cold_build": cold_build_text(sum(len(text) for text in variant.docs.values())),
    }


def cold_build_text(characters: int) -> str:
    """The starter's cold build time for a corpus of `characters`, as the brief words it:
    "40 seconds", "2 minutes", "3½ minutes" (to the half minute past one minute)."""
    seconds = COLD_BUILD_FIXED_S + COLD_BUILD_S_PER_CHAR * characters
    if seconds < 55:
        return f"{max(10, int(seconds / 10 + 0.5) * 10)} seconds"  # halves round up
    halves = max(2, int(seconds / 30 + 0.5))
    whole, half = divmod(halves, 2)
    return f"{whole}{'½' if half else ''} minute{'' if halves == 2 else 's'}"


def render(text: str, values: Mapping[str, str], *, source: str) -> str:
    """Replace every {{name}} in `text`; an unknown name is an error naming the file."""

    def substitute(match: re.Match[str]) -> str:
        key = match.group(1)
        if key not in values:
            raise BundleError(
                f"{source}: unknown placeholder {{{{{key}}}}}; known: {', '.join(sorted(values))}"
            )
        return values[key]

    rendered = _PLACEHOLDER.sub(substitute, text)
    if "{{" in rendered:
        near = rendered[rendered.index("{{") :][:40]
        raise BundleError(f"{source}: malformed placeholder near {near!r}")
    return rendered


def _write_template(bundle: Path, values: Mapping[str, str]) -> None:
    if not (TEMPLATE_DIR / "README.md").is_file():
        raise BundleError(f"the candidate template is missing: expected {TEMPLATE_DIR}/README.md")
    for source in _tree(TEMPLATE_DIR):
        rel = source.relative_to(TEMPLATE_DIR)
        if rel.parts[0] == "rag":
            continue  # `assemble` writes rag/
        target = bundle / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        if rel.as_posix() in RENDERED:
            text = source.read_text(encoding="utf-8")
            rendered = render(text, values, source=f"candidate_template/{rel.as_posix()}")
            target.write_text(rendered, encoding="utf-8", newline="")
        else:
            shutil.copyfile(source, target)


def _copy_exercise(target: Path) -> None:
    package = Path(exercise.__file__).resolve().parent
    files = [p for p in _tree(package) if p.suffix == ".py"] + [package / "README.md"]
    for source in sorted(files):
        dest = target / source.relative_to(package)
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, dest)


def _tree(root: Path) -> list[Path]:
    """Files under `root`, sorted, without local state, caches and build products."""
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part in _IGNORED or part.endswith(_IGNORED_SUFFIXES) for part in rel.parts):
            continue
        if path.is_file():
            found.append(path)
    return found


def _starter_hashes(bundle: Path) -> dict[str, str]:
    """sha256 of every bundle file outside corpus/ (the corpus is hashed by its manifest)."""
    return {
        p.relative_to(bundle).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in _tree(bundle)
        if p.relative_to(bundle).parts[0] != "corpus"
    }


def _extend_key(
    path: Path,
    *,
    candidate: str,
    components: Mapping[str, str],
    archive_sha256: str,
    files: Mapping[str, str],
    seed_source: str,
) -> None:
    bundle = BundleRecord(archive=ARCHIVE, archive_sha256=archive_sha256, files=files)
    key = with_bundle(
        KeyFile.from_file(path),
        candidate=candidate,
        components=components,
        bundle=bundle,
        seed_source=seed_source,
    )
    key.save(path)


def _check_output(out: Path, *, force: bool) -> None:
    if not out.exists():
        return
    if not force:
        raise BundleError(f"{out} already exists; pass --force to replace it")
    if not out.is_dir() or any(p.name not in OUTPUTS for p in out.iterdir()):
        raise BundleError(
            f"{out} holds files other than {', '.join(OUTPUTS)}; refusing to replace it"
        )


def _duration(hours: float) -> str:
    if hours < 1:
        return f"{round(hours * 60)} minutes"
    return "1 hour" if hours == 1 else f"{_number(hours)} hours"


def _number(value: float) -> str:
    return f"{value:g}"
