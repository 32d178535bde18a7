"""Handbooks: how many rules a section states is the profile's `handbook_rules_per_section`, and
how clear a wording its questions get is its `paraphrase_min_band`."""

from __future__ import annotations

import dataclasses
import re

import pytest

from corpus.banks.paraphrase import CONCEPTS
from corpus.failure_modes import PARAPHRASE
from corpus.genres.handbooks import band, render_handbooks
from corpus.profile import ProfileError, load_profile, parse_profile
from corpus.variant import generate
from corpus.world import build_world
from tests.helpers import DEFAULT_SEED


def handbooks(**knobs):
    """Medium's handbooks with `knobs` set in its [corpus]."""
    medium = load_profile("medium")
    profile = dataclasses.replace(medium, corpus=dataclasses.replace(medium.corpus, **knobs))
    return render_handbooks(build_world(DEFAULT_SEED, profile), profile)


def rules_per_section(per_section: int) -> list[int]:
    """How many paraphrase facts each handbook section holds, over every handbook."""
    counts = []
    for doc in handbooks(handbook_rules_per_section=per_section):
        starts = [m.start() for m in re.finditer(r"^## ", doc.text, re.MULTILINE)]
        bounds = list(zip(starts, [*starts[1:], len(doc.text)], strict=True))
        facts = [c.evidence[0].start for c in doc.candidates if c.slice == PARAPHRASE]
        counts += [sum(low <= start < high for start in facts) for low, high in bounds]
    return counts


def test_each_section_states_the_profiles_number_of_rules():
    three, one = rules_per_section(3), rules_per_section(1)
    assert max(three) == 3 and set(one) == {1}
    assert sum(three) == sum(one)  # the same rules, in more sections


@pytest.mark.parametrize("min_band", [1, 3, 4])
def test_a_minimum_band_asks_every_rule_with_a_clear_enough_wording_in_one(min_band):
    docs = handbooks(paraphrase_min_band=min_band)
    asked = [c for doc in docs for c in doc.candidates if c.slice == PARAPHRASE]
    assert asked and min(c.band for c in asked) >= min_band
    clear = {
        concept.key
        for concept in CONCEPTS
        if any(
            band(concept.key, statement, question) >= min_band
            for statement in range(len(concept.statements))
            for question in range(len(concept.questions))
        )
    }
    assert {c.fact.rsplit("/", 1)[1] for c in asked} == clear
    # every rule is still stated: the same number of sections, only some rules go unasked
    assert [doc.text.count("\n## ") for doc in docs] == [
        doc.text.count("\n## ") for doc in handbooks()
    ]


def test_without_a_minimum_band_every_band_is_asked():
    asked = [c for doc in handbooks() for c in doc.candidates if c.slice == PARAPHRASE]
    assert {c.band for c in asked} == set(range(5)) and len(asked) == len(CONCEPTS)


def test_a_count_the_clear_wordings_cannot_supply_names_the_band_as_a_way_out():
    # 42 rules have a band-4 wording (seed-independent: the bank's margins decide it)
    profile = parse_profile(
        {"corpus": {"paraphrase_min_band": 4}, "questions": {"hidden": {"paraphrase": 60}}},
        default_name="medium",
        origin="t",
    )
    with pytest.raises(ProfileError, match="lower corpus.paraphrase_min_band"):
        generate(DEFAULT_SEED, profile)
