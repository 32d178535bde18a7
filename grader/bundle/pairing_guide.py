"""The interviewer's pairing guide: how to run, hint and score a pairing round on one bundle.

A bundle whose profile plants at most `MAX_PLANTED` components (the `pair` profile plants two)
is sized for a pairing round: about an hour with the interviewer watching `make watch` on the
candidate's screen. For such a bundle `grader.bundle.build` writes `pairing_guide(...)` to
OUT/key/pairing_guide.md, next to the answer key and never into the bundle: it names what is
planted, which public questions show it, the hints to give and how to score the conversation.
The text is derived from the profile, the variant and the component selection only, so the same
inputs give the same guide.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from corpus.failure_modes import COMPONENTS, REGISTRY, PairingNotes, slice_record
from corpus.profile import Profile
from corpus.questions import Question
from corpus.variant import Variant
from grader.catalogue import REFERENCE

GUIDE_FILE = "pairing_guide.md"
MAX_PLANTED = 2  # more planted components than this do not fit a pairing round
QUESTIONS_LISTED = 4  # public questions listed per area
# Shares of the time box per stage; the planted areas share AREAS_SHARE between them.
ORIENTATION_SHARE, AREAS_SHARE, WRAP_UP_SHARE, DEBRIEF_SHARE = 0.15, 0.6, 0.15, 0.10
STUCK_MINUTES = 5  # no new hypothesis or measurement for this long counts as stuck


@dataclass(frozen=True)
class AreaNotes(PairingNotes):
    """The registry's pairing notes on one planted component, with what the guide adds."""

    planted: Mapping[str, str]
    """implementation name → what is wrong with it (for the interviewer only)."""
    slices: tuple[str, ...]
    """The question slices it breaks; their public questions are the ones to point at."""


# component → its notes: the registry's pairing notes, planted implementations and slices
AREAS: Mapping[str, AreaNotes] = {
    fm.component: AreaNotes(
        planted={p.name: p.flaw for p in fm.planted},
        slices=tuple(s.name for s in fm.slices),
        **{f.name: getattr(fm.pairing, f.name) for f in dataclasses.fields(PairingNotes)},
    )
    for fm in REGISTRY
}


# component → the implementations with nothing planted in them: the reference and the textbook one
_NOT_PLANTED: Mapping[str, tuple[str, str]] = {
    fm.component: (fm.reference, fm.sound) for fm in REGISTRY
}


def planted_components(components: Mapping[str, str]) -> tuple[str, ...]:
    """The components of a (normalised) selection that ship something other than the reference
    or the textbook (sound) implementation."""
    return tuple(c for c in COMPONENTS if components.get(c, REFERENCE) not in _NOT_PLANTED[c])


def wants_pairing_guide(components: Mapping[str, str]) -> bool:
    """Whether a bundle with this selection is a pairing round: 1 to MAX_PLANTED planted."""
    return 1 <= len(planted_components(components)) <= MAX_PLANTED


def pairing_guide(
    profile: Profile, variant: Variant, components: Mapping[str, str], *, candidate: str
) -> str:
    """The guide as Markdown, for a selection with 1 to MAX_PLANTED planted components."""
    planted = planted_components(components)
    if not 1 <= len(planted) <= MAX_PLANTED:
        raise ValueError(
            f"a pairing guide needs 1 to {MAX_PLANTED} planted components, got {len(planted)} "
            f"({', '.join(planted) or 'none'})"
        )
    facts = {
        "chunk_size": f"{profile.starter.chunk_size:,}",
        "passage_cap": f"{profile.judging.passage_cap:,}",
    }
    total = max(30, round(profile.budgets.time_box_hours * 60))
    stages = _stages(total, planted)
    out: list[str] = []
    add = out.append
    add(f"# Pairing guide: {candidate}")
    add("")
    add(
        f"Profile `{profile.name}`, seed {variant.seed}: {len(variant.docs)} documents, "
        f"{len(variant.public)} public and {len(variant.hidden)} hidden questions; the brief "
        f"announces about {total} minutes. **For the interviewer only: never share this file.**"
    )
    add("")
    add(
        "Planted: "
        + "; ".join(f"**{AREAS[c].title.lower()}** (`{c}/{components[c]}`)" for c in planted)
        + ". Shipped sound: "
        + (", ".join(c for c in COMPONENTS if c not in planted) or "nothing")
        + "."
    )
    add("")
    add("## Before the session")
    add("")
    add(
        "- Send the bundle a day ahead and ask the candidate to run `make setup` (it installs "
        "torch: minutes) and `make eval` once (the first run embeds the corpus; later runs reuse "
        "the cache), so the session starts warm."
    )
    add(
        "- In the session: the candidate shares a terminal running `make watch` next to their "
        "editor. Every save re-runs the public evaluation (the pipeline is rebuilt, embeddings "
        "come from the cache: expect tens of seconds per run on a laptop) and shows which numbers "
        "moved and which questions newly pass or fail the *found* (evidence in the top 5) and "
        "*answered* checks; each run is also appended to `eval_history.jsonl`."
    )
    add(
        "- Let them drive. Your job is to watch how they reason, ask them to think aloud, and "
        "give hints only when they are stuck (below). Note the time of every hint and its level."
    )
    add("")
    add("## Timeline")
    add("")
    add("| minutes | stage | goal |")
    add("|---|---|---|")
    for start, end, title, goal in stages:
        add(f"| {start}–{end} | {title} | {goal} |")
    add("")
    add(
        f'The planted areas may be found in either order: follow the candidate. "Stuck" means '
        f"no new hypothesis and no new measurement for about {STUCK_MINUTES} minutes; give the "
        f"next hint level only after being stuck again."
    )
    add("")
    add("## 1. Orientation")
    add("")
    add("What to observe:")
    add("")
    for line in (
        'Do they read the brief\'s "How you are graded" and `exercise/README.md` to learn what '
        "each number means, or start editing straight away?",
        "Do they run `make eval` and read the worst questions (expected vs what came back)?",
        "Do they name a first hypothesis and say how they will check it?",
    ):
        add(f"- {line}")
    add("")
    add(
        'If stuck: "Which number is furthest from where you would want it, and which questions '
        'pull it down?"'
    )
    for number, component in enumerate(planted, start=2):
        out += _area_section(number, component, components[component], variant.public, facts)
    sound = [AREAS[c].title.lower() for c in COMPONENTS if c not in planted]
    if sound:
        add("")
        add("## If they head into a sound area")
        add("")
        add(
            f"Nothing is planted in {_join(sound)}. If the candidate starts changing one of "
            'those, neither confirm nor deny: ask what evidence points there ("which failing '
            'questions would this fix?"). Improving a sound area is fine when it is measured; '
            "note how long they stayed without evidence."
        )
    add("")
    add(f"## {len(planted) + 2}. Wrap-up")
    add("")
    add(
        "Ask the candidate to summarise as they would in NOTES.md: what they found, the evidence "
        "that convinced them, what they changed, the numbers before and after (`make watch` shows "
        "them; `eval_history.jsonl` keeps every run), and what they would do next. Then ask:"
    )
    add("")
    for component in planted:
        for question in AREAS[component].discuss:
            add(f"- {question}")
    add("- What would you do next with another day, in order, and what do you expect it to move?")
    add("- What did your changes cost in build time and search latency?")
    add("")
    add("## Scoring the conversation")
    add("")
    add("Score each row 1–4 right after the session, from your notes (hint times and levels).")
    add("")
    add("| | 1 | 2 | 3 | 4 |")
    add("|---|---|---|---|---|")
    for name, anchors in RUBRIC:
        add(f"| **{name}** | " + " | ".join(anchors) + " |")
    add("")
    add(
        "Hints: level 1 and 2 hints are normal in a pairing round and cost nothing when the "
        "candidate then drives the rest. A level 3 hint in an area caps **diagnosis** at 2 for "
        "that area; say so in your notes. Reaching a fix is not required for a high score: a "
        "sharp diagnosis with a measured, partial fix beats an untested rewrite."
    )
    add("")
    add(
        f"Reading the total (5–20): 17 or more is a strong signal, 13–16 a positive one, 9–12 "
        f"mixed (write down what was missing), 8 or less negative. Grade the submission "
        f"afterwards as usual (`takehome grade ... --key` this folder): the hidden questions show "
        f"whether the fixes generalise beyond the {len(variant.public)} public ones."
    )
    add("")
    return "\n".join(out)


RUBRIC: tuple[tuple[str, tuple[str, str, str, str]], ...] = (
    (
        "Diagnosis",
        (
            "changes code without looking at failures",
            "reads the metrics but not the failing questions",
            "traces a failing question to its cause",
            "states a hypothesis, predicts the effect, confirms it",
        ),
    ),
    (
        "Measurement",
        (
            "does not re-measure",
            "re-measures, several changes at once",
            "one change per run, reads the deltas",
            "also checks newly failing questions and latency",
        ),
    ),
    (
        "Fix",
        (
            "none, or breaks the contract",
            "works for the example it was built on",
            "sound, offsets exact, within the cap",
            "sound, simple, and its costs stated",
        ),
    ),
    (
        "Collaboration",
        (
            "silent, or ignores input",
            "explains when asked",
            "thinks aloud, uses hints well",
            "explains trade-offs unprompted, asks sharp questions",
        ),
    ),
    (
        "Judgement",
        (
            "no priorities",
            "fixes what is nearest",
            "picks what moves the numbers most",
            "prioritises and names what to do next and why",
        ),
    ),
)


def _join(words: Sequence[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _stages(total: int, planted: Sequence[str]) -> list[tuple[int, int, str, str]]:
    """(start minute, end minute, title, goal) per stage; the last ends at `total`."""
    area_minutes = AREAS_SHARE / len(planted)
    shares = [("Orientation", ORIENTATION_SHARE, "read the brief, run the evaluation, pick a lead")]
    shares += [
        (AREAS[c].title, area_minutes, "find the cause, fix it, watch the numbers move")
        for c in planted
    ]
    shares += [
        ("Wrap-up", WRAP_UP_SHARE, "summary, trade-offs, what next"),
        ("Debrief", DEBRIEF_SHARE, "your questions; the candidate's questions"),
    ]
    stages, start, elapsed = [], 0, 0.0
    for index, (title, share, goal) in enumerate(shares):
        elapsed += share * total
        end = total if index == len(shares) - 1 else round(elapsed)
        stages.append((start, end, title, goal))
        start = end
    return stages


def _area_section(
    number: int,
    component: str,
    implementation: str,
    public: Sequence[Question],
    facts: Mapping[str, str],
) -> list[str]:
    notes = AREAS[component]
    planted = notes.planted.get(implementation)
    what = (
        planted.format(**facts)
        if planted
        else f"the `{implementation}` implementation (see its module docstring)"
    )
    shown = _one_per_slice_in_turn(public, notes.slices)
    lines = [
        "",
        f"## {number}. {notes.title} (`{component}.py`)",
        "",
        f"- **Planted:** {what}.",
        f"- **What the candidate can see:** {notes.symptoms}.",
        f"- **A sound fix:** {notes.good_fix.format(**facts)}.",
        f"- **In `make watch`:** {notes.moves}.",
        "",
        "Public questions that show it (point at one when giving a hint):",
        "",
    ]
    for question in shown[:QUESTIONS_LISTED]:
        expected = "abstain" if question.unanswerable else f"answer {question.answer!r}"
        lines.append(f"- `{question.id}` ({question.slice}): {question.text} — {expected}")
    if not shown:
        lines.append("- (none in this variant's public set: use the worst questions instead)")
    lines += ["", "What to observe:", ""]
    lines += [f"- {line.format(**facts)}" for line in notes.observe]
    lines += [
        f"- {slice_record(name).observe}"
        for name in notes.slices
        if slice_record(name).observe and any(q.slice == name for q in public)
    ]
    lines += ["", "Hints, only when stuck, in order:", ""]
    lines += [f"{level}. {hint}" for level, hint in enumerate(notes.hints, start=1)]
    return lines


def _one_per_slice_in_turn(public: Sequence[Question], slices: Sequence[str]) -> list[Question]:
    """Public questions of `slices`: the first of each slice, then the second of each, ..."""
    queues = [[q for q in public if q.slice == name] for name in slices]
    turns = max((len(queue) for queue in queues), default=0)
    return [queue[turn] for turn in range(turns) for queue in queues if turn < len(queue)]
