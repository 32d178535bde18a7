"""Versioned policies: one document per version; clauses whose value changed are distractors.

Every clause names its policy and version (`Travel Policy v4 caps ...`), so the two versions'
sentences differ only in the qualifier and the value. Only clauses whose value changed between
versions become questions: a clause both versions agree on would have two correct sources.
Questions name the version the way people do ("version 4 of the Travel Policy"). Each clause
opens a subsection of its own (`### Business class threshold`), as numbered policy clauses do.
With `starter.align_to_chunks`, each asked clause lies in the first 2/5 of one starter chunk,
within the starter encoder's reach (`corpus.document.within_reach`), and, opening its
subsection, at the head of a chunk for any chunker that starts chunks at headings.

When a profile asks the `temporal` slice, each policy also gets a version history
(`policy-travel-history`: "Travel Policy v3 was in force from 3 March 2022 until 23 January
2023."), and the clauses that differ in every version are asked by date instead of by version
("On 9 October 2022, what daily meal allowance abroad does the Travel Policy set?"): the version in
force that day answers, and it need not be the newest. The history is a document of its own and its
dates and wording come from generators of their own, drawn only when the slice is asked, so the
versions' documents and every other draw stay as they are. `periods_in` and `question_date` read
them back (`corpus verify`).
"""

from __future__ import annotations

import datetime
import random
import re
from dataclasses import dataclass

from corpus.banks import policies as bank
from corpus.banks.types import PolicyClause, ValueSpec
from corpus.document import DocBuilder, Document, within_reach
from corpus.failure_modes import DISTRACTOR, TEMPORAL
from corpus.knobs import Profile
from corpus.slots import MONTHS, capitalise
from corpus.wording import UNSEEN
from corpus.world import World

CHANGE_SHARE = 0.5  # share of numeric clauses whose value differs between consecutive versions

VERSIONED_ID_RE = re.compile(r"^(?P<family>.+)-v(?P<version>\d+)$")
"""A versioned document's id (`policy-travel-v4`): its family and version."""
_MONTH = "|".join((*MONTHS, *(m[:3] for m in MONTHS)))
DATE_RE = re.compile(
    rf"\b(\d{{1,2}}) ({_MONTH}) (\d{{4}})\b"
    rf"|\b({_MONTH}) (\d{{1,2}}), (\d{{4}})\b"
    r"|\b(\d{4})-(\d{2})-(\d{2})\b"
)
"""A date as the corpus and its questions write it: "14 March 2025" (the shipped wording) or, in
the unseen one, "March 14, 2025", "14 Mar 2025" or "2025-03-14"."""
DATE_FORMS = (
    "{day} {month} {year}",
    "{month} {day}, {year}",
    "{day} {mon} {year}",
    "{year}-{mm:02d}-{day:02d}",
)
"""How a date is written: the first in the shipped wording, the others in the unseen one."""
CURRENT_FORMS = (
    "{version} has been in force since {start}.",
    "{version} took effect on {start} and is the current version.",
    "Since {start}, {version} has been the version in force.",
)
"""How a version history states when the current version took effect ({version}: "Travel Policy
v4", as its document's title names it)."""
SUPERSEDED_FORMS = (
    "{version} was in force from {start} until {end}.",
    "{version} applied from {start} to {end}.",
    "From {start} to {end}, {version} was the version in force.",
)
"""How a version history states when a superseded version was in force (both days included)."""
HISTORY_SUFFIX = "-history"
"""A policy's version history is `<its versions' id without -vN>-history`."""
QUESTION_FORMS = ("On {date}, {question}", "As of {date}, {question}")
"""How a question asks a clause on a date; {question} is the clause's question, scoped to the
policy by its name alone."""
UNSEEN_CURRENT_FORMS = (
    "{version}: current since {start}.",
    "{version} has governed new cases since {start}.",
    "{version} is the current text, from {start}.",
)
UNSEEN_SUPERSEDED_FORMS = (
    "{version}: {start} to {end}.",
    "{version} governed cases arising between {start} and {end}.",
    "{version} covered {start} through {end}.",
)
UNSEEN_QUESTION_FORMS = (
    "{asked}, for a case that arose on {date}?",
    "{asked}, as it applied on {date}?",
)
"""The history's lines and the dated questions in the unseen wording (`corpus.wording`); {asked}
is the clause's question without its question mark."""
FIRST_YEARS = (2021, 2023)  # the first version takes effect in one of these years (inclusive)
VERSION_DAYS = (200, 540)  # how long a version stays in force before the next takes effect
CURRENT_DAYS = 400  # questions on the current version ask a day up to this long after it began
MARGIN_DAYS = 3  # a question's day keeps this far from either end of its version's period


@dataclass(frozen=True)
class Period:
    """When one version of a policy is in force: from `start` to `end`, both included; the
    current version has no end."""

    start: datetime.date
    end: datetime.date | None = None

    def contains(self, day: datetime.date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def write_date(day: datetime.date, form: str = DATE_FORMS[0]) -> str:
    """A date as the corpus writes it ("14 March 2025", or another of `DATE_FORMS`)."""
    month = MONTHS[day.month - 1]
    return form.format(day=day.day, month=month, mon=month[:3], year=day.year, mm=day.month)


def read_date(match: re.Match) -> datetime.date | None:
    """The date of a `DATE_RE` match (None for one that names no real day, "31 April")."""
    if match[1]:
        year, month, day = match[3], match[2], match[1]
    elif match[4]:
        year, month, day = match[6], match[4], match[5]
    else:
        year, month, day = match[7], match[8], match[9]
    if not month.isdigit():
        month = next(i for i, m in enumerate(MONTHS, 1) if m.startswith(month))
    try:
        return datetime.date(int(year), int(month), int(day))
    except ValueError:
        return None


def periods_in(history: str) -> dict[str, Period]:
    """Versioned name ("Travel Policy v4") → when it is in force, as a version history's lines
    state it."""
    date, found = DATE_RE.pattern, {}
    patterns = []
    forms = (*SUPERSEDED_FORMS, *CURRENT_FORMS, *UNSEEN_SUPERSEDED_FORMS, *UNSEEN_CURRENT_FORMS)
    for form in forms:
        pattern = re.escape(form).replace(re.escape("{version}"), r"(?P<version>.+? v\d+)")
        pattern = pattern.replace(re.escape("{start}"), f"(?P<start>{date})")
        patterns.append(re.compile(pattern.replace(re.escape("{end}"), f"(?P<end>{date})")))
    for line in history.splitlines():
        for pattern in patterns:
            match = pattern.fullmatch(line.strip().removeprefix("- "))
            if match:
                start = read_date(DATE_RE.fullmatch(match["start"]))
                end = match.groupdict().get("end")
                period = Period(start, read_date(DATE_RE.fullmatch(end)) if end else None)
                if start and (end is None or period.end):
                    found.setdefault(match["version"], period)
                break
    return found


def history_id(version_id: str) -> str | None:
    """The id of the version history of a policy version's document (None if not versioned)."""
    match = VERSIONED_ID_RE.match(version_id)
    return match["family"] + HISTORY_SUFFIX if match else None


def title(text: str) -> str:
    """A document's title: its first line without the `# `."""
    return text.split("\n", 1)[0].removeprefix("# ").strip()


def question_date(question: str) -> datetime.date | None:
    """The day a question asks about, or None if it names none."""
    match = DATE_RE.search(question)
    return read_date(match) if match else None


def draw_value(rng: random.Random, spec: ValueSpec) -> str:
    """Draw and format one value of a bank `ValueSpec`."""
    if spec.choices:
        return spec.fmt.format(rng.choice(spec.choices))
    return spec.fmt.format(rng.randrange(spec.low, spec.high + 1, spec.step))


def _numeric(clause: PolicyClause) -> bool:
    spec = clause.value
    return not spec.choices or all(any(c.isdigit() for c in v) for v in spec.choices)


def item(clause_key: str) -> str:
    """The cohort item of a question on this clause in any version (`CandidateQuestion.item`)."""
    return f"policy/{clause_key}"


def temporal_item(clause_key: str) -> str:
    """The cohort item of a question on this clause asked by date (`CandidateQuestion.item`)."""
    return f"{TEMPORAL}/{item(clause_key)}"


def items() -> set[str]:
    return {
        make(c.key) for make in (item, temporal_item) for p in bank.templates() for c in p.clauses
    }


def render_policies(world: World, profile: Profile) -> list[Document]:
    knobs = profile.corpus
    rng = world.rng("policies")
    families = bank.templates()
    chosen = rng.sample(families, min(knobs.policies, len(families)))
    docs = []
    for template in chosen:
        prng = world.rng("policy", template.key)
        first = prng.randint(2, 5)
        versions = list(range(first, first + knobs.policy_versions))
        # values[clause.key][i] is the clause's value in versions[i]
        values: dict[str, list[str]] = {}
        for clause in template.clauses:
            row = [draw_value(prng, clause.value)]
            for _ in versions[1:]:
                if _numeric(clause) and prng.random() < CHANGE_SHARE:
                    row.append(_different(prng, clause.value, row))
                else:
                    row.append(row[-1])
            values[clause.key] = row
        dated = len(versions) > 1 and (profile.hidden[TEMPORAL] or profile.public[TEMPORAL])
        periods = _periods(world, template.key, len(versions)) if dated else None
        for i in range(len(versions)):
            docs.append(
                _render_version(
                    world, template, versions, i, values, profile.starter.aligned_chunk, periods
                )
            )
        if periods:
            docs.append(_render_history(world, template, versions, periods))
    return docs


def _periods(world: World, key: str, count: int) -> list[Period]:
    """When each of a policy's `count` versions is in force, oldest first."""
    rng = world.rng(TEMPORAL, "policy", key)
    start = datetime.date(rng.randint(*FIRST_YEARS), rng.randint(1, 12), rng.randint(1, 28))
    starts = [start]
    for _ in range(count - 1):
        starts.append(starts[-1] + datetime.timedelta(days=rng.randint(*VERSION_DAYS)))
    ends = [s - datetime.timedelta(days=1) for s in starts[1:]] + [None]
    return [Period(s, e) for s, e in zip(starts, ends, strict=True)]


def _asked_day(rng: random.Random, period: Period) -> datetime.date:
    """A day well inside `period` (the current version's: within CURRENT_DAYS of its start)."""
    end = period.end or period.start + datetime.timedelta(days=CURRENT_DAYS)
    days = (end - period.start).days - 2 * MARGIN_DAYS
    return period.start + datetime.timedelta(days=MARGIN_DAYS + rng.randint(0, days))


def _render_history(world: World, template, versions: list[int], periods) -> Document:
    """The policy's version history: when each version was in force, oldest first."""
    slug = template.key.replace("_", "-")
    doc_id = f"policy-{slug}{HISTORY_SUFFIX}"
    rng = world.rng(TEMPORAL, doc_id)
    current_forms, superseded_forms, date_form = CURRENT_FORMS, SUPERSEDED_FORMS, DATE_FORMS[0]
    if world.wording == UNSEEN:
        rng = world.rng(UNSEEN, doc_id)
        current_forms, superseded_forms = UNSEEN_CURRENT_FORMS, UNSEEN_SUPERSEDED_FORMS
        date_form = rng.choice(DATE_FORMS[1:])
    b = DocBuilder(doc_id, f"{template.name}: version history")
    b.paragraph(
        [
            f"This page records when each version of the {template.name} was in force.",
            "A case is decided by the version in force on the day it arose, not by the newest.",
        ]
    )
    lines = []
    for version, period in zip(versions, periods, strict=True):
        name, start = f"{template.name} v{version}", write_date(period.start, date_form)
        if period.end is None:
            lines.append(rng.choice(current_forms).format(version=name, start=start))
        else:
            form, end = rng.choice(superseded_forms), write_date(period.end, date_form)
            lines.append(form.format(version=name, start=start, end=end))
    b.bullets([capitalise(line) for line in lines])
    return b.build()


def _dated_question(world: World, doc_id: str, clause: PolicyClause, policy: str, period):
    rng = world.rng(TEMPORAL, doc_id, clause.key)
    question = clause.question.format(policy=f"the {policy}")
    form = rng.choice(QUESTION_FORMS)  # drawn before the day, as the shipped wording always was
    day = _asked_day(rng, period)
    if world.wording == UNSEEN:
        unseen = world.rng(UNSEEN, TEMPORAL, doc_id, clause.key)
        date = write_date(day, unseen.choice(DATE_FORMS[1:]))
        return unseen.choice(UNSEEN_QUESTION_FORMS).format(asked=question.rstrip("?"), date=date)
    return form.format(date=write_date(day), question=question[0].lower() + question[1:])


def clause_title(clause: PolicyClause) -> str:
    """The heading of a clause's subsection, from its key ("Business class threshold")."""
    return clause.key.replace("_", " ").capitalize()


def _different(rng: random.Random, spec: ValueSpec, taken: list[str]) -> str:
    for _ in range(100):
        value = draw_value(rng, spec)
        if value not in taken:
            return value
    raise ValueError(f"value spec {spec} cannot produce a new value")


def _render_version(world, template, versions, i, values, chunk: int | None, periods) -> Document:
    version = versions[i]
    name = f"{template.name} v{version}"
    slug = template.key.replace("_", "-")
    doc_id = f"policy-{slug}-v{version}"
    filler = world.filler(doc_id)
    rng = filler.rng
    b = DocBuilder(doc_id, name)
    purpose = [filler.fill(s) for s in template.purpose]
    purpose.append(world.sentence(filler, "policy"))
    b.paragraph(purpose)
    if len(versions) > 1:
        older = [f"v{v}" for v in versions if v < version]
        status = (
            f"This is the current version; it replaces {', '.join(older)}."
            if version == versions[-1]
            else f"This version was superseded by v{versions[-1]} and is kept for reference."
        )
        b.paragraph([status, world.sentence(filler, "policy")])
    b.heading(2, rng.choice(("Rules", "Policy statements", "What the policy requires")))
    clauses = list(template.clauses)
    rng.shuffle(clauses)

    def prose() -> str:
        return world.sentence(filler, "policy")

    # People ask for "version 4 of the Travel Policy" where the text says "Travel Policy v4":
    # matching the qualifier takes more than exact tokens.
    asked_as = f"version {version} of the {template.name}"
    for clause in clauses:
        value = values[clause.key][i]
        sentences = [capitalise(clause.statement.format(policy=name, value=value))]
        if rng.random() < 0.35:
            sentences.append(prose())
        row = values[clause.key]
        asked = len(set(row)) == len(row) and len(row) > 1  # differs from every other version
        spans = b.section_led_by(
            3, clause_title(clause), sentences, prose, chunk if asked else None, within_reach(chunk)
        )
        if asked:
            question = capitalise(clause.question.format(policy=asked_as))
            fact_key = f"{doc_id}/{clause.key}"
            b.ask(DISTRACTOR, fact_key, question, value, spans[0], item=item(clause.key))
            if periods:
                dated_question = _dated_question(world, doc_id, clause, template.name, periods[i])
                b.ask(
                    TEMPORAL,
                    f"{fact_key}/{TEMPORAL}",
                    dated_question,
                    value,
                    spans[0],
                    item=temporal_item(clause.key),
                )
    b.heading(2, rng.choice(("Responsibilities", "Who does what", "Roles")))
    b.paragraph([world.sentence(filler, "policy") for _ in range(rng.randint(3, 5))])
    b.heading(2, rng.choice(("Exceptions", "Questions and exceptions", "Getting an exception")))
    b.paragraph([world.sentence(filler, "policy") for _ in range(rng.randint(2, 4))])
    return b.build()
