"""The failure-mode registry: the one place the product's vocabulary is declared.

Each pipeline component has a module here holding its one `FailureMode` record: what the
component does (the profile's `[weaknesses]` knob), its planted, reference and sound (textbook)
implementations, the question slices its weaknesses break (with what each asks, what `corpus
verify` proves, the metric it is judged by and its default question counts), the diagnosis areas
that show a fix (with the debrief's keywords and questions) and the pairing guide's notes.
`REGISTRY` lists them in report order; every other table (profile defaults, diagnosis areas,
calibration rules, report columns, debrief and pairing texts) is derived from it, and nothing else
spells a slice, area or component name (a test walks the source for strays).

Adding a failure mode: a module here with its record, an entry in `REGISTRY`, the generator that
writes its questions (corpus/genres/, with its `corpus verify` check in corpus/validate.py) and its
implementations in the grader's catalogue.

The generator and the grader import this package; it imports nothing of either.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from corpus.failure_modes import answering, chunking, embedding, reranking, retrieval
from corpus.failure_modes.answering import (
    ABSTENTION_AREA,
    AGGREGATE,
    AGGREGATE_AREA,
    CITATIONS_AREA,
    UNANSWERABLE,
    UNSTATED,
    UNSTATED_AREA,
)
from corpus.failure_modes.chunking import BOUNDARY, HEADING, TABLE
from corpus.failure_modes.embedding import PARAPHRASE
from corpus.failure_modes.records import (
    ANSWERABLE,
    REFERENCE,
    SOUND,
    Area,
    Debrief,
    FailureMode,
    PairingNotes,
    Planted,
    Slice,
)
from corpus.failure_modes.reranking import DISTRACTOR, TEMPORAL, TEMPORAL_AREA
from corpus.failure_modes.retrieval import (
    IDENTIFIER,
    MULTIHOP,
    MULTIHOP_AREA,
    REFORMULATION,
    REFORMULATION_AREA,
)

__all__ = [
    "ABSTENTION_AREA",
    "AGGREGATE",
    "AGGREGATE_AREA",
    "ANSWERABLE",
    "ANSWERING",
    "AREAS",
    "BOUNDARY",
    "CHUNKING",
    "CITATIONS_AREA",
    "COMPONENTS",
    "COMPONENT_AREAS",
    "DISTRACTOR",
    "EMBEDDING",
    "EMBEDDINGS_AREA",
    "HEADING",
    "IDENTIFIER",
    "LEXICAL_AREA",
    "MULTIHOP",
    "MULTIHOP_AREA",
    "REFORMULATION",
    "REFORMULATION_AREA",
    "PARAPHRASE",
    "JUDGED_METRIC",
    "PRIMARY_METRIC",
    "REFERENCE",
    "REGISTRY",
    "RERANKING",
    "RETRIEVAL",
    "SLICES",
    "SLICE_RECORDS",
    "SOUND",
    "TABLE",
    "TEMPORAL",
    "TEMPORAL_AREA",
    "UNANSWERABLE",
    "UNANSWERABLE_SLICES",
    "UNSTATED",
    "UNSTATED_AREA",
    "Area",
    "Debrief",
    "FailureMode",
    "Planted",
    "PairingNotes",
    "Slice",
    "area",
    "failure_mode",
    "slice_record",
]

REGISTRY: tuple[FailureMode, ...] = (
    chunking.FAILURE_MODE,
    embedding.FAILURE_MODE,
    retrieval.FAILURE_MODE,
    reranking.FAILURE_MODE,
    answering.FAILURE_MODE,
)

# Component names, for code that must name one component (the rest iterate over REGISTRY).
CHUNKING = chunking.COMPONENT
EMBEDDING = embedding.COMPONENT
RETRIEVAL = retrieval.COMPONENT
RERANKING = reranking.COMPONENT
ANSWERING = answering.COMPONENT
# Area names that are not also component names.
EMBEDDINGS_AREA = embedding.AREA
LEXICAL_AREA = retrieval.AREA

COMPONENTS: tuple[str, ...] = tuple(fm.component for fm in REGISTRY)
"""Pipeline components in report order (the profile's `[weaknesses]` keys)."""
SLICE_RECORDS: tuple[Slice, ...] = tuple(s for fm in REGISTRY for s in fm.slices)
SLICES: tuple[str, ...] = tuple(s.name for s in SLICE_RECORDS)
"""Question slices in report order."""
AREAS: tuple[Area, ...] = tuple(a for fm in REGISTRY for a in fm.areas)
"""Diagnosis areas in report order."""
COMPONENT_AREAS: Mapping[str, tuple[str, ...]] = MappingProxyType(
    {fm.component: tuple(a.name for a in fm.areas) for fm in REGISTRY}
)
"""Component → the diagnosis areas that show its fix."""
PRIMARY_METRIC: Mapping[str, str] = MappingProxyType(
    {s.name: s.primary_metric for s in SLICE_RECORDS}
)
"""Slice → the metric it is judged by in calibration headlines and report columns."""


def _judged_metrics() -> dict[str, str]:
    judged: dict[str, str] = {}
    for record in AREAS:
        for name in record.slices:
            if name != ANSWERABLE:
                judged.setdefault(name, record.metrics[0])
    return {name: judged.get(name, PRIMARY_METRIC[name]) for name in SLICES}


JUDGED_METRIC: Mapping[str, str] = MappingProxyType(_judged_metrics())
"""Slice → the metric the diagnosis judges it by: the first metric of the area judged on it
(reranking judges distractors by recall@1), else the slice's primary metric. Reports show every
per-slice figure by it."""
UNANSWERABLE_SLICES: frozenset[str] = frozenset({UNANSWERABLE, UNSTATED})
"""The slices whose questions the corpus cannot answer (their lines say `"unanswerable": true`):
one names something absent, the other a real entity whose fact is not given."""


def failure_mode(component: str) -> FailureMode:
    """The record of a component; a ValueError names an unknown one and the components."""
    return _lookup({fm.component: fm for fm in REGISTRY}, component, "component")


def area(name: str) -> Area:
    """The record of a diagnosis area; a ValueError names an unknown one and the areas."""
    return _lookup({a.name: a for a in AREAS}, name, "area")


def slice_record(name: str) -> Slice:
    """The record of a slice; a ValueError names an unknown one and the slices."""
    return _lookup({s.name: s for s in SLICE_RECORDS}, name, "slice")


def _lookup(table: dict, name: str, kind: str):
    if name not in table:
        raise ValueError(f"unknown {kind} {name!r}; {kind}s: {', '.join(table)}")
    return table[name]


def _check_unique() -> None:
    for kind, names in (
        ("component", COMPONENTS),
        ("slice", SLICES),
        ("area", [a.name for a in AREAS]),
    ):
        repeated = sorted({n for n in names if names.count(n) > 1})
        if repeated:
            raise ValueError(f"the registry names the {kind} {', '.join(repeated)} twice")


_check_unique()
