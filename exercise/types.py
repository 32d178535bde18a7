"""The submission contract: the records a pipeline returns and the `Pipeline` protocol.

Candidate code imports these (`from exercise.types import Passage, Answer, Span`); the evaluation
loop and the grader judge the returned records by their offsets against their own copy of the
corpus, never by any text the pipeline sends. Field types are the contract; they are not checked
here (a record built with the wrong types is reported as `invalid` by `exercise.judging`).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol


@dataclass(frozen=True, slots=True)
class Span:
    """A character range of one document: `corpus[doc_id][start:end]`."""

    doc_id: str  # the document's file name without `.md`
    start: int  # first character, a Python `str` index into the document text
    end: int  # one past the last character; start < end


@dataclass(frozen=True, slots=True)
class Passage:
    """A retrieved range of one document; its text is `corpus[doc_id][start:end]`."""

    doc_id: str  # the document's file name without `.md`
    start: int  # first character (Python `str` index)
    end: int  # one past the last character; only the first `passage_cap` characters are judged
    score: float  # the pipeline's own score; informational (rank is the position in the list)


@dataclass(frozen=True, slots=True)
class Answer:
    """A short answer with the spans it relies on; `text == ""` with no citations means abstain."""

    text: str  # at most `answer_cap` characters (300 unless the corpus manifest says otherwise)
    citations: tuple[Span, ...]  # the evidence the answer is drawn from


class Pipeline(Protocol):
    """What `rag.pipeline.Pipeline` in a submission must provide."""

    def __init__(self, corpus_dir: Path, work_dir: Path) -> None:
        """Remember the paths; keep it cheap (heavy work belongs in `build`).

        `corpus_dir` is the corpus variant directory (it holds `docs/<doc_id>.md`); `work_dir` is
        writable scratch space that may persist between runs (a good place for caches).
        """

    def build(self) -> None:
        """Index the corpus. Timed as "build"."""

    def search(self, query: str, k: int) -> list[Passage]:
        """Return at most `k` passages, best first. Timed per call."""

    def answer(self, query: str) -> Answer:
        """Answer the question, or abstain with `Answer("", ())`. Timed per call."""
