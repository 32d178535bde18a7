import datetime
import json
import re
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from corpus.failure_modes import (
    AGGREGATE,
    DISTRACTOR,
    HEADING,
    MULTIHOP,
    REFORMULATION,
    TEMPORAL,
    UNSTATED,
)
from corpus.genres.comparisons import asked_comparison, models_named
from corpus.genres.glossary import DOC_ID as GLOSSARY
from corpus.genres.glossary import entries, uses
from corpus.genres.policies import (
    CURRENT_FORMS,
    SUPERSEDED_FORMS,
    Period,
    history_id,
    periods_in,
    question_date,
    title,
    write_date,
)
from corpus.genres.sections import asked_fact
from corpus.text import overlap
from corpus.validate import (
    PARAPHRASE_MAX_OVERLAP,
    VerifyError,
    _aggregate,
    _corpus,
    _distractor,
    _multihop,
    _reformulation,
    _temporal,
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
def new_slices_corpus(medium):
    return _corpus(medium.docs, None)


def _lines(variant, slice_name):
    return [
        q.to_json(with_slice=True) for q in variant.hidden + variant.public if q.slice == slice_name
    ]


def test_a_variant_asking_the_new_slices_verifies(medium_dir):
    assert verify(medium_dir) == []


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_unstated_property_holds_and_fails_where_it_should(data, medium, new_slices_corpus):
    unstated = _lines(medium, UNSTATED)
    assert unstated and all(q["unanswerable"] and not q["evidence"] for q in unstated)
    q = data.draw(st.sampled_from(unstated))
    assert _unstated(q, new_slices_corpus) == []
    # a stated fact asked as unstated: the entity's own section states it
    heading = data.draw(st.sampled_from(_lines(medium, HEADING)))
    assert any("states the asked fact" in p for p in _unstated(heading, new_slices_corpus))
    # an entity the corpus does not have: that is the other kind of unanswerable question
    asked = asked_fact(q["text"])
    absent = {**q, "text": q["text"].replace(asked.name, "Nowhereville")}
    assert any("no section is headed" in p for p in _unstated(absent, new_slices_corpus))


@settings(max_examples=50, deadline=None)
@given(
    start=st.dates(datetime.date(1990, 1, 1), datetime.date(2090, 1, 1)),
    days=st.integers(0, 2000),
    current=st.booleans(),
    form=st.integers(0, 2),
    name=st.sampled_from(["Travel Policy", "Gifts and Hospitality Policy"]),
    version=st.integers(1, 99),
)
def test_a_version_history_line_reads_back_as_the_period_it_states(
    start, days, current, form, name, version
):
    period = Period(start, None if current else start + datetime.timedelta(days=days))
    forms = CURRENT_FORMS if current else SUPERSEDED_FORMS
    line = forms[form].format(
        version=f"{name} v{version}",
        start=write_date(period.start),
        end=write_date(period.end) if period.end else "",
    )
    history = f"# {name}: version history\n\nSome words.\n\n- {line}\n"
    assert periods_in(history) == {f"{name} v{version}": period}
    assert question_date(f"On {write_date(start)}, what does it say?") == start


def _history(corpus, q):
    return periods_in(corpus.docs[history_id(q["evidence"][0]["doc_id"])])


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_multihop_property_holds_and_fails_where_it_should(data, medium, new_slices_corpus):
    multihop = _lines(medium, MULTIHOP)
    assert multihop and all(len(q["evidence"]) == 2 for q in multihop)
    q = data.draw(st.sampled_from(multihop))
    assert _multihop(q, new_slices_corpus) == []
    first, second = q["evidence"]
    docs = new_slices_corpus.docs
    # the team the runbook's first sentence names ("owned by the Falcon team")
    bridge = _owner(docs, q)
    # the question names the team: nothing is left to a second search
    named = {**q, "text": q["text"].replace("the service that raises", f"the {bridge} service")}
    assert any(
        "question names the joining entity" in p for p in _multihop(named, new_slices_corpus)
    )
    # both spans in one document
    same = {**q, "evidence": [first, {**first, "start": first["start"]}]}
    assert any("one document" in p for p in _multihop(same, new_slices_corpus))
    # the answer of another question, whose span is not this one's
    other = data.draw(st.sampled_from([o for o in multihop if o["answer"] != q["answer"]]))
    wrong = {**q, "answer": other["answer"]}
    assert any("not in the second span" in p for p in _multihop(wrong, new_slices_corpus))
    # a second span in a section of another team: the first span does not name that team
    others = [o for o in multihop if _owner(docs, o) != bridge]
    if others:
        moved = data.draw(st.sampled_from(others))
        moved = {**q, "evidence": [first, moved["evidence"][1]], "answer": moved["answer"]}
        assert any("does not name the entity" in p for p in _multihop(moved, new_slices_corpus))


def _owner(docs, q):
    """The team a multihop question's runbook names in its first sentence."""
    return re.search(r"owned by the (.+?) team", docs[q["evidence"][0]["doc_id"]]).group(1)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_aggregate_property_holds_and_fails_where_it_should(data, medium, new_slices_corpus):
    aggregate = _lines(medium, AGGREGATE)
    assert aggregate and all(not q["unanswerable"] and len(q["evidence"]) > 1 for q in aggregate)
    q = data.draw(st.sampled_from(aggregate))
    assert _aggregate(q, new_slices_corpus) == []
    texts = [medium.docs[e["doc_id"]][e["start"] : e["end"]] for e in q["evidence"]]
    assert sum(q["answer"] in t for t in texts) == 1  # one statement names the answer
    # another model of the line as the answer: the evidence's figures pick a different one
    others = [t for t in texts if q["answer"] not in t]
    [other] = models_named(data.draw(st.sampled_from(others)), asked_comparison(q["text"])[1])
    wrong = {**q, "answer": other}
    assert any("pick" in p for p in _aggregate(wrong, new_slices_corpus))
    # a sibling's statement left out: the comparison is not over every model
    left = data.draw(st.integers(0, len(q["evidence"]) - 1))
    short = {**q, "evidence": q["evidence"][:left] + q["evidence"][left + 1 :]}
    assert any(
        "leaves out" in p or "two or more" in p for p in _aggregate(short, new_slices_corpus)
    )
    # a sentence saying the answer with the comparison word: no comparison is needed
    word = asked_comparison(q["text"])[0].word
    docs = {e["doc_id"]: medium.docs[e["doc_id"]] for e in q["evidence"]}
    docs["news"] = f"# News\n\nThe {q['answer']} is the {word} of its line.\n"
    assert any("a sentence says" in p for p in _aggregate(q, _corpus(docs, None)))


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_temporal_property_holds_and_fails_where_it_should(data, medium, new_slices_corpus):
    temporal = _lines(medium, TEMPORAL)
    q = data.draw(st.sampled_from(temporal))
    corpus = new_slices_corpus
    assert _temporal(q, corpus) == []
    doc_id = q["evidence"][0]["doc_id"]
    day = question_date(q["text"])
    own = title(corpus.docs[doc_id])
    # a question that names the version (as distractor questions do) is not a temporal one
    version = own.rsplit(" v", 1)[1]
    for named in (f"{q['text'][:-1]} in {own}?", f"{q['text'][:-1]} in version {version}?"):
        assert "temporal: the question names a version" in _temporal({**q, "text": named}, corpus)
    undated = {**q, "text": q["text"].replace(write_date(day), "the day in question")}
    assert _temporal(undated, corpus) == ["temporal: the question gives no date"]
    # a day on which another version was in force
    periods = _history(corpus, q)
    other = data.draw(st.sampled_from(sorted(v for v in periods if v != own)))
    moved = {**q, "text": q["text"].replace(write_date(day), write_date(periods[other].start))}
    problems = _temporal(moved, corpus)
    assert f"temporal: {doc_id} was not in force on {periods[other].start.isoformat()}" in problems
    assert any(p.endswith("too") for p in problems)
    # another version whose clause states this version's value: two versions would answer
    other_id = next(d for d in corpus.docs if title(corpus.docs[d]) == other)
    evidence = corpus.docs[doc_id][q["evidence"][0]["start"] : q["evidence"][0]["end"]]
    sibling = next(o for i, o in corpus.sentences_by_signature[mask(evidence)] if i == other_id)
    same = dict(corpus.docs)
    same[other_id] = same[other_id].replace(sibling, evidence.replace(own, other))
    assert f"temporal: {other_id} does not state the clause with another value" in _temporal(
        q, _corpus(same, None)
    )
    # no version history: nothing says when the version was in force
    gone = {d: t for d, t in corpus.docs.items() if d != history_id(doc_id)}
    assert f"temporal: no version history states when {doc_id} was in force" in _temporal(
        q, _corpus(gone, None)
    )


def test_temporal_questions_ask_older_versions_too(medium):
    # the version in force on the asked day is not always the newest: a pipeline that prefers
    # the newest version must miss some
    corpus = _corpus(medium.docs, None)
    superseded = [
        q
        for q in _lines(medium, TEMPORAL)
        if _history(corpus, q)[title(corpus.docs[q["evidence"][0]["doc_id"]])].end is not None
    ]
    assert 0.3 <= len(superseded) / len(_lines(medium, TEMPORAL)) <= 0.9


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_reformulation_property_holds_and_fails_where_it_should(data, medium):
    lines = _lines(medium, REFORMULATION)
    assert lines and not any(q["unanswerable"] for q in lines)
    q = data.draw(st.sampled_from(lines))
    corpus = _corpus(medium.docs, None)
    assert _reformulation(q, corpus) == []
    defined = entries(medium.docs[GLOSSARY])
    (entry,) = [e for e in defined if uses(q["text"], e.term)]
    sheet = q["evidence"][0]["doc_id"]
    # the question in the evidence's own words: no term of the glossary left
    printed = {**q, "text": q["text"].replace(entry.term, entry.name)}
    assert any("uses no term" in p for p in _reformulation(printed, corpus))
    # a product question asked as written (the near-duplicate slice's) is no reformulation
    distractor = data.draw(st.sampled_from(_lines(medium, DISTRACTOR)))
    assert any("uses no term" in p for p in _reformulation(distractor, corpus))
    # the evidence's document uses the term itself: the question's words are the corpus's
    docs = {**medium.docs, sheet: medium.docs[sheet] + f"\nAlso called {entry.term}.\n"}
    assert any(
        "occurs in the evidence document" in p for p in _reformulation(q, _corpus(docs, None))
    )
    # the glossary maps the term to another product than the evidence names
    other = data.draw(st.sampled_from([e.name for e in defined if e.name != entry.name]))
    glossary = medium.docs[GLOSSARY].replace(f"the {entry.name}", f"the {other}")
    docs = {**medium.docs, GLOSSARY: glossary}
    assert any("does not name" in p for p in _reformulation(q, _corpus(docs, None)))
