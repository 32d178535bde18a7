"""Second stage: rescore the first stage's candidates by term overlap and document currency.

The first stage returns `CANDIDATES` chunks; each gets a weighted sum of three features in [0, 1]:

- `first_stage`: its first-stage score, scaled over the candidates (best 1, worst 0), so the
  first stage's order carries over whatever its scale;
- `overlap`: the share of the query's words (`words.tokenize`) that the chunk contains, which
  favours the chunk that speaks of everything asked over one that matches part of it;
- `current`: whether the chunk comes from the current version of its document. Versioned
  documents are named `<name>-v<N>` (`policy-travel-v3`); older versions stay in the corpus for
  reference once superseded, and a reader needs the rules in force. A document without a version
  counts as current.
"""

from __future__ import annotations

import re

from .records import Chunk, Hit
from .words import tokenize

CANDIDATES = 20  # first-stage hits rescored per query
WEIGHTS = {"first_stage": 0.6, "overlap": 0.3, "current": 0.1}

_VERSIONED = re.compile(r"^(?P<name>.+)-v(?P<version>\d+)$")


def rerank(query: str, hits: list[Hit], chunks: list[Chunk], embedder) -> list[Hit]:
    """The hits rescored and sorted best first (a new list; `hits` is not modified)."""
    if not hits:
        return []
    latest = _latest_versions(chunks)
    query_words = set(tokenize(query))
    low = min(hit.score for hit in hits)
    spread = max(hit.score for hit in hits) - low
    scored = []
    for hit in hits:
        chunk = chunks[hit.index]
        features = {
            "first_stage": (hit.score - low) / spread if spread > 0 else 1.0,
            "overlap": (
                len(query_words & set(tokenize(chunk.text))) / len(query_words)
                if query_words
                else 0.0
            ),
            "current": float(_is_current(chunk.doc_id, latest)),
        }
        score = sum(WEIGHTS[name] * value for name, value in features.items())
        scored.append(Hit(hit.index, score))
    return sorted(
        scored, key=lambda h: (-h.score, chunks[h.index].doc_id, chunks[h.index].start, h.index)
    )


def _latest_versions(chunks: list[Chunk]) -> dict[str, int]:
    """Document name → the highest version of it in the corpus."""
    latest: dict[str, int] = {}
    for doc_id in {chunk.doc_id for chunk in chunks}:
        match = _VERSIONED.match(doc_id)
        if match:
            name, version = match["name"], int(match["version"])
            latest[name] = max(version, latest.get(name, version))
    return latest


def _is_current(doc_id: str, latest: dict[str, int]) -> bool:
    match = _VERSIONED.match(doc_id)
    return match is None or int(match["version"]) >= latest[match["name"]]
