"""Per-candidate secret seeds: derivation, secret sources, and bundles built with them."""

from __future__ import annotations

import json
import stat

import pytest
from typer.testing import CliRunner

from grader.bundle import seeds
from grader.bundle.seeds import SecretError, TeamSecret, derive_seed, load_secret
from grader.cli import app

SECRET = TeamSecret(b"0123456789abcdef0123456789abcdef", "test")


def test_the_seed_depends_on_secret_candidate_and_profile_only():
    seed = derive_seed(SECRET, "Ada Lovelace", "medium")
    assert seed == derive_seed(SECRET, "  ada   LOVELACE ", "medium")  # normalised names
    assert 0 <= seed < seeds.SEED_MODULUS
    assert seed != derive_seed(SECRET, "Ada Byron", "medium")
    assert seed != derive_seed(SECRET, "Ada Lovelace", "hard")
    other = TeamSecret(b"another secret of enough length!", "test")
    assert seed != derive_seed(other, "Ada Lovelace", "medium")


def test_secret_sources_in_order(tmp_path, monkeypatch):
    monkeypatch.setattr(seeds, "DEFAULT_FILE", tmp_path / "cfg" / "team_secret")
    monkeypatch.delenv(seeds.ENV, raising=False)
    created = load_secret()
    assert created.created and created.source == str(tmp_path / "cfg" / "team_secret")
    assert stat.S_IMODE((tmp_path / "cfg" / "team_secret").stat().st_mode) == 0o600
    again = load_secret()
    assert again.value == created.value and not again.created
    monkeypatch.setenv(seeds.ENV, "x" * 20)
    assert load_secret().value == b"x" * 20
    given = tmp_path / "given"
    given.write_text("y" * 40 + "\n")
    assert load_secret(given).value == b"y" * 40


def test_bad_secrets_say_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setenv(seeds.ENV, "short")
    with pytest.raises(SecretError, match="at least 16"):
        load_secret()
    with pytest.raises(SecretError, match="cannot read the team secret"):
        load_secret(tmp_path / "missing")


def test_a_secret_seed_bundle_keeps_its_seed_out_of_the_bundle(tmp_path, monkeypatch):
    monkeypatch.setenv(seeds.ENV, SECRET.value.decode())
    args = ["bundle", "--candidate", "Ada Lovelace", "--profile", "easy"]
    first = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "a")])
    assert first.exit_code == 0, first.output
    assert "secret seed" in first.output
    manifest = json.loads((tmp_path / "a/bundle/corpus/manifest.json").read_text())
    key = json.loads((tmp_path / "a/key/key.json").read_text())
    assert manifest["seed"] is None
    assert key["seed"] == derive_seed(SECRET, "Ada Lovelace", "easy")
    assert key["seed_source"] == "team secret"
    second = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "b")])
    assert second.exit_code == 0
    assert (tmp_path / "a/bundle.tar.gz").read_bytes() == (
        tmp_path / "b/bundle.tar.gz"
    ).read_bytes()


def test_seed_and_secret_file_together_are_refused(tmp_path):
    result = CliRunner().invoke(
        app,
        ["bundle", "--candidate", "x", "--seed", "3", "--secret-file", str(tmp_path / "s"),
         "--out", str(tmp_path / "o")],
    )  # fmt: skip
    assert result.exit_code == 2 and "not both" in result.output


def test_a_secret_seed_whose_world_cannot_supply_the_profile_falls_back_to_the_next(
    tmp_path, monkeypatch
):
    # "candidate 16"'s first seed draws a world with too few temporal facts for medium (about
    # one seed in 20 does); the bundle takes the next seed of the same derived sequence
    from corpus.profile import ProfileError, load_profile
    from corpus.variant import generate

    first = derive_seed(SECRET, "candidate 16", "medium")
    with pytest.raises(ProfileError, match="distinct temporal facts"):
        generate(first, load_profile("medium"))
    monkeypatch.setenv(seeds.ENV, SECRET.value.decode())
    out = tmp_path / "b"
    result = CliRunner().invoke(app, ["bundle", "--candidate", "candidate 16", "--out", str(out)])
    assert result.exit_code == 0, result.output
    key = json.loads((out / "key" / "key.json").read_text())
    assert key["seed"] == derive_seed(SECRET, "candidate 16", "medium", 1) != first
    assert derive_seed(SECRET, "candidate 16", "medium", 0) == first  # attempt 0: unchanged
