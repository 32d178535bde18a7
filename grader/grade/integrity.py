"""Integrity checks: things a reviewer should know about a submission, reported as findings.

None of these changes a score; each finding says what was seen, where, and how sure it is:

    severity "alert"    should not happen in honest work (built for another variant, hidden
                        answers in the code)
    severity "warning"  worth a question in the debrief (public answers or offsets hard-coded,
                        a public-vs-hidden gap far above the baseline's, edited public tests or
                        corpus, the run tried things the sandbox refused, no isolation, a git
                        repository's uncommitted or untracked files — `grader.grade.preflight`)
    severity "info"     context (tests added, the harness's exercise/ edited, public answers
                        quoted only in comments or docstrings)

Public answers and question texts are told apart by where they sit in a Python file: a literal
the program uses is "in the code" (a warning), one that is only in a comment or a docstring is
quoted as an example (information). Data files the pipeline reads count as code.

Checks read the submission copy the grader took in, the key, and the runs' logs; the public and
hidden results come from the grade. Nothing here runs candidate code.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from exercise.loading import Question
from grader.answer_key import sha256_file
from grader.grade.quotes import by_place, find_quotes

SEVERITIES = ("alert", "warning", "info")
GAP_METRICS = ("recall@5", "answer_accuracy")
GAP_ALLOWED = 0.15  # public minus hidden, beyond the baseline's own gap
MIN_ANSWER_CHARS = 8  # shorter answers ("14 days", "Oslo") occur in honest code too
MIN_HITS = 3  # distinct public answers / offset pairs before "hard-coded" is said
MAX_EVIDENCE = 10  # lines quoted per finding
SCANNED_SUFFIXES = (".py", ".json", ".jsonl", ".txt", ".yaml", ".yml", ".toml", ".csv", ".pkl")
_CORPUS_DATA = ("docs", "questions")  # what `make handin` leaves out of corpus/
NOT_SCANNED = ("corpus", "tests", "exercise")  # data, fixtures, the harness's package
# What a refused attempt looks like in a Python traceback or a tool's message.
DENIALS = re.compile(
    r"Permission denied|Operation not permitted|Read-only file system|Network is unreachable|"
    r"Temporary failure in name resolution|Name or service not known|Connection refused|"
    r"Resource temporarily unavailable|Cannot allocate memory|File too large|"
    r"hidden\.jsonl|key\.json|/etc/shadow",
)
OFFSET_PAIR = re.compile(
    r"(?<![\w.])(\d{2,7})\s*[,:;]\s*(?:\"?end\"?\s*[:=]\s*)?(\d{2,7})(?![\w.])"
)


@dataclass(frozen=True)
class Finding:
    check: str  # a stable name: variant, corpus, tests, exercise, hard_coded, hidden_leak, ...
    severity: str  # one of SEVERITIES
    title: str  # one line, plain words
    detail: str = ""  # what it means and what to ask
    evidence: tuple[str, ...] = field(default=())  # file:line snippets, paths, numbers

    def to_json(self) -> dict[str, Any]:
        return {**asdict(self), "evidence": list(self.evidence)}


def check_variant(submission: Path, manifest_sha256: str) -> list[Finding]:
    """The submission's corpus/manifest.json must be the one of the variant the key grades."""
    manifest = submission / "corpus" / "manifest.json"
    if not manifest.is_file():
        return [
            Finding(
                "variant",
                "info",
                "the submission carries no corpus/manifest.json",
                "Which variant it was built for cannot be checked (the grade uses the key's "
                "corpus).",
            )
        ]
    actual = sha256_file(manifest)
    if actual == manifest_sha256:
        return []
    return [
        Finding(
            "variant",
            "alert",
            "the submission was built for another corpus variant",
            "Its corpus/manifest.json differs from the variant this key grades: the work may come "
            "from another candidate's bundle, or the manifest was edited. Ask which bundle they "
            "started from.",
            (f"submission manifest sha256 {actual[:16]}…", f"key expects {manifest_sha256[:16]}…"),
        )
    ]


def check_corpus(submission: Path, variant_files: Mapping[str, str]) -> list[Finding]:
    """Documents or public questions of the shipped corpus changed, removed or added. A corpus
    left out whole (no docs/ and no questions/: what `make handin` sends) is no finding."""
    corpus = submission / "corpus"
    if not corpus.is_dir() or not any((corpus / part).exists() for part in _CORPUS_DATA):
        return []
    changed, missing = _compare(corpus, {p: h for p, h in variant_files.items()})
    shipped = set(variant_files) | {"manifest.json"}
    added = sorted(
        p.relative_to(corpus).as_posix()
        for p in corpus.rglob("*")
        if p.is_file() and p.relative_to(corpus).as_posix() not in shipped
    )
    if not (changed or missing or added):
        return []
    evidence = (
        [f"changed corpus/{p}" for p in changed]
        + [f"removed corpus/{p}" for p in missing]
        + [f"added corpus/{p}" for p in added]
    )
    return [
        Finding(
            "corpus",
            "warning",
            f"the shipped corpus was edited ({len(changed)} changed, {len(missing)} removed, "
            f"{len(added)} added)",
            "The grade runs on the key's pristine corpus, so edits there do not count; ask why "
            "the corpus was touched.",
            _cap(evidence),
        )
    ]


def check_shipped_files(submission: Path, shipped: Mapping[str, str]) -> list[Finding]:
    """Public tests edited or removed, tests added, the harness's exercise/ package edited."""
    tests = {p: h for p, h in shipped.items() if p.startswith("tests/")}
    findings = _edited(
        submission,
        tests,
        "tests",
        "warning",
        "public tests edited ({changed} changed, {removed} removed)",
        "Shipped tests were changed or deleted; look at the diff before trusting a green "
        "`make test`.",
    )
    added = (
        sorted(
            p.relative_to(submission).as_posix()
            for p in (submission / "tests").rglob("*.py")
            if p.relative_to(submission).as_posix() not in tests
        )
        if (submission / "tests").is_dir()
        else []
    )
    if added:
        findings.append(
            Finding(
                "tests_added",
                "info",
                f"{len(added)} test file(s) added",
                "The candidate wrote tests of their own.",
                _cap(added),
            )
        )
    return findings + _edited(
        submission,
        {p: h for p, h in shipped.items() if p.startswith("exercise/")},
        "exercise",
        "info",
        "the shipped exercise/ package was edited",
        "The grader judges with its own copy, so these edits change nothing in the grade.",
    )


def check_hard_coding(
    submission: Path,
    public: Sequence[Question],
    hidden: Sequence[Question],
    starter_texts: Iterable[str],
) -> list[Finding]:
    """Public answers, question texts or evidence offsets written into the code; hidden answers
    anywhere in it (those the candidate never saw)."""
    starter = "\n".join(starter_texts)
    files = _scanned_files(submission)
    findings = []
    public_texts = {q.text for q in public}
    code, prose = by_place(find_quotes(files, _answers(public, starter) | _texts(public)))
    if len(code) >= MIN_HITS or public_texts & set(code):
        also = f" ({len(prose)} more are quoted in comments or docstrings.)" if prose else ""
        findings.append(
            Finding(
                "hard_coded",
                "warning",
                f"{len(code)} public question texts or answers appear in the code",
                "Public answers written into the pipeline pass public tests without retrieving "
                "anything; the hidden questions are where such code fails. Ask about it." + also,
                _cap(_lines(code)),
            )
        )
    elif len(prose) >= MIN_HITS or public_texts & set(prose):
        findings.append(
            Finding(
                "quoted_examples",
                "info",
                f"{len(prose)} public question texts or answers are quoted in comments or "
                "docstrings",
                "Only in comments and docstrings, as examples: they do not change what the "
                "pipeline returns. Worth a glance, not a concern.",
                _cap(_lines(prose)),
            )
        )
    offsets = {(s.start, s.end) for q in public for s in q.evidence}
    offset_hits = _offset_hits(files, offsets)
    if len(offset_hits) >= MIN_HITS:
        findings.append(
            Finding(
                "hard_coded_offsets",
                "warning",
                f"{len(offset_hits)} public evidence offsets appear in the code",
                "Start/end pairs of public evidence spans are written into the code.",
                _cap(_lines(offset_hits)),
            )
        )
    hidden_answers = _answers(hidden, starter) - _answers(public, starter)
    hidden_hits = find_quotes(files, hidden_answers | _texts(hidden))
    if len(hidden_hits) >= MIN_HITS:
        code, prose = by_place(hidden_hits)
        where = (
            "appear in the code"
            if not prose
            else "are quoted in comments or docstrings"
            if not code
            else f"appear in the submission ({len(code)} in code, {len(prose)} in comments or "
            "docstrings)"
        )
        findings.append(
            Finding(
                "hidden_leak",
                "alert",
                f"{len(hidden_hits)} hidden question texts or answers {where}",
                "The candidate never saw these, even as examples: either the key leaked or these "
                "strings are common in the corpus domain. Check the quoted lines.",
                _cap(_lines({k: v for k, (v, _) in hidden_hits.items()})),
            )
        )
    return findings


def check_gap(
    submission: Mapping[str, Mapping[str, float | None]],
    baseline: Mapping[str, Mapping[str, float | None]] | None,
) -> list[Finding]:
    """Public score far above hidden: `submission`/`baseline` map "public"/"hidden" → metrics."""
    findings = []
    for metric in GAP_METRICS:
        public, hidden = submission["public"].get(metric), submission["hidden"].get(metric)
        if public is None or hidden is None:
            continue
        gap = public - hidden
        base_gap = 0.0
        if baseline is not None:
            b_public, b_hidden = baseline["public"].get(metric), baseline["hidden"].get(metric)
            if b_public is not None and b_hidden is not None:
                base_gap = max(0.0, b_public - b_hidden)
        # With a tolerance: means are fractions like 13/20 − 10/20, which floats make
        # 0.15000000000000002, and a gap of exactly GAP_ALLOWED is allowed.
        if gap - base_gap > GAP_ALLOWED + 1e-9:
            findings.append(
                Finding(
                    "overfitting",
                    "warning",
                    f"{metric} is {gap:.2f} higher on the public questions than on hidden ones",
                    "A gap this size beyond the baseline's suggests tuning to the public questions "
                    f"(allowed: {GAP_ALLOWED:.2f} over the baseline's gap of {base_gap:.2f}).",
                    (
                        f"public {public:.3f}",
                        f"hidden {hidden:.3f}",
                        f"baseline gap {base_gap:.3f}",
                    ),
                )
            )
    return findings


def check_log(log: Path, run: str) -> list[Finding]:
    """Lines of the run's log that show the sandbox refusing something."""
    try:
        text = log.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return []
    hits = [
        f"{log.name}:{number}: {line.strip()[:200]}"
        for number, line in enumerate(text.splitlines(), start=1)
        if DENIALS.search(line)
    ]
    if not hits:
        return []
    return [
        Finding(
            "sandbox_log",
            "warning",
            f"the {run} run's log shows {len(hits)} refused operation(s)",
            "Reading outside the sandbox, writing to read-only places, the network or running "
            "into limits leaves these lines; they may be innocent (a library probing) or not.",
            _cap(hits),
        )
    ]


def _edited(
    submission: Path,
    expected: Mapping[str, str],
    check: str,
    severity: str,
    title: str,
    detail: str,
) -> list[Finding]:
    """A finding when shipped files were changed or removed, listing each; `title` may name
    the counts as {changed} and {removed}."""
    changed, missing = _compare(submission, expected)
    if not (changed or missing):
        return []
    evidence = [f"changed {p}" for p in changed] + [f"removed {p}" for p in missing]
    title = title.format(changed=len(changed), removed=len(missing))
    return [Finding(check, severity, title, detail, _cap(evidence))]


def _compare(root: Path, expected: Mapping[str, str]) -> tuple[list[str], list[str]]:
    changed, missing = [], []
    for rel, digest in sorted(expected.items()):
        path = root / rel
        if not path.is_file():
            missing.append(rel)
        elif sha256_file(path) != digest:
            changed.append(rel)
    return changed, missing


def _scanned_files(root: Path) -> dict[str, list[str]]:
    files = {}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if not path.is_file() or rel.parts[0] in NOT_SCANNED or path.suffix not in SCANNED_SUFFIXES:
            continue
        if path.stat().st_size > 8 << 20:
            continue
        text = path.read_bytes().decode("utf-8", errors="replace")
        files[rel.as_posix()] = text.splitlines()
    return files


def _answers(questions: Sequence[Question], starter: str) -> set[str]:
    return {
        q.answer for q in questions if len(q.answer) >= MIN_ANSWER_CHARS and q.answer not in starter
    }


def _texts(questions: Sequence[Question]) -> set[str]:
    return {q.text for q in questions if len(q.text) >= MIN_ANSWER_CHARS}


def _offset_hits(files: Mapping[str, list[str]], offsets: set[tuple[int, int]]) -> dict[str, str]:
    hits: dict[str, str] = {}
    for name, lines in files.items():
        for number, line in enumerate(lines, start=1):
            for match in OFFSET_PAIR.finditer(line):
                pair = (int(match.group(1)), int(match.group(2)))
                if pair in offsets and f"{pair}" not in hits:
                    hits[f"{pair}"] = f"{name}:{number}: {line.strip()[:160]}"
    return hits


def _lines(hits: Mapping[str, str]) -> list[str]:
    return sorted(set(hits.values()))


def _cap(items: Sequence[str]) -> tuple[str, ...]:
    items = list(items)
    if len(items) <= MAX_EVIDENCE:
        return tuple(items)
    return (*items[:MAX_EVIDENCE], f"… and {len(items) - MAX_EVIDENCE} more")
