"""The reference answering module: a question that names nothing is matched by meaning, a question
that names something by all features, and a question about an unknown thing abstains.

The module is imported from a `rag/` package assembled as a submission would hold it; it loads the
real all-MiniLM-L6-v2 model.
"""

from __future__ import annotations

import pytest

from exercise.types import Answer, Span

pytestmark = pytest.mark.slow

DOCS = {
    "handbook-it": (
        "# IT help centre\n\n## Laptops\n\n"
        "New starters often pick up their laptops from the service desk on day 1. "
        "Each person may print up to 500 pages per month on the shared devices.\n\n"
        "## Storage\n\n"
        "Files on employee computers are snapshotted at intervals of 22 hours. "
        "Shared drives hold at most 2 TB per team.\n"
    ),
    "offices": (
        "# Offices\n\n## Krakow office\n\nReception is on floor 7. The office opens at 08:30.\n\n"
        "## Lisbon office\n\nReception is on floor 2. The office opens at 09:00.\n\n"
        "## Porto office\n\nReception is on floor 1. The office opens at 07:45.\n"
    ),
}


@pytest.fixture
def ask(reference_rag):
    """ask(query): the reference's answer over DOCS."""
    return asker(reference_rag, DOCS)


def asker(reference_rag, docs: dict[str, str]):
    """ask(query): the reference's answer over `docs`, every document ranked as one chunk."""
    records, answering = reference_rag("records"), reference_rag("answering")
    chunks = [records.Chunk(doc_id, 0, len(text), text) for doc_id, text in docs.items()]
    return lambda query: answering.answer_from(query, [(c, 1.0) for c in chunks], docs)


def _quote(doc_id: str, sentence: str) -> Answer:
    start = DOCS[doc_id].index(sentence)
    return Answer(sentence, (Span(doc_id, start, start + len(sentence)),))


def test_a_question_in_everyday_words_is_matched_by_meaning_not_by_shared_words(ask):
    # "often", "laptops" and "up" are in the first sentence; the rule says it in other words.
    answer = ask("How often are laptops backed up?")
    expected = "Files on employee computers are snapshotted at intervals of 22 hours."
    assert answer == _quote("handbook-it", expected)


def test_a_question_that_names_something_is_answered_from_its_section(ask):
    assert ask("When does the Lisbon office open?") == _quote(
        "offices", "The office opens at 09:00."
    )
    assert ask("Where is reception in the Krakow office?") == _quote(
        "offices", "Reception is on floor 7."
    )


def test_a_question_about_an_unknown_member_of_a_kind_abstains(ask):
    # Krakow, Lisbon and Porto make "office" a kind of thing; the corpus never mentions Oslo.
    assert ask("When does the Oslo office open?") == Answer("", ())


# Sibling sections state their facts in two wordings each, as the generator's sections do (the
# rule reads a fact's wordings from the siblings; see the answering module's docstring).
GUIDE = {
    "offices": (
        "# Office guide\n\n"
        "## Krakow office\n\nThe site has 40 parking spaces, bookable one day ahead. "
        "The building opens at 08:30 on weekdays.\n\n"
        "## Lisbon office\n\nThere are 12 parking spaces on site, and they can be booked a day "
        "ahead. Visitors sign in at the reception desk on floor 2.\n\n"
        "## Warsaw office\n\nThe site has 9 parking spaces, bookable one day ahead. "
        "On weekdays the doors open at 08:00.\n\n"
        "## Madrid office\n\nThere are 30 parking spaces on site, and they can be booked a day "
        "ahead. Reception, where every visitor signs in, is on floor 4.\n\n"
        "## Porto office\n\nThe building opens at 07:45 on weekdays. "
        "Visitors sign in at the reception desk on floor 1. "
        "Plants near the stairs are cared for by an external service.\n"
    ),
}


@pytest.fixture
def ask_guide(reference_rag):
    """ask(query): the reference's answer over GUIDE."""
    return asker(reference_rag, GUIDE)


def test_a_fact_its_siblings_state_and_the_entity_does_not_is_declined(ask_guide):
    # Porto exists, and the other offices list parking; Porto's section does not
    assert ask_guide("How many parking spaces does the Porto office have?") == Answer("", ())
    stated = "There are 12 parking spaces on site, and they can be booked a day ahead."
    start = GUIDE["offices"].index(stated)
    assert ask_guide("How many parking spaces does the Lisbon office have?") == Answer(
        stated, (Span("offices", start, start + len(stated)),)
    )
    assert "07:45" in ask_guide("When does the Porto office open on weekdays?").text


def _sheet(model: str, sibling: str, grams: int, decibels: int) -> str:
    return (
        f"# {model} edge router\n\nThe {model} belongs to the Aster line of edge routers. "
        "Other models in the line: Aster X1, Aster X2, Aster X3.\n\n"
        f"## Weight\n\nThe {model} weighs {grams} g without its mounting bracket. "
        f"The {sibling} is rated differently; see its own sheet.\n\n"
        f"## Acoustics\n\nAt full fan speed the {model} produces {decibels} dB of noise.\n"
    )


SHEETS = {
    "aster-x1": _sheet("Aster X1", "Aster X2", 1200, 31),
    "aster-x2": _sheet("Aster X2", "Aster X3", 800, 44),
    "aster-x3": _sheet("Aster X3", "Aster X1", 2150, 27),
}


@pytest.fixture
def ask_sheets(reference_rag):
    records, answering = reference_rag("records"), reference_rag("answering")
    chunks = [records.Chunk(doc_id, 0, len(text), text) for doc_id, text in SHEETS.items()]
    return lambda query: answering.answer_from(query, [(c, 1.0) for c in chunks], SHEETS)


def _statements(opening: str) -> tuple[Span, ...]:
    """Each sheet's sentence opening with `opening` ("{model}": the sheet's model), cited."""
    spans = []
    for doc_id, text in SHEETS.items():
        start = text.index(opening.format(model=f"Aster X{doc_id[-1]}"))
        spans.append(Span(doc_id, start, text.index(".", start) + 1))
    return tuple(spans)


def test_a_comparison_of_a_lines_models_is_computed_and_cites_every_sibling(ask_sheets):
    lightest = ask_sheets("Which Aster model is the lightest without its mounting bracket?")
    assert lightest.text.startswith("Aster X2:")  # 800 g
    assert lightest.citations == _statements("The {model} weighs")
    loudest = ask_sheets("Which Aster model is the loudest at full fan speed?")
    assert loudest.text.startswith("Aster X2:")  # 44 dB
    assert loudest.citations == _statements("At full fan speed")
    assert ask_sheets("Which Aster model is the quietest at full fan speed?").text.startswith(
        "Aster X3:"
    )
    # a question about one model is answered from its own sheet, as before
    one = ask_sheets("How much does the Aster X3 weigh without its mounting bracket?")
    assert "2150 g" in one.text and len(one.citations) == 1
