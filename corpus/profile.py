"""Difficulty profiles: the knobs a hiring team tunes, loaded from TOML and validated strictly.

A profile file may set any subset of the knobs; the rest keep their defaults (the `medium`
profile's, declared with the records in `corpus.knobs` and re-exported here). Unknown knobs, wrong
types and out-of-range values are rejected with a `ProfileError` that names the knob and what is
allowed. Whether the question counts fit the corpus
("more questions than facts") is only known once the world is built; `corpus.questions` checks it
and raises the same error type. `[weaknesses]` and `[questions.*]` keys are the failure-mode
registry's components and slices.
"""

from __future__ import annotations

import dataclasses
import tomllib
from importlib import resources
from pathlib import Path
from typing import Any

from corpus.failure_modes import COMPONENTS, SLICE_RECORDS, SLICES
from corpus.items import unknown_items
from corpus.knobs import (
    QUESTION_DEFAULTS_HIDDEN,
    QUESTION_DEFAULTS_PUBLIC,
    Budgets,
    CorpusKnobs,
    JudgingKnobs,
    Profile,
    ProfileError,
    StarterKnobs,
    Weaknesses,
)

__all__ = [  # the registry's names and corpus.knobs's records, re-exported with the loader
    "COMPONENTS",
    "SLICES",
    "Budgets",
    "CorpusKnobs",
    "JudgingKnobs",
    "Profile",
    "ProfileError",
    "StarterKnobs",
    "Weaknesses",
    "knob_docs",
    "load_profile",
    "parse_profile",
    "shipped_profiles",
]

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


def parse_profile(
    data: dict[str, Any], *, default_name: str, origin: str, settings: bool = False
) -> Profile:
    """Validate a profile's plain data: a profile file's (as read from TOML; a knob left out
    takes its default, the medium value) or, with `settings`, the `Profile.to_dict` a key
    records, which leaves out a slice it does not ask when the slice was added after profiles
    were hashed (`Slice.listed_unasked`): such a slice reads as 0 there."""
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
    defaults_hidden, defaults_public = QUESTION_DEFAULTS_HIDDEN, QUESTION_DEFAULTS_PUBLIC
    if settings:
        unlisted = {s.name: 0 for s in SLICE_RECORDS if not s.listed_unasked}
        defaults_hidden = {**defaults_hidden, **unlisted}
        defaults_public = {**defaults_public, **unlisted}
    hidden = _parse_counts(questions.get("hidden", {}), defaults_hidden, "hidden", origin)
    public = _parse_counts(questions.get("public", {}), defaults_public, "public", origin)
    if sum(hidden.values()) == 0:
        raise ProfileError(f"profile {origin}: questions.hidden asks for no question at all")
    retired = _parse_retired(questions.get("retired", []), origin)
    budgets = sections["budgets"]
    if budgets.run_timeout_s <= budgets.build_timeout_s:
        raise ProfileError(
            f"profile {origin}: budgets.run_timeout_s ({budgets.run_timeout_s}) must exceed "
            f"budgets.build_timeout_s ({budgets.build_timeout_s}): the run is the build and then "
            "every call; raise run_timeout_s or lower build_timeout_s"
        )
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
    unknown = unknown_items(tuple(value))
    if unknown:
        raise ProfileError(
            f"profile {origin}: questions.retired names no item the generator asks: "
            f"{', '.join(unknown)}; take the names from a cohort (cohort.json, questions.csv)"
        )
    return tuple(sorted(set(value)))
