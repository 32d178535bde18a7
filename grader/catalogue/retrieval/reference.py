"""First-stage search: sentence-level dense matching fused with BM25.

Dense. A fact stated in one sentence of a chunk is diluted in a vector of the whole chunk, so every
chunk text is split into pieces (lines and sentences; a chunker's context line is a piece too) and
each distinct piece is embedded once (a heading line shared by the chunks of a section, or a
sentence in two overlapping chunks, only once). A chunk scores its best piece plus the cosine of
its mean piece vector (the chunk as a whole). Piece scores are corrected for hubness (CSLS,
Conneau et al. 2018): a piece with many close neighbours in the corpus, such as a boilerplate
sentence repeated with small variations, is close to many queries without answering them, so its
mean cosine with its nearest pieces is subtracted in part. The neighbours come from one exact faiss
search at build time, quadratic in the number of pieces (about a second for the ~10,000 pieces of
the default corpus). Vectors are scaled to unit length here, so any embedder gives cosines.

Lexical. BM25 over the chunk texts finds exact tokens: error codes, endpoint paths, model and
version qualifiers, names that appear only in a heading. The tokenizer keeps compound tokens whole
(`rec-4785`, `/v1/refunds/batches`, `v3`) next to their parts. It matches tokens as written:
reading a question's "version 3" or "X-2" as a document's "v3" or "X2", to tell near-duplicates
apart, is the second stage's work. The BM25 score is divided by the largest score the query's terms
could reach, so it lies in [0, 1] and adds to the cosines on a comparable scale: a query that only
shares common words with the corpus gets little from it.

Two hops. A question may point at its subject through another entity instead of naming it: "who
is on call for the service that raises ERR-7925?" No chunk holds both the code and the answer: the
runbook that lists the code says which team owns the service, and that team's sections (headed by
its name, which the question never says) hold the answer. When a query has such a pointer clause
("the <thing> that <does> <anchor>", `pointers.py`), or a code and asks about the code's owner
rather than the code (`pointers.asks_owner`: "who leads the team behind ERR-7925?"), the first hop
searches for its anchor as written; if a document holding it names its owner (its first sentence
that names one team: "owned by the Falcon team", "escalations go to the Falcon team"), the clause
is replaced by the owner ("who is on call for the Falcon team?") and searched again. The chunk
naming the owner and the best two of the owner's chunks (its own sections first: a chunk whose
context line ends with the owner's name) rank first, then the query's own hits, so both links of
the chain reach the top five. Any other query is searched once.

The corpus's own vocabulary. People ask with the words they type: a product's codename where its
sheet prints its name. The glossary and "also known as" lines of the chunk texts are read at build
time (`glossary.py`), and a query that uses a term they define is searched with the name the term
stands for in its place: neither signal above can connect a codename to a name it never stands
next to.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

import faiss
import numpy as np
import torch
from rank_bm25 import BM25Okapi

from . import glossary
from .pointers import anchor_of, asked_of, asks_owner, owner_named
from .records import Chunk, Hit
from .terms import tokenize

NEIGHBOURS = 10  # nearest pieces that measure a piece's hubness
HUBNESS = 0.75  # share of that mean similarity subtracted from the piece's score
WHOLE_CHUNK = 0.5  # weight of the chunk's mean vector next to its best piece
LEXICAL = 0.5  # weight of the normalised BM25 score
FIRST_HOP = 3  # best hits for the pointer clause whose documents may name the owner
OWNER_CHUNKS = 2  # the owner's chunks the second hop adds (its directory and roster sections)

_PIECE_END = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")


def pieces(text: str) -> list[str]:
    """A chunk text's lines and sentences, without list and table markup at their ends."""
    return [p for p in (s.strip(" \t-*|") for s in _PIECE_END.split(text)) if p]


class Retriever:
    """Hybrid retrieval over the pipeline's chunks."""

    def __init__(self, chunks: list[Chunk], embedder) -> None:
        self.chunks = chunks
        self.embedder = embedder
        self.vectors = np.zeros((0, 0), np.float32)  # per unique piece, unit length
        self.hubness = np.zeros(0, np.float32)  # per unique piece
        self.owner = np.zeros(0, np.int64)  # per (chunk, piece) pair: the chunk
        self.member = np.zeros(0, np.int64)  # per (chunk, piece) pair: the unique piece
        self.whole = np.zeros((0, 0), np.float32)  # per chunk: its mean piece vector
        self.bm25: BM25Okapi | None = None
        self.order = np.zeros(0, np.int64)  # per chunk: its place in (doc_id, start) order
        self.of_doc: dict[str, list[int]] = {}  # doc id → its chunks, in the order they start
        self.vocabulary: Mapping[str, str] = {}  # term the corpus defines → its name

    def build(self) -> None:
        """Embed every piece, measure its hubness, build the BM25 statistics and read the terms
        the corpus defines."""
        unique: dict[str, int] = {}
        owner, member = [], []
        for index, chunk in enumerate(self.chunks):
            for piece in pieces(chunk.text) or [chunk.text]:
                owner.append(index)
                member.append(unique.setdefault(piece, len(unique)))
        self.owner, self.member = np.array(owner), np.array(member)
        vectors = _unit_rows(np.asarray(self.embedder.encode(list(unique)), np.float32))
        self.vectors = vectors
        self.hubness = _hubness(vectors)
        # A chunk as a whole: the mean of its pieces, weighted by length like mean pooling is.
        lengths = np.array([len(p) for p in unique], np.float32)[self.member]
        whole = np.zeros((len(self.chunks), vectors.shape[1]), np.float32)
        np.add.at(whole, self.owner, vectors[self.member] * lengths[:, None])
        self.whole = _unit_rows(whole)
        # BM25Okapi cannot take an empty document; a chunk with no terms gets a placeholder.
        self.bm25 = BM25Okapi([tokenize(c.text) or ["\0"] for c in self.chunks])
        by_place = sorted(
            range(len(self.chunks)), key=lambda i: (self.chunks[i].doc_id, self.chunks[i].start, i)
        )
        self.order = np.argsort(np.array(by_place))
        self.of_doc = {}
        for index in by_place:
            self.of_doc.setdefault(self.chunks[index].doc_id, []).append(index)
        self.vocabulary = glossary.read(c.text for c in self.chunks)

    def search(self, query: str, n: int, *, bridge: bool = True) -> list[Hit]:
        """The `n` best chunks by the fused score, best first (through a bridge: see the module
        docstring)."""
        if self.bm25 is None:
            raise RuntimeError("Retriever.search called before build()")
        if n <= 0 or not self.chunks:
            return []
        query = glossary.expand(query, self.vocabulary)
        query_vector = _unit_rows(np.asarray(self.embedder.encode_query(query), np.float32))
        # Every piece is scored (a few thousand dot products), so no candidate is missed. The
        # products run on torch's thread pool, the one the encoder uses: numpy's BLAS would start
        # a second pool whose spinning threads slow the encoder down on a two-core machine.
        probe = torch.from_numpy(query_vector[0])
        piece_score = torch.from_numpy(self.vectors).mv(probe).numpy() - HUBNESS * self.hubness
        best_piece = np.full(len(self.chunks), -np.inf, np.float32)
        np.maximum.at(best_piece, self.owner, piece_score[self.member])
        score = best_piece + WHOLE_CHUNK * torch.from_numpy(self.whole).mv(probe).numpy()
        terms = tokenize(query)
        if terms:
            ceiling = sum(self.bm25.idf.get(t, 0.0) for t in terms) * (self.bm25.k1 + 1)
            if ceiling > 0:
                score += LEXICAL * self.bm25.get_scores(terms) / ceiling
        best = np.lexsort((self.order, -score))[:n]  # ties: by doc_id, then start
        hits = [Hit(int(i), float(score[i])) for i in best]
        return self._through_bridge(query, hits, n) if bridge else hits

    def _through_bridge(self, query: str, hits: list[Hit], n: int) -> list[Hit]:
        """`hits`, or for a query that points at its subject through another entity (see the
        module docstring) the chain first: the chunk that names the owner, then the owner's
        best chunks for the rest of the question, then the first hop's hits."""
        found_anchor = anchor_of(query)
        if found_anchor is None:
            return hits
        anchor, pointed = found_anchor
        # the first hop looks for the anchor (the code), as written
        first = self.search(anchor, FIRST_HOP, bridge=False)
        first = [h for h in first if anchor in self.chunks[h.index].text]
        found = self._owner(first)
        if found is None:
            return hits
        owner_chunk, owner, name = found
        # a code alone may be what the question asks about ("what does ERR-7925 indicate?")
        stating = " ".join(
            p for h in first for p in pieces(self.chunks[h.index].text) if anchor in p
        )
        if not asks_owner(query, pointed, owner, stating):
            return hits
        asked = asked_of(query, anchor, owner)
        second = self.search(asked, len(self.chunks), bridge=False)  # to find all the owner's
        named = re.compile(rf"\b{re.escape(name)}\b")
        heads = re.compile(rf"\b{re.escape(owner)}$|\b{re.escape(name)}$")
        mine = [h for h in second if named.search(self.chunks[h.index].text)]
        # the owner's own sections first: a chunker's context line (its first line) ends with
        # their heading ("Field operations teams / Falcon team", "On-call roster / Falcon")
        mine.sort(key=lambda h: not heads.search(self.chunks[h.index].text.split("\n", 1)[0]))
        mine = mine[:OWNER_CHUNKS]
        chain = [owner_chunk, *(h.index for h in mine)]
        top = max((h.score for h in hits), default=0.0) + 1.0  # the chain ranks first
        merged = [Hit(index, top - rank * 1e-3) for rank, index in enumerate(dict.fromkeys(chain))]
        rest = [h for h in hits if h.index not in {m.index for m in merged}]
        return (merged + rest)[:n]

    def _owner(self, hits: list[Hit]) -> tuple[int, str, str] | None:
        """(chunk, owner, owner's name) of the first document of `hits` that names its owner
        (`pointers.owner_named`: the team its first sentence naming one team names)."""
        for hit in hits:
            for index in self.of_doc[self.chunks[hit.index].doc_id]:
                match = owner_named(self.chunks[index].text)
                if match:
                    return index, match.group("owner"), match.group("name")
        return None


def _hubness(vectors: np.ndarray) -> np.ndarray:
    """Mean cosine of each vector with its nearest other vectors (an exact faiss search)."""
    k = min(NEIGHBOURS + 1, len(vectors))
    if k < 2:
        return np.zeros(len(vectors), np.float32)
    index = faiss.IndexFlatIP(vectors.shape[1])
    index.add(vectors)
    similarity, _ = index.search(vectors, k)
    return similarity[:, 1:].mean(axis=1)  # column 0 is the vector itself


def _unit_rows(vectors: np.ndarray) -> np.ndarray:
    """Rows scaled to unit length, so inner product is cosine whatever the embedder returns."""
    vectors = np.atleast_2d(vectors).astype(np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.ascontiguousarray(vectors / np.maximum(norms, 1e-12))
