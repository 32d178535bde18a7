"""Everyday documents with no golden facts: meeting notes, announcements, project updates...

They give the corpus the bulk and variety of a real knowledge base, so retrieval has plenty of
plausible wrong places to look.
"""

from __future__ import annotations

from corpus.banks.prose import GENRES, HEADINGS, TITLES
from corpus.document import DocBuilder, Document
from corpus.knobs import Profile
from corpus.world import World

KINDS = ("meeting", "announcement", "project", "onboarding", "retrospective", "general")


def render_filler(world: World, profile: Profile) -> list[Document]:
    docs = []
    rng = world.rng("filler-kinds")
    for i in range(profile.corpus.filler_documents):
        genre = rng.choice(KINDS)
        doc_id = f"{genre}-{i + 1:05d}"
        filler = world.filler(doc_id)
        frng = filler.rng
        b = DocBuilder(doc_id, filler.fill(frng.choice(TITLES[genre])))
        b.paragraph([world.sentence(filler, genre) for _ in range(frng.randint(2, 4))])
        sections = frng.randint(
            max(1, profile.corpus.filler_sections - 1), profile.corpus.filler_sections + 1
        )
        for heading in frng.sample(HEADINGS[genre], k=min(sections, len(HEADINGS[genre]))):
            b.heading(2, filler.fill(heading))
            if frng.random() < 0.3:
                b.bullets([world.sentence(filler, genre) for _ in range(frng.randint(3, 6))])
            b.paragraph([world.sentence(filler, genre) for _ in range(frng.randint(3, 7))])
            if frng.random() < 0.35:
                other = frng.choice([g for g in GENRES if g != genre])
                b.paragraph([world.sentence(filler, other) for _ in range(frng.randint(2, 4))])
        docs.append(b.build())
    return docs
