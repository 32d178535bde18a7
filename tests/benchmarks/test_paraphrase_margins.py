"""benchmarks/paraphrase_margins.py: the committed margin table is what the model measures."""

from __future__ import annotations

import pytest

from corpus.banks import paraphrase_margins
from tests.benchmarks.scripts import load_script

script = load_script("paraphrase_margins")


def test_stale_names_every_difference():
    committed = {("a", 0, 0): 0.1, ("b", 0, 0): 0.2}
    measured = {("a", 0, 0): 0.1 + script.TOLERANCE / 2, ("b", 0, 0): 0.3, ("c", 0, 0): 0.0}
    problems = script.stale(measured, committed)
    assert problems == [
        "missing from the table: ('c', 0, 0)",
        "('b', 0, 0): committed +0.200, measured +0.300",
    ]


def test_the_table_round_trips():
    margins = {("a", 1, 0): -0.25, ("b", 0, 1): 0.125}
    assert paraphrase_margins.parse(paraphrase_margins.dump(margins)) == margins


def test_the_committed_table_is_written_as_dump_writes_it():
    table = paraphrase_margins.table_path().read_text(encoding="utf-8")
    assert paraphrase_margins.dump(paraphrase_margins.parse(table)) == table


def test_a_malformed_row_is_named():
    with pytest.raises(ValueError, match=r"row \['a', 0\] is not"):
        paraphrase_margins.parse('{"margins": [["a", 0]]}')


@pytest.mark.slow
def test_committed_table_matches_a_fresh_measurement():
    # The packaged MiniLM, offline. A bank edit without `--write` fails here (and in the corpus
    # tests, which need a margin for every combination).
    assert script.stale(script.measure(), dict(paraphrase_margins.load())) == []
