"""`key.json`, the record at the top of an answer key folder: its one reader and writer.

An answer key folder (DESIGN.md, fixed layout) is `key.json`, `questions/hidden.jsonl` and a
pristine copy of the variant under `variant/`. `corpus.variant` writes key.json for every
generated variant; `grader.bundle.build` adds what a bundle knows (candidate, components, the
bundle's hashes); `grader.answer_key`, `corpus.validate`, `corpus.stats` and the benchmarks read
it. All of them go through `KeyFile`: nothing else opens key.json or indexes into its JSON.

The file's shape, format 1 (`KEY_FORMAT`), is what every key written so far holds:

    format, generator_version, variant_manifest_sha256, seed, profile, profile_sha256,
    profile_settings       the generating profile (`Profile.to_dict()`, TOML layout)
    budgets, judging, starter
                           copies of those profile_settings sections, kept in the file so keys
                           stay byte-identical; the record holds them once (`KeyFile.profile`)
                           and reading checks that the copies agree
    counts                 {"hidden_questions": n, "per_slice": {slice: n}}
    files                  {"questions/hidden.jsonl": sha256}
    public_slices, items   question id → slice (public lines carry none), → item; `items` is
                           absent from keys written before items were recorded
    seed_source, candidate, components, bundle
                           only in a bundle's key (`grader.bundle.build`)

A key with another format, an unknown field or a field of the wrong type is refused with a
`KeyFileError` naming the field and what to do.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType
from typing import Any

from corpus.failure_modes import COMPONENTS
from corpus.profile import Budgets, JudgingKnobs, Profile, ProfileError, StarterKnobs, parse_profile

KEY_FILE = "key.json"
"""The file's name inside a key folder."""
HIDDEN_QUESTIONS = "questions/hidden.jsonl"
"""The hidden question file, relative to the key folder (its hash is in `files`)."""
KEY_FORMAT = 1
"""The format this module reads and writes; a new shape gets a new number."""
# the profile_settings sections key.json also carries at its top level (see the module docstring)
_MIRRORED = ("budgets", "judging", "starter")
_BUNDLE_ONLY = ("seed_source", "candidate", "components", "bundle")
_FIELDS = (
    "format",
    "generator_version",
    "variant_manifest_sha256",
    "seed",
    "profile",
    "profile_sha256",
    "profile_settings",
    *_MIRRORED,
    "counts",
    "files",
    "public_slices",
    "items",
    *_BUNDLE_ONLY,
)


class KeyFileError(ValueError):
    """key.json is missing, not JSON, of another format, or a field is wrong; the message names
    the file, the field and what to do."""


@dataclass(frozen=True)
class BundleRecord:
    """What a bundle's key records about the bundle it was built with."""

    archive: str
    """File name of the archive sent to the candidate, next to the key folder (`bundle.tar.gz`)."""
    archive_sha256: str
    """sha256 of that archive."""
    files: Mapping[str, str]
    """Path inside the bundle → sha256, for every bundle file outside corpus/ (read-only)."""


@dataclass(frozen=True)
class KeyFile:
    """The contents of one key.json, typed; `from_file`/`save` read and write it."""

    generator_version: str
    """Version of the corpus generator that wrote the variant (`corpus.variant`)."""
    variant_manifest_sha256: str
    """sha256 of the variant's manifest.json: ties the key to exactly one variant."""
    seed: int
    """The seed the variant was generated from (a secret seed's too: the key keeps it)."""
    profile: Profile
    """The generating profile (`profile_settings` in the file; also the source of its `profile`
    name and of the top-level `budgets`, `judging` and `starter` copies)."""
    profile_sha256: str
    """`Profile.sha256()` as recorded when the variant was generated."""
    hidden_questions: int
    """Number of hidden questions (`counts.hidden_questions`)."""
    per_slice: Mapping[str, int]
    """slice → number of hidden questions (`counts.per_slice`, read-only)."""
    hidden_sha256: str
    """sha256 of questions/hidden.jsonl (`files["questions/hidden.jsonl"]`)."""
    public_slices: Mapping[str, str]
    """Public question id → its slice; public lines carry none (read-only)."""
    items: Mapping[str, str] = dataclasses.field(default_factory=lambda: MappingProxyType({}))
    """Question id → item, what it asks, the same in every variant (read-only; empty for keys
    written before items were recorded)."""
    seed_source: str | None = None
    """Where a bundle's seed came from ("given" or "team secret"); None outside a bundle."""
    candidate: str | None = None
    """The candidate a bundle was built for; None outside a bundle."""
    components: Mapping[str, str] | None = None
    """component → the implementation the bundle shipped (every component; read-only); None
    outside a bundle."""
    bundle: BundleRecord | None = None
    """The bundle's archive and file hashes; None outside a bundle."""
    format: int = KEY_FORMAT
    """The file format (`KEY_FORMAT`): readers refuse a format they do not know."""

    def __post_init__(self) -> None:
        # callers may pass plain dicts; the record keeps read-only copies
        for name in ("per_slice", "public_slices", "items", "components"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, MappingProxyType(dict(value)))

    @property
    def budgets(self) -> Budgets:
        """Limits the grader enforces (the profile's `[budgets]`)."""
        return self.profile.budgets

    @property
    def judging(self) -> JudgingKnobs:
        """Passage and answer caps (the profile's `[judging]`)."""
        return self.profile.judging

    @property
    def starter(self) -> StarterKnobs:
        """What the generator assumed about the starter (the profile's `[starter]`)."""
        return self.profile.starter

    @property
    def chunk_size(self) -> int:
        """The starter's fixed chunk size, which the planted chunker is assembled with."""
        return self.profile.starter.chunk_size

    @property
    def starter_components(self) -> dict[str, str]:
        """component → starter implementation: what the bundle shipped, else what the profile's
        `[weaknesses]` names (a key written by `corpus generate`, without a bundle)."""
        if self.components is not None:
            return dict(self.components)
        return {c: getattr(self.profile.weaknesses, c) for c in COMPONENTS}

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON data in the file's layout (bundle fields only when set)."""
        settings = self.profile.to_dict()
        data: dict[str, Any] = {
            "format": self.format,
            "generator_version": self.generator_version,
            "variant_manifest_sha256": self.variant_manifest_sha256,
            "seed": self.seed,
            "profile": self.profile.name,
            "profile_sha256": self.profile_sha256,
            "profile_settings": settings,
            **{section: settings[section] for section in _MIRRORED},
            "counts": {
                "hidden_questions": self.hidden_questions,
                "per_slice": dict(self.per_slice),
            },
            "files": {HIDDEN_QUESTIONS: self.hidden_sha256},
            "public_slices": dict(self.public_slices),
            "items": dict(self.items),
        }
        if self.seed_source is not None:
            data["seed_source"] = self.seed_source
        if self.candidate is not None:
            data["candidate"] = self.candidate
        if self.components is not None:
            data["components"] = dict(self.components)
        if self.bundle is not None:
            data["bundle"] = {
                "archive": self.bundle.archive,
                "archive_sha256": self.bundle.archive_sha256,
                "files": dict(self.bundle.files),
            }
        return data

    def to_bytes(self) -> bytes:
        """The file's bytes: sorted keys, two-space indent, UTF-8, a final newline."""
        text = json.dumps(self.to_dict(), indent=2, sort_keys=True, ensure_ascii=False)
        return (text + "\n").encode("utf-8")

    def save(self, path: Path) -> None:
        """Write `path` (a key.json) with `to_bytes`."""
        Path(path).write_bytes(self.to_bytes())

    @classmethod
    def from_dict(cls, data: Any, *, origin: str = KEY_FILE) -> KeyFile:
        """Check and type a key.json's JSON data; `origin` names the file in messages."""
        return _Reader(origin).key(data)

    @classmethod
    def from_file(cls, path: Path) -> KeyFile:
        """Read and check the key.json at `path`."""
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            raise KeyFileError(
                f"{path} does not exist: pass a key folder written by `takehome bundle` or "
                "`takehome corpus generate`"
            ) from None
        except (OSError, UnicodeDecodeError) as exc:
            raise KeyFileError(f"{path} cannot be read ({exc})") from exc
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise KeyFileError(
                f"{path} is not valid JSON ({exc}): restore it from the bundle's key"
            ) from exc
        return cls.from_dict(data, origin=str(path))


def read_key_file(folder: Path) -> KeyFile:
    """The key.json of the key folder `folder`."""
    return KeyFile.from_file(Path(folder) / KEY_FILE)


class _Reader:
    """Checks one key.json's data field by field; every error names `origin` and the field."""

    def __init__(self, origin: str) -> None:
        self.origin = origin

    def fail(self, field: str, problem: str) -> KeyFileError:
        return KeyFileError(f"{self.origin}: field {field!r}: {problem}")

    def key(self, data: Any) -> KeyFile:
        if not isinstance(data, dict):
            raise KeyFileError(
                f"{self.origin}: expected a JSON object, got {type(data).__name__}: "
                "it is not a key.json written by the harness"
            )
        self.version(data)
        unknown = sorted(set(data) - set(_FIELDS))
        if unknown:
            raise self.fail(
                unknown[0],
                f"unknown in format {KEY_FORMAT} (fields: {', '.join(_FIELDS)}); remove it, or "
                "read this key with the harness version that wrote it",
            )
        profile = self.profile(data)
        counts = self.object(data, "counts")
        files = self.object(data, "files")
        extra = sorted(set(files) - {HIDDEN_QUESTIONS})
        if extra:
            raise self.fail("files", f"lists {extra[0]!r}; a key records only {HIDDEN_QUESTIONS}")
        return KeyFile(
            format=data["format"],
            generator_version=self.text(data, "generator_version"),
            variant_manifest_sha256=self.text(data, "variant_manifest_sha256"),
            seed=self.integer(data, "seed"),
            profile=profile,
            profile_sha256=self.text(data, "profile_sha256"),
            hidden_questions=self.integer(counts, "hidden_questions", "counts."),
            per_slice=self.table(counts, "per_slice", int, "counts."),
            hidden_sha256=self.text(files, HIDDEN_QUESTIONS, "files."),
            public_slices=self.table(data, "public_slices", str),
            items=self.table(data, "items", str) if "items" in data else MappingProxyType({}),
            seed_source=self.text(data, "seed_source") if "seed_source" in data else None,
            candidate=self.text(data, "candidate") if "candidate" in data else None,
            components=self.components(data) if "components" in data else None,
            bundle=self.bundle(data) if "bundle" in data else None,
        )

    def version(self, data: dict) -> None:
        if "format" not in data:
            raise self.fail(
                "format",
                f"missing; every key.json the harness writes records format {KEY_FORMAT}: "
                "pass the key.json of a key folder",
            )
        found = data["format"]
        if found != KEY_FORMAT or isinstance(found, bool):
            raise self.fail(
                "format",
                f"{found!r} is not a format this harness reads (it reads {KEY_FORMAT}): "
                "use the harness version that wrote this key",
            )

    def profile(self, data: dict) -> Profile:
        settings = self.object(data, "profile_settings")
        try:
            profile = parse_profile(
                settings, default_name="", origin=f"{self.origin} profile_settings", settings=True
            )
        except ProfileError as exc:
            raise self.fail(
                "profile_settings", f"not a profile this harness reads ({exc}); rebuild the key"
            ) from None
        if data.get("profile") != profile.name:
            raise self.fail(
                "profile",
                f"{data.get('profile')!r} differs from profile_settings.name {profile.name!r}; "
                "key.json was edited by hand: restore it from the bundle's key",
            )
        for section in _MIRRORED:
            if data.get(section) != settings.get(section):
                raise self.fail(
                    section,
                    f"differs from profile_settings.{section} (or is missing); key.json was "
                    "edited by hand: change both copies or restore it from the bundle's key",
                )
        return profile

    def object(self, data: dict, field: str, prefix: str = "") -> dict:
        value = data.get(field)
        if not isinstance(value, dict):
            raise self.fail(prefix + field, f"expected a JSON object, got {value!r}")
        return value

    def text(self, data: dict, field: str, prefix: str = "") -> str:
        value = data.get(field)
        if not isinstance(value, str) or not value:
            raise self.fail(prefix + field, f"expected a non-empty string, got {value!r}")
        return value

    def integer(self, data: dict, field: str, prefix: str = "") -> int:
        value = data.get(field)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise self.fail(prefix + field, f"expected a non-negative integer, got {value!r}")
        return value

    def table(self, data: dict, field: str, kind: type, prefix: str = "") -> Mapping[str, Any]:
        value = self.object(data, field, prefix)
        for key, item in value.items():
            if isinstance(item, bool) or not isinstance(item, kind):
                expected = "an integer" if kind is int else "a string"
                raise self.fail(f"{prefix}{field}.{key}", f"expected {expected}, got {item!r}")
        return MappingProxyType(dict(value))

    def components(self, data: dict) -> Mapping[str, str]:
        value = self.table(data, "components", str)
        if set(value) != set(COMPONENTS):
            raise self.fail(
                "components",
                f"names {', '.join(sorted(value)) or 'nothing'}; a bundle's key names one "
                f"implementation for each of {', '.join(COMPONENTS)}",
            )
        return MappingProxyType({c: value[c] for c in COMPONENTS})

    def bundle(self, data: dict) -> BundleRecord:
        value = self.object(data, "bundle")
        unknown = sorted(set(value) - {"archive", "archive_sha256", "files"})
        if unknown:
            raise self.fail(
                f"bundle.{unknown[0]}", "unknown; a bundle records archive, archive_sha256, files"
            )
        return BundleRecord(
            archive=self.text(value, "archive", "bundle."),
            archive_sha256=self.text(value, "archive_sha256", "bundle."),
            files=self.table(value, "files", str, "bundle."),
        )


def with_bundle(
    key: KeyFile,
    *,
    candidate: str,
    components: Mapping[str, str],
    bundle: BundleRecord,
    seed_source: str,
) -> KeyFile:
    """`key` with what a bundle adds (`grader.bundle.build`)."""
    return dataclasses.replace(
        key,
        candidate=candidate,
        components={c: components[c] for c in COMPONENTS},
        bundle=dataclasses.replace(bundle, files=MappingProxyType(dict(bundle.files))),
        seed_source=seed_source,
    )
