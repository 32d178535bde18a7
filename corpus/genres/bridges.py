"""Questions that join two documents through an entity they do not name: the `multihop` slice.

"Who is on call for the service that raises ERR-7925?" A runbook lists the code and, in its first
sentence, names the team that owns the service (`services.owner_sentence`); the team's section of
the on-call roster, or of a team directory, states the asked fact without naming the team (only
its heading does). The evidence is both sentences: the runbook's, which names the team, and the
section's, which holds the answer. No document holds both, and neither the question nor the
answer's sentence names the team, so one search finds the runbook and only a second, with the
team's name, finds the section.

The roster is the one document written for the slice, and only when a profile asks it, after every
other document and from generators of its own, so no other document or draw changes. Its sections
are headed by the bare team name ("## Falcon"), unlike the directories' "## Falcon team", so the
directories' sections stay the only ones of their kind. The other facts are those the directories'
sections already state, with the answers and offsets their renderer recorded. Questions are made
by `corpus.questions.select_questions` once every document is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from corpus.document import CandidateQuestion, DocBuilder, Document
from corpus.failure_modes import HEADING, IDENTIFIER, MULTIHOP
from corpus.genres.sections import TEAM_FACTS
from corpus.genres.services import owner_sentence
from corpus.knobs import Profile
from corpus.wording import UNSEEN
from corpus.world import World
from exercise.types import Span

ROSTER = "oncall-roster"
"""The roster's document id."""
ONCALL = "oncall"
"""The roster's fact (its key among the team facts)."""
ONCALL_LINE = "Its on-call contact this quarter is {person}."
BACKUP_LINE = "The backup contact, when the first does not answer within {n} minutes, is {person}."
POINTER = "the service that raises {code}"
"""How a question points at the team: through its service, by one of the service's codes."""
OWNER = "the team that owns " + POINTER
QUESTIONS = {
    ONCALL: (f"Who is on call for {POINTER}?", f"Who is the on-call contact for {POINTER}?"),
    "handover": (f"When does on-call change hands in {OWNER}?",),
    "lead": (f"Who leads {OWNER}?",),
    "standup": (f"What time is the daily standup of {OWNER}?",),
    "headcount": (f"How many engineers are on {OWNER}?",),
    "intake": (f"Where should urgent requests go for {OWNER}?",),
    "planning": (f"How often does {OWNER} hold sprint planning?",),
}
"""Fact of a team → how a question asks it of the team behind an error code."""
UNSEEN_OWNERS = ("the team behind {code}", "the team responsible for {code}")
UNSEEN_QUESTIONS = {
    ONCALL: ("Who is on call when {code} fires?", "{code} keeps showing up: who is on call?"),
    "handover": ("When does on-call change hands in {owner}?",),
    "lead": ("Who leads {owner}?", "{code} again: who leads the team that gets paged for it?"),
    "standup": ("What time does {owner} meet for its daily standup?",),
    "headcount": ("How many engineers work in {owner}?",),
    "intake": ("Where do urgent requests for {owner} go?",),
    "planning": ("How often does {owner} plan its sprints?",),
}
"""The same questions in the unseen wording (`corpus.wording`): no pointer clause of the shipped
form ("the service that raises …"); {owner} is one of `UNSEEN_OWNERS`."""
UNSEEN_ONCALL_LINES = (
    "{person} is first on call this quarter.",
    "This quarter's first on-call engineer is {person}.",
)
"""The roster's on-call line in the unseen wording."""

_ONCALL = tuple(
    re.compile(re.escape(line).replace(re.escape("{person}"), "(?P<person>.+?)"))
    for line in (ONCALL_LINE, *UNSEEN_ONCALL_LINES)
)
_SECTION = re.compile(r"^## (?P<team>.+)\n\n(?P<body>.+)$", re.MULTILINE)


def item(fact_key: str) -> str:
    """The cohort item of a question on this fact of the team behind an error code."""
    return f"{MULTIHOP}/team/{fact_key}"


def items() -> set[str]:
    return {item(key) for key in QUESTIONS}


def asks(profile: Profile) -> bool:
    return bool(profile.hidden[MULTIHOP] or profile.public[MULTIHOP])


def render_roster(world: World, profile: Profile) -> list[Document]:
    """The on-call roster (one section per team, headed by its name), when the slice is asked."""
    if not asks(profile):
        return []
    rng = world.rng(MULTIHOP, ROSTER)
    b = DocBuilder(ROSTER, "On-call roster")
    b.paragraph(
        [
            "Each team names one on-call contact per quarter and a backup.",
            "Page the contact of the team that owns the affected service.",
        ]
    )
    for team in world.teams:
        first, backup = rng.sample(world.people, 2)
        b.heading(2, team)
        line = ONCALL_LINE
        if world.wording == UNSEEN:
            line = world.rng(UNSEEN, ROSTER, team).choice(UNSEEN_ONCALL_LINES)
        b.paragraph(
            [
                line.format(person=first),
                BACKUP_LINE.format(n=rng.choice((10, 15, 20, 30)), person=backup),
            ]
        )
    return [b.build()]


def multihop_candidates(world: World, docs: Sequence[Document]) -> Iterator[CandidateQuestion]:
    """For every service, a question on its team's on-call contact and on each fact its team's
    directory section states, asked through one of the service's error codes."""
    by_id = {d.doc_id: d for d in docs}
    facts = _team_facts(docs)
    for service in world.services:
        runbook = by_id.get(f"runbook-{service.name}")
        if runbook is None:
            continue
        sentence = owner_sentence(world, service)
        start = runbook.text.find(sentence)
        codes = [c.fact.rsplit("/", 1)[1] for c in runbook.candidates if c.slice == IDENTIFIER]
        if start < 0 or not codes:
            continue
        first = Span(runbook.doc_id, start, start + len(sentence))
        for fact_key, answer, second in facts.get(service.team, []):
            rng = world.rng(MULTIHOP, service.name, fact_key)
            text = rng.choice(QUESTIONS[fact_key]).format(code=rng.choice(codes))
            if world.wording == UNSEEN:
                unseen = world.rng(UNSEEN, MULTIHOP, service.name, fact_key)
                owner = unseen.choice(UNSEEN_OWNERS)
                form = unseen.choice(UNSEEN_QUESTIONS[fact_key]).replace("{owner}", owner)
                text = form.format(code=unseen.choice(codes))
            yield CandidateQuestion(
                MULTIHOP,
                f"{MULTIHOP}/{service.name}/{fact_key}",
                item(fact_key),
                text,
                answer,
                (first, second),
            )


def _team_facts(docs: Sequence[Document]) -> dict[str, list[tuple[str, str, Span]]]:
    """team → (fact key, answer, evidence) of every fact stated about it: its on-call contact in
    the roster, and the facts its directory section states (as their renderer recorded them)."""
    known = {f.key for f in TEAM_FACTS}
    found: dict[str, list[tuple[str, str, Span]]] = {}
    for doc in docs:
        if doc.doc_id == ROSTER:
            for section in _SECTION.finditer(doc.text):
                line = next(
                    (m for p in _ONCALL if (m := p.match(doc.text, section.start("body")))), None
                )
                if line:
                    span = Span(ROSTER, line.start(), line.end())
                    found.setdefault(section["team"], []).append((ONCALL, line["person"], span))
        for c in doc.candidates:
            parts = c.fact.split("/")  # a directory's "doc_id/name/fact_key"
            if c.slice == HEADING and len(parts) == 3 and parts[2] in known:
                found.setdefault(parts[1], []).append((parts[2], c.answer, c.evidence[0]))
    return found
