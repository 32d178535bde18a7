import json
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.failure_modes import DISTRACTOR, HEADING, REFORMULATION, UNSTATED
from corpus.genres.glossary import DOC_ID as GLOSSARY
from corpus.genres.glossary import entries, uses
from corpus.genres.sections import asked_fact
from corpus.text import overlap
from corpus.validate import (
    PARAPHRASE_MAX_OVERLAP,
    VerifyError,
    _corpus,
    _distractor,
    _reformulation,
    _unstated,
    mask,
    verify,
)


@pytest.fixture
def copy(medium_dir, tmp_path):
    target = tmp_path / "copy"
    shutil.copytree(medium_dir, target)
    return target


def _rewrite_public(folder, change):
    path = folder / "variant" / "questions" / "public.jsonl"
    lines = [json.loads(line) for line in path.read_text().splitlines()]
    change(lines)
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    return lines


def test_flipped_byte_in_a_document_is_reported(copy):
    doc = sorted((copy / "variant" / "docs").glob("*.md"))[3]
    data = bytearray(doc.read_bytes())
    data[10] ^= 0x01
    doc.write_bytes(bytes(data))
    problems = verify(copy)
    assert f"variant/docs/{doc.name}: sha256 differs from the manifest (file changed)" in problems


def test_span_out_of_range_is_reported(copy):
    def stretch(lines):
        first = next(q for q in lines if q["evidence"])
        first["evidence"][0]["end"] = 10**7

    lines = _rewrite_public(copy, stretch)
    target = next(q for q in lines if q["evidence"])
    problems = verify(copy)
    expected = f"variant/questions/public.jsonl line {lines.index(target) + 1} ({target['id']})"
    assert any(p.startswith(expected) and "out of range" in p for p in problems), problems


def test_answer_not_in_evidence_is_reported(copy):
    def change(lines):
        next(q for q in lines if q["evidence"])["answer"] = "forty-two bananas"

    _rewrite_public(copy, change)
    assert any(
        "answer 'forty-two bananas' is not inside its evidence text" in p for p in verify(copy)
    )


def test_duplicate_ids_and_public_slice_are_reported(copy):
    def change(lines):
        lines[1]["id"] = lines[0]["id"]
        lines[2]["slice"] = "table"

    _rewrite_public(copy, change)
    problems = verify(copy)
    assert any("is used twice" in p for p in problems)
    assert any("public questions must not carry a 'slice'" in p for p in problems)


def test_slice_property_violation_is_reported(copy):
    # Point a hidden paraphrase question at a sentence that repeats the question's words.
    path = copy / "key" / "questions" / "hidden.jsonl"
    lines = [json.loads(line) for line in path.read_text().splitlines()]

    def evidence(q):
        e = q["evidence"][0]
        return (copy / "variant" / "docs" / f"{e['doc_id']}.md").read_text()[e["start"] : e["end"]]

    q = next(
        q
        for q in lines
        if q["slice"] == "identifier" and overlap(q["text"], evidence(q)) > PARAPHRASE_MAX_OVERLAP
    )
    q["slice"] = "paraphrase"
    path.write_text("".join(json.dumps(line) + "\n" for line in lines))
    problems = verify(copy)
    assert any(f"({q['id']}): paraphrase: content-word overlap" in p for p in problems)
    assert any("hidden.jsonl: sha256 differs from key.json" in p for p in problems)


def test_not_a_variant(tmp_path):
    with pytest.raises(VerifyError, match="is not a variant"):
        verify(tmp_path)


def test_mask_hides_values_and_qualifiers():
    assert mask("The Aster X2 draws 14 W.") == mask("The Aster X1 draws 11 W.")


def test_a_key_folder_verifies_on_its_own(medium_dir):
    assert verify(medium_dir / "key") == []


def test_a_sibling_whose_value_merely_contains_the_answer_still_counts():
    # "39 W" does not answer "9 W" (answers are judged on token boundaries), so the T4 sheet is a
    # true distractor for a question about the T5.
    docs = {
        "t5": "Under full load the Kavrel T5 consumes 9 W.",
        "t4": "Under full load the Kavrel T4 consumes 39 W.",
    }
    corpus = _corpus(docs, None)
    question = {"answer": "9 W", "evidence": [{"doc_id": "t5", "start": 0, "end": 43}]}
    assert _distractor(question, corpus) == []
    docs["t4"] = "Under full load the Kavrel T4 consumes 9 W."  # the same value: no distractor
    assert _distractor(question, _corpus(docs, None)) != []


@pytest.fixture(scope="module")
def new_slices_corpus(new_slices):
    return _corpus(new_slices.docs, None)


def _lines(variant, slice_name):
    return [
        q.to_json(with_slice=True) for q in variant.hidden + variant.public if q.slice == slice_name
    ]


def test_a_variant_asking_the_new_slices_verifies(new_slices_dir):
    assert verify(new_slices_dir) == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_unstated_property_holds_and_fails_where_it_should(data, new_slices, new_slices_corpus):
    unstated = _lines(new_slices, UNSTATED)
    assert unstated and all(q["unanswerable"] and not q["evidence"] for q in unstated)
    q = data.draw(st.sampled_from(unstated))
    assert _unstated(q, new_slices_corpus) == []
    # a stated fact asked as unstated: the entity's own section states it
    heading = data.draw(st.sampled_from(_lines(new_slices, HEADING)))
    assert any("states the asked fact" in p for p in _unstated(heading, new_slices_corpus))
    # an entity the corpus does not have: that is the other kind of unanswerable question
    asked = asked_fact(q["text"])
    absent = {**q, "text": q["text"].replace(asked.name, "Nowhereville")}
    assert any("no section is headed" in p for p in _unstated(absent, new_slices_corpus))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_reformulation_property_holds_and_fails_where_it_should(data, new_slices):
    lines = _lines(new_slices, REFORMULATION)
    assert lines and not any(q["unanswerable"] for q in lines)
    q = data.draw(st.sampled_from(lines))
    corpus = _corpus(new_slices.docs, None)
    assert _reformulation(q, corpus) == []
    defined = entries(new_slices.docs[GLOSSARY])
    (entry,) = [e for e in defined if uses(q["text"], e.term)]
    sheet = q["evidence"][0]["doc_id"]
    # the question in the evidence's own words: no term of the glossary left
    printed = {**q, "text": q["text"].replace(entry.term, entry.name)}
    assert any("uses no term" in p for p in _reformulation(printed, corpus))
    # a product question asked as written (the near-duplicate slice's) is no reformulation
    distractor = data.draw(st.sampled_from(_lines(new_slices, DISTRACTOR)))
    assert any("uses no term" in p for p in _reformulation(distractor, corpus))
    # the evidence's document uses the term itself: the question's words are the corpus's
    docs = {**new_slices.docs, sheet: new_slices.docs[sheet] + f"\nAlso called {entry.term}.\n"}
    assert any(
        "occurs in the evidence document" in p for p in _reformulation(q, _corpus(docs, None))
    )
    # the glossary maps the term to another product than the evidence names
    other = data.draw(st.sampled_from([e.name for e in defined if e.name != entry.name]))
    glossary = new_slices.docs[GLOSSARY].replace(f"the {entry.name}", f"the {other}")
    docs = {**new_slices.docs, GLOSSARY: glossary}
    assert any("does not name" in p for p in _reformulation(q, _corpus(docs, None)))
