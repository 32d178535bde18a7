"""Registers: documents built around one Markdown table (suppliers, rooms, courses, licences).

Each body row is a `table` question's evidence: the answer is one cell, the row names the
entity. A fixed-size chunker separates rows from the header and packs several records into one
vector, and a dense encoder sees a row as a bag of cells; table-aware chunking is the fix. With
`starter.align_to_chunks`, a row that a starter chunk edge cuts is not asked about: a cut row is
the boundary slice's failure, which only the chunker can cure.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from corpus.banks import words as bank
from corpus.document import DocBuilder, Document, straddles
from corpus.failure_modes import TABLE
from corpus.knobs import Profile
from corpus.slots import SlotFiller
from corpus.world import World


@dataclass(frozen=True)
class Column:
    label: str
    value: str
    """Template filled per row, e.g. "{person}"; values in one column are distinct."""
    questions: tuple[str, ...] = ()
    """Questions about this cell (`{name}` is the row's entity); empty → never asked."""


@dataclass(frozen=True)
class Kind:
    key: str
    title: str
    key_label: str
    names: Callable[[World, SlotFiller, int], list[str]]
    columns: tuple[Column, ...]


SCIENTISTS = (
    "Curie",
    "Lovelace",
    "Turing",
    "Noether",
    "Hopper",
    "Franklin",
    "Meitner",
    "Ramanujan",
    "Faraday",
    "Maxwell",
    "Galvani",
    "Volta",
    "Kepler",
    "Hypatia",
    "Khwarizmi",
    "Tesla",
    "Bohr",
    "Planck",
    "Darwin",
    "Mendel",
    "Pasteur",
    "Goodall",
    "Carson",
    "Raman",
    "Bose",
    "Yalow",
    "Hodgkin",
    "Lamarr",
    "Babbage",
    "Shannon",
    "Dirac",
    "Fermi",
    "Hubble",
    "Leavitt",
    "Sagan",
    "Euler",
    "Gauss",
    "Riemann",
    "Hilbert",
    "Kovalevskaya",
    "Somerville",
    "Herschel",
    "Cavendish",
    "Boyle",
    "Hooke",
    "Huygens",
    "Brahe",
    "Copernicus",
    "Galilei",
    "Avicenna",
    "Alhazen",
    "Tu",
    "Wu",
    "Yukawa",
    "Kitasato",
    "Banneker",
    "Carver",
    "Jemison",
    "Johnson",
    "Vaughan",
)
COURSE_TOPICS = (
    "Incident Command",
    "Threat Modelling",
    "Negotiation",
    "Data Modelling",
    "Public Speaking",
    "Accessibility",
    "Technical Writing",
    "SQL Performance",
    "Kubernetes Operations",
    "Feedback Conversations",
    "Product Discovery",
    "Budget Planning",
    "Hiring Interviews",
    "Observability",
    "Secure Coding",
    "Warehouse Safety",
    "Forklift Handling",
    "Customer Empathy",
    "Contract Law",
    "Statistics",
    "Risk Assessment",
    "Mentoring",
    "Project Estimation",
    "Design Reviews",
    "Privacy Engineering",
    "Cost Optimisation",
)
COURSE_LEVELS = ("Foundations", "in Practice", "Masterclass", "Essentials", "for Leads")
TOOL_SUFFIXES = ("Desk", "Board", "Flow", "Vault", "Track", "Sign", "Forms", "Mail", "Notes")


def _suppliers(world: World, filler: SlotFiller, count: int) -> list[str]:
    return list(world.suppliers)


def _rooms(world: World, filler: SlotFiller, count: int) -> list[str]:
    return [f"{name} Room" for name in SCIENTISTS]


def _courses(world: World, filler: SlotFiller, count: int) -> list[str]:
    return [f"{t} {lvl}" for t in COURSE_TOPICS for lvl in COURSE_LEVELS]


def _tools(world: World, filler: SlotFiller, count: int) -> list[str]:
    used = {f.root for f in world.families}
    roots = [r for r in bank.PRODUCT_ROOTS if r not in used]
    return [f"{r}{s}" for r in roots for s in TOOL_SUFFIXES]


KINDS = (
    Kind(
        "suppliers",
        "Supplier register",
        "Supplier",
        _suppliers,
        (
            Column("Category", "{category}"),
            Column(
                "Account manager",
                "{person}",
                (
                    "Who is the account manager for {name}?",
                    "Which account manager looks after {name}?",
                ),
            ),
            Column(
                "Contract renewal",
                "{month} {year}",
                (
                    "When is the contract with {name} up for renewal?",
                    "When does the {name} contract renew?",
                ),
            ),
            Column(
                "Payment terms",
                "net {terms} days",
                ("What payment terms apply to invoices from {name}?",),
            ),
        ),
    ),
    Kind(
        "rooms",
        "Meeting room register",
        "Room",
        _rooms,
        (
            Column(
                "Seats",
                "{seats} seats",
                (
                    "How many people does the {name} seat?",
                    "What is the seating capacity of the {name}?",
                ),
            ),
            Column("Video kit", "{video}"),
            Column(
                "Booking owner",
                "{person}",
                ("Who owns bookings for the {name}?", "Who manages the {name} bookings?"),
            ),
        ),
    ),
    Kind(
        "courses",
        "Training catalogue",
        "Course",
        _courses,
        (
            Column(
                "Length",
                "{hours} hours",
                ("How long is the {name} course?", "How many hours does {name} take?"),
            ),
            Column(
                "Cost per seat",
                "{cost} EUR",
                ("What does a seat on {name} cost?", "How much is one place on {name}?"),
            ),
            Column("Course owner", "{person}", ("Who owns the {name} course?",)),
        ),
    ),
    Kind(
        "licences",
        "Software licence register",
        "Tool",
        _tools,
        (
            Column(
                "Licence owner",
                "{person}",
                ("Who owns the {name} licence?", "Who is the licence owner for {name}?"),
            ),
            Column(
                "Seats", "{licence_seats} seats", ("How many seats does the {name} licence cover?",)
            ),
            Column("Renewal", "{month} {year}", ("When does the {name} licence renew?",)),
        ),
    ),
)
CATEGORIES = (
    "catering",
    "cleaning",
    "logistics",
    "hardware",
    "printing",
    "security",
    "travel",
    "legal",
    "recruiting",
    "energy",
    "furniture",
    "telecoms",
)
VIDEO = (
    "dual screens and ceiling microphones",
    "single screen",
    "whiteboard camera",
    "projector only",
    "video bar",
    "no video equipment",
)
DEPARTMENTS = ("Facilities", "IT", "Engineering", "People", "Finance", "Operations")


def _extra_values(filler: SlotFiller) -> dict[str, str]:
    rng = filler.rng
    return {
        "category": rng.choice(CATEGORIES),
        "terms": str(rng.choice((15, 30, 45, 60, 75, 90))),
        "seats": str(rng.randint(3, 48)),
        "video": rng.choice(VIDEO),
        "hours": str(rng.randint(3, 60)),
        "cost": str(rng.randrange(150, 4000, 10)),
        "licence_seats": str(rng.randint(5, 900)),
    }


def item(kind: Kind, column: Column) -> str:
    """The cohort item of a question on this column of any row (see `CandidateQuestion.item`)."""
    return f"register/{kind.key}/{column.label.lower()}"


def items() -> set[str]:
    return {item(k, c) for k in KINDS for c in k.columns if c.questions}


def render_registers(world: World, profile: Profile) -> list[Document]:
    knobs = profile.corpus
    docs = []
    offsets = {kind.key: 0 for kind in KINDS}
    for i in range(knobs.registers):
        kind = KINDS[i % len(KINDS)]
        round_ = i // len(KINDS)
        doc_id = f"register-{kind.key}" + (f"-{DEPARTMENTS[round_ % 6].lower()}" if round_ else "")
        filler = world.filler(doc_id)
        pool = kind.names(world, filler, knobs.register_rows)
        world.rng("register-names", kind.key).shuffle(pool)
        start = offsets[kind.key]
        names = pool[start : start + knobs.register_rows]
        offsets[kind.key] += knobs.register_rows
        if len(names) < knobs.register_rows:
            raise ValueError(
                f"corpus.register_rows × corpus.registers needs {start + knobs.register_rows} "
                f"distinct {kind.key}; only {len(pool)} exist"
            )
        title = kind.title + (f" ({DEPARTMENTS[round_ % 6]})" if round_ else "")
        docs.append(
            _register(
                world, filler, doc_id, title, kind, sorted(names), profile.starter.aligned_chunk
            )
        )
    return docs


def _register(world, filler: SlotFiller, doc_id, title, kind: Kind, names, chunk) -> Document:
    rng = filler.rng
    b = DocBuilder(doc_id, title)
    b.paragraph([world.sentence(filler, "directory") for _ in range(rng.randint(2, 3))])
    b.heading(2, rng.choice(("Current entries", "Register", "Overview table")))
    rows, seen = [], {c.label: set() for c in kind.columns}
    for name in names:
        row = [name]
        for column in kind.columns:
            for _ in range(100):
                value = filler.fill(column.value, _extra_values(filler))
                if not column.questions or value not in seen[column.label]:
                    break
            seen[column.label].add(value)
            row.append(value)
        rows.append(row)
    spans = b.table((kind.key_label, *(c.label for c in kind.columns)), rows)
    asked = [i for i, c in enumerate(kind.columns) if c.questions]
    for name, row, span in zip(names, rows, spans, strict=True):
        col = rng.choice(asked)
        if chunk and straddles(span, chunk):
            continue  # a row cut by a chunk edge is the boundary slice's failure, not this one's
        question = rng.choice(kind.columns[col].questions).format(name=name)
        asks = item(kind, kind.columns[col])
        b.ask(TABLE, f"{doc_id}/{name}", question, row[col + 1], span, item=asks)
    b.heading(
        2, rng.choice(("How to request a change", "Keeping this register current", "Changes"))
    )
    b.paragraph([world.sentence(filler, "directory") for _ in range(rng.randint(2, 4))])
    return b.build()
