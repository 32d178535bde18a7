"""Packing a document's units (sentences, list items, table rows) into chunks of whole units.

A chunker that never splits a unit cuts the document into `(start, end)` spans first, in document
order, then groups consecutive spans greedily into windows no longer than its chunk size. Called
by the chunkers that keep sentences and table rows whole, for their prose and their tables.
"""

from __future__ import annotations


def pack(units: list[tuple[int, int]], size: int, *, overlap: bool) -> list[list[tuple[int, int]]]:
    """Greedy windows of whole units spanning at most `size` characters (a longer unit is a
    window of its own); with `overlap`, each window starts with the last unit of the one before."""
    windows: list[list[tuple[int, int]]] = []
    first = 0
    while first < len(units):
        last = first
        while last + 1 < len(units) and units[last + 1][1] - units[first][0] <= size:
            last += 1
        windows.append(units[first : last + 1])
        if last + 1 >= len(units):
            break
        first = last if overlap and last > first else last + 1
    return windows
