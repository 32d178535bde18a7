"""The pipeline the evaluation runs: build an index once, then search and answer per query."""

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
    def __init__(self, corpus_dir: Path, work_dir: Path) -> None:
        self.corpus_dir = Path(corpus_dir)
        self.work_dir = Path(work_dir)
        self.docs: dict[str, str] = {}
        self.chunks: list[Chunk] = []

    def build(self) -> None:
        self.docs = load_documents(self.corpus_dir)
        self.chunks = chunk_documents(self.docs)
        self.embedder = Embedder(self.work_dir)
        self.retriever = Retriever(self.chunks, self.embedder)
        self.retriever.build()

    def _ranked(self, query: str, k: int) -> list[Hit]:
        hits = self.retriever.search(query, max(k, CANDIDATES))
        return rerank(query, hits, self.chunks, self.embedder)[:k]

    def search(self, query: str, k: int) -> list[Passage]:
        return [
            Passage(self.chunks[h.index].doc_id, self.chunks[h.index].start,
                    self.chunks[h.index].end, float(h.score))
            for h in self._ranked(query, k)
        ]

    def answer(self, query: str) -> Answer:
        hits = self._ranked(query, ANSWER_CONTEXT)
        return answer_from(query, [(self.chunks[h.index], h.score) for h in hits], self.docs)
