"""Answer metrics: normalization, correctness, abstention.

`normalize_answer` is applied to both the gold answer and the pipeline's text: Unicode NFKC, then
`str.casefold`, then split on whitespace, strip punctuation (Unicode category P*) from both ends of
every token, drop tokens that became empty and join with single spaces. An answer is *correct* when
the normalized gold answer occurs in the normalized text **on token boundaries** (so "2.14.1" does
not match "2.14.10"). Abstaining means text == "" and no citations. Called by `exercise.scoring` and
`exercise.loading`.
"""

from __future__ import annotations

import unicodedata

from exercise.types import Answer


def normalize_answer(text: str) -> str:
    """NFKC, casefold, whitespace-split, strip P* punctuation around tokens, rejoin with spaces."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    tokens = (_strip_punctuation(token) for token in folded.split())
    return " ".join(token for token in tokens if token)


def _strip_punctuation(token: str) -> str:
    start, end = 0, len(token)
    while start < end and unicodedata.category(token[start]).startswith("P"):
        start += 1
    while end > start and unicodedata.category(token[end - 1]).startswith("P"):
        end -= 1
    return token[start:end]


def contains_answer(text: str, gold: str, answer_cap: int) -> bool:
    """The normalized gold answer occurs in the normalized `text[:answer_cap]`, on token bounds."""
    needle = normalize_answer(gold)
    if not needle:
        return False
    return f" {needle} " in f" {normalize_answer(text[:answer_cap])} "


def abstained(answer: Answer) -> bool:
    """An abstention is an empty text with no citations."""
    return answer.text == "" and not answer.citations
