"""`grade-many --emit k8s` on the command line: manifests instead of grades, the help that says
so, and one clear line when the kubernetes client (the k8s extra) is missing."""

from __future__ import annotations

import shutil
import sys

from typer.testing import CliRunner

from grader.cli import app


def test_help_explains_emit():
    result = CliRunner().invoke(app, ["grade-many", "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0
    # the help's boxes split sentences across lines: join the words back
    text = " ".join(result.output.translate(str.maketrans("│╭╮╰╯─", "      ")).split())
    assert "--emit" in text and "Kubernetes Indexed Job" in text and "takehome collect" in text


def test_emit_writes_manifests_and_grades_nothing(bundle_out, tmp_path):
    out, _ = bundle_out
    dest = tmp_path / "k8s"
    result = CliRunner().invoke(
        app,
        ["grade-many", str(out / "bundle"), "--key", str(out / "key"), "--emit", "k8s", str(dest),
         "--out", str(tmp_path / "grades")],
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in dest.iterdir()) == ["key-secret.yaml", "round.json", "round.yaml"]
    assert "it holds the key" in result.stderr
    assert not (tmp_path / "grades").exists()


def test_an_unknown_engine_is_named(bundle_out, tmp_path):
    out, _ = bundle_out
    result = _emit(out, "nomad", tmp_path)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert result.stderr.strip() == "error: --emit 'nomad' is not one of k8s"


def test_without_the_extra_one_line_names_it(bundle_out, tmp_path, monkeypatch):
    out, _ = bundle_out
    for name in [m for m in sys.modules if m == "kubernetes" or m.startswith("kubernetes.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "kubernetes", None)  # import kubernetes now fails
    result = _emit(out, "k8s", tmp_path / "k")
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "pip install 'rag-takehome[k8s]'" in lines[0]


def test_a_round_of_several_keys_is_refused(bundle_out, tmp_path):
    out, _ = bundle_out
    other = tmp_path / "other-key"
    shutil.copytree(out / "key", other)
    manifest = tmp_path / "round.csv"
    manifest.write_text(
        f"submission,key,name\n{out / 'bundle'},{out / 'key'},a\n{out / 'bundle'},{other},b\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(
        app, ["grade-many", "--manifest", str(manifest), "--emit", "k8s", str(tmp_path / "k")]
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "one key" in lines[0] and "emit one round per key" in lines[0]
    assert not (tmp_path / "k").exists()


def _emit(out, engine, dest):
    """`grade-many BUNDLE --key KEY --emit ENGINE DEST` on the bundle fixture's output."""
    return CliRunner().invoke(
        app,
        ["grade-many", str(out / "bundle"), "--key", str(out / "key"), "--emit", engine, str(dest)],
    )
