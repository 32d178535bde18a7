"""The HTML report: self-contained, every section there, candidate text escaped, evidence in
context with the key and offsets without it."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from grader.answer_key import load_key
from grader.reports.html import CSP, render_html
from tests.grader.reports.helpers import HOSTILE, with_placement, without_placement

SECTIONS = (
    "summary",
    "diagnosis",
    "placement",
    "plots",
    "latency",
    "integrity",
    "attribution",
    "debrief",
)
SECTIONS += ("notes", "worst", "logs", "about")


def svgs(page: str) -> list[str]:
    return re.findall(r"<svg\b.*?</svg>", page, flags=re.DOTALL)


def test_the_page_is_self_contained_and_has_every_section(report):
    page = render_html(report)
    assert page.startswith("<!DOCTYPE html>")
    for section in SECTIONS:
        assert f'id="{section}"' in page, section
    assert CSP in page and "script-src" not in CSP  # default-src 'none' forbids scripts
    assert "<script" not in page.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page)  # no remote asset
    assert not re.search(r"<(link|iframe|object|embed|img)\b", page, flags=re.IGNORECASE)


def test_plots_are_well_formed_svg_with_one_series_per_run(report):
    plots = {ET.fromstring(s).get("data-plot"): s for s in svgs(render_html(report))}
    assert set(plots) == {"recall", "slices", "latency"}
    # recall@k: one line per run, one point per k
    recall = ET.fromstring(plots["recall"])
    assert len(recall.findall(".//{http://www.w3.org/2000/svg}polyline")) == 2
    assert len(recall.findall(".//{http://www.w3.org/2000/svg}circle")) == 2 * 4
    # per slice: a bar per slice and run (12 slices × 2), whiskers where there is an interval
    bars = ET.fromstring(plots["slices"]).findall(".//{http://www.w3.org/2000/svg}rect")
    titled = [b for b in bars if b.find("{http://www.w3.org/2000/svg}title") is not None]
    asked = {q["slice"] for q in report["questions"]}
    assert len(titled) == len(asked) * 2 and len(asked) == 12
    assert "unanswerable" in plots["slices"] and "boundary" in plots["slices"]
    n = len(report["questions"])
    assert f"search ({n} calls)" in plots["latency"] and f"answer ({n} calls)" in plots["latency"]


def test_without_a_baseline_the_plots_show_the_submission_only(report):
    report["baseline"] = None
    report["comparison"] = None
    page = render_html(report)
    recall = ET.fromstring(svgs(page)[0])
    assert len(recall.findall(".//{http://www.w3.org/2000/svg}polyline")) == 1
    assert "No baseline" in page


def test_candidate_text_is_escaped_everywhere(report, graded):
    page = render_html(report, docs=load_key(graded.key).corpus.docs)
    assert HOSTILE not in page
    assert "&lt;script&gt;document.title=" in page  # the answer, NOTES.md and the log tail
    assert "onerror=alert(1)&gt;" in page
    assert page.count("&lt;script&gt;") >= 3
    report["notes"] = "</pre><script>alert(2)</script>"
    report["integrity"] = [
        {
            "check": "x",
            "severity": "warning",
            "title": "<b>t</b>",
            "detail": "<i>d</i>",
            "evidence": ["rag/<svg onload=alert(3)>.py:1"],
        }
    ]
    report["key"]["candidate"] = "<h1>name</h1>"
    page = render_html(report)
    assert "<script" not in page and "<svg onload" not in page and "<h1>name" not in page


def test_the_answer_and_the_log_line_are_shown_as_text(report):
    page = render_html(report)
    assert "&lt;script&gt;document.title=&#x27;owned&#x27;&lt;/script&gt;" in page
    log = page[page.index('id="logs"') :]
    assert "&lt;script&gt;document.title=" in log  # the line the pipeline printed


def test_with_the_key_the_worst_questions_show_evidence_in_context(report, graded):
    docs = load_key(graded.key).corpus.docs
    page = render_html(report, docs=docs)
    worst = page[page.index('id="worst"') : page.index('id="logs"')]
    assert worst.count('class="q"') == 12
    assert '<span class="exp' in worst  # the expected evidence, marked
    assert '<span class="ret' in worst or '<span class="exp ret' in worst
    assert 'class="ctx"' in worst
    question = next(q for q in report["questions"] if q["evidence"] and q["coverage_rank"] != 1)
    span = question["evidence"][0]
    evidence_text = docs[span["doc_id"]][span["start"] : span["end"]]
    assert evidence_text[:40] in render_html(report, docs=docs, worst=204) or "&" in evidence_text


def test_without_the_key_the_worst_questions_show_offsets(report):
    page = render_html(report)
    worst = page[page.index('id="worst"') : page.index('id="logs"')]
    assert "Offsets only" in worst and 'class="ctx"' not in worst
    assert re.search(r"expected evidence: [\w-]+\[\d+:\d+\]", worst)


def test_a_failed_submission_still_renders(report):
    report["fatal"] = {"stage": "import", "reason": "RuntimeError: <boom>"}
    for question in report["questions"]:
        question["status"] = "not_run"
        question["search"] = {"status": "not_run", "passages": [], "elapsed_ms": None}
        question["answer"] = {"status": "not_run", "text": None, "citations": []}
    page = render_html(report)
    assert "failed at import" in page and "RuntimeError: &lt;boom&gt;" in page
    assert "no timed calls" in page


def test_attribution_is_a_table_when_it_ran(report):
    report["attribution"] = {
        "note": "",
        "components": [
            {
                "component": "chunking",
                "status": "measured",
                "reason": "",
                "swapped": {"recall@5": 0.1},
                "contribution": {"recall@5": 0.2},
                "slices": {"boundary": 0.9},
            },
            {"component": "reranking", "status": "unchanged", "reason": "as shipped"},
        ],
    }
    section = render_html(report).split('id="attribution"')[1].split("<h2")[0]
    assert "<table>" in section and "+0.20" in section and "+0.90" in section
    assert "as shipped" in section


def test_the_summary_shows_the_public_figures_beside_the_hidden_ones(report):
    page = render_html(report)
    summary = page.split('id="summary"', 1)[1].split("</table>", 1)[0]
    public = report["public"]["overall"]["metrics"]
    assert f"public (n = {public['n']})" in summary
    row = summary.split("<td>recall@5</td>", 1)[1].split("</tr>", 1)[0]
    assert f'<td class="num">{public["recall@5"]:.2f}</td>' in row
    no_public = {**report, "public": None}
    assert "public (n =" not in render_html(no_public)


def test_no_sentence_claims_a_baseline_that_did_not_run(report):
    assert "The baseline ran in the same session" in render_html(report)
    report["baseline"] = None
    report["comparison"] = None
    report["baseline_note"] = "skipped (--no-baseline)"
    report["public"] = None
    page = render_html(report)
    assert "The baseline ran" not in page and "baseline ran in" not in page
    assert "No baseline ran (skipped (--no-baseline))" in page
    assert "The public column" not in page  # nor a column that is not there


def test_each_slice_is_plotted_by_the_metric_its_area_is_judged_by(report):
    judged = {}
    for row in report["diagnosis"]["rows"]:  # the diagnosis says which metric judges a slice
        if row["slice"] in report["slices"]:
            judged.setdefault(row["slice"], row["metric"])
    assert judged["distractor"] == "recall@1"  # reranking reorders what was found
    plot = next(s for s in svgs(render_html(report)) if 'data-plot="slices"' in s)
    for name, metric in judged.items():
        value = report["slices"][name]["metrics"][metric]
        assert f"<title>submission · {name}\n{metric}: {value:.2f}</title>" in plot


def test_attribution_shows_how_the_contributions_add_up(report):
    report["attribution"] = {
        "note": "",
        "components": [
            {"component": "chunking", "status": "measured", "contribution": {"recall@5": 0.91}},
            {"component": "reranking", "status": "measured", "contribution": {"recall@5": 0.91}},
            {
                "component": "embedding",
                "status": "not attributable",
                "reason": "with the starter's embedding, recall@5 falls to 0.00",
            },
        ],
        "sum_measured": {"recall@5": 1.82},
        "whole_lift": {"recall@5": 0.68},
    }
    section = render_html(report).split('id="attribution"')[1].split("<h2")[0]
    assert "sum of the measured contributions" in section and "+1.82" in section
    assert "whole lift over the starter" in section and "+0.68" in section
    assert "add up to more than the whole lift" in section
    assert "not attributable" in section and "falls to 0.00" in section


def test_the_placement_table_shows_each_calibrated_slice(report):
    assert "No placement: the calibration medium.json" in render_html(without_placement(report))
    page = render_html(with_placement(report))
    start = page.index('id="placement"')
    section = page[start : page.index("<h2", start)]
    assert section.count("<tr>") == 3 and "paraphrase" in section and "identifier" in section
    assert "0.37" in section and "0.72" in section and "not a significance test" in section


def test_with_a_cached_baseline_index_the_build_row_shows_the_run_its_ratio_divides_by(report):
    report["comparison"]["baseline_build"] = {
        "build_s": 22.4,
        "peak_rss_mib": 850.0,
        "cache": "index restored from the cache",
    }
    page = render_html(report)
    row = re.search(r"<tr><td>build</td>.*?</tr>", page).group(0)
    assert "22.4" in row and "(cached run)" in row
    row = re.search(r"<tr><td>peak RSS</td>.*?</tr>", page).group(0)
    assert "850" in row and "(cached run)" in row
    del report["comparison"]["baseline_build"]
    assert "(cached run)" not in render_html(report)
