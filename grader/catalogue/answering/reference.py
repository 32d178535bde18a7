"""Answering: the sentence (or table row) that answers the query, cited by its exact offsets.

The answer is read from the documents, not from the chunks, so it does not depend on how they were
cut: every sentence, list item and table row overlapping a ranked chunk is a candidate, with its
context (document title, headings), alone and with the next sentence of its paragraph, because an
event named in one sentence and the figure given in the next ("... held a table lock. Incoming
writes queued behind it for 85 minutes") only answer together. Candidates are scored by

- meaning: cosine with the query by all-MiniLM-L6-v2, loaded here (answering sees chunks, not the
  embedder), for a shortlist ranked by the other features, to keep each answer fast;
- words: the share of the query's IDF weight in the candidate and its context;
- anchors: the share of the query's names and identifiers (the Zircon team, REC-4785) it contains;
- place: the rank of the chunk it came from;
- news: whether it states a number or name the question lacks. A sentence whose figures all come
  from the question is the answer's context, not the answer.

A question that names nothing (no name, no identifier: "How often are laptops backed up?") is put
in everyday words, and the words it shares with a sentence are as likely chance as evidence: the
rule may say "files on employee computers are snapshotted", while "new starters often pick up
their laptops" shares three of its words. Such a question is scored by meaning and news alone, and
the model reads every candidate, not a shortlist.

The winner's text is the answer (a table row with its cells labelled by the header), cited by the
exact span of the units it quotes.

Abstention: the corpus cannot answer a question about something it never mentions. The query's
anchors are looked up in every document: identifiers (tokens mixing letters and digits; an endpoint
with its method; a model with its family, "Trennix P6"), and names of a kind of thing the corpus
catalogues, a name in front of a word that follows many different names in the documents
("Pegasus team", "Marseille office"). Another missing name ("my corporate Visa") may be the
question's own wording and does not abstain.

A question about a member of such a kind that the corpus does have, with a section of its own
("## Zurich office"), can still be unanswerable: the section may not give the asked fact although
its siblings' sections give theirs ("How many parking spaces does the Zurich office have?" where
the Zurich section states reception and opening hours). Sibling sections state their facts in
recurring shapes: sentences that differ only in their names and figures ("The site has 40
parking spaces, bookable one day ahead."), while their other sentences are each said once. The
shapes repeated across the kind's sections are ranked by their fit to the question (meaning and
the question's words other than the entity); a fact comes in a few wordings, so the best
SHAPES_ASKED shapes are what the answer would look like. When the entity's own section states
none of them, and nothing in it fits the question better than the best of them, the fact is not
stated and the answer abstains. Where the kind's facts come in one wording each, the runner-up is
another fact's shape, and an entity stating that other fact is answered from it: the rule
assumes a fact is worded more than one way across the siblings, as people write them.

A question comparing the models of a product line ("Which Aster model is the lightest without its
mounting bracket?") has no sentence to quote: each sheet states its own model's figure. It is
answered by `comparisons`: every sibling's statement of the figure that fits the question best
(meaning and words, as above) is gathered from the documents, the extreme figure picked, and
every statement compared is cited.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass

from exercise.types import Answer, Span

from . import comparisons, minilm, terms
from .per_corpus import PerCorpus
from .pointers import anchor_of, asked_of, asks_owner, owner_named
from .records import Chunk

MAX_ANSWER_CHARS = 300  # the evaluation rejects longer answers
SHORTLIST = 10  # candidates the model reads for a question that names something
WEIGHTS = {"meaning": 1.0, "words": 0.5, "anchors": 0.5, "place": 0.1, "news": 0.3}
# A question that names nothing (no name, no identifier) is matched by meaning: see the docstring.
PLAIN_WEIGHTS = {"meaning": 1.0, "news": 0.3}
PAIR_COST = 0.05  # a two-sentence answer must score this much better than its first sentence
KIND_NAMES = 3  # distinct names in front of a word that make it the name of a kind of thing
# Shapes of sibling statements taken as the asked fact's (see the docstring). On a generated
# variant, 1 declined half the stated facts (the entity's section used the other wording), 3
# answered a third of the unstated ones (a neighbouring fact's wording came third); 2 answered
# 29 of 30 stated facts and declined 19 of 20 unstated ones (28 of 30 and 26 of 30 on another).
SHAPES_ASKED = 2

_WORD = re.compile(r"\w+(?:[-.:/']\w+)*")
_NAME = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"  # Krakow, Al-Amin; not GP or REC-4785
_QUERY_NAME = re.compile(rf"(?<!^)(?<![\w-]){_NAME}")  # not the question's first word
# One or more capitalised words and the word after them: "Pegasus team", "Trennix P6".
_NAMED = re.compile(rf"(?<![\w-])(?P<name>{_NAME}(?: {_NAME})*) (?P<word>[A-Za-z0-9]+)")
_ENDPOINT = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE) /[\w{}./-]*[\w}]")
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t#]*$")
_LIST_ITEM = re.compile(r"([-*+]|\d+[.)])[ \t]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9`\"'(\[*_])")


def tokenize(text: str) -> list[str]:
    """Answering's terms: qualifiers read the way documents write them ("version 3" as "v3",
    "X-2" as "x2"; `terms.read_qualifiers`)."""
    return terms.tokenize(text, qualifiers=True)


@dataclass(frozen=True)
class _Unit:
    """A sentence, list item or table row: the smallest thing an answer quotes."""

    doc_id: str
    start: int
    end: int
    position: int  # index among the document's units
    block: int  # index of its paragraph, list or table: a two-unit answer stays inside one
    context: str  # the document title and the headings above it
    text: str  # what the answer says: the unit's text, a table row with its column names


class _Library:
    """What answering keeps per corpus, built lazily: units, term statistics, the model."""

    def __init__(self, docs: dict[str, str]) -> None:
        self.docs = docs
        self.units: dict[str, list[_Unit]] = {}
        df = Counter(t for text in docs.values() for t in set(tokenize(text)))
        self.vocabulary = frozenset(df)
        self.idf = {t: math.log(1 + len(docs) / f) for t, f in df.items()}
        self.unseen_idf = math.log(1 + len(docs))
        self.text = "\n".join(docs.values())
        # Lower-cased words between single spaces: a name or phrase is found as whole words.
        self.spaced = " " + re.sub(r"[^\w-]+", " ", self.text.lower()) + " "
        # word -> how many distinct names stand in front of it ("Maple team", "Larch team", ...)
        named = {m.group("name", "word") for m in _NAMED.finditer(self.text)}
        self.kinds = Counter(w for _, w in named if w.islower() and w not in terms.STOPWORDS)
        self.meaning = minilm.Cosines(fast=True)  # keeps every vector, for later queries
        self._terms: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._sections: dict[str, dict[str, list[_Unit]]] = {}
        self.lines = comparisons.lines(self.text)  # product lines: "Aster" of "Aster X1", "X2"
        self._named: dict[str, list[comparisons.Unit]] = {}

    def terms(self, text: str) -> tuple[frozenset[str], frozenset[str]]:
        """The text's terms (as `tokenize` makes them) and its lower-cased words, remembered."""
        if text not in self._terms:
            self._terms[text] = (frozenset(tokenize(text)), frozenset(_WORD.findall(text.lower())))
        return self._terms[text]

    def sections(self, word: str) -> dict[str, list[_Unit]]:
        """member → the units of its section, for the sections headed "<Member> <word>" ("Zurich
        office"), built once per word."""
        if word not in self._sections:
            found: dict[str, list[_Unit]] = {}
            for doc_id in self.docs:
                for unit in self.units_of(doc_id):
                    heading = unit.context.rsplit(" / ", 1)[-1] if " / " in unit.context else ""
                    match = re.fullmatch(
                        rf"(?P<name>{_NAME}(?: {_NAME})*) {re.escape(word)}", heading
                    )
                    if match:
                        found.setdefault(match.group("name").lower(), []).append(unit)
            self._sections[word] = found
        return self._sections[word]

    def naming(self, line: str) -> list[comparisons.Unit]:
        """Every unit of the corpus that names the line, found once per line."""
        if line not in self._named:
            self._named[line] = [
                comparisons.Unit(u.doc_id, u.start, u.end, u.text)
                for doc_id in self.docs
                if line in self.docs[doc_id]
                for u in self.units_of(doc_id)
                if line in u.text
            ]
        return self._named[line]

    def units_of(self, doc_id: str) -> list[_Unit]:
        if doc_id not in self.units:
            self.units[doc_id] = _parse(doc_id, self.docs[doc_id])
        return self.units[doc_id]


_library = PerCorpus(_Library)


def answer_from(query: str, ranked: list[tuple[Chunk, float]], docs: dict[str, str]) -> Answer:
    """An extractive answer with its exact citation, or an abstention (empty and uncited)."""
    library = _library(docs)
    query = terms.join_letter_qualifiers(query)  # "Aster X-2" is the "Aster X2" documents name
    if _names_unknown_thing(query, library) or _fact_unstated(query, library):
        return Answer("", ())
    query, ranked = _asked_of_owner(query, ranked, library)
    compared = _compared(query, library)
    if compared is not None:
        return compared
    place: dict[_Unit, int] = {}  # candidate unit -> rank of the first chunk it overlaps
    for rank, (chunk, _score) in enumerate(ranked, start=1):
        for unit in library.units_of(chunk.doc_id):
            if unit.start < chunk.end and chunk.start < unit.end:
                place.setdefault(unit, rank)
    groups = []  # a unit alone, and with the next unit of its paragraph
    for unit in place:
        groups.append([unit])
        following = library.units_of(unit.doc_id)[unit.position + 1 : unit.position + 2]
        if following and following[0].block == unit.block:
            groups.append([unit, following[0]])
    if not groups:
        return Answer("", ())

    weights = {t: library.idf.get(t, library.unseen_idf) for t in set(tokenize(query))}
    total = sum(weights.values()) or 1.0
    asked = {w.lower() for w in _WORD.findall(query)}
    names = {m.group().lower() for m in _QUERY_NAME.finditer(query.strip())}
    identifiers = {t for t in weights if re.search(r"\d", t) and re.search(r"[a-z]", t)}
    plain = not names and not identifiers  # in everyday words: meaning decides
    weighting = PLAIN_WEIGHTS if plain else WEIGHTS

    def features(group: list[_Unit]) -> dict[str, float]:
        parts = [library.terms(text) for text in (group[0].context, *(u.text for u in group))]
        terms = frozenset().union(*(t for t, _ in parts))
        words = frozenset().union(*(w for _, w in parts))
        anchors = [n in words for n in names] + [i in terms for i in identifiers]
        return {
            "words": sum(w for t, w in weights.items() if t in terms) / total,
            "anchors": sum(anchors) / len(anchors) if anchors else 0.0,
            "place": 1.0 / place[group[0]],
            "news": float(any(_tells_news(u.text, asked) for u in group)),
        }

    def score(group: list[_Unit], values: dict[str, float]) -> float:
        cost = PAIR_COST * (len(group) - 1)
        return sum(weighting.get(name, 0.0) * value for name, value in values.items()) - cost

    def order(group: list[_Unit]) -> tuple[str, int, int]:  # ties: by place in the corpus
        return group[0].doc_id, group[0].start, len(group)

    known = [(g, features(g)) for g in groups]
    known.sort(key=lambda gf: (-score(*gf), order(gf[0])))
    heads = list(dict.fromkeys(g[0] for g, _ in known))[: None if plain else SHORTLIST]
    cosine = library.meaning(query, [f"{u.context}: {u.text}" for u in heads])
    meaning = dict(zip(heads, cosine, strict=True))
    options = [(score(g, {**f, "meaning": meaning[g[0]]}), g) for g, f in known if g[0] in meaning]
    _, group = min(options, key=lambda option: (-option[0], order(option[1])))
    text = " ".join(u.text for u in group)
    if len(text) > MAX_ANSWER_CHARS:
        text = text[:MAX_ANSWER_CHARS].rsplit(" ", 1)[0]
    return Answer(text, (Span(group[0].doc_id, group[0].start, group[-1].end),))


def _asked_of_owner(
    query: str, ranked: list[tuple[Chunk, float]], library: _Library
) -> tuple[str, list[tuple[Chunk, float]]]:
    """For a query that points at its subject through another entity (`pointers`): the query
    asked of the owner that the anchor's document names, and the ranked chunks without the
    documents that state codes like the anchor (runbooks: links to the answer rather than the
    answer). Otherwise both as given.

    A query whose anchor is a bare code may ask about the code itself (`pointers.asks_owner`)."""
    found = anchor_of(query)
    if found is None:
        return query, ranked
    anchor, pointed = found
    ranked_docs = dict.fromkeys(chunk.doc_id for chunk, _ in ranked)
    holding = [d for d in ranked_docs if anchor in library.docs[d]]
    owner = next((m for d in holding if (m := owner_named(library.docs[d]))), None)
    if owner is None:
        return query, ranked
    stating = " ".join(u.text for d in holding for u in library.units_of(d) if anchor in u.text)
    if not asks_owner(query, pointed, owner["owner"], stating):
        return query, ranked
    # documents that state codes like the anchor are where the question points from: links
    alike = re.compile(rf"(?<![\w-]){re.escape(anchor.split('-', 1)[0])}-\d")
    rest = [
        (chunk, score) for chunk, score in ranked if not alike.search(library.docs[chunk.doc_id])
    ]
    return asked_of(query, anchor, owner["owner"]), rest


def _compared(query: str, library: _Library) -> Answer | None:
    """The answer to a question comparing the models of a line, citing every statement compared;
    None when the query is no such question (see the module docstring)."""
    question = comparisons.asked(query, library.lines)
    if question is None:
        return None

    def fit(asked: comparisons.Asked, groups: list[list[comparisons.Statement]]) -> list[float]:
        weights = {
            t: library.idf.get(t, library.unseen_idf)
            for t in set(tokenize(" ".join(sorted(asked.words))))
        }
        total = sum(weights.values()) or 1.0
        texts = [group[0].unit.text.replace(group[0].model, "the model") for group in groups]
        cosine = library.meaning(query, texts)
        return [
            value + WEIGHTS["words"] * sum(w for t, w in weights.items() if t in terms) / total
            for value, terms in zip(cosine, (library.terms(t)[0] for t in texts), strict=True)
        ]

    found = comparisons.compare(query, library.naming(question.line), library.lines, fit)
    if found is None:
        return None
    best, compared = found
    text = f"{best.model}: {best.unit.text}"[:MAX_ANSWER_CHARS]
    return Answer(text, tuple(Span(s.unit.doc_id, s.unit.start, s.unit.end) for s in compared))


def _tells_news(text: str, asked: set[str]) -> bool:
    """Whether `text` holds a number, or a name after its first word, that the question lacks."""
    return any(
        word.lower() not in asked
        and (any(c.isdigit() for c in word) or (word[0].isupper() and position > 0))
        for position, word in enumerate(_WORD.findall(text))
    )


def _names_unknown_thing(query: str, library: _Library) -> bool:
    """Whether the query names an identifier, or a member of a kind, that no document has."""
    for term in tokenize(query):
        if re.search(r"\d", term) and re.search(r"[a-z]", term) and term not in library.vocabulary:
            return True
    for match in _ENDPOINT.finditer(query):  # the path may exist with another method
        if not re.search(re.escape(match.group()) + r"(?![\w/{}])", library.text):
            return True
    for match in _NAMED.finditer(query):
        name, word = match.group("name").lower(), match.group("word").lower()
        known = f" {name} " in library.spaced
        if any(c.isdigit() for c in word):  # a model: its family name and its qualifier
            if f" {name} {word} " not in library.spaced:
                return True
        elif not known and match.start() > 0 and library.kinds[word] >= KIND_NAMES:
            return True
    return False


def _fact_unstated(query: str, library: _Library) -> bool:
    """Whether the query asks a member of a kind (a section's heading names it) a fact that its
    siblings' sections state and its own section does not (see the module docstring)."""
    for match in _NAMED.finditer(query):
        name, word = match.group("name").lower(), match.group("word").lower()
        if match.start() == 0 or library.kinds[word] < KIND_NAMES:
            continue
        sections = library.sections(word)
        if name not in sections or len(sections) < 2:
            continue
        units = [u for members in sections.values() for u in members]
        sections_with = Counter(
            shape for members in sections.values() for shape in {_shape(u.text) for u in members}
        )
        entity = set(tokenize(match.group()))
        weights = {t: library.idf.get(t, library.unseen_idf) for t in set(tokenize(query)) - entity}
        total = sum(weights.values()) or 1.0
        cosine = library.meaning(query, [u.text for u in units])
        fit: dict[tuple[str, ...], tuple[float, str]] = {}  # repeated shape -> best fit, text
        own_best = -math.inf
        for unit, value in zip(units, cosine, strict=True):
            words = library.terms(unit.text)[0]
            value += WEIGHTS["words"] * sum(w for t, w in weights.items() if t in words) / total
            shape = _shape(unit.text)
            if sections_with[shape] > 1:
                fit[shape] = max(fit.get(shape, (-math.inf, "")), (value, unit.text))
            if unit in sections[name]:
                own_best = max(own_best, value)
        if not fit:
            continue
        asked = sorted(fit, key=lambda shape: (-fit[shape][0], shape))[:SHAPES_ASKED]
        # a statement of its own that fits better than any repeated one: a wording its siblings
        # happen not to share
        own_shapes = {_shape(u.text) for u in sections[name]}
        if own_best < fit[asked[0]][0] and not own_shapes & set(asked):
            return True
    return False


def _shape(text: str) -> tuple[str, ...]:
    """A sentence without its names, figures and channels: its lower-case words in order."""
    words = (w.strip(".,;:!?()\"'") for w in text.split())
    return tuple(w for w in words if w.isalpha() and w.islower())


def _parse(doc_id: str, text: str) -> list[_Unit]:
    """The document's units in order, each with its section context."""
    units: list[_Unit] = []
    title, headings = "", []  # headings: (level, text) of the open sections below the title
    for number, (kind, lines) in enumerate(_blocks(text)):
        if kind == "atx_heading":
            match = _HEADING.match(text[lines[0][0] : lines[0][1]])
            level, name = len(match.group(1)), match.group(2).strip()
            if level == 1 and not title:
                title = name
            else:
                headings = [h for h in headings if h[0] < level] + [(level, name)]
            continue
        context = " / ".join(part for part in (title, *(h for _, h in headings)) if part)
        for start, end, said in _block_units(text, kind, lines):
            units.append(_Unit(doc_id, start, end, len(units), number, context, said))
    return units


def _blocks(text: str) -> list[tuple[str, list[tuple[int, int]]]]:
    """(kind, line spans) of each heading, table, list and paragraph; blank lines separate."""
    blocks: list[tuple[str, list[tuple[int, int]]]] = []
    kind, position = "", 0
    for raw in text.split("\n"):
        start, position = position, position + len(raw) + 1
        line = raw.strip()  # also drops the "\r" of a "\r\n" line end
        if not line:
            kind = ""
            continue
        lead = len(raw) - len(raw.lstrip())
        if _HEADING.match(line):
            line_kind = "atx_heading"
        elif line.startswith("|"):
            line_kind = "pipe_table"
        elif _LIST_ITEM.match(line) or kind == "list":
            line_kind = "list"  # a wrapped line continues the item above
        else:
            line_kind = "text"
        if line_kind == "atx_heading" or line_kind != kind:
            blocks.append((line_kind, []))
        kind = line_kind
        blocks[-1][1].append((start + lead, start + lead + len(line)))
    return blocks


def _block_units(text: str, kind: str, lines: list[tuple[int, int]]):
    """(start, end, answer text) of each unit of a block."""
    if kind == "pipe_table":
        cells = [[_plain(c) for c in text[a:b].strip("|").split("|")] for a, b in lines]
        header = len(lines) > 2 and all(set(c) <= set("-: ") for c in cells[1])
        for (start, end), row in list(zip(lines, cells, strict=True))[2 if header else 0 :]:
            labelled = header and len(row) == len(cells[0])
            pairs = zip(cells[0], row, strict=True) if labelled else ()
            yield start, end, "; ".join(f"{n}: {v}" for n, v in pairs) or ", ".join(row)
    elif kind == "list":
        items: list[tuple[int, int]] = []
        for start, end in lines:
            if items and not _LIST_ITEM.match(text[start:end]):
                items[-1] = (items[-1][0], end)  # a continuation line belongs to its item
            else:
                items.append((start, end))
        for start, end in items:
            yield start, end, _plain(_LIST_ITEM.sub("", text[start:end], count=1))
    else:
        start, end = lines[0][0], lines[-1][1]
        cuts = [start, *(m.end() for m in _SENTENCE_END.finditer(text, start, end)), end]
        for a, b in zip(cuts, cuts[1:], strict=False):
            if text[a:b].strip():
                yield a, a + len(text[a:b].rstrip()), _plain(text[a:b])


def _plain(text: str) -> str:
    """Markdown code and bold markers removed, whitespace collapsed: answers read as prose."""
    return " ".join(text.replace("`", "").replace("**", "").split())
