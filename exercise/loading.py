"""Reading a corpus variant and its question files (the fixed on-disk format of DESIGN.md).

A variant directory holds `manifest.json`, `docs/<doc_id>.md` and `questions/public.jsonl`. Document
text is each file's exact UTF-8 content, read without newline translation, so evidence offsets are
plain Python `str` indices. Called by the evaluation loop and the grader; every malformed input
raises `DataFormatError` naming the file, line, field and what is expected.
"""

from __future__ import annotations

import json
import math
import types
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exercise.answers import normalize_answer
from exercise.errors import DataFormatError, ExerciseError
from exercise.types import Span

DEFAULT_PASSAGE_CAP = 1500
DEFAULT_ANSWER_CAP = 300

# Keys a question line may carry that `exercise` interprets; every other key is kept, uninterpreted,
# in `Question.labels` (the grader groups results by them).
QUESTION_FIELDS = ("id", "text", "answer", "evidence", "unanswerable")
EVIDENCE_FIELDS = ("doc_id", "start", "end")


@dataclass(frozen=True)
class JudgingConfig:
    """Limits the judge applies, from the manifest's optional `"judging"` object."""

    passage_cap: int = DEFAULT_PASSAGE_CAP  # only a passage's first `passage_cap` chars are judged
    answer_cap: int = DEFAULT_ANSWER_CAP  # longer answer texts are `invalid`


@dataclass(frozen=True)
class Corpus:
    """One corpus variant as the judge sees it."""

    root: Path  # the variant directory (what `Pipeline(corpus_dir=...)` receives)
    docs: Mapping[str, str]  # doc_id -> exact document text (read-only)
    judging: JudgingConfig  # caps from the manifest, else the defaults
    manifest: Mapping[str, Any]  # the whole manifest as read (read-only view of the top level)

    def text(self, span: Span) -> str:
        """The text a span (or passage) points at."""
        return self.docs[span.doc_id][span.start : span.end]


@dataclass(frozen=True)
class Question:
    """One question with its expected answer and evidence; pipelines only ever see `text`."""

    id: str  # unique within its file, no whitespace
    text: str  # the question as asked
    answer: str  # the gold answer ("" when unanswerable)
    evidence: tuple[Span, ...]  # every span needed to answer; empty when unanswerable
    unanswerable: bool  # the corpus does not contain the answer; the right reply is to abstain
    labels: Mapping[str, Any]  # any other keys of the question line, uninterpreted (read-only)

    @property
    def answerable(self) -> bool:
        return not self.unanswerable


def load_corpus(variant_dir: Path) -> Corpus:
    """Read a variant directory: its manifest (with judging caps) and every `docs/*.md` file."""
    variant_dir = Path(variant_dir)
    if not variant_dir.is_dir():
        raise ExerciseError(f"corpus variant {variant_dir} is not a directory")
    manifest_path = variant_dir / "manifest.json"
    manifest = _read_json_object(manifest_path)
    judging = _judging_config(manifest_path, manifest.get("judging"))
    docs_dir = variant_dir / "docs"
    if not docs_dir.is_dir():
        raise DataFormatError(docs_dir, "missing: a variant keeps documents in docs/<doc_id>.md")
    docs: dict[str, str] = {}
    for path in sorted(docs_dir.glob("*.md")):
        try:
            with path.open(encoding="utf-8", newline="") as handle:
                docs[path.stem] = handle.read()
        except UnicodeDecodeError as exc:
            problem = f"not valid UTF-8 ({exc.reason} at byte {exc.start})"
            raise DataFormatError(path, problem) from exc
    if not docs:
        raise DataFormatError(docs_dir, "no documents: expected at least one <doc_id>.md file")
    return Corpus(
        root=variant_dir,
        docs=types.MappingProxyType(docs),
        judging=judging,
        manifest=types.MappingProxyType(manifest),
    )


def default_questions_path(variant_dir: Path) -> Path:
    """Where a variant keeps its public questions."""
    return Path(variant_dir) / "questions" / "public.jsonl"


def load_questions(path: Path, corpus: Corpus) -> tuple[Question, ...]:
    """Read a question file (one JSON object per line; blank lines are skipped).

    Evidence is checked against `corpus`, so a question file that does not belong to the variant is
    reported at its first mismatching span.
    """
    path = Path(path)
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for number, line in read_question_lines(path):
        question = parse_question_line(line, corpus, path=path, number=number)
        if question.id in seen:
            raise DataFormatError(
                path,
                f"duplicate id {question.id!r} (first on line {seen[question.id]})",
                line=number,
                field="id",
            )
        seen[question.id] = number
        questions.append(question)
    if not questions:
        raise DataFormatError(path, "no questions: expected one JSON object per line")
    return tuple(questions)


def read_question_lines(path: Path) -> tuple[tuple[int, str], ...]:
    """(line number, text) of every non-blank line of a question file, numbered from 1.

    Lines are split at line feeds only: `str.splitlines` would also break inside JSON strings at
    U+2028. Raises `ExerciseError` for a missing file, `DataFormatError` for one not in UTF-8.
    """
    path = Path(path)
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            lines = handle.read().split("\n")
    except FileNotFoundError as exc:
        raise ExerciseError(f"question file {path} does not exist") from exc
    except UnicodeDecodeError as exc:
        raise DataFormatError(path, f"not valid UTF-8 ({exc.reason} at byte {exc.start})") from exc
    return tuple((number, line) for number, line in enumerate(lines, start=1) if line.strip())


def parse_question_line(line: str, corpus: Corpus, *, path: Path, number: int) -> Question:
    """One line of a question file as a `Question`, checked against `corpus`.

    The one reader of the question line format (DESIGN.md): `decode_question_line`, then
    `question_from_object`. Raises `DataFormatError` naming `path`, line `number`, the field and
    what is expected.
    """
    data = decode_question_line(line, path=path, number=number)
    return question_from_object(data, corpus, path=path, number=number)


def decode_question_line(line: str, *, path: Path, number: int) -> dict[str, Any]:
    """A question line's JSON object, not yet checked (`DataFormatError` if it is none)."""
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise DataFormatError(path, f"not valid JSON ({exc})", line=number) from exc
    if not isinstance(data, dict):
        raise DataFormatError(path, f"expected a JSON object, got {_json_type(data)}", line=number)
    return data


def _read_json_object(path: Path) -> dict[str, Any]:
    try:
        with path.open(encoding="utf-8") as handle:
            data = json.load(handle)
    except FileNotFoundError as exc:
        raise DataFormatError(path, "missing: every variant has a manifest.json") from exc
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DataFormatError(path, f"not valid JSON ({exc})") from exc
    if not isinstance(data, dict):
        raise DataFormatError(path, f"expected a JSON object, got {_json_type(data)}")
    return data


def _judging_config(path: Path, raw: object) -> JudgingConfig:
    if raw is None:
        return JudgingConfig()
    if not isinstance(raw, dict):
        raise DataFormatError(path, f"expected an object, got {_json_type(raw)}", field="judging")
    values: dict[str, int] = {}
    for name in ("passage_cap", "answer_cap"):
        if name not in raw:
            continue
        value = raw[name]
        if not _is_int(value) or value < 1:
            raise DataFormatError(
                path, f"expected a positive integer, got {value!r}", field=f"judging.{name}"
            )
        values[name] = value
    return JudgingConfig(**values)


def question_from_object(
    data: Mapping[str, Any], corpus: Corpus, *, path: Path, number: int
) -> Question:
    """A decoded question line as a `Question`: every field checked, evidence against `corpus`;
    keys other than `QUESTION_FIELDS` are kept in `labels`. Raises `DataFormatError`."""

    def fail(problem: str, field: str | None = None) -> DataFormatError:
        return DataFormatError(path, problem, line=number, field=field)

    missing = [name for name in QUESTION_FIELDS if name not in data]
    if missing:
        expected = ", ".join(QUESTION_FIELDS)
        raise fail(f"missing {', '.join(missing)}; a question line has {expected}")
    qid, text, answer = data["id"], data["text"], data["answer"]
    if not isinstance(qid, str) or not qid or any(c.isspace() for c in qid):
        raise fail(f"expected a non-empty string without whitespace, got {qid!r}", "id")
    if not isinstance(text, str) or not text.strip():
        raise fail(f"expected a non-empty string, got {text!r}", "text")
    if not isinstance(answer, str):
        raise fail(f"expected a string, got {_json_type(answer)}", "answer")
    unanswerable = data["unanswerable"]
    if not isinstance(unanswerable, bool):
        raise fail(f"expected true or false, got {unanswerable!r}", "unanswerable")
    evidence = _parse_evidence(data["evidence"], corpus, fail)
    if unanswerable and (evidence or answer):
        raise fail("an unanswerable question has an empty answer and no evidence", "unanswerable")
    if not unanswerable and not evidence:
        raise fail("an answerable question needs at least one evidence span", "evidence")
    if not unanswerable and not normalize_answer(answer):
        raise fail(f"an answerable question needs a non-blank answer, got {answer!r}", "answer")
    labels = {key: value for key, value in data.items() if key not in QUESTION_FIELDS}
    return Question(
        id=qid,
        text=text,
        answer=answer,
        evidence=evidence,
        unanswerable=unanswerable,
        labels=types.MappingProxyType(labels),
    )


def _parse_evidence(raw: object, corpus: Corpus, fail: Any) -> tuple[Span, ...]:
    if not isinstance(raw, list):
        raise fail(f"expected a list of spans, got {_json_type(raw)}", "evidence")
    spans = []
    for index, item in enumerate(raw):
        field = f"evidence[{index}]"
        if not isinstance(item, dict) or any(name not in item for name in EVIDENCE_FIELDS):
            raise fail('expected {"doc_id": str, "start": int, "end": int}', field)
        doc_id, start, end = item["doc_id"], item["start"], item["end"]
        if not isinstance(doc_id, str) or doc_id not in corpus.docs:
            raise fail(f"unknown doc_id {doc_id!r}: no docs/{doc_id}.md in {corpus.root}", field)
        length = len(corpus.docs[doc_id])
        if not (_is_int(start) and _is_int(end) and 0 <= start < end <= length):
            raise fail(
                f"span out of range: expected integers with 0 <= start < end <= {length}"
                f" (length of {doc_id}), got start={start!r} end={end!r}",
                field,
            )
        spans.append(Span(doc_id, start, end))
    return tuple(spans)


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _json_type(value: object) -> str:
    names: Sequence[tuple[type | tuple[type, ...], str]] = (
        (bool, "a boolean"),
        (int, "a number"),
        (float, "a number"),
        (str, "a string"),
        (list, "a list"),
        (dict, "an object"),
        (type(None), "null"),
    )
    for kind, name in names:
        if isinstance(value, kind):
            if isinstance(value, float) and not math.isfinite(value):
                return "a non-finite number"
            return name
    return type(value).__name__
