"""Embedding: how text becomes vectors, and the slice a misread model breaks."""

from __future__ import annotations

from corpus.failure_modes.records import Area, Debrief, FailureMode, PairingNotes, Planted, Slice

COMPONENT = "embedding"
AREA = "embeddings"
PARAPHRASE = "paraphrase"

FAILURE_MODE = FailureMode(
    component=COMPONENT,
    knob_doc="how text becomes vectors",
    default="misconfigured_minilm",
    planted=(
        Planted(
            "misconfigured_minilm",
            "all-MiniLM-L6-v2 read with CLS pooling instead of mean "
            "pooling, without normalisation, and inputs truncated to 64 tokens",
        ),
        Planted(
            "minilm_mean",
            "all-MiniLM-L6-v2 correctly pooled (mean) and normalised, but inputs are cut at 128 "
            "tokens (about 550 characters): with chunks of 1,000 characters or more, the rest of "
            "every chunk is never embedded, so a fact stated there is found only by the words it "
            "shares with the question",
        ),
        Planted(
            "minilm_compact",
            "all-MiniLM-L6-v2 correctly pooled and normalised, but each vector cut to its first "
            "64 of 384 components (Matryoshka-style truncation, which this model was not trained "
            "for): the cosines that survive barely tell a paraphrased rule from its neighbours",
        ),
    ),
    slices=(
        Slice(
            name=PARAPHRASE,
            asks="the question shares few words with its evidence: only meaning connects them",
            verified="the question's content-word overlap with the evidence is at most "
            "PARAPHRASE_MAX_OVERLAP",
            primary_metric="recall@5",
            hidden=30,
            public=7,
            supply_knobs="corpus.handbooks (the rule bank is fixed in size), or lower "
            "corpus.paraphrase_min_band",
        ),
    ),
    areas=(
        Area(
            name=AREA,
            title="Embeddings",
            slices=(PARAPHRASE,),
            metrics=("recall@5",),
            debrief=Debrief(
                keywords=(
                    "embedding",
                    "embed",
                    "dense",
                    "minilm",
                    "vector",
                    "semantic",
                    "paraphras",
                ),
                done=(
                    "What did you change on the dense side (what text is embedded, query form, "
                    "normalisation), and how did you check it on paraphrased questions?",
                    "How much of the paraphrase lift comes from the embeddings rather than from "
                    "chunking?",
                ),
                open=(
                    "Paraphrase recall@5 is {now}: how does your retrieval find evidence that "
                    "shares few words with the question?",
                    "Did you inspect what the embedding search returns for a paraphrased question?",
                    "What would you try: different passage text, query rewriting, a hybrid?",
                ),
                cost="What does the dense side cost to build and query (build {build}, search "
                "p95 {search})?",
            ),
        ),
    ),
    pairing=PairingNotes(
        title="Embeddings",
        symptoms="questions worded differently from their evidence fail although the right "
        "document exists; dense scores are not cosines and look oddly scaled",
        observe=(
            "Do they sanity-check the embedder in isolation (an obvious paraphrase pair against "
            "an unrelated sentence)?",
            "Do they look up how the model was trained to be used (pooling, normalisation, "
            "window) rather than swap models?",
            "Do they remember that cached vectors must not be reused across settings?",
        ),
        hints=(
            "How would you check that the embedder ranks an obviously relevant sentence above an "
            "unrelated one?",
            "How was all-MiniLM-L6-v2 meant to be used: which pooling, which normalisation, what "
            "input length?",
            "Compare the model package's own configuration (modules.json, the pooling folder) "
            "with how embedding.py turns token vectors into one vector.",
        ),
        good_fix="mean pooling over the attention mask and unit-length vectors (as "
        "sentence-transformers loads the model), the model's 256-token window, the cache keyed "
        "by those settings",
        moves="recall and MRR rise on reworded questions, and on the rest a little",
        discuss=(
            "How would you validate an embedding setup on this corpus without labels?",
            "When would you fine-tune, and what would you need?",
        ),
    ),
)
