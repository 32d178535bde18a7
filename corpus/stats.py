"""`corpus stats`: size, question mix, lexical overlap per slice, and realism of a variant.

Overlap is `corpus.text.overlap(question, evidence)` averaged per slice (answerable questions,
hidden and public). Realism: the share of sentences (`corpus.text.prose_sentences`: paragraph
sentences and list items; headings and table rows are structure, not sentences) whose exact text
occurs only once in the whole corpus, and the number of distinct alphabetic words.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

from corpus.failure_modes import PARAPHRASE, SLICES
from corpus.key_file import HIDDEN_QUESTIONS, read_key_file
from corpus.profile import StarterKnobs
from corpus.text import alpha_words, overlap, prose_sentences
from corpus.variant import locate
from exercise.loading import default_questions_path, load_corpus, load_questions


@dataclass(frozen=True)
class Stats:
    documents: int
    characters: int
    starter_passages: int
    """Passages the starter's fixed-size chunker would make (`ceil(len(doc) / chunk_size)`)."""
    chunk_size: int
    questions: dict[str, dict[str, int]]
    """slice → {"hidden": n, "public": n} (public only when the key says their slices)."""
    overlap: dict[str, float]
    """slice → mean question/evidence content-word overlap (answerable slices)."""
    sentences: int
    unique_sentence_share: float
    distinct_words: int

    @property
    def paraphrase_overlap_ratio(self) -> float:
        """Paraphrase overlap divided by the mean overlap of the other answerable slices."""
        others = [v for s, v in self.overlap.items() if s != PARAPHRASE]
        if PARAPHRASE not in self.overlap or not others:
            return math.nan
        return self.overlap[PARAPHRASE] / (sum(others) / len(others))

    def to_json(self) -> dict:
        data = dict(self.__dict__)
        data["paraphrase_overlap_ratio"] = self.paraphrase_overlap_ratio
        return data


def compute_stats(folder: Path, chunk_size: int | None = None) -> Stats:
    found = locate(folder)
    if found is None:
        raise FileNotFoundError(f"{folder} is not a variant (no manifest.json found)")
    variant, key = found
    loaded = load_corpus(variant)
    docs = loaded.docs
    record = read_key_file(key) if key else None
    chunk = chunk_size or (record.chunk_size if record else StarterKnobs().chunk_size)

    lines = [("public", q) for q in load_questions(default_questions_path(variant), loaded)]
    if key and (key / HIDDEN_QUESTIONS).is_file():
        lines += [("hidden", q) for q in load_questions(key / HIDDEN_QUESTIONS, loaded)]
    public_slices = record.public_slices if record else {}
    counts: dict[str, Counter] = defaultdict(Counter)
    overlaps: dict[str, list[float]] = defaultdict(list)
    for which, q in lines:
        slice_ = q.labels.get("slice") or public_slices.get(q.id, "(unlabelled)")
        counts[slice_][which] += 1
        if q.evidence:
            evidence = " ".join(docs[e.doc_id][e.start : e.end] for e in q.evidence)
            overlaps[slice_].append(overlap(q.text, evidence))

    all_units = [u for text in docs.values() for u in prose_sentences(text)]
    words: set[str] = set()
    for text in docs.values():
        words |= alpha_words(text)
    order = [s for s in SLICES if s in counts] + sorted(set(counts) - set(SLICES))
    return Stats(
        documents=len(docs),
        characters=sum(len(t) for t in docs.values()),
        starter_passages=sum(math.ceil(len(t) / chunk) for t in docs.values()),
        chunk_size=chunk,
        questions={
            s: {"hidden": counts[s]["hidden"], "public": counts[s]["public"]} for s in order
        },
        overlap={s: sum(v) / len(v) for s, v in overlaps.items() if v},
        sentences=len(all_units),
        unique_sentence_share=_once_share(all_units),
        distinct_words=len(words),
    )


def _once_share(items: list[str]) -> float:
    if not items:
        return 0.0
    seen = Counter(items)
    return sum(1 for item in items if seen[item] == 1) / len(items)
