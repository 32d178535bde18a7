"""Answering: how the answer and its citations are made, and when to abstain."""

from __future__ import annotations

from corpus.failure_modes.records import (
    ANSWERABLE,
    Area,
    Debrief,
    FailureMode,
    PairingNotes,
    Planted,
    Slice,
)

COMPONENT = "answering"
CITATIONS_AREA = "citations"
ABSTENTION_AREA = "abstention"
UNANSWERABLE = "unanswerable"
# The second kind of unanswerable question: the entity exists, the asked fact is not given for it.
UNSTATED = "unstated"
UNSTATED_AREA = "unstated"
# A comparison over sibling spec sheets: the answer is computed from every sheet's figure.
AGGREGATE = "aggregate"
AGGREGATE_AREA = "aggregate"

FAILURE_MODE = FailureMode(
    component=COMPONENT,
    knob_doc="how the answer and its citations are made",
    default="first_passage",
    planted=(
        Planted(
            "first_passage",
            "the answer is the first sentence of the top passage, the whole "
            "passage is cited, and it never abstains",
        ),
        Planted(
            "score_threshold",
            "the sentence of the three best chunks sharing most of the question's words, cited "
            "by its span, with an abstention when those chunks score under 0.3 on average; the "
            "planted reranker rescales scores per query to [0, 1] with the best at 0.6 or more "
            "(its top three average 0.5 and more), so behind it the threshold never fires and "
            "every unanswerable question is answered (behind the reference reranker, whose "
            "scores drop for chunks naming a sibling code, it fires now and then)",
        ),
    ),
    slices=(
        Slice(
            name=UNANSWERABLE,
            asks="the corpus does not say (the question names something absent): the right "
            "answer is to abstain",
            verified="a code or a word of the question occurs nowhere in the corpus",
            primary_metric="abstention_accuracy",
            hidden=24,
            public=6,
            supply_knobs="corpus.services, corpus.product_families",
        ),
        # Added after profiles were hashed (`Slice.listed_unasked`): easy and pair do not ask it.
        Slice(
            name=UNSTATED,
            asks="the corpus does not say, though it names the entity: a team or office exists "
            "and its sibling sections state the asked fact, its own section does not. Whether a "
            "name occurs in the corpus does not tell; the right answer is still to abstain",
            verified="the named entity has a section; another section of its kind states the "
            "asked fact; its own section states no sentence of that fact",
            primary_metric="abstention_accuracy",
            hidden=24,
            public=6,
            supply_knobs="corpus.team_directories, corpus.office_guides",
            listed_unasked=False,
            observe="Do they notice that some unanswerable questions name a real team or office, "
            "so that a lookup of the name cannot tell, and look at what its section states?",
        ),
        # Added after profiles were hashed, like `unstated`. Judged by answer accuracy:
        # the answer is computed from several sheets, so finding them (recall@k needs every
        # sheet's statement) is necessary but does not show that the comparison was made.
        Slice(
            name=AGGREGATE,
            asks='a comparison over the sibling models of a product line ("Which Aster model '
            "is the lightest without its mounting bracket?\"): every model's sheet states its own "
            "figure and none says which is lightest, so the answer is computed from all of "
            "them; one retrieved sentence names a model, most often the wrong one",
            verified="the evidence is one statement per sibling model, every sheet of the line "
            "that states the figure; the answer is the model the comparison picks from those "
            "figures (recomputed); no sentence of the corpus holds the answer with the "
            "question's comparison word",
            primary_metric="answer_accuracy",
            hidden=24,
            public=6,
            supply_knobs="corpus.product_families, corpus.sibling_models",
            listed_unasked=False,
            observe="Do they notice that some questions compare the models of a line, so that "
            "no single passage holds the answer, and gather every sibling's figure to compute it?",
        ),
    ),
    areas=(
        Area(
            name=CITATIONS_AREA,
            title="Citations",
            slices=(ANSWERABLE,),
            metrics=("citation_precision", "supported_rate"),
            debrief=Debrief(
                keywords=("citation", "cite", "citing"),
                done=(
                    "How do you choose what to cite: the whole passage or the sentence holding "
                    "the answer?",
                    "When does your answer cite more than one span, and why?",
                ),
                open=(
                    "Citation quality is {values}: how does your answer step decide what to cite?",
                    "How would you narrow a citation from a passage to the sentence that supports "
                    "the answer?",
                    "How would you check that an answer is supported by what it cites?",
                ),
                cost="Where could your citation rule still cite the wrong sentence?",
            ),
        ),
        Area(
            name=ABSTENTION_AREA,
            title="Abstention",
            slices=(UNANSWERABLE,),
            metrics=("abstention_accuracy",),
            debrief=Debrief(
                keywords=(
                    "abstain",
                    "abstention",
                    "unanswerable",
                    "refus",
                    "no answer",
                    "don't know",
                ),
                done=(
                    "How does the pipeline decide the corpus does not say? How did you set that "
                    "threshold?",
                    "How many answerable questions does it now decline, and how did you check?",
                ),
                open=(
                    "Abstention accuracy on unanswerable questions is {now}: how does your "
                    "pipeline decide the corpus does not say?",
                    "How would you set an abstention threshold, and on which questions?",
                    "What does abstaining too often cost, compared with answering wrongly?",
                ),
                cost="How would your abstention rule behave on a corpus with different wording?",
            ),
        ),
        Area(
            name=UNSTATED_AREA,
            beyond_textbook=True,
            title="Abstention on unstated facts",
            slices=(UNSTATED,),
            metrics=("abstention_accuracy",),
            debrief=Debrief(
                keywords=("unstated", "not stated", "missing fact", "sibling", "abstain"),
                done=(
                    "The asked team or office exists but its section does not give the fact: how "
                    "does your pipeline tell that from a fact it states?",
                    "How did you keep that rule from declining questions its section does answer?",
                ),
                open=(
                    "Abstention is {now} on questions about a real team or office whose section "
                    "does not give the asked fact: what does your pipeline answer instead?",
                    "A name found in the corpus does not mean the fact is there: what would show "
                    "that the entity's own section does not state it?",
                    "How would you compare the entity's section with what its siblings state?",
                ),
                cost="How many questions its section does answer does your rule now decline?",
            ),
        ),
        Area(
            name=AGGREGATE_AREA,
            beyond_textbook=True,
            title="Aggregation over sibling sheets",
            slices=(AGGREGATE,),
            metrics=("answer_accuracy",),
            debrief=Debrief(
                keywords=(
                    "aggregat",
                    "compar",
                    "superlative",
                    "highest",
                    "lowest",
                    "every sibling",
                ),
                done=(
                    "A question compares the models of a line: how does your pipeline gather "
                    "every model's figure, and how does it know it has them all?",
                    "How did you keep comparison handling from firing on questions about one "
                    "model?",
                ),
                open=(
                    "Answer accuracy is {now} on questions that compare the models of a product "
                    "line: which sentence does your pipeline answer them with?",
                    "No sentence says which model is lightest: where would the answer come from?",
                    "How would you find every sibling's statement of the same figure and compare "
                    "them?",
                ),
                cost="What does a comparison cost per query, and how does it grow with the "
                "number of sibling sheets?",
            ),
        ),
    ),
    pairing=PairingNotes(
        title="Answers, citations and abstention",
        symptoms="answer accuracy far below recall@5 (the evidence is found, but the answer is "
        "another sentence of the passage); citations cover whole chunks; abstention accuracy "
        "equals the share of answerable questions, because it answers everything",
        observe=(
            "Do they compare answer accuracy with recall and conclude that answering, not "
            "retrieval, loses those questions?",
            "Do they pick the answering sentence by its fit to the question and cite that "
            "sentence's exact span?",
            "Do they design an abstention rule and weigh its trade-off (a wrong abstention costs "
            "an answerable question) instead of a threshold tuned to the public questions?",
        ),
        hints=(
            "Answer accuracy is much lower than recall@5. When the evidence was retrieved, what "
            "does the answer look like?",
            "Which sentence of the passage answers the question, and what should the citation "
            "point at?",
            "Some questions cannot be answered from this corpus. What signal could tell the "
            "pipeline to abstain, and how would you set its threshold without overfitting?",
        ),
        good_fix="candidate sentences from the top passages scored against the question (word "
        "overlap, names and identifiers it contains, embedding similarity), the next sentence "
        "included when it carries the figure, the cited span exactly the quoted text; abstain "
        "when the question's names or identifiers appear nowhere or the best score is low",
        moves="answer_accuracy, supported_rate and citation_precision rise; abstention_accuracy "
        "rises once it abstains, and falls again if it abstains too often",
        discuss=(
            "Which costs more here, a wrong abstention or a wrong answer, and why?",
            "If a language model wrote the answers, what would you still need to check?",
        ),
    ),
)
