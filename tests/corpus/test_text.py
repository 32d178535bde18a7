from corpus.text import content_words, overlap, sentence_spans, split_sentences, stem, units


def test_stem_conflates_the_inflections_templates_produce():
    assert stem("days") == stem("day") == "day"
    assert stem("approved") == "approv"
    assert stem("policies") == "policy"
    assert stem("access") == "access"  # a double s is not a plural
    assert stem("is") == "is"  # too short to strip


def test_content_words_drop_stopwords_and_keep_codes_whole():
    assert content_words("What does LDG-2047 indicate?") == {"ldg-2047", "indicate"}


def test_overlap_is_share_of_question_words_found_in_evidence():
    # question content words: {leave, days, parents} → 2 of 3 appear in the evidence
    assert overlap("leave days for parents", "Parents get 20 days of paid time.") == 2 / 3
    assert overlap("the of and", "anything") == 0.0


def test_sentence_split_and_spans_agree():
    text = "First one ends here. `LDG-2047` indicates a fault. 3 more follow."
    assert split_sentences(text) == [
        "First one ends here.",
        "`LDG-2047` indicates a fault.",
        "3 more follow.",
    ]
    assert [text[s:e] for s, e in sentence_spans(text)] == split_sentences(text)


def test_units_count_headings_rows_items_and_sentences():
    doc = "# Title\n\nOne. Two.\n\n- item a\n- item b\n\n| A | B |\n|---|---|\n| 1 | 2 |\n"
    assert list(units(doc)) == [
        "# Title",
        "One.",
        "Two.",
        "item a",
        "item b",
        "| A | B |",
        "| 1 | 2 |",
    ]
