"""Difficulty profiles: the knobs a hiring team tunes, loaded from TOML and validated strictly.

A profile file may set any subset of the knobs; the rest keep the defaults below (which are the
`medium` profile's). Unknown knobs, wrong types and out-of-range values are rejected with a
`ProfileError` that names the knob and what is allowed. Whether the question counts fit the corpus
("more questions than facts") is only known once the world is built; `corpus.questions` checks it
and raises the same error type.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

SLICES = (
    "boundary",
    "heading",
    "table",
    "paraphrase",
    "identifier",
    "distractor",
    "unanswerable",
)


class ProfileError(ValueError):
    """A profile is missing, malformed, or asks for something the generator cannot build."""


def _knob(default: Any, low: float | None = None, high: float | None = None, doc: str = ""):
    return field(default=default, metadata={"low": low, "high": high, "doc": doc})


@dataclass(frozen=True)
class CorpusKnobs:
    """What the corpus contains; each knob changes the amount of one kind of document."""

    product_families: int = _knob(12, 1, 200, "hardware product lines (spec-sheet documents)")
    sibling_models: int = _knob(4, 1, 4, "models per line differing only in a qualifier")
    policies: int = _knob(8, 1, 14, "policy families (one document per version)")
    policy_versions: int = _knob(3, 1, 4, "versions kept per policy; older ones are distractors")
    services: int = _knob(14, 1, 60, "internal services: a runbook and an API reference each")
    error_codes_per_service: int = _knob(12, 1, 12, "error codes documented per runbook")
    endpoints_per_service: int = _knob(8, 1, 10, "endpoints documented per API reference")
    incident_reports: int = _knob(30, 1, 2000, "incident reports (two-sentence facts)")
    team_directories: int = _knob(5, 0, 40, "team directories: one section per team")
    teams_per_directory: int = _knob(6, 2, 12, "team sections per directory")
    office_guides: int = _knob(2, 0, 10, "office guides: one section per office")
    offices_per_guide: int = _knob(5, 2, 10, "office sections per guide")
    registers: int = _knob(6, 0, 12, "register documents holding one Markdown table each")
    register_rows: int = _knob(18, 4, 40, "rows per register table")
    handbooks: int = _knob(7, 0, 7, "handbook documents stating organisation-wide rules")
    filler_documents: int = _knob(130, 0, 20000, "meeting notes, announcements, updates...")
    filler_sections: int = _knob(4, 1, 8, "sections per filler document")


@dataclass(frozen=True)
class StarterKnobs:
    """What the generator assumes about the starter pipeline it is paired with."""

    chunk_size: int = _knob(500, 100, 5000, "the starter's fixed chunk size in characters")
    align_to_chunks: bool = _knob(
        True,
        doc="place boundary/heading evidence across multiples of chunk_size, the rest inside one",
    )

    @property
    def aligned_chunk(self) -> int | None:
        """The chunk size evidence is placed against, or None when placement is off."""
        return self.chunk_size if self.align_to_chunks else None


@dataclass(frozen=True)
class JudgingKnobs:
    """How returned passages and answers are judged (copied into the variant's manifest)."""

    passage_cap: int = _knob(1500, 50, 100_000, "characters of a passage that are judged")
    answer_cap: int = _knob(300, 20, 10_000, "characters of an answer that are judged")


@dataclass(frozen=True)
class Budgets:
    """Limits the grader enforces and the brief announces."""

    time_box_hours: float = _knob(3.0, 0.5, 40, "suggested working time for the candidate")
    build_timeout_s: int = _knob(600, 10, 7200, "wall time allowed for build()")
    query_timeout_s: float = _knob(10.0, 0.1, 600, "wall time allowed per search()/answer()")
    memory_mb: int = _knob(3072, 256, 65536, "memory limit of the candidate's process")
    cpus: float = _knob(2.0, 0.5, 64, "CPU cores available to the candidate's process")
    pids: int = _knob(256, 16, 4096, "processes/threads the candidate's process may create")
    file_size_mb: int = _knob(1024, 1, 65536, "largest file the candidate may write")
    latency_p95_ms: float = _knob(300.0, 1, 60_000, "announced p95 budget per search()")


COMPONENTS = ("chunking", "embedding", "retrieval", "reranking", "answering")


@dataclass(frozen=True)
class Weaknesses:
    """Which planted implementation each starter component ships; "off" ships a sound one.

    Names are checked against the grader's catalogue when a bundle is built.
    """

    chunking: str = _knob("fixed_chars", doc="how documents are cut into chunks")
    embedding: str = _knob("misconfigured_minilm", doc="how text becomes vectors")
    retrieval: str = _knob("dense_only", doc="first-stage search over the chunks")
    reranking: str = _knob("none", doc="second stage over the retrieved candidates")
    answering: str = _knob("first_passage", doc="how the answer and its citations are made")


QUESTION_DEFAULTS_HIDDEN = {
    "boundary": 30,
    "heading": 30,
    "table": 30,
    "paraphrase": 30,
    "identifier": 30,
    "distractor": 30,
    "unanswerable": 24,
}
QUESTION_DEFAULTS_PUBLIC = {
    "boundary": 7,
    "heading": 7,
    "table": 7,
    "paraphrase": 7,
    "identifier": 7,
    "distractor": 7,
    "unanswerable": 6,
}


@dataclass(frozen=True)
class Profile:
    """A complete, validated profile."""

    name: str
    """Profile name recorded in manifests (`medium`, or the file's `name`)."""
    description: str
    """One line for people choosing a profile."""
    corpus: CorpusKnobs
    hidden: dict[str, int]
    """Hidden question count per slice (every slice present)."""
    public: dict[str, int]
    """Public question count per slice (every slice present)."""
    starter: StarterKnobs
    judging: JudgingKnobs
    budgets: Budgets
    weaknesses: Weaknesses
    retired: tuple[str, ...] = ()
    """Items no variant asks any more (`corpus.items`), e.g. after a cohort showed that every
    candidate passes them."""

    def to_dict(self) -> dict[str, Any]:
        """Plain-data form (TOML layout), used for hashing and for the key. `retired` appears
        only when set, so a profile that retires nothing hashes as it did before the knob."""
        questions: dict[str, Any] = {"hidden": dict(self.hidden), "public": dict(self.public)}
        if self.retired:
            questions["retired"] = list(self.retired)
        return {
            "name": self.name,
            "description": self.description,
            "corpus": dataclasses.asdict(self.corpus),
            "questions": questions,
            "starter": dataclasses.asdict(self.starter),
            "judging": dataclasses.asdict(self.judging),
            "budgets": dataclasses.asdict(self.budgets),
            "weaknesses": dataclasses.asdict(self.weaknesses),
        }

    def sha256(self) -> str:
        blob = json.dumps(self.to_dict(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(blob.encode()).hexdigest()


_SECTIONS = {
    "corpus": CorpusKnobs,
    "starter": StarterKnobs,
    "judging": JudgingKnobs,
    "budgets": Budgets,
    "weaknesses": Weaknesses,
}
_TOP_LEVEL = ("name", "description", *_SECTIONS, "questions")


def shipped_profiles() -> list[str]:
    """Names of the profiles that ship with the generator."""
    folder = resources.files("corpus") / "profiles"
    return sorted(p.name[: -len(".toml")] for p in folder.iterdir() if p.name.endswith(".toml"))


def load_profile(name_or_path: str | Path) -> Profile:
    """Load a shipped profile by name, or a profile file by path."""
    path = Path(name_or_path)
    if path.suffix == ".toml" or path.exists():
        if not path.is_file():
            raise ProfileError(f"profile file {path} does not exist")
        source = path.read_text(encoding="utf-8")
        default_name = path.stem
    else:
        names = shipped_profiles()
        if str(name_or_path) not in names:
            raise ProfileError(
                f"unknown profile {str(name_or_path)!r}: use one of {', '.join(names)} "
                "or the path of a .toml file"
            )
        source = (resources.files("corpus") / "profiles" / f"{name_or_path}.toml").read_text(
            encoding="utf-8"
        )
        default_name = str(name_or_path)
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        raise ProfileError(f"profile {name_or_path}: not valid TOML ({exc})") from None
    return parse_profile(data, default_name=default_name, origin=str(name_or_path))


def parse_profile(data: dict[str, Any], *, default_name: str, origin: str) -> Profile:
    """Validate a profile's plain data (as read from TOML)."""
    _reject_unknown(data, _TOP_LEVEL, prefix="", origin=origin)
    name = data.get("name", default_name)
    description = data.get("description", "")
    for key, value in (("name", name), ("description", description)):
        if not isinstance(value, str):
            raise ProfileError(f"profile {origin}: {key} must be a string, got {value!r}")
    sections = {
        key: _parse_section(cls, data.get(key, {}), key, origin) for key, cls in _SECTIONS.items()
    }
    questions = data.get("questions", {})
    if not isinstance(questions, dict):
        raise ProfileError(f"profile {origin}: [questions] must be a table")
    _reject_unknown(questions, ("hidden", "public", "retired"), prefix="questions.", origin=origin)
    hidden = _parse_counts(questions.get("hidden", {}), QUESTION_DEFAULTS_HIDDEN, "hidden", origin)
    public = _parse_counts(questions.get("public", {}), QUESTION_DEFAULTS_PUBLIC, "public", origin)
    if sum(hidden.values()) == 0:
        raise ProfileError(f"profile {origin}: questions.hidden asks for no question at all")
    retired = _parse_retired(questions.get("retired", []), origin)
    return Profile(
        name=name,
        description=description,
        hidden=hidden,
        public=public,
        retired=retired,
        **sections,
    )


def knob_docs() -> dict[str, str]:
    """`section.knob` → what it changes (for `--help` texts and documentation)."""
    docs = {}
    for section, cls in _SECTIONS.items():
        for f in dataclasses.fields(cls):
            docs[f"{section}.{f.name}"] = f.metadata["doc"]
    return docs


def _reject_unknown(table: dict, allowed, *, prefix: str, origin: str) -> None:
    for key in table:
        if key not in allowed:
            raise ProfileError(
                f"profile {origin}: unknown knob {prefix}{key}; "
                f"allowed here: {', '.join(prefix + a for a in allowed)}"
            )


def _parse_section(cls, table: Any, section: str, origin: str):
    if not isinstance(table, dict):
        raise ProfileError(f"profile {origin}: [{section}] must be a table, got {table!r}")
    fields = {f.name: f for f in dataclasses.fields(cls)}
    _reject_unknown(table, fields, prefix=f"{section}.", origin=origin)
    values = {}
    for key, value in table.items():
        f = fields[key]
        knob = f"{section}.{key}"
        values[key] = _check_value(knob, value, type(f.default), f.metadata, origin)
    return cls(**values)


def _check_value(knob: str, value: Any, kind: type, meta: dict, origin: str) -> Any:
    if kind is str:
        if not isinstance(value, str) or not value:
            raise ProfileError(
                f"profile {origin}: {knob} must be a non-empty string, got {value!r}"
            )
        return value
    if kind is bool:
        if not isinstance(value, bool):
            raise ProfileError(f"profile {origin}: {knob} must be true or false, got {value!r}")
        return value
    if kind is int and (isinstance(value, bool) or not isinstance(value, int)):
        raise ProfileError(f"profile {origin}: {knob} must be an integer, got {value!r}")
    if kind is float:
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ProfileError(f"profile {origin}: {knob} must be a number, got {value!r}")
        value = float(value)
    low, high = meta.get("low"), meta.get("high")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ProfileError(
            f"profile {origin}: {knob} = {value!r} is out of range; allowed {low} to {high}"
        )
    return value


def _parse_counts(table: Any, defaults: dict[str, int], which: str, origin: str) -> dict[str, int]:
    if not isinstance(table, dict):
        raise ProfileError(f"profile {origin}: [questions.{which}] must be a table")
    _reject_unknown(table, SLICES, prefix=f"questions.{which}.", origin=origin)
    counts = dict(defaults)
    for key, value in table.items():
        counts[key] = _check_value(
            f"questions.{which}.{key}", value, int, {"low": 0, "high": 100_000}, origin
        )
    return counts


def _parse_retired(value: Any, origin: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ProfileError(
            f"profile {origin}: questions.retired must be a list of item names such as "
            f'"handbook/late_dinner_cap", got {value!r}'
        )
    if not value:
        return ()  # the usual case: no need to list every item the renderers can ask
    from corpus.items import unknown_items  # here: the renderers import this module

    unknown = unknown_items(tuple(value))
    if unknown:
        raise ProfileError(
            f"profile {origin}: questions.retired names no item the generator asks: "
            f"{', '.join(unknown)}; take the names from a cohort (cohort.json, questions.csv)"
        )
    return tuple(sorted(set(value)))
