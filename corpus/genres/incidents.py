"""Incident reports: each carries two-sentence facts split across a chunk edge (`boundary`).

The first sentence names the event (service, date), the second gives the figure and only refers
back to the event, so a passage needs both to answer. With `starter.align_to_chunks`, filler
sentences are placed before the pair until a multiple of the starter's chunk size falls inside it.
"""

from __future__ import annotations

from corpus.banks.boundary import PAIRS
from corpus.document import DocBuilder, Document
from corpus.failure_modes import BOUNDARY
from corpus.genres.policies import draw_value
from corpus.knobs import Profile
from corpus.slots import capitalise, template_slots
from corpus.world import World

PAIRS_PER_REPORT = 2
# An incident report is about one service; pairs about other subjects (launches, offices)
# would read oddly in it.
SERVICE_PAIRS = tuple(p for p in PAIRS if "{service}" in p.first)
TITLES = (
    "Incident {ref}: {service} service degraded on {date}",
    "Post-incident review {ref}: {service} outage, {date}",
    "{ref}: {service} service disruption on {date}",
)


def item(pair_key: str) -> str:
    """The cohort item of a question on this pair in any report (see `CandidateQuestion.item`)."""
    return f"incident/{pair_key}"


def items() -> set[str]:
    return {item(p.key) for p in SERVICE_PAIRS}


def render_incidents(world: World, profile: Profile) -> list[Document]:
    rng = world.rng("incidents")
    refs = rng.sample(range(1000, 9999), profile.corpus.incident_reports)
    seen: set[tuple[str, str]] = set()
    docs = []
    for ref in refs:
        filler = world.filler("incident", ref)
        for _ in range(100):
            service = filler.rng.choice(world.services).name
            date = filler.value("date")
            if (service, date) not in seen:
                seen.add((service, date))
                break
        docs.append(_report(world, profile, filler, f"INC-{ref}", service, date))
    return docs


def _report(world: World, profile: Profile, filler, ref: str, service: str, date: str):
    rng = filler.rng
    doc_id = f"incident-{ref.lower()}"
    b = DocBuilder(doc_id, rng.choice(TITLES).format(ref=ref, service=service, date=date))
    fixed = {"service": service, "date": date}
    b.paragraph([world.sentence(filler, "incident", **fixed) for _ in range(rng.randint(2, 3))])
    b.heading(2, "Timeline")
    clock = rng.randint(0, 20) * 60 + rng.randint(0, 59)
    items = []
    for _ in range(rng.randint(3, 5)):
        clock += rng.randint(3, 40)
        hhmm = f"{clock // 60 % 24:02d}:{clock % 60:02d}"
        items.append(f"{hhmm} UTC: {world.sentence(filler, 'incident', **fixed)}")
    b.bullets(items)
    sections = ("Impact", "Root cause", "Follow-up actions")
    pairs = rng.sample(SERVICE_PAIRS, min(PAIRS_PER_REPORT, len(SERVICE_PAIRS)))
    for section, pair in zip(sections, [*pairs, None, None], strict=False):
        b.heading(2, section)
        if pair is None:
            b.bullets(
                [world.sentence(filler, "incident", **fixed) for _ in range(rng.randint(3, 5))]
            )
            continue
        values = dict(fixed)
        for slot in template_slots(pair.first) + template_slots(pair.question):
            if slot not in values:
                values[slot] = filler.value(slot)
        first = capitalise(pair.first.format(**values))
        value = draw_value(rng, pair.value)
        second = capitalise(pair.second.format(value=value))
        question = capitalise(pair.question.format(**values))
        if profile.starter.align_to_chunks:
            spans = b.paragraph_across(
                [first, second],
                lambda: world.sentence(filler, "incident", **fixed),
                profile.starter.chunk_size,
                cross="inside",
            )
        else:
            spans = b.paragraph([world.sentence(filler, "incident", **fixed), first, second])[1:]
        evidence = (spans[0][0], spans[1][1])
        b.ask(BOUNDARY, f"{doc_id}/{pair.key}", question, value, evidence, item=item(pair.key))
        b.paragraph([world.sentence(filler, "incident", **fixed) for _ in range(rng.randint(2, 4))])
    return b.build()
