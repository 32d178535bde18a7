"""`takehome collect` writes grade-many's leaderboard from a copy of the round's results."""

from __future__ import annotations

import copy
import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from grader.batch.leaderboard import LEADERBOARD_CSV, LEADERBOARD_HTML, write_leaderboard
from grader.batch.run import Job, Outcome
from grader.cli import app
from grader.k8s.collect import ERROR_FILE, ROUND_FILE

SAMPLE = Path(__file__).parents[3] / "docs" / "report-sample.json"


def _round(folder: Path) -> list[Outcome]:
    """Three graded reports and one error, as the pods leave them; and the outcomes grade-many
    would have had for the same round."""
    sample = json.loads(SAMPLE.read_text(encoding="utf-8"))
    names = ["ada", "bo", "cy", "dee"]
    outcomes = []
    for step, name in enumerate(names[:3]):
        report = copy.deepcopy(sample)
        report["overall"]["metrics"]["recall@5"] = 0.5 + step / 10
        (folder / name).mkdir(parents=True)
        path = folder / name / "report.json"
        path.write_text(json.dumps(report), encoding="utf-8")
        outcomes.append(Outcome(Job(name, Path(name), Path("key")), path, report, None))
    (folder / "dee").mkdir()
    (folder / "dee" / ERROR_FILE).write_text("submission x is not a tar archive\n", "utf-8")
    outcomes.append(
        Outcome(
            Job("dee", Path("dee"), Path("key")), None, None, "submission x is not a tar archive"
        )
    )
    (folder / ROUND_FILE).write_text(json.dumps({"job": "r", "names": names}), encoding="utf-8")
    return outcomes


def test_collect_writes_the_leaderboard_grade_many_writes(tmp_path):
    folder = tmp_path / "results"
    outcomes = _round(folder)
    write_leaderboard(outcomes, folder)
    expected = {
        n: (folder / n).read_text(encoding="utf-8") for n in (LEADERBOARD_CSV, LEADERBOARD_HTML)
    }
    for name in expected:
        (folder / name).unlink()

    result = CliRunner().invoke(app, ["collect", str(folder)])
    assert result.exit_code == 1, result.output  # dee has no report
    assert result.stderr.strip().splitlines()[-1] == (
        "error: 1 of 4 submission(s) have no report: dee (the leaderboard says why)"
    )
    for name, text in expected.items():
        assert (folder / name).read_text(encoding="utf-8") == text
    assert "cy" in expected[LEADERBOARD_CSV].splitlines()[1]  # the best first


def test_a_pod_that_wrote_nothing_is_a_row_and_exit_0_when_all_graded(tmp_path):
    folder = tmp_path / "results"
    _round(folder)
    shutil.rmtree(folder / "dee")
    (folder / ROUND_FILE).write_text(json.dumps({"names": ["ada", "bo", "cy"]}), "utf-8")
    assert CliRunner().invoke(app, ["collect", str(folder)]).exit_code == 0
    (folder / ROUND_FILE).write_text(json.dumps({"names": ["ada", "bo", "cy", "eve"]}), "utf-8")
    result = CliRunner().invoke(app, ["collect", str(folder)])
    assert result.exit_code == 1
    assert "the pod of index 3 wrote nothing" in (folder / LEADERBOARD_CSV).read_text("utf-8")


def test_collect_input_mistakes(tmp_path):
    runner = CliRunner()
    missing = runner.invoke(app, ["collect", str(tmp_path / "nope")])
    assert missing.exit_code == 2 and "Traceback" not in missing.output
    assert "is not a folder" in missing.stderr
    empty = runner.invoke(app, ["collect", str(tmp_path)])
    assert empty.exit_code == 2 and "holds no round" in empty.stderr


def test_collect_help():
    result = CliRunner().invoke(app, ["collect", "--help"])
    assert result.exit_code == 0
    assert "kubectl cp" in result.output and "Exit codes" in result.output
