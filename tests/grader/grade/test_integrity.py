"""Integrity checks on small hand-made submissions (no model, no sandbox, no generated corpus).

Each check is fed a submission folder written into tmp_path and the key's side of the comparison
(hashes, questions, metrics) built by hand; file hashes are computed here with hashlib, never typed.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from exercise.loading import Question
from exercise.types import Span
from grader.grade.integrity import (
    DENIALS,
    GAP_ALLOWED,
    MAX_EVIDENCE,
    MIN_ANSWER_CHARS,
    MIN_HITS,
    NOT_SCANNED,
    Finding,
    check_corpus,
    check_gap,
    check_hard_coding,
    check_log,
    check_shipped_files,
    check_variant,
)


def write(root: Path, relative: str, text: str) -> Path:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def digest(text: str) -> str:
    """What the key records for a file holding `text` (sha256 of its UTF-8 bytes)."""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def question(qid: str, text: str, answer: str, *spans: tuple[int, int]) -> Question:
    evidence = tuple(Span("doc", start, end) for start, end in spans)
    return Question(qid, text, answer, evidence, unanswerable=not answer, labels={})


def capped(items: list[str]) -> tuple[str, ...]:
    """Evidence as a finding quotes it: the first MAX_EVIDENCE items, then a count of the rest."""
    return (*items[:MAX_EVIDENCE], f"… and {len(items) - MAX_EVIDENCE} more")


def test_a_finding_serialises_every_field() -> None:
    finding = Finding("corpus", "warning", "title", "detail", ("a", "b"))
    assert finding.to_json() == {
        "check": "corpus",
        "severity": "warning",
        "title": "title",
        "detail": "detail",
        "evidence": ["a", "b"],
    }
    assert Finding("variant", "info", "t").to_json()["evidence"] == []


# --- check_variant -----------------------------------------------------------------------------

MANIFEST = '{"seed": 7}\n'
OTHER_MANIFEST = '{"seed": 8}\n'


def test_the_variant_the_key_grades_is_not_flagged(tmp_path: Path) -> None:
    write(tmp_path, "corpus/manifest.json", MANIFEST)
    assert check_variant(tmp_path, digest(MANIFEST)) == []


def test_another_variants_manifest_is_an_alert_quoting_both_hashes(tmp_path: Path) -> None:
    write(tmp_path, "corpus/manifest.json", OTHER_MANIFEST)
    [finding] = check_variant(tmp_path, digest(MANIFEST))
    assert (finding.check, finding.severity) == ("variant", "alert")
    assert finding.evidence == (
        f"submission manifest sha256 {digest(OTHER_MANIFEST)[:16]}…",
        f"key expects {digest(MANIFEST)[:16]}…",
    )


def test_no_manifest_is_only_context(tmp_path: Path) -> None:
    [finding] = check_variant(tmp_path, digest(MANIFEST))
    assert (finding.check, finding.severity, finding.evidence) == ("variant", "info", ())
    assert "no corpus/manifest.json" in finding.title


# --- check_corpus ------------------------------------------------------------------------------

DOCS = {"docs/a.md": "# A\n", "docs/b.md": "# B\n", "questions/public.jsonl": "{}\n"}


def shipped_corpus(root: Path) -> dict[str, str]:
    """Write DOCS (and a manifest) under root/corpus; return the manifest's "files" hashes."""
    for relative, text in DOCS.items():
        write(root / "corpus", relative, text)
    write(root / "corpus", "manifest.json", MANIFEST)
    return {relative: digest(text) for relative, text in DOCS.items()}


def test_a_pristine_corpus_is_not_flagged(tmp_path: Path) -> None:
    # manifest.json is not among its own "files" but is no added file either
    assert check_corpus(tmp_path, shipped_corpus(tmp_path)) == []


def test_no_corpus_folder_is_not_flagged(tmp_path: Path) -> None:
    assert check_corpus(tmp_path, {"docs/a.md": digest("# A\n")}) == []


def test_a_corpus_left_out_by_make_handin_is_not_flagged(tmp_path: Path) -> None:
    files = shipped_corpus(tmp_path)
    shutil.rmtree(tmp_path / "corpus" / "docs")
    shutil.rmtree(tmp_path / "corpus" / "questions")
    assert check_corpus(tmp_path, files) == []  # only manifest.json is left: what handin sends
    write(tmp_path / "corpus", "docs/mine.md", "# Mine\n")  # but an added document still counts
    [finding] = check_corpus(tmp_path, files)
    assert "(0 changed, 3 removed, 1 added)" in finding.title


def test_changed_removed_and_added_corpus_files_are_one_warning(tmp_path: Path) -> None:
    files = shipped_corpus(tmp_path)
    write(tmp_path / "corpus", "docs/a.md", "# A, edited\n")
    (tmp_path / "corpus" / "docs" / "b.md").unlink()
    write(tmp_path / "corpus", "questions/mine.jsonl", "{}\n")
    [finding] = check_corpus(tmp_path, files)
    assert (finding.check, finding.severity) == ("corpus", "warning")
    assert "(1 changed, 1 removed, 1 added)" in finding.title
    assert finding.evidence == (
        "changed corpus/docs/a.md",
        "removed corpus/docs/b.md",
        "added corpus/questions/mine.jsonl",
    )


def test_corpus_evidence_is_capped(tmp_path: Path) -> None:
    files = shipped_corpus(tmp_path)
    added = [f"docs/extra{n:02d}.md" for n in range(MAX_EVIDENCE + 2)]
    for relative in added:
        write(tmp_path / "corpus", relative, "x")
    [finding] = check_corpus(tmp_path, files)
    assert f"0 changed, 0 removed, {MAX_EVIDENCE + 2} added" in finding.title
    assert finding.evidence == capped([f"added corpus/{r}" for r in added])


# --- check_shipped_files -----------------------------------------------------------------------

SHIPPED = {
    "tests/test_public.py": "def test_it(): pass\n",
    "tests/test_more.py": "def test_more(): pass\n",
    "exercise/evaluate.py": "# harness\n",
    "rag/pipeline.py": "class Pipeline: ...\n",
    "Makefile": "test:\n",
}


def shipped_tree(root: Path) -> dict[str, str]:
    for relative, text in SHIPPED.items():
        write(root, relative, text)
    return {relative: digest(text) for relative, text in SHIPPED.items()}


def test_the_files_as_shipped_are_not_flagged(tmp_path: Path) -> None:
    assert check_shipped_files(tmp_path, shipped_tree(tmp_path)) == []


def test_the_candidates_own_code_is_not_this_checks_business(tmp_path: Path) -> None:
    hashes = shipped_tree(tmp_path)
    write(tmp_path, "rag/pipeline.py", "class Pipeline: pass  # rewritten\n")
    write(tmp_path, "Makefile", "test:\n\tpytest\n")
    write(tmp_path, "rag/chunking.py", "")
    write(tmp_path, "tests/data/fixture.json", "{}")  # not a .py file: no test added
    assert check_shipped_files(tmp_path, hashes) == []


def test_edited_public_tests_are_a_warning(tmp_path: Path) -> None:
    hashes = shipped_tree(tmp_path)
    write(tmp_path, "tests/test_public.py", "def test_it(): assert True\n")
    (tmp_path / "tests" / "test_more.py").unlink()
    [finding] = check_shipped_files(tmp_path, hashes)
    assert (finding.check, finding.severity) == ("tests", "warning")
    assert "(1 changed, 1 removed)" in finding.title
    assert finding.evidence == ("changed tests/test_public.py", "removed tests/test_more.py")


def test_added_tests_are_context_listed_by_path(tmp_path: Path) -> None:
    hashes = shipped_tree(tmp_path)
    write(tmp_path, "tests/test_mine.py", "")
    write(tmp_path, "tests/unit/test_deep.py", "")
    [finding] = check_shipped_files(tmp_path, hashes)
    assert (finding.check, finding.severity) == ("tests_added", "info")
    assert finding.title.startswith("2 test file(s) added")
    assert finding.evidence == ("tests/test_mine.py", "tests/unit/test_deep.py")


def test_an_edited_exercise_package_is_context(tmp_path: Path) -> None:
    hashes = shipped_tree(tmp_path)
    write(tmp_path, "exercise/evaluate.py", "# harness, patched\n")
    [finding] = check_shipped_files(tmp_path, hashes)
    assert (finding.check, finding.severity) == ("exercise", "info")
    assert finding.evidence == ("changed exercise/evaluate.py",)


def test_a_submission_without_tests_removed_every_public_test(tmp_path: Path) -> None:
    hashes = shipped_tree(tmp_path)
    for relative in ("tests/test_public.py", "tests/test_more.py"):
        (tmp_path / relative).unlink()
    (tmp_path / "tests").rmdir()
    [finding] = check_shipped_files(tmp_path, hashes)
    assert finding.check == "tests"
    assert finding.evidence == ("removed tests/test_more.py", "removed tests/test_public.py")


def test_added_test_evidence_is_capped(tmp_path: Path) -> None:
    hashes = shipped_tree(tmp_path)
    added = [f"tests/test_mine{n:02d}.py" for n in range(MAX_EVIDENCE + 1)]
    for relative in added:
        write(tmp_path, relative, "")
    [finding] = check_shipped_files(tmp_path, hashes)
    assert finding.evidence == capped(added)


# --- check_hard_coding -------------------------------------------------------------------------

# Public questions: texts and answers at least MIN_ANSWER_CHARS long, each with one evidence span.
PUBLIC = tuple(
    question(
        f"p{n}",
        f"Which setting controls feature {n:02d}?",
        f"setting-number-{n:02d}",
        (100 * n, 100 * n + 40),
    )
    for n in range(1, 13)
)
HIDDEN = tuple(
    question(f"h{n}", f"Who approves hidden request {n}?", f"approver-number-{n:02d}")
    for n in range(1, 6)
)


def code_with(lines: list[str]) -> str:
    return "".join(f"{line}\n" for line in lines)


def quoted(relative: str, lines: list[str]) -> list[str]:
    """`lines` of the file `relative` as a finding quotes them: `file:line: text`, sorted."""
    return sorted(f"{relative}:{n + 1}: {line}" for n, line in enumerate(lines))


def flagged_from_min_hits_on(
    tmp_path: Path, relative: str, lines: list[str], hits: int
) -> Finding | None:
    """check_hard_coding of a submission whose file `relative` holds `lines`, `hits` of them
    quoting the key: nothing below MIN_HITS (None), one finding from MIN_HITS on (returned)."""
    write(tmp_path, relative, code_with(lines))
    found = check_hard_coding(tmp_path, PUBLIC, HIDDEN, [])
    if hits < MIN_HITS:
        assert found == []
        return None
    [finding] = found
    return finding


def test_clean_code_is_not_flagged(tmp_path: Path) -> None:
    write(tmp_path, "rag/pipeline.py", code_with(["def answer(q):", "    return 'unknown'"]))
    assert check_hard_coding(tmp_path, PUBLIC, HIDDEN, []) == []


@pytest.mark.parametrize(
    ("side", "check", "severity"),
    [("public", "hard_coded", "warning"), ("hidden", "hidden_leak", "alert")],
)
@pytest.mark.parametrize("hits", [MIN_HITS - 1, MIN_HITS])
def test_answers_in_the_code_are_flagged_from_min_hits_on(
    tmp_path: Path, side: str, check: str, severity: str, hits: int
) -> None:
    asked = {"public": PUBLIC, "hidden": HIDDEN}[side]
    lines = [f"ANSWER_{n} = {q.answer!r}" for n, q in enumerate(asked[:hits])]
    finding = flagged_from_min_hits_on(tmp_path, "rag/answers.py", lines, hits)
    if finding is not None:
        assert (finding.check, finding.severity) == (check, severity)
        assert finding.title.startswith(f"{MIN_HITS} {side} question texts or answers")
        assert finding.evidence == tuple(quoted("rag/answers.py", lines))


def test_one_public_question_text_is_enough(tmp_path: Path) -> None:
    write(tmp_path, "rag/lookup.py", f"CANNED = {{{PUBLIC[0].text!r}: 'x'}}\n")
    [finding] = check_hard_coding(tmp_path, PUBLIC, HIDDEN, [])
    assert finding.check == "hard_coded"
    assert finding.title.startswith("1 public question texts or answers")


@pytest.mark.parametrize(
    ("length", "flagged"), [(MIN_ANSWER_CHARS - 1, False), (MIN_ANSWER_CHARS, True)]
)
def test_answers_shorter_than_min_answer_chars_are_ignored(
    tmp_path: Path, length: int, flagged: bool
) -> None:
    # MIN_HITS answers of exactly `length` characters ("pppp…", "qqqq…", …), all in the code;
    # texts too short to count either, so only the answers' length decides
    answers = [letter * length for letter in "pqrstuvw"[:MIN_HITS]]
    public = [question(f"s{n}", "Why?", a) for n, a in enumerate(answers)]
    write(tmp_path, "rag/answers.py", code_with([f"A{n} = {a!r}" for n, a in enumerate(answers)]))
    found = check_hard_coding(tmp_path, public, [], [])
    assert [f.check for f in found] == (["hard_coded"] if flagged else [])


def test_answers_the_starter_code_contains_are_not_counted(tmp_path: Path) -> None:
    lines = [f"A{n} = {q.answer!r}" for n, q in enumerate(PUBLIC[:MIN_HITS])]
    write(tmp_path, "rag/answers.py", code_with(lines))
    starter = [f"# the starter already says {PUBLIC[0].answer}\n"]
    # MIN_HITS answers in the code, one of them the starter's own: MIN_HITS - 1 count
    assert check_hard_coding(tmp_path, PUBLIC, HIDDEN, starter) == []


@pytest.mark.parametrize("folder", NOT_SCANNED)
def test_data_fixtures_and_the_harness_are_not_scanned(tmp_path: Path, folder: str) -> None:
    everything = [q.text for q in PUBLIC + HIDDEN] + [q.answer for q in PUBLIC + HIDDEN]
    write(tmp_path, f"{folder}/copy.py", code_with([repr(s) for s in everything]))
    assert check_hard_coding(tmp_path, PUBLIC, HIDDEN, []) == []


def test_files_of_other_kinds_are_not_scanned(tmp_path: Path) -> None:
    everything = [q.text for q in PUBLIC + HIDDEN] + [q.answer for q in PUBLIC + HIDDEN]
    write(tmp_path, "NOTES.md", code_with(everything))
    assert check_hard_coding(tmp_path, PUBLIC, HIDDEN, []) == []


def test_data_files_the_pipeline_reads_are_scanned(tmp_path: Path) -> None:
    lines = [f'{{"a": "{q.answer}"}}' for q in PUBLIC[:MIN_HITS]]
    write(tmp_path, "rag/data/cache.jsonl", code_with(lines))
    [finding] = check_hard_coding(tmp_path, PUBLIC, HIDDEN, [])
    assert finding.evidence[0].startswith("rag/data/cache.jsonl:1: ")


def test_hard_coded_evidence_is_capped_but_counted_in_full(tmp_path: Path) -> None:
    lines = [f"A{n:02d} = {q.answer!r}" for n, q in enumerate(PUBLIC)]
    write(tmp_path, "rag/answers.py", code_with(lines))
    [finding] = check_hard_coding(tmp_path, PUBLIC, HIDDEN, [])
    assert finding.title.startswith(f"{len(PUBLIC)} public")
    assert finding.evidence == capped(quoted("rag/answers.py", lines))


def test_answers_sharing_a_line_are_quoted_once(tmp_path: Path) -> None:
    line = "ANSWERS = [" + ", ".join(repr(q.answer) for q in PUBLIC[:MIN_HITS]) + "]"
    write(tmp_path, "rag/answers.py", line + "\n")
    [finding] = check_hard_coding(tmp_path, PUBLIC, HIDDEN, [])
    assert finding.title.startswith(f"{MIN_HITS} public")
    assert finding.evidence == (f"rag/answers.py:1: {line}",)


@pytest.mark.parametrize(
    "shape",
    [
        "({start}, {end})",
        "{start}:{end}",
        '{{"start": {start}, "end": {end}}}',
        "start={start}; end={end}",
    ],
)
@pytest.mark.parametrize("pairs", [MIN_HITS - 1, MIN_HITS])
def test_public_evidence_offsets_are_flagged_from_min_hits_on(
    tmp_path: Path, shape: str, pairs: int
) -> None:
    spans = [q.evidence[0] for q in PUBLIC[:pairs]]
    lines = [f"SPAN_{n} = " + shape.format(start=s.start, end=s.end) for n, s in enumerate(spans)]
    finding = flagged_from_min_hits_on(tmp_path, "rag/spans.py", lines, pairs)
    if finding is not None:
        assert (finding.check, finding.severity) == ("hard_coded_offsets", "warning")
        assert finding.title.startswith(f"{MIN_HITS} public evidence offsets")
        assert finding.evidence == tuple(quoted("rag/spans.py", lines))


def test_offsets_inside_longer_numbers_or_not_in_the_evidence_are_not_counted(
    tmp_path: Path,
) -> None:
    spans = [q.evidence[0] for q in PUBLIC[:MIN_HITS]]
    lines = [f"X{n} = 9{s.start}, {s.end}" for n, s in enumerate(spans)]  # 9100, 140 …
    lines += [f"Y{n} = {s.start}, {s.end + 1}" for n, s in enumerate(spans)]  # end off by one
    lines += [f"Z{n} = 1.{s.start}, {s.end}" for n, s in enumerate(spans)]  # a decimal
    write(tmp_path, "rag/numbers.py", code_with(lines))
    assert check_hard_coding(tmp_path, PUBLIC, HIDDEN, []) == []


def test_hidden_answers_that_are_also_public_count_as_public_only(tmp_path: Path) -> None:
    # the same answers, asked publicly and hiddenly: seeing them in the code is no leak
    hidden = [question(f"h{n}", f"Hidden wording {n}?", q.answer) for n, q in enumerate(PUBLIC)]
    lines = [f"A{n} = {q.answer!r}" for n, q in enumerate(PUBLIC[:MIN_HITS])]
    write(tmp_path, "rag/answers.py", code_with(lines))
    assert [f.check for f in check_hard_coding(tmp_path, PUBLIC, hidden, [])] == ["hard_coded"]


def test_hidden_question_texts_count_as_a_leak(tmp_path: Path) -> None:
    lines = [f"Q{n} = {q.text!r}" for n, q in enumerate(HIDDEN[:MIN_HITS])]
    write(tmp_path, "rag/leak.py", code_with(lines))
    assert [f.check for f in check_hard_coding(tmp_path, PUBLIC, HIDDEN, [])] == ["hidden_leak"]


# --- check_gap ---------------------------------------------------------------------------------


def scores(public: float | None, hidden: float | None) -> dict[str, dict[str, float | None]]:
    """Both GAP_METRICS at the same public/hidden values."""
    return {
        "public": {"recall@5": public, "answer_accuracy": public},
        "hidden": {"recall@5": hidden, "answer_accuracy": hidden},
    }


def test_a_gap_well_over_the_allowance_is_flagged_per_metric() -> None:
    # gap 0.9 - 0.6 = 0.3 > GAP_ALLOWED, no baseline: its gap counts as 0
    found = check_gap(scores(0.9, 0.6), None)
    assert [(f.check, f.severity) for f in found] == [("overfitting", "warning")] * 2
    assert [f.title.split()[0] for f in found] == ["recall@5", "answer_accuracy"]
    assert found[0].title == "recall@5 is 0.30 higher on the public questions than on hidden ones"
    assert found[0].evidence == ("public 0.900", "hidden 0.600", "baseline gap 0.000")


@pytest.mark.parametrize(
    ("public", "hidden", "flagged"),
    [
        # means of 20 questions, as the grade computes them: 13/20 − 10/20 = GAP_ALLOWED exactly
        (10 / 20 + 2 / 20, 10 / 20, False),  # 0.10 below the allowance
        (13 / 20, 10 / 20, False),  # at the allowance: allowed
        (14 / 20, 10 / 20, True),  # 0.20 above it
        (0.8, 0.8 - GAP_ALLOWED, False),  # at the allowance, whatever the float rounding
    ],
)
def test_the_gap_allowance_boundary(public: float, hidden: float, flagged: bool) -> None:
    assert bool(check_gap(scores(public, hidden), None)) is flagged


@pytest.mark.parametrize(
    ("submission", "baseline", "flagged"),
    [
        # baseline gap 0.25 - 0.05 = 0.20: the submission may be 0.20 + GAP_ALLOWED = 0.35 ahead
        ((0.8, 0.5), (0.25, 0.05), False),  # 0.30 ≤ 0.35
        ((0.9, 0.5), (0.25, 0.05), True),  # 0.40 > 0.35
        # a baseline better on hidden than public (negative gap) counts as 0, not as a debt
        ((0.8, 0.6), (0.4, 0.7), True),  # 0.20 > GAP_ALLOWED
        ((0.7, 0.6), (0.4, 0.7), False),  # 0.10
    ],
)
def test_the_baseline_gap_is_allowed_on_top(
    submission: tuple[float, float], baseline: tuple[float, float], flagged: bool
) -> None:
    found = check_gap(scores(*submission), scores(*baseline))
    assert len(found) == (2 if flagged else 0)
    if flagged:
        base_gap = max(0.0, baseline[0] - baseline[1])
        assert found[0].evidence[2] == f"baseline gap {base_gap:.3f}"


def test_metrics_without_a_value_are_skipped() -> None:
    submission = {"public": {"recall@5": 0.9}, "hidden": {"recall@5": 0.1, "answer_accuracy": 0.0}}
    [finding] = check_gap(submission, None)
    assert finding.title.startswith("recall@5")  # answer_accuracy has no public value
    assert check_gap(scores(None, 0.1), None) == []


def test_a_baseline_without_a_value_counts_as_no_gap() -> None:
    [finding, _] = check_gap(scores(0.9, 0.6), scores(None, 0.5))
    assert finding.evidence[2] == "baseline gap 0.000"


# --- check_log ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "PermissionError: [Errno 13] Permission denied: '/home/grader'",
        "OSError: [Errno 1] Operation not permitted",
        "OSError: [Errno 30] Read-only file system: '/submission/cache'",
        "OSError: [Errno 101] Network is unreachable",
        "socket.gaierror: [Errno -3] Temporary failure in name resolution",
        "socket.gaierror: [Errno -2] Name or service not known",
        "ConnectionRefusedError: [Errno 111] Connection refused",
        "BlockingIOError: [Errno 11] Resource temporarily unavailable",
        "OSError: [Errno 12] Cannot allocate memory",
        "OSError: [Errno 27] File too large",
        "FileNotFoundError: '/key/hidden.jsonl'",
        "open('../key.json')",
        "cat: /etc/shadow: No such file",
    ],
)
def test_each_kind_of_refusal_is_reported(tmp_path: Path, line: str) -> None:
    log = write(tmp_path, "child.log", f"building index\n  {line}  \ndone\n")
    [finding] = check_log(log, "submission")
    assert (finding.check, finding.severity) == ("sandbox_log", "warning")
    assert finding.title == "the submission run's log shows 1 refused operation(s)"
    assert finding.evidence == (f"child.log:2: {line}",)


def test_a_quiet_log_and_a_missing_log_are_not_flagged(tmp_path: Path) -> None:
    log = write(tmp_path, "child.log", "building index\nkeyXjson hiddenXjsonl permission granted\n")
    assert not any(DENIALS.search(line) for line in log.read_text().splitlines())
    assert check_log(log, "submission") == []
    assert check_log(tmp_path / "absent.log", "submission") == []


def test_log_evidence_is_cut_to_200_characters_and_capped(tmp_path: Path) -> None:
    long = "Permission denied " + "x" * 300
    log = write(tmp_path, "run.log", code_with([long] * (MAX_EVIDENCE + 3)))
    [finding] = check_log(log, "baseline")
    assert finding.title == f"the baseline run's log shows {MAX_EVIDENCE + 3} refused operation(s)"
    quoted = [f"run.log:{n}: {long[:200]}" for n in range(1, MAX_EVIDENCE + 4)]
    assert finding.evidence == capped(quoted)


def test_undecodable_bytes_do_not_stop_the_check(tmp_path: Path) -> None:
    log = tmp_path / "child.log"
    log.write_bytes(b"\xff\xfe garbage\nPermission denied\n")
    [finding] = check_log(log, "submission")
    assert finding.evidence == ("child.log:2: Permission denied",)


def test_answers_quoted_only_in_comments_and_docstrings_are_information(tmp_path: Path) -> None:
    quoted = PUBLIC[:MIN_HITS]
    source = code_with(
        [
            f'"""Answers questions such as {quoted[0].text!r}."""',
            "",
            "def answer(q):",
            f'    """e.g. returns {quoted[1].answer!r}"""',
            f"    return 'unknown'  # was {quoted[2].answer!r} on the public set",
        ]
    )
    write(tmp_path, "rag/pipeline.py", source)
    [finding] = check_hard_coding(tmp_path, PUBLIC, HIDDEN, [])
    assert (finding.check, finding.severity) == ("quoted_examples", "info")
    assert finding.title == (
        f"{MIN_HITS} public question texts or answers are quoted in comments or docstrings"
    )
    assert "do not change what the pipeline returns" in finding.detail
    assert len(finding.evidence) == MIN_HITS


def test_code_and_comments_are_counted_apart(tmp_path: Path) -> None:
    in_code = [f"A{n} = {q.answer!r}" for n, q in enumerate(PUBLIC[:MIN_HITS])]
    in_comments = [f"# like {q.answer!r}" for q in PUBLIC[MIN_HITS : MIN_HITS + 2]]
    write(tmp_path, "rag/answers.py", code_with(in_code + in_comments))
    [finding] = check_hard_coding(tmp_path, PUBLIC, HIDDEN, [])
    assert (finding.check, finding.severity) == ("hard_coded", "warning")
    assert finding.title.startswith(f"{MIN_HITS} public question texts or answers appear in")
    assert "(2 more are quoted in comments or docstrings.)" in finding.detail
    assert all("# like" not in line for line in finding.evidence)


def test_hidden_answers_are_an_alert_wherever_they_sit_and_say_where(tmp_path: Path) -> None:
    lines = [f"# {q.answer}" for q in HIDDEN[:MIN_HITS]] + [f"X = {HIDDEN[3].answer!r}"]
    write(tmp_path, "rag/notes.py", code_with(lines))
    [finding] = check_hard_coding(tmp_path, PUBLIC, HIDDEN, [])
    assert (finding.check, finding.severity) == ("hidden_leak", "alert")
    assert finding.title == (
        f"{MIN_HITS + 1} hidden question texts or answers appear in the submission "
        f"(1 in code, {MIN_HITS} in comments or docstrings)"
    )
