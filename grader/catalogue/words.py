"""Words: how the pipeline reads a text for lexical matching (BM25, term overlap).

A word is a run of two or more letters or digits, lower-cased (scikit-learn's default token
pattern); common English function words are dropped, since nearly every text contains them and
they say nothing about what it is about. Queries and documents go through the same function, so
a word of a query meets the same word in a document.
"""

from __future__ import annotations

import re

STOPWORDS = frozenset(
    "about after all also an and any are as at be been before but by can could did do does for "
    "from had has have how if in into is it its may more must no not of on or our should so such "
    "than that the their them then there these they this those to under up was we were what when "
    "where which while who whom why will with would you your".split()
)

_WORD = re.compile(r"\b\w\w+\b")


def tokenize(text: str) -> list[str]:
    """The text's words in order, lower-cased, without stopwords."""
    return [word for word in _WORD.findall(text.lower()) if word not in STOPWORDS]
