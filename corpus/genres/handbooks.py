"""Handbooks stating organisation-wide rules: the `paraphrase` slice.

Each rule is written in the handbook's vocabulary and asked about in an employee's ("How much
time off does a new father get?"), so the question and its evidence share few content words
(`corpus.text.overlap`); lexical matching alone cannot find it, a good embedding can. With
`starter.align_to_chunks`, rules past the starter encoder's reach are asked first (`_tier`): the
starter's [CLS] vector of a chunk's first 64 tokens catches a rule it reads now and then, by
luck rather than meaning, and a slice of such questions would blur what fixing the embedder does.

Some wordings are harder than others for any encoder: how clearly a sound MiniLM tells a rule from
the other rules decides most of whether a sound pipeline finds it (in five easy variants, a
combination asked by several gave the same outcome in 96 % of them; the lowest third of margins
mostly failed, the top 40 % all passed). Each combination's margin is measured once
(`benchmarks/paraphrase_margins.py`, committed in `corpus/banks/paraphrase_margins.json`) and puts
its question in one of `BANDS` equal bands (`CandidateQuestion.band`), which selection draws
equally. A profile's `corpus.paraphrase_min_band` writes and asks each rule only in a wording of
that band or a clearer one, for a slice on which a sound encoder's reach is wider.
"""

from __future__ import annotations

import functools
import random
from collections.abc import Iterable

from corpus.banks import paraphrase_margins
from corpus.banks.paraphrase import CONCEPTS
from corpus.banks.prose import HEADINGS
from corpus.banks.types import PARAPHRASE_TOPICS, ParaphraseConcept
from corpus.document import DocBuilder, Document, out_of_reach, within_reach
from corpus.failure_modes import PARAPHRASE
from corpus.genres.policies import draw_value
from corpus.knobs import Profile
from corpus.slots import capitalise
from corpus.world import World

TITLES = {
    "time off": "Employee handbook: time off and leave",
    "expenses": "Employee handbook: spending company money",
    "it": "IT help centre: accounts, devices and access",
    "facilities": "Facilities guide: buildings and workplace services",
    "security": "Security handbook for everyone",
    "people": "People handbook: working here",
    "finance": "Finance guide for budget holders",
}
BANDS = 5  # margin bands of paraphrase questions, each drawn equally


def item(concept_key: str) -> str:
    """The cohort item of a question on this rule in any handbook (see `CandidateQuestion.item`)."""
    return f"handbook/{concept_key}"


def items() -> set[str]:
    return {item(c.key) for c in CONCEPTS}


def render_handbooks(world: World, profile: Profile) -> list[Document]:
    docs = []
    for topic in PARAPHRASE_TOPICS[: profile.corpus.handbooks]:
        concepts = [c for c in CONCEPTS if c.topic == topic]
        doc_id = "handbook-" + topic.replace(" ", "-")
        filler = world.filler(doc_id)
        rng = filler.rng
        rng.shuffle(concepts)
        b = DocBuilder(doc_id, TITLES[topic])

        def prose(filler=filler) -> str:
            return world.sentence(filler, "handbook")

        b.paragraph([world.sentence(filler, "handbook") for _ in range(rng.randint(2, 3))])
        headings = rng.sample(HEADINGS["handbook"], k=len(HEADINGS["handbook"]))
        per_section = profile.corpus.handbook_rules_per_section
        min_band = profile.corpus.paraphrase_min_band
        for s, start in enumerate(range(0, len(concepts), per_section)):
            b.heading(2, filler.fill(headings[s % len(headings)]))
            sentences, facts = [], []
            for concept in concepts[start : start + per_section]:
                if rng.random() < 0.6:
                    sentences.append(world.sentence(filler, "handbook"))
                value = draw_value(rng, concept.value)
                statement, question = _wording(rng, concept, min_band)
                sentences.append(capitalise(concept.statements[statement].format(value=value)))
                facts.append((len(sentences) - 1, concept, value, statement, question))
            sentences.append(world.sentence(filler, "handbook"))
            spans = b.paragraph_within(
                sentences,
                {position for position, *_ in facts},
                prose,
                profile.starter.aligned_chunk,
            )
            for position, concept, value, statement, question in facts:
                if not min_band:
                    question = rng.randrange(len(concept.questions))  # drawn here, as it always was
                elif question is None:
                    continue  # no wording of this rule is clear enough: stated, not asked
                b.ask(
                    PARAPHRASE,
                    f"{doc_id}/{concept.key}",
                    concept.questions[question],
                    value,
                    spans[position],
                    item=item(concept.key),
                    tier=_tier(spans[position][0], profile.starter.aligned_chunk),
                    band=band(concept.key, statement, question),
                )
        docs.append(b.build())
    return docs


def _wording(
    rng: random.Random, concept: ParaphraseConcept, min_band: int
) -> tuple[int, int | None]:
    """The statement a rule is written in and, with `min_band`, the question it is asked by: a
    combination drawn from those in that band or a clearer one (`band`), or no question (None)
    when none is clear enough. Without `min_band`, the statement alone: the caller draws the
    question once the section is written, as it always did, so profiles that leave the knob at 0
    generate the same bytes."""
    if not min_band:
        return rng.randrange(len(concept.statements)), None
    clear = [
        (statement, question)
        for statement in range(len(concept.statements))
        for question in range(len(concept.questions))
        if band(concept.key, statement, question) >= min_band
    ]
    if not clear:
        return rng.randrange(len(concept.statements)), None
    return rng.choice(clear)


def band(key: str, statement: int, question: int) -> int:
    """Which of `BANDS` equal bands of the bank's margins a combination falls in (0: the
    hardest). Raises KeyError naming a combination the committed table lacks."""
    margin = paraphrase_margins.load().get((key, statement, question))
    if margin is None:
        raise KeyError(
            f"no margin for paraphrase combination {(key, statement, question)}: run "
            "`python benchmarks/paraphrase_margins.py --write` after editing the bank"
        )
    return sum(margin >= limit for limit in _limits())


def band_limits(margins: Iterable[float]) -> tuple[float, ...]:
    """The margins at which each band after the first starts: `margins` split in `BANDS`
    equal parts."""
    values = sorted(margins)
    return tuple(values[len(values) * b // BANDS] for b in range(1, BANDS))


@functools.cache
def _limits() -> tuple[float, ...]:
    return band_limits(paraphrase_margins.load().values())


def _tier(start: int, chunk: int | None) -> int:
    """How late a rule starting at `start` is asked (`CandidateQuestion.tier`): past the starter
    encoder's reach first (`corpus.document.out_of_reach`), then the rules it may read in part,
    and the rules well within its reach only when those run out. That the starter finds a rule
    it reads says nothing about its embedding."""
    if chunk is None:
        return 0
    offset = start % chunk
    if offset >= out_of_reach(chunk)[0]:
        return 0
    return 1 if offset >= within_reach(chunk)[1] else 2
