"""The latency phase: the submission's and the baseline's children alive together, their calls
alternating on a fixed sample of hidden questions, each latency figure a paired ratio.

Called by `grader.grade.session`. Two runs measured one after the other see different machines
(anything else the host does for a minute lands on one of them), so their ratio moves between
grades. Here both children are built first; then, round by round, every call goes to both, one
right after the other (the submission first in even rounds, the baseline first in odd ones), so
a slowdown lands on both calls of a pair and cancels in their ratio.

Every sample question is asked once per child, as in the rest of the run, and its results are
scored like every other question's: a question asked again could be answered from a cache of
the first asking, which would time the cache, not the pipeline. So each round takes fresh
questions. Each sample question is *measured* on one operation only, the first call that child
gets with that question's text: half of them on `search`, half on `answer` (the other call
follows, unmeasured). Answer latency is thus always timed on a question the child has not just
searched (nor ever seen), so a pipeline that keeps its last ranking for `answer` cannot hide
what answering costs.

Pairing cancels a slowdown that stretches both calls alike, not one that stretches them
differently: a process spinning on one core of two slows a call that splits its work across two
threads far more than a single-threaded one. So the phase also measures how much CPU the rest of
the host used meanwhile (`grader.grade.host_cpu`). Before the rounds it watches the host for
`QUIET_CHECK_S` and waits out a busy one, both children held (at most `QUIET_WAIT_S`), so that
grades of one key time the same questions whenever they can (a pipeline's cost varies by
question, so another sample is another measurement). When the host turned busy during the
rounds (above `QUIET_CORES`), it waits the same way and asks the phase again on fresh hidden
questions, then keeps the attempt the rest of the host disturbed less. That takes at least
half as many fresh questions as the rounds asked; no shipped profile's key has them, and there
the figures are reported as measured under load. The report gives the CPU the rest of the
host used and says when the figures were measured under load.

Figures (ratio submission / baseline, per operation): p50 is the Hodges-Lehmann estimate of
the paired ratios' centre (`P50_ESTIMATE`: the median, over every two pairs, of the geometric
mean of their ratios), not their plain median. A pipeline's answer cost varies several-fold
from question to question, so the paired ratios spread evenly over a wide range; their plain
median, sitting where few of them are, moved between quiet grades of one key by more than 10 %
for a quarter of the grade pairs, this estimate for 2 % (on search, where the ratios crowd
around one value, the median moved less). p95 and p99 are the ratios of the two children's
nearest-rank percentiles over the same paired calls. Each figure has a 95% percentile-bootstrap
interval, resampling pairs with `numpy.random.default_rng(seed)`, so a grade's figures are
reproducible from its timings.
"""

from __future__ import annotations

import dataclasses
import math
import os
import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from exercise.child import OPS
from exercise.judging import CallRecord
from exercise.latency import NS_PER_MS, PERCENTILES

# rounds of fresh questions: 12 × 24 gives 144 pairs per operation (fewer where a key has
# fewer hidden questions: then every one but the warm-up's). Over ten quiet grades of the
# reference (medium), the between-grade standard deviation of the log p50 ratio (Hodges-
# Lehmann) fell from 0.08 with 24 pairs to 0.05 with 48 and 0.03-0.04 with 96; beyond that a
# per-grade offset of about 0.04 (each grade's fresh processes run at their own speed) weighs
# as much, and more pairs cannot average it. The sample's questions are asked anyway: a grade
# with 12 rounds took no longer than with 8 (benchmarks/README).
ROUNDS = 12
PER_ROUND = 24  # questions per round (half measured on search, half on answer)
# questions asked of both children before the rounds, timed for no figure: a pipeline's first
# calls after its build pay for what it loads lazily (the reference's first search took 1.4 s
# where the rest took 20 ms; its first round's answers ran about 25 % slower than later rounds')
WARMUP = 8
# the host counts as quiet while other processes than the grade's own use at most this many
# cores (`grader.grade.host_cpu`), or more where it has cores to spare (`allowed_others`): a
# process spinning on one core of two slowed a two-thread call 2.2-2.5x; the grader's own
# bookkeeping and the kernel's stay far below this
QUIET_CORES = 0.2
QUIET_WAIT_S = 90.0  # the longest wait for a quiet host before the phase is asked again
QUIET_WINDOW_S = 2.0  # how long the host must be quiet for the wait to end
QUIET_CHECK_S = 0.5  # how long the host is watched before the rounds (waited on if busy)
FIGURES = tuple(f"{op}_p{p}" for op in OPS for p in PERCENTILES)
P50_ESTIMATE = "hodges-lehmann"  # what report.json's phase says p50 is (older reports: median)
METHOD = (
    "both children alive and warmed up (a few other questions asked of both first, not timed), "
    "calls alternating on a fixed sample of hidden questions (each asked once per child; "
    "measured on its first call: half on search, half on answer); p50 = Hodges-Lehmann "
    "estimate of the paired ratios' centre (median of every two pairs' geometric mean), "
    "p95/p99 = ratio of nearest-rank percentiles over the same pairs; 95% "
    "percentile bootstrap over pairs; asked again on fresh questions, once the host is quiet, "
    "when other processes used the cores the children may use (over 0.2 cores on 2) during it"
)


@dataclass(frozen=True)
class Slot:
    """One question of the phase, asked of both children."""

    index: int  # into the run's questions
    measured: str  # the operation timed for the ratio: the first call with this question
    round: int  # 0-based; the submission goes first in even rounds


@dataclass(frozen=True)
class Pair:
    """One measured pair: the same question's first call of `op` to each child."""

    op: str
    question: str  # the question's id
    round: int
    submission_ms: float
    baseline_ms: float

    def to_json(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class PhaseResult:
    """What the phase measured (figures are None where too few pairs returned)."""

    ratios: dict[str, float | None]  # FIGURES → submission / baseline
    ci95: dict[str, tuple[float, float] | None]
    pairs: dict[str, int]  # op → pairs in which both calls returned a timing
    rounds: int
    questions: int
    load_average: dict[str, Any]  # the host's load while the phase ran (os.getloadavg)
    seed: int
    resamples: int
    timings: tuple[Pair, ...] = ()  # every pair the figures were computed from, in asking order
    # CPU that other processes than the grade's used meanwhile, in cores (None: not measured)
    others_cores: float | None = None
    attempts: int = 1  # 2: asked again on fresh questions after the host was busy the first time
    baseline_threads: int | None = None  # the baseline's thread pools' size (None: not recorded)

    def to_json(self) -> dict[str, Any]:
        return {
            "method": METHOD,
            "p50_estimate": P50_ESTIMATE,
            "rounds": self.rounds,
            "questions": self.questions,
            "pairs": dict(self.pairs),
            "ratios": dict(self.ratios),
            "ci95": {k: list(v) if v is not None else None for k, v in self.ci95.items()},
            "load_average": self.load_average,
            "seed": self.seed,
            "resamples": self.resamples,
            "timings": [pair.to_json() for pair in self.timings],
            "others_cores": self.others_cores,
            "attempts": self.attempts,
            "baseline_threads": self.baseline_threads,
        }


def plan(
    candidates: int,
    *,
    seed: int,
    rounds: int = ROUNDS,
    per_round: int = PER_ROUND,
    exclude: Collection[int] = (),
) -> tuple[Slot, ...]:
    """The phase's questions: up to rounds × per_round of the first `candidates` question
    indices (the hidden ones) but those in `exclude` (asked already), drawn with
    `random.Random(seed)`, in rounds; measured ops alternate search, answer within each
    round."""
    if rounds < 1 or per_round < 2:
        raise ValueError(
            f"a latency phase needs rounds ≥ 1 and per_round ≥ 2, got {rounds}, {per_round}"
        )
    if candidates < 0:
        raise ValueError(f"candidates must be 0 or more, got {candidates}")
    pool = _left(candidates, exclude)
    total = min(len(pool), rounds * per_round)
    chosen = random.Random(seed).sample(pool, total)
    size = max(1, math.ceil(total / rounds))
    return tuple(
        Slot(index, OPS[position % size % len(OPS)], position // size)
        for position, index in enumerate(chosen)
    )


def warmup(candidates: int, *, seed: int, size: int = WARMUP) -> tuple[int, ...]:
    """Up to `size` question indices of the first `candidates` (a tenth of them at most),
    drawn with `random.Random` seeded by `seed`: asked of both children before the rounds,
    never timed. Drawn before the plan, which then leaves them out: a key with fewer hidden
    questions than the rounds take still warms its children up."""
    take = min(size, candidates // 10)
    return tuple(random.Random(f"warmup {seed}").sample(range(candidates), take))


def _left(candidates: int, taken: Collection[int]) -> list[int]:
    """The question indices below `candidates` that are not `taken`, in order."""
    asked = set(taken)
    return [index for index in range(candidates) if index not in asked]


def allowed_others(child_cpus: float, host_cpus: int | None = None) -> float:
    """The most CPU other processes may use, in cores, for the host to count as quiet: what is
    left once the children's CPU budget and a core for the grader are set aside, and never less
    than `QUIET_CORES` (a host with cores to spare, say 16 grading 8 submissions at a time, is
    not disturbed by the other grades as long as the children's cores stay free)."""
    cores = host_cpus if host_cpus is not None else (os.cpu_count() or 1)
    return max(QUIET_CORES, cores - child_cpus - 1.0)


def quiet(others_cores: float | None, allowed: float = QUIET_CORES) -> bool:
    """Whether the host counts as quiet (not measured counts as quiet: nothing to act on)."""
    return others_cores is None or others_cores <= allowed


def load_words(others_cores: float | None, allowed: float = QUIET_CORES) -> str:
    """What the report says of the rest of the host during the phase."""
    if others_cores is None:
        return "what other processes used meanwhile could not be measured on this host"
    if quiet(others_cores):
        return f"other processes used {others_cores:.2f} cores meanwhile (a quiet host)"
    if quiet(others_cores, allowed):
        return (
            f"other processes used {others_cores:.2f} cores meanwhile (at most {allowed:.1f} "
            "leave the children's cores free on this host)"
        )
    return (
        f"other processes used {others_cores:.2f} cores meanwhile: measured under load, so "
        "the ratios may differ from a quiet grade's (a busy core slows multi-threaded calls "
        "more than single-threaded ones)"
    )


def load_average() -> tuple[float, float, float] | None:
    try:
        one, five, fifteen = os.getloadavg()
    except OSError:
        return None
    return (one, five, fifteen)


def load_summary(samples: Sequence[tuple[float, float, float] | None]) -> dict[str, Any]:
    """The 1-minute load average sampled at the phase's start, each round's end: mean, max."""
    ones = [s[0] for s in samples if s is not None]
    return {
        "one_minute_mean": sum(ones) / len(ones) if ones else None,
        "one_minute_max": max(ones) if ones else None,
        "samples": len(ones),
        "cpus": os.cpu_count(),
    }


def compare(
    slots: Sequence[Slot],
    submission: dict[str, Sequence[CallRecord]],
    baseline: dict[str, Sequence[CallRecord]],
    *,
    loads: Sequence[tuple[float, float, float] | None],
    seed: int,
    resamples: int,
    ids: Sequence[str] | None = None,
) -> PhaseResult:
    """Pair each slot's measured call in the two runs (records per op, by question index;
    `ids` names the questions in the result's timings, their index where not given)."""
    ratios: dict[str, float | None] = {}
    cis: dict[str, tuple[float, float] | None] = {}
    pairs: dict[str, int] = {}
    rng = np.random.default_rng(seed)
    timings = _timings(slots, submission, baseline, ids)
    for op in OPS:
        mine = np.array([pair.submission_ms for pair in timings if pair.op == op])
        theirs = np.array([pair.baseline_ms for pair in timings if pair.op == op])
        pairs[op] = len(mine)
        figures = _figures(mine, theirs, rng, resamples)
        for p in PERCENTILES:
            ratios[f"{op}_p{p}"], cis[f"{op}_p{p}"] = figures[p]
    rounds = len({slot.round for slot in slots})
    return PhaseResult(
        ratios,
        cis,
        pairs,
        rounds,
        len(slots),
        load_summary(loads),
        seed,
        resamples,
        timings,
    )


def _timings(
    slots: Sequence[Slot],
    submission: dict[str, Sequence[CallRecord]],
    baseline: dict[str, Sequence[CallRecord]],
    ids: Sequence[str] | None,
) -> tuple[Pair, ...]:
    """The pairs the figures are computed from, in asking order."""
    timings = []
    for slot in slots:
        a = submission[slot.measured][slot.index].elapsed_ns
        b = baseline[slot.measured][slot.index].elapsed_ns
        if a is not None and b is not None and b > 0:
            name = ids[slot.index] if ids is not None else str(slot.index)
            timings.append(Pair(slot.measured, name, slot.round, a / NS_PER_MS, b / NS_PER_MS))
    return tuple(timings)


def _figures(
    mine: np.ndarray, theirs: np.ndarray, rng: np.random.Generator, resamples: int
) -> dict[int, tuple[float | None, tuple[float, float] | None]]:
    n = len(mine)
    if n < 2:
        return {p: (None, None) for p in PERCENTILES}
    draws = rng.integers(0, n, size=(resamples, n))
    out: dict[int, tuple[float | None, tuple[float, float] | None]] = {}
    for p in PERCENTILES:
        if p == 50:
            logs = np.log(mine / theirs)
            value = float(np.exp(pseudo_median(logs)))
            boot = np.exp(pseudo_median(logs[draws]))
        else:
            value = float(_rank(mine, p) / _rank(theirs, p))
            boot = _rank(mine[draws], p, axis=1) / _rank(theirs[draws], p, axis=1)
        low, high = np.percentile(boot, [2.5, 97.5])
        out[p] = (value, (float(low), float(high)))
    return out


def pseudo_median(values: np.ndarray) -> np.ndarray:
    """The Hodges-Lehmann estimate along the last axis: the median of the means of every two
    values (each value with itself too). Where values spread widely and evenly, as a
    pipeline's answer cost over questions does, the plain median sits where few values are and
    moves with every call's jitter; this one averages over the middle of them."""
    n = values.shape[-1]
    first, second = np.triu_indices(n)
    rows = values.reshape(-1, n)
    out = np.empty(len(rows))
    step = max(1, 2_000_000 // len(first))  # rows at a time: a few tens of MB of means at most
    for start in range(0, len(rows), step):
        block = rows[start : start + step]
        out[start : start + step] = np.median((block[:, first] + block[:, second]) / 2, axis=1)
    return out.reshape(values.shape[:-1])


def _rank(values: np.ndarray, p: int, axis: int | None = None) -> Any:
    """Nearest-rank percentile (as `exercise.latency.nearest_rank`)."""
    return np.percentile(values, p, axis=axis, method="inverted_cdf")
