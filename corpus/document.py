"""Building one Markdown document while recording the exact offsets of what was written.

Renderers append headings, paragraphs, lists and tables through `DocBuilder`; every append
returns the `(start, end)` offsets of the pieces, so a golden question's evidence is known by
construction rather than searched for afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass

from exercise.types import Span

Offsets = tuple[int, int]


@dataclass(frozen=True)
class CandidateQuestion:
    """A question a renderer can ask, with its answer and evidence, before selection."""

    slice: str
    """The failure mode the question exercises."""
    fact: str
    """Key of the underlying fact; no two selected questions share one."""
    item: str
    """What the question asks, the same in every variant (e.g. `handbook/parental_leave`,
    `product/weight`): the generator and bank entry without the variant's names, values or codes.
    Cohort statistics pool questions across per-candidate variants by it."""
    text: str
    answer: str
    evidence: tuple[Span, ...]
    tier: int = 0
    """Selection order: every candidate of tier 0 is drawn from before any of tier 1, so a
    renderer can keep questions whose failure is another component's for when the rest run out."""
    band: int = 0
    """How hard the question is by a measure the renderer knows (e.g. how clearly a sound
    encoder tells its evidence from similar facts). Each band present gives an equal share of
    the questions (drawn by tier within it), so every variant asks the same mix of clear and
    hard ones."""


@dataclass(frozen=True)
class Document:
    """A rendered document: its id, its exact text and the questions it can answer."""

    doc_id: str
    text: str
    candidates: tuple[CandidateQuestion, ...]


class DocBuilder:
    """Appends Markdown blocks separated by blank lines; tracks offsets of what it wrote."""

    def __init__(self, doc_id: str, title: str) -> None:
        self.doc_id = doc_id
        self._parts: list[str] = []
        self._length = 0
        self.candidates: list[CandidateQuestion] = []
        self.heading(1, title)

    @property
    def offset(self) -> int:
        """Where the next block's text starts."""
        return self._length

    def _block(self, text: str) -> int:
        start = self._length
        self._parts.append(text + "\n\n")
        self._length += len(text) + 2
        return start

    def heading(self, level: int, text: str) -> Offsets:
        start = self._block("#" * level + " " + text) + level + 1
        return start, start + len(text)

    def paragraph(self, sentences: Sequence[str]) -> list[Offsets]:
        """One paragraph; returns the offsets of each sentence."""
        start = self._block(" ".join(sentences))
        spans = []
        for sentence in sentences:
            spans.append((start, start + len(sentence)))
            start += len(sentence) + 1
        return spans

    def bullets(self, items: Sequence[str]) -> list[Offsets]:
        """A bulleted list; returns the offsets of each item's text (without the dash)."""
        start = self._block("\n".join("- " + item for item in items))
        spans = []
        for item in items:
            spans.append((start + 2, start + 2 + len(item)))
            start += len(item) + 3
        return spans

    def table(self, header: Sequence[str], rows: Sequence[Sequence[str]]) -> list[Offsets]:
        """A Markdown table; returns the offsets of each body row's line."""
        lines = [_row(header), "|" + "|".join("---" for _ in header) + "|"]
        lines += [_row(r) for r in rows]
        start = self._block("\n".join(lines))
        start += len(lines[0]) + len(lines[1]) + 2
        spans = []
        for line in lines[2:]:
            spans.append((start, start + len(line)))
            start += len(line) + 1
        return spans

    def paragraph_across(
        self,
        fixed: Sequence[str],
        filler: Callable[[], str],
        chunk: int,
        *,
        cross: str,
    ) -> list[Offsets]:
        """A paragraph of filler sentences, then `fixed`, placed relative to a chunk edge.

        cross="inside": a multiple of `chunk` falls strictly inside the fixed sentences (a
        fixed-size chunker splits them). cross="before": a multiple of `chunk` lies between the
        start of this paragraph and the fixed sentences (a fixed-size chunk holding them does not
        reach back to what precedes the paragraph). Filler sentences are drawn until that holds.
        """
        start = self._length
        fixed_len = sum(len(s) + 1 for s in fixed) - 1
        before: list[str] = []
        pos = start  # where the fixed sentences would start
        for _ in range(200):
            if _placed(start, pos, fixed_len, chunk, cross):
                return self.paragraph([*before, *fixed])[len(before) :]

            # Prefer a sentence that lands the fixed part in place; otherwise take any and retry
            # at the next chunk edge (sentence lengths vary, so some draw fits within a few).
            def lands(s: str, pos: int = pos) -> bool:
                return _placed(start, pos + len(s) + 1, fixed_len, chunk, cross)

            sentence = _landing(filler, lands)
            before.append(sentence)
            pos += len(sentence) + 1
        raise RuntimeError(f"{self.doc_id}: could not place a paragraph across a chunk edge")

    def paragraph_within(
        self,
        sentences: Sequence[str],
        keep: Collection[int],
        filler: Callable[[], str],
        chunk: int | None,
        place: Offsets | None = None,
    ) -> list[Offsets]:
        """One paragraph of `sentences` in which each sentence numbered in `keep` lies inside one
        `chunk`-sized window (no multiple of `chunk` falls strictly inside it) and, when `place`
        is given as `(lo, hi)`, between offsets `lo` and `hi` of that window; returns the offsets
        of `sentences` only.

        Only boundary evidence is meant to be cut by the starter's fixed-size chunker: evidence of
        the other slices that a chunk edge happened to split could not be found by any fix but
        the chunker's, which would blur what the other fixes achieve. Where a kept sentence would
        straddle an edge, filler sentences are drawn in front of it until it does not. With
        `chunk` None the paragraph is written as given.
        """
        written: list[str] = []
        mine: list[int] = []  # index in `written` of each of `sentences`
        pos = self._length  # where the next sentence would start
        for i, sentence in enumerate(sentences):
            if chunk and i in keep:
                for _ in range(200):
                    if _fits(pos, len(sentence), chunk, place):
                        break

                    # Prefer a filler sentence that lands this one in place; else take any.
                    def lands(s: str, pos: int = pos, n: int = len(sentence)) -> bool:
                        return _fits(pos + len(s) + 1, n, chunk, place)

                    extra = _landing(filler, lands)
                    written.append(extra)
                    pos += len(extra) + 1
                else:
                    raise RuntimeError(f"{self.doc_id}: could not keep a sentence inside a chunk")
            mine.append(len(written))
            written.append(sentence)
            pos += len(sentence) + 1
        spans = self.paragraph(written)
        return [spans[j] for j in mine]

    def section_led_by(
        self,
        level: int,
        title: str,
        sentences: Sequence[str],
        filler: Callable[[], str],
        chunk: int | None,
        place: Offsets | None = None,
    ) -> list[Offsets]:
        """A heading, then a paragraph of `sentences` whose first sentence lies inside one
        `chunk`-sized window and, when `place` is given, between its offsets `lo` and `hi`;
        returns the offsets of `sentences`.

        The first sentence stays the first of its section, so a chunker that starts a chunk at
        every heading puts it at the head of a chunk too. Where it would land out of place, a
        paragraph of filler sentences is written first, closing the previous section. With
        `chunk` None the section is written as given.
        """
        head_len = level + 1 + len(title) + 2  # "## Title" and the blank line after it
        lead = len(sentences[0])
        pad: list[str] = []
        pos = self._length + head_len  # where the first sentence would start
        if chunk:
            for _ in range(200):
                if _fits(pos, lead, chunk, place):
                    break
                # Prefer a filler sentence that lands the section in place; else take any.
                gap = 1 if pad else 2  # a space, or the padding paragraph's blank line

                def lands(s: str, pos: int = pos, gap: int = gap) -> bool:
                    return _fits(pos + len(s) + gap, lead, chunk, place)

                extra = _landing(filler, lands)
                pad.append(extra)
                pos += len(extra) + gap
            else:
                raise RuntimeError(f"{self.doc_id}: could not place a section's first sentence")
        if pad:
            self.paragraph(pad)
        self.heading(level, title)
        return self.paragraph(sentences)

    def build(self) -> Document:
        text = "".join(self._parts).rstrip("\n") + "\n"
        return Document(self.doc_id, text, tuple(self.candidates))

    def ask(
        self,
        slice_: str,
        fact: str,
        question: str,
        answer: str,
        *spans: Offsets,
        item: str,
        tier: int = 0,
        band: int = 0,
    ) -> None:
        """Record a question this document answers, with evidence in this document (`item`,
        `tier` and `band`: see `CandidateQuestion`)."""
        evidence = tuple(Span(self.doc_id, s, e) for s, e in spans)
        self.candidates.append(
            CandidateQuestion(slice_, fact, item, question, answer, evidence, tier, band)
        )


def _row(cells: Sequence[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def straddles(span: Offsets, chunk: int) -> bool:
    """Whether a multiple of `chunk` falls strictly inside `span` (a fixed-size chunker cuts it)."""
    return _straddles(span[0], span[1] - span[0], chunk)


def _straddles(start: int, length: int, chunk: int) -> bool:
    return start // chunk != (start + length - 1) // chunk


def within_reach(chunk: int | None) -> Offsets | None:
    """Where in a starter chunk a near-duplicate's fact goes: in its first 2/5 (200 of 500
    characters), inside the ~64 tokens the starter's encoder reads. The starter then finds the
    sibling sheets' statements together, and telling them apart is left to ranking: a fix to any
    other component cannot pass off as a second stage by bringing the statement into reach."""
    return (0, chunk * 2 // 5) if chunk else None


def out_of_reach(chunk: int | None) -> Offsets | None:
    """Where in a starter chunk a statement goes that the starter's encoder must not read: past
    the chunk's first 3/5 (300 of 500 characters), beyond the ~64 tokens it reads, as a line deep
    in a long page is for any single-vector encoder with a short window. The chunk's vector then
    stands for its other text: an identifier is found only by exact matching over the chunk's
    whole text, a rule asked about in other words only by an encoder that reads the whole chunk."""
    return (chunk * 3 // 5, chunk) if chunk else None


def _landing(filler: Callable[[], str], lands: Callable[[str], bool]) -> str:
    """A filler sentence for which `lands` holds, if one of 26 draws gives it; else the last."""
    sentence = filler()
    for _ in range(25):
        if lands(sentence):
            break
        sentence = filler()
    return sentence


def _fits(start: int, length: int, chunk: int, place: Offsets | None) -> bool:
    if _straddles(start, length, chunk):
        return False
    lo, hi = place or (0, chunk)
    return lo <= start % chunk and start % chunk + length <= hi


def _placed(par_start: int, pos: int, fixed_len: int, chunk: int, cross: str) -> bool:
    if cross == "inside":
        edge = (pos // chunk + 1) * chunk  # first multiple of chunk after pos
        return edge < pos + fixed_len
    # "before": every chunk that holds position pos starts at or after the paragraph's start
    return (pos // chunk) * chunk >= par_start
