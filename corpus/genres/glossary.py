"""The glossary page: product codenames, and the `reformulation` slice that asks by them.

People name a product the way tickets and chat do ("the Sirocco"), not the way its spec sheet
prints it ("the Aster X2"). The glossary page maps each codename to the printed name, one bullet
per term (`- **Sirocco**: engineering codename of the Aster X2.`); no other document uses a
codename. A `reformulation` question asks a fact of a product's sheet by its codename: the words
of the question other than the codename fit every sibling sheet that states the same kind of fact,
so only a pipeline that reads the corpus's own vocabulary (the glossary) and rewrites the query
finds the sheet.

The page and its questions exist only when a profile asks the slice. They are made after every
other document is rendered, from generators of their own: no other draw moves, and a codename is
checked against the finished corpus (it occurs in no other document).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from corpus.banks.words import CODENAMES
from corpus.document import CandidateQuestion, DocBuilder, Document
from corpus.failure_modes import DISTRACTOR, REFORMULATION
from corpus.genres import products
from corpus.knobs import Profile
from corpus.text import tokens
from corpus.wording import UNSEEN
from corpus.world import World

DOC_ID = "glossary"
# How the glossary defines a codename: the definition names the product as its sheet prints it.
DEFINITIONS = (
    "engineering codename of the {name}.",
    "codename used for the {name} in tickets and roadmaps.",
    "the {name}, as engineering and support call it.",
)
_TERM_LINE = re.compile(r"^- \*\*(?P<term>[^*\n]+)\*\*: (?P<definition>[^\n]+)$", re.MULTILINE)
UNSEEN_HEADER = ("Codename", "Sold as")
"""The unseen wording (`corpus.wording`) gives the codenames as a table: codename, printed name."""
_TERM_ROW = re.compile(
    r"^\| (?P<term>[^|\n]+?) \| (?:the )?(?P<name>[^|\n]+?) \|$", re.MULTILINE | re.IGNORECASE
)


@dataclass(frozen=True)
class Entry:
    """One glossary line: a term and the name it stands for."""

    term: str
    name: str


def item(product_item: str) -> str:
    """The cohort item of a question asking a product fact by its codename
    (`CandidateQuestion.item`): the product item it rewrites (`product/weight`)."""
    return f"{REFORMULATION}/{product_item}"


def items() -> set[str]:
    return {item(i) for i in products.items()}


def entries(text: str) -> list[Entry]:
    """The glossary entries a document's text defines (none for a document that is no glossary)."""
    found = []
    for match in _TERM_LINE.finditer(text):
        name = _named(match.group("definition"))
        if name:
            found.append(Entry(match.group("term").strip(), name))
    if f"| {' | '.join(UNSEEN_HEADER)} |" in text:
        rows = (m for m in _TERM_ROW.finditer(text) if (m["term"], m["name"]) != UNSEEN_HEADER)
        found += [Entry(m["term"], m["name"]) for m in rows if not m["term"].startswith("-")]
    return found


def _named(definition: str) -> str | None:
    for template in DEFINITIONS:
        pieces = [re.escape(p) for p in template.split("{name}")]
        match = re.fullmatch("(?P<name>.+?)".join(pieces), definition)
        if match:
            return match.group("name")
    return None


def uses(text: str, term: str) -> bool:
    """Whether `text` uses `term` as a word (any case)."""
    return re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", text, re.IGNORECASE) is not None


def render_glossary(world: World, profile: Profile, docs: Sequence[Document]) -> list[Document]:
    """The glossary page with its `reformulation` candidates, or nothing when the slice is not
    asked. `docs` are every other document of the variant (finished)."""
    if not (profile.hidden[REFORMULATION] or profile.public[REFORMULATION]):
        return []
    vocabulary = set(tokens("\n".join(d.text for d in docs)))
    free = [c for c in CODENAMES if c.lower() not in vocabulary]
    rng = world.rng(REFORMULATION, "codenames")
    models = {  # sheet id → (printed name, name as questions type it)
        products.sheet_id(family, number): (family.model(number), family.asked(number))
        for family in world.families
        for number in family.numbers
    }
    named = rng.sample(sorted(models), min(len(models), len(free)))
    codename = dict(zip(named, rng.sample(free, len(named)), strict=True))

    b = DocBuilder(DOC_ID, "Glossary")
    b.paragraph(
        [
            "Tickets, roadmaps and chat call products by their engineering codenames.",
            "This page gives the name each one is sold under, the name its spec sheet uses.",
        ]
    )
    b.heading(2, "Product codenames")
    if world.wording == UNSEEN:
        b.table(UNSEEN_HEADER, sorted((codename[sheet], models[sheet][0]) for sheet in named))
    else:
        lines = []
        for sheet in named:
            definition = rng.choice(DEFINITIONS).format(name=models[sheet][0])
            lines.append(f"**{codename[sheet]}**: {definition}")
        b.bullets(sorted(lines))
    glossary = b.build()
    candidates = []
    for doc in docs:
        for c in doc.candidates:
            sheet = c.evidence[0].doc_id if c.evidence else ""
            if c.slice != DISTRACTOR or sheet not in codename or models[sheet][1] not in c.text:
                continue
            text = c.text.replace(models[sheet][1], codename[sheet])
            fact = f"{c.fact}/{REFORMULATION}"
            candidates.append(
                CandidateQuestion(REFORMULATION, fact, item(c.item), text, c.answer, c.evidence)
            )
    return [Document(glossary.doc_id, glossary.text, tuple(candidates))]
