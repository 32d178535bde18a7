"""Record types of the content banks (data only; the generator gives them meaning)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ValueSpec:
    """How a fact's value is drawn: an integer range or a choice, then formatted."""

    fmt: str = "{}"
    """Format of the value text, e.g. "{} working days"; `{}` receives the drawn value."""
    low: int = 0
    """Smallest integer (integer values only)."""
    high: int = 0
    """Largest integer, inclusive (integer values only)."""
    step: int = 1
    """Integer values are multiples of `step` (e.g. 5 for prices such as 145)."""
    choices: tuple[str, ...] = ()
    """When non-empty the value is one of these strings instead of an integer."""


@dataclass(frozen=True)
class ParaphraseConcept:
    """An organisation-wide fact stated in one vocabulary and asked about in another."""

    key: str
    """Unique snake_case name."""
    topic: str
    """Which handbook the statement goes into: one of PARAPHRASE_TOPICS."""
    value: ValueSpec
    """The fact's value (the answer)."""
    statements: tuple[str, ...]
    """Evidence sentences, each containing `{value}` exactly once and no other slot."""
    questions: tuple[str, ...]
    """Questions (no slots) that share few content words with every statement."""


PARAPHRASE_TOPICS = ("time off", "expenses", "it", "facilities", "security", "people", "finance")


@dataclass(frozen=True)
class BoundaryPair:
    """Two adjacent sentences: the first names the subject, the second carries the value."""

    key: str
    """Unique snake_case name."""
    first: str
    """Names the subject (may use dynamic slots such as {service} {date}); contains no value."""
    second: str
    """Contains `{value}` once, refers back to the subject without naming it."""
    question: str
    """Names the subject the way `first` does (same slots), asks for the value."""
    value: ValueSpec


@dataclass(frozen=True)
class PolicyClause:
    """One rule of a versioned policy; its value may change between versions."""

    key: str
    """Unique within the policy."""
    statement: str
    """Sentence with `{policy}` (e.g. "Travel Policy v4") and `{value}` once each."""
    question: str
    """Question with `{policy}` once, no value."""
    value: ValueSpec


@dataclass(frozen=True)
class PolicyTemplate:
    """A policy document family: title, purpose prose and its clauses."""

    key: str
    """Unique snake_case name."""
    name: str
    """Short name used with a version, e.g. "Travel Policy" → "Travel Policy v4"."""
    purpose: tuple[str, ...]
    """Intro sentences (may use dynamic slots); no values the questions ask about."""
    clauses: tuple[PolicyClause, ...]
    """At least six clauses."""
