"""Calibration logic on a fake solution runner whose fixes cure exactly their own slices: the
conclusions (detectable, dead slices, spread, seed stability) and the command's outputs."""

from __future__ import annotations

import dataclasses
import io
import json

from rich.console import Console
from typer.testing import CliRunner

import grader.calibrate.calibration as calibration
from corpus.failure_modes import AREAS, SLICES, SOUND, failure_mode
from corpus.profile import Profile, load_profile
from corpus.variant import GENERATOR_VERSION
from exercise.evaluate import EvalOptions, score_run
from exercise.metrics import by_label
from exercise.runner import harness_root, run_in_process
from exercise.types import Answer, Passage
from grader.calibrate.calibration import BASELINE, at_most, calibrate, min_questions, solutions
from grader.calibrate.report import tables, verdict_lines
from grader.catalogue import REFERENCE
from grader.cli import app
from grader.solutions.known import selection_for as selection

CURES = {
    "boundary": "chunking", "heading": "chunking", "table": "chunking",
    "paraphrase": "embedding", "identifier": "retrieval", "distractor": "reranking",
    "unanswerable": "answering", "unstated": "answering", "aggregate": "answering",
    "temporal": "reranking", "reformulation": "retrieval", "multihop": "retrieval",
}  # fmt: skip

# The slices the fake textbook (sound) solution does not cure; the reference cures every slice.
TEXTBOOK_MISSES = {"paraphrase", "distractor"} | {
    s for a in AREAS if a.beyond_textbook for s in a.slices
}


class Oracle:
    """Finds a question's evidence only when the component that cures its slice is fixed: by the
    reference, or by the textbook implementation for a slice not in TEXTBOOK_MISSES."""

    def __init__(self, chosen, questions, broken=()):
        self.fixed = {c for c, name in chosen.items() if name == REFERENCE}
        self.textbook = {c for c, name in chosen.items() if name == SOUND}
        self.by_text = {q.text: q for q in questions}
        self.broken = set(broken)

    def build(self):
        pass

    def _cured(self, question):
        slice_name = question.labels["slice"]
        textbook = CURES[slice_name] in self.textbook and slice_name not in TEXTBOOK_MISSES
        return (CURES[slice_name] in self.fixed or textbook) and slice_name not in self.broken

    def search(self, query, k):
        question = self.by_text[query]
        if not self._cured(question):
            return []
        return [Passage(s.doc_id, s.start, s.end, 1.0) for s in question.evidence][:k]

    def answer(self, query):
        question = self.by_text[query]
        if question.unanswerable:
            return Answer("", ()) if self._cured(question) else Answer("a guess", ())
        return (
            Answer(question.answer, question.evidence) if self._cured(question) else Answer("", ())
        )


def fake_run(broken=()):
    def run(chosen, chunk_size, corpus, questions, work, log):
        record = run_in_process(
            Oracle(chosen, questions, broken), [q.text for q in questions], k=10
        )
        return score_run(corpus, questions, record, options=EvalOptions(resamples=200),
                         group_by=by_label("slice"))  # fmt: skip

    return run


def test_solutions_cover_baseline_archetypes_pairs_and_reference():
    names = solutions(_three_planted())
    assert names[0] == BASELINE and names[-2:] == [SOUND, REFERENCE]
    assert [n for n in names if n.startswith("archetype:")] == [
        "archetype:chunking", "archetype:retrieval", "archetype:answering",
    ]  # fmt: skip
    assert "pair:chunking+retrieval" in names and len(names) == 1 + 3 + 3 + 2
    starter = {"chunking": "w", "embedding": "reference", "retrieval": "w",
               "reranking": "reference", "answering": "w"}  # fmt: skip
    assert selection("pair:chunking+answering", starter)["chunking"] == REFERENCE
    assert selection("pair:chunking+answering", starter)["retrieval"] == "w"


def test_every_weakness_detectable_and_no_dead_slice_when_fixes_cure_their_slices():
    data = calibrate(_three_planted(), [1, 2], pairs=False, run=fake_run()).to_json()
    assert data["undetectable"] == []
    assert set(data["detectable"]) == {"chunking", "retrieval", "answering"}
    # embedding and reranking ship sound: the starter already finds those slices, so no
    # archetype moves them (a profile that plants no weakness for a slice has a dead slice)
    assert set(data["dead_slices"]) == {"paraphrase", "distractor"}
    assert data["table"]["reference"]["boundary"] == 1.0
    assert data["table"][BASELINE]["boundary"] == 0.0
    assert data["table"][BASELINE]["paraphrase"] == 1.0
    assert data["effort"] == 5 / 7  # five of the seven slices go from 0 to 1
    assert data["seed_range_within_bound"] is True
    by_seed = data["headline_by_seed"]
    assert by_seed[REFERENCE] == {"1": 1.0, "2": 1.0} and by_seed[BASELINE]["1"] == 2 / 7
    # the textbook solution misses two of the seven slices: the reference's headroom over it
    assert by_seed[SOUND] == {"1": 5 / 7, "2": 5 / 7}
    assert data["headroom"] == 2 / 7
    assert data["table"][SOUND]["paraphrase"] == 0.0 and data["table"][SOUND]["boundary"] == 1.0


def test_a_fix_that_cures_nothing_is_undetectable():
    data = calibrate(
        _three_planted(), [1], pairs=False, run=fake_run(broken={"identifier"})
    ).to_json()
    assert data["undetectable"] == ["retrieval"]
    assert "identifier" in data["dead_slices"]


def test_one_seed_does_not_call_the_seed_range_held():
    data = calibrate(_three_planted(), [1], pairs=False, run=fake_run()).to_json()
    assert data["seed_range_within_bound"] is None
    assert data["seed_range"] == {BASELINE: None, REFERENCE: None}
    (seeds,) = [line for line in verdict_lines(data) if "across seeds" in line]
    assert "held" not in seeds and "not measured from 1 seed" in seeds
    several = calibrate(_three_planted(), [1, 2], pairs=False, run=fake_run()).to_json()
    assert "(bound 0.05: held)" in verdict_lines(several)[-1]


def test_too_few_questions_to_show_a_lift_is_said_so():
    # 3 questions per slice: even a fix that cures 30 % of them could not clear zero
    tiny = dataclasses.replace(_three_planted(), hidden=dict.fromkeys(SLICES, 3))
    retrieval_slices = {s.name for s in failure_mode("retrieval").slices}
    data = calibrate(tiny, [1], pairs=False, run=fake_run(broken=retrieval_slices)).to_json()
    assert data["undetectable"] == ["retrieval"]
    # every slice of the component has too few (the lexical and the reformulation area's)
    retrieval = {s.name: 3 for s in failure_mode("retrieval").slices}
    assert data["detectable"]["retrieval"]["too_few"] == retrieval
    assert data["rules"]["min_questions"] == 11  # 0.7 ** 10 ≈ 0.028 ≥ 0.025 > 0.7 ** 11 ≈ 0.020
    (line,) = [x for x in verdict_lines(data) if x.startswith("retrieval:")]
    assert "NOT detectable — too few questions to tell: identifier has 3" in line
    assert "needs at least 11" in line
    assert data["too_few_to_move"]["identifier"] == 3  # a dead slice, and too small to tell
    roomy = calibrate(_three_planted(), [1], pairs=False, run=fake_run(broken={"identifier"}))
    assert roomy.to_json()["detectable"]["retrieval"]["too_few"] == {}  # easy asks 20


def test_min_questions_is_the_fewest_that_can_clear_zero():
    for lift in (0.1, 0.3, 0.5):
        n = min_questions(lift)
        assert (1 - lift) ** n < 0.025 <= (1 - lift) ** (n - 1)
    assert (min_questions(0.3), min_questions(0.1)) == (11, 36)


def test_the_terminal_table_reads_at_80_columns():
    profile = _three_planted()
    data = calibrate(profile, [1], pairs=True, run=fake_run()).to_json()
    console = Console(width=80, record=True, file=io.StringIO())
    for part in tables(data):
        console.print(part)
    text = console.export_text()
    assert "…" not in text
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 80
    assert all(name in text for name in ("+chunking", "+retrieval", "+answering", REFERENCE))
    # every slice the profile asks, in its header or spelled out; one it does not ask, nowhere
    asked = {name for name in SLICES if profile.hidden[name]}
    assert all(slice_name in text for slice_name in SLICES if slice_name in asked)
    assert not any(slice_name in text for slice_name in SLICES if slice_name not in asked)


def test_every_slice_asked_reads_at_80_columns_and_beyond_textbook_areas_are_judged():
    profile = _asking_every_slice()
    data = calibrate(profile, [1], pairs=False, run=fake_run()).to_json()
    beyond = {a.name for a in AREAS if a.beyond_textbook}
    assert set(data["beyond_textbook"]) == beyond and len(beyond) == 5
    # the reference cures them, the textbook solution does not: each a clear lift of 1.00
    assert data["undetectable_beyond_textbook"] == []
    for found in data["beyond_textbook"].values():
        assert found["best_row"]["delta"] == 1.0 and found["best_row"]["ci95"][0] > 0
    lines = verdict_lines(data)
    assert any(line.startswith("temporal (reference over sound): detectable") for line in lines)
    parts = tables(data)
    assert len(parts) == 2  # twelve slices: two tables, the headline in the second
    console = Console(width=80, record=True, file=io.StringIO())
    for part in parts:
        console.print(part)
    text = console.export_text()
    assert max(len(line.rstrip()) for line in text.splitlines()) <= 80 and "…" not in text
    assert all(name in text for name in SLICES) and text.count("headline") == 1
    # an area the reference does not cure either is not beyond the textbook fix: said so
    broken = calibrate(profile, [1], pairs=False, run=fake_run(broken={"temporal"})).to_json()
    assert broken["undetectable_beyond_textbook"] == ["temporal"]
    assert any(
        line.startswith("temporal (reference over sound): NOT detectable")
        for line in verdict_lines(broken)
    )


def test_the_command_writes_json_and_html(tmp_path, monkeypatch):
    monkeypatch.setattr(calibration, "run_solution", fake_run())
    monkeypatch.setattr("grader.calibrate.cli.calibrate", _with_fake(calibrate))
    result = CliRunner().invoke(
        app, ["calibrate", "--profile", "easy", "--seeds", "1", "--no-pairs",
              "--out", str(tmp_path / "cal")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "cal" / "calibration.json").read_text())
    assert data["kind"] == "calibration" and data["profile"] == "easy"
    # what was calibrated, as a bundle's key records it
    easy = load_profile("easy")
    assert data["profile_sha256"] == easy.sha256() and data["profile_settings"] == easy.to_dict()
    assert data["generator_version"] == GENERATOR_VERSION
    page = (tmp_path / "cal" / "calibration.html").read_text()
    assert "archetype:chunking" in page and easy.sha256() in page
    assert "chunking: detectable" in result.output
    assert "headroom (reference − sound headline): 0.29" in result.output  # 2 of 7 slices
    bad = CliRunner().invoke(app, ["calibrate", "--profile", "nope"])
    assert bad.exit_code == 2 and "Traceback" not in bad.output


def test_an_out_holding_a_calibration_is_refused_before_calibrating_unless_force(
    tmp_path, monkeypatch
):
    monkeypatch.setattr(calibration, "run_solution", fake_run())
    monkeypatch.setattr("grader.calibrate.cli.calibrate", _with_fake(calibrate))
    out = tmp_path / "cal [easy]"
    out.mkdir()
    (out / "calibration.json").write_text('{"old": true}', encoding="utf-8")
    args = ["calibrate", "--profile", "easy", "--seeds", "1", "--no-pairs", "--out", str(out)]
    refused = CliRunner().invoke(app, args)
    assert refused.exit_code == 2, refused.output
    assert refused.stderr.strip() == (
        f"error: {out} already holds a calibration (calibration.json); pass --force to replace "
        "it, or choose another --out"
    )
    assert "calibrating" not in refused.stderr  # refused before any run
    forced = CliRunner().invoke(app, [*args, "--force"])
    assert forced.exit_code == 0, forced.output
    assert json.loads((out / "calibration.json").read_text())["kind"] == "calibration"
    assert f"--force: removed 1 earlier output(s) from {out}" in forced.stderr


def _three_planted() -> Profile:
    """The easy profile planting chunking, retrieval and answering."""
    easy = load_profile("easy")
    return dataclasses.replace(
        easy, weaknesses=dataclasses.replace(easy.weaknesses, retrieval="dense_only")
    )


def _asking_every_slice() -> Profile:
    """The easy profile's corpus asking 12 hidden questions of every slice (12 can show a lift of
    0.30 clear of zero: `min_questions`), one public one each."""
    easy = load_profile("easy")
    return dataclasses.replace(
        easy, hidden=dict.fromkeys(SLICES, 12), public=dict.fromkeys(SLICES, 1)
    )


def _with_fake(real):
    def wrapped(*args, **kwargs):
        return real(*args, run=fake_run(), **kwargs)

    return wrapped


def test_a_bound_met_exactly_is_met_despite_float_rounding():
    # headlines are shares of questions: 139/140 - 132/140 is 0.05, which floats make 0.0500...04
    assert (139 / 140 - 132 / 140) > 0.05
    assert at_most(139 / 140 - 132 / 140, calibration.SEED_BOUND)
    assert at_most(0.3, 0.1 + 0.2) and not at_most(0.3, 0.29)
    assert not at_most(0.0501, calibration.SEED_BOUND)


def test_a_calibration_written_before_settings_were_recorded_still_renders(tmp_path):
    # a calibration.json kept from before the settings (and the sound solution) were recorded
    from grader.calibrate.report import verdict_lines, write_calibration

    data = calibrate(load_profile("pair"), [1], pairs=False, run=fake_run()).to_json()
    for field in ("profile_sha256", "profile_settings", "generator_version", "headroom"):
        del data[field]
    _, page = write_calibration(data, tmp_path)
    assert "archetype:chunking" in page.read_text() and "Settings" not in page.read_text()
    assert not any(line.startswith("headroom") for line in verdict_lines(data))


def test_the_committed_calibrations_are_of_the_shipped_profiles():
    # docs/profiles.md quotes these files; a profile edited since its calibration is not what
    # they measured
    from corpus.profile import shipped_profiles

    docs = harness_root() / "docs" / "calibration"
    for name in shipped_profiles():
        data = json.loads((docs / f"{name}.json").read_text(encoding="utf-8"))
        assert data["profile_sha256"] == load_profile(name).sha256(), (
            f"corpus/profiles/{name}.toml changed since docs/calibration/{name}.json: run "
            f"`takehome calibrate --profile {name} --seeds 5 --no-pairs`, copy its "
            "calibration.json there and update docs/profiles.md"
        )
        assert data["generator_version"] == GENERATOR_VERSION
        assert data["seeds"] == [1, 2, 3, 4, 5] and data["undetectable"] == []
