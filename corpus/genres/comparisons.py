"""Aggregate questions: which model of a product line has the highest or lowest figure.

Spec sheets (`corpus.genres.products`) state each model's figure of an attribute in one sentence
worded alike across the line's sheets ("The Aster X2 weighs 800 g without its mounting
bracket."). No sheet says which model is lightest: "Which Aster model is the lightest without its
mounting bracket?" is answered by comparing every sibling's statement, which are its evidence,
one span per sheet, and the answer (a model) is computed. Which comparison a line is asked is
drawn from a generator of its own, and only when a profile asks the slice, so the documents and
every other draw stay the same. `corpus verify` reads a question back with `asked_comparison`
and recomputes its answer with `stated_figure` and `picked`; `corpus.questions` drops a candidate
whose answer some sentence states with the comparison word (`compared_nowhere`).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.document import CandidateQuestion, Document
from corpus.failure_modes import AGGREGATE
from corpus.text import units
from corpus.wording import UNSEEN
from corpus.world import ProductFamily, World
from exercise.types import Span


@dataclass(frozen=True)
class Comparison:
    """A question on which model of a line has the highest or lowest figure of an attribute."""

    attribute: str
    """The `corpus.genres.products.Attribute.key` compared."""
    lowest: bool
    """True when the model with the smallest figure answers."""
    question: str
    """The question; `{line}` is the line's brand word ("Aster")."""
    word: str
    """The question's comparison word: no sentence of the corpus may say it with the answer."""


def _both(attribute: str, question: str, low: str, high: str) -> tuple[Comparison, Comparison]:
    return (
        Comparison(attribute, True, question.format(line="{line}", word=low), low),
        Comparison(attribute, False, question.format(line="{line}", word=high), high),
    )


COMPARISONS = (
    *_both(
        "power", "Which {line} model has the {word} power draw at full load?", "lowest", "highest"
    ),
    *_both(
        "throughput",
        "Which {line} model sustains the {word} throughput with all features enabled?",
        "lowest",
        "highest",
    ),
    *_both(
        "weight",
        "Which {line} model is the {word} without its mounting bracket?",
        "lightest",
        "heaviest",
    ),
    *_both(
        "price",
        "Which {line} model has the {word} list price before volume discounts?",
        "lowest",
        "highest",
    ),
    *_both(
        "warranty", "Which {line} model has the {word} hardware warranty?", "shortest", "longest"
    ),
    *_both(
        "mtbf",
        "Which {line} model has the {word} rated mean time between failures?",
        "lowest",
        "highest",
    ),
    *_both("noise", "Which {line} model is the {word} at full fan speed?", "quietest", "loudest"),
    *_both(
        "boot", "Which {line} model is the {word} to complete a cold boot?", "fastest", "slowest"
    ),
)
UNSEEN_COMPARISONS = (
    *_both(
        "power",
        "Of the {line} models, which one draws the {word} power at full load?",
        "smallest",
        "greatest",
    ),
    *_both(
        "throughput",
        "Among the {line} models, which keeps up the {word} throughput with every feature on?",
        "smallest",
        "greatest",
    ),
    *_both(
        "weight",
        "Of the {line} models, which one is {word} without its bracket?",
        "lightest",
        "heaviest",
    ),
    *_both(
        "price",
        "Of the {line} range, which model is the {word} before volume discounts?",
        "cheapest",
        "priciest",
    ),
    *_both(
        "warranty",
        "Which {line} model comes with the {word} hardware warranty?",
        "shortest",
        "longest",
    ),
    *_both(
        "mtbf",
        "Of the {line} models, which one goes the {word} between failures, as rated?",
        "shortest",
        "longest",
    ),
    *_both(
        "noise",
        "Of the {line} models, which one runs the {word} at full fan speed?",
        "quietest",
        "loudest",
    ),
    *_both(
        "boot",
        "Which {line} model takes the {word} time to boot from cold?",
        "shortest",
        "longest",
    ),
)
"""The same comparisons in the unseen wording (`corpus.wording`), in `COMPARISONS`' order."""
_FIGURE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")


def comparison_item(comparison: Comparison) -> str:
    """The cohort item of an `aggregate` question making this comparison on any line."""
    direction = "lowest" if comparison.lowest else "highest"
    return f"{AGGREGATE}/product/{comparison.attribute}/{direction}"


def asked_comparison(question: str) -> tuple[Comparison, str] | None:
    """The comparison an `aggregate` question makes and the line it names, from its wording."""
    for comparison in (*COMPARISONS, *UNSEEN_COMPARISONS):
        pattern = re.escape(comparison.question).replace(re.escape("{line}"), r"(?P<line>\w+)")
        match = re.fullmatch(pattern, question)
        if match:
            return comparison, match.group("line")
    return None


def models_named(text: str, line: str) -> list[str]:
    """The models of the line `text` names ("Aster X2"), each once, in order."""
    return list(dict.fromkeys(re.findall(rf"\b{re.escape(line)} [A-Z]\d+\b", text)))


def stated_figure(text: str, line: str) -> tuple[str, float] | None:
    """(model, figure) when `text` names one model of the line and states one figure besides
    its qualifier, else None."""
    models = models_named(text, line)
    if len(models) != 1:
        return None
    figures = _FIGURE.findall(text.replace(models[0], " "))
    return (models[0], float(figures[0])) if len(figures) == 1 else None


def picked(comparison: Comparison, figures: Sequence[tuple[str, float]]) -> str | None:
    """The model the comparison picks from (model, figure) pairs; None on a tie."""
    ordered = sorted(figures, key=lambda mf: mf[1], reverse=not comparison.lowest)
    if len(ordered) < 2 or ordered[0][1] == ordered[1][1]:
        return None
    return ordered[0][0]


def says_comparison(text: str, answer: str, word: str) -> bool:
    """Whether one sentence or row of `text` holds the answer together with the comparison
    word (the property an `aggregate` question must not have)."""
    return any(
        answer in unit and re.search(rf"(?i)\b{re.escape(word)}\b", unit) for unit in units(text)
    )


def compared_nowhere(candidate: CandidateQuestion, docs: Sequence[Document]) -> bool:
    """Whether no sentence of the corpus holds an `aggregate` candidate's answer with its
    comparison word (`corpus.questions` drops the others)."""
    asked = asked_comparison(candidate.text)
    if asked is None:
        return False
    return not any(says_comparison(d.text, candidate.answer, asked[0].word) for d in docs)


def ask_comparisons(world: World, family: ProductFamily, differing, values, sheets) -> Document:
    """The first of the line's `sheets` ((document, attribute key → its statement's offsets) per
    model), also asking, per `differing` attribute key, which model has the highest or lowest of
    `values` (attribute key → each model's value); the evidence is every sheet's statement."""
    asked = []
    for key in differing:
        choices = [c for c in COMPARISONS if c.attribute == key]
        comparison = world.rng(AGGREGATE, family.root, key).choice(choices)
        if world.wording == UNSEEN:
            comparison = UNSEEN_COMPARISONS[COMPARISONS.index(comparison)]
        figures = [
            (family.model(number), float(value.split()[0]))
            for number, value in zip(family.numbers, values[key], strict=True)
        ]
        answer = picked(comparison, figures)
        if answer is None:
            continue  # a tie: no one model answers
        evidence = tuple(Span(doc.doc_id, *statements[key]) for doc, statements in sheets)
        asked.append(
            CandidateQuestion(
                AGGREGATE,
                f"{family.root}/{key}/{AGGREGATE}",
                comparison_item(comparison),
                comparison.question.format(line=family.root),
                answer,
                evidence,
            )
        )
    first = sheets[0][0]
    return dataclasses.replace(first, candidates=(*first.candidates, *asked))
