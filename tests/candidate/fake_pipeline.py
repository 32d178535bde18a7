"""A tiny word-overlap pipeline for the watch tests (copied into a temporary repository's rag/).

`rag/tuning.py` decides what it does, so a test changes results by rewriting that one file:
`INDEXED` names the documents it searches (whole documents, best word overlap first) and `ABSTAIN`
whether it abstains when no document shares a word with the question (else it answers "no idea").
Its answer is the top document's first 300 characters, citing them.
"""

from pathlib import Path

from rag import tuning

from exercise.types import Answer, Passage, Span


def _words(text: str) -> set[str]:
    stripped = (word.strip(".,?|").lower() for word in text.split())
    return {word for word in stripped if len(word) > 3}


class Pipeline:
    def __init__(self, corpus_dir, work_dir) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.docs: dict[str, str] = {}

    def build(self) -> None:
        for path in sorted((self.corpus_dir / "docs").glob("*.md")):
            with path.open(encoding="utf-8", newline="") as handle:
                self.docs[path.stem] = handle.read()

    def _ranked(self, query: str) -> list[str]:
        scored = [
            (len(_words(query) & _words(self.docs[doc])), doc)
            for doc in tuning.INDEXED
            if doc in self.docs
        ]
        return [doc for score, doc in sorted(scored, key=lambda s: (-s[0], s[1])) if score > 0]

    def search(self, query: str, k: int) -> list[Passage]:
        ranked = self._ranked(query)[:k]
        return [Passage(doc, 0, len(self.docs[doc]), float(k - i)) for i, doc in enumerate(ranked)]

    def answer(self, query: str) -> Answer:
        ranked = self._ranked(query)
        if not ranked:
            return Answer("", ()) if tuning.ABSTAIN else Answer("no idea", ())
        text = self.docs[ranked[0]][:300]
        return Answer(text, (Span(ranked[0], 0, len(text)),))
