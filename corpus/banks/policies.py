"""The policy bank (`policies.toml`): its reader, which checks every family and clause.

Policy families are versioned documents whose clause values change between versions; the TOML
file's header says what each field means. `corpus.genres.policies` renders them.
"""

from __future__ import annotations

import dataclasses
import functools
import tomllib
from importlib import resources
from typing import Any

from corpus.banks.types import PolicyClause, PolicyTemplate, ValueSpec

BANK_FILE = "policies.toml"
MIN_CLAUSES = 6


@functools.cache
def templates() -> tuple[PolicyTemplate, ...]:
    """Every policy family, in the file's order (read once)."""
    text = (resources.files("corpus.banks") / BANK_FILE).read_text(encoding="utf-8")
    return parse(text)


def parse(text: str) -> tuple[PolicyTemplate, ...]:
    """A bank's TOML text → its families; ValueError names the family or clause at fault."""
    families = tomllib.loads(text).get("policies", [])
    return tuple(_family(entry, position) for position, entry in enumerate(families, start=1))


def _family(entry: dict[str, Any], position: int) -> PolicyTemplate:
    where = f"{BANK_FILE}: policy {entry.get('key', f'#{position}')!r}"
    _fields(entry, ("key", "name", "purpose", "clauses"), where)
    clauses = tuple(_clause(c, where) for c in entry["clauses"])
    if len(clauses) < MIN_CLAUSES:
        raise ValueError(f"{where} has {len(clauses)} clauses; a family needs {MIN_CLAUSES}")
    return PolicyTemplate(
        key=entry["key"], name=entry["name"], purpose=tuple(entry["purpose"]), clauses=clauses
    )


def _clause(entry: dict[str, Any], family: str) -> PolicyClause:
    where = f"{family}, clause {entry.get('key', '?')!r}"
    _fields(entry, ("key", "statement", "question", "value"), where)
    value = dict(entry["value"])
    allowed = tuple(f.name for f in dataclasses.fields(ValueSpec))
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        raise ValueError(f"{where}: unknown value field(s) {unknown}; allowed: {allowed}")
    if "choices" in value:
        value["choices"] = tuple(value["choices"])
    return PolicyClause(
        key=entry["key"],
        statement=entry["statement"],
        question=entry["question"],
        value=ValueSpec(**value),
    )


def _fields(entry: dict[str, Any], required: tuple[str, ...], where: str) -> None:
    missing = [name for name in required if name not in entry]
    unknown = sorted(set(entry) - set(required))
    if missing or unknown:
        raise ValueError(
            f"{where}: missing {missing or 'nothing'}, unknown {unknown or 'nothing'}; "
            f"fields: {', '.join(required)}"
        )
