"""Retrieval: first-stage search over the chunks, and the slices it breaks: exact codes that
dense-only search blurs, and names people type that only the corpus's own glossary explains."""

from __future__ import annotations

from corpus.failure_modes.records import Area, Debrief, FailureMode, PairingNotes, Planted, Slice

COMPONENT = "retrieval"
AREA = "lexical"
IDENTIFIER = "identifier"
# The question calls a product by a codename the corpus defines in its glossary and never prints
# next to the product's facts.
REFORMULATION = "reformulation"
REFORMULATION_AREA = "reformulation"
# Two evidence spans in two documents joined by an entity the question does not name.
MULTIHOP = "multihop"
MULTIHOP_AREA = "multihop"

FAILURE_MODE = FailureMode(
    component=COMPONENT,
    knob_doc="first-stage search over the chunks",
    default="dense_only",
    planted=(
        Planted(
            "dense_only",
            "vectors only: exact error codes and version strings are blurred "
            "together by the embedding",
        ),
        Planted(
            "hybrid_rrf",
            "BM25 and dense rankings fused by reciprocal rank fusion, but the tokenizer splits "
            "codes at the hyphen: ERR-7925 becomes err + 7925, the err matches every error code "
            "in every runbook, and chunks ranked fairly well by both lists outrank the one "
            "exact match that only BM25 finds",
        ),
        Planted(
            "dense_bm25_boost",
            "dense ranking with BM25 as a bonus of at most 0.1 (the query's best BM25 score "
            "scaled to 0.1): an exact error code moves a chunk by less than the spread of "
            "cosines between runbook chunks the encoder cannot tell apart, and the word reader "
            "splits ERR-7925 into err + 7925, so the err of every runbook shares the bonus",
        ),
    ),
    slices=(
        Slice(
            name=IDENTIFIER,
            asks="the question quotes an exact code (error code, SKU, version) that a dense "
            "model blurs with its neighbours",
            verified="an exact code of the question also appears in the evidence",
            primary_metric="recall@5",
            hidden=30,
            public=7,
            supply_knobs="corpus.services, corpus.error_codes_per_service",
        ),
        # Added after profiles were hashed (`Slice.listed_unasked`); the glossary is written only
        # for a profile that asks it.
        Slice(
            name=REFORMULATION,
            asks="the question calls the product by the codename people use in tickets and "
            "chat, not the name its documents print; only the corpus's glossary page maps one "
            "to the other",
            verified="a term of the question that the corpus's glossary defines occurs neither "
            "in the evidence nor anywhere in its document; the name the glossary maps it to "
            "occurs in the evidence",
            primary_metric="recall@5",
            hidden=30,
            public=7,
            supply_knobs="corpus.product_families, corpus.sibling_models",
            listed_unasked=False,
            observe="Do they notice that some failing questions name a product by a word that "
            "only the glossary page uses, and read the corpus's own vocabulary to rewrite or "
            "expand the query before searching?",
        ),
        # Added after profiles were hashed, like `reformulation`.
        Slice(
            name=MULTIHOP,
            asks="the question reaches its answer through an entity it does not name: the "
            "service that raises an error code is owned by a team (its runbook says which), and "
            "that team's section (on-call roster, team directory) gives the asked fact. One "
            "search finds the runbook; only a second one, with the team's name, finds the section",
            verified="two evidence spans in two documents, no document holds both; the entity "
            "joining them is named in the first span and the heading of the second's section, "
            "in neither the question nor the answer span; the answer is in the second span",
            primary_metric="recall@5",
            hidden=20,
            public=5,
            supply_knobs="corpus.services, corpus.team_directories",
            listed_unasked=False,
            observe="Do they notice that some questions name only an error code and ask about the "
            "team behind it, and that no single passage holds both the code's service and the "
            "team's answer?",
        ),
    ),
    areas=(
        Area(
            name=AREA,
            title="Lexical matching",
            slices=(IDENTIFIER,),
            metrics=("recall@5",),
            debrief=Debrief(
                keywords=(
                    "bm25",
                    "lexical",
                    "keyword",
                    "hybrid",
                    "sparse",
                    "exact match",
                    "identifier",
                ),
                done=(
                    "How do you match exact identifiers (codes, SKUs, versions): tokenisation, "
                    "BM25, a hybrid?",
                    "How did you weigh lexical against dense scores, and on what evidence?",
                ),
                open=(
                    "Identifier recall@5 is {now}: how would a question about an exact code find "
                    "its passage in your pipeline?",
                    "Did you consider BM25 or a hybrid with the dense scores?",
                    "What must tokenisation keep for codes and versions (dots, dashes, slashes)?",
                ),
                cost="What does the lexical index add to build time and memory (peak {rss})?",
            ),
        ),
        Area(
            name=REFORMULATION_AREA,
            beyond_textbook=True,
            title="Query reformulation",
            slices=(REFORMULATION,),
            metrics=("recall@5",),
            debrief=Debrief(
                keywords=(
                    "reformulat",
                    "query expansion",
                    "expand",
                    "rewrite",
                    "glossary",
                    "codename",
                    "synonym",
                    "alias",
                ),
                done=(
                    "Some questions name a product by a codename its documents never print: how "
                    "does your pipeline find out what the codename stands for?",
                    "Where does the query rewriting happen (first stage, second stage, answer), "
                    "and how did you keep it from changing questions that need no rewriting?",
                ),
                open=(
                    "Recall@5 is {now} on questions that name a product by its codename: what "
                    "does your search return for one of them?",
                    "The corpus has a glossary page: how could the pipeline use it before it "
                    "searches?",
                    "Which words of a question would you rewrite, and with what, without "
                    "hand-written lists for this corpus?",
                ),
                cost="What does reading the corpus's vocabulary add to build time, and what to "
                "each query (search p95 {search})?",
            ),
        ),
        Area(
            name=MULTIHOP_AREA,
            beyond_textbook=True,
            title="Multi-hop questions",
            slices=(MULTIHOP,),
            metrics=("recall@5",),
            debrief=Debrief(
                keywords=(
                    "multi-hop",
                    "multihop",
                    "two-hop",
                    "bridge",
                    "second hop",
                    "owning team",
                ),
                done=(
                    "A question names an error code and asks about the team that owns its "
                    "service: how does your pipeline get from the runbook to the team's section?",
                    "How does your pipeline decide that a question needs a second search, and "
                    "what does that cost the questions that do not?",
                ),
                open=(
                    "Recall@5 is {now} on questions whose answer sits in a document the "
                    "question points to only through another one: what comes back for them?",
                    "The runbook names the team the question does not: how could a second search "
                    "use it?",
                    "How would you merge the results of two searches into one top five?",
                ),
                cost="What does a second search add to the time per question (search p95 "
                "{search})?",
            ),
        ),
    ),
    pairing=PairingNotes(
        title="Lexical matching",
        symptoms="questions quoting an error code get passages from the right kind of document "
        "but about a neighbouring code",
        observe=(
            "Do they notice that the failures share exact identifiers?",
            "Do they add a lexical signal and think about how to combine two score scales?",
            "Do they check how their tokenizer treats `ERR-2047` or `/v1/refunds`?",
        ),
        hints=(
            "Look at the failing questions that quote a code or a path. What do the passages that "
            "came back have in common?",
            "What kind of search finds an exact token that a sentence embedding has never seen?",
            "rank-bm25 is installed. How would you combine its scores with the dense ones?",
        ),
        good_fix="BM25 (or exact matching) next to the dense search, fused by rank (RRF) or by "
        "normalised scores, with a tokenizer that keeps identifiers whole",
        moves="recall@1 and recall@5 rise on questions that quote identifiers",
        discuss=(
            "Rank fusion or score fusion: what can go wrong with each?",
            "How would you tokenise identifiers, paths and version numbers?",
        ),
    ),
)
