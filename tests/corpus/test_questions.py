import dataclasses
import re
from collections import Counter

import pytest
from hypothesis import given
from hypothesis import strategies as st

from corpus.banks import paraphrase, paraphrase_margins
from corpus.banks.words import PRODUCT_ROOTS
from corpus.document import CandidateQuestion, Document, out_of_reach, within_reach
from corpus.failure_modes import AGGREGATE, UNSTATED
from corpus.genres.comparisons import COMPARISONS, asked_comparison, compared_nowhere, picked
from corpus.genres.handbooks import BANDS, band, band_limits, render_handbooks
from corpus.genres.products import DIFFERING, render_products
from corpus.items import known_items
from corpus.profile import Profile, load_profile
from corpus.questions import _draw, _Taken, stratum
from corpus.text import tokens
from corpus.validate import IDENTIFIER_RE
from corpus.world import as_printed, build_world
from exercise.types import Span
from tests.helpers import DEFAULT_SEED

TYPED_MODEL = re.compile(r"\b[A-Z][a-z]+ [A-Z]-\d\b")  # "Aster X-2"


def test_unanswerable_questions_name_something_no_document_has(medium):
    corpus = "\n".join(medium.docs.values())
    vocabulary = set(tokens(corpus))
    for q in medium.hidden + medium.public:
        if q.unanswerable:
            assert q.answer == "" and q.evidence == ()
            if q.slice == UNSTATED:  # names a real team or office: the other kind
                continue
            text = as_printed(q.text)  # "Aster X-9" is absent only if "Aster X9" is
            codes = [m.group(0) for m in IDENTIFIER_RE.finditer(text)]
            absent_code = any(code not in corpus for code in codes)
            assert absent_code or any(t not in vocabulary for t in tokens(text)), q.text


def test_public_and_hidden_questions_ask_about_different_facts(medium):
    hidden = {q.evidence for q in medium.hidden if q.evidence}
    assert not hidden & {q.evidence for q in medium.public if q.evidence}


def test_ids_reveal_nothing_about_slices(medium):
    # ids are numbered after a seeded shuffle: slices are interleaved, not in blocks
    slices = [q.slice for q in medium.hidden]
    changes = sum(1 for a, b in zip(slices, slices[1:], strict=False) if a != b)
    assert changes > len(slices) / 2


def test_answers_sit_inside_their_evidence(medium):
    for q in medium.hidden + medium.public:
        for e in q.evidence:
            assert 0 <= e.start < e.end <= len(medium.docs[e.doc_id])
        if q.evidence:
            assert any(q.answer in medium.docs[e.doc_id][e.start : e.end] for e in q.evidence)


def test_model_questions_type_the_qualifier_and_sheets_print_it(medium):
    asked = [q for q in medium.hidden + medium.public if TYPED_MODEL.search(q.text)]
    assert len([q for q in asked if q.slice == "distractor"]) >= 10
    for q in asked:
        model = TYPED_MODEL.search(q.text).group()
        assert model not in "\n".join(medium.docs.values())  # documents never type "X-2"
        for e in q.evidence:
            assert as_printed(model) in medium.docs[e.doc_id][e.start : e.end]


def test_distractor_facts_lie_within_the_starter_encoders_reach(medium):
    chunk = medium.profile.starter.chunk_size
    lo, hi = within_reach(chunk)
    for q in medium.hidden + medium.public:
        if q.slice == "distractor":
            (e,) = q.evidence
            assert lo <= e.start % chunk and e.end - (e.start - e.start % chunk) <= hi, q.id


def test_distractor_facts_open_their_own_section(medium):
    # A chunker that starts a chunk at every heading puts the fact at its head, within the
    # starter encoder's reach, as the fixed-size chunker does: fixing the chunker alone neither
    # hides sibling facts from the starter's encoder nor shows it more of them.
    asked = [q for q in medium.hidden + medium.public if q.slice == "distractor"]
    kinds = {q.evidence[0].doc_id.split("-")[0] for q in asked}
    assert kinds == {"product", "policy"}
    for q in asked:
        (e,) = q.evidence
        before = medium.docs[e.doc_id][: e.start]
        assert re.search(r"\n\n##+ [^\n]+\n\n$", before), q.id


def test_a_product_fact_is_followed_by_a_note_naming_a_sibling(medium):
    # Every sibling's sheet names the others next to the same figure: only the statement's own
    # qualifier says which sheet answers.
    asked = [
        q
        for q in medium.hidden + medium.public
        if q.slice == "distractor" and q.evidence[0].doc_id.startswith("product-")
    ]
    assert asked
    for q in asked:
        (e,) = q.evidence
        text = medium.docs[e.doc_id]
        model = as_printed(TYPED_MODEL.search(q.text).group())
        family = model.split()[0]
        note = text[e.end :].split("\n\n", 1)[0].split(". ", 1)[0]  # the next sentence
        named = re.findall(rf"\b{family} [A-Z]\d\b", note)
        assert named and model not in named, (q.id, note)


def test_identifier_questions_ask_for_error_codes_in_runbooks(medium):
    # Endpoint paths are words a sound dense encoder matches; only opaque codes need exact
    # matching, so only they are asked.
    asked = [q for q in medium.hidden + medium.public if q.slice == "identifier"]
    assert asked
    for q in asked:
        (e,) = q.evidence
        assert e.doc_id.startswith("runbook-"), q.id
        assert re.search(r"\bERR-\d{4}\b", q.text), q.text


def test_paraphrase_rules_past_the_starter_encoders_reach_are_asked_first(medium):
    # Within each band of wording difficulty, hidden questions come from the rules the starter's
    # 64-token window cannot read before any it can: its luck on a rule it reads would blur the
    # embedding fix's lift.
    chunk = medium.profile.starter.chunk_size
    far = out_of_reach(chunk)[0]
    rules = render_handbooks(build_world(medium.seed, medium.profile), medium.profile)
    candidates = {c.text: c for d in rules for c in d.candidates}
    assert all(c.evidence[0].start % chunk >= far for c in candidates.values() if c.tier == 0)
    asked = [candidates[q.text] for q in medium.hidden if q.slice == "paraphrase"]
    for band_ in range(BANDS):
        in_band = [c for c in candidates.values() if c.band == band_]
        asked_in_band = [c for c in asked if c.band == band_]
        for tier in (1, 2):
            if any(c.tier == tier for c in asked_in_band):  # then every earlier tier is asked
                earlier = [c for c in in_band if c.tier < tier]
                assert all(c in asked_in_band for c in earlier), (band_, tier)
    assert sum(c.tier == 0 for c in asked) >= len(asked) // 2


def test_stratified_draw_gives_each_stratum_its_share():
    chunk = 500
    pool = [_candidate("a", i, 10 + 100 * (i % 5)) for i in range(50)]  # 10 per fifth of a chunk
    pool += [_candidate("b", i, 10) for i in range(50)]  # one stratum with 50
    picked = _draw(pool, 20, _Taken(), chunk)
    by = Counter(stratum(c, chunk) for c in picked)
    assert by[("b", 0)] == 10  # half the pool, half the draw
    assert all(by[("a", f)] == 2 for f in range(5))
    assert len({c.fact for c in picked}) == 20


def test_later_tiers_are_drawn_only_when_earlier_ones_run_out():
    pool = [_candidate("a", i, 10, tier=1) for i in range(10)]
    pool += [_candidate("a", 100 + i, 10) for i in range(4)]
    picked = _draw(pool, 6, _Taken(), 500)
    assert sum(c.tier == 0 for c in picked) == 4 and len(picked) == 6


def test_each_band_gives_an_equal_share_drawn_by_tier_within_it():
    pool = [_candidate("a", i, 10, band=i % 3) for i in range(30)]  # ten per band in tier 0
    pool += [_candidate("a", 100 + i, 10, band=0) for i in range(60)]
    pool += [_candidate("a", 200 + i, 10, band=2) for i in range(10)]
    pool += [_candidate("a", 300 + i, 10, tier=1, band=1) for i in range(10)]
    picked = _draw(pool, 36, _Taken(), 500)
    assert Counter(c.band for c in picked) == {0: 12, 1: 12, 2: 12}  # not the pool's 70/20/20
    assert Counter((c.band, c.tier) for c in picked)[(1, 1)] == 2  # band 1's tier 0 ran out


def test_a_band_short_of_candidates_leaves_its_share_to_the_others():
    pool = [_candidate("a", i, 10, band=1) for i in range(2)]
    pool += [_candidate("a", 100 + i, 10, band=0) for i in range(20)]
    picked = _draw(pool, 10, _Taken(), 500)
    assert len(picked) == 10 and sum(c.band == 1 for c in picked) == 2
    assert len({c.fact for c in picked}) == 10


def test_every_variant_asks_each_paraphrase_band_alike(medium):
    # Rules are asked about in bands of wording difficulty (margins measured once with a sound
    # MiniLM): each gives an equal share of the hidden questions, whatever the seed.
    rules = render_handbooks(build_world(medium.seed, medium.profile), medium.profile)
    band_of = {c.text: c.band for d in rules for c in d.candidates}
    asked = Counter(band_of[q.text] for q in medium.hidden if q.slice == "paraphrase")
    count = medium.profile.hidden["paraphrase"]
    assert sorted(asked.values(), reverse=True) == [
        count // BANDS + (i < count % BANDS) for i in range(BANDS)
    ]


def test_paraphrase_bands_split_the_bank_in_equal_parts():
    combinations = [
        (concept.key, s, q)
        for concept in paraphrase.CONCEPTS
        for s in range(len(concept.statements))
        for q in range(len(concept.questions))
    ]
    margins = paraphrase_margins.load()
    assert set(combinations) == set(margins), "run benchmarks/paraphrase_margins.py --write"
    sizes = Counter(band(*combination) for combination in combinations)
    assert sorted(sizes) == list(range(BANDS))
    limits = set(band_limits(margins.values()))
    ties = sum(margin in limits for margin in margins.values())  # equal margins share a band
    assert max(sizes.values()) - min(sizes.values()) <= 1 + ties


def test_a_combination_without_a_margin_is_named():
    with pytest.raises(KeyError, match="no_such_rule.*paraphrase_margins.py --write"):
        band("no_such_rule", 0, 0)


def _candidate(doc: str, i: int, start: int, tier: int = 0, band: int = 0) -> CandidateQuestion:
    span = Span(doc, 1000 * i + start, 1000 * i + start + 20)
    return CandidateQuestion(
        "table", f"{doc}/{i}", "register/x", f"q {doc} {i}?", "x", (span,), tier, band
    )


def test_product_lines_ask_comparisons_only_when_the_slice_is_asked():
    profile = load_profile("medium")
    world = build_world(DEFAULT_SEED, profile)
    docs = render_products(world, profile)
    asked = [c for d in docs for c in d.candidates if c.slice == AGGREGATE]
    # one per line and differing attribute (no ties: a line's figures are distinct)
    assert len(asked) == len(world.families) * DIFFERING
    for candidate in asked:
        comparison, line = asked_comparison(candidate.text)
        sheets = [d for d in docs if d.doc_id in {e.doc_id for e in candidate.evidence}]
        assert len(sheets) == len(candidate.evidence) == profile.corpus.sibling_models
        assert candidate.item in known_items() and line in candidate.answer
    # not asked: the same documents, and no comparison among their candidates
    unasked = _not_asking(profile, AGGREGATE)
    plain = render_products(build_world(DEFAULT_SEED, unasked), unasked)
    assert [d.text for d in plain] == [d.text for d in docs]
    assert not any(c.slice == AGGREGATE for d in plain for c in d.candidates)


def test_an_aggregate_candidate_whose_answer_a_sentence_compares_is_not_asked():
    profile = load_profile("medium")
    docs = render_products(build_world(DEFAULT_SEED, profile), profile)
    candidate = next(c for d in docs for c in d.candidates if c.slice == AGGREGATE)
    word = asked_comparison(candidate.text)[0].word
    assert compared_nowhere(candidate, docs)
    said = Document("news", f"# News\n\nOur {word} model is the {candidate.answer}.\n", ())
    assert not compared_nowhere(candidate, [*docs, said])


@given(comparison=st.sampled_from(COMPARISONS), line=st.sampled_from(PRODUCT_ROOTS))
def test_a_comparison_is_read_back_from_its_wording(comparison, line):
    text = comparison.question.format(line=line)
    assert asked_comparison(text) == (comparison, line)
    assert re.search(rf"\b{comparison.word}\b", text)
    figures = [(f"{line} X1", 3.0), (f"{line} X2", 9.0), (f"{line} X3", 5.0)]
    assert picked(comparison, figures) == (f"{line} X1" if comparison.lowest else f"{line} X2")
    assert picked(comparison, [*figures, (f"{line} X4", 3.0 if comparison.lowest else 9.0)]) is None


def _not_asking(profile: Profile, slice_name: str) -> Profile:
    """`profile` with no question of `slice_name`."""
    return dataclasses.replace(
        profile,
        hidden={**profile.hidden, slice_name: 0},
        public={**profile.public, slice_name: 0},
    )
