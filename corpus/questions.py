"""Golden questions: choosing hidden and public questions from the candidates, and writing the
unanswerable ones.

Answerable questions come from the renderers' candidates (answer and evidence fixed when the
fact was written). For each slice the candidates are shuffled with the variant's seed and drawn
stratified: grouped by where their evidence lies (its document, and which fifth of a starter
chunk it starts in), each group gives the hidden set, then the public set, its share of the
questions (largest remainders). Where the evidence sits decides much of what the starter finds
(a table row at the top of a chunk is read by its encoder, one further down is not), so a
plain random draw would make one variant's starter luckier than another's; a stratified draw
asks every variant the same mix. A renderer may put candidates in a later tier
(`CandidateQuestion.tier`): they are drawn from only when the earlier tiers run out; and in bands of
difficulty (`CandidateQuestion.band`): each band gives an equal share, drawn by tier and stratified
within it. Never two questions on one fact or one evidence span.

Unanswerable questions ask about something the corpus never names (a spare team, an unused
error code, a model or policy version that does not exist) — checked against the finished
corpus, so no document can answer them. Unstated questions, the second kind, ask a real team or
office a fact its section does not give (`corpus.genres.sections`); their lines are unanswerable
too. Aggregate questions (`corpus.genres.comparisons`) are checked against the finished corpus as
well: none is asked whose answer some sentence states with the question's comparison word.

Reformulation questions ask a product fact by the product's codename (`corpus.genres.glossary`):
they are drawn after every other slice, from the facts no other question asks.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from corpus.document import CandidateQuestion, Document
from corpus.failure_modes import (
    AGGREGATE,
    MULTIHOP,
    REFORMULATION,
    SLICE_RECORDS,
    SLICES,
    TEMPORAL,
    UNANSWERABLE,
    UNANSWERABLE_SLICES,
)
from corpus.genres.bridges import asks, multihop_candidates
from corpus.genres.comparisons import compared_nowhere
from corpus.genres.products import ATTRIBUTES
from corpus.genres.sections import OFFICE_FACTS, TEAM_FACTS
from corpus.genres.services import CODE_QUESTIONS, ERROR_PREFIX, RATE_QUESTIONS, RESOURCES
from corpus.knobs import Profile, ProfileError
from corpus.text import tokens
from corpus.world import World
from exercise.types import Span


@dataclass(frozen=True)
class Question:
    """A golden question as written to disk."""

    id: str
    text: str
    answer: str
    evidence: tuple[Span, ...]
    slice: str
    unanswerable: bool
    # the same in every variant (`CandidateQuestion.item`); the key lists it, not the line
    item: str

    def to_json(self, *, with_slice: bool) -> dict:
        line = {
            "id": self.id,
            "text": self.text,
            "answer": self.answer,
            "evidence": [
                {"doc_id": e.doc_id, "start": e.start, "end": e.end} for e in self.evidence
            ],
        }
        if with_slice:
            line["slice"] = self.slice
        line["unanswerable"] = self.unanswerable  # not vocabulary: the line's field
        return line


# Slices whose candidates ask other slices' facts in other words (`reformulation` asks a product
# fact by the product's codename, `temporal` a policy version's clause by a day instead of the
# version): drawn last, from the facts no other question asks, so no two questions share evidence
# and the other slices draw as they do when these are not asked.
REWORDINGS = frozenset({REFORMULATION, TEMPORAL})
DRAW_ORDER = tuple(s for s in SLICES if s not in REWORDINGS) + tuple(
    s for s in SLICES if s in REWORDINGS
)

# What raises each slice's supply of candidate facts, for the "impossible mix" message.
SUPPLY_KNOBS = {s.name: s.supply_knobs for s in SLICE_RECORDS}


def select_questions(
    world: World, profile: Profile, docs: Sequence[Document]
) -> tuple[list[Question], list[Question]]:
    """(hidden, public) questions for a rendered corpus."""
    by_slice: dict[str, list[CandidateQuestion]] = {s: [] for s in SLICES}
    for doc in docs:
        for candidate in doc.candidates:
            by_slice[candidate.slice].append(candidate)
    by_slice[UNANSWERABLE] = list(unanswerable_candidates(world, profile, docs))
    if asks(profile):  # joins two documents' facts, once all are written
        by_slice[MULTIHOP] = list(multihop_candidates(world, docs))
    # a sentence saying the answer with the comparison ("the lightest Aster X2") would answer it
    by_slice[AGGREGATE] = [c for c in by_slice[AGGREGATE] if compared_nowhere(c, docs)]

    hidden: list[CandidateQuestion] = []
    public: list[CandidateQuestion] = []
    chunk = profile.starter.aligned_chunk
    asked_evidence: set[tuple[Span, ...]] = set()
    for slice_ in DRAW_ORDER:
        pool = [c for c in by_slice[slice_] if c.item not in profile.retired]
        if slice_ in REWORDINGS:  # another slice's fact in other words: only facts none asks
            pool = [c for c in pool if c.evidence not in asked_evidence]
        retired = len(by_slice[slice_]) - len(pool)
        world.rng("select", slice_).shuffle(pool)
        want_hidden, want_public = profile.hidden[slice_], profile.public[slice_]
        taken = _Taken()
        picked_hidden = _draw(pool, want_hidden, taken, chunk)
        asked = {id(c) for c in picked_hidden}
        rest = [c for c in pool if id(c) not in asked]
        picked_public = _draw(rest, want_public, taken, chunk)
        found = len(picked_hidden) + len(picked_public)
        if found < want_hidden + want_public:
            raise ProfileError(
                f"profile {profile.name}: questions.hidden.{slice_} + questions.public.{slice_} "
                f"= {want_hidden + want_public}, but this corpus has only {found} distinct "
                f"{slice_} facts"
                + (f" once questions.retired takes out {retired}" if retired else "")
                + f"; lower those counts or raise {SUPPLY_KNOBS[slice_]}"
                + (" or retire fewer items" if retired else "")
            )
        hidden += picked_hidden
        public += picked_public
        asked_evidence.update(c.evidence for c in picked_hidden + picked_public if c.evidence)
    return _number(world, hidden, "h"), _number(world, public, "p")


class _Taken:
    """Facts, texts and evidence already asked about: no two questions share one."""

    def __init__(self) -> None:
        self.facts: set[str] = set()
        self.texts: set[str] = set()
        self.evidence: set[tuple[Span, ...]] = set()

    def allows(self, candidate: CandidateQuestion) -> bool:
        if candidate.fact in self.facts or candidate.text in self.texts:
            return False
        return not (candidate.evidence and candidate.evidence in self.evidence)

    def add(self, candidate: CandidateQuestion) -> None:
        self.facts.add(candidate.fact)
        self.texts.add(candidate.text)
        self.evidence.add(candidate.evidence)


def _draw(
    pool: Sequence[CandidateQuestion], count: int, taken: _Taken, chunk: int | None
) -> list[CandidateQuestion]:
    """`count` distinct candidates of the shuffled `pool`: each band present gives an equal
    share (`CandidateQuestion.band`; one more each for the bands met first when `count` does not
    divide), drawn by tier within it; what a band short of candidates cannot give, the others
    make up."""
    bands = list(dict.fromkeys(c.band for c in pool))  # in the order the shuffled pool meets them
    picked: list[CandidateQuestion] = []
    if len(bands) > 1 and count > 0:
        share, extra = divmod(count, len(bands))
        for index, band in enumerate(bands):
            members = [c for c in pool if c.band == band]
            picked += _tiered(members, share + (index < extra), taken, chunk)
    return picked + _tiered(pool, count - len(picked), taken, chunk)


def _tiered(
    pool: Sequence[CandidateQuestion], count: int, taken: _Taken, chunk: int | None
) -> list[CandidateQuestion]:
    """`count` distinct candidates of the shuffled `pool`: tier 0 first (stratified), then the
    next tier for what is still missing."""
    picked: list[CandidateQuestion] = []
    for tier in sorted({c.tier for c in pool}):
        members = [c for c in pool if c.tier == tier]
        picked += _stratified(members, count - len(picked), taken, chunk)
    return picked


def stratum(candidate: CandidateQuestion, chunk: int | None) -> tuple[str, int]:
    """Where a candidate's evidence lies: its document and the fifth of a starter chunk it
    starts in (0 without evidence or without chunk alignment)."""
    if not candidate.evidence:
        return ("", 0)
    first = candidate.evidence[0]
    return (first.doc_id, (first.start % chunk) * 5 // chunk if chunk else 0)


def _stratified(
    pool: Sequence[CandidateQuestion], count: int, taken: _Taken, chunk: int | None
) -> list[CandidateQuestion]:
    """`count` distinct candidates of the shuffled `pool`, each stratum giving its share of
    `count` (largest remainders; ties to the stratum met first in the shuffled pool); where a
    stratum cannot fill its share, the first remaining candidates of any stratum make it up."""
    if count <= 0 or not pool:
        return []
    keys = [stratum(candidate, chunk) for candidate in pool]
    members: dict[tuple[str, int], int] = {}
    for key in keys:
        members[key] = members.get(key, 0) + 1
    exact = {key: count * n / len(pool) for key, n in members.items()}
    quota = {key: int(share) for key, share in exact.items()}
    by_remainder = sorted(exact, key=lambda k: exact[k] - quota[k], reverse=True)  # stable
    for key in by_remainder[: count - sum(quota.values())]:
        quota[key] += 1
    picked: list[CandidateQuestion] = []
    for candidate, key in zip(pool, keys, strict=True):
        if quota[key] > 0 and taken.allows(candidate):
            picked.append(candidate)
            taken.add(candidate)
            quota[key] -= 1
    for candidate in pool:  # strata short of distinct candidates: fill from the rest
        if len(picked) == count:
            break
        if taken.allows(candidate):  # a picked candidate's fact is taken: never picked twice
            picked.append(candidate)
            taken.add(candidate)
    return picked


def _number(world: World, chosen: list[CandidateQuestion], prefix: str) -> list[Question]:
    order = list(chosen)
    world.rng("order", prefix).shuffle(order)  # ids reveal nothing about slices
    width = max(3, len(str(len(order))))
    return [
        Question(
            id=f"{prefix}{i:0{width}d}",
            text=c.text,
            answer=c.answer,
            evidence=c.evidence,
            slice=c.slice,
            unanswerable=c.slice in UNANSWERABLE_SLICES,
            item=c.item,
        )
        for i, c in enumerate(order, start=1)
    ]


def unanswerable_item(kind: str) -> str:
    """The cohort item of a question about a missing thing of this kind
    (`CandidateQuestion.item`)."""
    return f"unanswerable/{kind}"


def unanswerable_candidates(
    world: World, profile: Profile, docs: Sequence[Document]
) -> Iterator[CandidateQuestion]:
    """Questions about things no document names, alternating between kinds."""
    corpus_text = "\n".join(d.text for d in docs)
    vocabulary = set(tokens(corpus_text))
    rng = world.rng(UNANSWERABLE)

    def absent(*anchors: str) -> bool:
        return all(a not in corpus_text and a.lower() not in vocabulary for a in anchors)

    makers = list(_UNKNOWN.items())  # drawn in this order
    seen: set[str] = set()
    want = profile.hidden[UNANSWERABLE] + profile.public[UNANSWERABLE]
    misses = 0
    while len(seen) < want * 3 and misses < 2000:
        kind, make = rng.choice(makers)
        made = make(rng, world, absent)
        if made is None or made[0] in seen:
            misses += 1
            continue
        text, anchor = made
        seen.add(text)
        item = unanswerable_item(kind)
        yield CandidateQuestion(UNANSWERABLE, f"unanswerable/{anchor}", item, text, "", ())


def _unknown_code(rng: random.Random, world: World, absent) -> tuple[str, str] | None:
    code = f"{ERROR_PREFIX}-{rng.randint(1000, 9999)}"
    if not absent(code):
        return None
    return rng.choice(CODE_QUESTIONS).format(code=code), code


def _unknown_endpoint(rng: random.Random, world: World, absent) -> tuple[str, str] | None:
    service = rng.choice(world.services).name
    endpoint = f"{rng.choice(('GET', 'POST'))} /v{rng.randint(1, 2)}/{service}/" + rng.choice(
        RESOURCES
    )
    if not absent(endpoint):
        return None
    return rng.choice(RATE_QUESTIONS).format(endpoint=endpoint), endpoint


def _unknown_model(rng: random.Random, world: World, absent) -> tuple[str, str] | None:
    family = rng.choice(world.families)
    number = rng.randint(1, 9)
    qualifier = f"{family.letter}{number}"
    if number in family.numbers or not absent(qualifier):
        return None
    attribute = rng.choice(ATTRIBUTES)
    return rng.choice(attribute.questions).format(model=family.asked(number)), qualifier


def _unknown_section(rng, names, facts, kind, absent) -> tuple[str, str] | None:
    name = rng.choice(names)
    if not absent(name):
        return None
    fact = rng.choice(facts)
    return rng.choice(fact.questions).format(name=name), f"{kind}:{name}"


# Kinds of unanswerable question (each a cohort item) → what makes one: (question, anchor) or None.
_UNKNOWN: dict[str, Callable[[random.Random, World, Callable], tuple[str, str] | None]] = {
    "error-code": _unknown_code,
    "endpoint": _unknown_endpoint,
    "model": _unknown_model,
    "team": lambda rng, world, absent: _unknown_section(
        rng, world.spare_teams, TEAM_FACTS, "team", absent
    ),
    "office": lambda rng, world, absent: _unknown_section(
        rng, world.spare_cities, OFFICE_FACTS, "office", absent
    ),
}
UNANSWERABLE_KINDS = tuple(_UNKNOWN)
