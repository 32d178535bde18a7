"""`takehome similarity` on a round of five: the pair sharing one disguised solution is flagged,
and only it; the starter's code alone never counts; the findings land in both reports, once."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from grader.catalogue import CATALOGUE_DIR
from grader.cli import app
from tests.grader.similarity.helpers import disguised, round_of

runner = CliRunner()


def solution(component: str, name: str = "reference") -> str:
    return (CATALOGUE_DIR / component / f"{name}.py").read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def round_dir(bundle_out, tmp_path_factory):
    out = bundle_out[0]
    folder = tmp_path_factory.mktemp("round")
    chunker = solution("chunking")
    round_of(
        folder,
        out / "bundle",
        out / "key",
        {
            "ana": {"rag/chunking.py": chunker},
            "ben": {"rag/chunking.py": disguised(chunker)},  # ana's, renamed and reordered
            "cleo": {"rag/retrieval.py": solution("retrieval")},
            "dev": {"rag/reranking.py": solution("reranking")},
            "eli": {},  # the starter as shipped
        },
    )
    return folder


def invoke(*args):
    return runner.invoke(app, ["similarity", *map(str, args)])


def test_only_the_pair_sharing_a_solution_is_flagged(round_dir):
    result = invoke(round_dir / "round")
    assert result.exit_code == 0, result.output
    data = json.loads((round_dir / "round" / "similarity.json").read_text(encoding="utf-8"))
    assert len(data["pairs"]) == 10
    flagged = [(p["a"], p["b"]) for p in data["pairs"] if p["flagged"]]
    assert flagged == [("ana", "ben")], data["pairs"][:3]
    top = data["pairs"][0]
    assert top["score"] >= 0.7 and top["regions"]["ana"][0]["path"] == "rag/chunking.py"
    own = {s["name"]: s["own"] for s in data["submissions"]}
    assert own["eli"] == 0  # the starter's code is all removed
    assert "look: ana and ben" in result.stdout
    html = (round_dir / "round" / "similarity.html").read_text(encoding="utf-8")
    assert "ana and ben" in html and "<mark>" in html and "never a verdict" in html

    for name, expected in (("ana", 1), ("ben", 1), ("cleo", 0), ("eli", 0)):
        report = json.loads((round_dir / "round" / name / "report.json").read_text("utf-8"))
        checks = [f["check"] for f in report["integrity"]]
        assert checks.count("similarity") == expected and "tests" in checks, (name, checks)
    finding = next(
        f
        for f in json.loads((round_dir / "round" / "ana" / "report.json").read_text())["integrity"]
        if f["check"] == "similarity"
    )
    assert "ben" in finding["title"] and "look" in finding["title"]

    # again: refused without --force; with it the finding is replaced, not added twice
    again = invoke(round_dir / "round")
    assert again.exit_code == 2 and "--force" in again.stderr
    assert invoke(round_dir / "round", "--force").exit_code == 0
    report = json.loads((round_dir / "round" / "ana" / "report.json").read_text("utf-8"))
    assert [f["check"] for f in report["integrity"]].count("similarity") == 1


def test_errors_are_one_line_naming_the_input(round_dir, tmp_path):
    result = invoke(round_dir / "round" / "ana" / "report.json", "--out", tmp_path / "o")
    assert result.exit_code == 2 and "at least two submissions" in result.stderr
    assert "Traceback" not in result.output
    gone = tmp_path / "gone"
    gone.mkdir()
    report = json.loads((round_dir / "round" / "cleo" / "report.json").read_text("utf-8"))
    report["submission"]["source"] = str(tmp_path / "missing")
    (gone / "report.json").write_text(json.dumps(report), encoding="utf-8")
    earlier = tmp_path / "o2"
    earlier.mkdir()
    (earlier / "similarity.json").write_text("{}", encoding="utf-8")
    result = invoke(gone, round_dir / "round" / "ana", "--out", earlier, "--force")
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.exit_code == 2 and len(lines) == 1 and "is not there any more" in lines[0]
    # bad inputs never cost the earlier comparison, even with --force
    assert (earlier / "similarity.json").read_text(encoding="utf-8") == "{}"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert invoke(empty).exit_code == 2


def test_help_explains_the_comparison():
    result = runner.invoke(app, ["similarity", "--help"])
    assert result.exit_code == 0
    for word in ("ROUND", "--out", "--force", "MOSS", "starter", "Exit codes"):
        assert word in result.stdout
