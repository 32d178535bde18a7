"""Handbooks stating organisation-wide rules: the `paraphrase` slice.

Each rule is written in the handbook's vocabulary and asked about in an employee's ("How much
time off does a new father get?"), so the question and its evidence share few content words
(`corpus.text.overlap`); lexical matching alone cannot find it, a good embedding can. With
`starter.align_to_chunks`, rules past the starter encoder's reach are asked first (`_tier`): the
starter's [CLS] vector of a chunk's first 64 tokens catches a rule it reads now and then, by
luck rather than meaning, and a slice of such questions would blur what fixing the embedder does.
"""

from __future__ import annotations

from corpus.banks.paraphrase import CONCEPTS
from corpus.banks.prose import HEADINGS
from corpus.banks.types import PARAPHRASE_TOPICS
from corpus.document import DocBuilder, Document, out_of_reach, within_reach
from corpus.genres.policies import draw_value
from corpus.profile import Profile
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
RULES_PER_SECTION = 3


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
        for s, start in enumerate(range(0, len(concepts), RULES_PER_SECTION)):
            b.heading(2, filler.fill(headings[s % len(headings)]))
            sentences, facts = [], []
            for concept in concepts[start : start + RULES_PER_SECTION]:
                if rng.random() < 0.6:
                    sentences.append(world.sentence(filler, "handbook"))
                value = draw_value(rng, concept.value)
                sentences.append(capitalise(rng.choice(concept.statements).format(value=value)))
                facts.append((len(sentences) - 1, concept, value))
            sentences.append(world.sentence(filler, "handbook"))
            spans = b.paragraph_within(
                sentences,
                {position for position, _, _ in facts},
                prose,
                profile.starter.aligned_chunk,
            )
            for position, concept, value in facts:
                question = rng.choice(concept.questions)
                tier = _tier(spans[position][0], profile.starter.aligned_chunk)
                b.ask(
                    "paraphrase",
                    f"{doc_id}/{concept.key}",
                    question,
                    value,
                    spans[position],
                    tier=tier,
                )
        docs.append(b.build())
    return docs


def _tier(start: int, chunk: int | None) -> int:
    """How late a rule starting at `start` is asked (`Candidate.tier`): past the starter
    encoder's reach first (`corpus.document.out_of_reach`), then the rules it may read in part,
    and the rules well within its reach only when those run out. That the starter finds a rule
    it reads says nothing about its embedding."""
    if chunk is None:
        return 0
    offset = start % chunk
    if offset >= out_of_reach(chunk)[0]:
        return 0
    return 1 if offset >= within_reach(chunk)[1] else 2
