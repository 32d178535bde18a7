"""Evidence in context: the window around the evidence, cut where expected, returned and cited
spans start and end; passages count up to the judge's cap."""

from __future__ import annotations

from grader.reports.context import evidence_excerpts, passage_snippet

DOC = "0123456789" * 10  # 100 characters; text[i] names its offset mod 10


def question(passages, citations=()):
    return {
        "evidence": [{"doc_id": "d", "start": 40, "end": 50}],
        "search": {"passages": [{"doc_id": doc, "start": s, "end": e} for doc, s, e in passages]},
        "answer": {"citations": [{"doc_id": "d", "start": s, "end": e} for s, e in citations]},
    }


def test_segments_mark_expected_returned_and_cited_text():
    (excerpt,) = evidence_excerpts(
        question([("d", 45, 60), ("other", 0, 10)], citations=[(48, 49)]),
        {"d": DOC, "other": DOC},
        passage_cap=1500,
        margin=5,
    )
    assert (excerpt.doc_id, excerpt.start, excerpt.end) == ("d", 35, 55)
    assert "".join(s.text for s in excerpt.segments) == DOC[35:55]
    marks = [(s.text, s.expected, s.returned, s.cited) for s in excerpt.segments]
    assert marks == [
        ("56789", False, False, False),
        ("01234", True, False, False),
        ("567", True, True, False),
        ("8", True, True, True),
        ("9", True, True, False),
        ("01234", False, True, False),
    ]


def test_a_passage_counts_only_up_to_the_cap():
    (excerpt,) = evidence_excerpts(question([("d", 30, 90)]), {"d": DOC}, passage_cap=15, margin=5)
    returned = "".join(s.text for s in excerpt.segments if s.returned)
    assert returned == DOC[35:45]  # the passage as judged ends at 30 + 15


def test_documents_the_key_lacks_are_skipped():
    assert evidence_excerpts(question([]), {}, passage_cap=1500) == []
    assert passage_snippet({"doc_id": "x", "start": 0, "end": 5}, {}, 1500) is None
    assert passage_snippet({"doc_id": "d", "start": 10, "end": 90}, {"d": DOC}, 5) == "01234"
