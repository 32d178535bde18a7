"""Terms: how the pipeline reads a text into the words it matches on (a tokenizer and a stemmer).

One reading for the retrieval, reranking and answering steps, so a query term and a document term
meet when they are the same word. Matching can take text as written (first-stage search) or with
model and version qualifiers read the way documents print them (`read_qualifiers`: "version 3"
is "v3", "X-2" is "X2"), where telling near-identical documents apart is the point.
"""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    "a an and are as at be by can do does for from has have how i in is it its of on or s that "
    "the their there this to under was what when where which who whom why with".split()
)

# An endpoint path ("/v1/refunds/{id}") or a word with its inner punctuation ("REC-4785", "v2.1")
_TOKEN = re.compile(r"/[\w{}./-]*[\w}]|\w+(?:[-.:/']\w+)*")
_PART_SEPARATOR = re.compile(r"[-.:/'{}]+")
_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b")
_VERSION = re.compile(r"\bversion\s+(\d+)\b", re.IGNORECASE)
_HYPHENATED = re.compile(r"\b([A-Za-z])-(\d+)\b")  # a one-letter qualifier typed "X-2"


def tokenize(text: str, *, qualifiers: bool = False) -> list[str]:
    """Lower-cased, stemmed terms without stopwords; a compound token also yields its parts.

    A possessive "'s" is dropped. With `qualifiers`, the text is first read by `read_qualifiers`.
    """
    if qualifiers:
        text = read_qualifiers(text)
    terms: list[str] = []
    for match in _TOKEN.finditer(_POSSESSIVE.sub("", text).lower()):
        token = match.group()
        parts = [p for p in _PART_SEPARATOR.split(token) if p]
        if len(parts) > 1:
            terms.append(token)
        terms.extend(stem(p) for p in parts if p not in STOPWORDS)
    return terms


def read_qualifiers(text: str) -> str:
    """`text` with qualifiers as documents print them: "version 3" as "v3", "X-2" as "X2"."""
    return join_letter_qualifiers(_VERSION.sub(r"v\1", text))


def join_letter_qualifiers(text: str) -> str:
    """`text` with a one-letter model qualifier typed with a hyphen ("Aster X-2") written as
    documents name it ("Aster X2"). Longer codes keep their hyphen ("REC-4785")."""
    return _HYPHENATED.sub(r"\1\2", text)


def stem(word: str) -> str:
    """Light suffix stripping ("engineering", "engineers" -> "engineer"); codes and names stay."""
    if not word.isalpha() or len(word) <= 3:
        return word
    for suffix in ("ing", "ed", "s"):
        if word.endswith(suffix) and not word.endswith("ss") and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)]
            if suffix != "s" and len(word) > 3 and word[-1] == word[-2] and word[-1] not in "lsz":
                word = word[:-1]  # "planning" -> "plan"
            break
    return word[:-1] if len(word) > 4 and word.endswith("e") else word  # "release(d)" -> "releas"
