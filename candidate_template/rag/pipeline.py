"""The pipeline the evaluation runs: build an index once, then search and answer per query.

`Pipeline` is the one fixed interface (`exercise.types.Pipeline`; exercise/README.md says how each
call is judged). Behind it, each step is one module of this package; change any of them.
"""

from __future__ import annotations

from pathlib import Path

from exercise.types import Answer, Passage
from rag.answering import answer_from
from rag.chunking import chunk_documents
from rag.documents import load_documents
from rag.embedding import Embedder
from rag.records import Chunk, Hit
from rag.reranking import CANDIDATES, rerank
from rag.retrieval import Retriever

ANSWER_CONTEXT = 5  # passages the answering step reads


class Pipeline:
    """Chunk, embed and index the corpus; retrieve, rerank and answer per query."""

    def __init__(self, corpus_dir: Path, work_dir: Path) -> None:
        """Remember where the corpus is and where caches may go; the work happens in `build`."""
        self.corpus_dir = Path(corpus_dir)
        self.work_dir = Path(work_dir)
        self.docs: dict[str, str] = {}
        self.chunks: list[Chunk] = []

    def build(self) -> None:
        """Read and chunk every document, then embed and index the chunks (timed as "build")."""
        self.docs = load_documents(self.corpus_dir)
        self.chunks = chunk_documents(self.docs)
        self.embedder = Embedder(self.work_dir)
        self.retriever = Retriever(self.chunks, self.embedder)
        self.retriever.build()

    def _ranked(self, query: str, k: int) -> list[Hit]:
        """The best `k` chunks: first-stage candidates, reordered by the second stage."""
        hits = self.retriever.search(query, max(k, CANDIDATES))
        return rerank(query, hits, self.chunks, self.embedder)[:k]

    def search(self, query: str, k: int) -> list[Passage]:
        """At most `k` passages, best first; a passage is judged by its offsets only."""
        return [
            Passage(
                self.chunks[h.index].doc_id,
                self.chunks[h.index].start,
                self.chunks[h.index].end,
                float(h.score),
            )
            for h in self._ranked(query, k)
        ]

    def answer(self, query: str) -> Answer:
        """A short answer citing its evidence, or `Answer("", ())` to abstain."""
        hits = self._ranked(query, ANSWER_CONTEXT)
        return answer_from(query, [(self.chunks[h.index], h.score) for h in hits], self.docs)
