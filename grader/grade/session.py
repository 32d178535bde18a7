"""Grading one submission against its answer key: the whole session, start to report.

    take the submission in (grader.grade.intake)  →  choose the sandbox (grader.sandbox)
    →  run the submission and the starter baseline (unless asked not to) on the hidden + public
       question texts, sandboxed, both alive for the paired latency phase (grader.grade.runs,
       grader.grade.latency_phase; the baseline's index cached per key: grader.grade.baseline_cache)
    →  judge and score on the host with `exercise` (per slice, bootstrap intervals)
    →  diagnosis (grader.diagnosis), attribution (grader.grade.attribution, when asked)
    →  the same two pipelines on an unseen variant of the key's profile (grader.grade.unseen,
       unless `unseen` is off): the drop per slice, and a finding for a tuned submission
    →  integrity findings (grader.grade.integrity)  →  OUT/report.json (grader.grade.report_file)

Only question text ever reaches a sandboxed process: the key stays here. The hidden and public
questions are asked in one run (hidden first, but for the latency phase's sample), so the
public-vs-hidden gap compares like with like and the index is built once. A submission that cannot
import, build or answer still gets a report: its failures are statuses, and `grade` raises only for
the grader's own inputs (a missing key, an unreadable submission, no sandbox) and for a sandbox
that fails on its own. A run whose child never started (the sandbox could not launch it, or the
container engine failed) is not gradable: it is retried once in a fresh sandbox, and when that
fails too the submission's grade raises `SandboxFailed` (the grader's failure, never the
candidate's zero); a baseline that cannot run is left out with a note. Every run has a total wall
budget (`run_timeout_s` of the profile's `[budgets]`), held while the other run works; the calls
it leaves are `not_reached` and the report says where it ran out.
"""

from __future__ import annotations

import math
import shutil
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from corpus.key_file import HIDDEN_QUESTIONS
from corpus.profile import Budgets
from exercise.evaluate import DEFAULT_K
from exercise.metrics import DEFAULT_RESAMPLES, DEFAULT_SEED
from grader.answer_key import AnswerKey, AnswerKeyError, load_key, sha256_file
from grader.catalogue import CatalogueError, assemble
from grader.diagnosis import Row, diagnose
from grader.grade import baseline_cache, integrity, latency_phase, unseen
from grader.grade.attribution import Contribution, attribute, layout_problem
from grader.grade.intake import Intake, take_in
from grader.grade.integrity import Finding
from grader.grade.latency_phase import PhaseResult
from grader.grade.preflight import check_inputs, corpus_files, git_findings
from grader.grade.runs import (
    BASELINE,
    LAUNCH_ATTEMPTS,
    SUBMISSION,
    Runner,
    RunOutcome,
    RunSettings,
    SandboxFailed,
)
from grader.grade.submission_history import History, read_history
from grader.grade.unseen import Drops
from grader.sandbox.host import reachable_by_others
from grader.sandbox.interface import Limits, Sandbox, SandboxError
from grader.sandbox.registry import choose
from grader.sandbox.uid import UidSandbox

UNSEEN_TAG = "-unseen"  # the unseen corpus's runs: "submission-unseen", "baseline-unseen"
NOTES_CAP_BYTES = 64 * 1024  # of the candidate's NOTES.md kept in the report
# message callback: one line per stage; step callback: (run label, stage, done, total)
Say = Callable[[str], None]
Step = Callable[[str, str, int, int], None]


@dataclass(frozen=True)
class GradeOptions:
    isolation: str | None = None  # "docker", "bwrap", "none"; None: the first that works here
    baseline: bool = True  # also run the starter baseline in this session
    attribution: bool = False  # re-run with each changed component swapped for the baseline's
    public: bool = True  # also ask the public questions (the overfitting check)
    k: int = DEFAULT_K
    resamples: int = DEFAULT_RESAMPLES
    seed: int = DEFAULT_SEED
    keep_work: bool = False  # keep OUT/work (the copies, scratch dirs) for debugging
    image: str | None = None  # the docker backend's image; None: its default
    # grade a submission whose corpus manifest is another variant's (else refused before any run)
    allow_variant_mismatch: bool = False
    worktree: bool = False  # a git submission: grade its working tree instead of its HEAD
    # where the baseline's built index is kept between grades (grader.grade.baseline_cache);
    # None: the default folder (baseline_cache.default_root()); use_baseline_cache False: none
    baseline_cache: Path | None = None
    use_baseline_cache: bool = True
    latency_rounds: int = latency_phase.ROUNDS  # the latency phase (grader.grade.latency_phase)
    latency_per_round: int = latency_phase.PER_ROUND
    # also build and ask on an unseen variant of the key's profile (grader.grade.unseen)
    unseen: bool = True


@dataclass(frozen=True)
class Grade:
    """Everything one grade measured; `grader.grade.report_file.report_json` turns it into JSON."""

    key: AnswerKey
    intake: Intake
    sandbox: Sandbox
    options: GradeOptions
    submission: RunOutcome
    baseline: RunOutcome | None
    baseline_note: str  # why there is no baseline, or how it was assembled
    diagnosis: list[Row]
    attribution: list[Contribution] | None
    attribution_note: str
    findings: list[Finding]
    started: float  # time.time() at the start
    wall_s: float
    out: Path
    runs: tuple[RunOutcome, ...] = ()  # every run of the session (attribution swaps included)
    notes: str | None = None  # the submission's NOTES.md (capped), None when it has none
    # the candidate's evaluation history (grader.grade.submission_history)
    history: History | None = None
    # the paired latency phase (grader.grade.latency_phase), None when it did not run
    latency: PhaseResult | None = None
    latency_note: str = "not run (no baseline)"  # how it ran, or why it did not
    # the baseline's build time as the ratio's denominator: its own build, or (its index
    # restored from the cache) the build that filled the cache; and where that came from
    baseline_build_s: float | None = None
    baseline_peak_rss_mib: float | None = None  # likewise for the memory ratio
    baseline_cache_note: str = "not used"
    # the same pipelines on an unseen variant (grader.grade.unseen), None when it did not run
    unseen: Drops | None = None
    unseen_note: str = "not run (--no-unseen)"  # how it ran, or why it did not


def grade(
    submission: Path,
    key_dir: Path,
    out: Path,
    options: GradeOptions = GradeOptions(),
    *,
    say: Say | None = None,
    step: Step | None = None,
) -> Grade:
    """Grade `submission` against the key in `key_dir`; writes logs and scratch under `out`.

    Raises `AnswerKeyError`, `grader.grade.intake.SubmissionError`,
    `grader.grade.preflight.VariantMismatchError`, `SandboxError`, `ValueError` (bad isolation
    name) for the grader's own inputs, before any run; never for what the submission does.
    """
    started, clock = time.time(), time.perf_counter()
    say = say or (lambda _message: None)
    key = load_key(key_dir)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix="work-", dir=out))
    try:
        say(f"taking in {submission}")
        intake = take_in(Path(submission), work / "submission", worktree=options.worktree)
        check_inputs(intake, key, allow_variant_mismatch=options.allow_variant_mismatch, say=say)
        questions = key.hidden + (key.public if options.public else ())
        limits = sandbox_limits(key.record.budgets, calls=2 * len(questions))
        sandbox = choose(options.isolation, limits, image=options.image)
        if sandbox.name == UidSandbox.name:
            require_private_key(key)
        say(f"isolation: {sandbox.name}")
        cache_root = None
        if options.use_baseline_cache:
            cache_root = options.baseline_cache or baseline_cache.default_root()
        settings = RunSettings(
            k=options.k,
            resamples=options.resamples,
            seed=options.seed,
            cache_root=cache_root,
            rounds=options.latency_rounds,
            per_round=options.latency_per_round,
        )
        runner = Runner(key, sandbox, settings, work, out / "logs", step, say)
        base, baseline_note, baseline_root = None, "not run (--no-baseline)", None
        if options.baseline:
            baseline_root, baseline_note = _assemble_baseline(key, work / "baseline")
        paired = runner.run_pair(intake.root, baseline_root, questions)
        own, base = paired.submission, paired.baseline
        if baseline_root is not None and paired.baseline_error is not None:
            baseline_note = f"not run: {paired.baseline_error}"
        rows = diagnose(
            own.hidden.results,
            base.hidden.results if base else None,
            resamples=options.resamples,
            seed=options.seed,
        )
        contributions, attribution_note = None, "not run (pass --attribution)"
        if options.attribution:
            problem = (
                "no baseline to swap components from"
                if baseline_root is None
                else layout_problem(intake.root, baseline_root)
            )
            if problem:
                attribution_note = f"not run: {problem}"
            else:
                attribution_note = "each changed component swapped for the baseline's"
                contributions = attribute(
                    intake.root,
                    baseline_root,
                    work / "swaps",
                    own.hidden,
                    lambda root, label: runner.run(root, label, key.hidden).hidden,
                    progress=say,
                    starter_report=base.hidden if base is not None else None,
                )
        drops, unseen_note = None, "not run (--no-unseen)"
        if options.unseen:
            drops, unseen_note = _on_unseen(
                runner, intake.root, baseline_root if base is not None else None, own, base
            )
        history = read_history(intake.root)
        findings = _findings(key, intake, sandbox, own, base, baseline_root)
        findings += _history_findings(history)
        found = unseen.finding(drops) if drops is not None else None
        findings += [found] if found is not None else []
        return Grade(
            key=key,
            intake=intake,
            sandbox=sandbox,
            options=options,
            submission=own,
            baseline=base,
            baseline_note=baseline_note,
            diagnosis=rows,
            attribution=contributions,
            attribution_note=attribution_note,
            findings=findings,
            started=started,
            wall_s=time.perf_counter() - clock,
            out=out,
            runs=tuple(runner.outcomes),
            notes=_notes(intake.root),
            history=history,
            latency=paired.phase,
            latency_note=paired.phase_note,
            baseline_build_s=paired.baseline_build_s,
            baseline_peak_rss_mib=paired.baseline_peak_rss_mib,
            baseline_cache_note=paired.cache_note,
            unseen=drops,
            unseen_note=unseen_note,
        )
    finally:
        if not options.keep_work:
            shutil.rmtree(work, ignore_errors=True)


def require_private_key(key: AnswerKey) -> None:
    """The uid sandbox hides nothing by mounts: its runs see what any user may read, so the
    key's hidden questions must not be readable by other users."""
    hidden = key.root / HIDDEN_QUESTIONS
    if reachable_by_others(hidden):
        raise SandboxError(
            f"{hidden} can be read by other users, and the uid sandbox's runs are other users: "
            f"make the key folder private first (chmod -R go-rwx {key.root})"
        )


def sandbox_limits(budgets: Budgets, *, calls: int) -> Limits:
    """The sandbox limits a profile's `[budgets]` announce, for a child serving up to `calls` calls.

    RLIMIT_CPU counts a process's CPU over its whole life, so it must cover the build and
    every call using its full wall time on every core: cpus × (build + calls × per-call).
    /tmp is memory, so it gets half the memory budget.
    """
    if calls < 0:
        raise ValueError(f"calls must be 0 or more, got {calls}")
    wall = budgets.build_timeout_s + calls * budgets.query_timeout_s
    return Limits(
        build_timeout_s=float(budgets.build_timeout_s),
        call_timeout_s=float(budgets.query_timeout_s),
        cpu_s=max(1, math.ceil(budgets.cpus * wall)),
        memory_mb=budgets.memory_mb,
        pids=budgets.pids,
        file_size_mb=budgets.file_size_mb,
        cpus=budgets.cpus,
        tmp_mb=max(1, budgets.memory_mb // 2),
        run_timeout_s=float(budgets.run_timeout_s),
    )


def _on_unseen(
    runner: Runner,
    submission: Path,
    baseline: Path | None,
    own: RunOutcome,
    base: RunOutcome | None,
) -> tuple[Drops | None, str]:
    """Build and ask the submission (and the baseline) on the key's unseen variant, in fresh
    sandboxes; their outcomes join `runner.outcomes` (logs and timing list them)."""
    if own.hidden.fatal is not None:
        return None, "not run: the submission did not build on the shipped corpus"
    settings = runner.settings
    try:
        other = unseen.prepare(runner.key, runner.work / "unseen")
    except Exception as exc:  # noqa: BLE001 - a profile the generator cannot draw again
        return None, f"not run: the unseen variant could not be generated ({exc})"
    if runner.say:
        runner.say(
            f"unseen corpus: seed {other.record.seed}, {len(other.corpus.docs)} documents, "
            f"{len(other.hidden)} hidden questions"
        )
    second = Runner(
        other,
        runner.sandbox,
        settings,
        runner.work,
        runner.logs,
        runner.step,
        runner.say,
        tag=UNSEEN_TAG,
    )
    try:
        paired = second.run_pair(submission, baseline, other.hidden, latency=False)
    finally:
        runner.outcomes += second.outcomes
    theirs = None
    if base is not None and paired.baseline is not None:
        theirs = (base.hidden, paired.baseline.hidden)
    drops = unseen.compare(
        (own.hidden, paired.submission.hidden),
        theirs,
        other,
        resamples=settings.resamples,
        seed=settings.seed,
    )
    if theirs is not None:
        against = "the baseline's runs"
    elif base is not None:  # it ran on the shipped corpus, the sandbox failed it on this one
        against = f"no baseline (its drop taken as 0; on this corpus: {paired.baseline_error})"
    else:
        against = "no baseline (its drop taken as 0)"
    return drops, (
        f"variant seed {other.record.seed} (grader-only), {len(other.hidden)} hidden questions; "
        f"compared with {against}"
    )


def _history_findings(history: History) -> list[Finding]:
    """A history whose last run was not on the submitted code is worth a question, never more;
    a missing or unreadable history is only reported in the report's history section."""
    if history.last_matches_submission is False:
        return [
            Finding(
                "history",
                "info",
                "the last recorded evaluation ran on other rag/ sources than the submitted ones",
                "The candidate changed rag/ after their last local evaluation (or edited the "
                "history). Not a sign of cheating; ask what changed at the end.",
                tuple(history.changed_after_last[:10]) if history.changed_after_last else (),
            )
        ]
    return []


def _notes(root: Path) -> str | None:
    path = root / "NOTES.md"
    if not path.is_file():
        return None
    text = path.read_bytes()[:NOTES_CAP_BYTES].decode("utf-8", errors="replace")
    return text


def _assemble_baseline(key: AnswerKey, dest: Path) -> tuple[Path | None, str]:
    """The starter's pipeline for this key (the catalogue modules key.json names)."""
    try:
        assemble(key.record.starter_components, dest, chunk_size=key.record.chunk_size)
    except CatalogueError as exc:
        return None, f"not run: {exc}"
    shipped = {p: h for p, h in key.bundle_files.items() if p.startswith("rag/")}
    changed = [
        p for p, h in shipped.items() if not (dest / p).is_file() or sha256_file(dest / p) != h
    ]
    if changed:
        return dest, (
            "re-assembled from the catalogue, which changed since the bundle was built "
            f"({', '.join(sorted(changed))} differ from what the candidate received)"
        )
    if shipped:
        return dest, "the starter the candidate received (file hashes match the bundle)"
    return dest, "the starter re-assembled from the catalogue (the key records no file hashes)"


def _findings(
    key: AnswerKey,
    intake: Intake,
    sandbox: Sandbox,
    own: RunOutcome,
    base: RunOutcome | None,
    baseline_root: Path | None,
) -> list[Finding]:
    root = intake.root
    found: list[Finding] = []
    if not sandbox.isolated:
        found.append(
            Finding(
                "isolation",
                "warning",
                "graded without isolation (--isolation none)",
                "The submission ran as the grader's own user with the grader's access; use only "
                "for code you trust.",
            )
        )
    found += integrity.check_variant(root, key.record.variant_manifest_sha256)
    shipped_corpus = corpus_files(intake, key)
    if shipped_corpus is not None:
        found += integrity.check_corpus(root, shipped_corpus)
    found += integrity.check_shipped_files(root, key.bundle_files)
    starter = (
        [p.read_text(encoding="utf-8") for p in sorted((baseline_root / "rag").glob("*.py"))]
        if baseline_root
        else []
    )
    found += integrity.check_hard_coding(root, key.public, key.hidden, starter)
    if own.public is not None:
        mine = {"public": own.public.overall.means, "hidden": own.hidden.overall.means}
        theirs = (
            {"public": base.public.overall.means, "hidden": base.hidden.overall.means}
            if base is not None and base.public is not None
            else None
        )
        found += integrity.check_gap(mine, theirs)
    found += integrity.check_log(own.log, SUBMISSION)
    found += git_findings(intake)
    order = {name: i for i, name in enumerate(integrity.SEVERITIES)}
    return sorted(found, key=lambda f: order[f.severity])


__all__ = [
    "BASELINE",
    "LAUNCH_ATTEMPTS",
    "SUBMISSION",
    "AnswerKeyError",
    "Grade",
    "GradeOptions",
    "RunOutcome",
    "SandboxFailed",
    "grade",
]
