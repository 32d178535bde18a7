"""`grader.outputs`: an output folder holding earlier outputs is refused, or with `force` cleared
of exactly those (nothing else in the folder is touched)."""

from __future__ import annotations

import pytest

from grader.outputs import OutputExistsError, Outputs, claim

GRADE = Outputs("a grade", ("report.json", "report.csv", "logs", "work-*"))
BATCH = Outputs("earlier grades", ("leaderboard.csv",), nested=GRADE)


def test_an_absent_or_unrelated_folder_is_claimed_as_is(tmp_path):
    assert claim(tmp_path / "new", GRADE, force=False) == []
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert claim(tmp_path, GRADE, force=False) == []
    assert (tmp_path / "notes.txt").is_file()


def test_earlier_outputs_are_refused_by_name(tmp_path):
    folder = tmp_path / "run [2]"
    folder.mkdir()
    (folder / "report.json").write_text("{}", encoding="utf-8")
    (folder / "report.csv").write_text("", encoding="utf-8")
    with pytest.raises(OutputExistsError) as error:
        claim(folder, GRADE, force=False)
    message = str(error.value)
    assert message.startswith(f"{folder} already holds a grade (report.csv, report.json)")
    assert "--force" in message
    assert (folder / "report.json").is_file()  # refused: nothing removed


def test_force_removes_exactly_the_earlier_outputs(tmp_path):
    (tmp_path / "report.json").write_text("{}", encoding="utf-8")
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "submission.log").write_text("x", encoding="utf-8")
    (tmp_path / "work-abc" / "submission").mkdir(parents=True)
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    said = []
    removed = claim(tmp_path, GRADE, force=True, say=said.append)
    assert [p.name for p in removed] == ["logs", "report.json", "work-abc"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
    assert said == [f"--force: removed 3 earlier output(s) from {tmp_path}"]


def test_nested_outputs_are_found_in_each_subfolder_and_emptied_folders_go(tmp_path):
    (tmp_path / "ada").mkdir()
    (tmp_path / "ada" / "report.json").write_text("{}", encoding="utf-8")
    (tmp_path / "bob").mkdir()
    (tmp_path / "bob" / "report.csv").write_text("", encoding="utf-8")
    (tmp_path / "bob" / "diff.txt").write_text("kept", encoding="utf-8")
    (tmp_path / "cohort").mkdir()
    (tmp_path / "cohort" / "cohort.json").write_text("{}", encoding="utf-8")
    with pytest.raises(OutputExistsError, match=r"ada/report\.json, bob/report\.csv\)"):
        claim(tmp_path, BATCH, force=False)
    claim(tmp_path, BATCH, force=True)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*")) == [
        "bob",
        "bob/diff.txt",
        "cohort",
        "cohort/cohort.json",
    ]


def test_a_long_list_is_cut_and_counted(tmp_path):
    many = Outputs("things", ("*.txt",))
    for i in range(7):
        (tmp_path / f"{i}.txt").write_text("", encoding="utf-8")
    with pytest.raises(OutputExistsError, match=r"\(0\.txt, 1\.txt, 2\.txt, 3\.txt and 3 more\)"):
        claim(tmp_path, many, force=False)


def test_a_file_where_the_folder_should_be_is_refused(tmp_path):
    blocker = tmp_path / "out"
    blocker.write_text("", encoding="utf-8")
    with pytest.raises(OutputExistsError, match="is a file, not a folder"):
        claim(blocker, GRADE, force=True)
