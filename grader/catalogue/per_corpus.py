"""What an answerer derives from the corpus (a vocabulary, every document parsed), made once.

`answer_from` is handed the corpus on every call; what it derives from it is made on the first call
and reused while the same corpus object comes back. One corpus per process: a different corpus
replaces it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class PerCorpus(Generic[T]):
    """`make(docs)`, remembered for the latest `docs` (kept alive here, compared by identity)."""

    def __init__(self, make: Callable[[dict[str, str]], T]) -> None:
        self.make = make
        self._docs: dict[str, str] | None = None
        self._made: T | None = None

    def __call__(self, docs: dict[str, str]) -> T:
        if self._docs is not docs or self._made is None:
            self._made = self.make(docs)
            self._docs = docs
        return self._made
