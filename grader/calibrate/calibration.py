"""Calibration: is every planted weakness detectable, and are a profile's variants equally hard?

For each of N seeded variants of the profile, known solutions are evaluated on the hidden
questions: the starter (`baseline`), each planted component fixed alone (`archetype:<c>`), each
pair of fixes (`pair:<a>+<b>`), the textbook `sound` solution and the `reference`. Solutions are
the harness's own catalogue code, so they run through `exercise.evaluate` without a sandbox, all
solutions of one variant sharing one work dir (the embedders cache vectors keyed by their settings
and the text).

What is concluded (over the seeds pooled, per-question differences paired with the baseline as in
`grader.diagnosis`):

    detectable   a weakness is detectable when its archetype lifts one of its area's rows by at
                 least DETECTABLE_LIFT with the 95 % interval above zero
    beyond       an area the textbook fix leaves (`Area.beyond_textbook`) is detectable when the
                 reference lifts one of its rows over the sound solution by DETECTABLE_LIFT, its
                 interval above zero (paired per question like a fix over the starter)
    dead slice   a slice that no single fix moves by at least MOVED_LIFT (interval above zero)
    spread       headline(reference) − headline(baseline), per seed; the headline is the mean of
                 the slices' primary metrics (recall@5; abstention accuracy for unanswerable), so
                 every slice weighs the same
    headroom     headline(reference) − headline(sound), per seed: what the reference adds over
                 the textbook fix of every planted weakness
    stability    max − min over seeds of the baseline's and the reference's headline, held to
                 SEED_BOUND; not measured (None) from a single seed
    too few      a slice with fewer questions (pooled) than `min_questions(lift)` cannot show a
                 lift of that size with its interval above zero, whatever the fix does: an
                 undetectable weakness or a dead slice says so rather than blame the profile

The profile's effort, for comparing profiles, is the mean spread: how much a candidate must add to
go from the starter to the reference.
"""

from __future__ import annotations

import itertools
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from corpus.failure_modes import AREAS, COMPONENT_AREAS, COMPONENTS, PRIMARY_METRIC, SLICES, SOUND
from corpus.profile import Profile
from corpus.variant import GENERATOR_VERSION, generate, write
from exercise.evaluate import EvalOptions, Report, evaluate
from exercise.loading import Corpus, Question
from exercise.metrics import CONFIDENCE, by_label
from exercise.scoring import QuestionResult
from grader.answer_key import load_key
from grader.catalogue import REFERENCE, assemble, selection_from_profile
from grader.diagnosis import Row, diagnose
from grader.solutions.known import ARCHETYPE, BASELINE, PAIR, selection_for

DETECTABLE_LIFT = 0.30
MOVED_LIFT = 0.10
SEED_BOUND = 0.05
TOLERANCE = 1e-9  # far below one question's weight (1/1000 with a thousand questions)

# run(selection, chunk_size, corpus, questions, work_dir, log_path) -> hidden report by slice
RunSolution = Callable[[Mapping[str, str], int, Corpus, Sequence[Question], Path, Path], Report]
Say = Callable[[str], None]


def min_questions(lift: float, confidence: float = CONFIDENCE) -> int:
    """The fewest questions on which a mean lift of `lift` can have its bootstrap interval above
    zero. In the most favourable case every question's difference is 0 or 1 (none got worse) and
    a share `lift` of them is 1; a resample's mean is then zero exactly when it draws no improved
    question, with probability (1 − lift)^n, and the interval's lower end (the (1 − confidence)/2
    percentile) is above zero only when that probability is below (1 − confidence)/2. With any
    noise more questions are needed, never fewer."""
    if not 0 < lift < 1:
        raise ValueError(f"lift must be in (0, 1), got {lift}")
    tail = (1.0 - confidence) / 2
    n = 1
    while (1.0 - lift) ** n >= tail:
        n += 1
    return n


def planted(profile: Profile) -> list[str]:
    """The components the profile ships weak (its archetypes)."""
    starter = selection_from_profile(profile)
    return [c for c in COMPONENTS if starter[c] != REFERENCE]


def solutions(profile: Profile, *, pairs: bool = True) -> list[str]:
    fixes = planted(profile)
    names = [BASELINE, *(f"{ARCHETYPE}{c}" for c in fixes)]
    if pairs:
        names += [f"{PAIR}{a}+{b}" for a, b in itertools.combinations(fixes, 2)]
    return [*names, SOUND, REFERENCE]


def run_solution(
    chosen: Mapping[str, str],
    chunk_size: int,
    corpus: Corpus,
    questions: Sequence[Question],
    work: Path,
    log: Path,
) -> Report:
    """Evaluate the catalogue solution `chosen` (trusted code: no sandbox) on `questions`."""
    with tempfile.TemporaryDirectory(prefix="calibration-") as scratch:
        assemble(chosen, Path(scratch), chunk_size=chunk_size)
        return evaluate(
            Path(scratch),
            corpus,
            questions,
            work_dir=work,
            log_path=log,
            options=EvalOptions(),
            group_by=by_label("slice"),
        )


@dataclass(frozen=True)
class Calibration:
    profile: Profile  # what was calibrated: to_json records its settings and their hash
    seeds: tuple[int, ...]
    solutions: tuple[str, ...]
    reports: Mapping[tuple[str, int], Report]  # (solution, seed) → hidden report

    def pooled(self, solution: str) -> list[QuestionResult]:
        return [r for seed in self.seeds for r in self.reports[(solution, seed)].results]

    def slice_means(self, solution: str) -> dict[str, float | None]:
        """Per slice, the primary metric over every seed's questions pooled."""
        pooled = self.pooled(solution)
        means: dict[str, float | None] = {}
        for name in SLICES:
            values = [
                r.scores.get(PRIMARY_METRIC[name])
                for r in pooled
                if r.question.labels.get("slice") == name
            ]
            present = [v for v in values if v is not None]
            means[name] = sum(present) / len(present) if present else None
        return means

    def headline(self, solution: str, seed: int) -> float:
        groups = self.reports[(solution, seed)].groups
        values = [groups[s].means.get(PRIMARY_METRIC[s]) for s in SLICES if s in groups]
        present = [v for v in values if v is not None]
        return sum(present) / len(present) if present else 0.0

    def lifts(self, solution: str) -> list[Row]:
        return diagnose(self.pooled(solution), self.pooled(BASELINE))

    def beyond_textbook(self, asked: set[str | None]) -> dict[str, dict[str, Any]]:
        """Per asked area the textbook fix leaves: the reference's rows over the sound solution,
        and whether one clears DETECTABLE_LIFT ({} without the sound solution)."""
        if SOUND not in self.solutions:
            return {}
        rows = diagnose(self.pooled(REFERENCE), self.pooled(SOUND))
        found = {}
        for area in AREAS:
            if not area.beyond_textbook or not asked.intersection(area.slices):
                continue
            own = [r for r in rows if r.area == area.name]
            best = max(own, key=lambda r: r.delta or -1.0) if own else None
            found[area.name] = {
                "detectable": any(_clear_lift(r, DETECTABLE_LIFT) for r in own),
                "best_row": best.to_json() if best else None,
                "rows": [r.to_json() for r in own],
                "too_few": _too_few(own, min_questions(DETECTABLE_LIFT)),
            }
        return found

    def to_json(self) -> dict[str, Any]:
        fixes = [s.removeprefix("archetype:") for s in self.solutions if s.startswith("archetype:")]
        # each solution's rows over the baseline, bootstrapped once and read below several times
        lifts = {name: self.lifts(name) for name in self.solutions if name != BASELINE}
        detect = {}
        for component in fixes:
            rows = [
                r for r in lifts[f"archetype:{component}"] if r.area in COMPONENT_AREAS[component]
            ]
            best = max(rows, key=lambda r: r.delta or -1.0) if rows else None
            detect[component] = {
                "detectable": any(_clear_lift(r, DETECTABLE_LIFT) for r in rows),
                "best_row": best.to_json() if best else None,
                "rows": [r.to_json() for r in rows],
                # slices of its areas too small to show a DETECTABLE_LIFT (slice → questions)
                "too_few": _too_few(rows, min_questions(DETECTABLE_LIFT)),
            }
        # a slice the profile does not ask cannot move: it is not dead, just not asked
        asked = {r.question.labels.get("slice") for r in self.pooled(BASELINE)}
        beyond = self.beyond_textbook(asked)
        moved = {name: False for name in SLICES if name in asked}
        for component in fixes:
            for row in lifts[f"archetype:{component}"]:
                if row.slice in moved and _clear_lift(row, MOVED_LIFT):
                    moved[row.slice] = True
        spread = {
            seed: self.headline(REFERENCE, seed) - self.headline(BASELINE, seed)
            for seed in self.seeds
        }
        # one seed has no range: None, never a range of 0 that reads as "held"
        several = len(self.seeds) > 1
        headroom = {
            seed: self.headline(REFERENCE, seed) - self.headline(SOUND, seed)
            for seed in self.seeds
            if (SOUND, seed) in self.reports
        }
        stability = {
            name: _range([self.headline(name, seed) for seed in self.seeds]) if several else None
            for name in (BASELINE, REFERENCE)
        }
        moved_rows = [
            row
            for component in fixes
            for row in lifts[f"archetype:{component}"]
            if row.slice in moved and not moved[row.slice]
        ]
        return {
            "schema": 1,
            "kind": "calibration",
            "profile": self.profile.name,
            # as a bundle's key records them: a profile edited after its calibration (or a
            # generator that draws differently) no longer matches
            "profile_sha256": self.profile.sha256(),
            "profile_settings": self.profile.to_dict(),
            "generator_version": GENERATOR_VERSION,
            "seeds": list(self.seeds),
            "rules": {
                "detectable_lift": DETECTABLE_LIFT,
                "moved_lift": MOVED_LIFT,
                "seed_bound": SEED_BOUND,
                "primary_metric": dict(PRIMARY_METRIC),
                "min_questions": min_questions(DETECTABLE_LIFT),
                "min_questions_moved": min_questions(MOVED_LIFT),
                "headline": "mean over slices of the primary metric (equal weights)",
                "effort": "mean over seeds of headline(reference) - headline(baseline)",
                "headroom": "mean over seeds of headline(reference) - headline(sound)",
            },
            # not vocabulary: the calibration file's "table" field
            "table": {name: self.slice_means(name) for name in self.solutions},
            "overall": {
                name: {
                    "recall@5": _mean(
                        self.reports[(name, s)].overall.means.get("recall@5") for s in self.seeds
                    ),
                    "answer_accuracy": _mean(
                        self.reports[(name, s)].overall.means.get("answer_accuracy")
                        for s in self.seeds
                    ),
                    "headline": _mean(self.headline(name, s) for s in self.seeds),
                }
                for name in self.solutions
            },
            "lifts": {name: [r.to_json() for r in rows] for name, rows in lifts.items()},
            "detectable": detect,
            "undetectable": [c for c, d in detect.items() if not d["detectable"]],
            "beyond_textbook": beyond,
            "undetectable_beyond_textbook": [a for a, d in beyond.items() if not d["detectable"]],
            "dead_slices": [s for s, hit in moved.items() if not hit],
            # dead slices with too few questions to show a MOVED_LIFT (slice → questions)
            "too_few_to_move": _too_few(moved_rows, min_questions(MOVED_LIFT)),
            "headline_by_seed": {
                name: {str(seed): self.headline(name, seed) for seed in self.seeds}
                for name in (BASELINE, SOUND, REFERENCE)
                if name in self.solutions
            },
            "spread": {str(k): v for k, v in spread.items()},
            "effort": _mean(spread.values()),
            "headroom": _mean(headroom.values()),
            "seed_range": stability,
            "seed_range_within_bound": (
                all(v is not None and at_most(v, SEED_BOUND) for v in stability.values())
                if several
                else None
            ),
        }


def calibrate(
    profile: Profile,
    seeds: Sequence[int],
    *,
    pairs: bool = True,
    run: RunSolution = run_solution,
    say: Say | None = None,
    keep: Path | None = None,
) -> Calibration:
    """Evaluate every solution of `solutions(profile)` on each seed's variant."""
    say = say or (lambda _message: None)
    starter = selection_from_profile(profile)
    names = solutions(profile, pairs=pairs)
    reports: dict[tuple[str, int], Report] = {}
    root = Path(tempfile.mkdtemp(prefix="calibrate-", dir=keep))
    try:
        for seed in seeds:
            say(f"seed {seed}: generating the variant")
            out = root / f"seed-{seed}"
            write(generate(seed, profile), out)
            key = load_key(out / "key")
            for number, name in enumerate(names, start=1):
                say(f"seed {seed}: {name} ({number}/{len(names)})")
                report = run(
                    selection_for(name, starter),
                    profile.starter.chunk_size,
                    key.corpus,
                    key.hidden,
                    out / "work",
                    out / "logs" / f"{name.replace(':', '-').replace('+', '-')}.log",
                )
                if report.fatal is not None:
                    raise RuntimeError(f"{name} failed on seed {seed}: {report.fatal.one_line()}")
                reports[(name, seed)] = report
    finally:
        if keep is None:
            shutil.rmtree(root, ignore_errors=True)
    return Calibration(profile, tuple(seeds), tuple(names), reports)


def _too_few(rows: Sequence[Row], least: int) -> dict[str, int]:
    """Slice → its questions, for the rows' slices with fewer than `least` (each slice once)."""
    small: dict[str, int] = {}
    for row in rows:
        if row.n < least:
            small.setdefault(row.slice, row.n)
    return small


def _clear_lift(row: Row, lift: float) -> bool:
    return (
        row.delta is not None
        and at_most(lift, row.delta)
        and row.ci95 is not None
        and row.ci95[0] > 0
    )


def at_most(value: float, bound: float) -> bool:
    """`value <= bound`, with the rounding of float sums forgiven: scores are shares of a few
    hundred questions, so 0.993 - 0.943 is 0.05 exactly although floats make it 0.0500000001."""
    return value <= bound + TOLERANCE


def _mean(values: Any) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def _range(values: Sequence[float]) -> float | None:
    return max(values) - min(values) if values else None
