"""Second stage: rescore the first stage's candidates with exact-match features.

The first stage ranks by meaning and term statistics. It cannot tell near-duplicates apart (Travel
Policy v2 and v3 say the same things with other numbers), and in sections that all say the same
kinds of things about different teams, the one about the asked-about team differs only by a name
in its heading. Each candidate gets five features:

- `first_stage`: its first-stage score, scaled to [0, 1] over the candidates, so any retriever's
  order and margins carry over;
- `first_line`: the share of the query's IDF weight found in the chunk's first line, where a
  chunker that adds context puts the document title and section heading (a title field, as in
  BM25F); for a chunker that adds none it is just the chunk's first line;
- `names`: the share of the query's proper names (capitalised words after its first word: the
  Zircon team, the Krakow office) that the chunk contains;
- `qualifier`: agreement on the query tokens that mix letters and digits (error codes, endpoint
  paths, `v3`, `X2`). A chunk that contains one scores +1 for it; one that lacks it but contains
  a sibling (same letters, other digits: `v2` for `v3`, `K4` for `K3`) scores -1;
- `statement`: for a query with such qualifiers, the share of the IDF weight of what the query
  asks about (its terms other than the qualifiers and names) found in the chunk's best sentence
  (or line) that names all the qualifiers. Every chunk of the Aster X2's sheet names the Aster X2,
  and its sibling's sheet says the same things about the X1: the chunk to rank first is the one
  where the qualifier and what is asked about stand in one statement. It weighs twice as much as
  the others, so such a chunk wins from anywhere in the candidate pool;
- `in_force`: for a query that gives a date ("On 14 March 2025, what ..."), and a chunk of a
  versioned document with another version among the candidates: +1 if its version was in force
  that day, -1 if not; else 0. Versions say the same things with other values, and the query names
  none of them: the one to answer from is the one in force on its date, which need not be the
  newest (nor the page that lists when each was in force). A document's version is the versioned
  name its chunks give (`Travel Policy v3`); when each was in force is read from the corpus's own
  statements ("Travel Policy v3 was in force from 3 March 2022 until 23 January 2023", "Travel
  Policy v3: 2022-03-03 to 2023-01-23"): a statement naming one version, with one date for a
  version still in force or two for its first and last day, whatever its verbs; the corpus's
  versioned documents give no other dated statement of a version. A version whose period no
  statement gives, and every chunk of a query with no date, score 0.

A query that uses a term the corpus defines (a product's codename in its glossary: `glossary.py`)
is scored with the name the term stands for in its place, as the first stage searched it.

Whole-chunk term overlap is left to the first stage: counted again here it would favour chunks
that share common words with a paraphrased question over the one that answers it.

Term statistics are computed lazily from the chunk texts and kept for the lifetime of the chunk
list (the pipeline keeps one), so the second stage works with any chunker, embedder and retriever.
"""

from __future__ import annotations

import datetime
import math
import re
from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass

from . import glossary, terms
from .records import Chunk, Hit

CANDIDATES = 30  # first-stage hits rescored per query
WEIGHTS = {
    "first_stage": 1.0,
    "first_line": 1.0,
    "names": 1.0,
    "qualifier": 1.0,
    "statement": 2.0,
    "in_force": 2.0,
}

_PIECE_END = re.compile(r"(?<=[.!?])\s+|\s*\n\s*")  # sentence or line ends

_NAME = re.compile(r"(?<!^)(?<![\w-])[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*")

_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_MONTH = "(" + "|".join((*_MONTHS, *(m[:3] for m in _MONTHS))) + ")"
# "14 March 2025", "March 14, 2025", "14 Mar 2025" or "2025-03-14"
_DATE = re.compile(
    rf"\b(\d{{1,2}}) {_MONTH},? (\d{{4}})\b|\b{_MONTH} (\d{{1,2}}),? (\d{{4}})\b"
    r"|\b(\d{4})-(\d{2})-(\d{2})\b",
    re.IGNORECASE,
)
# A versioned name: capitalised words (joined by "and", "of", "&") and a version, "Travel Policy v3"
_VERSIONED = re.compile(r"\b([A-Z][\w'-]*(?: (?:[A-Z][\w'-]*|and|of|&))*) v(\d+)\b")


def tokenize(text: str) -> list[str]:
    """The second stage's terms: qualifiers read the way documents write them ("version 3" as
    "v3", "X-2" as "x2"; `terms.read_qualifiers`)."""
    return terms.tokenize(text, qualifiers=True)


def _qualifiers(terms: set[str]) -> set[str]:
    """Terms that mix letters and digits: codes, paths, versions, model names."""
    return {t for t in terms if any(c.isdigit() for c in t) and any(c.isalpha() for c in t)}


def _shape(term: str) -> str:
    """A qualifier with its digits masked: siblings (`v2`, `v3`) share a shape."""
    return re.sub(r"\d+", "#", term)


@dataclass(frozen=True)
class _State:
    """What the reranker keeps per chunk list: each chunk's terms and words, and the IDF."""

    chunks: list[Chunk]
    terms: list[frozenset[str]]
    first_lines: list[frozenset[str]]  # terms of each chunk's first line (a title, a heading)
    words: list[frozenset[str]]  # lower-cased words as written, to find names
    pieces: list[tuple[frozenset[str], ...]]  # terms of each sentence or line of each chunk
    idf: dict[str, float]
    unseen_idf: float  # for a query term no chunk contains
    periods: dict[str, tuple[str, datetime.date, datetime.date | None]]
    """doc id → its document's name without the version, and the first and last day (None: still
    in force) its version was in force, for the versioned documents whose period the corpus
    states."""
    vocabulary: Mapping[str, str]  # term the corpus defines → the name it stands for

    @classmethod
    def of(cls, chunks: list[Chunk]) -> _State:
        terms = [frozenset(tokenize(c.text)) for c in chunks]
        first_lines = [frozenset(tokenize(c.text.strip().split("\n", 1)[0])) for c in chunks]
        words = [frozenset(re.findall(r"[\w-]+", c.text.lower())) for c in chunks]
        pieces = [
            tuple(frozenset(tokenize(p)) for p in _PIECE_END.split(c.text) if p.strip())
            for c in chunks
        ]
        df = Counter(t for ts in terms for t in ts)
        n = len(chunks)
        idf = {t: math.log(1 + (n - f + 0.5) / (f + 0.5)) for t, f in df.items()}
        unseen = math.log(1 + (n + 0.5) / 0.5)
        vocabulary = glossary.read(c.text for c in chunks)
        return cls(
            chunks, terms, first_lines, words, pieces, idf, unseen, _periods(chunks), vocabulary
        )


_states: dict[int, _State] = {}  # id(chunk list) -> state; the list itself is kept in the state


def _state(chunks: list[Chunk]) -> _State:
    state = _states.get(id(chunks))
    if state is None or state.chunks is not chunks:
        state = _State.of(chunks)
        _states.clear()  # one pipeline per process: keep the latest chunk list only
        _states[id(chunks)] = state
    return state


def _dates(text: str) -> list[datetime.date]:
    """The dates a text gives, in order (a day that does not exist is skipped)."""
    found = []
    for m in _DATE.finditer(text):
        if m[1]:
            parts = (m[3], _month(m[2]), m[1])
        elif m[4]:
            parts = (m[6], _month(m[4]), m[5])
        else:
            parts = (m[7], m[8], m[9])
        try:
            found.append(datetime.date(*map(int, parts)))
        except ValueError:
            continue
    return found


def _month(name: str) -> int:
    """A month's number from its name or its first three letters."""
    return next(i for i, m in enumerate(_MONTHS, 1) if m.startswith(name.lower()))


def _same_version(a: str, b: str) -> bool:
    """Whether two versioned names name one version ("Under Travel Policy v3", "Travel Policy
    v3"): equal, or one ends with the other."""
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _periods(chunks: list[Chunk]) -> dict[str, tuple[str, datetime.date, datetime.date | None]]:
    """doc id → when its version was in force, read from the chunks' statements of it."""
    named: dict[str, Counter] = defaultdict(Counter)  # doc id → versioned names its chunks give
    stated: dict[str, tuple[datetime.date, datetime.date | None]] = {}
    for chunk in chunks:
        for piece in _PIECE_END.split(chunk.text):
            versions = {f"{m[1]} v{m[2]}" for m in _VERSIONED.finditer(piece)}
            named[chunk.doc_id].update(versions)
            dates = _dates(piece)
            if len(versions) == 1 and 1 <= len(dates) <= 2:
                first, last = dates[0], dates[1] if len(dates) == 2 else None
                stated.setdefault(versions.pop(), (first, last))
    periods = {}
    for doc_id, names in named.items():
        top = [name for name, _ in names.most_common()]
        # a version's document gives one versioned name (a history or an index gives several)
        if top and all(_same_version(top[0], other) for other in top[1:]):
            core = min(top, key=len)  # "Travel Policy v3" rather than "Under Travel Policy v3"
            period = next((p for v, p in stated.items() if _same_version(v, core)), None)
            if period is not None:
                periods[doc_id] = (core.rsplit(" v", 1)[0], *period)
    return periods


def _in_force_feature(
    doc_id: str, days: list[datetime.date], periods, rivals: dict[str, set[str]]
) -> float:
    """+1 / -1 when the query gives a date and the chunk's version, with another version among the
    candidates, was / was not in force on it; else 0."""
    if doc_id not in periods or not days:
        return 0.0
    family, first, last = periods[doc_id]
    if not rivals[family] - {doc_id}:
        return 0.0
    day = days[0]
    return 1.0 if first <= day and (last is None or day <= last) else -1.0


def rerank(query: str, hits: list[Hit], chunks: list[Chunk], embedder) -> list[Hit]:
    """The hits rescored and sorted best first (a new list; `hits` is not modified)."""
    if not hits:
        return []
    state = _state(chunks)
    query = glossary.expand(query, state.vocabulary)
    query_terms = set(tokenize(query))
    weight = {t: state.idf.get(t, state.unseen_idf) for t in query_terms}
    total = sum(weight.values()) or 1.0
    names = {m.group().lower() for m in _NAME.finditer(query.strip())}
    wanted = _qualifiers(query_terms)
    shapes = {_shape(q) for q in wanted}
    # What the query asks about: its terms other than the qualifiers (and their parts) and names.
    anchors = wanted | names | {p for q in wanted for p in re.split(r"[-.:/'{}]+", q)}
    asked = {t: w for t, w in weight.items() if t not in anchors}
    asked_total = sum(asked.values()) or 1.0
    low = min(h.score for h in hits)
    spread = max(h.score for h in hits) - low
    asked_days = _dates(query)
    rivals: dict[str, set[str]] = defaultdict(set)  # document name → its versions' ids here
    for hit in hits:
        doc_id = chunks[hit.index].doc_id
        if doc_id in state.periods:
            rivals[state.periods[doc_id][0]].add(doc_id)

    scored = []
    for hit in hits:
        terms, first_line = state.terms[hit.index], state.first_lines[hit.index]
        qualifier = statement = 0.0
        if wanted:
            present = wanted & terms
            rivals = {_shape(t) for t in _qualifiers(terms) - wanted} & shapes
            contradicted = {q for q in wanted - present if _shape(q) in rivals}
            qualifier = (len(present) - len(contradicted)) / len(wanted)
            statement = max(
                (
                    sum(w for t, w in asked.items() if t in piece) / asked_total
                    for piece in state.pieces[hit.index]
                    if wanted <= piece
                ),
                default=0.0,
            )
        features = {
            "first_stage": (hit.score - low) / spread if spread > 0 else 1.0,
            "first_line": sum(w for t, w in weight.items() if t in first_line) / total,
            "names": len(names & state.words[hit.index]) / len(names) if names else 0.0,
            "qualifier": qualifier,
            "statement": statement,
            "in_force": _in_force_feature(
                chunks[hit.index].doc_id, asked_days, state.periods, rivals
            ),
        }
        score = sum(WEIGHTS[name] * value for name, value in features.items())
        scored.append(Hit(hit.index, score))
    return sorted(
        scored, key=lambda h: (-h.score, chunks[h.index].doc_id, chunks[h.index].start, h.index)
    )
