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
line has the highest or lowest figure (`corpus.genres.comparisons`).
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass

from corpus.document import DocBuilder, Document, within_reach
from corpus.failure_modes import AGGREGATE, DISTRACTOR
from corpus.genres.comparisons import COMPARISONS, ask_comparisons, comparison_item
from corpus.knobs import Profile
from corpus.world import ProductFamily, World


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


def item(attribute_key: str) -> str:
    """The cohort item of a question on this attribute of any model (`CandidateQuestion.item`)."""
    return f"product/{attribute_key}"


def items() -> set[str]:
    return {item(a.key) for a in ATTRIBUTES} | {comparison_item(c) for c in COMPARISONS}


def sheet_id(family: ProductFamily, number: int) -> str:
    """The document id of a model's spec sheet."""
    return f"product-{family.root.lower()}-{family.letter.lower()}{number}"


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
        line = [doc for doc, _ in sheets]
        if (profile.hidden[AGGREGATE] or profile.public[AGGREGATE]) and len(sheets) > 1:
            line[0] = ask_comparisons(world, family, [a.key for a in differing], values, sheets)
        docs += line
    return docs


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
    doc_id = sheet_id(family, number)
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
