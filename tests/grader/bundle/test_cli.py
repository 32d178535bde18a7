"""`takehome bundle`: help text, a successful run, and one-line errors with exit code 2."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from grader.cli import app

runner = CliRunner()
OPTIONS = ("--candidate", "--seed", "--secret-file", "--profile", "--out", "--force")


def _plain(text: str) -> str:
    return " ".join(re.sub(r"\x1b\[[0-9;]*m", "", text).replace("│", " ").split())


def test_bundle_is_listed_in_the_top_level_help():
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0 and "bundle" in result.output


def test_help_explains_every_option():
    result = runner.invoke(app, ["bundle", "--help"], terminal_width=200)
    assert result.exit_code == 0
    text = _plain(result.output)
    assert "tarball to send and a key folder to keep" in text
    for option in OPTIONS:
        assert option in text
    for phrase in (
        "recorded in the key only",
        "derived from the team secret",
        "path to a .toml file",
        "Default: bundles/<candidate>",
        "Replace OUT",
    ):
        assert phrase in text


def test_a_bundle_is_built_and_summarised(tmp_path):
    out = tmp_path / "out"
    args = ["bundle", "--candidate", "Grace", "--seed", "4", "--out", str(out)]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "send this to the candidate" in result.output
    key = json.loads((out / "key" / "key.json").read_text(encoding="utf-8"))
    assert (key["candidate"], key["seed"], key["profile"]) == ("Grace", 4, "medium")
    assert (out / "bundle.tar.gz").is_file()


def test_the_output_folder_defaults_to_bundles_slash_candidate(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["bundle", "--candidate", "Grace Hopper", "--seed", "4"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "bundles" / "grace-hopper" / "bundle.tar.gz").is_file()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"--seed": "-1"}, "--seed must be zero or positive"),
        ({"--profile": "nightmare"}, "unknown profile 'nightmare'"),
        ({"--candidate": "  "}, "the candidate name is empty"),
        ({"--profile": "{bad_profile}"}, "unknown embedding implementation 'tfidf'; allowed:"),
        ({"--out": "{existing}"}, "already exists; pass --force to replace it"),
        ({"--out": "{foreign}", "--force": ""}, "holds files other than bundle, bundle.tar.gz"),
    ],
    ids=["seed", "profile", "candidate", "weakness", "exists", "foreign"],
)
def test_user_mistakes_are_one_line_errors_with_exit_code_2(tmp_path, overrides, message):
    bad_profile = tmp_path / "ours.toml"
    bad_profile.write_text('[weaknesses]\nembedding = "tfidf"\n', encoding="utf-8")
    (tmp_path / "existing").mkdir()
    (tmp_path / "foreign").mkdir()
    (tmp_path / "foreign" / "notes.txt").write_text("mine", encoding="utf-8")
    paths = {"bad_profile": bad_profile, "existing": tmp_path / "existing"}
    paths["foreign"] = tmp_path / "foreign"
    options = {"--candidate": "Grace", "--seed": "4", "--out": str(tmp_path / "new")}
    options.update({k: v.format(**paths) for k, v in overrides.items()})
    argv = ["bundle"] + [x for k, v in options.items() for x in ((k, v) if v else (k,))]
    result = runner.invoke(app, argv)
    assert result.exit_code == 2, result.output
    assert message in _plain(result.output)
    assert "Traceback" not in result.output
    assert not (tmp_path / "new").exists()
    assert (tmp_path / "foreign" / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_missing_required_options_are_usage_errors():
    result = runner.invoke(app, ["bundle", "--seed", "4"])
    assert result.exit_code == 2 and "--candidate" in _plain(result.output)


def test_without_a_seed_the_team_secret_is_needed(tmp_path, monkeypatch):
    monkeypatch.setenv("TAKEHOME_TEAM_SECRET", "short")
    result = runner.invoke(app, ["bundle", "--candidate", "Grace", "--out", str(tmp_path / "o")])
    assert result.exit_code == 2 and "at least 16" in _plain(result.output)
    assert not (tmp_path / "o").exists()
