"""Cohort statistics: which hidden questions separated strong submissions from weak ones.

Called by `takehome cohort` (grader.cohort.cli) after a round, over the grade reports of every
submission; the writers live in grader.cohort.report, the reading of files in
grader.cohort.loading. Everything here is a pure function over report dicts, and reads only these
fields of a report:
`key.variant_manifest_sha256`, `key.candidate`, `fatal.stage`, and per question row `id`, `slice`
(or `labels.slice`), `item` (or `labels.item`), `unanswerable`, `text` and `scores`.

Rules (also written into cohort.json, so a reader of the numbers has them):

- Statistics are **per question** when every report was graded against one variant, and **per
  item** when the reports come from several (per-candidate variants: question ids then name
  different questions). An item is what a question asks, the same in every variant
  (`handbook/parental_leave`, `product/weight`, `runbook/error-code`); the key records it. A
  submission may hold several questions of one item: its **item score** is the share of them it
  passed; for a single question that is its pass mark (0 or 1).
- A submission **passes** a question when it recalled it: answerable questions need
  `scores["recall@5"] == 1` (every evidence span covered in the top 5), unanswerable ones
  `scores["abstention_accuracy"] == 1` (abstained, no citations). A failed call (error, timeout,
  invalid, not run) scores 0, so it is a fail. A question is unanswerable when its row says so
  (or, in a row without the flag, when recall@5 does not apply).
- **Difficulty** of a question = passes / n, the share of the n submissions holding it that
  passed it (classical test theory's item "p-value": higher means easier). Of an item: passes /
  asked, its questions passed over those asked across the submissions holding it.
- A submission's **total** = questions it passed. The **rest-score** for question q = total
  minus its own pass of q (for an item: minus its passes of the item's questions), so q is not
  correlated with itself (with few questions the plain total inflates every item's correlation).
- **Discrimination** of q = the point-biserial correlation between the pass vector of q and the
  rest-scores, over the submissions holding q: the Pearson correlation of a 0/1 variable with a
  number, r = (M1 − M0) / s · √(p·(1 − p)), where M1, M0 are the mean rest-scores of those who
  passed and failed, s their population standard deviation and p the difficulty. Of an item: the
  Pearson correlation of the item scores with the rest-scores (the same number when every
  submission holds one question of it). None when everyone scores alike on it or the
  rest-scores are all equal.
- Per slice, each submission's slice score is its share of passes over the slice's questions,
  which equals the report's slice recall@5 (abstention accuracy for the unanswerable slice);
  the distribution across submissions is given as min, quartiles (linear interpolation between
  order statistics, numpy's default), max and mean.
- The leaderboard ranks by overall recall@5 (over the answerable questions, as the report's
  overall figure), then by total passes; equal pairs share a rank and are listed by name.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Any

from corpus.failure_modes import SLICES
from exercise.errors import ExerciseError
from grader.grade.report_file import REPORT_SCHEMA

COHORT_SCHEMA = 1
MIN_REPORTS = 2
PASS_METRIC = "recall@5"  # answerable questions
ABSTAIN_METRIC = "abstention_accuracy"  # unanswerable questions
NEVER = "never_pass"
ALWAYS = "always_pass"
NO_SLICE = "(none)"  # the slice name for rows that carry none
NEGATIVE = "negative_discrimination"
BY_QUESTION, BY_ITEM = "question", "item"
UNITS = (BY_QUESTION, BY_ITEM)
FLAGS = (NEVER, ALWAYS, NEGATIVE)
RULES = {
    "pass": "answerable: scores['recall@5'] == 1; unanswerable: "
    "scores['abstention_accuracy'] == 1; a failed call scores 0 and fails",
    "unit": "per question when one variant was graded; per item (what a question asks, the "
    "same in every variant) when several were",
    "difficulty": "passes / asked over the submissions holding the question or item (higher = "
    "easier); asked = n for a question",
    "total": "questions the submission passed",
    "discrimination": "point-biserial (Pearson) correlation between passing the question (for an "
    "item: the share of its questions passed) and the rest-score (total minus those passes), over "
    "the submissions holding it; null when either is constant",
    "slice_score": "share of the slice's questions the submission passed (= slice recall@5, "
    "or abstention accuracy for unanswerable questions)",
    "quartiles": "linear interpolation between order statistics (numpy's default)",
    "leaderboard": "overall recall@5 over answerable questions, then total passes; ties share a "
    "rank and are listed by name",
    "flags": f"{NEVER}: nobody passed; {ALWAYS}: everybody passed (neither separates "
    f"submissions: candidates for retirement); {NEGATIVE}: weaker submissions passed it more "
    "often than stronger ones (check the question and its key); only for what at least "
    f"{MIN_REPORTS} submissions hold (an item of one candidate's variant alone says nothing)",
}


class CohortError(ExerciseError):
    """The cohort cannot be formed from these inputs; the message names the input and why."""


class MixedVariantsError(CohortError):
    """Per-question statistics were asked of reports graded against different variants, where
    equal ids mean different questions."""


@dataclass(frozen=True)
class Entry:
    """One submission's report in the cohort."""

    name: str  # unique label: the report's folder name (grade-many's OUT/<name>/report.json)
    source: str  # the file it was read from (or a label for reports built in memory)
    report: Mapping[str, Any]  # the grade report dict, read only


@dataclass(frozen=True)
class QuestionStats:
    """How one hidden question (or item: see the module docstring) behaved across the cohort."""

    id: str  # the question id, or the item
    item: str | None  # what it asks across variants (the name to retire); None for older keys
    slice: str | None  # the slice the reports give (several joined by "/" if they disagree)
    unanswerable: bool
    text: str | None  # the question as the first report holding it shows it
    passes: int  # submissions that passed it (for an item: its questions passed)
    asked: int  # questions asked over those submissions (= n for a question)
    n: int  # submissions whose report holds it
    difficulty: float  # passes / asked
    discrimination: float | None  # point-biserial with the rest-score; None when undefined

    @property
    def flags(self) -> tuple[str, ...]:
        if self.n < MIN_REPORTS:
            return ()  # held by one submission: passing or failing it separates nobody
        flags = []
        if self.passes == 0:
            flags.append(NEVER)
        if self.passes == self.asked:
            flags.append(ALWAYS)
        if self.discrimination is not None and self.discrimination < 0:
            flags.append(NEGATIVE)
        return tuple(flags)

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "flags": list(self.flags)}


@dataclass(frozen=True)
class Distribution:
    """Five-number summary and mean of some values."""

    n: int
    min: float
    q1: float
    median: float
    q3: float
    max: float
    mean: float

    def to_json(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class SliceStats:
    """One slice across the cohort."""

    name: str
    metric: str  # recall@5, abstention_accuracy, or "pass_rate" for a slice mixing both kinds
    questions: int  # distinct question ids (or items) in the slice
    scores: Mapping[str, float]  # submission name → its slice score
    distribution: Distribution
    never_pass: tuple[str, ...]  # question ids (or items) nobody passed
    always_pass: tuple[str, ...]  # question ids (or items) everybody passed

    def to_json(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "questions": self.questions,
            "scores": dict(self.scores),
            "distribution": self.distribution.to_json(),
            "never_pass": list(self.never_pass),
            "always_pass": list(self.always_pass),
        }


@dataclass(frozen=True)
class Standing:
    """One submission's row of the leaderboard."""

    rank: int  # 1 = best; equal (recall@5, total) share a rank
    name: str
    candidate: str | None
    source: str
    recall_at_5: float | None  # overall, over its answerable questions
    abstention: float | None  # over its unanswerable questions
    total: int  # questions passed
    n: int  # questions in its report
    fatal: str | None  # the stage a fatal failure stopped, if any

    def to_json(self) -> dict[str, Any]:
        return {
            "rank": self.rank,
            "name": self.name,
            "candidate": self.candidate,
            "source": self.source,
            PASS_METRIC: self.recall_at_5,
            ABSTAIN_METRIC: self.abstention,
            "total": self.total,
            "n": self.n,
            "fatal": self.fatal,
        }


@dataclass(frozen=True)
class Cohort:
    """The statistics of one cohort."""

    variants: tuple[str, ...]  # distinct variant manifest sha256s, in input order
    mixed: bool  # more than one variant was pooled
    questions: tuple[QuestionStats, ...]  # in the order the reports list them
    slices: tuple[SliceStats, ...]  # known slices in SLICES order, then others by name
    leaderboard: tuple[Standing, ...]  # best first
    unit: str  # what `questions` are: BY_QUESTION (question ids) or BY_ITEM (items)

    @property
    def never_pass(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions if NEVER in q.flags)

    @property
    def always_pass(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions if ALWAYS in q.flags)

    @property
    def negative(self) -> tuple[str, ...]:
        return tuple(q.id for q in self.questions if NEGATIVE in q.flags)

    @property
    def held_by_one(self) -> tuple[str, ...]:
        """What a single submission holds: no flags, no discrimination."""
        return tuple(q.id for q in self.questions if q.n < MIN_REPORTS)

    def by_discrimination(self) -> list[QuestionStats]:
        """Most discriminating first; undefined discrimination last; ties by id."""
        return sorted(
            self.questions,
            key=lambda q: (q.discrimination is None, -(q.discrimination or 0.0), q.id),
        )

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": COHORT_SCHEMA,
            "kind": "cohort",
            "submissions": len(self.leaderboard),
            "variants": list(self.variants),
            "mixed": self.mixed,
            "unit": self.unit,
            "rules": dict(RULES),
            "leaderboard": [s.to_json() for s in self.leaderboard],
            "slices": {s.name: s.to_json() for s in self.slices},
            "never_pass": list(self.never_pass),
            "always_pass": list(self.always_pass),
            "negative_discrimination": list(self.negative),
            "questions": [q.to_json() for q in self.questions],
        }


def check_report(report: object, where: str) -> None:
    """Raise CohortError unless `report` has the fields cohort statistics read."""
    if not isinstance(report, dict):
        raise CohortError(f"{where} must hold a JSON object (a grade report)")
    if report.get("kind", "grade") != "grade":
        raise CohortError(f"{where} is not a grade report (kind {report.get('kind')!r})")
    schema = report.get("schema", REPORT_SCHEMA)
    if schema != REPORT_SCHEMA:
        raise CohortError(
            f"{where} has report schema {schema!r}; this harness reads schema {REPORT_SCHEMA} "
            "(re-grade with this version)"
        )
    key = report.get("key")
    if not isinstance(key, dict) or not isinstance(key.get("variant_manifest_sha256"), str):
        raise CohortError(f"{where} lacks key.variant_manifest_sha256: it is not a full report")
    rows = report.get("questions")
    if not isinstance(rows, list) or not rows:
        raise CohortError(f"{where} has no question rows")
    ids: set[str] = set()
    for number, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not isinstance(row.get("id"), str):
            raise CohortError(f"{where}: question row {number} has no string id")
        if row["id"] in ids:
            raise CohortError(f"{where}: question {row['id']!r} appears twice")
        ids.add(row["id"])
        scores = row.get("scores")
        if not isinstance(scores, dict):
            raise CohortError(f"{where}: question {row['id']!r} has no scores object")
        for metric in (PASS_METRIC, ABSTAIN_METRIC):
            value = scores.get(metric)
            if value is not None and (isinstance(value, bool) or not _is_number(value)):
                raise CohortError(
                    f"{where}: question {row['id']!r} has {metric} {value!r}; "
                    "expected a number or null"
                )


def check_variants(entries: Sequence[Entry], *, by: str | None = None) -> tuple[str, ...]:
    """The distinct variant shas of `entries`; several raise MixedVariantsError when statistics
    per question id were asked for."""
    variants: dict[str, list[str]] = {}
    for entry in entries:
        variants.setdefault(entry.report["key"]["variant_manifest_sha256"], []).append(entry.name)
    if len(variants) > 1 and by == BY_QUESTION:
        listed = "; ".join(
            f"{sha[:12]}…: {', '.join(names[:3])}{' …' if len(names) > 3 else ''}"
            for sha, names in variants.items()
        )
        raise MixedVariantsError(
            f"the reports were graded against {len(variants)} different variants ({listed}), "
            "so a question id names different questions in them"
        )
    return tuple(variants)


def item_of(row: Mapping[str, Any]) -> str | None:
    value = row.get("item")
    if value is None:
        value = (row.get("labels") or {}).get("item")
    return None if value is None else str(value)


def _check_items(entries: Sequence[Entry]) -> None:
    for entry in entries:
        missing = [row["id"] for row in entry.report["questions"] if item_of(row) is None]
        if missing:
            raise CohortError(
                f"{entry.source}: question {missing[0]!r} has no item (its key predates items), "
                "so it cannot be pooled with other variants; compare one variant at a time, or "
                "re-grade with a key built by this version"
            )


# --- statistics ------------------------------------------------------------------------------


def compute_cohort(entries: Sequence[Entry], *, by: str | None = None) -> Cohort:
    """The cohort statistics of `entries` (at least MIN_REPORTS, names unique), per question or
    per item (`by`; default: per question for one variant, per item for several)."""
    if by not in (None, *UNITS):
        raise ValueError(f"by must be one of {UNITS} or None, got {by!r}")
    if len(entries) < MIN_REPORTS:
        raise CohortError(
            f"a cohort needs at least {MIN_REPORTS} reports, got {len(entries)}: "
            "statistics across submissions need several submissions"
        )
    names = [e.name for e in entries]
    if len(set(names)) != len(names):
        raise CohortError(f"submission names must be unique, got {names}")
    for entry in entries:
        check_report(entry.report, entry.source)
    variants = check_variants(entries, by=by)
    unit = by or (BY_ITEM if len(variants) > 1 else BY_QUESTION)
    if unit == BY_ITEM:
        _check_items(entries)

    def unit_of(row: Mapping[str, Any]) -> str:
        return str(item_of(row)) if unit == BY_ITEM else row["id"]

    passes = {e.name: {row["id"]: passed(row) for row in e.report["questions"]} for e in entries}
    totals = {name: sum(marks.values()) for name, marks in passes.items()}
    questions = _question_stats(entries, passes, totals, unit_of)
    return Cohort(
        variants=variants,
        mixed=len(variants) > 1,
        questions=questions,
        slices=_slice_stats(entries, passes, questions, unit_of),
        leaderboard=_leaderboard(entries, passes, totals),
        unit=unit,
    )


def passed(row: Mapping[str, Any]) -> bool:
    """The pass rule of the module docstring for one question row."""
    scores = row.get("scores") or {}
    value = scores.get(ABSTAIN_METRIC if is_unanswerable(row) else PASS_METRIC)
    return value is not None and value == 1


def is_unanswerable(row: Mapping[str, Any]) -> bool:
    flag = row.get("unanswerable")  # not vocabulary: the question's flag
    if isinstance(flag, bool):
        return flag
    return (row.get("scores") or {}).get(PASS_METRIC) is None


def slice_of(row: Mapping[str, Any]) -> str | None:
    value = row.get("slice")
    if value is None:
        value = (row.get("labels") or {}).get("slice")
    return None if value is None else str(value)


def point_biserial(passes: Sequence[bool], scores: Sequence[float]) -> float | None:
    """Pearson correlation of a 0/1 vector with scores; None when either is constant."""
    if len(passes) != len(scores):
        raise ValueError(f"{len(passes)} pass marks for {len(scores)} scores")
    return pearson([1.0 if p else 0.0 for p in passes], scores)


def pearson(xs: Sequence[float], scores: Sequence[float]) -> float | None:
    """Pearson correlation of two equally long vectors; None when either is constant."""
    if len(xs) != len(scores):
        raise ValueError(f"{len(xs)} values for {len(scores)} scores")
    n = len(scores)
    if n < 2:
        return None
    mean_x, mean_y = math.fsum(xs) / n, math.fsum(scores) / n
    cov = math.fsum((x - mean_x) * (y - mean_y) for x, y in zip(xs, scores, strict=True))
    var_x = math.fsum((x - mean_x) ** 2 for x in xs)
    var_y = math.fsum((y - mean_y) ** 2 for y in scores)
    if var_x == 0 or var_y == 0:
        return None
    # clamp: rounding may push a perfect correlation a hair past ±1
    return max(-1.0, min(1.0, cov / math.sqrt(var_x * var_y)))


def quantile(values: Sequence[float], q: float) -> float:
    """The q-quantile by linear interpolation between order statistics (numpy's default)."""
    if not values:
        raise ValueError("quantile of no values")
    if not 0 <= q <= 1:
        raise ValueError(f"q must be in [0, 1], got {q}")
    ordered = sorted(values)
    position = q * (len(ordered) - 1)
    low = math.floor(position)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (position - low)


def distribution(values: Sequence[float]) -> Distribution:
    return Distribution(
        n=len(values),
        min=min(values),
        q1=quantile(values, 0.25),
        median=quantile(values, 0.5),
        q3=quantile(values, 0.75),
        max=max(values),
        mean=math.fsum(values) / len(values),
    )


def _question_stats(
    entries: Sequence[Entry],
    passes: Mapping[str, Mapping[str, bool]],
    totals: Mapping[str, int],
    unit_of: Callable[[Mapping[str, Any]], str],
) -> tuple[QuestionStats, ...]:
    # unit → submission → its rows of that unit (one per question id; several per item)
    seen: dict[str, dict[str, list[Mapping[str, Any]]]] = {}
    for entry in entries:
        for row in entry.report["questions"]:
            seen.setdefault(unit_of(row), {}).setdefault(entry.name, []).append(row)
    stats = []
    for key, holders in seen.items():
        won = {name: sum(passes[name][row["id"]] for row in rows) for name, rows in holders.items()}
        asked = {name: len(rows) for name, rows in holders.items()}
        scores = [won[name] / asked[name] for name in holders]
        rest = [totals[name] - won[name] for name in holders]
        rows = [row for rows in holders.values() for row in rows]
        slices = sorted({s for row in rows if (s := slice_of(row)) is not None})
        first = rows[0]
        stats.append(
            QuestionStats(
                id=key,
                item=item_of(first),
                slice="/".join(slices) if slices else None,
                unanswerable=is_unanswerable(first),
                text=first.get("text") if isinstance(first.get("text"), str) else None,
                passes=sum(won.values()),
                asked=sum(asked.values()),
                n=len(holders),
                difficulty=sum(won.values()) / sum(asked.values()),
                discrimination=pearson(scores, rest),
            )
        )
    return tuple(stats)


def _slice_stats(
    entries: Sequence[Entry],
    passes: Mapping[str, Mapping[str, bool]],
    questions: Sequence[QuestionStats],
    unit_of: Callable[[Mapping[str, Any]], str],
) -> tuple[SliceStats, ...]:
    per_slice: dict[str, dict[str, list[bool]]] = {}  # slice → submission → pass marks
    kinds: dict[str, set[bool]] = {}
    in_slice: dict[str, dict[str, None]] = {}  # slice → its questions (or items), first seen first
    for entry in entries:
        for row in entry.report["questions"]:
            name = slice_of(row) or NO_SLICE
            per_slice.setdefault(name, {}).setdefault(entry.name, []).append(
                passes[entry.name][row["id"]]
            )
            kinds.setdefault(name, set()).add(is_unanswerable(row))
            in_slice.setdefault(name, {})[unit_of(row)] = None
    stats_of = {q.id: q for q in questions}
    order = [s for s in SLICES if s in per_slice] + sorted(s for s in per_slice if s not in SLICES)
    stats = []
    for name in order:
        scores = {sub: sum(marks) / len(marks) for sub, marks in per_slice[name].items()}
        members = [stats_of[qid] for qid in in_slice[name]]
        metric = (
            "pass_rate"
            if len(kinds[name]) > 1
            else ABSTAIN_METRIC
            if kinds[name] == {True}
            else PASS_METRIC
        )
        stats.append(
            SliceStats(
                name=name,
                metric=metric,
                questions=len(members),
                scores=scores,
                distribution=distribution(list(scores.values())),
                never_pass=tuple(q.id for q in members if NEVER in q.flags),
                always_pass=tuple(q.id for q in members if ALWAYS in q.flags),
            )
        )
    return tuple(stats)


def _leaderboard(
    entries: Sequence[Entry],
    passes: Mapping[str, Mapping[str, bool]],
    totals: Mapping[str, int],
) -> tuple[Standing, ...]:
    rows = []
    for entry in entries:
        answerable = [r for r in entry.report["questions"] if not is_unanswerable(r)]
        unanswerable = [r for r in entry.report["questions"] if is_unanswerable(r)]
        marks = passes[entry.name]
        fatal = entry.report.get("fatal")
        rows.append(
            Standing(
                rank=0,
                name=entry.name,
                candidate=_text_or_none(entry.report["key"].get("candidate")),
                source=entry.source,
                recall_at_5=_share([marks[r["id"]] for r in answerable]),
                abstention=_share([marks[r["id"]] for r in unanswerable]),
                total=totals[entry.name],
                n=len(marks),
                fatal=_text_or_none(fatal.get("stage")) if isinstance(fatal, dict) else None,
            )
        )

    def merit(s: Standing) -> tuple[float, int]:
        return (-1.0 if s.recall_at_5 is None else s.recall_at_5, s.total)

    rows.sort(key=lambda s: (-merit(s)[0], -merit(s)[1], s.name))
    ranked = []
    for position, standing in enumerate(rows):
        rank = position + 1
        if position and merit(rows[position - 1]) == merit(standing):
            rank = ranked[-1].rank
        ranked.append(replace(standing, rank=rank))
    return tuple(ranked)


def _share(marks: Sequence[bool]) -> float | None:
    return sum(marks) / len(marks) if marks else None


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and math.isfinite(value)


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value)
