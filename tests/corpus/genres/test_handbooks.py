"""Handbooks: how many rules a section states is the profile's `handbook_rules_per_section`."""

from __future__ import annotations

import dataclasses
import re

from corpus.failure_modes import PARAPHRASE
from corpus.genres.handbooks import render_handbooks
from corpus.profile import load_profile
from corpus.world import build_world
from tests.helpers import DEFAULT_SEED


def rules_per_section(per_section: int) -> list[int]:
    """How many paraphrase facts each handbook section holds, over every handbook."""
    medium = load_profile("medium")
    profile = dataclasses.replace(
        medium,
        corpus=dataclasses.replace(medium.corpus, handbook_rules_per_section=per_section),
    )
    counts = []
    for doc in render_handbooks(build_world(DEFAULT_SEED, profile), profile):
        starts = [m.start() for m in re.finditer(r"^## ", doc.text, re.MULTILINE)]
        bounds = list(zip(starts, [*starts[1:], len(doc.text)], strict=True))
        facts = [c.evidence[0].start for c in doc.candidates if c.slice == PARAPHRASE]
        counts += [sum(low <= start < high for start in facts) for low, high in bounds]
    return counts


def test_each_section_states_the_profiles_number_of_rules():
    three, one = rules_per_section(3), rules_per_section(1)
    assert max(three) == 3 and set(one) == {1}
    assert sum(three) == sum(one)  # the same rules, in more sections
