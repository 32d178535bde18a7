"""Text measures shared by the generator, the validator and `corpus stats`.

The lexical-overlap measure that defines the `paraphrase` slice lives here, so generation, checking
and reporting all use one definition:

    content_words(t) = { stem(w) : w a lower-cased alphanumeric token of t, w not a stopword }
    overlap(q, e)    = |content_words(q) ∩ content_words(e)| / |content_words(q)|

i.e. the share of the question's content words that also occur in the evidence (0 when the
question has none). `stem` is a small deterministic suffix stripper: it only has to conflate the
inflections our templates produce (days/day, approved/approve, charging/charge), not be Porter.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[-'.][A-Za-z0-9]+)*")
ALPHA_WORD_RE = re.compile(r"[A-Za-z]+")
# A sentence ends at . ! or ? followed by whitespace and an upper-case letter, digit, quote or
# backtick; our templates avoid abbreviations such as "e.g." so this split is exact for them.
SENTENCE_END_RE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'`(])")

STOPWORDS = frozenset(
    """
    a about above after again against all also am an and any are as at be because been before being
    below between both but by can could did do does doing down during each either else ever every
    few for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just least less let like may me might more most much must my myself need
    needs neither no nor not now of off often on once one only or other others our ours ourselves
    out over own per please same shall she should so some such than that the their theirs them
    themselves then there these they this those through thus to too under until up upon us very
    via was we were what when where whether which while who whom whose why will with within without
    would yet you your yours yourself yourselves get gets got make makes made
    """.split()
)

_SUFFIXES = ("ations", "ation", "ings", "ing", "edly", "ed", "ies", "es", "s", "ly")


def stem(word: str) -> str:
    """Strip one common English suffix from a lower-case word; keep at least three letters."""
    if not word.isalpha():
        return word
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            base = word[: -len(suffix)]
            if suffix == "ies":
                return base + "y"
            if suffix == "s" and base.endswith("s"):
                return word  # "class", "access": a double s is not a plural
            return base
    return word


def tokens(text: str) -> list[str]:
    """Lower-cased alphanumeric tokens; codes such as `LDG-2047` or `3.14.2` stay whole."""
    return [t.lower() for t in TOKEN_RE.findall(text)]


def content_words(text: str) -> frozenset[str]:
    """Stems of the non-stopword tokens of `text`."""
    return frozenset(stem(t) for t in tokens(text) if t not in STOPWORDS)


def overlap(question: str, evidence: str) -> float:
    """Share of the question's content words that also occur in the evidence (0.0 if none)."""
    q = content_words(question)
    if not q:
        return 0.0
    return len(q & content_words(evidence)) / len(q)


def split_sentences(paragraph: str) -> list[str]:
    """Split one paragraph (no blank lines inside) into sentences."""
    flat = " ".join(paragraph.split())
    return [s for s in SENTENCE_END_RE.split(flat) if s]


def sentence_spans(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of a single-line paragraph `text[start:end]`."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    pos = start
    for m in SENTENCE_END_RE.finditer(text, start, end):
        spans.append((pos, m.start()))
        pos = m.end()
    if pos < end:
        spans.append((pos, end))
    return spans


def units(markdown: str) -> Iterable[str]:
    """The 'sentences' of a Markdown document for realism statistics.

    Headings, list items and table rows count as one unit each (table separator lines are
    skipped); paragraph lines are split into sentences.
    """
    for raw in markdown.splitlines():
        line = raw.strip()
        if not line or set(line) <= set("|-: "):
            continue
        if line.startswith(("#", "|")):
            yield line
            continue
        if line.startswith(("- ", "* ")):
            line = line[2:]
        elif re.match(r"\d+\. ", line):
            line = line.split(" ", 1)[1]
        yield from split_sentences(line)


def prose_sentences(markdown: str) -> list[str]:
    """The sentences and list items of a document: `units` without headings and table rows."""
    return [u for u in units(markdown) if not u.startswith(("#", "|"))]


def alpha_words(text: str) -> set[str]:
    """Distinct lower-cased alphabetic words (for the vocabulary-size realism check)."""
    return {w.lower() for w in ALPHA_WORD_RE.findall(text)}
