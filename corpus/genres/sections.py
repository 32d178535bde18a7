"""Directories with one section per team or office: the `heading` and `unstated` slices.

A section's heading names the entity (`## Falcon team`); its sentences never do ("Its on-call
rotation hands over every Tuesday at 09:30."). The facts sit after a chunk edge, so a fixed-size
chunk holding them never holds the heading: only heading-aware chunking recovers who "it" is.

Each section states FACTS_PER_SECTION of its kind's facts, so the others are unstated for it while
sibling sections state them: asking one ("How many parking spaces does the Zurich office have?"
where the Zurich section gives reception and opening hours, and other offices list parking) is an
`unstated` question, unanswerable although every word of it occurs in the corpus. Its wording is
drawn from a generator of its own, and only when a profile asks the slice, so no other draw moves.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.document import DocBuilder, Document
from corpus.failure_modes import HEADING, UNSTATED
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


def unstated_item(genre: str, fact_key: str) -> str:
    """The cohort item of a question on this fact of a team or office whose section does not
    give it (`CandidateQuestion.item`)."""
    return f"{UNSTATED}/{genre}/{fact_key}"


def items() -> set[str]:
    return {
        make(genre, f.key)
        for make in (item, unstated_item)
        for genre, facts in FACTS.items()
        for f in facts
    }


FACTS = {"team": TEAM_FACTS, "office": OFFICE_FACTS}
"""genre → the facts a section of that kind may state."""
HEADINGS = {"team": "{name} team", "office": "{name} office"}
"""genre → how a section's heading names its entity."""


@dataclass(frozen=True)
class AskedFact:
    """What a question about a section's fact asks, read back from its text."""

    genre: str
    fact: SectionFact
    name: str

    @property
    def heading(self) -> str:
        return HEADINGS[self.genre].format(name=self.name)


def asked_fact(question: str) -> AskedFact | None:
    """The genre, fact and entity a team or office question asks about, from its wording."""
    for genre, facts in FACTS.items():
        for fact in facts:
            for template in fact.questions:
                pattern = re.escape(template).replace(re.escape("{name}"), "(?P<name>.+?)")
                match = re.fullmatch(pattern, question)
                if match:
                    return AskedFact(genre, fact, match.group("name"))
    return None


def states(fact: SectionFact, text: str) -> bool:
    """Whether `text` holds one of the fact's statements (any value)."""
    for statement in fact.statements:
        pieces = [re.escape(p) for p in statement.split("{value}")]
        if re.search(r"(?i)" + ".+?".join(pieces), text):  # capitalised at a sentence start
            return True
    return False


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
    stated: dict[str, list[SectionFact]] = {}
    for name in names:
        b.heading(2, heading.format(name=name))
        chosen = rng.sample(facts, FACTS_PER_SECTION)
        stated[name] = chosen
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
    if profile.hidden[UNSTATED] or profile.public[UNSTATED]:
        _ask_unstated(world, b, doc_id, genre, facts, stated)
    return b.build()


def _ask_unstated(world, b: DocBuilder, doc_id, genre, facts, stated) -> None:
    """For each section, a question on each fact a sibling section of this directory states and
    it does not (no answer, no evidence)."""
    given_somewhere = {f.key for chosen in stated.values() for f in chosen}
    for name, chosen in stated.items():
        own = {f.key for f in chosen}
        for fact in facts:
            if fact.key in own or fact.key not in given_somewhere:
                continue
            question = world.rng(UNSTATED, doc_id, name, fact.key).choice(fact.questions)
            fact_key = f"{doc_id}/{name}/{fact.key}/{UNSTATED}"
            b.ask(
                UNSTATED,
                fact_key,
                question.format(name=name),
                "",
                item=unstated_item(genre, fact.key),
            )


def _section_body(world, profile, b: DocBuilder, filler: SlotFiller, genre, names, facts):
    def prose() -> str:
        return world.sentence(filler, genre, avoid=names)

    if profile.starter.align_to_chunks:
        spans = b.paragraph_across(facts, prose, profile.starter.chunk_size, cross="before")
    else:
        spans = b.paragraph([prose(), prose(), *facts])[2:]
    b.paragraph([prose() for _ in range(filler.rng.randint(1, 3))])
    return spans
