"""Directories with one section per team or office: the `heading` slice.

A section's heading names the entity (`## Falcon team`); its sentences never do ("Its on-call
rotation hands over every Tuesday at 09:30."). The facts sit after a chunk edge, so a fixed-size
chunk holding them never holds the heading: only heading-aware chunking recovers who "it" is.
"""

from __future__ import annotations

from dataclasses import dataclass

from corpus.document import DocBuilder, Document
from corpus.failure_modes import HEADING
from corpus.knobs import Profile
from corpus.slots import SlotFiller, capitalise
from corpus.world import World


@dataclass(frozen=True)
class SectionFact:
    key: str
    value: str
    """Template of the value, filled with slots (e.g. "{weekday} at {time}")."""
    statements: tuple[str, ...]
    questions: tuple[str, ...]


TEAM_FACTS = (
    SectionFact(
        "handover",
        "{weekday} at {time}",
        (
            "Its on-call rotation hands over every {value}.",
            "On-call duty changes hands every {value}.",
        ),
        (
            "When does the {name} team's on-call rotation hand over?",
            "At what point in the week does on-call change hands in the {name} team?",
        ),
    ),
    SectionFact(
        "lead",
        "{person}",
        (
            "The group is led by {value}, who also chairs its planning sessions.",
            "Day to day, the group reports to {value}.",
        ),
        ("Who leads the {name} team?", "Who does the {name} team report to?"),
    ),
    SectionFact(
        "standup",
        "{time}",
        (
            "Daily standup starts at {value} and is kept to fifteen minutes.",
            "Everyone joins the daily standup at {value}.",
        ),
        (
            "What time is the {name} team's daily standup?",
            "When does the {name} team hold its daily standup?",
        ),
    ),
    SectionFact(
        "headcount",
        "{n} engineers",
        (
            "The roster currently lists {value} and one product manager.",
            "Right now the group counts {value} plus a product manager.",
        ),
        (
            "How many engineers are on the {name} team?",
            "What is the engineering headcount of the {name} team?",
        ),
    ),
    SectionFact(
        "intake",
        "{channel}",
        (
            "Urgent requests go to {value} rather than to direct messages.",
            "For anything urgent, post in {value} so the whole group sees it.",
        ),
        (
            "Where should urgent requests for the {name} team be posted?",
            "Which channel takes urgent requests for the {name} team?",
        ),
    ),
    SectionFact(
        "planning",
        "every other {weekday}",
        (
            "Sprint planning takes place {value} in the morning.",
            "Planning sessions happen {value} before lunch.",
        ),
        (
            "How often does the {name} team hold sprint planning?",
            "When does the {name} team run its planning sessions?",
        ),
    ),
)
OFFICE_FACTS = (
    SectionFact(
        "reception",
        "floor {n}",
        (
            "Visitors sign in at the reception desk on {value}.",
            "Reception, where every visitor signs in, is on {value}.",
        ),
        (
            "On which floor do visitors sign in at the {name} office?",
            "Where is reception in the {name} office?",
        ),
    ),
    SectionFact(
        "opening",
        "{time}",
        ("The building opens at {value} on weekdays.", "On weekdays the doors open at {value}."),
        (
            "What time does the {name} office open on weekdays?",
            "When does the {name} office open in the morning?",
        ),
    ),
    SectionFact(
        "parking",
        "{count} parking spaces",
        (
            "The site has {value}, bookable one day ahead.",
            "There are {value} on site, and they can be booked a day ahead.",
        ),
        (
            "How many parking spaces does the {name} office have?",
            "How much parking is available at the {name} office?",
        ),
    ),
    SectionFact(
        "facilities",
        "{person}",
        (
            "Facilities requests for the site are handled by {value}.",
            "{value} looks after facilities requests on site.",
        ),
        (
            "Who handles facilities requests at the {name} office?",
            "Who should I ask about facilities at the {name} office?",
        ),
    ),
    SectionFact(
        "desks",
        "{count} desks",
        (
            "The open-plan floors hold {value} that anyone can book.",
            "In total {value} are available through the booking tool.",
        ),
        (
            "How many bookable desks does the {name} office have?",
            "How many desks can be booked at the {name} office?",
        ),
    ),
)
AREAS = (
    "Platform",
    "Payments",
    "Retail",
    "Data",
    "Field operations",
    "Customer experience",
    "Security",
    "Hardware",
    "Growth",
    "Finance systems",
    "Developer tools",
    "Logistics",
)
REGIONS = (
    "Europe",
    "Americas",
    "Asia Pacific",
    "Middle East and Africa",
    "Nordics",
    "Iberia",
    "Central Europe",
    "North America",
    "Latin America",
    "Oceania",
)
FACTS_PER_SECTION = 2


def item(genre: str, fact_key: str) -> str:
    """The cohort item of a question on this fact of any team or office
    (`CandidateQuestion.item`)."""
    return f"{genre}/{fact_key}"


def items() -> set[str]:
    return {item("team", f.key) for f in TEAM_FACTS} | {item("office", f.key) for f in OFFICE_FACTS}


def render_sections(world: World, profile: Profile) -> list[Document]:
    knobs = profile.corpus
    docs = []
    teams = list(world.teams)
    for i in range(knobs.team_directories):
        names = teams[i * knobs.teams_per_directory : (i + 1) * knobs.teams_per_directory]
        area = AREAS[i % len(AREAS)] + ("" if i < len(AREAS) else f" {i // len(AREAS) + 1}")
        docs.append(
            _directory(
                world,
                profile,
                f"teams-{_slug(area)}",
                f"{area} teams",
                names,
                "team",
                TEAM_FACTS,
                "{name} team",
            )
        )
    cities = list(world.cities)
    for i in range(knobs.office_guides):
        names = cities[i * knobs.offices_per_guide : (i + 1) * knobs.offices_per_guide]
        region = REGIONS[i % len(REGIONS)]
        docs.append(
            _directory(
                world,
                profile,
                f"offices-{_slug(region)}",
                f"Office guide: {region}",
                names,
                "office",
                OFFICE_FACTS,
                "{name} office",
            )
        )
    return docs


def _slug(text: str) -> str:
    return "-".join(text.lower().split())


def _directory(world, profile, doc_id, title, names, genre, facts, heading) -> Document:
    filler = world.filler(doc_id)
    rng = filler.rng
    b = DocBuilder(doc_id, title)
    b.paragraph([world.sentence(filler, genre, avoid=names) for _ in range(2)])
    for name in names:
        b.heading(2, heading.format(name=name))
        chosen = rng.sample(facts, FACTS_PER_SECTION)
        sentences, answers = [], []
        for fact in chosen:
            value = filler.fill(fact.value, sentence=False)
            answers.append(value)
            sentence = rng.choice(fact.statements).format(value=value)
            sentences.append(capitalise(sentence))
        spans = _section_body(world, profile, b, filler, genre, names, sentences)
        for fact, value, span in zip(chosen, answers, spans, strict=True):
            question = rng.choice(fact.questions).format(name=name)
            fact_key = f"{doc_id}/{name}/{fact.key}"
            b.ask(HEADING, fact_key, question, value, span, item=item(genre, fact.key))
    return b.build()


def _section_body(world, profile, b: DocBuilder, filler: SlotFiller, genre, names, facts):
    def prose() -> str:
        return world.sentence(filler, genre, avoid=names)

    if profile.starter.align_to_chunks:
        spans = b.paragraph_across(facts, prose, profile.starter.chunk_size, cross="before")
    else:
        spans = b.paragraph([prose(), prose(), *facts])[2:]
    b.paragraph([prose() for _ in range(filler.rng.randint(1, 3))])
    return spans
