"""Reranking: the second stage over retrieved candidates, and the slice its absence breaks."""

from __future__ import annotations

from corpus.failure_modes.records import Area, Debrief, FailureMode, PairingNotes, Planted, Slice

COMPONENT = "reranking"
AREA = "reranking"
DISTRACTOR = "distractor"
# A versioned document's clause asked by date: the version in force that day answers.
TEMPORAL = "temporal"
TEMPORAL_AREA = "temporal"

FAILURE_MODE = FailureMode(
    component=COMPONENT,
    knob_doc="second stage over the retrieved candidates",
    default="none",
    planted=(
        Planted(
            "none",
            "no second stage, and only five first-stage candidates taken as ranked",
        ),
        Planted(
            "recency_rerank",
            "term overlap and first-stage score, plus a bonus for the newest version of a "
            "versioned document: a question about an older version is answered from the newest "
            "one, and the overlap reads a question's G-4 or version 2 as the single characters "
            "it drops, so the sibling or version the question names counts for nothing",
        ),
    ),
    slices=(
        Slice(
            name=DISTRACTOR,
            asks="near-duplicate documents (v1 vs v2 of a policy, sibling products) differ only "
            "in the qualifier the question names",
            verified="another document has the same sentence with another qualifier and "
            "another value",
            # reranking reorders what was found: the wrong sibling ranked first is the failure,
            # but calibration headlines weigh every slice by recall@5
            primary_metric="recall@5",
            hidden=30,
            public=7,
            supply_knobs="corpus.product_families, corpus.sibling_models, corpus.policy_versions",
        ),
        # Added after profiles were hashed (`Slice.listed_unasked`): easy and pair do not ask it.
        Slice(
            name=TEMPORAL,
            asks="a policy's clause on a given day: the question gives a date, not a version "
            '("On 14 March 2025, what daily meal allowance abroad does the Travel Policy '
            'set?"), and each version states when it was in force; the version in force that '
            "day answers, which need not be the newest",
            verified="the question names no version; the evidence document's effective period "
            "contains the question's date; every other version of the document states the same "
            "clause with another value",
            # every version's clause is usually in the top five: the failure is which one is first
            primary_metric="recall@1",
            hidden=24,
            public=6,
            supply_knobs="corpus.policies, corpus.policy_versions",
            listed_unasked=False,
            observe="Do they notice that some questions give a date rather than a version, and "
            "read when each version was in force instead of taking the newest?",
        ),
    ),
    areas=(
        Area(
            name=AREA,
            title="Reranking",
            slices=(DISTRACTOR,),
            metrics=("recall@1",),
            debrief=Debrief(
                keywords=(
                    "rerank",
                    "re-rank",
                    "mmr",
                    "second stage",
                    "second-stage",
                    "late interaction",
                ),
                done=(
                    "What does your second stage score, and over how many candidates?",
                    "How does it tell v1 from v2 of a policy, or sibling products, apart?",
                ),
                open=(
                    "Distractor recall@1 is {now}: when near-duplicate documents differ only in a "
                    "qualifier (v1 vs v2), how does your pipeline pick the right one?",
                    "What second-stage signal would you add (qualifier matching, lexical "
                    "features, MMR), and over how many candidates?",
                    "How would you show it helps without costing too much latency?",
                ),
                cost="What does the second stage cost per query (answer p95 {answer}, search p95 "
                "{search})?",
            ),
        ),
        Area(
            name=TEMPORAL_AREA,
            beyond_textbook=True,
            title="Versions in force on a date",
            slices=(TEMPORAL,),
            metrics=("recall@1",),
            debrief=Debrief(
                keywords=(
                    "effective date",
                    "effective period",
                    "in force",
                    "date-aware",
                    "temporal",
                ),
                done=(
                    "A question gives a date, not a version: how does your pipeline find the "
                    "version in force that day?",
                    "Where does it read each version's effective period, and what does it do "
                    "with a document that states none?",
                ),
                open=(
                    "Recall@1 is {now} on questions that give a date instead of a version: which "
                    "version does your pipeline put first, and why?",
                    "The newest version is not always the one in force on the asked day: what in "
                    "the documents tells which one was?",
                    "How would you use the question's date in the second stage without hurting "
                    "questions that give none?",
                ),
                cost="How many questions without a date does the date rule reorder?",
            ),
        ),
    ),
    pairing=PairingNotes(
        title="Reranking",
        symptoms="near-duplicate documents (an older policy version, a sibling model) outrank "
        "the one the question names: recall@10 is fair, recall@1 is poor",
        observe=(
            "Do they read the gap between recall@1 and recall@10 as an ordering problem?",
            "Do they widen the candidate pool before reordering it?",
            "Do they use the qualifier the question states (v3, X2) as a feature?",
        ),
        hints=(
            "Compare recall@1 with recall@10. What does the gap tell you?",
            "For a question that names a version or a model, what is in the top three?",
            "What cheap feature would separate v3 from v2 among candidates you already have, and "
            "how many candidates does the second stage get to see?",
        ),
        good_fix="a second stage over a wider pool (a few dozen) with exact-match features on "
        "the question's names and qualifiers, or late interaction over token vectors",
        moves="recall@1 and MRR rise; recall@10 barely moves",
        discuss=(
            "Without a cross-encoder, what else could rerank here?",
            "What does a wider candidate pool cost in latency?",
        ),
    ),
)
