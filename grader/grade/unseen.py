"""The unseen corpus: the same grade asked again on a variant the candidate never saw.

A pipeline tuned to the shipped corpus (its document names, its constants, its facts, the way
its sentences and questions are worded) scores well on it and poorly on another corpus of the
same kind; an honest one scores about the same on both. So, unless told not to, a grade
generates a second variant from the key's own profile, in the unseen wording (`corpus.wording`:
the same facts stated and asked in other words and date formats), with a seed only the grader
knows (`unseen_seed`: derived from the key's secret hidden-question
hash, so the same key always gets the same unseen corpus and its numbers repeat; the next
derived seed when a rare world cannot supply the profile), builds the
submission and the baseline on it in fresh sandboxes, and asks its hidden questions.

    headline   mean over the asked slices of the metric each is judged by (as the report pages
               and `takehome compare` show them: recall@1 for distractors, …)
    drop       headline on the shipped corpus − headline on the unseen one
    excess     the submission's drop − the baseline's drop (without a baseline: − 0)

The two corpora ask different questions, so each interval is a bootstrap that draws every
slice's questions with replacement on each corpus independently (the same draws for the
submission's and the baseline's runs). A finding is raised when the excess's whole interval
lies above `MARGIN`: the starter and the reference, tuned to nothing, drop by about zero (their
drops on medium, seeds 1-5, are in docs/profiles.md), so an excess that large is the signature
of tuning to the shipped corpus, said as a prompt to look, never as a verdict.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import numpy as np

from corpus.failure_modes import JUDGED_METRIC, SLICES
from corpus.profile import ProfileError
from corpus.variant import generate, write
from corpus.wording import UNSEEN
from exercise.evaluate import Report
from exercise.metrics import CONFIDENCE
from grader.answer_key import AnswerKey, load_key
from grader.grade.integrity import Finding

MARGIN = 0.05  # the excess drop an interval must clear for the finding
SLICE_MARGIN = 0.25  # the same for one slice alone (a few dozen questions, so a wider margin)
SEED_ATTEMPTS = 8  # unseen seeds tried, in order, until one's world supplies the profile
SALT = b"takehome unseen corpus\0"


@dataclass(frozen=True)
class SliceDrop:
    """One slice on both corpora, by its primary metric."""

    slice: str
    metric: str
    shipped: float | None  # the submission's mean on the shipped corpus's hidden questions
    unseen: float | None  # on the unseen corpus's
    n_shipped: int
    n_unseen: int
    drop: float | None  # shipped − unseen
    baseline_drop: float | None
    excess_ci95: tuple[float, float] | None = None
    """The slice's drop − the baseline's (without a baseline: its drop), 95 % bootstrap."""


@dataclass(frozen=True)
class Drops:
    """The whole comparison for one grade."""

    seed: int  # the unseen variant's seed (grader-only)
    manifest_sha256: str  # the unseen variant's manifest
    documents: int
    questions: int  # its hidden questions, all asked
    slices: tuple[SliceDrop, ...]
    shipped: float  # the submission's headline on the shipped corpus
    unseen: float
    drop: float
    drop_ci95: tuple[float, float]
    baseline_drop: float | None
    baseline_drop_ci95: tuple[float, float] | None
    excess: float  # drop − baseline drop (− 0 without a baseline)
    excess_ci95: tuple[float, float]

    def to_json(self) -> dict[str, Any]:
        return {
            "seed": self.seed,
            "manifest_sha256": self.manifest_sha256,
            "documents": self.documents,
            "questions": self.questions,
            "margin": MARGIN,
            "slice_margin": SLICE_MARGIN,
            "headline": {"shipped": self.shipped, "unseen": self.unseen},
            "drop": self.drop,
            "drop_ci95": list(self.drop_ci95),
            "baseline_drop": self.baseline_drop,
            "baseline_drop_ci95": list(self.baseline_drop_ci95)
            if self.baseline_drop_ci95
            else None,
            "excess": self.excess,
            "excess_ci95": list(self.excess_ci95),
            "slices": [
                {**asdict(s), "excess_ci95": list(s.excess_ci95) if s.excess_ci95 else None}
                for s in self.slices
            ],
        }


def unseen_seed(key: AnswerKey, attempt: int = 0) -> int:
    """The unseen variant's seed: from the key's hidden-question hash, which no bundle holds;
    `attempt` n > 0 is the n-th fallback, for a world that cannot supply the profile."""
    salt = SALT + (f"{attempt}\0".encode() if attempt else b"")
    digest = hashlib.sha256(salt + key.record.hidden_sha256.encode("ascii")).digest()
    seed = int.from_bytes(digest[:4], "big") & 0x7FFFFFFF
    return seed if seed != key.record.seed else seed ^ 1


def prepare(key: AnswerKey, dest: Path) -> AnswerKey:
    """Generate the unseen variant of `key`'s profile into `dest` (variant/ and key/) and load
    its key: the first of the key's unseen seeds (`SEED_ATTEMPTS`) whose world supplies the
    profile (about one seed in 20 draws too few of some fact for medium). Raises the last
    seed's `ProfileError` when none does."""
    for attempt in range(SEED_ATTEMPTS):
        try:
            variant = generate(unseen_seed(key, attempt), key.record.profile, wording=UNSEEN)
            break
        except ProfileError:
            if attempt + 1 == SEED_ATTEMPTS:
                raise
    write(variant, dest, force=True)
    # the grader's alone: a sandbox reads the corpus through its own mount or copy, never here
    # (the uid backend's runs can pass through the grade's work folder by name)
    Path(dest).chmod(0o700)
    return load_key(dest / "key")


def compare(
    own: tuple[Report, Report],
    base: tuple[Report, Report] | None,
    unseen_key: AnswerKey,
    *,
    resamples: int,
    seed: int,
) -> Drops:
    """The drops of the submission's reports (`own`: shipped corpus, unseen corpus) and, when
    there is one, the baseline's (the same questions on each corpus, so the same draws)."""
    sampler = _Sampler(own, resamples, seed)
    own_boot, own_point = sampler.drops(own)
    base_boot, base_point = sampler.drops(base) if base is not None else (None, None)
    slices = []
    for name in sampler.slices:
        mine = sampler.means(own, name)
        theirs = sampler.means(base, name) if base is not None else (None, None)
        excess = sampler.slice_drops(own, name)
        if base is not None:
            excess = excess - sampler.slice_drops(base, name)
        slices.append(
            SliceDrop(
                slice=name,
                metric=JUDGED_METRIC[name],
                shipped=mine[0],
                unseen=mine[1],
                n_shipped=len(sampler.members[0][name]),
                n_unseen=len(sampler.members[1][name]),
                drop=_minus(*mine),
                baseline_drop=_minus(*theirs),
                excess_ci95=None
                if np.isnan(excess).all()
                else _interval(excess[~np.isnan(excess)]),
            )
        )
    shipped, unseen = sampler.headlines(own)
    return Drops(
        seed=unseen_key.record.seed,
        manifest_sha256=unseen_key.record.variant_manifest_sha256,
        documents=len(unseen_key.corpus.docs),
        questions=len(unseen_key.hidden),
        slices=tuple(slices),
        shipped=shipped,
        unseen=unseen,
        drop=own_point,
        drop_ci95=_interval(own_boot),
        baseline_drop=base_point,
        baseline_drop_ci95=None if base_boot is None else _interval(base_boot),
        excess=own_point - (base_point or 0.0),
        excess_ci95=_interval(own_boot if base_boot is None else own_boot - base_boot),
    )


def finding(drops: Drops) -> Finding | None:
    """A warning when the excess drop's interval lies wholly above `MARGIN`, or one slice's
    wholly above `SLICE_MARGIN` (a pipeline fitted to how one kind of question or statement is
    worded drops there alone: too little for the headline to show)."""
    low, high = drops.excess_ci95
    fallen = [s for s in drops.slices if s.excess_ci95 and s.excess_ci95[0] > SLICE_MARGIN]
    if low <= MARGIN and not fallen:
        return None
    against = (
        f"the baseline's drop of {drops.baseline_drop:+.2f}"
        if drops.baseline_drop is not None
        else "no baseline (its drop taken as 0)"
    )
    beyond = (
        f", {drops.excess:+.2f} beyond the starter's" if drops.baseline_drop is not None else ""
    )
    worst = sorted(
        (s for s in drops.slices if s.drop is not None),
        key=lambda s: (s.baseline_drop or 0.0) - (s.drop or 0.0),
    )[:4]
    title = f"scores drop by {drops.drop:.2f} on an unseen corpus of the same kind{beyond}"
    named = ", ".join(f"{s.slice} by {s.drop:.2f}" for s in fallen if s.drop is not None)
    if low <= MARGIN:
        title = f"scores drop on an unseen corpus of the same kind: {named}"
    elif named:
        title += f"; most in {named}"
    return Finding(
        "unseen",
        "warning",
        title,
        "The submission does much better on the corpus it was given than on a fresh one generated "
        "the same way and worded otherwise; honest pipelines score about the same on both. Look "
        "for document names, constants or facts of the shipped corpus written into the code, or "
        "patterns matching how its sentences and questions are worded, and ask how they were "
        "chosen.",
        (
            f"headline {drops.shipped:.3f} shipped, {drops.unseen:.3f} unseen",
            f"excess drop {drops.excess:+.3f} [{low:+.3f}, {high:+.3f}] against {against}",
            *(
                f"{s.slice}: {s.metric} {s.shipped:.2f} → {s.unseen:.2f}"
                for s in worst
                if s.shipped is not None and s.unseen is not None
            ),
        ),
    )


class _Sampler:
    """The slices asked on both corpora, their questions, and the bootstrap draws of each
    (drawn once, used for every run compared: runs on one corpus answer the same questions)."""

    def __init__(self, reports: tuple[Report, Report], resamples: int, seed: int) -> None:
        members = [
            {name: [i for i, r in enumerate(rep.results) if _slice(r) == name] for name in SLICES}
            for rep in reports
        ]
        self.slices = [name for name in SLICES if members[0][name] and members[1][name]]
        self.members = members
        rng = np.random.default_rng(seed)
        self.draws = [
            {
                name: rng.integers(0, len(m[name]), size=(resamples, len(m[name])))
                for name in self.slices
            }
            for m in members
        ]

    def values(self, report: Report, side: int, name: str) -> np.ndarray:
        metric = JUDGED_METRIC[name]
        results = report.results
        raw = [results[i].scores.get(metric) for i in self.members[side][name]]
        return np.array([np.nan if v is None else float(v) for v in raw], dtype=float)

    def means(self, reports: tuple[Report, Report], name: str) -> tuple[float | None, float | None]:
        shipped, unseen = (_mean(self.values(rep, side, name)) for side, rep in enumerate(reports))
        return shipped, unseen

    def headlines(self, reports: tuple[Report, Report]) -> tuple[float, float]:
        shipped, unseen = (
            _mean(np.array([_mean(self.values(rep, side, s)) for s in self.slices], dtype=float))
            or 0.0
            for side, rep in enumerate(reports)
        )
        return shipped, unseen

    def boot_means(self, report: Report, side: int, name: str) -> np.ndarray:
        """One slice's mean in each bootstrap draw of its questions (nan where a draw has no
        defined value)."""
        return _nanmean_rows(self.values(report, side, name)[self.draws[side][name]])

    def slice_drops(self, reports: tuple[Report, Report], name: str) -> np.ndarray:
        """Bootstrap draws of one slice's drop (nan where a draw has no defined value)."""
        shipped, unseen = (self.boot_means(rep, side, name) for side, rep in enumerate(reports))
        return shipped - unseen

    def drops(self, reports: tuple[Report, Report]) -> tuple[np.ndarray, float]:
        """Bootstrap draws of the headline drop, and its point value."""
        boots = []
        for side, report in enumerate(reports):
            per_slice = [self.boot_means(report, side, s) for s in self.slices]
            boots.append(np.nanmean(per_slice, axis=0) if per_slice else np.zeros(1))
        shipped, unseen = self.headlines(reports)
        return np.nan_to_num(boots[0] - boots[1]), shipped - unseen


def _slice(result: Any) -> str | None:
    return result.question.labels.get("slice")


def _mean(values: np.ndarray) -> float | None:
    defined = values[~np.isnan(values)]
    return float(defined.mean()) if defined.size else None


def _nanmean_rows(values: np.ndarray) -> np.ndarray:
    """Each row's mean over its defined values (nan for a row with none), without warnings."""
    defined = ~np.isnan(values)
    counts = defined.sum(axis=1)
    sums = np.where(defined, values, 0.0).sum(axis=1)
    return np.where(counts > 0, sums / np.maximum(counts, 1), np.nan)


def _minus(a: float | None, b: float | None) -> float | None:
    return None if a is None or b is None else a - b


def _interval(boot: np.ndarray) -> tuple[float, float]:
    tail = (1.0 - CONFIDENCE) / 2 * 100
    low, high = np.percentile(boot, [tail, 100 - tail])
    return float(low), float(high)
