"""Items: what a question asks, the same in every variant (`CandidateQuestion.item`).

Cohort statistics compare a round of per-candidate variants per item, and a profile may retire
items (`[questions] retired`) so that no variant asks them again. Every renderer names its items
with its own `item` helper; `known_items` lists every item any variant can ask.
"""

from __future__ import annotations

import difflib

from corpus.genres import (
    bridges,
    glossary,
    handbooks,
    incidents,
    policies,
    products,
    registers,
    sections,
    services,
)
from corpus.questions import UNANSWERABLE_KINDS, unanswerable_item


def known_items() -> frozenset[str]:
    return frozenset(
        {unanswerable_item(kind) for kind in UNANSWERABLE_KINDS}
        | bridges.items()
        | glossary.items()
        | handbooks.items()
        | incidents.items()
        | policies.items()
        | products.items()
        | registers.items()
        | sections.items()
        | services.items()
    )


def unknown_items(names: tuple[str, ...]) -> list[str]:
    """For each name that is no item: the name and, when there is one, the closest item."""
    known = known_items()
    problems = []
    for name in names:
        if name not in known:
            close = difflib.get_close_matches(name, sorted(known), n=1)
            problems.append(f"{name!r}" + (f" (did you mean {close[0]!r}?)" if close else ""))
    return problems
