"""Answering: the sentence of the top passages that best matches the question, cited exactly.

Every sentence (a list item, a table row) of the top `CONTEXT` passages is a candidate answer. The
candidates and the question are embedded with all-MiniLM-L6-v2 (`minilm.py`; answering sees
chunks, not the pipeline's embedder, so it loads the model itself) and the sentence with the
highest cosine similarity is the answer, cited by its exact span in the document.

Abstention: a question that names something the corpus never mentions cannot be answered from it.
The question's identifiers (words mixing letters and digits, like "ERR-7925") and proper names
(capitalised words after its first word) are looked up in the corpus vocabulary; when one is
missing, the answer is empty and uncited. Model qualifiers are read the way documents print them
(`terms.read_qualifiers`: people type "Aster X-2" for the "Aster X2"), on both sides.
"""

from __future__ import annotations

import re

from exercise.types import Answer, Span

from . import minilm
from .per_corpus import PerCorpus
from .records import Chunk
from .terms import tokenize

CONTEXT = 3  # top passages whose sentences are candidates
MAX_ANSWER_CHARS = 300  # the evaluation rejects longer answers
BATCH_SIZE = 64

_WORD = re.compile(r"[\w]+(?:[-.:/'][\w]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(\[`*])")
_TABLE_RULE = re.compile(r"\s*\|?(\s*:?-+:?\s*\|)*\s*:?-+:?\s*\|?\s*")  # |---|:--:|
_MARKUP = " \t#*|-`>"  # list, table and heading markup around a sentence


class _Reader:
    """What answering keeps per corpus: its vocabulary, the model and the vectors it made."""

    def __init__(self, docs: dict[str, str]) -> None:
        self.docs = docs
        self.vocabulary = frozenset(
            t for text in docs.values() for t in tokenize(text, qualifiers=True)
        )
        self.similarity = minilm.Cosines(batch_size=BATCH_SIZE)


_reader = PerCorpus(_Reader)


def answer_from(query: str, ranked: list[tuple[Chunk, float]], docs: dict[str, str]) -> Answer:
    """The best-matching sentence with its citation, or an abstention (empty and uncited)."""
    reader = _reader(docs)
    if not ranked or _names_unknown_term(query, reader.vocabulary):
        return Answer("", ())
    candidates: dict[tuple[str, int, int], str] = {}  # (doc_id, start, end) -> sentence
    for chunk, _score in ranked[:CONTEXT]:
        text = docs[chunk.doc_id]
        for start, end in _sentences(text, chunk.start, chunk.end):
            candidates.setdefault((chunk.doc_id, start, end), text[start:end])
    if not candidates:
        return Answer("", ())
    spans = list(candidates)
    scores = reader.similarity(query, [candidates[s] for s in spans])
    best = min(range(len(spans)), key=lambda i: (-scores[i], i))  # ties: the higher passage
    doc_id, start, end = spans[best]
    answer = " ".join(candidates[spans[best]].replace("|", " ").split())
    if len(answer) > MAX_ANSWER_CHARS:
        answer = answer[:MAX_ANSWER_CHARS].rsplit(" ", 1)[0]
    return Answer(answer, (Span(doc_id, start, end),))


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the sentences, list items and table rows in text[start:end], markup trimmed."""
    spans = []
    position = start
    lines = text[start:end].split("\n")
    for number, line in enumerate(lines):
        line_start, position = position, position + len(line) + 1
        following = lines[number + 1] if number + 1 < len(lines) else ""
        if (
            line.lstrip().startswith("#")
            or _TABLE_RULE.fullmatch(line)
            or (line.lstrip().startswith("|") and _TABLE_RULE.fullmatch(following))
        ):
            continue  # a heading, a table's header or rule line: no answer by themselves
        line_end = line_start + len(line)
        cuts = [line_start, *(m.end() for m in _SENTENCE_END.finditer(text, line_start, line_end))]
        for a, b in zip(cuts, [*cuts[1:], line_end], strict=True):
            while a < b and text[a] in _MARKUP:
                a += 1
            while b > a and text[b - 1] in _MARKUP + "\r\n":
                b -= 1
            if b > a:
                spans.append((a, b))
    return spans


def _names_unknown_term(query: str, vocabulary: frozenset[str]) -> bool:
    """Whether the query names an identifier or a proper name that no document contains."""
    for position, match in enumerate(_WORD.finditer(query)):
        word = match.group()
        identifier = any(c.isdigit() for c in word) and any(c.isalpha() for c in word)
        name = position > 0 and word[0].isupper()
        terms = tokenize(word, qualifiers=True)
        if (identifier or name) and not all(t in vocabulary for t in terms):
            return True
    return False
