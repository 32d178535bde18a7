"""Averaging per-question scores: means with seeded bootstrap intervals, overall and per group.

Each metric's mean is taken over the questions it applies to (its `support`): retrieval and citation
metrics and supported_rate over answerable questions, answer_accuracy and abstention_accuracy over
all. A mean with no supporting question is None. Groups are whatever the caller's key function
returns for a question (`exercise` knows no group names); questions whose key is None belong to no
group. Called by `exercise.evaluate` and the grader.

Confidence intervals: a percentile bootstrap over questions. One index matrix of `resamples` draws
of n questions (with replacement) is taken from `numpy.random.default_rng(seed)` per group and
shared by every metric of the group; each metric's resampled mean uses the drawn questions it
applies to (draws containing none are skipped); the interval is the 2.5th and 97.5th percentile
(numpy's default 'linear' method) of the resampled means.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from exercise.judging import Status
from exercise.loading import Question
from exercise.scoring import METRIC_KEYS, QuestionResult

DEFAULT_RESAMPLES = 1000
DEFAULT_SEED = 0
CONFIDENCE = 0.95

GroupKey = Callable[[Question], str | None]


@dataclass(frozen=True)
class GroupMetrics:
    """Means of one set of questions."""

    n: int  # questions in the set
    means: Mapping[str, float | None]  # per METRIC_KEYS; None when no question supports it
    ci95: Mapping[str, tuple[float, float] | None]  # bootstrap interval per metric
    support: Mapping[str, int]  # how many questions each mean is over

    def to_json(self) -> dict[str, Any]:
        return {
            "metrics": {**self.means, "n": self.n},
            "ci95": {key: list(value) if value else None for key, value in self.ci95.items()},
            "support": dict(self.support),
        }


def aggregate(
    results: Sequence[QuestionResult],
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> GroupMetrics:
    """Means and bootstrap intervals of every metric over `results`."""
    n = len(results)
    values = np.array(
        [[_as_float(r.scores.get(key)) for key in METRIC_KEYS] for r in results], dtype=float
    ).reshape(n, len(METRIC_KEYS))
    present = ~np.isnan(values)
    support = present.sum(axis=0)
    filled = np.where(present, values, 0.0)
    means: dict[str, float | None] = {}
    ci95: dict[str, tuple[float, float] | None] = {}
    draws = np.random.default_rng(seed).integers(0, n, size=(resamples, n)) if n else None
    for column, key in enumerate(METRIC_KEYS):
        if support[column] == 0 or draws is None:
            means[key], ci95[key] = None, None
            continue
        means[key] = float(filled[:, column].sum() / support[column])
        sums = filled[draws, column].sum(axis=1)
        counts = present[draws, column].sum(axis=1)
        boot = sums[counts > 0] / counts[counts > 0]
        tail = (1.0 - CONFIDENCE) / 2 * 100
        low, high = np.percentile(boot, [tail, 100 - tail])
        ci95[key] = (float(low), float(high))
    return GroupMetrics(
        n=n,
        means=means,
        ci95=ci95,
        support={key: int(support[i]) for i, key in enumerate(METRIC_KEYS)},
    )


def aggregate_groups(
    results: Sequence[QuestionResult],
    key: GroupKey,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> dict[str, GroupMetrics]:
    """`aggregate` per group, groups in sorted order; questions keyed None are left out."""
    groups: dict[str, list[QuestionResult]] = {}
    for result in results:
        name = key(result.question)
        if name is not None:
            groups.setdefault(name, []).append(result)
    return {
        name: aggregate(members, resamples=resamples, seed=seed)
        for name, members in sorted(groups.items())
    }


def by_label(name: str) -> GroupKey:
    """A group key: the question's label `name` (an extra key of its JSON line), as a string."""

    def key(question: Question) -> str | None:
        value = question.labels.get(name)
        return None if value is None else str(value)

    return key


def _as_float(value: float | None) -> float:
    return np.nan if value is None else float(value)


def status_counts(results: Iterable[QuestionResult]) -> dict[str, int]:
    """How many questions ended with each status (every status listed, zeros included)."""
    counts = dict.fromkeys((s.value for s in Status), 0)
    for result in results:
        counts[result.status.value] += 1
    return counts
