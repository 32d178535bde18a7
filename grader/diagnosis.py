"""Diagnosis: per area of the pipeline, did the candidate move the needle over the starter baseline?

Each area (`corpus.failure_modes.AREAS`) is judged on the slice(s) its weakness breaks, with the
metric that shows it; today:

    chunking     boundary, heading, table   recall@5
    embeddings   paraphrase                 recall@5
    lexical      identifier                 recall@5
    reformulation reformulation             recall@5
    reranking    distractor                 recall@1 (reranking reorders what was found)
    temporal     temporal                   recall@1 (the version in force on the asked day first)
    citations    every answerable question  citation_precision, supported_rate
    abstention   unanswerable               abstention_accuracy
    unstated     unstated                   abstention_accuracy

The two abstention areas are the two kinds of unanswerable question, shown apart: `abstention`
asks about something the corpus never names (a lookup of the name tells), `unstated` about a real
team or office whose section does not give the asked fact (only reading the section tells).
An area none of whose slices the variant asks has no rows and no verdict (a profile asks a slice
by its counts, and some slices no shipped profile asks yet); a slice not asked in an area that is
asked keeps its row, with n 0.

Baseline and submission answer the same questions, so the comparison is paired: the interval is
a percentile bootstrap of the mean per-question difference (questions drawn with replacement from
a seeded generator, the same draws for every row of one run). Verdicts, in plain words:

    fixed      the interval is above zero and the submission reaches FIXED_AT on the row
    improved   the interval is above zero, the submission still below FIXED_AT
    unchanged  the interval contains zero
    worse      the interval is below zero

so "fixed" is never said of a lift the sample cannot tell from noise. Without a baseline run the
rows carry the submission's values only and no verdict.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from corpus.failure_modes import ANSWERABLE, AREAS, Area
from exercise.metrics import CONFIDENCE, DEFAULT_RESAMPLES, DEFAULT_SEED
from exercise.scoring import QuestionResult

FIXED_AT = 0.8  # the level a row must reach (with a clear lift) to be called fixed
VERDICTS = ("fixed", "improved", "unchanged", "worse")


@dataclass(frozen=True)
class Row:
    """One area × slice × metric comparison."""

    area: str
    slice: str
    metric: str
    n: int  # questions the metric is defined on
    submission: float | None
    baseline: float | None
    delta: float | None
    ci95: tuple[float, float] | None  # of the paired difference
    verdict: str | None  # one of VERDICTS; None without a baseline

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "ci95": list(self.ci95) if self.ci95 else None}


def diagnose(
    submission: Sequence[QuestionResult],
    baseline: Sequence[QuestionResult] | None,
    *,
    resamples: int = DEFAULT_RESAMPLES,
    seed: int = DEFAULT_SEED,
) -> list[Row]:
    """One `Row` per area, slice and metric, over the hidden questions (slice labels read here)."""
    if baseline is not None and [r.question.id for r in baseline] != [
        r.question.id for r in submission
    ]:
        raise ValueError("baseline and submission results must be for the same questions in order")
    rows = []
    for area in AREAS:
        members_of = {
            name: [i for i, r in enumerate(submission) if _in_slice(r, name)]
            for name in area.slices
        }
        if not any(members_of.values()):
            continue  # the variant does not ask this area
        for slice_name, members in members_of.items():
            for metric in area.metrics:
                rows.append(
                    _row(area, slice_name, metric, members, submission, baseline, resamples, seed)
                )
    return rows


def area_verdicts(rows: Sequence[Row]) -> dict[str, str | None]:
    """One word per area over its rows with questions: "worse" when any row got worse, "fixed"
    only when every row is fixed, "improved" when any row moved up, else "unchanged"."""
    verdicts: dict[str, str | None] = {}
    for area in AREAS:
        if not any(r.area == area.name for r in rows):
            continue  # none of its slices asked
        words = [r.verdict for r in rows if r.area == area.name and r.n > 0]
        if not words or any(w is None for w in words):
            verdicts[area.name] = None
        elif "worse" in words:
            verdicts[area.name] = "worse"
        elif all(w == "fixed" for w in words):
            verdicts[area.name] = "fixed"
        elif any(w in ("fixed", "improved") for w in words):
            verdicts[area.name] = "improved"
        else:
            verdicts[area.name] = "unchanged"
    return verdicts


def verdict(delta_ci: tuple[float, float], submission: float) -> str:
    low, high = delta_ci
    if low > 0:
        return "fixed" if submission >= FIXED_AT else "improved"
    if high < 0:
        return "worse"
    return "unchanged"


def _in_slice(result: QuestionResult, slice_name: str) -> bool:
    if slice_name == ANSWERABLE:
        return result.question.answerable
    return result.question.labels.get("slice") == slice_name


def _values(results: Sequence[QuestionResult], members: list[int], metric: str) -> np.ndarray:
    raw = [results[i].scores.get(metric) for i in members]
    return np.array([np.nan if v is None else float(v) for v in raw], dtype=float)


def _row(
    area: Area,
    slice_name: str,
    metric: str,
    members: list[int],
    submission: Sequence[QuestionResult],
    baseline: Sequence[QuestionResult] | None,
    resamples: int,
    seed: int,
) -> Row:
    sub = _values(submission, members, metric)
    defined = ~np.isnan(sub)
    sub_mean = float(sub[defined].mean()) if defined.any() else None
    if baseline is None:
        return Row(
            area.name, slice_name, metric, int(defined.sum()), sub_mean, None, None, None, None
        )
    base = _values(baseline, members, metric)
    both = defined & ~np.isnan(base)
    n = int(both.sum())
    if n == 0:
        return Row(area.name, slice_name, metric, 0, sub_mean, None, None, None, None)
    diff = sub[both] - base[both]
    draws = np.random.default_rng(seed).integers(0, n, size=(resamples, n))
    boot = diff[draws].mean(axis=1)
    tail = (1.0 - CONFIDENCE) / 2 * 100
    low, high = (float(x) for x in np.percentile(boot, [tail, 100 - tail]))
    sub_both = float(sub[both].mean())
    return Row(
        area=area.name,
        slice=slice_name,
        metric=metric,
        n=n,
        submission=sub_both,
        baseline=float(base[both].mean()),
        delta=float(diff.mean()),
        ci95=(low, high),
        verdict=verdict((low, high), sub_both),
    )
