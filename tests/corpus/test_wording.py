"""The unseen wording: the same facts and questions as the shipped wording, in other words and date
formats, every slice's property still proven; the shipped wording's bytes are untouched (the
committed default variant's test)."""

from __future__ import annotations

import json
import re
from collections import Counter

import pytest

from corpus.failure_modes import AGGREGATE, MULTIHOP, REFORMULATION, TEMPORAL
from corpus.genres.bridges import ONCALL_LINE
from corpus.genres.comparisons import UNSEEN_COMPARISONS, asked_comparison
from corpus.genres.glossary import entries
from corpus.genres.policies import question_date
from corpus.profile import load_profile
from corpus.validate import verify
from corpus.variant import generate, write
from corpus.wording import SHIPPED, UNSEEN
from corpus.world import build_world
from tests.helpers import DEFAULT_SEED

# What the shipped wording always says, and a pipeline fitted to it would look for.
SHIPPED_PHRASES = (
    "service is owned by the",
    "was in force from",
    "the service that raises",
    "has been in force since",
    ONCALL_LINE.split("{")[0],
)


@pytest.fixture(scope="module")
def unseen():
    return generate(DEFAULT_SEED, load_profile("medium"), wording=UNSEEN)


def test_an_unseen_variant_passes_every_check(unseen, tmp_path):
    write(unseen, tmp_path / "out")
    assert verify(tmp_path / "out") == []
    manifest = json.loads((tmp_path / "out" / "variant" / "manifest.json").read_text())
    assert manifest["wording"] == UNSEEN


def test_it_asks_as_many_questions_of_each_slice_about_the_same_documents(unseen, medium):
    # the documents' offsets move with their wording, so the draw picks other facts of each kind
    assert sorted(unseen.docs) == sorted(medium.docs)
    for which in ("hidden", "public"):
        count = Counter(q.slice for q in getattr(unseen, which))
        assert count == Counter(q.slice for q in getattr(medium, which))
    assert "wording" not in json.loads(medium.variant_files()["manifest.json"])


def test_it_words_them_otherwise(unseen, medium):
    text = "\n".join([*unseen.docs.values(), *(q.text for q in unseen.hidden + unseen.public)])
    shipped = "\n".join([*medium.docs.values(), *(q.text for q in medium.hidden + medium.public)])
    for phrase in SHIPPED_PHRASES:
        assert phrase in shipped
        assert phrase not in text, phrase
    assert "| Codename | Sold as |" in unseen.docs["glossary"]
    assert entries(unseen.docs["glossary"]) and not re.search(r"^- \*\*", unseen.docs["glossary"])


def test_its_dated_questions_give_their_day_in_other_formats(unseen):
    dated = [q.text for q in unseen.hidden if q.slice == TEMPORAL]
    assert dated and all(question_date(text) for text in dated)
    formats = {
        "iso": r"\d{4}-\d{2}-\d{2}",
        "month first": r"[A-Z][a-z]+ \d{1,2}, \d{4}",
        "short month": r"\d{1,2} [A-Z][a-z]{2} \d{4}",
    }
    used = {name for name, pattern in formats.items() for text in dated if re.search(pattern, text)}
    assert used == set(formats)


def test_its_questions_keep_their_slices_properties(unseen):
    asked = {q.slice for q in unseen.hidden}
    assert {MULTIHOP, TEMPORAL, REFORMULATION} <= asked
    assert AGGREGATE in asked
    for q in unseen.hidden:
        if q.slice == AGGREGATE:
            assert asked_comparison(q.text)[0] in UNSEEN_COMPARISONS
        if q.slice == MULTIHOP:
            assert re.search(r"\bERR-\d+\b", q.text) and " team" not in q.text.split("ERR")[0][-6:]


def test_an_unknown_wording_is_refused():
    with pytest.raises(ValueError, match="unknown wording 'plain'"):
        build_world(DEFAULT_SEED, load_profile("medium"), "plain")
    assert build_world(DEFAULT_SEED, load_profile("medium")).wording == SHIPPED
