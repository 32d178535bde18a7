"""Records passed between the pipeline's parts."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Chunk:
    """A piece of one document: what gets indexed, and where it sits in the document."""

    doc_id: str
    """The document's id (its file name without `.md`)."""
    start: int
    """Offset of the chunk's first character in the document text."""
    end: int
    """Offset just past the chunk's last character."""
    text: str
    """The text that is embedded and indexed; may add context (such as a title) to
    `document[start:end]`, but passages and citations always use the offsets."""


@dataclass(frozen=True)
class Hit:
    """A chunk found for a query: its index in the pipeline's chunk list and a score."""

    index: int
    score: float
