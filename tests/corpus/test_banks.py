"""Every template in the content banks uses only slots the generator can fill."""

import random

import pytest

from corpus.banks import boundary, paraphrase, policies, prose, words
from corpus.slots import DYNAMIC_SLOTS, SlotFiller, template_slots
from corpus.text import overlap, split_sentences
from corpus.validate import PARAPHRASE_MAX_OVERLAP

KNOWN = set(DYNAMIC_SLOTS) | set(words.WORDS)


def _templates():
    for genre, templates in prose.GENRES.items():
        for t in templates:
            yield f"GENRES[{genre}]", t
    for table in (prose.TITLES, prose.HEADINGS):
        for genre, templates in table.items():
            for t in templates:
                yield genre, t
    for pair in boundary.PAIRS:
        yield pair.key, pair.first
        yield pair.key, pair.question
    for policy in policies.templates():
        for t in policy.purpose:
            yield policy.key, t


def test_template_slots_are_known():
    bad = [
        f"{where}: {template!r}"
        for where, template in _templates()
        if set(template_slots(template)) - KNOWN
    ]
    assert not bad, bad[:10]


def test_word_lists_do_not_shadow_dynamic_slots():
    assert not set(words.WORDS) & set(DYNAMIC_SLOTS)


def test_filled_prose_is_one_sentence_each():
    pools = {
        "team": ("Falcon",),
        "service": ("ledger",),
        "product": ("Aster X2",),
        "city": ("Lisbon",),
        "person": ("Priya Raman",),
        "first_name": ("Priya",),
        "org": ("Norvale",),
    }
    filler = SlotFiller(random.Random(1), pools, words.WORDS)
    for genre, templates in prose.GENRES.items():
        for template in templates:
            filled = filler.fill(template)
            assert len(split_sentences(filled)) == 1, (genre, filled)


def test_paraphrase_bank_keeps_its_overlap_bound():
    for concept in paraphrase.CONCEPTS:
        for statement in concept.statements:
            evidence = statement.format(value=concept.value.fmt.format(concept.value.low or "x"))
            for question in concept.questions:
                assert overlap(question, evidence) <= PARAPHRASE_MAX_OVERLAP, concept.key


def test_avoided_values_never_appear():
    filler = SlotFiller(random.Random(3), {"team": ("Falcon", "Heron")}, {})
    assert {filler.fill("the {team} team", avoid=frozenset({"Falcon"})) for _ in range(50)} == {
        "The Heron team"
    }
    with pytest.raises(ValueError, match="every value is excluded"):
        filler.fill("{team}", avoid=frozenset({"Falcon", "Heron"}))


def test_the_policy_bank_has_the_families_the_generator_needs():
    families = policies.templates()
    assert len(families) >= 14  # profiles ask for up to 14 policy families (corpus.profile)
    assert len({f.key for f in families}) == len(families)
    for family in families:
        assert len(family.clauses) >= policies.MIN_CLAUSES
        assert len({c.key for c in family.clauses}) == len(family.clauses)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[policies]]\nkey = "x"\nname = "X"\npurpose = []\n',
            r"policy 'x': missing \['clauses'\]",
        ),
        (
            '[[policies]]\nkey = "x"\nname = "X"\npurpose = []\n[[policies.clauses]]\nkey = "c"\n'
            'statement = "s"\nquestion = "q"\nvalue = { low = 1, top = 3 }\n',
            r"clause 'c': unknown value field\(s\) \['top'\]",
        ),
        (
            '[[policies]]\nkey = "x"\nname = "X"\npurpose = []\n[[policies.clauses]]\nkey = "c"\n'
            'statement = "s"\nquestion = "q"\nvalue = { low = 1 }\n',
            r"policy 'x' has 1 clauses; a family needs 6",
        ),
    ],
)
def test_a_malformed_policy_bank_is_named(text, message):
    with pytest.raises(ValueError, match=message):
        policies.parse(text)
