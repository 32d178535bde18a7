"""`make watch` end to end: the real script, in a temporary repository, through a scripted edit
sequence; with a tiny word-overlap pipeline (tests/candidate/fake_pipeline.py) and the four-question
corpus of the exercise tests, so every run takes about a second and no model is loaded."""

from __future__ import annotations

import json
import queue
import shutil
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from exercise.history import rag_sha256
from grader.catalogue import TEMPLATE_DIR
from tests.exercise.helpers import SMALL_DOCS, SMALL_QUESTIONS, write_submission, write_variant

FAKE_PIPELINE = (Path(__file__).parent / "fake_pipeline.py").read_text(encoding="utf-8")
WAIT_S = 60.0  # generous: the machine may be busy; a healthy run takes about a second
FOOTER = "watching rag/"


def tuning(*indexed: str, abstain: bool) -> str:
    return f"INDEXED = {indexed!r}\nABSTAIN = {abstain}\n"


def with_build_line(statement: str) -> str:
    """The fake pipeline with `statement` first in its build()."""
    header = "    def build(self) -> None:\n"
    assert header in FAKE_PIPELINE
    return FAKE_PIPELINE.replace(header, f"{header}        {statement}\n")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A candidate repository: the template's scripts/, the fake rag/, the small corpus."""
    root = write_submission(
        tmp_path / "repo",
        FAKE_PIPELINE,
        {"rag/tuning.py": tuning("beta", "long", abstain=False)},
    )
    write_variant(root / "corpus", SMALL_DOCS, SMALL_QUESTIONS)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(TEMPLATE_DIR / "scripts", root / "scripts", ignore=ignore)
    return root


def _default_sigint() -> None:
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Watcher:
    """The running script: its output so far, and a way to wait for more."""

    def __init__(self, repo: Path, *args: str) -> None:
        command = [sys.executable, "scripts/watch.py", "--poll", "0.05", "--debounce", "0.2"]
        self.process = subprocess.Popen(
            [*command, *args],
            cwd=repo,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
            # Ctrl-C as a terminal delivers it, even when this test runs in a background job
            # (which inherits SIGINT ignored, and Python then never raises KeyboardInterrupt)
            preexec_fn=_default_sigint,
        )
        self.lines: list[str] = []
        self._queue: queue.Queue[str | None] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._queue.put(line.rstrip("\n"))
        self._queue.put(None)

    def wait_for(self, done: Callable[[list[str]], bool], what: str) -> None:
        deadline = time.monotonic() + WAIT_S
        while not done(self.lines):
            try:
                line = self._queue.get(timeout=max(0.01, deadline - time.monotonic()))
            except queue.Empty:
                line = None
            if line is None:
                raise AssertionError(f"no {what}; output so far:\n" + "\n".join(self.lines))
            self.lines.append(line)

    def views(self) -> int:
        return sum(line.startswith(FOOTER) for line in self.lines)

    def next_view(self) -> list[str]:
        """Wait for the next complete view; its lines."""
        count = self.views()
        self.wait_for(lambda lines: self.views() > count, f"view {count + 1}")
        start = max(i for i, line in enumerate(self.lines) if line.startswith("make watch · run"))
        return self.lines[start:]

    def interrupt(self) -> tuple[int, str]:
        """Ctrl-C: the exit code and stderr."""
        self.process.send_signal(signal.SIGINT)
        code = self.process.wait(timeout=WAIT_S)
        self.wait_for(lambda lines: "stopped watching" in lines, "goodbye line")
        assert self.process.stderr is not None
        return code, self.process.stderr.read()


@pytest.fixture
def start(repo: Path) -> Iterator[Callable[..., Watcher]]:
    started: list[Watcher] = []

    def run(*args: str) -> Watcher:
        started.append(Watcher(repo, *args))
        return started[-1]

    yield run
    for watcher in started:  # a failed test must not leave its watcher running
        if watcher.process.poll() is None:
            watcher.process.kill()
            watcher.process.wait()


def row(view: list[str], metric: str) -> str:
    """The view's line for `metric`, with runs of spaces collapsed."""
    found = [line for line in view if line.split(" ", 1)[0] == metric]
    assert len(found) == 1, view
    return " ".join(found[0].split())


def save(path: Path, text: str) -> None:
    """Save like an editor (write a new file, rename it over the old one)."""
    temporary = path.with_name(f".{path.name}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def test_the_view_follows_a_scripted_edit_sequence(repo: Path, start) -> None:
    history = repo / "eval_history.jsonl"
    watcher = start("--history", "eval_history.jsonl")

    # Run 1 at start: beta and long are indexed. q-charger is found and answered; q-notice's
    # document is not indexed; q-assembly's evidence lies past the passage cap; q-parking (the
    # corpus cannot answer it) gets "no idea" instead of an abstention.
    first = watcher.next_view()
    assert first[0].startswith("make watch · run 1 at ") and first[0].endswith("· first run")
    assert first[1] == "4 questions: ok 4 · found 1/3 · answered 1/4"
    assert "(first run: nothing to compare)" in first[3]
    assert row(first, "recall@5") == "recall@5 0.333"  # 1 of 3 answerable questions found

    # Save 1: index alpha too. q-notice newly passes both checks; recall@5 1/3 -> 2/3.
    save(repo / "rag" / "tuning.py", tuning("alpha", "beta", "long", abstain=False))
    second = watcher.next_view()
    assert second[0].endswith("· rag/tuning.py changed")
    assert second[1] == "4 questions: ok 4 · found 2/3 (+1, -0) · answered 2/4 (+1, -0)"
    assert "since run 1" in second[3]
    assert row(second, "recall@5") == "recall@5 0.667 ▲ +0.333"
    assert row(second, "answer_accuracy") == "answer_accuracy 0.500 ▲ +0.250"  # 2 of 4
    assert row(second, "abstention_accuracy") == "abstention_accuracy 0.750 ="
    at = second.index("newly passing (1)")
    text = SMALL_QUESTIONS[0]["text"]
    assert second[at + 1].split() == ["q-notice", "found+answered", *text.split()]
    assert not any(line.startswith("newly failing") for line in second)

    # A save that changes no content starts nothing (the next view is the one after save 2).
    (repo / "rag" / "tuning.py").touch()
    time.sleep(0.6)  # past poll + debounce
    # Save 2: abstain when nothing matches; q-parking newly passes "answered" (abstention 4/4).
    save(repo / "rag" / "tuning.py", tuning("alpha", "beta", "long", abstain=True))
    third = watcher.next_view()
    assert third[0].startswith("make watch · run 3 at ")
    assert third[1] == "4 questions: ok 4 · found 2/3 (+0, -0) · answered 3/4 (+1, -0)"
    assert row(third, "abstention_accuracy") == "abstention_accuracy 1.000 ▲ +0.250"
    assert row(third, "recall@5") == "recall@5 0.667 ="
    assert third[third.index("newly passing (1)") + 1].split()[:2] == ["q-parking", "answered"]

    # Save 3: drop beta. q-charger newly fails both checks, and the view says why.
    save(repo / "rag" / "tuning.py", tuning("alpha", "long", abstain=True))
    fourth = watcher.next_view()
    assert fourth[1] == "4 questions: ok 4 · found 1/3 (+0, -1) · answered 2/4 (+0, -1)"
    assert row(fourth, "recall@5") == "recall@5 0.333 ▼ -0.333"
    failing = fourth[fourth.index("newly failing (1)") + 1]
    assert failing.split()[:2] == ["q-charger", "found+answered"]
    assert failing.endswith("(evidence not in the top 5; answer wrong)")
    assert not any(line.startswith("newly passing") for line in fourth)
    assert any(line.startswith("trend over this session's runs: recall@5 ") for line in fourth)

    code, stderr = watcher.interrupt()
    assert code == 0
    assert "Traceback" not in stderr + "\n".join(watcher.lines)
    assert sum(line.startswith("running the evaluation") for line in watcher.lines) == 4

    # One history line per run, labelled and chained by the rag/ files that changed.
    entries = [json.loads(line) for line in history.read_text(encoding="utf-8").splitlines()]
    assert [e["label"] for e in entries] == ["watch"] * 4
    assert [e["changed"] for e in entries] == [None] + [["rag/tuning.py"]] * 3
    assert [e["metrics"]["recall@5"] for e in entries] == [0.3333, 0.6667, 0.6667, 0.3333]
    assert entries[-1]["rag_sha256"] == rag_sha256(repo)


def test_a_broken_save_shows_the_error_and_the_fix_compares_with_the_last_good_run(
    repo: Path, start
) -> None:
    watcher = start("--max-runs", "3")
    watcher.next_view()
    pipeline = repo / "rag" / "pipeline.py"
    save(pipeline, with_build_line("1 / 0"))
    broken = watcher.next_view()
    assert broken[0].startswith("make watch · run 2 at ")
    assert broken[2] == "the pipeline could not be imported or built (exit 1):"
    assert any("ZeroDivisionError" in line for line in broken)
    save(pipeline, FAKE_PIPELINE)
    fixed = watcher.next_view()
    assert "since run 1" in fixed[3]  # the failed run is not a baseline
    assert row(fixed, "recall@5") == "recall@5 0.333 ="
    assert watcher.process.wait(timeout=WAIT_S) == 0  # --max-runs 3


def test_ctrl_c_during_a_run_stops_it_cleanly(repo: Path, start) -> None:
    # A build that takes a while: the interrupt arrives while the evaluation is running.
    save(repo / "rag" / "pipeline.py", with_build_line("__import__('time').sleep(30)"))
    watcher = start("--history", "eval_history.jsonl")
    watcher.wait_for(lambda lines: "running the evaluation (first run)" in lines, "first run")
    time.sleep(0.5)
    started = time.monotonic()
    code, stderr = watcher.interrupt()
    assert code == 0 and "Traceback" not in stderr
    assert "stopping the evaluation in progress…" in watcher.lines
    assert time.monotonic() - started < 15  # the evaluation stopped its pipeline; no 30 s wait
    assert not (repo / "eval_history.jsonl").exists()  # an interrupted run records nothing


def test_a_folder_without_rag_is_refused(tmp_path: Path) -> None:
    script = TEMPLATE_DIR / "scripts" / "watch.py"
    done = subprocess.run(
        [sys.executable, str(script), "--plain"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=WAIT_S,
    )
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and "has no rag/ folder" in done.stderr


def test_help_names_the_options() -> None:
    script = TEMPLATE_DIR / "scripts" / "watch.py"
    done = subprocess.run(
        [sys.executable, str(script), "--help"], capture_output=True, text=True, timeout=WAIT_S
    )
    assert done.returncode == 0
    for option in ("--history", "--plain", "--no-restart", "--max-runs", "exercise eval"):
        assert option in done.stdout
