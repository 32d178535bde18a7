from hypothesis import given
from hypothesis import strategies as st

from corpus.document import DocBuilder

sentence = st.from_regex(r"[A-Z][a-z ]{3,60}\.", fullmatch=True)


@given(st.lists(st.lists(sentence, min_size=1, max_size=5), min_size=1, max_size=5))
def test_paragraph_offsets_point_at_their_sentences(paragraphs):
    b = DocBuilder("d", "Title")
    recorded = []
    for sentences in paragraphs:
        recorded += list(zip(sentences, b.paragraph(sentences), strict=True))
    text = b.build().text
    for sentence_text, (start, end) in recorded:
        assert text[start:end] == sentence_text


@given(
    st.lists(
        st.lists(st.from_regex(r"[A-Za-z0-9 ]{1,12}", fullmatch=True), min_size=3, max_size=3),
        min_size=1,
        max_size=8,
    ),
    st.lists(sentence, min_size=1, max_size=4),
)
def test_table_bullet_and_heading_offsets(rows, items):
    b = DocBuilder("d", "Title")
    heading = b.heading(2, "Section")
    row_spans = b.table(("A", "B", "C"), rows)
    item_spans = b.bullets(items)
    text = b.build().text
    assert text[heading[0] : heading[1]] == "Section"
    for row, (start, end) in zip(rows, row_spans, strict=True):
        assert text[start:end] == "| " + " | ".join(row) + " |"
    for item, (start, end) in zip(items, item_spans, strict=True):
        assert text[start:end] == item


@given(st.integers(0, 2000), st.integers(100, 700), st.randoms(use_true_random=False))
def test_paragraph_across_places_fixed_sentences_across_a_chunk_edge(pad, chunk, rnd):
    def filler():
        return "Filler words " + "x" * rnd.randint(10, 120) + "."

    fixed = ["The subject sentence names the event.", "It took 47 minutes to recover."]
    b = DocBuilder("d", "T" * (pad + 1))
    inside = b.paragraph_across(fixed, filler, chunk, cross="inside")
    heading = b.heading(2, "Heading")
    before = b.paragraph_across(fixed, filler, chunk, cross="before")
    text = b.build().text
    start, end = inside[0][0], inside[1][1]
    assert text[start:end] == " ".join(fixed)
    assert (start // chunk + 1) * chunk < end  # a multiple of chunk falls inside
    assert (before[0][0] // chunk) * chunk >= heading[1]  # its chunk starts after the heading


@given(st.integers(0, 2000), st.integers(300, 700), st.randoms(use_true_random=False))
def test_section_led_by_puts_its_first_sentence_in_place_right_under_its_heading(pad, chunk, rnd):
    def filler():
        return "Filler words " + "x" * rnd.randint(10, 120) + "."

    lead = "The Aster X2 draws 14 W at full load."
    place = (0, chunk * 2 // 5)
    b = DocBuilder("d", "T" * (pad + 1))
    b.paragraph(["Some opening prose."])
    spans = b.section_led_by(2, "Power", [lead, "More prose."], filler, chunk, place)
    text = b.build().text
    start, end = spans[0]
    assert text[start:end] == lead
    assert text[:start].endswith("\n\n## Power\n\n")  # the first sentence opens its section
    assert place[0] <= start % chunk and end - (start - start % chunk) <= place[1]
    assert text[spans[1][0] : spans[1][1]] == "More prose."


def test_section_led_by_without_a_chunk_writes_the_section_as_given():
    b = DocBuilder("d", "Title")
    spans = b.section_led_by(2, "Power", ["First.", "Second."], lambda: "Never.", None)
    assert b.build().text == "# Title\n\n## Power\n\nFirst. Second.\n"
    assert spans == [(19, 25), (26, 33)]
