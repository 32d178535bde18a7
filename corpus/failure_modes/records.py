"""The record types of the failure-mode registry (`corpus.failure_modes`).

They live apart from the package's `__init__` so that the per-component modules, which build one
record each, and the `__init__`, which gathers them, import in one direction only.
"""

from __future__ import annotations

from dataclasses import dataclass

# The pseudo-slice of an area judged over every answerable question rather than one slice.
ANSWERABLE = "answerable"
# The catalogue's best implementation of every component (and the solution made of them all).
REFERENCE = "reference"
# The catalogue's textbook implementation of every component (and the solution made of them all):
# the conventional fix of every planted weakness, the bar headroom above it is measured from.
SOUND = "sound"


@dataclass(frozen=True)
class Slice:
    """A kind of golden question: the failure mode a weakness causes and a fix cures."""

    name: str
    """The label on every hidden question line (`"slice"`), and the profile's question key."""
    asks: str
    """What a question of the slice does, and why a weak pipeline misses it."""
    verified: str
    """The property `corpus verify` proves for every question of the slice."""
    primary_metric: str
    """The metric calibration headlines and report columns judge the slice by."""
    hidden: int
    """Default hidden question count (profile `[questions.hidden]`)."""
    public: int
    """Default public question count (profile `[questions.public]`)."""
    supply_knobs: str
    """The corpus knobs that raise the slice's supply of facts (named when a mix is impossible)."""
    listed_unasked: bool = True
    """Whether a profile's settings (key.json, the hash calibrations record) list the slice's
    counts when it asks none. False for a slice added after profiles were hashed: a profile that
    does not ask it hashes as it did before the slice existed, and settings read back give a
    slice they do not list 0."""
    observe: str = ""
    """What the pairing guide adds to its component's observations when the variant's public
    questions ask the slice (a slice added after its component's notes were written)."""


@dataclass(frozen=True)
class Debrief:
    """What the debrief guide looks for in NOTES.md and asks about one area."""

    keywords: tuple[str, ...]
    """Word starts that mark the area in NOTES.md (matched case-insensitively at a word start)."""
    done: tuple[str, ...]
    """Questions when the area was fixed or improved: how, and what was tried."""
    open: tuple[str, ...]
    """Questions when it was not (may name `{values}`, the rows' figures, and `{now}`, the
    weakest row's figure)."""
    cost: str
    """The question on what the fix cost (may name `{build}`, `{search}`, `{answer}`, `{rss}`)."""


@dataclass(frozen=True)
class Area:
    """A diagnosis area: a row group of the report, with a verdict over the starter."""

    name: str
    """The area's key in reports (`diagnosis.areas`, `verdict.<area>` columns)."""
    title: str
    """The area as reports print it."""
    slices: tuple[str, ...]
    """The slices it is judged on, or (`ANSWERABLE`,) for every answerable question."""
    metrics: tuple[str, ...]
    """The metric(s) each of those slices is judged by."""
    debrief: Debrief
    """What the debrief guide asks about it."""
    beyond_textbook: bool = False
    """The textbook (sound) implementation of its component leaves the area's failure in place:
    calibration judges the area by the reference's lift over the sound solution (what a
    candidate adds beyond the textbook fix), not by its component's fix over the starter."""


@dataclass(frozen=True)
class Planted:
    """A planted implementation of a component in the grader's catalogue."""

    name: str
    """Its catalogue module, `grader/catalogue/<component>/<name>.py`."""
    flaw: str
    """What is wrong with it, for the interviewer only (may name `{chunk_size}`)."""


@dataclass(frozen=True)
class PairingNotes:
    """What the pairing guide says about a planted component."""

    title: str
    """The area as the candidate would name it."""
    symptoms: str
    """What the candidate can see in `make eval` / `make watch`."""
    observe: tuple[str, ...]
    """What to watch for while they work on it (may name `{passage_cap}`)."""
    hints: tuple[str, str, str]
    """Nudge, pointer, near-answer: give the next only after being stuck again."""
    good_fix: str
    """What a sound fix looks like."""
    moves: str
    """Which numbers a fix moves in `make watch`."""
    discuss: tuple[str, ...]
    """Questions for the wrap-up."""


@dataclass(frozen=True)
class FailureMode:
    """One pipeline component, what can be planted in it, and everything that reports on it."""

    component: str
    """The component: `rag/<component>.py`, the profile's `[weaknesses]` key, a catalogue folder."""
    knob_doc: str
    """What the component does (the `[weaknesses]` knob's documentation)."""
    default: str
    """The planted implementation a profile ships unless it says otherwise (one of `planted`)."""
    planted: tuple[Planted, ...]
    """Every planted implementation of the component."""
    slices: tuple[Slice, ...]
    """The slices the planted implementations break, in report order."""
    areas: tuple[Area, ...]
    """The diagnosis areas that show a fix, in report order."""
    pairing: PairingNotes
    """What the pairing guide says when the component is planted."""
    reference: str = REFERENCE
    """The sound implementation the reference solution uses."""
    sound: str = SOUND
    """The textbook implementation the sound solution uses."""

    def __post_init__(self) -> None:
        names = [p.name for p in self.planted]
        if self.default not in names:
            raise ValueError(
                f"{self.component}: default {self.default!r} is not planted; "
                f"planted: {', '.join(names)}"
            )
        own = {s.name for s in self.slices} | {ANSWERABLE}
        for area in self.areas:
            stray = [s for s in area.slices if s not in own]
            if stray:
                raise ValueError(
                    f"{self.component}: area {area.name} is judged on {', '.join(stray)}, "
                    f"not a slice of this component; its slices: {', '.join(sorted(own))}"
                )

    def flaw(self, implementation: str) -> str | None:
        """What is wrong with a planted implementation; None for one the registry does not plant."""
        return next((p.flaw for p in self.planted if p.name == implementation), None)
