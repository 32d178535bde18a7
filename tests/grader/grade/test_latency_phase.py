"""The latency phase's plan and figures (grader.grade.latency_phase), without a child: the plan
is seeded and never asks a question twice; the figures are paired ratios with seeded
bootstrap intervals."""

from __future__ import annotations

import numpy as np
import pytest

from exercise.judging import CallRecord, Status
from grader.grade.latency_phase import (
    FIGURES,
    PER_ROUND,
    QUIET_CORES,
    ROUNDS,
    WARMUP,
    allowed_others,
    compare,
    load_words,
    plan,
    pseudo_median,
    quiet,
    warmup,
)


def test_the_plan_is_seeded_fresh_each_round_and_measures_both_ops():
    slots = plan(400, seed=3)
    assert slots == plan(400, seed=3) and slots != plan(400, seed=4)
    assert len(slots) == ROUNDS * PER_ROUND
    assert len({s.index for s in slots}) == len(slots)  # no question twice: no cache can help
    assert {s.round for s in slots} == set(range(ROUNDS))
    for r in range(ROUNDS):
        ops = [s.measured for s in slots if s.round == r]
        assert ops.count("search") == ops.count("answer") == PER_ROUND // 2


def test_a_small_key_uses_every_question():
    slots = plan(10, seed=0, rounds=4, per_round=6)
    assert sorted(s.index for s in slots) == list(range(10))


@pytest.mark.parametrize(("rounds", "per_round"), [(0, 6), (2, 1)])
def test_a_plan_needs_rounds_and_pairs(rounds, per_round):
    with pytest.raises(ValueError, match="rounds"):
        plan(10, seed=0, rounds=rounds, per_round=per_round)


def timed(ms: list[float]) -> list[CallRecord]:
    return [CallRecord(Status.OK, value=[], elapsed_ns=int(v * 1e6)) for v in ms]


def test_the_warm_up_is_drawn_first_and_the_rounds_take_other_questions():
    warm = warmup(204, seed=3)
    assert warm == warmup(204, seed=3) and len(set(warm)) == WARMUP
    assert all(0 <= index < 204 for index in warm)
    # a key with fewer hidden questions than the rounds take still warms up: they take the rest
    slots = plan(204, seed=3, exclude=warm)
    assert sorted([s.index for s in slots] + list(warm)) == list(range(204))
    # a tenth of a small key at most
    assert len(warmup(30, seed=0)) == 3 and warmup(9, seed=0) == ()


def test_figures_are_paired_ratios_with_seeded_intervals():
    slots = plan(8, seed=0, rounds=2, per_round=4)
    # the submission takes 3× the baseline on every call, whatever the call's own cost (load)
    base = [1.0, 2.0, 4.0, 8.0, 16.0, 3.0, 5.0, 7.0]
    mine = [3 * b for b in base]
    records_mine = {"search": timed(mine), "answer": timed(mine)}
    records_base = {"search": timed(base), "answer": timed(base)}
    result = compare(slots, records_mine, records_base, loads=[(1.0, 1, 1)], seed=0, resamples=200)
    assert set(result.ratios) == set(FIGURES)
    for name in FIGURES:
        assert result.ratios[name] == pytest.approx(3.0)
        low, high = result.ci95[name]
        assert low == pytest.approx(3.0) and high == pytest.approx(3.0)
    assert result.pairs == {"search": 4, "answer": 4}
    again = compare(slots, records_mine, records_base, loads=[None], seed=0, resamples=200)
    assert again.ratios == result.ratios and again.ci95 == result.ci95
    assert again.load_average["one_minute_mean"] is None


def test_p50_is_the_hodges_lehmann_centre_of_the_paired_ratios():
    # ratios 1, 2, 4, 16: the geometric means of every two (each with itself) are 1, √2, 2, 2,
    # 2√2, 4, 4, 4√2, 8, 16, whose median (in logs) is 2^1.75 = 3.36; the plain median is 3
    assert np.exp(pseudo_median(np.log([1.0, 2.0, 4.0, 16.0]))) == pytest.approx(2**1.75)
    # row by row along the last axis, as the bootstrap takes it
    rows = np.log([[1.0, 2.0, 4.0, 16.0], [3.0, 3.0, 3.0, 3.0]])
    assert np.exp(pseudo_median(rows)) == pytest.approx([2**1.75, 3.0])
    slots = plan(16, seed=0, rounds=2, per_round=8)
    ratios = [1.0, 1.5, 2.0, 3.0, 4.0, 6.0, 9.0, 16.0] * 2
    base = [1.0 + i for i in range(16)]  # the pair's own cost does not matter, its ratio does
    mine = timed([r * b for r, b in zip(ratios, base, strict=True)])
    result = compare(
        slots,
        {"search": mine, "answer": mine},
        {"search": timed(base), "answer": timed(base)},
        loads=[],
        seed=0,
        resamples=50,
    )
    for op in ("search", "answer"):
        paired = [ratios[s.index] for s in slots if s.measured == op]
        expected = float(np.exp(pseudo_median(np.log(paired))))
        assert result.ratios[f"{op}_p50"] == pytest.approx(expected)
        assert expected != pytest.approx(float(np.median(paired)))
    assert result.to_json()["p50_estimate"] == "hodges-lehmann"


def test_calls_without_a_timing_are_left_out_and_too_few_pairs_give_no_figure():
    slots = plan(4, seed=0, rounds=1, per_round=4)
    failed = [CallRecord(Status.TIMEOUT)] * 4
    result = compare(
        slots,
        {"search": failed, "answer": timed([2, 2, 2, 2])},
        {"search": timed([1, 1, 1, 1]), "answer": timed([1, 1, 1, 1])},
        loads=[],
        seed=0,
        resamples=50,
    )
    assert result.pairs == {"search": 0, "answer": 2}
    assert result.ratios["search_p50"] is None and result.ci95["search_p50"] is None
    assert result.ratios["answer_p50"] == pytest.approx(2.0)


def test_the_result_lists_every_pair_its_figures_come_from_in_asking_order():
    slots = plan(6, seed=1, rounds=2, per_round=3)
    base = [1.0, 2.0, 3.0, 4.0, 5.0, 6.0]
    mine = [10.0 * b for b in base]
    ids = [f"h{i:03d}" for i in range(6)]
    result = compare(
        slots,
        {"search": timed(mine), "answer": timed(mine)},
        {"search": timed(base), "answer": timed(base)},
        loads=[],
        seed=0,
        resamples=20,
        ids=ids,
    )
    assert [(p.op, p.question, p.round) for p in result.timings] == [
        (s.measured, ids[s.index], s.round) for s in slots
    ]
    assert all(p.submission_ms == pytest.approx(10 * p.baseline_ms) for p in result.timings)
    assert len(result.timings) == sum(result.pairs.values())
    assert result.to_json()["timings"][0] == result.timings[0].to_json()


def test_a_host_with_cores_to_spare_allows_other_work_beside_the_children():
    # 2 cores, children allowed 2: any other work disturbs them
    assert allowed_others(2.0, host_cpus=2) == pytest.approx(QUIET_CORES)
    # 16 cores, 8 grades at a time: the other grades may use 13 before the children's 2 are short
    assert allowed_others(2.0, host_cpus=16) == pytest.approx(13.0)
    assert quiet(None) and quiet(0.1) and not quiet(0.5) and quiet(5.0, 13.0)
    assert "a quiet host" in load_words(0.0)
    assert "leave the children's cores free" in load_words(5.0, 13.0)
    assert "measured under load" in load_words(0.98)
    assert "could not be measured" in load_words(None)
