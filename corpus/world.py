"""The fictional organisation: its named entities, drawn once per seed.

Facts (values the questions ask about) are drawn by the genre renderers; the world only fixes who
and what exists, so every document names the same teams, services, products and people. A few
names of each kind are held back (`spare_*`): they appear in no document, which is what makes
questions about them unanswerable.
"""

from __future__ import annotations

import random
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from corpus.banks import words as bank
from corpus.banks.prose import GENRES
from corpus.knobs import Profile
from corpus.slots import SlotFiller
from corpus.wording import SHIPPED, WORDINGS

SPARE = 12  # names of each kind kept out of every document
SENTENCE_DRAWS = 6  # tries to find a filler sentence the corpus does not have yet


@dataclass(frozen=True)
class Service:
    """An internal service and the team that owns it."""

    name: str
    """Bare lower-case name, e.g. "ledger"."""
    team: str
    """Owning team's bare name."""


@dataclass(frozen=True)
class ProductFamily:
    """A hardware product line whose models differ by a qualifier such as X1 / X2."""

    root: str
    """Brand word, e.g. "Aster"."""
    category: str
    """Device category, e.g. "edge router"."""
    letter: str
    """Qualifier letter shared by the line's models."""
    numbers: tuple[int, ...]
    """Qualifier numbers of the models that exist."""

    def model(self, number: int) -> str:
        """The model's name as documents print it: "Aster X2"."""
        return f"{self.root} {self.letter}{number}"

    def asked(self, number: int) -> str:
        """The model's name as questions write it: "Aster X-2".

        People type a qualifier their own way, as they say "version 3" of a policy the documents
        call "v3": matching a question to the right sibling's sheet takes more than exact tokens.
        """
        return f"{self.root} {self.letter}-{number}"

    @property
    def models(self) -> tuple[str, ...]:
        return tuple(self.model(n) for n in self.numbers)


_ASKED_QUALIFIER = re.compile(r"\b([A-Z])-(\d)\b")


def as_printed(text: str) -> str:
    """`text` with model names written as documents print them: "Aster X-2" becomes "Aster X2"."""
    return _ASKED_QUALIFIER.sub(r"\1\2", text)


class WrittenSentences:
    """The filler sentences written so far. Mutable: rendering adds every sentence it writes, so
    later documents can avoid repeating one (real documents rarely repeat a sentence verbatim)."""

    def __init__(self) -> None:
        self._sentences: set[str] = set()

    def __contains__(self, sentence: object) -> bool:
        return sentence in self._sentences

    def add(self, sentence: str) -> None:
        self._sentences.add(sentence)


@dataclass(frozen=True)
class World:
    """Everything that exists in one variant's organisation (frozen), and `written`, the one
    part that grows while documents are rendered."""

    seed: int
    org: str
    people: tuple[str, ...]
    teams: tuple[str, ...]
    spare_teams: tuple[str, ...]
    services: tuple[Service, ...]
    spare_services: tuple[str, ...]
    cities: tuple[str, ...]
    spare_cities: tuple[str, ...]
    families: tuple[ProductFamily, ...]
    suppliers: tuple[str, ...]
    pools: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: MappingProxyType({}))
    """Slot name → the names a filler sentence may use for it (e.g. "team": every used team)."""
    written: WrittenSentences = field(default_factory=WrittenSentences, compare=False)
    """Mutable: the filler sentences written so far (`sentence` adds to it)."""
    wording: str = SHIPPED
    """How facts and questions are worded (`corpus.wording`)."""

    def rng(self, *names: object) -> random.Random:
        """An independent generator for one named part of the variant (stable across runs)."""
        return random.Random("/".join([str(self.seed), *map(str, names)]))

    def filler(self, *names: object) -> SlotFiller:
        return SlotFiller(self.rng(*names), self.pools, bank.WORDS)

    def sentence(self, filler: SlotFiller, genre: str, **fixed: str) -> str:
        """One filler sentence of `genre` not yet used in the corpus (when a few draws allow).

        `avoid` values never appear (see SlotFiller). Documents are rendered in a fixed order,
        so the set of used sentences, and with it every draw, is the same on every run.
        """
        avoid = frozenset(fixed.pop("avoid", ()))
        for _ in range(SENTENCE_DRAWS):
            template = filler.rng.choice(GENRES[genre])
            if template in filler.templates_used:  # one document rarely says the same thing twice
                continue
            sentence = filler.fill(template, fixed, avoid)
            if sentence not in self.written:
                break
        else:
            sentence = filler.fill(template, fixed, avoid)
        filler.templates_used.add(template)
        self.written.add(sentence)
        return sentence


def build_world(seed: int, profile: Profile, wording: str = SHIPPED) -> World:
    if wording not in WORDINGS:
        raise ValueError(f"unknown wording {wording!r}: use one of {', '.join(WORDINGS)}")
    rng = random.Random(f"{seed}/world")
    knobs = profile.corpus
    org = rng.choice(bank.ORG_NAMES)

    people = _unique_names(rng, 400)
    team_count = knobs.team_directories * knobs.teams_per_directory + 8
    teams = _sample(rng, bank.TEAM_NAMES, team_count + SPARE, "TEAM_NAMES")
    service_names = _sample(rng, bank.SERVICE_NAMES, knobs.services + SPARE, "SERVICE_NAMES")
    used_teams = teams[:-SPARE]
    services = tuple(
        Service(name, rng.choice(used_teams)) for name in service_names[: knobs.services]
    )
    # more cities than offices: prose inside an office's section must name other cities
    office_count = knobs.office_guides * knobs.offices_per_guide + 8
    cities = _sample(rng, bank.CITIES, office_count + SPARE, "CITIES")
    roots = _sample(rng, bank.PRODUCT_ROOTS, knobs.product_families, "PRODUCT_ROOTS")
    families = []
    for root in roots:
        first = rng.randint(1, 5)
        families.append(
            ProductFamily(
                root=root,
                category=rng.choice(bank.PRODUCT_CATEGORIES),
                letter=rng.choice("BCDFGHKMNPRSTVXZ"),
                numbers=tuple(range(first, first + knobs.sibling_models)),
            )
        )
    supplier_count = knobs.registers * knobs.register_rows + 20
    suppliers = _supplier_names(rng, supplier_count)
    pools = {
        "org": (org,),
        "person": people,
        "first_name": tuple(sorted({p.split()[0] for p in people})),
        "team": used_teams,
        "service": tuple(s.name for s in services),
        "product": tuple(m for f in families for m in f.models),
        "city": cities[:-SPARE],
    }
    return World(
        seed=seed,
        org=org,
        people=people,
        teams=used_teams,
        spare_teams=teams[-SPARE:],
        services=services,
        spare_services=service_names[knobs.services :],
        cities=cities[:-SPARE],
        spare_cities=cities[-SPARE:],
        families=tuple(families),
        suppliers=suppliers,
        pools=MappingProxyType(pools),
        wording=wording,
    )


def _sample(rng: random.Random, pool, count: int, name: str) -> tuple[str, ...]:
    if count > len(pool):
        raise ValueError(f"the word bank {name} has {len(pool)} entries; {count} are needed")
    return tuple(rng.sample(list(pool), count))


def _unique_names(rng: random.Random, count: int) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[str] = set()
    while len(names) < count:
        name = f"{rng.choice(bank.FIRST_NAMES)} {rng.choice(bank.LAST_NAMES)}"
        if name not in seen:
            seen.add(name)
            names.append(name)
    return tuple(names)


def _supplier_names(rng: random.Random, count: int) -> tuple[str, ...]:
    names: list[str] = []
    seen: set[str] = set()
    for _ in range(count * 20):
        if len(names) == count:
            break
        word = rng.choice(bank.SUPPLIER_WORDS)
        name = f"{word} {rng.choice(bank.SUPPLIER_SUFFIXES)}"
        if word not in seen:  # one supplier per leading word keeps names unambiguous
            seen.add(word)
            names.append(name)
    return tuple(names)
