"""The evaluation history: source hashing, the line written per run, appending, reading back."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from exercise.errors import OptionError
from exercise.evaluate import EvalOptions, Report, score_run
from exercise.history import (
    HISTORY_SCHEMA,
    TAIL_BYTES,
    append_entry,
    changed_files,
    check_label,
    history_entry,
    last_recorded_files,
    rag_sha256,
    record_evaluation,
    source_files,
    sources_sha256,
)
from exercise.loading import Corpus, Question
from exercise.runner import run_in_process
from exercise.scoring import METRIC_KEYS
from tests.exercise.helpers import BrokenBuild, WholeDocs

NOW = datetime(2025, 5, 2, 14, 3, 7, 250_000, tzinfo=UTC)


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


@pytest.fixture
def submission(tmp_path: Path) -> Path:
    root = tmp_path / "sub"
    (root / "rag" / "sub").mkdir(parents=True)
    (root / "rag" / "__init__.py").write_bytes(b"")
    (root / "rag" / "pipeline.py").write_bytes(b"class Pipeline: ...\n")
    (root / "rag" / "sub" / "data.json").write_bytes(b"{}")
    return root


@pytest.fixture
def report(small: tuple[Corpus, tuple[Question, ...]]) -> Report:
    corpus, questions = small
    run = run_in_process(WholeDocs(corpus), [q.text for q in questions], k=10)
    return score_run(corpus, questions, run, options=EvalOptions(resamples=20))


def test_source_files_hash_every_source_under_rag_and_nothing_else(submission: Path) -> None:
    rag = submission / "rag"
    for junk in ("__pycache__/pipeline.cpython-311.pyc", ".hidden/x.py", "sub/.DS_Store"):
        (rag / junk).parent.mkdir(parents=True, exist_ok=True)
        (rag / junk).write_bytes(b"junk")
    for editor_file in (".pipeline.py.swp", "pipeline.py~", "#pipeline.py#", "4913", "x.pyc"):
        (rag / editor_file).write_bytes(b"junk")
    os.mkfifo(rag / "pipe")  # never opened: reading it would block
    (rag / "link.py").symlink_to("/etc/hostname")  # not followed: hashed as its target text
    (submission / "NOTES.md").write_text("not under rag/", encoding="utf-8")
    assert source_files(submission) == {
        "rag/__init__.py": sha256(b""),
        "rag/link.py": sha256(b"symlink:/etc/hostname"),
        "rag/pipeline.py": sha256(b"class Pipeline: ...\n"),
        "rag/sub/data.json": sha256(b"{}"),
    }


def test_no_rag_folder_hashes_as_the_empty_listing(tmp_path: Path) -> None:
    assert source_files(tmp_path) == {}
    assert rag_sha256(tmp_path) == sha256(b"")


def test_the_digest_is_sha256sum_of_the_sorted_listing(submission: Path) -> None:
    files = source_files(submission)
    listing = "".join(f"{files[p]}  {p}\n" for p in sorted(files))  # `sha256sum` output
    assert sources_sha256(files) == sha256(listing.encode()) == rag_sha256(submission)
    assert sources_sha256(dict(reversed(files.items()))) == sources_sha256(files)  # order-free


def test_changed_files_lists_added_removed_and_modified_paths() -> None:
    before = {"rag/a.py": "1", "rag/b.py": "2", "rag/c.py": "3"}
    after = {"rag/a.py": "1", "rag/b.py": "9", "rag/d.py": "4"}
    assert changed_files(before, after) == ("rag/b.py", "rag/c.py", "rag/d.py")
    assert changed_files(after, after) == ()
    assert changed_files(None, after) is None  # nothing to compare with


@pytest.mark.parametrize("label", ["eval", "test", "watch", "my-run_2"])
def test_labels_are_short_lower_case_words(label: str) -> None:
    assert check_label(label) == label


@pytest.mark.parametrize("label", ["", "Eval", "2eval", "x" * 33, "a b", 'x"y'])
def test_other_labels_are_refused_with_what_is_allowed(label: str) -> None:
    with pytest.raises(OptionError, match="history label .* must be 1-32 characters"):
        check_label(label)


def test_the_entry_holds_time_metrics_latency_and_the_sources(
    report: Report, submission: Path
) -> None:
    files = source_files(submission)
    previous = {**files, "rag/pipeline.py": "0" * 64, "rag/old.py": "1" * 64}
    entry = history_entry(report, files, previous=previous, label="watch", now=NOW)
    assert list(entry) == [
        "schema", "time", "label", "questions", "k", "metrics", "latency", "statuses", "fatal",
        "rag_sha256", "changed", "rag_files",
    ]  # fmt: skip
    assert entry["schema"] == HISTORY_SCHEMA
    assert entry["time"] == "2025-05-02T14:03:07Z"  # UTC, to the second
    assert entry["label"] == "watch" and entry["questions"] == "public" and entry["k"] == 10
    assert list(entry["metrics"]) == [*METRIC_KEYS, "n"]
    # WholeDocs covers alpha at rank 1 and beta at rank 2; long's evidence is past the cap.
    assert entry["metrics"]["recall@1"] == round(1 / 3, 4) == 0.3333
    assert entry["metrics"]["recall@3"] == 0.6667 and entry["metrics"]["n"] == 4
    assert set(entry["latency"]) == {"build_s", "answer_p95_ms", "search_p95_ms"}
    assert entry["statuses"]["ok"] == 4 and entry["fatal"] is None
    assert entry["rag_sha256"] == rag_sha256(submission)
    assert entry["changed"] == ["rag/old.py", "rag/pipeline.py"]
    assert entry["rag_files"] == files
    json.dumps(entry, allow_nan=False)  # strict JSON


def test_an_entry_in_another_time_zone_is_written_in_utc(report: Report) -> None:
    local = NOW.astimezone(timezone(timedelta(hours=2)))
    assert history_entry(report, {}, previous=None, now=local)["time"] == "2025-05-02T14:03:07Z"
    with pytest.raises(ValueError, match="timezone-aware"):
        history_entry(report, {}, previous=None, now=NOW.replace(tzinfo=None))


def test_a_failed_build_is_recorded_with_its_reason(
    small: tuple[Corpus, tuple[Question, ...]],
) -> None:
    corpus, questions = small

    run = run_in_process(BrokenBuild(corpus), [q.text for q in questions], k=10)
    entry = history_entry(
        score_run(corpus, questions, run, options=EvalOptions(resamples=20)),
        {},
        previous=None,
        now=NOW,
    )
    assert entry["fatal"] == "submission failed at build: OSError: disk full"
    assert entry["metrics"]["recall@5"] == 0.0 and entry["statuses"]["not_run"] == 4
    assert entry["latency"]["build_s"] is None


def test_records_chain_by_the_files_changed_since_the_previous_line(
    report: Report, submission: Path, tmp_path: Path
) -> None:
    path = tmp_path / "deep" / "eval_history.jsonl"  # its folder is created
    first = record_evaluation(path, submission, report, now=NOW)
    (submission / "rag" / "pipeline.py").write_text("class Pipeline: pass\n", encoding="utf-8")
    (submission / "rag" / "chunking.py").write_text("", encoding="utf-8")
    second = record_evaluation(path, submission, report, label="test", now=NOW)
    third = record_evaluation(path, submission, report, questions="custom", now=NOW)
    lines = path.read_text(encoding="utf-8").splitlines()
    assert [json.loads(line) for line in lines] == [first, second, third]
    assert first["changed"] is None
    assert second["changed"] == ["rag/chunking.py", "rag/pipeline.py"]
    assert third["changed"] == [] and third["questions"] == "custom"
    assert second["rag_sha256"] == third["rag_sha256"] != first["rag_sha256"]
    assert all(line.startswith('{"schema":1,"time":') for line in lines)  # compact, one line


def test_appending_ends_a_cut_off_last_line_first(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    path.write_bytes(b'{"schema":1,"tim')  # a line cut short (a crash, an editor)
    append_entry(path, {"a": 1})
    assert path.read_bytes() == b'{"schema":1,"tim\n{"a":1}\n'


def test_the_previous_files_come_from_the_last_well_formed_line(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    assert last_recorded_files(path) is None  # no file yet
    good = {"rag/a.py": "1" * 64}
    lines = [
        json.dumps({"rag_files": {"rag/old.py": "0" * 64}}),
        json.dumps({"rag_files": good}),
        "not json at all",
        json.dumps(["a", "list"]),
        json.dumps({"rag_files": {"rag/a.py": 3}}),
        "",
    ]
    path.write_text("\n".join(lines), encoding="utf-8")
    assert last_recorded_files(path) == good
    path.write_text("junk\n", encoding="utf-8")
    assert last_recorded_files(path) is None


def test_only_the_tail_of_a_huge_history_is_read(tmp_path: Path) -> None:
    path = tmp_path / "h.jsonl"
    tail = {"rag/a.py": "2" * 64}
    with path.open("w", encoding="utf-8") as handle:
        handle.write(json.dumps({"rag_files": {"rag/a.py": "1" * 64}}) + "\n")
        handle.write("x" * (TAIL_BYTES + 10) + "\n")
        handle.write(json.dumps({"rag_files": tail}) + "\n")
    assert last_recorded_files(path) == tail
