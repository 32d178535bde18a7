"""Retrieval: first-stage search over the chunks, and the slice dense-only search breaks."""

from __future__ import annotations

from corpus.failure_modes.records import Area, Debrief, FailureMode, PairingNotes, Planted, Slice

COMPONENT = "retrieval"
AREA = "lexical"
IDENTIFIER = "identifier"

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
