"""Cohort statistics on synthetic cohorts with known difficulty and discrimination, the per-slice
distributions, the leaderboard, reading reports from files and folders, and the writers."""

from __future__ import annotations

import csv
import io
import json
import math

import numpy as np
import pytest

from grader.cohort.loading import load_reports
from grader.cohort.report import cohort_html, questions_csv_text, write_cohort
from grader.cohort.stats import (
    ALWAYS,
    BY_ITEM,
    BY_QUESTION,
    NEGATIVE,
    NEVER,
    CohortError,
    Entry,
    MixedVariantsError,
    compute_cohort,
    point_biserial,
    quantile,
)
from tests.grader.cohort.reports import (
    SUBMISSIONS,
    report,
    round_reports,
    row,
    synthetic_passes,
    synthetic_reports,
    write_reports,
)


def entries(reports: dict) -> list[Entry]:
    return [Entry(name, f"<{name}>", data) for name, data in reports.items()]


def by_id(cohort) -> dict:
    return {q.id: q for q in cohort.questions}


def hand_point_biserial(passes: list[bool], scores: list[float]) -> float:
    """r = (M1 − M0) / s · √(p·q): M1, M0 mean scores of passers and failers, s the population
    standard deviation of all scores, p the share of passers, q = 1 − p."""
    n = len(scores)
    passers = [y for x, y in zip(passes, scores, strict=True) if x]
    failers = [y for x, y in zip(passes, scores, strict=True) if not x]
    mean = sum(scores) / n
    s = math.sqrt(sum((y - mean) ** 2 for y in scores) / n)
    p = len(passers) / n
    return (sum(passers) / len(passers) - sum(failers) / len(failers)) / s * math.sqrt(p * (1 - p))


# --- a tiny cohort, every number by hand -------------------------------------------------------

#        x  y  z   total
#   A    1  1  1   3
#   B    1  1  0   2
#   C    0  1  0   1
#   D    0  0  1   1
TINY = {
    "A": {"x": True, "y": True, "z": True},
    "B": {"x": True, "y": True, "z": False},
    "C": {"x": False, "y": True, "z": False},
    "D": {"x": False, "y": False, "z": True},
}


@pytest.fixture
def tiny():
    return compute_cohort(
        entries(
            {
                name: report([row(q, "table", ok) for q, ok in marks.items()])
                for name, marks in TINY.items()
            }
        )
    )


def test_tiny_cohort_difficulty_is_the_share_that_passed(tiny):
    questions = by_id(tiny)
    assert [(questions[q].passes, questions[q].n) for q in "xyz"] == [(2, 4), (3, 4), (2, 4)]
    assert [questions[q].difficulty for q in "xyz"] == [0.5, 0.75, 0.5]


def test_tiny_cohort_discrimination_by_hand(tiny):
    questions = by_id(tiny)
    # x: rest-scores (total − x) = [2, 1, 1, 1], mean 5/4; M1 = 3/2, M0 = 1; s² = 3/16;
    #    r = (1/2) / (√3/4) · √(1/4) = 1/√3
    assert questions["x"].discrimination == pytest.approx(1 / math.sqrt(3))
    # y: rest = [2, 1, 0, 1]; M1 = (2+1+0)/3 = 1 = M0 → r = 0 (defined, just useless)
    assert questions["y"].discrimination == pytest.approx(0.0, abs=1e-12)
    # z: rest = [2, 2, 1, 0], mean 5/4; M1 = 1, M0 = 3/2; s² = 11/16;
    #    r = (−1/2) / (√11/4) · √(1/4) = −1/√11
    assert questions["z"].discrimination == pytest.approx(-1 / math.sqrt(11))
    assert questions["z"].flags == (NEGATIVE,)


def test_the_rest_score_not_the_total_is_correlated(tiny):
    # with the total (which contains x itself) x would correlate more strongly: 0.9045…
    totals = [3, 2, 1, 1]
    with_self = np.corrcoef([1, 1, 0, 0], totals)[0, 1]
    assert with_self == pytest.approx(0.9045340337)
    assert by_id(tiny)["x"].discrimination == pytest.approx(0.5773502692)


def test_tied_submissions_share_a_rank(tiny):
    # C and D both recall 1/3 of the questions and pass 1: rank 3 both, listed by name
    assert [(s.rank, s.name, s.total) for s in tiny.leaderboard] == [
        (1, "A", 3),
        (2, "B", 2),
        (3, "C", 1),
        (3, "D", 1),
    ]
    assert tiny.leaderboard[2].recall_at_5 == pytest.approx(1 / 3)


# --- the synthetic cohort of tests/grader/cohort/reports.py --------------------------------


@pytest.fixture(scope="module")
def passes():
    return synthetic_passes()


@pytest.fixture(scope="module")
def cohort():
    return compute_cohort(entries(synthetic_reports()))


def rest_vectors(passes, qid):
    marks = [passes[s][qid] for s in SUBMISSIONS]
    rest = [sum(passes[s].values()) - passes[s][qid] for s in SUBMISSIONS]
    return marks, rest


def test_known_difficulties(cohort):
    questions = by_id(cohort)
    assert questions["q1"].difficulty == 0.5  # the top half
    assert questions["q2"].difficulty == 1.0  # everyone
    assert questions["q3"].difficulty == 0.0  # no one
    assert questions["q4"].difficulty == 1 / 8  # the weakest only
    assert [questions[f"g{j}"].difficulty for j in range(1, 8)] == [j / 8 for j in range(7, 0, -1)]
    assert all(q.n == 8 for q in cohort.questions)


def test_known_discriminations(cohort, passes):
    questions = by_id(cohort)
    # q1, passed by s1…s4 (totals 14, 13, 10, 11; the others 8, 8, 3, 7): rest-scores
    # [13, 12, 9, 10 | 8, 8, 3, 7], M1 = 11, M0 = 6.5, mean 8.75, s² = 67.5/8, p = 1/2:
    # r = 4.5 · 0.5 / √8.4375 = √0.6
    assert questions["q1"].discrimination == pytest.approx(math.sqrt(0.6))
    assert questions["q2"].discrimination is None  # constant pass vector
    assert questions["q3"].discrimination is None
    assert questions["q4"].discrimination < -0.3
    assert questions["q1"].discrimination > 0.75
    # every defined value equals the formula and numpy's Pearson correlation on the same vectors
    for question in cohort.questions:
        marks, rest = rest_vectors(passes, question.id)
        if question.discrimination is None:
            assert len(set(marks)) == 1
            continue
        assert question.discrimination == pytest.approx(hand_point_biserial(marks, rest))
        assert question.discrimination == pytest.approx(np.corrcoef(marks, rest)[0, 1])


def test_flags_name_the_questions_that_do_not_separate(cohort):
    assert cohort.never_pass == ("q3",)
    assert cohort.always_pass == ("q2",)
    assert "q4" in cohort.negative
    assert by_id(cohort)["q2"].flags == (ALWAYS,)
    assert by_id(cohort)["q3"].flags == (NEVER,)
    ranked = cohort.by_discrimination()
    assert [q.id for q in ranked[-2:]] == ["q2", "q3"]  # undefined last, by id
    values = [q.discrimination for q in ranked if q.discrimination is not None]
    assert values == sorted(values, reverse=True)


def test_slice_distributions(cohort, passes):
    slices = {s.name: s for s in cohort.slices}
    # known slices come in the harness's slice order
    assert [s.name for s in cohort.slices] == [
        "boundary", "heading", "table", "paraphrase", "identifier", "distractor", "unanswerable",
    ]  # fmt: skip
    boundary = slices["boundary"].distribution
    assert (boundary.min, boundary.q1, boundary.median, boundary.q3, boundary.max) == (
        0.0, 0.0, 0.5, 1.0, 1.0,
    )  # fmt: skip
    # identifier: s_i passes 8 − i of 7 ladder questions → scores 7/7 … 0/7, quartiles at 1/4…
    identifier = slices["identifier"]
    assert identifier.scores["s3"] == pytest.approx(5 / 7)
    assert identifier.distribution.q1 == pytest.approx(0.25)
    assert identifier.distribution.mean == pytest.approx(0.5)
    assert slices["unanswerable"].metric == "abstention_accuracy"
    assert slices["identifier"].metric == "recall@5"
    assert slices["heading"].never_pass == ("q3",) and slices["table"].always_pass == ("q2",)
    for stats in cohort.slices:
        values = list(stats.scores.values())
        d = stats.distribution
        assert [d.min, d.q1, d.median, d.q3, d.max] == pytest.approx(
            list(np.percentile(values, [0, 25, 50, 75, 100]))
        )
        assert d.mean == pytest.approx(np.mean(values))
    # a slice score is the share passed: for unanswerable, the abstention accuracy
    s5 = [passes["s5"][f"u{j}"] for j in range(1, 4)]
    assert slices["unanswerable"].scores["s5"] == pytest.approx(sum(s5) / 3)


def test_leaderboard_ranks_by_recall_at_5_then_total(cohort, passes):
    board = cohort.leaderboard
    assert [s.rank for s in board] == list(range(1, 9))
    recalls = [s.recall_at_5 for s in board]
    assert recalls == sorted(recalls, reverse=True)
    top = board[0]
    answerable = [q for q in passes[top.name] if not q.startswith("u")]
    assert top.recall_at_5 == pytest.approx(
        sum(passes[top.name][q] for q in answerable) / len(answerable)
    )
    assert top.total == sum(passes[top.name].values()) and top.n == 18
    assert top.candidate == f"Candidate {top.name}"


def test_pass_rule_uses_abstention_only_for_unanswerable_questions():
    # answerable rows have abstention_accuracy 1 ("did not abstain"): that alone is not a pass;
    # a row from a real report names its slice under labels and may lack the unanswerable flag
    real_shape = {
        "id": "h9",
        "labels": {"slice": "unanswerable"},
        "scores": {"recall@5": None, "abstention_accuracy": 1.0},
    }
    reports = {
        "a": report([row("h1", "table", False), real_shape]),
        "b": report([row("h1", "table", True), {**real_shape, "scores": {"recall@5": None}}]),
    }
    questions = by_id(compute_cohort(entries(reports)))
    assert questions["h1"].passes == 1
    assert questions["h9"].passes == 1 and questions["h9"].unanswerable
    assert questions["h9"].slice == "unanswerable"


def test_point_biserial_and_quantile_edges():
    assert point_biserial([True, True], [1, 2]) is None
    assert point_biserial([True, False], [3, 3]) is None
    assert point_biserial([True, False], [2, 1]) == pytest.approx(1.0)
    with pytest.raises(ValueError, match="2 pass marks for 3 scores"):
        point_biserial([True, False], [1, 2, 3])
    assert quantile([4.0], 0.25) == 4.0
    assert quantile([0, 1, 2, 3], 0.5) == pytest.approx(np.percentile([0, 1, 2, 3], 50))
    with pytest.raises(ValueError, match="q must be in"):
        quantile([1.0], 1.5)


# --- refusing bad cohorts ----------------------------------------------------------------------


def test_fewer_than_two_reports_are_refused():
    with pytest.raises(CohortError, match="at least 2 reports, got 1"):
        compute_cohort(entries({"a": report([row("h1", "table", True)])}))


def test_several_variants_are_compared_per_item_by_hand():
    cohort = compute_cohort(entries(round_reports()))
    assert cohort.unit == BY_ITEM and cohort.mixed and len(cohort.variants) == 2
    items = by_id(cohort)
    assert list(items) == ["handbook/x", "runbook/error-code", "handbook/y"]
    # runbook/error-code: a1 2 of 2, a2 1 of 2, b1 1 of 1, b2 0 of 1; rest = total − those passes
    code = items["runbook/error-code"]
    assert (code.passes, code.asked, code.n) == (4, 6, 4) and code.difficulty == 4 / 6
    expected = np.corrcoef([1.0, 0.5, 1.0, 0.0], [3 - 2, 1 - 1, 3 - 1, 1 - 0])[0, 1]
    assert code.discrimination == pytest.approx(expected, abs=1e-12)
    # handbook/x: a1 ✓, a2 ✗ (their h1), b1 ✓, b2 ✓ (their h3)
    x = items["handbook/x"]
    assert (x.passes, x.asked, x.n) == (3, 4, 4)
    expected = np.corrcoef([1, 0, 1, 1], [3 - 1, 1 - 0, 3 - 1, 1 - 1])[0, 1]
    assert x.discrimination == pytest.approx(expected, abs=1e-12)
    # handbook/y: only variant B asks it
    y = items["handbook/y"]
    assert (y.passes, y.asked, y.n, y.discrimination) == (1, 2, 2, 1.0)
    slices = {s.name: s for s in cohort.slices}
    assert slices["identifier"].questions == 1 and slices["paraphrase"].questions == 2
    assert dict(slices["identifier"].scores) == {"a1": 1.0, "a2": 0.5, "b1": 1.0, "b2": 0.0}
    assert [s.name for s in cohort.leaderboard][:2] == ["a1", "b1"]
    data = cohort.to_json()
    assert data["unit"] == "item" and data["questions"][1]["asked"] == 6


def test_per_item_equals_per_question_when_every_item_is_one_question():
    plain = compute_cohort(entries(synthetic_reports()))
    reports = synthetic_reports()
    for data in reports.values():
        for line in data["questions"]:
            line["item"] = f"item/{line['id']}"
    pooled = compute_cohort(entries(reports), by=BY_ITEM)
    assert plain.unit == BY_QUESTION and pooled.unit == BY_ITEM
    for q, p in zip(plain.questions, pooled.questions, strict=True):
        assert p.id == f"item/{q.id}" and (p.passes, p.asked, p.n) == (q.passes, q.asked, q.n)
        assert p.difficulty == q.difficulty and p.flags == q.flags
        assert p.discrimination == pytest.approx(q.discrimination, abs=1e-12)


def test_an_item_only_one_submission_holds_gets_no_flags():
    reports = round_reports()
    reports["b1"]["questions"][1]["item"] = "handbook/z"  # b1's h2, passed; nobody else has it
    reports["b2"]["questions"][1]["item"] = "handbook/w"  # b2's h2, failed
    cohort = compute_cohort(entries(reports))
    items = by_id(cohort)
    assert (items["handbook/z"].n, items["handbook/z"].passes) == (1, 1)
    assert items["handbook/z"].flags == () and items["handbook/w"].flags == ()
    assert items["handbook/z"].discrimination is None
    assert cohort.never_pass == () and cohort.always_pass == ()
    assert "2 items are held by one submission only" in cohort_html(cohort)


def test_per_question_statistics_name_each_question_s_item():
    reports = round_reports()
    for name in ("b1", "b2"):
        reports[name]["key"]["variant_manifest_sha256"] = "a" * 64  # as if one variant
    cohort = compute_cohort(entries(reports))
    assert cohort.unit == BY_QUESTION
    # the items of the first report's rows (in this made-up round the others differ)
    assert [(q.id, q.item) for q in cohort.questions] == [
        ("h1", "handbook/x"),
        ("h2", "runbook/error-code"),
        ("h3", "runbook/error-code"),
    ]
    assert "<td class='l'>handbook/x</td>" in cohort_html(cohort)
    assert "h1,handbook/x," in questions_csv_text(cohort)


def test_several_variants_per_question_id_are_refused():
    with pytest.raises(MixedVariantsError, match="2 different variants"):
        compute_cohort(entries(round_reports()), by=BY_QUESTION)


def test_several_variants_without_items_are_refused_naming_the_report():
    with pytest.raises(CohortError, match=r"<a1>: question 'h1' has no item"):
        compute_cohort(entries(round_reports(with_items=False)))


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ([], "must hold a JSON object"),
        ({**report([row("h1", "t", True)]), "kind": "cohort"}, "not a grade report"),
        ({**report([row("h1", "t", True)]), "schema": 99}, "report schema 99"),
        ({**report([row("h1", "t", True)]), "key": {}}, "lacks key.variant_manifest_sha256"),
        (report([]), "no question rows"),
        (report([row("h1", "t", True), row("h1", "t", True)]), "'h1' appears twice"),
        (report([{"id": "h1"}]), "'h1' has no scores"),
        (report([{"id": "h1", "scores": {"recall@5": "yes"}}]), "recall@5 'yes'"),
    ],
)
def test_malformed_reports_are_named(tmp_path, bad, message):
    (tmp_path / "bad").mkdir()
    (tmp_path / "bad" / "report.json").write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(CohortError, match=message) as caught:
        load_reports([tmp_path / "bad"])
    assert str(tmp_path / "bad" / "report.json") in str(caught.value)


# --- reading files and folders -------------------------------------------------------------


def test_reports_are_found_in_files_single_grade_folders_and_grade_many_folders(tmp_path):
    one = report([row("h1", "table", True)])
    grades = write_reports({"alice": one, "bob": one}, tmp_path / "grades")
    single = write_reports({"carol": one}, tmp_path / "single") / "carol"
    loose = tmp_path / "dave.json"
    loose.write_text(json.dumps(one), encoding="utf-8")
    found = load_reports([grades, single, loose, grades / "alice" / "report.json"])
    assert [e.name for e in found] == ["alice", "bob", "carol", "dave"]  # alice once
    other = write_reports({"alice": one}, tmp_path / "elsewhere")
    assert [e.name for e in load_reports([grades, other])][-1] == "alice-2"


def test_missing_unreadable_and_empty_inputs_are_named(tmp_path):
    with pytest.raises(CohortError, match="does not exist"):
        load_reports([tmp_path / "nowhere"])
    (tmp_path / "empty").mkdir()
    with pytest.raises(CohortError, match="holds no report.json"):
        load_reports([tmp_path / "empty"])
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    with pytest.raises(CohortError, match="cannot be read as JSON"):
        load_reports([broken])


# --- writers -----------------------------------------------------------------------------------


def test_writers_produce_json_csv_and_a_self_contained_page(cohort, tmp_path):
    files = write_cohort(cohort, tmp_path / "out")
    data = json.loads(files.json.read_text(encoding="utf-8"))
    assert data["schema"] == 1 and data["kind"] == "cohort" and data["submissions"] == 8
    assert data["never_pass"] == ["q3"] and data["always_pass"] == ["q2"]
    q1 = next(q for q in data["questions"] if q["id"] == "q1")
    assert q1["difficulty"] == 0.5 and q1["discrimination"] == pytest.approx(math.sqrt(0.6))
    assert set(data["rules"]) >= {"pass", "difficulty", "discrimination"}
    with files.csv.open(encoding="utf-8", newline="") as handle:
        table = list(csv.DictReader(handle))
    assert len(table) == len(cohort.questions)
    assert list(table[0])[:8] == [
        "id", "item", "slice", "difficulty", "discrimination", "passes", "asked", "n",
    ]  # fmt: skip
    q2 = next(r for r in table if r["id"] == "q2")
    assert (q2["difficulty"], q2["discrimination"], q2["passes"], q2["n"]) == ("1.0", "", "8", "8")
    page = files.html.read_text(encoding="utf-8")
    assert page.count("data-plot='box'") == len(cohort.slices)
    assert "<script" not in page and "src=" not in page and "<link" not in page
    assert not list((tmp_path / "out").glob(".*tmp"))  # no temporary files left


def test_everything_from_a_report_is_escaped():
    hostile = "<script>alert(1)</script>"
    reports = {
        name: report(
            [{**row("=cmd()", hostile, ok), "text": hostile}, row("h2", "table", not ok)],
            candidate=hostile,
        )
        for name, ok in (("<img src=x>", True), ("b", False))
    }
    cohort = compute_cohort(entries(reports))
    page = cohort_html(cohort)
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    table = list(csv.reader(io.StringIO(questions_csv_text(cohort))))
    assert table[1][0] == "'=cmd()"  # a spreadsheet would run a cell starting with =
