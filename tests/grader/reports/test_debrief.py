"""The debrief guide: questions chosen by the verdicts, NOTES.md claims checked against them."""

from __future__ import annotations

from corpus.failure_modes import ANSWERABLE, AREAS, slice_record
from grader.reports.debrief import debrief, find_claims
from tests.grader.reports.helpers import set_area


def by_area(guide):
    return {item.area: item for item in guide.areas}


def test_claims_skip_comments_future_sections_and_hedged_sentences():
    notes = """# Notes
<!-- I fixed the citations -->
## What I changed
- Switched to BM25 for identifiers.
- I tried a reranker. I did not get to abstention.
## What I would do next
- Better chunking.
"""
    claims = find_claims(notes)
    assert set(claims) == {"lexical"}
    assert claims["lexical"].keyword == "bm25"
    assert claims["lexical"].sentence == "Switched to BM25 for identifiers."


def test_only_the_change_sections_claim_when_there_are_any():
    found_then_changed = "## What I found\nChunking broke tables.\n## What I changed\n- BM25.\n"
    assert set(find_claims(found_then_changed)) == {"lexical"}
    no_headings = "Chunks now follow sentences. Citations point at one sentence."
    assert set(find_claims(no_headings)) == {"chunking", "citations"}


def test_every_area_gets_two_or_three_questions(report):
    guide = debrief(report)
    # every area the variant asks; an area none of whose slices it asks has no verdict and no
    # questions (the medium variant asks every slice but those no shipped profile asks yet)
    asked = [a.name for a in AREAS if a.name in report["diagnosis"]["areas"]]
    unasked = [
        a.name
        for a in AREAS
        if all(s != ANSWERABLE and slice_record(s).hidden == 0 for s in a.slices)
    ]
    assert asked == [a.name for a in AREAS if a.name not in unasked]
    assert [item.area for item in guide.areas] == asked
    assert all(2 <= len(item.questions) <= 3 for item in guide.areas)


def test_questions_follow_the_verdicts(report):
    set_area(report, "embeddings", "unchanged", baseline=0.0, submission=0.0)
    set_area(report, "abstention", "worse", baseline=1.0, submission=0.0)
    set_area(report, "chunking", "improved", baseline=0.0, submission=0.5)
    set_area(report, "citations", "fixed", baseline=0.2, submission=0.9)
    areas = by_area(debrief(report))
    assert "shares few words" in areas["embeddings"].questions[0]
    assert areas["abstention"].questions[0].startswith("unanswerable abstention_accuracy fell")
    assert "chunk boundaries" in areas["chunking"].questions[0]
    assert "is still 0.50" in areas["chunking"].questions[-1]  # improved, not yet fixed
    assert "wrong sentence" in areas["citations"].questions[-1]  # fixed: the cost question


def test_a_claim_the_numbers_do_not_show_is_pointed_out(report):
    set_area(report, "reranking", "unchanged")
    set_area(report, "chunking", "improved")
    set_area(report, "lexical", "improved")
    set_area(report, "abstention", "worse")
    areas = by_area(debrief(report))
    assert areas["reranking"].claim.keyword == "rerank"  # "Added a reranker that re-scores …"
    assert "do not show it" in areas["reranking"].remark
    assert areas["chunking"].claim is not None and areas["chunking"].remark is None
    assert areas["abstention"].claim is None  # "I did not get to abstention" is hedged
    assert areas["lexical"].claim is None  # BM25 is only in "What I would do next"
    assert "does not mention" in areas["lexical"].remark


def test_without_notes_there_are_no_remarks(report):
    report["notes"] = None
    guide = debrief(report)
    assert not guide.has_notes
    assert all(item.remark is None and item.claim is None for item in guide.areas)


def test_without_a_baseline_the_level_decides(report):
    report["baseline"] = None
    report["comparison"] = None
    report["diagnosis"]["areas"] = {a.name: None for a in AREAS}
    for row in report["diagnosis"]["rows"]:
        row.update(baseline=None, delta=None, ci95=None, verdict=None)
    for row in report["diagnosis"]["rows"]:
        row["submission"] = 0.9 if row["area"] == "chunking" else 0.1
    areas = by_area(debrief(report))
    assert areas["chunking"].addressed is True and areas["chunking"].remark is None
    assert areas["embeddings"].addressed is False
    assert "do not show it" in areas["reranking"].remark  # claimed, below 0.8
    assert "no baseline" in areas["reranking"].remark


def test_a_latency_regression_and_failures_become_questions(report):
    assert not any(q.startswith("Latency") for q in debrief(report).other)  # ~20 ms p95
    report["latency"]["ops"]["search"]["p95_ms"] = 900.0
    report["comparison"]["latency_ratio"]["search_p95"] = 4.5
    report["statuses"]["timeout"] = 3
    report["integrity"].append(
        {"check": "hard_coded", "severity": "warning", "title": "t", "detail": "d", "evidence": []}
    )
    other = debrief(report).other
    assert any(q.startswith("Latency: search p95 is 900 ms, ×4.5") for q in other)
    assert any("3 timeout" in q for q in other)
    assert "Integrity (warning): t. d" in other


def test_each_figure_in_a_question_is_named_by_what_tells_it_apart(report):
    set_area(report, "citations", "unchanged", baseline=0.1, submission=0.15)
    set_area(report, "chunking", "unchanged", baseline=0.0, submission=0.1)
    areas = by_area(debrief(report))
    citations = areas["citations"].questions[0]  # one slice (answerable), two metrics
    assert "answerable 0.15, answerable" not in citations
    assert "Citation quality is citation precision 0.15, supported rate 0.15:" in citations
    chunking = areas["chunking"].questions[0]  # one metric, three slices
    assert "Recall@5 stayed at boundary 0.10, heading 0.10, table 0.10:" in chunking
