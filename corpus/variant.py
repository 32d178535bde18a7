"""Generating a variant from `(seed, profile)` and writing it (and its key) to disk.

Layout (DESIGN.md, fixed):

    OUT/variant/manifest.json, docs/<doc_id>.md, questions/public.jsonl
    OUT/key/key.json, questions/hidden.jsonl, variant/   (a pristine copy of OUT/variant)

Everything is deterministic: the same seed and profile give byte-identical files. Writing goes
to a temporary sibling folder that is renamed into place at the end, so an interrupted run
leaves no half-written output.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus.document import Document
from corpus.folders import replace_folder
from corpus.genres.bridges import render_roster
from corpus.genres.filler import render_filler
from corpus.genres.glossary import render_glossary
from corpus.genres.handbooks import render_handbooks
from corpus.genres.incidents import render_incidents
from corpus.genres.policies import render_policies
from corpus.genres.products import render_products
from corpus.genres.registers import render_registers
from corpus.genres.sections import render_sections
from corpus.genres.services import render_services
from corpus.key_file import HIDDEN_QUESTIONS, KEY_FILE, KeyFile
from corpus.knobs import Profile
from corpus.questions import Question, select_questions
from corpus.wording import SHIPPED
from corpus.world import build_world

GENERATOR_VERSION = "1.0.0"
FORMAT = 1  # manifest.json's format (key.json has its own: corpus.key_file.KEY_FORMAT)
RENDERERS = (
    render_products,
    render_policies,
    render_services,
    render_incidents,
    render_sections,
    render_registers,
    render_handbooks,
    render_filler,
    render_roster,  # last and only when asked: no other document's draws move
)


class OutputExistsError(FileExistsError):
    """The output folder exists and overwriting was not asked for."""


@dataclass(frozen=True)
class Variant:
    """A generated variant in memory: documents, questions and the files they become."""

    seed: int
    profile: Profile
    docs: dict[str, str]
    """doc_id → exact text."""
    hidden: tuple[Question, ...]
    public: tuple[Question, ...]
    seed_in_manifest: bool = True
    """False for a seed derived from a team secret: with the generator, a seed regenerates the
    hidden questions, so the candidate's manifest says `"seed": null` (the key keeps it)."""
    wording: str = SHIPPED
    """How facts and questions are worded (`corpus.wording`); the manifest names any but the
    shipped one."""

    def variant_files(self) -> dict[str, bytes]:
        """Relative path → bytes of every file of the variant folder (manifest last)."""
        files = {f"docs/{doc_id}.md": text.encode("utf-8") for doc_id, text in self.docs.items()}
        files["questions/public.jsonl"] = _jsonl(q.to_json(with_slice=False) for q in self.public)
        files["manifest.json"] = _json(self.manifest(files))
        return files

    def manifest(self, files: dict[str, bytes]) -> dict:
        wording = {} if self.wording == SHIPPED else {"wording": self.wording}
        return {
            **wording,
            "format": FORMAT,
            "generator_version": GENERATOR_VERSION,
            "seed": self.seed if self.seed_in_manifest else None,
            "profile": self.profile.name,
            "judging": {
                "passage_cap": self.profile.judging.passage_cap,
                "answer_cap": self.profile.judging.answer_cap,
            },
            "counts": {
                "documents": len(self.docs),
                "characters": sum(len(t) for t in self.docs.values()),
                "public_questions": len(self.public),
            },
            "files": {path: _sha256(data) for path, data in sorted(files.items())},
        }

    def key_files(self, manifest_bytes: bytes) -> dict[str, bytes]:
        hidden = _jsonl(q.to_json(with_slice=True) for q in self.hidden)
        per_slice = Counter(q.slice for q in self.hidden)
        key = KeyFile(
            generator_version=GENERATOR_VERSION,
            variant_manifest_sha256=_sha256(manifest_bytes),
            seed=self.seed,
            profile=self.profile,
            profile_sha256=self.profile.sha256(),
            hidden_questions=len(self.hidden),
            per_slice={s: per_slice.get(s, 0) for s in self.profile.listed_slices},
            hidden_sha256=_sha256(hidden),
            # Public lines carry no slice (it would hand the diagnosis to the candidate); the
            # interviewer's side keeps them here for verification and diagnosis.
            public_slices={q.id: q.slice for q in self.public},
            # What each question asks, the same in every variant (`CandidateQuestion.item`): cohort
            # statistics pool a round of per-candidate variants by it.
            items={q.id: q.item for q in (*self.hidden, *self.public)},
        )
        return {KEY_FILE: key.to_bytes(), HIDDEN_QUESTIONS: hidden}


def generate(
    seed: int,
    profile: Profile,
    progress: Callable[[str], None] | None = None,
    *,
    wording: str = SHIPPED,
) -> Variant:
    """Build the world, render every document and choose the questions, in memory, worded as
    `wording` says (`corpus.wording`)."""
    world = build_world(seed, profile, wording)
    docs: list[Document] = []
    for render in RENDERERS:
        if progress:
            progress(render.__name__.removeprefix("render_"))
        docs += render(world, profile)
    # Last: the glossary reads the finished corpus (codenames it uses nowhere else), and it exists
    # only when a profile asks the slice that asks by its terms.
    docs += render_glossary(world, profile, docs)
    ids = [d.doc_id for d in docs]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise RuntimeError(f"duplicate document ids: {', '.join(duplicates[:5])}")
    if progress:
        progress("questions")
    hidden, public = select_questions(world, profile, docs)
    return Variant(
        seed=seed,
        profile=profile,
        docs={d.doc_id: d.text for d in sorted(docs, key=lambda d: d.doc_id)},
        hidden=tuple(hidden),
        public=tuple(public),
        wording=wording,
    )


def write(variant: Variant, out: Path, *, force: bool = False) -> None:
    """Write OUT/variant and OUT/key atomically (replacing OUT only when `force`)."""
    out = Path(out)
    if out.exists() and (not force or any(p not in ("variant", "key") for p in _names(out))):
        if not force:
            raise OutputExistsError(f"{out} already exists; pass --force to replace it")
        raise OutputExistsError(
            f"{out} holds files other than variant/ and key/; refusing to replace it"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}-", dir=out.parent))
    try:
        files = variant.variant_files()
        _write_tree(staging / "variant", files)
        _write_tree(staging / "key", variant.key_files(files["manifest.json"]))
        _write_tree(staging / "key" / "variant", files)
        replace_folder(staging, out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)


def locate(folder: Path) -> tuple[Path, Path | None] | None:
    """(variant folder, key folder or None) for an output folder, a key folder or a variant."""
    folder = Path(folder)
    if (folder / KEY_FILE).is_file() and (folder / "variant" / "manifest.json").is_file():
        return folder / "variant", folder  # a key folder: its pristine variant copy inside
    if (folder / "variant" / "manifest.json").is_file():
        key = folder / "key"
        return folder / "variant", key if key.is_dir() else None
    if (folder / "manifest.json").is_file():
        return folder, None
    return None


def _names(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir()] if folder.is_dir() else [folder.name]


def _write_tree(root: Path, files: dict[str, bytes]) -> None:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)


def _json(data: dict) -> bytes:
    return (json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()


def _jsonl(lines) -> bytes:
    return "".join(json.dumps(line, ensure_ascii=False) + "\n" for line in lines).encode()


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()
