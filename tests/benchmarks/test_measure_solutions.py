"""benchmarks/measure_solutions.py: the isolation verdict printed under the archetype table."""

from __future__ import annotations

from types import SimpleNamespace

from tests.benchmarks.scripts import load_script

script = load_script("measure_solutions")
SLICES = ("boundary", "heading", "table", "paraphrase", "identifier", "distractor")


def _report(**moves: float):
    """A report whose every slice has recall@1 = recall@5 = 0.2 + its move."""
    groups = {}
    for s in SLICES:
        value = 0.2 + moves.get(s, 0.0)
        groups[s] = SimpleNamespace(means={"recall@1": value, "recall@5": value})
    return SimpleNamespace(groups=groups)


def _results(**archetypes):
    return {"baseline": _report(), **{f"archetype:{c}": r for c, r in archetypes.items()}}


def test_isolation_holds_when_other_slices_move_at_most_half_the_smallest_target(capsys):
    results = _results(
        chunking=_report(boundary=0.8, heading=0.6, table=0.4, distractor=-0.2),
        retrieval=_report(identifier=0.7, table=0.35),
    )
    assert script.print_isolation(results) is True
    out = capsys.readouterr().out
    assert "distractor recall@1 -0.20  target met, isolated (<= 0.20)" in out
    assert "table recall@5 +0.35  target met, isolated (<= 0.35)" in out


def test_isolation_fails_when_another_slice_moves_more_than_half_the_target(capsys):
    results = _results(embedding=_report(paraphrase=0.4, identifier=0.57))
    assert script.print_isolation(results) is False
    assert "identifier recall@5 +0.57  target met, NOT ISOLATED (> 0.20)" in capsys.readouterr().out


def test_a_missed_target_fails_even_when_isolated(capsys):
    assert script.print_isolation(_results(reranking=_report(distractor=0.2))) is False
    assert "TARGET NOT MET" in capsys.readouterr().out


def test_a_fix_without_a_target_slice_must_leave_recall_alone(capsys):
    assert script.print_isolation(_results(answering=_report())) is True
    assert script.print_isolation(_results(answering=_report(table=0.1))) is False
    assert "NOT ISOLATED (> 0.05)" in capsys.readouterr().out
