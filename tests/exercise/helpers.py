"""Helpers for the exercise tests: hand-made corpus variants and fake submissions.

Nothing here depends on the corpus generator; offsets are derived from the text with `str.index`,
never typed by hand. Tests import it as `tests.exercise.helpers`.
"""

from __future__ import annotations

import json
import random
import textwrap
import time
from pathlib import Path
from typing import Any

from exercise.loading import Corpus
from exercise.runner import RunnerOptions, RunRecord, run_submission
from exercise.types import Answer, Passage, Span

# A small variant used across tests: three documents, four kinds of question.
ALPHA = (
    "# Leave policy\n\n"
    "Employees request leave through the portal.\n"
    "Annual leave must be requested 14 days in advance.\n"
    "Managers approve requests within two working days.\n"
)
BETA = (
    "# Aster X2\r\n\r\n"  # CRLF on purpose: offsets must count both characters
    "| model | weight |\r\n| --- | --- |\r\n| Aster X2 | 1.4 kg |\r\n\r\n"
    "The Aster X2 ships with a USB-C charger. The charger is rated at 65 W.\r\n"
)
LONG = (
    "# Handbook\n\n"
    + "Filler sentence about nothing in particular. " * 60
    + ("The fire assembly point is the north car park.\n")
)


def span_of(doc_id: str, text: str, phrase: str) -> dict[str, Any]:
    """The evidence record of `phrase` inside `text` (first occurrence)."""
    start = text.index(phrase)
    return {"doc_id": doc_id, "start": start, "end": start + len(phrase)}


SMALL_DOCS = {"alpha": ALPHA, "beta": BETA, "long": LONG}
SMALL_QUESTIONS: list[dict[str, Any]] = [
    {
        "id": "q-notice",
        "text": "How far ahead must annual leave be requested?",
        "answer": "14 days",
        "evidence": [span_of("alpha", ALPHA, "Annual leave must be requested 14 days in advance.")],
        "unanswerable": False,
    },
    {
        "id": "q-charger",
        "text": "What power is the Aster X2 charger rated at?",
        "answer": "65 W",
        "evidence": [
            span_of("beta", BETA, "The Aster X2 ships with a USB-C charger."),
            span_of("beta", BETA, "The charger is rated at 65 W."),
        ],
        "unanswerable": False,
    },
    {
        "id": "q-assembly",
        "text": "Where is the fire assembly point?",
        "answer": "north car park",
        "evidence": [span_of("long", LONG, "The fire assembly point is the north car park.")],
        "unanswerable": False,
    },
    {
        "id": "q-parking",
        "text": "How many parking spaces does the office have?",
        "answer": "",
        "evidence": [],
        "unanswerable": True,
    },
]


def write_variant(
    root: Path,
    docs: dict[str, str],
    questions: list[dict[str, Any]],
    *,
    judging: dict[str, Any] | None = None,
) -> Path:
    """Write a variant directory in the fixed on-disk format and return it."""
    (root / "docs").mkdir(parents=True)
    (root / "questions").mkdir()
    for doc_id, text in docs.items():
        with (root / "docs" / f"{doc_id}.md").open("w", encoding="utf-8", newline="") as out:
            out.write(text)
    manifest: dict[str, Any] = {"generator": "tests", "seed": 0, "counts": {"docs": len(docs)}}
    if judging is not None:
        manifest["judging"] = judging
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    lines = "".join(json.dumps(q) + "\n" for q in questions)
    (root / "questions" / "public.jsonl").write_text(lines, encoding="utf-8")
    return root


WORDS = (
    "ledger invoice quarterly audit vendor refund policy travel laptop badge office review "
    "budget approval deadline escalation ticket rollout release version incident on-call"
).split()


def random_corpus(seed: int, docs: int = 6, sentences: int = 60) -> dict[str, list[str]]:
    """Documents as lists of sentences (40–70 characters each), from one seed."""
    rng = random.Random(seed)
    corpus = {}
    for number in range(docs):
        lines = []
        for index in range(sentences):
            words = [rng.choice(WORDS) for _ in range(rng.randint(4, 7))]
            sentence = f"S{number}-{index} " + " ".join(words) + "."
            lines.append(sentence[:70])
        corpus[f"doc{number}"] = lines
    return corpus


def random_variant_data(
    seed: int, questions: int = 40
) -> tuple[dict[str, str], list[dict[str, Any]]]:
    """Docs plus questions whose evidence is one sentence or two adjacent sentences, and some
    unanswerable questions; texts are unique so an oracle can look evidence up by question text."""
    rng = random.Random(seed)
    sentence_docs = random_corpus(seed)
    docs = {doc_id: "# Doc\n\n" + " ".join(lines) + "\n" for doc_id, lines in sentence_docs.items()}
    records = []
    for number in range(questions):
        qid = f"q{number:03d}"
        if number % 8 == 7:
            records.append(
                {
                    "id": qid,
                    "text": f"Question {qid} nobody can answer?",
                    "answer": "",
                    "evidence": [],
                    "unanswerable": True,
                }
            )
            continue
        doc_id = rng.choice(sorted(docs))
        lines = sentence_docs[doc_id]
        index = rng.randrange(len(lines) - 1)
        chosen = lines[index : index + rng.choice((1, 2))]
        evidence = [span_of(doc_id, docs[doc_id], sentence) for sentence in chosen]
        answer = chosen[-1].split()[1]
        records.append(
            {
                "id": qid,
                "text": f"Question {qid} about {answer}?",
                "answer": answer,
                "evidence": evidence,
                "unanswerable": False,
            }
        )
    return docs, records


def pipeline_code(
    head: str = "",
    *,
    init: str = "pass",
    build: str = "pass",
    search: str = "return []",
    answer: str = 'return Answer("", ())',
) -> str:
    """The text of a `rag/pipeline.py`: `head` (imports, constants, helpers), then a `Pipeline`
    whose methods run the given bodies (each dedented). A method left out does nothing: build
    passes, search finds nothing, answer abstains. `Answer`, `Passage` and `Span` are imported."""
    methods = {
        "__init__(self, corpus_dir, work_dir)": init,
        "build(self)": build,
        "search(self, query, k)": search,
        "answer(self, query)": answer,
    }
    parts = ["from exercise.types import Answer, Passage, Span", textwrap.dedent(head).strip()]
    defs = [
        f"    def {signature}:\n" + textwrap.indent(textwrap.dedent(body).strip(), " " * 8)
        for signature, body in methods.items()
    ]
    parts.append("class Pipeline:\n" + "\n\n".join(defs))
    return "\n\n\n".join(part for part in parts if part) + "\n"


def write_submission(root: Path, pipeline_source: str, extra: dict[str, str] | None = None) -> Path:
    """A submission directory with `rag/pipeline.py` (dedented) and any extra files."""
    (root / "rag").mkdir(parents=True)
    (root / "rag" / "__init__.py").write_text("", encoding="utf-8")
    (root / "rag" / "pipeline.py").write_text(textwrap.dedent(pipeline_source), encoding="utf-8")
    for relative, text in (extra or {}).items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def gone(pid: int, within_s: float) -> bool:
    """Whether process `pid` has ended (or is a zombie nobody reaped) within `within_s`."""
    deadline = time.monotonic() + within_s
    status = Path(f"/proc/{pid}/status")
    while time.monotonic() < deadline:
        try:
            if "zombie" in status.read_text().lower():
                return True
        except FileNotFoundError:
            return True
        time.sleep(0.05)
    return False


class WholeDocs:
    """Returns every document whole and answers "14 days" citing the first 20 characters of
    alpha."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def build(self) -> None:
        pass

    def search(self, query: str, k: int) -> list[Passage]:
        return [Passage(d, 0, len(t), 1.0) for d, t in sorted(self.corpus.docs.items())][:k]

    def answer(self, query: str) -> Answer:
        return Answer("14 days", (Span("alpha", 0, 20),))


class BrokenBuild(WholeDocs):
    """WholeDocs whose build fails as a full disk would."""

    def build(self) -> None:
        raise OSError("disk full")


class OraclePipeline:
    """A "perfect" pipeline: fixed-size overlapping chunks (stride size/4) and an oracle ranker.

    It knows each question's evidence by its text and puts first the earliest chunk that contains
    all of a question's evidence (they are one sentence or two adjacent sentences, shorter than
    3/4 of the chunk size, so such a chunk always exists), then fills up to k with other chunks.
    It answers with the gold answer and cites the evidence; unanswerable questions get abstentions.
    """

    def __init__(self, docs: dict[str, str], questions: list[dict[str, Any]], size: int) -> None:
        self.docs = docs
        self.by_text = {q["text"]: q for q in questions}
        self.size = size
        self.chunks: list[tuple[str, int, int]] = []

    def build(self) -> None:
        stride = self.size // 4
        for doc_id, text in sorted(self.docs.items()):
            starts = list(range(0, max(1, len(text) - self.size + 1), stride))
            if starts[-1] + self.size < len(text):
                starts.append(len(text) - self.size)
            self.chunks += [(doc_id, s, min(s + self.size, len(text))) for s in starts]

    def search(self, query: str, k: int) -> list:
        from exercise.types import Passage

        evidence = self.by_text[query]["evidence"]
        ranked = sorted(self.chunks, key=lambda c: (not self._holds(c, evidence), c))
        return [Passage(d, s, e, float(k - i)) for i, (d, s, e) in enumerate(ranked[:k])]

    def answer(self, query: str):  # noqa: ANN201
        from exercise.types import Answer, Span

        question = self.by_text[query]
        return Answer(question["answer"], tuple(Span(**e) for e in question["evidence"]))

    @staticmethod
    def _holds(chunk: tuple[str, int, int], evidence: list[dict[str, Any]]) -> bool:
        doc_id, start, end = chunk
        return bool(evidence) and all(
            e["doc_id"] == doc_id and start <= e["start"] and e["end"] <= end for e in evidence
        )


# A submission that misbehaves on purpose, keyed on words in the question text:
# "boom" raises, "garbage" returns malformed data, "slow" hangs, "die" kills its process.
# It prints to stdout and stderr all the time, including protocol-looking lines.
MISBEHAVING = """
import os
import sys
import time
from pathlib import Path

from exercise.types import Answer, Passage


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        self.docs_dir = Path(corpus_dir) / "docs"
        self.work_dir = Path(work_dir)

    def build(self):
        print('{"event": "ready", "build_ns": 1}')
        self.docs = {}
        for path in sorted(self.docs_dir.glob("*.md")):
            with path.open(encoding="utf-8", newline="") as handle:
                self.docs[path.stem] = handle.read()

    def search(self, query, k):
        print("searching:", query)
        print("stderr noise", file=sys.stderr)
        if "boom" in query:
            raise ValueError("search exploded on purpose")
        if "garbage" in query:
            return [{"doc_id": "alpha"}, 3]
        if "slow" in query:
            time.sleep(60)
        if "die" in query:
            os._exit(9)
        return [Passage(d, 0, len(t), 1.0) for d, t in self.docs.items()][:k]

    def answer(self, query):
        print('{"event": "result", "seq": 1, "ok": true}')
        if "Aster" in query:
            return Answer("65 W", ())
        return Answer("", ())
"""


def run_in(
    folder: Path, submission: Path, variant: Path, queries: list[str], options: RunnerOptions
) -> RunRecord:
    """`run_submission` asking for 5 passages, with its work folder and child log in `folder`."""
    return run_submission(
        submission,
        variant,
        queries,
        k=5,
        work_dir=folder / "work",
        log_path=folder / "logs" / "child.log",
        options=options,
    )
