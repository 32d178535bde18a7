"""The pair profile and its pairing guide: written to the key of a pairing-sized bundle only,
never into the bundle; the pair bundle keeps every rule a bundle keeps."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from corpus.failure_modes import COMPONENTS, SOUND
from corpus.profile import load_profile
from corpus.validate import verify
from corpus.variant import generate
from grader.bundle.build import build_bundle
from grader.bundle.pairing_guide import (
    AREAS,
    GUIDE_FILE,
    MAX_PLANTED,
    pairing_guide,
    planted_components,
    wants_pairing_guide,
)
from grader.catalogue import CATALOGUE_DIR, REFERENCE, registry, selection_from_profile
from tests.grader.bundle.helpers import HARNESS_WORDS, TELLTALE, read_files, read_texts

CANDIDATE = "Pat Qxzvlace"  # a surname no corpus invents
SEED = 5
PAIR_PLANTED = {"chunking": "fixed_chars", "answering": "first_passage"}


@pytest.fixture(scope="module")
def pair_out(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("pair") / "out"
    result = build_bundle(load_profile("pair"), SEED, CANDIDATE, out)
    assert result.pairing_guide == out / "key" / GUIDE_FILE
    return out


@pytest.fixture(scope="module")
def guide(pair_out: Path) -> str:
    return (pair_out / "key" / GUIDE_FILE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def key(pair_out: Path) -> dict:
    return json.loads((pair_out / "key" / "key.json").read_text(encoding="utf-8"))


def test_the_pair_profile_plants_exactly_two_components() -> None:
    profile = load_profile("pair")
    selection = selection_from_profile(profile)
    assert {c: selection[c] for c in planted_components(selection)} == PAIR_PLANTED
    assert all(selection[c] == REFERENCE for c in COMPONENTS if c not in PAIR_PLANTED)
    assert profile.budgets.time_box_hours == 1.0
    medium = load_profile("medium")
    assert sum(profile.hidden.values()) < sum(medium.hidden.values())
    assert profile.corpus.filler_documents < medium.corpus.filler_documents


@pytest.mark.parametrize(
    # easy plants two components too (chunking, answering), like a pairing round
    ("profile", "expected"),
    [("pair", True), ("easy", True), ("medium", False), ("hard", False)],
)
def test_only_pairing_sized_profiles_get_a_guide(profile: str, expected: bool) -> None:
    assert wants_pairing_guide(selection_from_profile(load_profile(profile))) is expected


def test_a_guide_needs_one_to_two_planted_components() -> None:
    profile = load_profile("pair")
    variant = generate(SEED, profile)
    sound = dict.fromkeys(COMPONENTS, REFERENCE)
    assert not wants_pairing_guide(sound)
    assert not wants_pairing_guide(dict.fromkeys(COMPONENTS, SOUND))  # textbook: nothing planted
    with pytest.raises(ValueError, match=f"needs 1 to {MAX_PLANTED} planted components, got 0"):
        pairing_guide(profile, variant, sound, candidate="x")
    three = {**sound, **PAIR_PLANTED, "retrieval": "dense_only"}
    with pytest.raises(ValueError, match="got 3 .chunking, retrieval, answering."):
        pairing_guide(profile, variant, three, candidate="x")
    one = pairing_guide(profile, variant, {**sound, "reranking": "none"}, candidate="x")
    assert "## 2. Reranking (`reranking.py`)" in one and "## 3. Wrap-up" in one


def test_every_catalogued_planted_implementation_has_guide_notes() -> None:
    for component, names in registry().items():
        for name in names:
            if name not in (REFERENCE, SOUND):
                assert name in AREAS[component].planted, f"{component}/{name} has no notes"


def test_the_guide_is_in_the_key_and_never_in_the_bundle(pair_out: Path, guide: str) -> None:
    assert sorted(p.name for p in (pair_out / "key").iterdir()) == sorted(
        [GUIDE_FILE, "key.json", "questions", "variant"]
    )
    assert not any(Path(rel).name == GUIDE_FILE for rel in read_files(pair_out / "bundle"))
    everything = "\n".join(read_texts(pair_out / "bundle").values())
    for area in PAIR_PLANTED:
        for hint in AREAS[area].hints:
            assert hint not in everything and hint in guide


def test_the_guide_names_the_planted_areas_stages_and_rubric(guide: str, key: dict) -> None:
    assert guide.startswith(f"# Pairing guide: {CANDIDATE}\n")
    assert "Profile `pair`, seed 5: " in guide and "about 60 minutes" in guide
    assert "`chunking/fixed_chars`" in guide and "`answering/first_passage`" in guide
    assert "consecutive windows of 500 characters" in guide  # the profile's chunk size
    assert "Shipped sound: embedding, retrieval, reranking." in guide
    for heading in (
        "## Before the session",
        "## Timeline",
        "## 1. Orientation",
        "## 2. Chunking (`chunking.py`)",
        "## 3. Answers, citations and abstention (`answering.py`)",
        "## If they head into a sound area",
        "## 4. Wrap-up",
        "## Scoring the conversation",
    ):
        assert f"\n{heading}\n" in guide
    assert "## Embeddings" not in guide and "## Reranking" not in guide
    # The timeline covers the time box exactly, without gaps.
    rows = re.findall(r"^\| (\d+)–(\d+) \| ([^|]+) \|", guide, re.MULTILINE)
    assert [title.strip() for *_, title in rows] == [
        "Orientation", "Chunking", "Answers, citations and abstention", "Wrap-up", "Debrief",
    ]  # fmt: skip
    bounds = [(int(a), int(b)) for a, b, _ in rows]
    assert bounds[0][0] == 0 and bounds[-1][1] == 60
    assert all(
        prev[1] == nxt[0] and prev[0] < prev[1]
        for prev, nxt in zip(bounds, bounds[1:], strict=False)
    )
    # Public questions pointed at are of the slices each planted area breaks (key.json knows).
    listed = re.findall(r"^- `(\w+)` \((\w+)\): ", guide, re.MULTILINE)
    assert listed and all(key["public_slices"][qid] == slice_ for qid, slice_ in listed)
    assert {s for _, s in listed} == {"boundary", "heading", "table", "unanswerable"}
    assert guide.count("| **") == 5  # five rubric rows
    assert "1. Pick one failing question" in guide and "3. Some questions cannot" in guide


def test_the_guide_is_the_same_for_the_same_inputs(guide: str, tmp_path: Path) -> None:
    again = build_bundle(load_profile("pair"), SEED, CANDIDATE, tmp_path / "again")
    assert again.pairing_guide is not None
    assert again.pairing_guide.read_text(encoding="utf-8") == guide


def test_a_medium_bundle_has_no_guide(bundle_out) -> None:
    out, result = bundle_out
    assert result.pairing_guide is None and not (out / "key" / GUIDE_FILE).exists()


# The rules every bundle keeps (tests/grader/bundle/test_build.py), on the pair bundle.


def test_the_pair_key_and_corpus_verify(pair_out: Path, tmp_path: Path) -> None:
    assert verify(pair_out / "key") == []
    (tmp_path / "variant").symlink_to(pair_out / "bundle" / "corpus")
    (tmp_path / "key").symlink_to(pair_out / "key")
    assert verify(tmp_path) == []


def test_the_pair_bundle_ships_the_planted_and_sound_modules(pair_out: Path, key: dict) -> None:
    rag = pair_out / "bundle" / "rag"
    expected = {c: PAIR_PLANTED.get(c, REFERENCE) for c in COMPONENTS}
    assert key["components"] == expected
    for component, name in PAIR_PLANTED.items():
        assert (rag / f"{component}.py").read_bytes() == (
            CATALOGUE_DIR / component / f"{name}.py"
        ).read_bytes()


def test_the_pair_brief_is_rendered_from_the_profile(pair_out: Path) -> None:
    readme = " ".join((pair_out / "bundle" / "README.md").read_text(encoding="utf-8").split())
    assert "about 1 hour" in readme and "28 public questions" in readme
    assert "{{" not in readme


def test_no_hidden_question_key_or_candidate_in_the_pair_bundle(pair_out: Path) -> None:
    hidden = (pair_out / "key" / "questions" / "hidden.jsonl").read_text(encoding="utf-8")
    texts = [json.loads(line)["text"] for line in hidden.splitlines()]
    everything = "\n".join(read_texts(pair_out / "bundle").values())
    assert [t for t in texts if t in everything] == []
    assert CANDIDATE not in everything and "Qxzvlace" not in everything
    names = [
        rel
        for rel in read_files(pair_out / "bundle")
        if re.search(r"(^|/)(key|key\.json|hidden\.jsonl)(/|$)|reference|catalogue", rel)
    ]
    assert names == []
    for component, implementations in registry().items():
        for name in (n for n in implementations if "_" in n):
            assert name not in everything, f"{component} implementation name {name!r} leaked"


def test_no_harness_or_telltale_words_in_the_pair_bundle(pair_out: Path) -> None:
    for rel, text in read_texts(pair_out / "bundle", skip=("corpus/",)).items():
        found = HARNESS_WORDS.search(text)
        assert found is None, f"{rel}: {found.group(0)!r}"
    for rel, text in read_texts(pair_out / "bundle").items():
        found = TELLTALE.search(text)
        assert found is None, f"{rel}: {found.group(0)!r}"
