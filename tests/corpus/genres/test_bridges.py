"""Multi-hop questions: the roster is written only when asked, and every question's two spans are
the runbook's owner line and a sentence of the owning team's own section."""

from __future__ import annotations

import re

from corpus.failure_modes import MULTIHOP
from corpus.genres.bridges import ONCALL_LINE, ROSTER, items, render_roster
from corpus.genres.services import owner_sentence
from corpus.profile import load_profile
from corpus.world import build_world
from tests.helpers import DEFAULT_SEED


def test_the_roster_is_written_only_when_the_slice_is_asked():
    easy = load_profile("easy")  # asks no multihop question
    assert render_roster(build_world(DEFAULT_SEED, easy), easy) == []
    asking = load_profile("medium")
    world = build_world(DEFAULT_SEED, asking)
    (roster,) = render_roster(world, asking)
    assert roster.doc_id == ROSTER and roster.candidates == ()
    headings = re.findall(r"^## (.+)$", roster.text, re.MULTILINE)
    assert headings == list(world.teams)  # every team, headed by its bare name
    on_call = ONCALL_LINE.split("{")[0]
    assert roster.text.count(on_call) == len(world.teams)


def test_every_question_joins_the_owner_line_to_the_owners_section(medium):
    docs = medium.docs
    world = build_world(DEFAULT_SEED, medium.profile)
    services = {f"runbook-{s.name}": s for s in world.services}
    questions = [q for q in medium.hidden + medium.public if q.slice == MULTIHOP]
    assert questions and {q.item for q in questions} <= items()
    for q in questions:
        first, second = q.evidence
        service = services[first.doc_id]
        assert docs[first.doc_id][first.start : first.end] == owner_sentence(world, service)
        assert re.search(r"\bERR-\d+\b", q.text).group() in docs[first.doc_id]
        heading = re.findall(r"^## (.+)$", docs[second.doc_id][: second.start], re.MULTILINE)[-1]
        assert heading in (service.team, f"{service.team} team")  # the owner's own section
        assert q.answer in docs[second.doc_id][second.start : second.end]
        assert service.team not in q.text
