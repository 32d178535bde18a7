"""Filling `{slot}` templates: the dynamic slots the generator computes, plus word lists.

`DYNAMIC_SLOTS` documents every slot the generator fills itself; any other slot must be a key of
`corpus.banks.words.WORDS`.
"""

from __future__ import annotations

import functools
import random
import string
from collections.abc import Callable, Mapping, Sequence

DYNAMIC_SLOTS: dict[str, str] = {
    "org": "the organisation's name, e.g. Norvale",
    "person": "a full name, e.g. Priya Raman",
    "first_name": "a first name, e.g. Priya",
    "team": "a team's bare name, e.g. Falcon (write 'the {team} team')",
    "service": "a service's bare lower-case name, e.g. ledger (write 'the {service} service')",
    "product": "a product model, e.g. Aster X2",
    "city": "a city where the organisation has an office, e.g. Lisbon",
    "date": "a day and month, e.g. 14 March",
    "weekday": "a weekday, e.g. Tuesday",
    "month": "a month, e.g. March",
    "year": "a year between 2021 and 2026",
    "quarter": "a quarter, e.g. Q3",
    "time": "a time of day, e.g. 09:30",
    "n": "a small number as digits, 2 to 9",
    "count": "a number as digits, 10 to 900",
    "percent": "a percentage, e.g. 17%",
    "duration": "a duration in words, e.g. three weeks",
    "ticket": "a ticket id, e.g. OPS-4821",
    "version": "a version string, e.g. 2.14.1",
    "channel": "a chat channel, e.g. #ops-review",
}


MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")
DURATIONS = (
    "two days",
    "three days",
    "a week",
    "ten days",
    "two weeks",
    "three weeks",
    "a month",
    "six weeks",
    "two months",
    "a quarter",
    "four days",
    "five weeks",
)
_CHANNEL_AREAS = (
    "ops",
    "infra",
    "release",
    "platform",
    "data",
    "security",
    "finance",
    "people",
    "support",
    "design",
    "mobile",
    "web",
    "growth",
    "billing",
    "hardware",
    "field",
)
_CHANNEL_KINDS = ("review", "help", "alerts", "announce", "triage", "sync", "questions", "news")
_NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine")


@functools.lru_cache(maxsize=8192)
def template_slots(template: str) -> tuple[str, ...]:
    """The slot names a template uses, in order (repeats included)."""
    return tuple(name for _, name, _, _ in string.Formatter().parse(template) if name is not None)


def capitalise(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]


class SlotFiller:
    """Fills templates with values drawn from the world's entities and the word lists.

    `fixed` pins slots (e.g. the document's own service); `avoid` lists values a draw must not
    produce (e.g. a team whose name may appear only in its section heading).
    """

    def __init__(
        self,
        rng: random.Random,
        pools: Mapping[str, Sequence[str]],
        words: Mapping[str, Sequence[str]],
    ) -> None:
        self.rng = rng
        self.templates_used: set[str] = set()
        """Templates already used in this filler's document (see `World.sentence`)."""
        self._pools = pools
        self._words = words
        self._dynamic: dict[str, Callable[[], str]] = {
            "date": lambda: f"{rng.randint(1, 28)} {rng.choice(MONTHS)}",
            "weekday": lambda: rng.choice(WEEKDAYS),
            "month": lambda: rng.choice(MONTHS),
            "year": lambda: str(rng.randint(2021, 2026)),
            "quarter": lambda: f"Q{rng.randint(1, 4)}",
            "time": lambda: f"{rng.randint(7, 18):02d}:{rng.choice((0, 15, 30, 45)):02d}",
            "n": lambda: str(rng.randint(2, 9)),
            "count": lambda: str(rng.randint(10, 900)),
            "percent": lambda: f"{rng.randint(2, 95)}%",
            "duration": lambda: rng.choice(DURATIONS),
            "ticket": lambda: (
                f"{rng.choice(('OPS', 'PLAT', 'SEC', 'FIN', 'HR'))}-{rng.randint(1000, 9999)}"
            ),
            "version": lambda: f"{rng.randint(1, 9)}.{rng.randint(0, 30)}.{rng.randint(0, 12)}",
            "channel": lambda: f"#{rng.choice(_CHANNEL_AREAS)}-{rng.choice(_CHANNEL_KINDS)}",
        }

    def value(self, slot: str, avoid: frozenset[str] = frozenset()) -> str:
        if slot in self._pools:
            pool = self._pools[slot]
            for _ in range(50):
                choice = self.rng.choice(pool)
                if choice not in avoid:
                    return choice
            raise ValueError(f"slot {slot!r}: every value is excluded")
        if slot in self._dynamic:
            return self._dynamic[slot]()
        if slot in self._words:
            return self.rng.choice(self._words[slot])
        raise KeyError(f"unknown template slot {{{slot}}}")

    def fill(
        self,
        template: str,
        fixed: Mapping[str, str] | None = None,
        avoid: frozenset[str] = frozenset(),
        *,
        sentence: bool = True,
    ) -> str:
        """Fill every slot; a `sentence` gets its first letter capitalised, a value does not."""
        fixed = fixed or {}
        values = {}
        for slot in template_slots(template):
            if slot not in values:
                values[slot] = fixed[slot] if slot in fixed else self.value(slot, avoid)
        text = template.format(**values)
        return capitalise(text) if sentence else text

    def number_word(self) -> str:
        return self.rng.choice(_NUMBER_WORDS)
