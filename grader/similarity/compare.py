"""Pairs of a round's submissions that share their own code, with the regions that match.

A pair's score is the share of the smaller submission's own fingerprints (the starter's removed)
that the other one holds too: 1.0 when one's own code is wholly inside the other's. A pair is
flagged when the score reaches `THRESHOLD` and they share at least `MIN_SHARED` fingerprints (a
few lines of the same idiom are not a shared solution). A flag asks a person to look: similar code
has innocent causes too (the same tutorial, the same assistant, a pair allowed to work together).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

from grader.similarity.fingerprints import Place
from grader.similarity.round import Member

THRESHOLD = 0.5
MIN_SHARED = 20  # fingerprints: about 20 runs of 15 tokens, a few dozen lines of code


@dataclass(frozen=True)
class Region:
    """Lines of one file of one submission that match lines of the other's."""

    path: str
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    shared: int  # fingerprints both hold, the starter's removed
    own_a: int
    own_b: int
    regions_a: tuple[Region, ...]
    regions_b: tuple[Region, ...]

    @property
    def score(self) -> float:
        smaller = min(self.own_a, self.own_b)
        return self.shared / smaller if smaller else 0.0

    @property
    def flagged(self) -> bool:
        return self.score >= THRESHOLD and self.shared >= MIN_SHARED


def compare(members: list[Member]) -> list[Pair]:
    """Every pair of `members`, highest score first (then by names)."""
    pairs = []
    for first, second in combinations(members, 2):
        shared = first.own.keys() & second.own.keys()
        pairs.append(
            Pair(
                first.name,
                second.name,
                len(shared),
                len(first.own),
                len(second.own),
                _regions(first.own[h] for h in shared),
                _regions(second.own[h] for h in shared),
            )
        )
    return sorted(pairs, key=lambda p: (-p.score, -p.shared, p.a, p.b))


def _regions(places: Iterable[Place]) -> tuple[Region, ...]:
    """The places merged into line ranges per file (touching or overlapping ranges join)."""
    by_file: dict[str, list[tuple[int, int]]] = {}
    for place in places:
        by_file.setdefault(place.path, []).append((place.first_line, place.last_line))
    regions: list[Region] = []
    for path in sorted(by_file):
        ranges = sorted(by_file[path])
        start, end = ranges[0]
        for first, last in ranges[1:]:
            if first <= end + 1:
                end = max(end, last)
            else:
                regions.append(Region(path, start, end))
                start, end = first, last
        regions.append(Region(path, start, end))
    return tuple(regions)
