import json

import pytest
from typer.testing import CliRunner

from grader.cli import app

runner = CliRunner()


@pytest.mark.parametrize(
    "command",
    [
        [],
        ["corpus"],
        ["corpus", "generate"],
        ["corpus", "verify"],
        ["corpus", "stats"],
        ["corpus", "profiles"],
    ],
)
def test_help(command):
    result = runner.invoke(app, [*command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output


def test_generate_verify_stats(tmp_path):
    out = tmp_path / "v"
    result = runner.invoke(
        app, ["corpus", "generate", "--seed", "3", "--profile", "easy", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert (out / "variant" / "manifest.json").is_file()
    assert (out / "key" / "variant" / "manifest.json").is_file()

    again = runner.invoke(
        app, ["corpus", "generate", "--seed", "3", "--profile", "easy", "--out", str(out)]
    )
    assert again.exit_code == 2 and "pass --force" in again.output

    assert runner.invoke(app, ["corpus", "verify", str(out)]).exit_code == 0
    stats = runner.invoke(app, ["corpus", "stats", str(out), "--json"])
    assert stats.exit_code == 0
    assert json.loads(stats.output)["documents"] > 0


def test_generate_words_a_variant_as_asked(tmp_path):
    out = tmp_path / "u"
    args = ["corpus", "generate", "--seed", "3", "--profile", "easy", "--out", str(out)]
    result = runner.invoke(app, [*args, "--wording", "unseen"])
    assert result.exit_code == 0, result.output
    assert "unseen wording" in result.output
    assert json.loads((out / "variant" / "manifest.json").read_text())["wording"] == "unseen"
    assert runner.invoke(app, ["corpus", "verify", str(out)]).exit_code == 0
    bad = runner.invoke(app, [*args, "--wording", "plain", "--force"])
    assert bad.exit_code == 2
    assert "--wording must be one of shipped, unseen, got 'plain'" in bad.output
    assert "Traceback" not in bad.output


def test_user_errors_are_one_line_without_traceback(tmp_path):
    bad = tmp_path / "ours.toml"
    bad.write_text("[corpus]\nservces = 3\n")
    result = runner.invoke(
        app, ["corpus", "generate", "--profile", str(bad), "--out", str(tmp_path / "o")]
    )
    assert result.exit_code == 2
    assert "unknown knob corpus.servces" in result.output
    assert "Traceback" not in result.output

    missing = runner.invoke(app, ["corpus", "verify", str(tmp_path / "nothing")])
    assert missing.exit_code == 2 and "is not a variant" in missing.output


def test_verify_exit_code_on_problems(medium_dir, tmp_path):
    import shutil

    copy = tmp_path / "c"
    shutil.copytree(medium_dir, copy)
    (copy / "variant" / "questions" / "public.jsonl").write_text("{not json\n")
    result = runner.invoke(app, ["corpus", "verify", str(copy)])
    assert result.exit_code == 1
    assert "not valid JSON" in result.output
