"""Loading a variant and its questions: exact text, caps from the manifest, clear format errors."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from exercise.errors import DataFormatError, ExerciseError
from exercise.loading import (
    DEFAULT_ANSWER_CAP,
    DEFAULT_PASSAGE_CAP,
    JudgingConfig,
    decode_question_line,
    load_corpus,
    load_questions,
    parse_question_line,
    read_question_lines,
)
from exercise.types import Span
from tests.exercise.helpers import BETA, SMALL_DOCS, SMALL_QUESTIONS, span_of

QUESTIONS = Path("questions") / "public.jsonl"


def test_docs_are_the_exact_file_contents_crlf_included(small_variant: Path) -> None:
    corpus = load_corpus(small_variant)
    assert dict(corpus.docs) == SMALL_DOCS
    assert "\r\n" in corpus.docs["beta"]  # no newline translation: offsets stay str indices
    phrase = "The charger is rated at 65 W."
    start = BETA.index(phrase)
    assert corpus.text(Span("beta", start, start + len(phrase))) == phrase


def test_default_caps_without_a_judging_object(small_variant: Path) -> None:
    assert load_corpus(small_variant).judging == JudgingConfig(
        passage_cap=DEFAULT_PASSAGE_CAP, answer_cap=DEFAULT_ANSWER_CAP
    )
    assert (DEFAULT_PASSAGE_CAP, DEFAULT_ANSWER_CAP) == (1500, 300)


def test_caps_come_from_the_manifest(make_variant: Callable[..., Path]) -> None:
    variant = make_variant(SMALL_DOCS, SMALL_QUESTIONS, judging={"passage_cap": 40})
    assert load_corpus(variant).judging == JudgingConfig(passage_cap=40, answer_cap=300)


def test_questions_keep_unknown_keys_as_labels(make_variant: Callable[..., Path]) -> None:
    labelled = [{**SMALL_QUESTIONS[0], "slice": "some-group", "origin": 3}, *SMALL_QUESTIONS[1:]]
    variant = make_variant(SMALL_DOCS, labelled)
    corpus = load_corpus(variant)
    questions = load_questions(variant / QUESTIONS, corpus)
    assert dict(questions[0].labels) == {"slice": "some-group", "origin": 3}
    assert dict(questions[1].labels) == {}
    assert [q.id for q in questions] == [q["id"] for q in SMALL_QUESTIONS]
    assert questions[1].evidence == tuple(Span(**e) for e in SMALL_QUESTIONS[1]["evidence"])
    assert [q.unanswerable for q in questions] == [False, False, False, True]


def test_missing_variant_dir_is_a_user_error(tmp_path: Path) -> None:
    with pytest.raises(ExerciseError, match="is not a directory"):
        load_corpus(tmp_path / "nope")


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        (None, "missing: every variant has a manifest.json"),
        ("{not json", "not valid JSON"),
        ("[1, 2]", "expected a JSON object, got a list"),
        ('{"judging": 3}', "field 'judging': expected an object"),
        ('{"judging": {"passage_cap": 0}}', "field 'judging.passage_cap': expected a positive"),
        ('{"judging": {"answer_cap": true}}', "field 'judging.answer_cap': expected a positive"),
    ],
)
def test_malformed_manifests(small_variant: Path, manifest: str | None, message: str) -> None:
    path = small_variant / "manifest.json"
    if manifest is None:
        path.unlink()
    else:
        path.write_text(manifest, encoding="utf-8")
    with pytest.raises(DataFormatError, match=message) as info:
        load_corpus(small_variant)
    assert str(path) in str(info.value)


def test_docs_must_exist_and_be_utf8(small_variant: Path) -> None:
    (small_variant / "docs" / "bad.md").write_bytes(b"caf\xe9")
    with pytest.raises(DataFormatError, match=r"bad\.md: not valid UTF-8"):
        load_corpus(small_variant)
    for path in (small_variant / "docs").iterdir():
        path.unlink()
    with pytest.raises(DataFormatError, match="no documents"):
        load_corpus(small_variant)


def _question_error(variant: Path, lines: list[str]) -> DataFormatError:
    corpus = load_corpus(variant)
    path = variant / QUESTIONS
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(DataFormatError) as info:
        load_questions(path, corpus)
    return info.value


GOOD = SMALL_QUESTIONS[0]
ALPHA_EVIDENCE = GOOD["evidence"][0]


def _with(**changes: Any) -> str:
    return json.dumps({**GOOD, **changes})


@pytest.mark.parametrize(
    ("line", "field", "message"),
    [
        ("{oops", None, "not valid JSON"),
        ("[1]", None, "expected a JSON object, got a list"),
        (json.dumps({"id": "x"}), None, "missing text, answer, evidence, unanswerable"),
        (_with(id="has space"), "id", "without whitespace"),
        (_with(id=7), "id", "non-empty string"),
        (_with(text=""), "text", "non-empty string"),
        (_with(answer=None), "answer", "expected a string, got null"),
        (_with(unanswerable="no"), "unanswerable", "expected true or false"),
        (_with(evidence={}), "evidence", "expected a list of spans"),
        (_with(evidence=[{"doc_id": "alpha"}]), "evidence[0]", "expected {"),
        (
            _with(evidence=[{**ALPHA_EVIDENCE, "doc_id": "gamma"}]),
            "evidence[0]",
            "unknown doc_id 'gamma'",
        ),
        (_with(evidence=[{**ALPHA_EVIDENCE, "end": 10_000}]), "evidence[0]", "0 <= start < end"),
        (_with(evidence=[{**ALPHA_EVIDENCE, "start": True}]), "evidence[0]", "0 <= start < end"),
        (
            _with(evidence=[{**ALPHA_EVIDENCE, "end": ALPHA_EVIDENCE["start"]}]),
            "evidence[0]",
            "0 <= start < end",
        ),
        (_with(evidence=[]), "evidence", "needs at least one evidence span"),
        (_with(answer=" ... "), "answer", "non-blank answer"),
        (_with(unanswerable=True), "unanswerable", "empty answer and no evidence"),
    ],
)
def test_malformed_question_lines_name_line_field_and_expectation(
    small_variant: Path, line: str, field: str | None, message: str
) -> None:
    error = _question_error(small_variant, [json.dumps(SMALL_QUESTIONS[1]), "", line])
    assert error.line == 3  # blank lines are skipped but still counted
    assert error.field == field
    assert message in str(error)
    assert str(error).startswith(f"{small_variant / QUESTIONS}:3: ")


def test_duplicate_ids_point_at_the_first(small_variant: Path) -> None:
    error = _question_error(small_variant, [json.dumps(GOOD), json.dumps(GOOD)])
    assert (error.line, error.field) == (2, "id")
    assert "first on line 1" in str(error)


def test_empty_or_missing_question_files(small_variant: Path) -> None:
    error = _question_error(small_variant, [""])
    assert "no questions" in str(error)
    with pytest.raises(ExerciseError, match="does not exist"):
        load_questions(small_variant / "missing.jsonl", load_corpus(small_variant))


def test_unicode_line_separators_inside_strings_do_not_split_lines(
    make_variant: Callable[..., Path],
) -> None:
    text = "Leave\u2028policy: requests need 14 days' notice."
    docs = {"alpha": text}
    question = {
        "id": "q1",
        "text": "Notice\u2028period?",
        "answer": "14 days",
        "evidence": [span_of("alpha", text, "14 days")],
        "unanswerable": False,
    }
    variant = make_variant(docs, [question])
    path = variant / QUESTIONS
    path.write_text(json.dumps(question, ensure_ascii=False) + "\n", encoding="utf-8")
    (loaded,) = load_questions(path, load_corpus(variant))
    assert loaded.text == "Notice\u2028period?"


def test_one_line_reads_as_the_file_reader_reads_it(small_variant: Path) -> None:
    corpus = load_corpus(small_variant)
    path = small_variant / QUESTIONS
    path.write_text("\n" + json.dumps(GOOD) + "\n\n", encoding="utf-8")
    assert read_question_lines(path) == ((2, json.dumps(GOOD)),)
    (loaded,) = load_questions(path, corpus)
    assert parse_question_line(json.dumps(GOOD), corpus, path=path, number=2) == loaded
    assert decode_question_line(json.dumps(GOOD), path=path, number=2) == GOOD
    with pytest.raises(DataFormatError, match="expected a JSON object, got a list") as info:
        decode_question_line("[1]", path=path, number=7)
    assert info.value.line == 7
