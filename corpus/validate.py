"""`corpus verify`: re-check a written variant (and its key) from the files alone.

Checks, each reported as one precise problem line:
- the manifest: every listed file exists with the recorded sha256, nothing unlisted in docs/;
- every question: well-formed, ids unique, evidence inside its document, answer inside the
  evidence, unanswerable questions without answer or evidence;
- the key: its variant copy and manifest hash match the variant;
- each slice's defining property, for hidden questions and (through the key's `public_slices`)
  public ones — see `SLICE_CHECKS` (for `unstated`: the entity has a section, a sibling section
  states the asked fact, its own does not; for `aggregate`: the evidence is one statement per
  sibling model, every one the corpus has, the answer is recomputed from their figures, and no
  sentence says the answer with the comparison word;
  for `temporal`: the question names no version, the
  evidence document's effective period (in its policy's version history) contains the question's
  date and no other version's does,
  and every other version of the document states the same clause with another value).;
  for `reformulation`: a term of the question that the
  corpus's glossary defines occurs neither in the evidence nor in its document, and the name the
  glossary maps it to occurs in the evidence).
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

from corpus.failure_modes import (
    AGGREGATE,
    BOUNDARY,
    DISTRACTOR,
    HEADING,
    IDENTIFIER,
    PARAPHRASE,
    REFORMULATION,
    SLICES,
    TABLE,
    TEMPORAL,
    UNANSWERABLE,
    UNSTATED,
)
from corpus.genres.comparisons import (
    asked_comparison,
    models_named,
    picked,
    says_comparison,
    stated_figure,
)
from corpus.genres.glossary import entries, uses
from corpus.genres.policies import VERSIONED_ID_RE, history_id, periods_in, question_date, title
from corpus.genres.sections import HEADINGS, asked_fact, states
from corpus.key_file import HIDDEN_QUESTIONS, KEY_FILE, KeyFile, KeyFileError, read_key_file
from corpus.text import content_words, overlap, split_sentences, tokens, units
from corpus.variant import locate
from corpus.world import as_printed
from exercise.answers import contains_answer
from exercise.errors import DataFormatError
from exercise.loading import Corpus as LoadedCorpus
from exercise.loading import (
    JudgingConfig,
    decode_question_line,
    question_from_object,
    read_question_lines,
)

PARAPHRASE_MAX_OVERLAP = 0.25
"""A paraphrase question shares at most this share of its content words with its evidence."""
IDENTIFIER_RE = re.compile(
    r"\b[A-Z]{2,5}-\d{3,5}\b|\b(?:GET|POST|PUT|PATCH|DELETE) /[\w/{}.:-]+|\b\d+\.\d+\.\d+\b"
)
HEADING_RE = re.compile(r"^#{1,6} (.*)$", re.MULTILINE)
VERSION_RE = re.compile(r"\bv\d+\b|\bversion\s+\d+\b", re.IGNORECASE)
"""A version named in a question ("v4", "version 4")."""


class VerifyError(ValueError):
    """The folder is not a variant or an output folder at all (nothing to check)."""


@dataclass(frozen=True)
class Corpus:
    """What the slice checks need to know about the whole variant."""

    docs: dict[str, str]
    chunk_size: int | None
    """Starter chunk size when the key says evidence was aligned to it, else None."""
    vocabulary: frozenset[str]
    sentences_by_signature: dict[str, list[tuple[str, str]]]
    """masked sentence → (doc id, sentence) pairs, to find a distractor's siblings."""
    all_text: str
    variant: LoadedCorpus
    """The same documents as `exercise.loading` reads them, for its question-line reader."""


def verify(folder: Path) -> list[str]:
    """All problems found in an output folder (variant/ + key/) or a bare variant folder."""
    found = locate(folder)
    if found is None:
        raise VerifyError(
            f"{folder} is not a variant: expected {folder}/manifest.json, "
            f"{folder}/variant/manifest.json or a key folder ({folder}/key.json)"
        )
    variant, key = found
    problems, docs, manifest_bytes = _check_manifest(variant, "variant")
    record: KeyFile | None = None
    if key is not None:
        record, key_problems = _check_key(key, variant, manifest_bytes)
        problems += key_problems
    chunk = record.starter.aligned_chunk if record is not None else None
    corpus = _corpus(docs, chunk)
    ids: set[str] = set()
    public_slices = record.public_slices if record is not None else {}
    problems += _check_questions(
        variant / "questions" / "public.jsonl", corpus, ids, public_slices, public=True
    )
    if key is not None and (key / HIDDEN_QUESTIONS).is_file():
        problems += _check_questions(key / HIDDEN_QUESTIONS, corpus, ids, {}, public=False)
    return problems


def _check_manifest(variant: Path, label: str) -> tuple[list[str], dict[str, str], bytes]:
    problems: list[str] = []
    manifest_bytes = (variant / "manifest.json").read_bytes()
    try:
        manifest = json.loads(manifest_bytes)
        files = manifest["files"]
    except (ValueError, KeyError, TypeError):
        return [f"{label}/manifest.json: not valid JSON with a 'files' table"], {}, manifest_bytes
    for rel, digest in sorted(files.items()):
        path = variant / rel
        if not path.is_file():
            problems.append(f"{label}/{rel}: listed in the manifest but missing")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != digest:
            problems.append(f"{label}/{rel}: sha256 differs from the manifest (file changed)")
    docs_dir = variant / "docs"
    for path in sorted(docs_dir.glob("*")) if docs_dir.is_dir() else []:
        if f"docs/{path.name}" not in files:
            problems.append(f"{label}/docs/{path.name}: not listed in the manifest")
    docs = {}
    for rel in files:
        if rel.startswith("docs/") and rel.endswith(".md") and (variant / rel).is_file():
            with open(variant / rel, encoding="utf-8", newline="") as handle:
                docs[rel[len("docs/") : -len(".md")]] = handle.read()
    return problems, docs, manifest_bytes


def _check_key(key: Path, variant: Path, manifest_bytes: bytes) -> tuple[KeyFile | None, list[str]]:
    problems: list[str] = []
    try:
        record = read_key_file(key)
    except KeyFileError as exc:
        return None, [f"key/{KEY_FILE}: {exc}"]
    if record.variant_manifest_sha256 != hashlib.sha256(manifest_bytes).hexdigest():
        problems.append(
            "key/key.json: variant_manifest_sha256 does not match variant/manifest.json"
        )
    copy = key / "variant" / "manifest.json"
    if (key / "variant").resolve() == variant.resolve():
        pass  # verifying a key folder: its copy is the variant already checked
    elif not copy.is_file():
        problems.append("key/variant: the pristine copy of the variant is missing")
    else:
        if copy.read_bytes() != manifest_bytes:
            problems.append("key/variant/manifest.json differs from variant/manifest.json")
        problems += _check_manifest(key / "variant", "key/variant")[0]
    hidden = key / HIDDEN_QUESTIONS
    if not hidden.is_file():
        problems.append("key/questions/hidden.jsonl: missing")
    elif record.hidden_sha256 != hashlib.sha256(hidden.read_bytes()).hexdigest():
        problems.append("key/questions/hidden.jsonl: sha256 differs from key.json (file changed)")
    return record, problems


def _corpus(docs: dict[str, str], chunk: int | None) -> Corpus:
    texts: dict[str, list[tuple[str, str]]] = {}
    vocabulary: set[str] = set()
    for doc_id, text in docs.items():
        vocabulary.update(tokens(text))
        for unit in units(text):
            texts.setdefault(mask(unit), []).append((doc_id, unit))
    all_text = "\n".join(docs.values())
    variant = LoadedCorpus(
        root=Path("variant"),
        docs=MappingProxyType(dict(docs)),
        judging=JudgingConfig(),
        manifest=MappingProxyType({}),
    )
    return Corpus(docs, chunk, frozenset(vocabulary), texts, all_text, variant)


def mask(sentence: str) -> str:
    """A sentence with every token that holds a digit replaced by '#' (qualifiers, values)."""
    return " ".join("#" if any(c.isdigit() for c in t) else t for t in sentence.lower().split())


def _check_questions(
    path: Path, corpus: Corpus, ids: set[str], slices: Mapping[str, str], *, public: bool
):
    label = "variant/questions/public.jsonl" if public else "key/questions/hidden.jsonl"
    if not path.is_file():
        return [f"{label}: missing"]
    try:
        lines = read_question_lines(path)
    except DataFormatError as exc:
        return [f"{label}: {exc.problem}"]
    problems = []
    for number, line in lines:
        where = f"{label} line {number}"
        try:
            q = decode_question_line(line, path=path, number=number)
        except DataFormatError as exc:
            problems.append(f"{where}: {exc.problem}")
            continue
        found = _check_question(q, corpus, public=public, path=path, number=number)
        qid = q.get("id")
        if isinstance(qid, str):
            where += f" ({qid})"
            if qid in ids:
                found.append(f"question id {qid!r} is used twice")
            ids.add(qid)
            slice_ = q.get("slice") or slices.get(qid)
            if not found and slice_ in SLICE_CHECKS:
                found += SLICE_CHECKS[slice_](q, corpus)
        problems += [f"{where}: {p}" for p in found]
    return problems


def _check_question(q: dict, corpus: Corpus, *, public: bool, path: Path, number: int) -> list[str]:
    """What is wrong with one decoded line: the line format (`exercise.loading`, the reader the
    grader uses), then what a generated line also promises."""
    try:
        question = question_from_object(q, corpus.variant, path=path, number=number)
    except DataFormatError as exc:
        return [f"field {exc.field!r}: {exc.problem}" if exc.field else exc.problem]
    problems = []
    if public and "slice" in question.labels:
        problems.append("public questions must not carry a 'slice'")
    if not public and question.labels.get("slice") not in SLICES:
        problems.append(f"slice {question.labels.get('slice')!r} is not one of {', '.join(SLICES)}")
    if any(set(ev) != {"doc_id", "start", "end"} for ev in q["evidence"]):
        problems.append("evidence must be objects with exactly doc_id, start, end")
    texts = [corpus.docs[e.doc_id][e.start : e.end] for e in question.evidence]
    if texts and not any(question.answer in t for t in texts):
        problems.append(f"answer {question.answer!r} is not inside its evidence text")
    return problems


def _evidence_text(q, corpus: Corpus) -> str:
    ev = q["evidence"][0]
    return corpus.docs[ev["doc_id"]][ev["start"] : ev["end"]]


def _boundary(q, corpus: Corpus) -> list[str]:
    if len(q["evidence"]) != 1:
        return ["boundary: evidence must be one span of two sentences"]
    text = _evidence_text(q, corpus)
    sentences = split_sentences(text)
    if len(sentences) != 2:
        return [f"boundary: evidence has {len(sentences)} sentences, expected 2"]
    first, second = sentences
    problems = []
    if q["answer"] not in second or q["answer"] in first:
        problems.append("boundary: the answer must be in the second sentence only")
    subject = content_words(q["text"]) & content_words(first) - content_words(second)
    if not subject:
        problems.append("boundary: the question names nothing that only the first sentence says")
    ev = q["evidence"][0]
    if corpus.chunk_size and not _crosses(ev["start"], ev["end"], corpus.chunk_size):
        problems.append(f"boundary: evidence does not cross a multiple of {corpus.chunk_size}")
    return problems


def _crosses(start: int, end: int, chunk: int) -> bool:
    return (start // chunk + 1) * chunk < end


def _heading(q, corpus: Corpus) -> list[str]:
    ev = q["evidence"][0]
    doc = corpus.docs[ev["doc_id"]]
    headings = [m for m in HEADING_RE.finditer(doc) if m.end() <= ev["start"]]
    if not headings:
        return ["heading: no section heading precedes the evidence"]
    heading = headings[-1]
    text = _evidence_text(q, corpus)
    entity = content_words(q["text"]) & content_words(heading.group(1)) - content_words(text)
    problems = []
    if not entity:
        problems.append(
            f"heading: the question names nothing that only the heading {heading.group(1)!r} says"
        )
    chunk = corpus.chunk_size
    if chunk and (ev["start"] // chunk) * chunk < heading.end():
        problems.append(f"heading: no multiple of {chunk} separates the heading from the evidence")
    return problems


def _table(q, corpus: Corpus) -> list[str]:
    ev = q["evidence"][0]
    doc = corpus.docs[ev["doc_id"]]
    line_start = doc.rfind("\n", 0, ev["start"]) + 1
    line_end = doc.find("\n", ev["end"])
    line = doc[ev["start"] : ev["end"]]
    if line_start != ev["start"] or (line_end != -1 and line_end != ev["end"]):
        return ["table: evidence must be exactly one whole line"]
    if not (line.startswith("|") and line.endswith("|")):
        return ["table: evidence is not a Markdown table row"]
    above = doc[:line_start].rstrip("\n").split("\n")
    if not any(set(row) <= set("|-: ") and "-" in row for row in above[-60:]):
        return ["table: the row is not below a table header"]
    cells = [c.strip() for c in line.strip("|").split("|")]
    if q["answer"] not in cells:
        return [f"table: the answer {q['answer']!r} is not one cell of the row"]
    return []


def _paraphrase(q, corpus: Corpus) -> list[str]:
    score = overlap(q["text"], _evidence_text(q, corpus))
    if score > PARAPHRASE_MAX_OVERLAP:
        return [f"paraphrase: content-word overlap {score:.2f} > {PARAPHRASE_MAX_OVERLAP}"]
    return []


def _identifier(q, corpus: Corpus) -> list[str]:
    text = _evidence_text(q, corpus)
    if not any(m.group(0) in text for m in IDENTIFIER_RE.finditer(q["text"])):
        return ["identifier: no exact code in the question also appears in the evidence"]
    return []


def _distractor(q, corpus: Corpus) -> list[str]:
    ev = q["evidence"][0]
    text = _evidence_text(q, corpus)
    siblings = [
        other
        for doc_id, other in corpus.sentences_by_signature.get(mask(text), [])
        # judged as answers are: "9 W" is not the answer "39 W" gives
        if doc_id != ev["doc_id"]
        and other != text
        and not contains_answer(other, q["answer"], len(other))
    ]
    if not siblings:
        return ["distractor: no other document has the same sentence with another qualifier"]
    return []


def _unanswerable(q, corpus: Corpus) -> list[str]:
    text = as_printed(q["text"])  # "Aster X-9" is absent only if "Aster X9" is
    anchors = [m.group(0) for m in IDENTIFIER_RE.finditer(text)]
    if any(a not in corpus.all_text for a in anchors):
        return []
    if any(t not in corpus.vocabulary for t in tokens(text)):
        return []
    return ["unanswerable: every term of the question occurs in the corpus (nothing is absent)"]


def sections(doc: str) -> list[tuple[str, str]]:
    """(heading text, body up to the next heading) of every section of a document."""
    found = list(HEADING_RE.finditer(doc))
    ends = [m.start() for m in found[1:]] + [len(doc)]
    return [(m.group(1).strip(), doc[m.end() : end]) for m, end in zip(found, ends, strict=True)]


def _unstated(q, corpus: Corpus) -> list[str]:
    asked = asked_fact(q["text"])
    if asked is None:
        return ["unstated: the question is not one a team or office section answers"]
    suffix = HEADINGS[asked.genre].format(name="")
    own, siblings = [], []
    for doc in corpus.docs.values():
        for heading, body in sections(doc):
            if heading == asked.heading:
                own.append(body)
            elif heading.endswith(suffix) and states(asked.fact, body):
                siblings.append(heading)
    problems = []
    if not own:
        problems.append(f"unstated: no section is headed {asked.heading!r} (the entity is absent)")
    if any(states(asked.fact, body) for body in own):
        problems.append(f"unstated: the section {asked.heading!r} states the asked fact")
    if not siblings:
        problems.append(f"unstated: no other {asked.genre} section states the asked fact")
    return problems


def _aggregate(q, corpus: Corpus) -> list[str]:
    asked = asked_comparison(q["text"])
    if asked is None:
        return ["aggregate: the question is not a comparison over a product line"]
    comparison, line = asked
    evidence = q["evidence"]
    if len({ev["doc_id"] for ev in evidence}) != len(evidence) or len(evidence) < 2:
        return ["aggregate: the evidence must be one span in each of two or more documents"]
    figures, signatures = [], set()
    for ev in evidence:
        text = corpus.docs[ev["doc_id"]][ev["start"] : ev["end"]]
        stated = stated_figure(text, line)
        if stated is None:
            return [f"aggregate: {text!r} does not state one figure of one {line} model"]
        figures.append(stated)
        signatures.add(mask(text))
    problems = []
    if len(signatures) != 1:
        problems.append("aggregate: the evidence spans do not state the same figure")
    cited = {model for model, _ in figures}
    if len(cited) != len(figures):
        problems.append("aggregate: a model has more than one evidence span")
    left_out = sorted(
        model
        for signature in signatures
        for _, sentence in corpus.sentences_by_signature.get(signature, [])
        for model in models_named(sentence, line)
        if model not in cited
    )
    if left_out:
        problems.append(f"aggregate: the evidence leaves out {', '.join(left_out)}")
    answer = picked(comparison, figures)
    if answer != q["answer"]:
        problems.append(
            f"aggregate: the evidence's figures pick {answer or 'no single model'}, "
            f"not {q['answer']!r}"
        )
    if any(says_comparison(doc, q["answer"], comparison.word) for doc in corpus.docs.values()):
        problems.append(
            f"aggregate: a sentence says {q['answer']!r} with {comparison.word!r} (no "
            "comparison is needed)"
        )
    return problems


def versions_of(doc_id: str, docs: Mapping[str, str]) -> list[str]:
    """The ids of the other versions of a versioned document (none for an unversioned one)."""
    match = VERSIONED_ID_RE.match(doc_id)
    if match is None:
        return []
    return sorted(
        other
        for other in docs
        if other != doc_id
        and (found := VERSIONED_ID_RE.match(other))
        and found["family"] == match["family"]
    )


def _temporal(q, corpus: Corpus) -> list[str]:
    problems = []
    if VERSION_RE.search(q["text"]):
        problems.append("temporal: the question names a version")
    day = question_date(q["text"])
    if day is None:
        return [*problems, "temporal: the question gives no date"]
    doc_id = q["evidence"][0]["doc_id"]
    history = corpus.docs.get(history_id(doc_id) or "", "")
    periods = periods_in(history)
    period = periods.get(title(corpus.docs[doc_id]))
    if period is None:
        problems.append(f"temporal: no version history states when {doc_id} was in force")
    elif not period.contains(day):
        problems.append(f"temporal: {doc_id} was not in force on {day.isoformat()}")
    others = versions_of(doc_id, corpus.docs)
    if not others:
        return [*problems, f"temporal: {doc_id} has no other version"]
    text = _evidence_text(q, corpus)
    restating = {
        other_id
        for other_id, other in corpus.sentences_by_signature.get(mask(text), [])
        if other_id != doc_id and not contains_answer(other, q["answer"], len(other))
    }
    for other in others:
        other_period = periods.get(title(corpus.docs[other]))
        if other_period is not None and other_period.contains(day):
            problems.append(f"temporal: {other} was in force on {day.isoformat()} too")
        if other not in restating:
            problems.append(f"temporal: {other} does not state the clause with another value")
    return problems


def _reformulation(q, corpus: Corpus) -> list[str]:
    defined = [e for text in corpus.docs.values() for e in entries(text)]
    asked = [e for e in defined if uses(q["text"], e.term)]
    if not asked:
        return ["reformulation: the question uses no term the corpus's glossary defines"]
    spans = [corpus.docs[e["doc_id"]][e["start"] : e["end"]] for e in q["evidence"]]
    documents = {e["doc_id"]: corpus.docs[e["doc_id"]] for e in q["evidence"]}
    problems = []
    for entry in asked:
        in_docs = [d for d, text in documents.items() if uses(text, entry.term)]
        if in_docs:
            problems.append(
                f"reformulation: the term {entry.term!r} occurs in the evidence document "
                f"{in_docs[0]} (the question uses the corpus's own words)"
            )
        if not any(entry.name in span for span in spans):
            problems.append(
                f"reformulation: the evidence does not name {entry.name!r}, which the glossary "
                f"maps {entry.term!r} to"
            )
    return problems


SLICE_CHECKS: dict[str, Callable[[dict, Corpus], list[str]]] = {
    BOUNDARY: _boundary,
    HEADING: _heading,
    TABLE: _table,
    PARAPHRASE: _paraphrase,
    IDENTIFIER: _identifier,
    DISTRACTOR: _distractor,
    UNANSWERABLE: _unanswerable,
    UNSTATED: _unstated,
    AGGREGATE: _aggregate,
    TEMPORAL: _temporal,
    REFORMULATION: _reformulation,
}
