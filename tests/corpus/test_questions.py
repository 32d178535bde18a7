import re

from corpus.document import within_reach
from corpus.text import tokens
from corpus.validate import IDENTIFIER_RE
from corpus.world import as_printed

TYPED_MODEL = re.compile(r"\b[A-Z][a-z]+ [A-Z]-\d\b")  # "Aster X-2"


def test_unanswerable_questions_name_something_no_document_has(medium):
    corpus = "\n".join(medium.docs.values())
    vocabulary = set(tokens(corpus))
    for q in medium.hidden + medium.public:
        if q.unanswerable:
            assert q.answer == "" and q.evidence == ()
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
