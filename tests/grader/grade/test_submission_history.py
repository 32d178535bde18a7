"""Reading a submission's evaluation history: entries, junk, timing, and the match with rag/."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from corpus.profile import load_profile
from exercise.evaluate import EvalOptions, Report, score_run
from exercise.history import HISTORY_FILE, rag_sha256, record_evaluation
from exercise.loading import load_corpus, load_questions
from exercise.runner import run_in_process
from exercise.scoring import METRIC_KEYS
from exercise.types import Answer, Passage
from grader.bundle import build as bundle_module
from grader.catalogue import TEMPLATE_DIR
from grader.grade.submission_history import (
    EMPTY,
    MISSING,
    SUBMITTED,
    UNREADABLE,
    History,
    parse_line,
    read_history,
)
from tests.exercise.helpers import SMALL_DOCS, SMALL_QUESTIONS, write_submission, write_variant

START = datetime(2025, 5, 2, 13, 0, 0, tzinfo=UTC)
PIPELINE = "class Pipeline:\n    pass\n"


class FirstDoc:
    """Every question gets the first document whole and abstains."""

    def __init__(self, docs: dict[str, str]) -> None:
        self.docs = docs

    def build(self) -> None:
        pass

    def search(self, query: str, k: int) -> list[Passage]:
        return [Passage("alpha", 0, len(self.docs["alpha"]), 1.0)]

    def answer(self, query: str) -> Answer:
        return Answer("", ())


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Report:
    variant = write_variant(tmp_path_factory.mktemp("h") / "variant", SMALL_DOCS, SMALL_QUESTIONS)
    corpus = load_corpus(variant)
    questions = load_questions(variant / "questions" / "public.jsonl", corpus)
    run = run_in_process(FirstDoc(corpus.docs), [q.text for q in questions], k=10)
    return score_run(corpus, questions, run, options=EvalOptions(resamples=10))


@pytest.fixture
def submission(tmp_path: Path) -> Path:
    return write_submission(tmp_path / "sub", PIPELINE)


def record(submission: Path, report: Report, minutes: float, **kwargs) -> dict:
    now = START + timedelta(minutes=minutes)
    return record_evaluation(submission / HISTORY_FILE, submission, report, now=now, **kwargs)


def test_no_file_is_no_history_submitted(submission: Path) -> None:
    history = read_history(submission)
    assert history.status == MISSING and history.entries == ()
    assert history.summary() == "no history submitted"
    data = json.loads(json.dumps(history.to_json(), allow_nan=False))
    assert data["status"] == "missing" and data["summary"] == "no history submitted"
    assert data["first_time"] is None and data["span_s"] is None
    assert data["last_matches_submission"] is None
    assert data["submitted_rag_sha256"] == rag_sha256(submission)


def test_a_history_written_by_the_exercise_is_read_back(submission: Path, report: Report) -> None:
    record(submission, report, 0)
    (submission / "rag" / "chunking.py").write_text("SIZE = 400\n", encoding="utf-8")
    record(submission, report, 25, label="watch")
    record(submission, report, 65.2, label="test")
    history = read_history(submission)
    assert history.status == SUBMITTED and history.skipped_lines == 0
    assert [e.label for e in history.entries] == ["eval", "watch", "test"]
    assert [e.files_changed for e in history.entries] == [None, ("rag/chunking.py",), ()]
    assert history.first_time == START
    assert history.last_time == START + timedelta(minutes=65, seconds=12)
    assert history.span == timedelta(minutes=65, seconds=12)
    assert history.last_matches_submission is True and history.changed_after_last == ()
    first = history.entries[0]
    assert list(first.metrics) == [*METRIC_KEYS, "n"]
    # FirstDoc covers only alpha's evidence (q-notice) at rank 1: 1 of 3 answerable questions.
    assert first.metrics["recall@1"] == 0.3333 and first.metrics["n"] == 4
    assert first.rag_sha256 == history.entries[0].rag_sha256 != history.entries[1].rag_sha256
    assert history.summary() == (
        "3 evaluations over 1 h 05 min (2025-05-02 13:00–14:05 UTC); "
        "the last one ran on the submitted rag/ sources"
    )


def test_code_changed_after_the_last_evaluation_is_a_finding(
    submission: Path, report: Report
) -> None:
    record(submission, report, 0)
    (submission / "rag" / "pipeline.py").write_text("class Pipeline: ...\n", encoding="utf-8")
    history = read_history(submission)
    assert history.last_matches_submission is False
    assert history.changed_after_last == ("rag/pipeline.py",)
    assert history.summary().endswith(
        "the submitted rag/ sources differ from the last evaluated ones "
        "(rag/pipeline.py changed after it)"
    )
    assert history.to_json()["changed_after_last"] == ["rag/pipeline.py"]


def test_junk_lines_are_counted_and_skipped(submission: Path, report: Report) -> None:
    good = record(submission, report, 0)
    broken = [
        "",  # blank lines are not junk
        "not json",
        '["a", "list"]',
        json.dumps({**good, "time": "2025-05-02T13:00:00"}),  # no time zone
        json.dumps({**good, "time": "yesterday"}),
        json.dumps({**good, "rag_sha256": "abc"}),
        json.dumps({**good, "metrics": {**good["metrics"], "recall@5": 1.5}}),
        json.dumps({**good, "metrics": {**good["metrics"], "recall@5": True}}),
        json.dumps({**good, "metrics": "high"}),
        json.dumps({**good, "changed": "rag/a.py"}),
        json.dumps({**good, "schema": 2}),
        '{"schema":1,"time":"2025-05-',  # cut short
    ]
    with (submission / HISTORY_FILE).open("a", encoding="utf-8") as handle:
        handle.write("\n".join(broken) + "\n")
    record(submission, report, 5)
    history = read_history(submission)
    assert len(history.entries) == 2 and history.skipped_lines == len(broken) - 1
    assert history.summary().endswith("; 11 unreadable lines skipped")


def test_a_file_without_a_readable_entry_is_empty(submission: Path) -> None:
    (submission / HISTORY_FILE).write_text("hello\n\n", encoding="utf-8")
    history = read_history(submission)
    assert history.status == EMPTY and history.skipped_lines == 1
    assert history.last_matches_submission is None and history.changed_after_last is None
    assert (
        history.summary() == "history submitted without a readable entry; 1 unreadable line skipped"
    )


def test_times_out_of_order_are_counted_and_the_span_stays_positive(
    submission: Path, report: Report
) -> None:
    record(submission, report, 30)
    record(submission, report, 0)  # the clock went back
    record(submission, report, 10)
    history = read_history(submission)
    assert history.out_of_order == 1
    assert history.first_time == START and history.span == timedelta(minutes=30)
    record(submission, report, 60 * 24 + 5)  # the next day
    assert "(2025-05-02 13:00–2025-05-03 13:05 UTC)" in read_history(submission).summary()


@pytest.mark.parametrize("kind", ["symlink", "fifo", "directory"])
def test_a_history_that_is_not_a_regular_file_is_not_opened(
    submission: Path, tmp_path: Path, kind: str
) -> None:
    path = submission / HISTORY_FILE
    if kind == "symlink":
        secret = tmp_path / "secret.jsonl"
        secret.write_text("{}\n", encoding="utf-8")
        path.symlink_to(secret)
    elif kind == "fifo":
        os.mkfifo(path)  # opening it would block the grader
    else:
        path.mkdir()
    history = read_history(submission)
    assert history.status == UNREADABLE and history.entries == ()
    expected = "a symbolic link" if kind == "symlink" else "not a regular file"
    assert history.summary() == f"history not read: {HISTORY_FILE} is {expected}"


def test_only_the_end_of_a_large_file_is_read(submission: Path, report: Report) -> None:
    first = record(submission, report, 0)
    size = (submission / HISTORY_FILE).stat().st_size
    record(submission, report, 10)
    history = read_history(submission, max_bytes=size + 20)  # the first line is cut: not junk
    assert history.truncated and history.skipped_lines == 0
    assert [e.time for e in history.entries] == [START + timedelta(minutes=10)]
    assert first["time"] != history.to_json()["first_time"]
    assert "only the last" in history.summary()
    with pytest.raises(ValueError, match="max_bytes must be at least 1"):
        read_history(submission, max_bytes=0)


def test_the_json_form_is_strict_and_complete(submission: Path, report: Report) -> None:
    record(submission, report, 0)
    record(submission, report, 90)
    data = json.loads(json.dumps(read_history(submission).to_json(), allow_nan=False))
    assert list(data) == [
        "status", "summary", "file", "entries", "skipped_lines", "truncated", "first_time",
        "last_time", "span_s", "out_of_order", "submitted_rag_sha256", "last_matches_submission",
        "changed_after_last", "problem",
    ]  # fmt: skip
    assert data["first_time"] == "2025-05-02T13:00:00Z" and data["span_s"] == 5400.0
    entry = data["entries"][1]
    assert list(entry) == [
        "time", "label", "questions", "metrics", "rag_sha256", "files_changed", "fatal",
    ]  # fmt: skip
    assert entry["time"] == "2025-05-02T14:30:00Z" and entry["files_changed"] == []


def test_history_is_a_frozen_record(submission: Path) -> None:
    history = read_history(submission)
    assert isinstance(history, History)
    with pytest.raises(AttributeError):
        history.status = "submitted"  # type: ignore[misc]


def test_a_line_is_parsed_with_its_per_file_hashes() -> None:
    line = {
        "time": "2025-05-02T15:00:00+02:00",
        "rag_sha256": "a" * 64,
        "metrics": {"recall@5": 0.5},
        "rag_files": {"rag/a.py": "b" * 64},
    }
    entry, files = parse_line(json.dumps(line))
    assert entry.time == datetime(2025, 5, 2, 13, 0, tzinfo=UTC)  # read as UTC
    assert entry.metrics["recall@5"] == 0.5 and entry.metrics["recall@1"] is None
    assert entry.label == "" and entry.files_changed is None and files == {"rag/a.py": "b" * 64}
    assert parse_line(json.dumps({**line, "rag_files": {"rag/a.py": "short"}}))[1] is None


def test_a_history_left_in_the_template_is_never_shipped(tmp_path: Path, monkeypatch) -> None:
    template = tmp_path / "template"
    shutil.copytree(TEMPLATE_DIR, template)
    (template / HISTORY_FILE).write_text('{"someone": "else"}\n', encoding="utf-8")
    monkeypatch.setattr(bundle_module, "TEMPLATE_DIR", template)
    bundle_module.build_bundle(load_profile("pair"), 1, "Grace", tmp_path / "out")
    assert not (tmp_path / "out" / "bundle" / HISTORY_FILE).exists()
    assert (tmp_path / "out" / "bundle" / "Makefile").is_file()
