"""The catalogue's comparisons (`grader/catalogue/comparisons.py`, shipped as `rag/comparisons.py`
beside the reference answering that calls it): which questions compare the models of a line, the
statements gathered for them, and the model picked."""

from __future__ import annotations

from grader.catalogue.comparisons import (
    Statement,
    Unit,
    asked,
    compare,
    lines,
    shared_statements,
    winner,
)

SHEETS = {
    # each sheet states its model's weight and noise in the line's one wording, names a sibling
    # in a note without a figure, and has a sentence of its own with a figure
    "aster-x1": "The Aster X1 weighs 1200 g without its bracket. "
    "The Aster X2 is rated differently. At full fan speed the Aster X1 produces 31 dB. "
    "The Aster X1 shipped to 40 stores.",
    "aster-x2": "The Aster X2 weighs 800 g without its bracket. "
    "The Aster X3 is rated differently. At full fan speed the Aster X2 produces 44 dB. "
    "Setup of the Aster X2 takes 3 steps.",
    "aster-x3": "The Aster X3 weighs 2,150 g without its bracket. "
    "The Aster X1 is rated differently. At full fan speed the Aster X3 produces 27 dB.",
    "kavrel-t4": "The Kavrel T4 weighs 90 g without its bracket. The Kavrel T5 is its twin.",
}


def units() -> list[Unit]:
    found = []
    for doc_id, text in SHEETS.items():
        start = 0
        for sentence in text.split(". "):
            sentence = sentence.rstrip(".") + "."
            begin = text.index(sentence.rstrip("."), start)
            found.append(Unit(doc_id, begin, begin + len(sentence), sentence))
            start = begin + 1
    return found


def test_lines_are_names_written_before_two_or_more_qualifiers():
    assert lines(" ".join(SHEETS.values())) == {"Aster", "Kavrel"}
    assert lines("The Zircon Z1 is alone.") == frozenset()


def test_a_comparison_asks_which_with_one_comparison_word_and_names_a_line_not_a_model():
    known = {"Aster", "Kavrel"}
    question = asked("Which Aster model is the lightest without its bracket?", known)
    assert question is not None
    assert question.line == "Aster" and question.lowest
    assert question.words == {"model", "is", "the", "without", "its", "bracket"}
    assert not asked("Which Aster model is the loudest at full fan speed?", known).lowest
    # the question word need not come first, and "priciest" is a comparison word too
    reworded = asked("Of the Aster range, which model is the priciest before discounts?", known)
    assert reworded is not None and reworded.line == "Aster" and not reworded.lowest
    for query in (
        "How much does the Aster X2 weigh?",  # no comparison
        "Which Aster X2 setting is the lightest?",  # names a model, not the line
        "Which Aster X-2 setting is the lightest?",
        "Which Zircon model is the lightest?",  # not a line of the corpus
        "Which Aster model is lightest or heaviest?",  # both ways
        "The lightest Aster model?",  # not a which/what question
    ):
        assert asked(query, known) is None, query


def test_shared_statements_are_one_per_model_in_the_lines_common_wording():
    groups = shared_statements(units(), "Aster")
    # the weights and the noise levels; not the notes (no figure) nor a sheet's own sentences
    assert [[s.model for s in group] for group in groups] == [
        ["Aster X1", "Aster X2", "Aster X3"],
        ["Aster X1", "Aster X2", "Aster X3"],
    ]
    figures = sorted([s.figure for s in group] for group in groups)
    assert figures == [[31.0, 44.0, 27.0], [1200.0, 800.0, 2150.0]]  # "2,150 g" read as 2150
    # a line with a model lacking the statement has no shared wording for it
    assert shared_statements(units(), "Kavrel") == []


def test_the_winner_is_the_extreme_figure_and_a_tie_picks_none():
    group = shared_statements(units(), "Aster")[1]  # weights: 1200, 800, 2150
    assert winner(group, lowest=True).model == "Aster X2"
    assert winner(group, lowest=False).model == "Aster X3"
    tied = [group[0], Statement(group[1].unit, group[1].model, group[0].figure)]
    assert winner(tied, lowest=True) is None


def test_compare_picks_the_group_that_fits_and_returns_every_statement_compared():
    def fit_noise(question, groups):  # stands in for meaning and words: prefers "dB"
        return [1.0 if "dB" in group[0].unit.text else 0.0 for group in groups]

    query = "Which Aster model is the quietest at full fan speed?"
    best, compared = compare(query, units(), {"Aster", "Kavrel"}, fit_noise)
    assert best.model == "Aster X3"  # 27 dB
    assert [s.unit.doc_id for s in compared] == ["aster-x1", "aster-x2", "aster-x3"]
    assert compare("How loud is the Aster X2?", units(), {"Aster"}, fit_noise) is None
