"""Shared fixtures: the shipped corpus, its public questions, and one pipeline built per session.

The pipeline is built with the same work directory `make eval` uses (`.takehome/work`), so the
embedding cache is shared: whichever runs first pays for encoding the corpus.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from exercise.loading import Corpus, Question, load_corpus, load_questions

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "corpus"
WORK_DIR = ROOT / ".takehome" / "work"

_SUMMARIES = pytest.StashKey[list[str]]()


@pytest.fixture(scope="session")
def corpus() -> Corpus:
    return load_corpus(CORPUS_DIR)


@pytest.fixture(scope="session")
def public_questions(corpus: Corpus) -> tuple[Question, ...]:
    return load_questions(CORPUS_DIR / "questions" / "public.jsonl", corpus)


@pytest.fixture(scope="session")
def sample_questions(public_questions) -> tuple[Question, ...]:
    """Every fourth public question: enough to check the contract (the evaluation asks them all)."""
    return public_questions[::4]


@pytest.fixture(scope="session")
def pipeline(request: pytest.FixtureRequest):
    """`rag.pipeline.Pipeline` on the shipped corpus, built once for all contract tests."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")  # the graded run has no network either
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    _announce(
        request.config,
        "building the pipeline: the first run embeds the corpus (a minute or two); later runs "
        "reuse the cache in .takehome/work",
    )
    from rag.pipeline import Pipeline

    built = Pipeline(CORPUS_DIR, WORK_DIR)
    built.build()
    return built


def _announce(config: pytest.Config, line: str) -> None:
    """Show `line` now, past pytest's output capture (a long wait should say what it waits for)."""
    reporter = config.pluginmanager.get_plugin("terminalreporter")
    capture = config.pluginmanager.get_plugin("capturemanager")
    if reporter is None or capture is None:
        return
    with capture.global_and_fixture_disabled():
        reporter.write_line("")
        reporter.write_line(line)


@pytest.fixture
def announce(request: pytest.FixtureRequest):
    """announce(line): show `line` while the test runs (pytest hides test output)."""
    return lambda line: _announce(request.config, line)


@pytest.fixture
def print_at_end(request: pytest.FixtureRequest):
    """print_at_end(text): show `text` after the test results (pytest hides test output)."""
    return request.config.stash.setdefault(_SUMMARIES, []).append


def pytest_terminal_summary(terminalreporter, exitstatus, config: pytest.Config) -> None:
    for text in config.stash.get(_SUMMARIES, []):
        terminalreporter.write_sep("=", "public evaluation")
        terminalreporter.write(text)
