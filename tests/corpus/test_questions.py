from corpus.text import tokens
from corpus.validate import IDENTIFIER_RE


def test_unanswerable_questions_name_something_no_document_has(medium):
    corpus = "\n".join(medium.docs.values())
    vocabulary = set(tokens(corpus))
    for q in medium.hidden + medium.public:
        if q.unanswerable:
            assert q.answer == "" and q.evidence == ()
            codes = [m.group(0) for m in IDENTIFIER_RE.finditer(q.text)]
            absent_code = any(code not in corpus for code in codes)
            assert absent_code or any(t not in vocabulary for t in tokens(q.text)), q.text


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
