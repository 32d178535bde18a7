"""Product spec sheets: one document per model; sibling models differ only in a qualifier.

Attributes shared by a product line sit in a specification table. Attributes that differ between
sibling models are each stated in a short section of their own, whose first sentence names the
model (`## Power` / `The Aster X2 draws 14 W at full load.`), followed by a note naming a sibling
(`SIBLING_NOTES`); the sibling's sheet has the same section with its own model and value. Those
sentences are the `distractor` slice: only the qualifier tells the right sheet from the wrong
one. Questions write the qualifier the way people type it ("the Aster X-2"; see
`ProductFamily.asked`), so an exact-token match does not pick the sheet by itself. With
`starter.align_to_chunks`, each such sentence lies in the first 2/5 of one starter chunk, within
the starter encoder's reach (`corpus.document.within_reach`), and, opening its section, at the
head of a chunk for any chunker that starts chunks at headings: the starter finds the siblings'
statements together whichever of the two chunkers cuts the sheet, and ordering them is left to
the second stage.

The same statements answer `aggregate` questions when a profile asks the slice: which model of a
line has the highest or lowest figure ("Which Aster model is the lightest without its mounting
bracket?"). No sheet says so; the answer is computed from every sibling's statement, which are
its evidence, one span per sheet. Which comparison a line is asked is drawn from a generator of
its own, and only when the slice is asked, so the documents and every other draw stay the same.
"""

from __future__ import annotations

import dataclasses
import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from corpus.document import CandidateQuestion, DocBuilder, Document, within_reach
from corpus.failure_modes import AGGREGATE, DISTRACTOR
from corpus.knobs import Profile
from corpus.text import units
from corpus.world import ProductFamily, World
from exercise.types import Span


@dataclass(frozen=True)
class Attribute:
    key: str
    label: str
    draw: Callable[[random.Random], str]
    statements: tuple[str, ...]
    questions: tuple[str, ...]
    sections: tuple[str, ...]  # headings of the section that states it, one drawn per line


ATTRIBUTES = (
    Attribute(
        "power",
        "Power draw",
        lambda r: f"{r.randint(3, 95)} W",
        (
            "The {model} draws {value} at full load.",
            "Under full load the {model} consumes {value}.",
        ),
        (
            "How much power does the {model} draw at full load?",
            "What is the full-load power consumption of the {model}?",
        ),
        ("Power", "Power consumption"),
    ),
    Attribute(
        "throughput",
        "Throughput",
        lambda r: f"{r.randrange(120, 9800, 20)} Mbps",
        (
            "The {model} sustains {value} of throughput with all features enabled.",
            "With every feature switched on, the {model} sustains {value}.",
        ),
        (
            "What throughput does the {model} sustain with all features enabled?",
            "How much throughput can the {model} sustain with every feature on?",
        ),
        ("Throughput", "Network performance"),
    ),
    Attribute(
        "weight",
        "Weight",
        lambda r: f"{r.randrange(180, 6400, 10)} g",
        (
            "The {model} weighs {value} without its mounting bracket.",
            "Without the mounting bracket, the {model} weighs {value}.",
        ),
        (
            "How much does the {model} weigh without its bracket?",
            "What is the weight of the {model} without the mounting bracket?",
        ),
        ("Weight", "Physical dimensions"),
    ),
    Attribute(
        "price",
        "List price",
        lambda r: f"{r.randrange(90, 3400, 5)} EUR",
        (
            "The {model} lists at {value} per unit before volume discounts.",
            "Before volume discounts, the {model} is priced at {value} per unit.",
        ),
        (
            "What is the list price of the {model} before discounts?",
            "How much does one {model} cost before volume discounts?",
        ),
        ("Pricing", "List price"),
    ),
    Attribute(
        "warranty",
        "Warranty",
        lambda r: f"{r.choice((12, 18, 24, 30, 36, 48, 60))} months",
        (
            "The {model} is covered by a {value} hardware warranty.",
            "Hardware warranty for the {model} runs for {value}.",
        ),
        (
            "How long is the hardware warranty on the {model}?",
            "What hardware warranty period applies to the {model}?",
        ),
        ("Warranty", "Warranty cover"),
    ),
    Attribute(
        "mtbf",
        "MTBF",
        lambda r: f"{r.randrange(30_000, 400_000, 1000)} hours",
        (
            "The rated mean time between failures of the {model} is {value}.",
            "Reliability testing puts the {model} at {value} mean time between failures.",
        ),
        (
            "What is the rated mean time between failures of the {model}?",
            "How many hours is the MTBF rating of the {model}?",
        ),
        ("Reliability", "Reliability rating"),
    ),
    Attribute(
        "noise",
        "Noise level",
        lambda r: f"{r.randint(18, 58)} dB",
        (
            "At full fan speed the {model} produces {value} of noise.",
            "The {model} measures {value} at full fan speed.",
        ),
        (
            "How loud is the {model} at full fan speed?",
            "What noise level does the {model} reach at full fan speed?",
        ),
        ("Acoustics", "Noise"),
    ),
    Attribute(
        "boot",
        "Cold boot time",
        lambda r: f"{r.randint(8, 240)} seconds",
        (
            "A cold boot of the {model} completes in {value}.",
            "The {model} finishes a cold boot in {value}.",
        ),
        (
            "How long does a cold boot of the {model} take?",
            "What is the cold boot time of the {model}?",
        ),
        ("Start-up", "Boot time"),
    ),
)
SHARED_ROWS = (
    ("Operating temperature", lambda r: f"{r.randint(-20, 5)} to {r.randint(40, 70)} C"),
    ("Ethernet ports", lambda r: str(r.randint(1, 24))),
    ("Enclosure", lambda r: r.choice(("aluminium", "steel", "polycarbonate", "fanless aluminium"))),
    ("Mounting", lambda r: r.choice(("DIN rail", "wall or desk", "19-inch rack", "pole mount"))),
    ("Input voltage", lambda r: r.choice(("12 to 24 V DC", "100 to 240 V AC", "48 V PoE"))),
    ("Certifications", lambda r: r.choice(("CE, FCC, UKCA", "CE, RoHS", "FCC, IC, CE, RCM"))),
)
DIFFERING = 3  # attributes per line that differ between sibling models
# Said next to a model's own figure, as sheets warn readers comparing models: every sibling's
# sheet then names the others near the same figure, so which sheet answers rests on the qualifier
# in the statement itself, not on which sheet mentions the model most.
SIBLING_NOTES = (
    "The {sibling} is rated differently; see its own sheet.",
    "Do not quote this figure for the {sibling}, whose sheet gives its own.",
    "Customers comparing it with the {sibling} should read that sheet as well.",
)


@dataclass(frozen=True)
class Comparison:
    """A question on which model of a line has the highest or lowest figure of an attribute."""

    attribute: str
    """The `Attribute.key` compared."""
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
_FIGURE = re.compile(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])")


def item(attribute_key: str) -> str:
    """The cohort item of a question on this attribute of any model (`CandidateQuestion.item`)."""
    return f"product/{attribute_key}"


def comparison_item(comparison: Comparison) -> str:
    """The cohort item of an `aggregate` question making this comparison on any line."""
    direction = "lowest" if comparison.lowest else "highest"
    return f"{AGGREGATE}/product/{comparison.attribute}/{direction}"


def items() -> set[str]:
    return {item(a.key) for a in ATTRIBUTES} | {comparison_item(c) for c in COMPARISONS}


def asked_comparison(question: str) -> tuple[Comparison, str] | None:
    """The comparison an `aggregate` question makes and the line it names, from its wording."""
    for comparison in COMPARISONS:
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


def render_products(world: World, profile: Profile) -> list[Document]:
    docs = []
    for family in world.families:
        rng = world.rng("product-line", family.root)
        differing = rng.sample(ATTRIBUTES, DIFFERING)
        wording = {
            a.key: (
                rng.randrange(len(a.statements)),
                rng.randrange(len(a.questions)),
                rng.choice(a.sections),
            )
            for a in differing
        }
        shared = [(label, draw(rng)) for label, draw in SHARED_ROWS]
        values = {a.key: _distinct_values(rng, a, len(family.numbers)) for a in differing}
        sheets = [
            _render_model(world, family, number, index, differing, wording, shared, values, profile)
            for index, number in enumerate(family.numbers)
        ]
        if (profile.hidden[AGGREGATE] or profile.public[AGGREGATE]) and len(sheets) > 1:
            sheets[0] = (_ask_comparisons(world, family, differing, values, sheets), {})
        docs += [doc for doc, _ in sheets]
    return docs


def _ask_comparisons(world, family: ProductFamily, differing, values, sheets) -> Document:
    """The first sheet of the line, also asking, per differing attribute, which model has the
    highest or lowest figure; the evidence is every sheet's statement of it."""
    asked = []
    for attribute in differing:
        choices = [c for c in COMPARISONS if c.attribute == attribute.key]
        comparison = world.rng(AGGREGATE, family.root, attribute.key).choice(choices)
        figures = [
            (family.model(number), float(value.split()[0]))
            for number, value in zip(family.numbers, values[attribute.key], strict=True)
        ]
        answer = picked(comparison, figures)
        if answer is None:
            continue  # a tie: no one model answers
        evidence = tuple(Span(doc.doc_id, *statements[attribute.key]) for doc, statements in sheets)
        asked.append(
            CandidateQuestion(
                AGGREGATE,
                f"{family.root}/{attribute.key}/{AGGREGATE}",
                comparison_item(comparison),
                comparison.question.format(line=family.root),
                answer,
                evidence,
            )
        )
    first = sheets[0][0]
    return dataclasses.replace(first, candidates=(*first.candidates, *asked))


def _distinct_values(rng: random.Random, attribute: Attribute, count: int) -> list[str]:
    values: list[str] = []
    while len(values) < count:
        value = attribute.draw(rng)
        if value not in values:
            values.append(value)
    return values


def _render_model(
    world, family: ProductFamily, number, index, differing, wording, shared, values, profile
):
    model = family.model(number)
    doc_id = f"product-{family.root.lower()}-{family.letter.lower()}{number}"
    filler = world.filler(doc_id)
    rng = filler.rng
    b = DocBuilder(doc_id, f"{model} {family.category}")
    siblings = [family.model(n) for n in family.numbers if n != number]
    intro = [
        f"The {model} belongs to the {family.root} line of {family.category}s that {world.org} "
        f"ships to retail and field customers.",
        world.sentence(filler, "product", product=model),
        world.sentence(filler, "product", product=model),
    ]
    if siblings:
        intro.append(f"Other models in the line: {', '.join(siblings)}.")
    b.paragraph(intro)
    b.heading(2, rng.choice(("Specifications", "Technical specifications", "Key specifications")))
    sku = f"{family.root[:3].upper()}-{family.letter}{number}-{rng.randint(1000, 9999)}"
    b.table(("Attribute", "Value"), [("SKU", sku), *shared])
    chunk = profile.starter.aligned_chunk
    statements: dict[str, tuple[int, int]] = {}  # attribute key -> its statement's offsets
    for attribute in differing:
        statement_i, question_i, section = wording[attribute.key]
        value = values[attribute.key][index]
        sentences = [attribute.statements[statement_i].format(model=model, value=value)]
        if siblings:
            note = rng.choice(SIBLING_NOTES).format(sibling=rng.choice(siblings))
            sentences.append(note)
        sentences += [
            world.sentence(filler, "product", product=model) for _ in range(rng.randint(0, 1))
        ]
        spans = b.section_led_by(
            2,
            section,
            sentences,
            lambda: world.sentence(filler, "product", product=model),
            chunk if siblings else None,
            within_reach(chunk),
        )
        statements[attribute.key] = spans[0]
        if siblings:
            question = attribute.questions[question_i].format(model=family.asked(number))
            b.ask(
                DISTRACTOR,
                f"{doc_id}/{attribute.key}",
                question,
                value,
                spans[0],
                item=item(attribute.key),
            )
    b.heading(2, rng.choice(("Installation", "Installing and commissioning", "Deployment notes")))
    b.paragraph(
        [world.sentence(filler, "product", product=model) for _ in range(rng.randint(3, 5))]
    )
    b.heading(2, rng.choice(("Support and servicing", "Servicing", "Support")))
    b.paragraph(
        [world.sentence(filler, "product", product=model) for _ in range(rng.randint(2, 4))]
    )
    return b.build(), statements
