"""Comparisons: answering "which model of a line has the highest figure?" from every sibling.

No sentence of a spec-sheet corpus says which Aster model is the lightest; each model's sheet
states its own weight ("The Aster X2 weighs 1200 g without its mounting bracket."). A question
that compares the models of a line is answered by gathering, across the documents, the one
statement of each model that shares its wording with the others (the same sentence with another
model and figure), reading each statement's figure, and picking the extreme one. The answer cites
every statement it compared, since each of them is needed to know the winner.

A question is a comparison when it asks "which"/"what" (anywhere: "Of the Aster models, which
one ..."), carries a comparison word (`LOWEST`, `HIGHEST`) and names a line rather than a model:
a name that the documents write in front of two or more qualifiers ("Aster X1", "Aster X2") and
that the question writes without one. Which of the
line's shared wordings is the asked figure is decided by the caller's fit (meaning and words).

Called by the reference answering (`answering/reference.py`) with the units it parsed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

# Comparison words and which end of the figures they ask for. "fastest" and "quickest" ask for
# the least time, the way a comparison of durations is worded.
LOWEST = frozenset(
    "lowest least smallest fewest lightest shortest quietest cheapest fastest quickest".split()
)
HIGHEST = frozenset(
    (
        "highest most largest greatest heaviest longest loudest slowest priciest costliest dearest"
    ).split()
)

_QUESTION = re.compile(r"\b(?:which|what)\b", re.IGNORECASE)  # "Of the Aster models, which ..."
_WORD = re.compile(r"[A-Za-z]+")
_QUALIFIER = r"[A-Z]{1,2}-?\d+"  # "X2", and "X-2" as people type it
_LINE = re.compile(rf"(?<![\w-])([A-Z][a-z]+) {_QUALIFIER}\b")  # "Aster X2"
_FIGURE = re.compile(r"(?<![\w.])\d+(?:[.,]\d+)*(?![\w.])")


@dataclass(frozen=True)
class Unit:
    """A sentence or row of a document, as the caller parsed it."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Statement:
    """One model's statement of a figure."""

    unit: Unit
    model: str
    """The model it names ("Aster X2")."""
    figure: float


@dataclass(frozen=True)
class Asked:
    """What a comparison question asks."""

    line: str
    """The line's name ("Aster")."""
    lowest: bool
    """True when the smallest figure answers."""
    words: frozenset[str]
    """The question's own words minus the line and comparison words, lower-cased: what the
    compared figure is about."""


def asked(query: str, lines: Iterable[str]) -> Asked | None:
    """The comparison the query asks among the known `lines`, or None when it asks none."""
    if not _QUESTION.search(query):
        return None
    words = [w.lower() for w in _WORD.findall(query)]
    low, high = LOWEST.intersection(words), HIGHEST.intersection(words)
    if bool(low) == bool(high):
        return None  # no comparison word, or words pulling both ways
    named = [
        line
        for line in lines
        if re.search(rf"\b{re.escape(line)}\b", query)
        and not re.search(rf"\b{re.escape(line)} {_QUALIFIER}\b", query)
    ]
    if len(named) != 1:
        return None
    rest = frozenset(words) - low - high - {named[0].lower(), "which", "what"}
    return Asked(named[0], bool(low), rest)


def lines(text: str) -> frozenset[str]:
    """Names the text writes in front of two or more distinct qualifiers: product lines."""
    qualifiers: dict[str, set[str]] = {}
    for match in _LINE.finditer(text):
        qualifiers.setdefault(match.group(1), set()).add(match.group(0))
    return frozenset(name for name, models in qualifiers.items() if len(models) > 1)


def shared_statements(units: Iterable[Unit], line: str) -> list[list[Statement]]:
    """The line's figures worded alike for every model: groups of statements, one per model,
    that differ only in their model and figure (each model's sheet states it once)."""
    model_re = re.compile(rf"\b{re.escape(line)} {_QUALIFIER}\b")
    by_shape: dict[tuple[str, ...], list[Statement]] = {}
    models: set[str] = set()
    for unit in units:
        named = set(model_re.findall(unit.text))
        models |= named
        if len(named) != 1:
            continue
        model = named.pop()
        figures = _FIGURE.findall(unit.text.replace(model, " "))
        if len(figures) != 1:
            continue
        figure = float(figures[0].replace(",", ""))
        by_shape.setdefault(_shape(unit.text), []).append(Statement(unit, model, figure))
    groups = []
    for shape in sorted(by_shape):
        statements = by_shape[shape]
        named = [s.model for s in statements]
        if len(named) == len(set(named)) == len(models) > 1:
            groups.append(sorted(statements, key=lambda s: (s.unit.doc_id, s.unit.start)))
    return groups


def winner(statements: Sequence[Statement], lowest: bool) -> Statement | None:
    """The statement with the extreme figure, or None on a tie."""
    ordered = sorted(statements, key=lambda s: (s.figure if lowest else -s.figure, s.model))
    if len(ordered) < 2 or ordered[0].figure == ordered[1].figure:
        return None
    return ordered[0]


def compare(
    query: str,
    units: Iterable[Unit],
    known_lines: Iterable[str],
    fit: Callable[[Asked, list[list[Statement]]], Sequence[float]],
) -> tuple[Statement, list[Statement]] | None:
    """(the winning statement, every statement compared) for a comparison question, else None.
    `fit` scores each group of shared statements against what the question asks."""
    question = asked(query, known_lines)
    if question is None:
        return None
    groups = shared_statements(units, question.line)
    if not groups:
        return None
    scores = fit(question, groups)
    best = max(range(len(groups)), key=lambda i: (scores[i], -i))
    found = winner(groups[best], question.lowest)
    return (found, groups[best]) if found else None


def _shape(text: str) -> tuple[str, ...]:
    """A sentence without its names and figures: its lower-case words in order."""
    words = (w.strip(".,;:!?()\"'") for w in text.split())
    return tuple(w for w in words if w.isalpha() and w.islower())
