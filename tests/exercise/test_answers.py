"""Answer normalization and correctness on token boundaries."""

from __future__ import annotations

import pytest

from exercise.answers import abstained, contains_answer, normalize_answer
from exercise.types import Answer, Span


@pytest.mark.parametrize(
    ("raw", "normalized"),
    [
        ("  Fourteen   DAYS ", "fourteen days"),  # casefold + whitespace collapsed
        ("Straße", "strasse"),  # casefold, not lower()
        ("１４ days", "14 days"),  # NFKC folds full-width digits
        ("ﬁle", "file"),  # NFKC folds the ligature
        ("(14 days).", "14 days"),  # punctuation around tokens is stripped
        ('"OPS-4821",', "ops-4821"),  # ...but not inside them
        ("v2.14.1!", "v2.14.1"),
        ("17%", "17"),  # % is Unicode punctuation (Po)
        ("$25", "$25"),  # $ is a symbol (Sc), kept
        ("— …", ""),  # tokens of only punctuation disappear
    ],
)
def test_normalization(raw: str, normalized: str) -> None:
    assert normalize_answer(raw) == normalized


def test_containment_is_on_token_boundaries() -> None:
    assert contains_answer("It must be requested 14 days in advance.", "14 days", 300)
    assert contains_answer("Version 2.14.1.", "2.14.1", 300)
    assert contains_answer("Requests need 14 days' notice.", "14 days", 300)  # README example
    assert not contains_answer("Version 2.14.10.", "2.14.1", 300)  # a plain substring would match
    assert not contains_answer("SKU-123", "SKU-12", 300)
    assert not contains_answer("anything", "", 300)  # an empty gold answer is never matched


def test_only_the_first_answer_cap_characters_count() -> None:
    text = "x " * 20 + "14 days"  # the gold answer starts at character 40
    assert contains_answer(text, "14 days", len(text))
    assert not contains_answer(text, "14 days", 45)


def test_abstaining_means_empty_text_and_no_citations() -> None:
    assert abstained(Answer("", ()))
    assert not abstained(Answer("", (Span("d", 0, 1),)))
    assert not abstained(Answer(" ", ()))
