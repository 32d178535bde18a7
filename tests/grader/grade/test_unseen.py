"""The unseen corpus: a grade also builds and asks the submission on a variant of the key's
profile drawn with a grader-only seed, and says when it drops there beyond the starter."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from corpus.failure_modes import SLICES
from grader.answer_key import load_key
from grader.grade import unseen
from grader.grade.report_file import report_json
from grader.grade.report_schema import validate_report
from grader.grade.session import GradeOptions, grade
from grader.reports.html import render_html
from grader.reports.markdown import render_markdown
from tests.grader.grading import EMPTY, LEXICAL, fake_baseline, submission_from

OPTIONS = GradeOptions(isolation="none", public=False)


def looks_up_shipped_names(bundle) -> str:
    """LEXICAL, answering only from the documents the shipped corpus names (a table of names
    written into the code: what tuning to the shipped corpus looks like)."""
    names = sorted(p.stem for p in (bundle / "corpus" / "docs").glob("*.md"))
    code = LEXICAL.replace("WORD = re.compile", f"SHIPPED = {set(names)!r}\nWORD = re.compile")
    code = code.replace(
        "    def search(self, query, k):\n",
        "    def search(self, query, k):\n"
        "        self.paragraphs = [p for p in self.paragraphs if p[0] in SHIPPED]\n",
    )
    compile(code, "lookup", "exec")
    assert code != LEXICAL
    return code


def fitted_to_the_shipped_wording() -> str:
    """LEXICAL with a shortcut for questions through an error code, read off the shipped
    wording: the question's "the service that raises ERR-…", the runbook's "owned by the … team",
    then that team's sections (what fitting a pipeline to the corpus's phrasing looks like)."""
    code = LEXICAL.replace(
        "        self.paragraphs = []\n", "        self.paragraphs = []\n        self.texts = {}\n"
    ).replace(
        '            text = path.read_text(encoding="utf-8")\n',
        '            text = path.read_text(encoding="utf-8")\n'
        "            self.texts[path.stem] = text\n",
    )
    shortcut = """    def search(self, query, k):
        hop = re.search(r"the service that raises (ERR-[0-9]+)", query)
        chain = []
        for i, (doc, start, end, _) in enumerate(self.paragraphs if hop else []):
            owner = re.search(r"owned by the ([A-Z][a-z]+) team", self.texts[doc][start:end])
            if owner and hop.group(1) in self.texts[doc]:
                chain.append(i)
                for j, (other, s, e, _) in enumerate(self.paragraphs):
                    heading = self.texts[other][s:e]
                    if heading in (f"## {owner.group(1)}", f"## {owner.group(1)} team"):
                        chain.append(j + 1)
                break
        if chain:
            taken = {self.paragraphs[i][:2] for i in chain}
            rest = [p for p in self._search(query, k) if (p.doc_id, p.start) not in taken]
            first = [Passage(*self.paragraphs[i][:3], 1.0) for i in chain][:k]
            return first + rest[: k - len(first)]
        return self._search(query, k)

    def _search(self, query, k):
"""
    code = code.replace("    def search(self, query, k):\n", shortcut, 1)
    compile(code, "fitted", "exec")
    assert "self.texts[path.stem] = text" in code and "def _search" in code
    return code


@pytest.fixture(scope="module")
def graded(bundle, key, tmp_path_factory):
    """Three grades against a stand-in baseline that finds nothing (its drop is 0): an honest
    lexical pipeline, the same pipeline restricted to the shipped corpus's document names, and
    the same with a shortcut read off the shipped corpus's wording."""
    root = tmp_path_factory.mktemp("unseen")
    monkeypatch = pytest.MonkeyPatch()
    fake_baseline(monkeypatch, EMPTY)
    try:
        reports = {}
        for name, code in (
            ("honest", LEXICAL),
            ("lookup", looks_up_shipped_names(bundle)),
            ("fitted", fitted_to_the_shipped_wording()),
        ):
            submission = submission_from(bundle, root / name, code)
            reports[name] = report_json(grade(submission, key, root / f"g-{name}", OPTIONS))
    finally:
        monkeypatch.undo()
    return reports


def test_the_unseen_seed_is_the_keys_own_and_not_the_shipped_one(key, tmp_path):
    answer_key = load_key(key)
    seed = unseen.unseen_seed(answer_key)
    assert seed == unseen.unseen_seed(answer_key)  # the same key, the same unseen corpus
    assert seed != answer_key.record.seed
    other = dataclasses.replace(
        answer_key, record=dataclasses.replace(answer_key.record, hidden_sha256="0" * 64)
    )
    assert unseen.unseen_seed(other) != seed  # from the secret hidden-question hash
    drawn = unseen.prepare(answer_key, tmp_path / "u")
    assert drawn.record.seed == seed
    assert drawn.record.profile == answer_key.record.profile
    assert drawn.record.variant_manifest_sha256 != answer_key.record.variant_manifest_sha256
    assert set(drawn.corpus.docs) != set(answer_key.corpus.docs)


def test_an_honest_pipeline_scores_about_the_same_and_gets_no_finding(graded):
    report = graded["honest"]
    section = report["unseen"]
    assert validate_report(report) == []
    assert section["seed"] is not None and section["questions"] > 0
    assert section["baseline_drop"] == 0.0  # the stand-in finds nothing on either corpus
    low, high = section["excess_ci95"]
    assert low <= section["excess"] <= high
    assert low < unseen.MARGIN and abs(section["drop"]) < 0.05
    assert [s["slice"] for s in section["slices"]] == [
        s for s in SLICES if s in {row["slice"] for row in section["slices"]}
    ]
    assert not [f for f in report["integrity"] if f["check"] == "unseen"]
    assert {"submission-unseen", "baseline-unseen"} <= set(report["logs"])
    assert {"submission-unseen", "baseline-unseen"} <= set(report["timing"]["runs"])


def test_a_pipeline_that_looks_up_the_shipped_document_names_gets_the_finding(graded):
    report, honest = graded["lookup"], graded["honest"]
    section = report["unseen"]
    # the same on the shipped corpus, far lower on the unseen one
    assert section["headline"]["shipped"] == pytest.approx(honest["unseen"]["headline"]["shipped"])
    assert section["excess_ci95"][0] > unseen.MARGIN
    (finding,) = [f for f in report["integrity"] if f["check"] == "unseen"]
    assert finding["severity"] == "warning"
    assert "unseen corpus" in finding["title"]
    assert "document names" in finding["detail"]
    assert any(e.startswith("headline") for e in finding["evidence"])


def test_a_pipeline_fitted_to_the_shipped_wording_drops_where_it_was_fitted(graded):
    # the unseen corpus asks and states the same facts in other words (corpus.wording)
    fitted, honest = (
        {s["slice"]: s for s in graded[n]["unseen"]["slices"]} for n in ("fitted", "honest")
    )
    assert fitted["multihop"]["shipped"] >= honest["multihop"]["shipped"] + 0.5
    assert fitted["multihop"]["drop"] >= 0.5
    assert fitted["multihop"]["unseen"] == pytest.approx(honest["multihop"]["unseen"])
    others = [name for name in fitted if name != "multihop"]
    assert all(fitted[n]["shipped"] == honest[n]["shipped"] for n in others)
    assert fitted["multihop"]["excess_ci95"][0] > unseen.SLICE_MARGIN
    (finding,) = [f for f in graded["fitted"]["integrity"] if f["check"] == "unseen"]
    assert "multihop" in finding["title"] and "worded" in finding["detail"]


def test_the_next_grade_recalls_the_unseen_baseline_without_starting_it(graded):
    # the second grade of the module, on the same key and baseline: the first left every
    # unseen result in the baseline cache
    log = Path(graded["lookup"]["logs"]["baseline-unseen"]).read_text(encoding="utf-8")
    assert log.startswith("not run: every result recalled from the baseline cache entry")
    lookup, honest = graded["lookup"], graded["honest"]
    assert lookup["unseen"]["baseline_drop"] == honest["unseen"]["baseline_drop"]
    assert lookup["timing"]["runs"]["baseline-unseen"]["candidate_s"] == 0


def test_the_report_pages_show_both_corpora_per_slice(graded):
    report = graded["lookup"]
    markdown = render_markdown(report)
    assert "### On an unseen corpus" in markdown
    assert "| slice | metric | shipped | unseen | drop | starter's drop |" in markdown
    first = report["unseen"]["slices"][0]
    assert f"| {first['slice']} | {first['metric']} |" in markdown
    assert 'id="unseen"' in render_html(report)


def test_the_same_grade_gives_the_same_unseen_numbers(graded, bundle, key, tmp_path, monkeypatch):
    fake_baseline(monkeypatch, EMPTY)
    submission = submission_from(bundle, tmp_path / "s", LEXICAL)
    again = report_json(grade(submission, key, tmp_path / "again", OPTIONS))
    assert again["unseen"] == graded["honest"]["unseen"]


def test_without_it_the_report_says_so(bundle, key, tmp_path):
    submission = submission_from(bundle, tmp_path / "s", EMPTY)
    options = dataclasses.replace(OPTIONS, unseen=False, baseline=False)
    report = report_json(grade(submission, key, tmp_path / "out", options))
    assert report["unseen"] == {"note": "not run (--no-unseen)"}
    assert "Not measured: not run (--no-unseen)." in render_markdown(report)
    assert validate_report(report) == []


def test_a_submission_that_does_not_build_is_not_run_again(bundle, key, tmp_path):
    broken = EMPTY.replace("def build(self):", "def build(self):\n        raise RuntimeError('x')")
    assert broken != EMPTY
    submission = submission_from(bundle, tmp_path / "s", broken)
    options = dataclasses.replace(OPTIONS, baseline=False)
    result = grade(submission, key, tmp_path / "out", options)
    assert result.unseen is None
    assert result.unseen_note == "not run: the submission did not build on the shipped corpus"
    assert [run.label for run in result.runs] == ["submission"]


def _drops(low: float, high: float) -> unseen.Drops:
    return unseen.Drops(
        seed=1,
        manifest_sha256="0" * 64,
        documents=10,
        questions=20,
        slices=(unseen.SliceDrop("heading", "recall@5", 0.9, 0.5, 10, 10, 0.4, 0.0),),
        shipped=0.9,
        unseen=0.5,
        drop=0.4,
        drop_ci95=(low, high),
        baseline_drop=0.0,
        baseline_drop_ci95=(0.0, 0.0),
        excess=(low + high) / 2,
        excess_ci95=(low, high),
    )


@pytest.mark.parametrize(
    ("low", "high", "flagged"),
    [(0.04, 0.6, False), (unseen.MARGIN, 0.6, False), (0.06, 0.6, True), (-0.2, 0.2, False)],
)
def test_the_finding_needs_the_whole_interval_above_the_margin(low, high, flagged):
    found = unseen.finding(_drops(low, high))
    assert (found is not None) == flagged
    if found is not None:
        assert "the baseline's drop of +0.00" in " ".join(found.evidence)
        assert "heading: recall@5 0.90 → 0.50" in found.evidence


@pytest.mark.parametrize(
    ("slice_low", "flagged"), [(None, False), (unseen.SLICE_MARGIN, False), (0.3, True)]
)
def test_one_slice_falling_alone_is_found_too(slice_low, flagged):
    # the headline's interval holds zero: one slice's phrasing fitted, the others honest
    quiet = dataclasses.replace(_drops(-0.02, 0.09), drop=0.05, excess=0.035)
    temporal = unseen.SliceDrop(
        "temporal",
        "recall@1",
        1.0,
        0.5,
        12,
        12,
        0.5,
        0.1,
        None if slice_low is None else (slice_low, 0.7),
    )
    found = unseen.finding(dataclasses.replace(quiet, slices=(*quiet.slices, temporal)))
    assert (found is not None) == flagged
    if found is not None:
        assert found.title.endswith("temporal by 0.50")
        assert "temporal: recall@1 1.00 → 0.50" in found.evidence


def test_a_world_that_cannot_supply_the_profile_gives_way_to_the_next_seed(
    key, tmp_path, monkeypatch
):
    answer_key = load_key(key)
    real = unseen.unseen_seed
    # seed 20's world has too few temporal facts for medium (about one seed in 20 is so)
    monkeypatch.setattr(
        unseen, "unseen_seed", lambda k, attempt=0: 20 if attempt == 0 else real(k, attempt)
    )
    drawn = unseen.prepare(answer_key, tmp_path / "u")
    assert drawn.record.seed == real(answer_key, 1) != real(answer_key, 0)
