"""Chunking: how documents are cut into chunks, and the slices a blind cut breaks."""

from __future__ import annotations

from corpus.failure_modes.records import Area, Debrief, FailureMode, PairingNotes, Planted, Slice

COMPONENT = "chunking"
AREA = "chunking"
BOUNDARY = "boundary"
HEADING = "heading"
TABLE = "table"

FAILURE_MODE = FailureMode(
    component=COMPONENT,
    knob_doc="how documents are cut into chunks",
    default="fixed_chars",
    planted=(
        Planted(
            "fixed_chars",
            "consecutive windows of {chunk_size} characters with no overlap, blind "
            "to sentences, headings and tables: a fact stated over two sentences is cut at a "
            "window edge, a section's heading lands in another chunk than its body, table rows "
            "lose their header row",
        ),
        Planted(
            "overlapping_windows",
            "overlapping windows of 1,200 characters sharing 200, cut at whitespace, with no "
            "title or heading in the chunk text: the overlap keeps two adjacent sentences "
            "together and windows this long keep most sections with their heading, but table "
            "rows past the first window of a table lose their header row, and the window length "
            "is what lets an encoder's input cut hide the rest of a chunk",
        ),
        Planted(
            "markdown_sections",
            "one chunk per section body, long sections packed from whole lines up to 1,000 "
            "characters, no overlap: a heading line ends a chunk and is in none, so a section "
            "is indexed without the name its heading gives it, and a table's rows past its first "
            "chunk lose their header row",
        ),
    ),
    slices=(
        Slice(
            name=BOUNDARY,
            asks="the evidence is two adjacent sentences that a fixed-size chunker splits: the "
            "question names what the first says and asks what the second says",
            verified="one span of two sentences, the answer in the second only, the question "
            "naming something only the first says; the span crosses a multiple of the chunk size",
            primary_metric="recall@5",
            hidden=30,
            public=7,
            supply_knobs="corpus.incident_reports",
        ),
        Slice(
            name=HEADING,
            asks="the entity is named only in the section heading above the evidence",
            verified="a heading precedes the evidence and names something of the question the "
            "evidence does not; a multiple of the chunk size separates heading and evidence",
            primary_metric="recall@5",
            hidden=30,
            public=7,
            supply_knobs="corpus.team_directories, corpus.teams_per_directory, "
            "corpus.office_guides",
        ),
        Slice(
            name=TABLE,
            asks="the fact sits in a Markdown table row, its meaning in the header row",
            verified="the evidence is exactly one whole table row below a header, the answer "
            "one of its cells",
            primary_metric="recall@5",
            hidden=30,
            public=7,
            supply_knobs="corpus.registers, corpus.register_rows",
        ),
    ),
    areas=(
        Area(
            name=AREA,
            title="Chunking",
            slices=(BOUNDARY, HEADING, TABLE),
            metrics=("recall@5",),
            debrief=Debrief(
                keywords=("chunk", "boundar", "overlap", "split", "heading", "tables", "table row"),
                done=(
                    "How did you choose chunk boundaries and sizes, and what did you try before "
                    "that?",
                    "How do your chunks keep a heading's entity and a table's header with the rows "
                    "beneath them?",
                ),
                open=(
                    "Recall@5 stayed at {values}: how did you choose chunk boundaries?",
                    "Did you look at a question whose evidence spans two adjacent sentences, sits "
                    "under a heading or in a table row? What came back?",
                    "What would you change first in the chunker, and how would you check it "
                    "helped?",
                ),
                cost="What did the new chunking cost in passages and build time (build {build})?",
            ),
        ),
    ),
    pairing=PairingNotes(
        title="Chunking",
        symptoms="low recall@k on questions whose evidence spans two sentences, sits under a "
        'section heading or in a table row; in `make eval` the worst questions say "the evidence '
        'is never fully covered" and the passages shown start and end mid-sentence',
        observe=(
            "Do they read a failing question's evidence offsets next to the passages that came "
            "back, before changing code?",
            'Do they state a hypothesis ("the evidence is split across chunks") and check it '
            "(does any chunk contain the whole span?) instead of trying chunk sizes blindly?",
            "Do they keep chunks under the {passage_cap}-character passage cap and think about "
            "what more or overlapping chunks cost (embedding time, duplicates in the top k)?",
            "Are offsets still exact after their change (`make test`'s contract tests pass)?",
        ),
        hints=(
            "Pick one failing question from the worst list. Where exactly is its evidence, and "
            "where do the passages that came back start and end?",
            "Is there any chunk in the index that contains that whole evidence span? What decides "
            "where a chunk ends?",
            "The chunker cuts at fixed character offsets. What would boundaries that respect "
            "sentences, sections and table rows look like, and what would overlap buy?",
        ),
        good_fix="chunks cut at sentence or paragraph boundaries with some overlap, so two "
        "adjacent sentences share a chunk; the section's heading carried into each chunk's text "
        "(its offsets still cover only the body); table rows kept whole with the header repeated; "
        "chunk length well under the passage cap",
        moves="recall@1 to recall@10, MRR and nDCG rise; the newly passing questions are ones "
        "like those listed below",
        discuss=(
            "Why not simply make the chunks much larger?",
            "How would you choose a chunk size without the public questions to tune on?",
            "What does overlap cost at indexing time and at ranking time?",
        ),
    ),
)
