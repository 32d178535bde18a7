"""`grade` end to end on a medium bundle with fast pure-Python pipelines: the report, the input
kinds, faults as verdicts, diagnosis against a baseline, integrity findings and the CLI."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import tarfile
import zipfile

import pytest
from typer.testing import CliRunner

from corpus.failure_modes import AREAS, SLICES
from corpus.profile import load_profile
from exercise.scoring import METRIC_KEYS
from grader.cli import app
from grader.grade.preflight import VariantMismatchError
from grader.grade.report_file import REPORT_NAME, report_json, write_report
from grader.grade.session import GradeOptions, grade, sandbox_limits
from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.interface import LOG_CAP_BYTES, Limits
from tests.grader.grading import (
    EMPTY,
    LEXICAL,
    MEDIUM_HIDDEN,
    MEDIUM_PUBLIC,
    fake_baseline,
    quality,
    submission_from,
)

NONE = GradeOptions(unseen=False, isolation="none", baseline=False)
TOP_LEVEL = {
    "schema",
    "kind",
    "created",
    "harness",
    "submission",
    "key",
    "isolation",
    "environment",
    "k",
    "judging",
    "fatal",
    "statuses",
    "budget",
    "overall",
    "answerability",
    "slices",
    "latency",
    "public",
    "baseline",
    "baseline_note",
    "comparison",
    "diagnosis",
    "attribution",
    "unseen",
    "integrity",
    "timing",
    "logs",
    "notes",
    "history",
    "questions",
}


@pytest.fixture(scope="module")
def lexical_report(bundle, key, tmp_path_factory) -> dict:
    """The lexical pipeline graded unisolated, without a baseline."""
    tmp = tmp_path_factory.mktemp("lexical")
    submission = submission_from(bundle, tmp / "submission")
    result = grade(submission, key, tmp / "out", NONE)
    return json.loads(write_report(result).read_text(encoding="utf-8"))


def bwrap_or_skip() -> None:
    problem = BwrapSandbox(Limits(60, 10, 600, 2048, 256, 64)).problem()
    if problem is not None:
        pytest.skip(f"bwrap sandbox unavailable: {problem}")


def test_the_report_has_every_section_and_the_fixed_metric_keys(lexical_report):
    report = lexical_report
    assert set(report) == TOP_LEVEL
    assert report["schema"] == 1 and report["kind"] == "grade"
    assert set(report["overall"]["metrics"]) == {*METRIC_KEYS, "n"}
    assert report["overall"]["metrics"]["n"] == MEDIUM_HIDDEN
    # every slice medium asks, and no other (unstated is a registry slice medium does not ask)
    assert set(report["slices"]) == set(load_profile("medium").listed_slices)
    assert len(report["questions"]) == MEDIUM_HIDDEN
    assert all(q["slice"] in SLICES for q in report["questions"])
    # each row names what it asks, the same in every variant (cohorts pool variants by it)
    assert all(q["item"] and q["labels"]["item"] == q["item"] for q in report["questions"])
    assert report["public"]["overall"]["metrics"]["n"] == MEDIUM_PUBLIC
    assert report["isolation"] == {**report["isolation"], "backend": "none", "isolated": False}
    assert report["baseline"] is None and report["comparison"] is None
    assert report["baseline_note"].startswith("not run")
    assert report["statuses"]["ok"] == MEDIUM_HIDDEN
    assert 0 < report["overall"]["metrics"]["recall@5"] < 1
    assert report["timing"]["wall_s"] >= report["timing"]["candidate_s"] > 0


def test_without_isolation_the_report_says_so(lexical_report):
    checks = {f["check"]: f for f in lexical_report["integrity"]}
    assert checks["isolation"]["severity"] == "warning"
    assert (
        "unisolated" in json.dumps(lexical_report["isolation"])
        or not lexical_report["isolation"]["isolated"]
    )


def test_without_a_baseline_the_diagnosis_has_values_but_no_verdicts(lexical_report):
    rows = lexical_report["diagnosis"]["rows"]
    # medium asks every slice: every area has rows
    assert {r["area"] for r in rows} == {a.name for a in AREAS}
    assert all(r["verdict"] is None and r["submission"] is not None for r in rows)


def test_archives_and_git_repositories_grade_like_the_folder(bundle, key, tmp_path, lexical_report):
    submission = submission_from(bundle, tmp_path / "work" / "candidate-repo")
    tarball = tmp_path / "sent.tar.gz"
    with tarfile.open(tarball, "w:gz") as tar:
        tar.add(submission, arcname="candidate-repo")
    archive = tmp_path / "sent.zip"
    with zipfile.ZipFile(archive, "w") as handle:
        for path in sorted(submission.rglob("*")):
            handle.write(path, path.relative_to(submission).as_posix())
    git = ["git", "-C", str(submission), "-c", "user.name=c", "-c", "user.email=c@example.org"]
    subprocess.run([*git, "init", "-q"], check=True)
    subprocess.run([*git, "add", "."], check=True)
    subprocess.run([*git, "commit", "-qm", "work"], check=True)
    (submission / "NOTES.md").write_text("uncommitted edit\n", encoding="utf-8")
    expected = quality(lexical_report)
    for source, kind in ((tarball, "archive"), (archive, "archive"), (submission, "git")):
        report = report_json(grade(source, key, tmp_path / f"out-{source.name}", NONE))
        assert report["submission"]["kind"] == kind
        assert quality(report) == expected, source
    assert report["submission"]["git_commit"]
    uncommitted = next(f for f in report["integrity"] if f["check"] == "uncommitted")
    assert uncommitted["severity"] == "warning" and "NOTES.md" in uncommitted["title"]


def test_a_make_handin_archive_without_the_corpus_grades_like_the_folder(
    bundle, key, tmp_path, lexical_report
):
    """`make handin` leaves corpus/docs/ and corpus/questions/ out (the grade uses the key's own
    copy) and keeps corpus/manifest.json: same scores, no corpus or variant finding."""
    submission = submission_from(bundle, tmp_path / "candidate-repo")
    sent = tmp_path / "submission.tar.gz"
    done = subprocess.run(
        [sys.executable, "scripts/handin.py", "--out", str(sent)],
        cwd=submission,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    with tarfile.open(sent) as tar:
        names = set(tar.getnames())
    assert "corpus/manifest.json" in names and "rag/pipeline.py" in names
    assert not any(name.startswith(("corpus/docs", "corpus/questions")) for name in names)
    report = report_json(grade(sent, key, tmp_path / "out", NONE))
    assert report["submission"]["kind"] == "archive"
    assert quality(report) == quality(lexical_report)
    assert not {f["check"] for f in report["integrity"]} & {"corpus", "variant"}


def test_an_import_crash_is_a_verdict_not_an_error(bundle, key, tmp_path):
    submission = submission_from(bundle, tmp_path / "s", "raise RuntimeError('broken on import')\n")
    report = report_json(grade(submission, key, tmp_path / "out", NONE))
    assert report["fatal"]["stage"] == "import"
    assert "broken on import" in report["fatal"]["reason"]
    assert report["statuses"]["not_run"] == MEDIUM_HIDDEN
    assert report["overall"]["metrics"]["recall@5"] == 0.0


def test_the_diagnosis_calls_a_clear_lift_over_the_baseline(bundle, key, tmp_path, monkeypatch):
    fake_baseline(monkeypatch, EMPTY)
    submission = submission_from(bundle, tmp_path / "s", LEXICAL)
    report = report_json(
        grade(submission, key, tmp_path / "out", GradeOptions(unseen=False, isolation="none"))
    )
    rows = {(r["slice"], r["metric"]): r for r in report["diagnosis"]["rows"]}
    boundary = rows[("boundary", "recall@5")]  # paragraphs keep both boundary sentences together
    assert boundary["baseline"] == 0.0 and boundary["submission"] >= 0.8
    assert boundary["ci95"][0] > 0 and boundary["verdict"] == "fixed"
    paraphrase = rows[("paraphrase", "recall@5")]  # word overlap cannot find paraphrases
    assert paraphrase["submission"] < 0.2 and paraphrase["verdict"] != "fixed"
    # the empty baseline always abstains: abstention cannot get better, only stay or get worse
    assert rows[("unanswerable", "abstention_accuracy")]["verdict"] in ("unchanged", "worse")
    assert report["comparison"]["metric_delta"]["recall@5"] > 0
    assert set(report["comparison"]["latency_ratio"]) >= {"build_s", "search_p50", "peak_rss"}
    assert all(q["baseline"]["status"] == "ok" for q in report["questions"])


def test_integrity_findings_for_hard_coding_edited_tests_and_corpus(bundle, key, tmp_path):
    submission = submission_from(bundle, tmp_path / "s")
    public = [
        json.loads(line)
        for line in (submission / "corpus/questions/public.jsonl").read_text().splitlines()
    ]
    answers = [q["answer"] for q in public if len(q["answer"]) >= 8][:4]
    (submission / "rag" / "cheat.py").write_text(
        "ANSWERS = " + json.dumps(answers) + "\n", encoding="utf-8"
    )
    test_file = next((submission / "tests").glob("test_*.py"))
    test_file.write_text("def test_nothing():\n    pass\n", encoding="utf-8")
    doc = next((submission / "corpus" / "docs").glob("*.md"))
    doc.write_text(doc.read_text(encoding="utf-8") + "\nedited\n", encoding="utf-8")
    report = report_json(grade(submission, key, tmp_path / "out", NONE))
    checks = {f["check"]: f for f in report["integrity"]}
    assert checks["hard_coded"]["severity"] == "warning"
    assert any("rag/cheat.py" in line for line in checks["hard_coded"]["evidence"])
    assert f"changed {test_file.relative_to(submission).as_posix()}" in checks["tests"]["evidence"]
    assert f"changed corpus/docs/{doc.name}" in checks["corpus"]["evidence"]
    assert "variant" not in checks  # the manifest itself was left alone


def test_a_submission_built_for_another_variant_is_an_alert_when_allowed(bundle, key, tmp_path):
    submission = submission_from(bundle, tmp_path / "s")
    manifest = submission / "corpus" / "manifest.json"
    data = json.loads(manifest.read_text(encoding="utf-8"))
    data["seed"] = data["seed"] + 1
    manifest.write_text(json.dumps(data), encoding="utf-8")
    allowed = dataclasses.replace(NONE, allow_variant_mismatch=True)
    report = report_json(grade(submission, key, tmp_path / "out", allowed))
    checks = {f["check"]: f for f in report["integrity"]}
    assert checks["variant"]["severity"] == "alert"
    assert report["integrity"][0]["severity"] == "alert"  # alerts come first


def test_same_submission_twice_under_bwrap_gives_identical_quality(bundle, key, tmp_path):
    bwrap_or_skip()
    submission = submission_from(bundle, tmp_path / "s")
    options = GradeOptions(unseen=False, isolation="bwrap", baseline=False)
    first = report_json(grade(submission, key, tmp_path / "one", options))
    second = report_json(grade(submission, key, tmp_path / "two", options))
    assert first["isolation"]["backend"] == "bwrap" and first["isolation"]["isolated"]
    assert quality(first) == quality(second)
    assert not any(f["check"] == "isolation" for f in first["integrity"])


def test_the_key_never_reaches_a_sandboxed_submission(bundle, key, tmp_path):
    bwrap_or_skip()
    hunter = LEXICAL.replace(
        "    def answer(self, query):",
        "    def answer(self, query):\n"
        "        found = []\n"
        f"        for path in ({str(key / 'key.json')!r},"
        f" {str(key / 'questions/hidden.jsonl')!r}):\n"
        "            try:\n"
        "                found.append(open(path).read()[:200])\n"
        "            except OSError as exc:\n"
        "                found.append(type(exc).__name__)\n"
        "        return Answer(' '.join(found)[:300], ())\n"
        "\n    def unused(self, query):",
    )
    submission = submission_from(bundle, tmp_path / "s", hunter)
    result = grade(
        submission,
        key,
        tmp_path / "out",
        GradeOptions(unseen=False, isolation="bwrap", baseline=False),
    )
    report = report_json(result)
    texts = {q["answer"]["text"] for q in report["questions"]}
    assert texts == {"FileNotFoundError FileNotFoundError"}


def test_cli_grades_and_prints_a_summary(bundle, key, tmp_path):
    submission = submission_from(bundle, tmp_path / "s")
    result = CliRunner().invoke(
        app,
        [
            "grade",
            str(submission),
            "--key",
            str(key),
            "--out",
            str(tmp_path / "out"),
            "--isolation",
            "none",
            "--no-baseline",
            "--no-unseen",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "recall@5" in result.output and "diagnosis" in result.output
    assert (tmp_path / "out" / REPORT_NAME).is_file()
    assert not any(p.name.startswith("work-") for p in (tmp_path / "out").iterdir())


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--key", "{tmp}/nokey"], "does not exist"),
        (["--key", "{bundle}"], "not an answer key"),
        (["--key", "{key}", "--isolation", "chroot"], "is not one of"),
    ],
)
def test_cli_input_mistakes_are_one_line_errors(bundle, key, tmp_path, args, message):
    values = {"tmp": tmp_path, "bundle": bundle, "key": key}
    args = [a.format(**values) for a in args]
    result = CliRunner().invoke(app, ["grade", str(bundle), *args, "--out", str(tmp_path / "o")])
    assert result.exit_code == 2
    assert message in result.output
    assert "Traceback" not in result.output


def test_cli_refuses_a_missing_submission(key, tmp_path):
    result = CliRunner().invoke(
        app, ["grade", str(tmp_path / "nothing"), "--key", str(key), "--isolation", "none"]
    )
    assert result.exit_code == 2
    assert "does not exist" in result.output


def test_without_a_history_the_report_says_none_was_submitted(lexical_report):
    assert lexical_report["history"]["status"] == "missing"
    assert lexical_report["history"]["summary"] == "no history submitted"
    assert not any(f["check"] == "history" for f in lexical_report["integrity"])


def test_a_history_of_other_code_is_a_finding_not_a_verdict(bundle, key, tmp_path):
    from exercise.history import source_files, sources_sha256

    submission = submission_from(bundle, tmp_path / "s")
    files = source_files(submission)
    line = {
        "schema": 1,
        "time": "2026-11-20T10:00:00Z",
        "label": "eval",
        "questions": "public",
        "k": 10,
        "metrics": {"recall@5": 0.5, "n": 48},
        "latency": {},
        "statuses": {"ok": 48},
        "fatal": None,
        "rag_sha256": sources_sha256(files),
        "changed": None,
        "rag_files": files,
    }
    (submission / "eval_history.jsonl").write_text(json.dumps(line) + "\n", encoding="utf-8")
    (submission / "rag" / "pipeline.py").write_text(LEXICAL + "\n# tidied\n", encoding="utf-8")
    report = report_json(grade(submission, key, tmp_path / "out", NONE))
    assert report["history"]["status"] == "submitted"
    assert report["history"]["last_matches_submission"] is False
    finding = next(f for f in report["integrity"] if f["check"] == "history")
    assert finding["severity"] == "info" and "rag/pipeline.py" in finding["evidence"]


def test_a_submission_for_variant_a_graded_with_the_key_of_variant_b(bundle, tmp_path):
    from grader.bundle.build import build_bundle

    other = build_bundle(load_profile("medium"), 8, "someone else", tmp_path / "b").out
    submission = submission_from(bundle, tmp_path / "s")
    # the wrong --key: refused before any run, naming both variants (no accusing report)
    with pytest.raises(VariantMismatchError, match="'someone else'"):
        grade(submission, other / "key", tmp_path / "refused", NONE)
    assert not (tmp_path / "refused" / "logs").exists()
    allowed = dataclasses.replace(NONE, allow_variant_mismatch=True)
    report = report_json(grade(submission, other / "key", tmp_path / "out", allowed))
    finding = report["integrity"][0]
    assert finding["check"] == "variant" and finding["severity"] == "alert"
    assert "another corpus variant" in finding["title"]
    # its corpus is the one its own bundle shipped: no "edited" warning from comparing it with
    # the other variant's files
    assert "corpus" not in {f["check"] for f in report["integrity"]}
    doc = next((submission / "corpus" / "docs").glob("*.md"))
    doc.write_text(doc.read_text(encoding="utf-8") + "\nedited\n", encoding="utf-8")
    report = report_json(grade(submission, other / "key", tmp_path / "again", allowed))
    edited = next(f for f in report["integrity"] if f["check"] == "corpus")
    assert edited["evidence"] == [f"changed corpus/docs/{doc.name}"]


def test_sandbox_limits_come_from_the_profile_budgets() -> None:
    budgets = load_profile("medium").budgets
    limits = sandbox_limits(budgets, calls=400)
    assert limits == Limits(
        build_timeout_s=budgets.build_timeout_s,
        call_timeout_s=budgets.query_timeout_s,
        # every call and the build may use their whole wall time on every core
        cpu_s=int(budgets.cpus * (budgets.build_timeout_s + 400 * budgets.query_timeout_s)),
        memory_mb=budgets.memory_mb,
        pids=budgets.pids,
        file_size_mb=budgets.file_size_mb,
        cpus=budgets.cpus,
        tmp_mb=budgets.memory_mb // 2,
        log_cap_bytes=LOG_CAP_BYTES,
        run_timeout_s=budgets.run_timeout_s,
    )
    assert limits.threads() == 2


def test_calls_cannot_be_negative() -> None:
    with pytest.raises(ValueError, match="calls must be 0 or more, got -1"):
        sandbox_limits(load_profile("medium").budgets, calls=-1)
