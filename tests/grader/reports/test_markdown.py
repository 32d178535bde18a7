"""The Markdown summary: the numbers, the diagnosis, findings and debrief questions, with
candidate text unable to break a table or inject markup."""

from __future__ import annotations

import re

from grader.reports.markdown import SUMMARY_METRICS, md, render_markdown
from tests.grader.reports.helpers import set_area, with_placement, without_placement


def cells(line: str) -> int:
    return len(re.findall(r"(?<!\\)\|", line))


def test_the_summary_has_every_part(report):
    set_area(report, "reranking", "unchanged")
    text = render_markdown(report)
    chunking = report["diagnosis"]["areas"]["chunking"]
    assert text.startswith("## Grade: Ada Qxzvlace-Byron")
    for part in (
        "| recall@5 |",
        "### Diagnosis",
        f"Areas: chunking **{chunking}**",
        "**Latency:**",
    ):
        assert part in text
    assert "**Integrity:** 1 warning" in text  # graded unisolated
    assert "### Debrief questions" in text and "_NOTES.md check:" in text
    assert "NOTES.md claims work on reranking" in text
    diagnosis = [line for line in text.splitlines() if line.startswith("| Chunking |")]
    assert len(diagnosis) == 3


def test_tables_keep_their_shape(report):
    for block in re.findall(r"(?:^\|.*\n)+", render_markdown(report), flags=re.MULTILINE):
        widths = {cells(line) for line in block.splitlines()}
        assert len(widths) == 1, block


def test_candidate_text_is_neutralised(report):
    report["key"]["candidate"] = "x | <img src=x onerror=alert(1)> [link](http://e.org)"
    text = render_markdown(report)
    assert not re.search(r"(?<!\\)<", text)  # every < is escaped: no HTML
    assert not re.search(r"(?<!\\)\]\(", text)  # no link
    assert md("a|b`c`<d>") == r"a\|b\`c\`\<d\>"
    assert md("line\nbreak") == "line break"


def test_the_summary_has_a_public_column_when_the_public_set_ran(report):
    lines = render_markdown(report).splitlines()
    header = next(line for line in lines if line.startswith("| metric |"))
    assert header.endswith("| public |")
    recall = next(line for line in lines if line.startswith("| recall@5 |"))
    assert recall.endswith(f"| {report['public']['overall']['metrics']['recall@5']:.2f} |")
    no_public = render_markdown({**report, "public": None}).splitlines()
    assert not next(line for line in no_public if line.startswith("| metric |")).endswith(
        "public |"
    )


def test_every_headline_figure_says_what_it_counts(report):
    lines = render_markdown(report).splitlines()
    support = report["overall"]["support"]
    for key in SUMMARY_METRICS:
        row = next(line for line in lines if line.startswith(f"| {key} |"))
        assert str(support[key]) in row.split("|")[2], row  # the "counts" cell
    # LEXICAL never abstains on these questions (like the starter): abstention_accuracy is then
    # the share of answerable questions, so its halves show what it is made of
    questions = report["questions"]
    unanswerable = [q for q in questions if q["unanswerable"]]
    answerable = [q for q in questions if not q["unanswerable"]]
    abstained = sum(q["scores"]["abstention_accuracy"] for q in unanswerable) / len(unanswerable)
    answered = sum(q["scores"]["abstention_accuracy"] for q in answerable) / len(answerable)
    assert abstained == 0.0 and report["overall"]["metrics"]["abstention_accuracy"] > 0.8
    first = next(line for line in lines if line.startswith("| ↳ abstained when unanswerable |"))
    second = next(line for line in lines if line.startswith("| ↳ false abstention |"))
    assert f"| {len(unanswerable)} unanswerable: share abstained |" in first
    assert f"| {abstained:.2f} |" in first
    assert f"{len(answerable)} answerable: share abstained" in second
    assert f"| {1 - answered:.2f} |" in second and "lower is better" in second


def test_the_placement_says_why_it_is_missing_or_places_each_calibrated_slice(report):
    # the shipped medium calibration has a sound row: the grade places the submission
    assert report["diagnosis"]["placement"]["rows"]
    assert "at the reference" in render_markdown(report) or "textbook fix |" in render_markdown(
        report
    )
    # without such a calibration: no placement, and why
    text = render_markdown(without_placement(report))
    assert "### Beyond the textbook fix" in text
    assert "No placement: the calibration medium.json" in text
    text = render_markdown(with_placement(report))
    rows = [
        line for line in text.splitlines() if line.startswith(("| paraphrase |", "| identifier |"))
    ]
    assert len(rows) == 2 and "| 0.37 | 0.72 |" in rows[0]
    assert any(place in rows[0] for place in ("textbook fix", "reference"))
    assert "means over the 5 seed(s)" in text
    for block in re.findall(r"(?:^\|.*\n)+", text, flags=re.MULTILINE):
        assert len({cells(line) for line in block.splitlines()}) == 1, block
