import dataclasses

import pytest

from corpus.failure_modes import SLICE_RECORDS, SLICES
from corpus.profile import ProfileError, load_profile, parse_profile, shipped_profiles


def test_shipped_profiles_load():
    names = shipped_profiles()
    assert {"easy", "medium", "hard"} <= set(names)
    for name in names:
        profile = load_profile(name)
        assert profile.name == name
        assert set(profile.hidden) == set(SLICES) == set(profile.public)


def test_medium_file_equals_the_defaults():
    # The medium profile documents the defaults: a file that sets nothing must equal it.
    medium = load_profile("medium").to_dict()
    empty = parse_profile({"description": medium["description"]}, default_name="medium", origin="t")
    assert empty.to_dict() == medium


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"corpus": {"product_famlies": 3}}, "unknown knob corpus.product_famlies"),
        ({"corpus": {"services": "many"}}, "corpus.services must be an integer"),
        ({"corpus": {"services": True}}, "corpus.services must be an integer"),
        ({"corpus": {"services": 0}}, "corpus.services = 0 is out of range"),
        ({"starter": {"align_to_chunks": 1}}, "starter.align_to_chunks must be true or false"),
        ({"questions": {"hidden": {"tables": 3}}}, "unknown knob questions.hidden.tables"),
        ({"questions": {"secret": {}}}, "unknown knob questions.secret"),
        ({"weakness": {}}, "unknown knob weakness"),
        ({"weaknesses": {"chunker": "x"}}, "unknown knob weaknesses.chunker"),
        ({"weaknesses": {"chunking": 3}}, "weaknesses.chunking must be a non-empty string"),
        ({"budgets": {"cpus": "two"}}, "budgets.cpus must be a number"),
        (
            {"budgets": {"run_timeout_s": 600}},
            r"budgets.run_timeout_s \(600\) must exceed budgets.build_timeout_s \(600\)",
        ),
        ({"questions": {"retired": "product/weight"}}, "questions.retired must be a list"),
        ({"questions": {"retired": [3]}}, "questions.retired must be a list"),
        (
            {"questions": {"retired": ["handbook/late_diner_cap"]}},
            "no item the generator asks: 'handbook/late_diner_cap' "
            r"\(did you mean 'handbook/late_dinner_cap'\?\)",
        ),
    ],
)
def test_bad_knobs_are_named(data, message):
    with pytest.raises(ProfileError, match=message):
        parse_profile(data, default_name="x", origin="ours.toml")


def test_unknown_knob_message_lists_allowed_values():
    with pytest.raises(ProfileError) as info:
        parse_profile({"judging": {"cap": 1}}, default_name="x", origin="ours.toml")
    assert "judging.passage_cap" in str(info.value) and "judging.answer_cap" in str(info.value)


def test_unknown_profile_name_lists_shipped_ones():
    with pytest.raises(ProfileError, match="use one of easy, hard, medium"):
        load_profile("impossible")


def test_profile_file_by_path(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text('name = "ours"\n[corpus]\nservices = 3\n')
    profile = load_profile(path)
    assert profile.name == "ours" and profile.corpus.services == 3
    bad = tmp_path / "bad.toml"
    bad.write_text("[corpus\n")
    with pytest.raises(ProfileError, match="not valid TOML"):
        load_profile(bad)
    with pytest.raises(ProfileError, match="does not exist"):
        load_profile(tmp_path / "missing.toml")


def test_retired_items_are_kept_sorted_once_and_change_the_hash_only_when_set():
    medium = load_profile("medium")
    names = ["product/weight", "handbook/late_dinner_cap", "product/weight"]
    retiring = parse_profile({"questions": {"retired": names}}, default_name="medium", origin="t")
    assert retiring.retired == ("handbook/late_dinner_cap", "product/weight")
    assert retiring.to_dict()["questions"]["retired"] == list(retiring.retired)
    assert retiring.sha256() != medium.sha256()
    # retiring nothing is the profile as it was: same settings, same hash
    assert medium.retired == () and "retired" not in medium.to_dict()["questions"]


def test_a_slice_added_after_profiles_were_hashed_is_listed_only_when_asked():
    # Slices added to the registry after profiles were hashed are listed only when a profile asks
    # them, so a profile that does not (easy, pair, hard) hashes as before and keeps its
    # calibration, while medium, which asks them, lists them.
    added = [s.name for s in SLICE_RECORDS if not s.listed_unasked]
    assert added  # the registry has such slices
    easy, medium = load_profile("easy"), load_profile("medium")
    assert not set(added) & set(easy.to_dict()["questions"]["hidden"])
    assert set(added) <= set(medium.to_dict()["questions"]["hidden"])
    asking = dataclasses.replace(easy, hidden={**easy.hidden, added[0]: 3})
    listed = asking.to_dict()["questions"]
    assert listed["hidden"][added[0]] == 3 and listed["public"][added[0]] == 0
    assert asking.sha256() != easy.sha256()
    # read back as a key's profile_settings are, a left-out slice is 0, not its default
    for profile in (easy, medium, asking):
        again = parse_profile(profile.to_dict(), default_name="", origin="t", settings=True)
        assert again == profile and again.sha256() == profile.sha256()
    # a profile file that leaves it out takes the default, medium's count
    omitting = parse_profile({}, default_name="m", origin="t")
    assert omitting.hidden[added[0]] == medium.hidden[added[0]] > 0
    # an asked-by-default slice set to 0 stays listed: leaving it out would read back as its default
    silent = parse_profile(
        {"questions": {"hidden": {"table": 0}, "public": {"table": 0}}},
        default_name="m",
        origin="t",
    )
    assert silent.to_dict()["questions"]["hidden"]["table"] == 0
    assert parse_profile(silent.to_dict(), default_name="", origin="t") == silent


@pytest.mark.parametrize(
    ("knob", "default", "other", "out_of_range"),
    [("handbook_rules_per_section", 3, 1, 4), ("paraphrase_min_band", 0, 3, 5)],
)
def test_a_late_corpus_knob_is_listed_only_when_not_its_default(knob, default, other, out_of_range):
    # added after profiles were hashed: a profile that leaves it at its default hashes as before
    medium = load_profile("medium")
    assert getattr(medium.corpus, knob) == default
    assert knob not in medium.to_dict()["corpus"]
    changed = parse_profile({"corpus": {knob: other}}, default_name="medium", origin="t")
    assert changed.to_dict()["corpus"][knob] == other
    assert changed.sha256() != medium.sha256()
    for profile in (medium, changed):
        again = parse_profile(profile.to_dict(), default_name="", origin="t", settings=True)
        assert again == profile and again.sha256() == profile.sha256()
    with pytest.raises(ProfileError, match=f"corpus.{knob}"):
        parse_profile({"corpus": {knob: out_of_range}}, default_name="m", origin="t")
