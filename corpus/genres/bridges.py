"""Questions that join two documents through an entity they do not name: the `multihop` slice.

"Who is on call for the service that raises ERR-7925?" A runbook lists the code and, in its first
sentence, names the team that owns the service (`services.owner_sentence`); the team's section of
a directory states the asked fact without naming the team (only its heading does). The evidence is
both sentences: the runbook's, which names the team, and the section's, which holds the answer. No
document holds both, and neither the question nor the answer's sentence names the team, so one
search finds the runbook and only a second, with the team's name, finds the section.

Nothing new is written for them but the on-call line of each team section (`sections.ONCALL`, only
when a profile asks the slice); the other facts are those the sections already state, with the
answers and offsets their renderer recorded. Called by `corpus.questions.select_questions` once
every document is rendered.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from corpus.document import CandidateQuestion, Document
from corpus.failure_modes import HEADING, IDENTIFIER, MULTIHOP
from corpus.genres.sections import FACTS, HEADINGS, ONCALL, TEAM_FACTS
from corpus.genres.services import owner_sentence
from corpus.world import World
from exercise.types import Span

POINTER = "the service that raises {code}"
"""How a question points at the team: through its service, by one of the service's codes."""
OWNER = "the team that owns " + POINTER
QUESTIONS = {
    ONCALL.key: (f"Who is on call for {POINTER}?", f"Who is the on-call contact for {POINTER}?"),
    "handover": (f"When does on-call change hands in {OWNER}?",),
    "lead": (f"Who leads {OWNER}?",),
    "standup": (f"What time is the daily standup of {OWNER}?",),
    "headcount": (f"How many engineers are on {OWNER}?",),
    "intake": (f"Where should urgent requests go for {OWNER}?",),
    "planning": (f"How often does {OWNER} hold sprint planning?",),
}
"""Fact of a team section → how a question asks it of the team behind an error code."""

_ONCALL_LINE = re.compile(re.escape(ONCALL.statements[0]).replace(r"\{value\}", r"(.+?)"))
_HEADING = re.compile(r"^## (.+)$", re.MULTILINE)


def item(fact_key: str) -> str:
    """The cohort item of a question on this fact of the team behind an error code."""
    return f"{MULTIHOP}/team/{fact_key}"


def items() -> set[str]:
    return {item(f.key) for f in (*TEAM_FACTS, ONCALL)}


def multihop_candidates(world: World, docs: Sequence[Document]) -> Iterator[CandidateQuestion]:
    """For every service whose team has a directory section, a question on each fact the
    section states, asked through one of the service's error codes."""
    by_id = {d.doc_id: d for d in docs}
    sections = _team_sections(docs)
    for service in world.services:
        runbook = by_id.get(f"runbook-{service.name}")
        if runbook is None or service.team not in sections:
            continue
        sentence = owner_sentence(service)
        start = runbook.text.find(sentence)
        codes = [c.fact.rsplit("/", 1)[1] for c in runbook.candidates if c.slice == IDENTIFIER]
        if start < 0 or not codes:
            continue
        first = Span(runbook.doc_id, start, start + len(sentence))
        for fact_key, answer, second in sections[service.team]:
            rng = world.rng(MULTIHOP, service.name, fact_key)
            text = rng.choice(QUESTIONS[fact_key]).format(code=rng.choice(codes))
            yield CandidateQuestion(
                MULTIHOP,
                f"{MULTIHOP}/{service.name}/{fact_key}",
                item(fact_key),
                text,
                answer,
                (first, second),
            )


def _team_sections(docs: Sequence[Document]) -> dict[str, list[tuple[str, str, Span]]]:
    """team → (fact key, answer, evidence) of every fact its section states: those its renderer
    recorded, and its on-call line."""
    heading = HEADINGS["team"].format(name="")
    known = {f.key for f in FACTS["team"]}
    found: dict[str, list[tuple[str, str, Span]]] = {}
    for doc in docs:
        for c in doc.candidates:
            parts = c.fact.split("/")  # doc_id/name/fact_key
            if c.slice == HEADING and len(parts) == 3 and parts[2] in known:
                found.setdefault(parts[1], []).append((parts[2], c.answer, c.evidence[0]))
        heads = list(_HEADING.finditer(doc.text))
        ends = [m.start() for m in heads[1:]] + [len(doc.text)]
        for head, end in zip(heads, ends, strict=True):
            if not head.group(1).endswith(heading):
                continue
            line = _ONCALL_LINE.search(doc.text, head.end(), end)
            if line:
                team = head.group(1).removesuffix(heading)
                span = Span(doc.doc_id, line.start(), line.end())
                found.setdefault(team, []).append((ONCALL.key, line.group(1), span))
    return found
