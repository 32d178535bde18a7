"""Helpers for the grade tests: submissions made from a bundle with a fast pure-Python pipeline.

`LEXICAL` retrieves paragraphs by word overlap (no model), so grading the hidden questions of a
medium bundle (`MEDIUM_HIDDEN`) takes seconds; `EMPTY` returns nothing and always abstains (a
stand-in for the starter baseline where the real one, MiniLM over the whole corpus, would cost
half a minute).
"""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

from corpus.profile import load_profile
from grader.grade.session import GradeOptions
from tests.exercise.helpers import pipeline_code

MEDIUM_HIDDEN = sum(load_profile("medium").hidden.values())  # hidden questions of a medium bundle
MEDIUM_PUBLIC = sum(load_profile("medium").public.values())  # its public questions
CANDIDATE = "Ada Qxzvlace-Byron"  # the bundles' candidate: a surname no corpus invents
# a grade of the hidden questions only, the child unisolated (the latency phase's tests)
HIDDEN_ONLY = GradeOptions(unseen=False, isolation="none", public=False)

LEXICAL = textwrap.dedent(
    """
    import re
    from pathlib import Path

    from exercise.types import Answer, Passage, Span

    WORD = re.compile(r"[a-z0-9]+")


    def words(text):
        return set(WORD.findall(text.lower()))


    class Pipeline:
        def __init__(self, corpus_dir, work_dir):
            self.corpus_dir = Path(corpus_dir)

        def build(self):
            self.paragraphs = []
            for path in sorted((self.corpus_dir / "docs").glob("*.md")):
                text = path.read_text(encoding="utf-8")
                for match in re.finditer(r"[^\\n]+(?:\\n[^\\n]+)*", text):
                    if match.end() - match.start() <= 1500:
                        self.paragraphs.append(
                            (path.stem, match.start(), match.end(), words(match.group()))
                        )

        def search(self, query, k):
            asked = words(query)
            scored = sorted(
                ((len(asked & bag) / (1 + len(bag)) ** 0.5, i)
                 for i, (_, _, _, bag) in enumerate(self.paragraphs)),
                reverse=True,
            )[:k]
            return [
                Passage(self.paragraphs[i][0], self.paragraphs[i][1], self.paragraphs[i][2], s)
                for s, i in scored
            ]

        def answer(self, query):
            top = self.search(query, 1)
            if not top or top[0].score < 0.5:
                return Answer("", ())
            best = top[0]
            return Answer("see the cited passage", (Span(best.doc_id, best.start, best.end),))
    """
)

EMPTY = pipeline_code()  # finds nothing, always abstains


def submission_from(bundle: Path, dest: Path, pipeline: str = LEXICAL) -> Path:
    """A copy of `bundle` with `rag/pipeline.py` replaced by `pipeline`."""
    shutil.copytree(bundle, dest)
    (dest / "rag" / "pipeline.py").write_text(pipeline, encoding="utf-8")
    return dest


def fake_baseline(monkeypatch, pipeline: str = EMPTY) -> None:
    """Make `grade` use `pipeline` (plus the starter's other modules) as the baseline."""
    import grader.grade.session as grade_module

    real = grade_module._assemble_baseline

    def assemble(key, dest):
        root, note = real(key, dest)
        if root is not None:
            (root / "rag" / "pipeline.py").write_text(pipeline, encoding="utf-8")
        return root, "a stand-in baseline (tests)"

    monkeypatch.setattr(grade_module, "_assemble_baseline", assemble)


def quality(report: dict) -> dict:
    """Every number of a report except the ones that measure time or memory."""
    return {
        "overall": report["overall"],
        "slices": report["slices"],
        "public": report["public"],
        "statuses": report["statuses"],
        "questions": [
            {k: v for k, v in q.items() if k not in ("search", "answer")}
            | {"passages": q["search"]["passages"], "answer": q["answer"]["text"]}
            for q in report["questions"]
        ],
    }


def bwrap_or_skip() -> None:
    """Skip the test where the bwrap sandbox cannot run."""
    import pytest

    from grader.sandbox.bwrap import BwrapSandbox
    from grader.sandbox.interface import Limits

    problem = BwrapSandbox(Limits(60, 10, 600, 2048, 256, 64)).problem()
    if problem is not None:
        pytest.skip(f"bwrap sandbox unavailable: {problem}")


# Stand-in pipelines for the latency phase's tests: each sleeps a known time per call.
SEARCH_S = 0.012  # what the submission's search costs, and its answer (one search inside)
BASELINE_S = 0.004  # what each of the stand-in baseline's calls costs

# answer() returns what the immediately preceding search() found when asked the same question,
# so answering right after searching costs nothing: the cost a grade must not hide.
LAST_SEARCH = textwrap.dedent(
    f"""
    import time
    from exercise.types import Answer, Passage, Span


    class Pipeline:
        def __init__(self, corpus_dir, work_dir):
            self.last = None

        def build(self):
            pass

        def _rank(self, query):
            time.sleep({SEARCH_S})
            return [Passage("doc", 0, 10, 1.0)]

        def search(self, query, k):
            self.last = (query, self._rank(query))
            return self.last[1]

        def answer(self, query):
            if self.last is not None and self.last[0] == query:
                passages = self.last[1]
            else:
                passages = self._rank(query)
            return Answer("", ())
    """
)

STEADY = textwrap.dedent(
    f"""
    import time
    from exercise.types import Answer


    class Pipeline:
        def __init__(self, corpus_dir, work_dir):
            (work_dir / "index.bin").write_bytes(b"built")

        def build(self):
            pass

        def search(self, query, k):
            time.sleep({BASELINE_S})
            return []

        def answer(self, query):
            time.sleep({BASELINE_S})
            return Answer("", ())
    """
)

# spins on a thread of its own whenever no call is running (what the freezer stops)
SPINS_WHILE_WAITING = STEADY.replace(
    "    def build(self):\n        pass\n",
    "    def build(self):\n"
    "        import threading\n"
    "        threading.Thread(target=self._spin, daemon=True).start()\n\n"
    "    def _spin(self):\n"
    "        while True:\n"
    "            pass\n",
)
