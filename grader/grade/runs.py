"""The sandboxed runs of one grade: each pipeline in a fresh sandbox, scored; the submission and
the baseline alive together for the latency phase.

Called by `grader.grade.session` (`Runner.run_pair` for the grade, `Runner.run` for the
attribution swaps). A pair runs as:

    the submission's child starts and builds
    →  the baseline's child starts and builds (its index restored from `grader.grade.baseline_cache`
       when an entry matches; the submission's total budget is held meanwhile)
    →  the latency phase (`grader.grade.latency_phase`): both alive, calls alternating on a sample
    →  the submission's remaining calls, its child closed; then the baseline's

Every question is asked once per child, as in a run on its own; only the order differs. A baseline
whose cache entry kept its earlier results (`baseline_cache.recall`) is asked only the latency
phase's sample; its other results are recalled, and a baseline run with no latency phase (the
unseen corpus) whose every question is known starts no child at all. While one
child works, the other run's total budget (`run_timeout_s`) is held, so neither pays for the
other's time. A run whose child never started, or whose sandbox failed on its own, is retried in
a fresh sandbox (`LAUNCH_ATTEMPTS`), then `SandboxFailed`; a failure seen only at the end of a
paired run re-runs that pipeline alone.
"""

from __future__ import annotations

import contextlib
import dataclasses
import shutil
import time
from collections.abc import Callable, Collection, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exercise.child import OPS
from exercise.evaluate import EvalOptions, Report, score_run
from exercise.judging import CallRecord, Status
from exercise.loading import Question
from exercise.metrics import by_label
from exercise.runner import BudgetStop, LiveRun, RunRecord, run_submission
from grader.answer_key import AnswerKey
from grader.grade import baseline_cache, host_cpu, latency_phase
from grader.grade.latency_phase import PhaseResult
from grader.sandbox.interface import Launch, Sandbox, SandboxError

SUBMISSION, BASELINE = "submission", "baseline"
LAUNCH_ATTEMPTS = 2  # a run the sandbox could not launch is tried once more in a fresh one
# The baseline's thread pools. One thread: with two, the starter's calls took 9.1-9.3 ms in some
# processes and 11-12 ms in others for the whole process's life (torch's pool on a query of a
# few tokens), a per-grade offset every ratio divided by; with one, 11.7-12.6 ms in every
# process (benchmarks/README.md, "The baseline's threads").
BASELINE_THREADS = 1
Say = Callable[[str], None]
Step = Callable[[str, str, int, int], None]


@dataclass(frozen=True)
class RunOutcome:
    """One sandboxed run of a pipeline, scored."""

    label: str
    hidden: Report  # hidden questions, grouped by slice
    public: Report | None  # the public questions, grouped by slice (key's public_slices)
    wall_s: float  # the whole run: sandbox setup, child start, build, every call
    candidate_s: float  # import + construct + build() + every call, as the child timed them
    log: Path
    budget: BudgetStop | None = None  # where the run's total time budget ran out, if it did
    # why earlier attempts of this run failed in the sandbox itself (each was retried)
    sandbox_failures: tuple[str, ...] = ()


class SandboxFailed(SandboxError):
    """A run failed in the sandbox itself on every attempt: the grader's failure, not the
    submission's, so no grade is reported for it. The message names the failures."""


@dataclass(frozen=True)
class RunSettings:
    """How the runs of one grade are asked and scored (from `GradeOptions`)."""

    k: int
    resamples: int
    seed: int
    cache_root: Path | None  # the baseline cache's folder; None: no cache
    rounds: int = latency_phase.ROUNDS
    per_round: int = latency_phase.PER_ROUND


@dataclass(frozen=True)
class Paired:
    """The submission's and the baseline's runs of one grade."""

    submission: RunOutcome
    baseline: RunOutcome | None
    baseline_error: str | None  # why the baseline could not run (the sandbox failed it)
    phase: PhaseResult | None
    phase_note: str  # how the latency phase ran, or why it did not
    baseline_build_s: float | None  # the baseline build the build ratio divides by
    baseline_peak_rss_mib: float | None  # the baseline peak memory the memory ratio divides by
    cache_note: str  # what the baseline cache did


@dataclass
class _Live:
    """A run under way: its sandbox launch and its child."""

    label: str
    root: Path
    questions: Sequence[Question]
    launch: Launch
    run: LiveRun
    scratch: Path
    log: Path
    started: float  # perf_counter at the first attempt
    failures: list[str]
    cache_key: str | None = None
    cached: baseline_cache.Entry | None = None  # the entry its work dir was restored from
    held: bool = False  # whether the last `_waiting` froze it
    # what the cached entry recalls (question text → search and answer): not asked again
    known: Mapping[str, tuple[CallRecord, CallRecord]] = field(default_factory=dict)
    recalled: int = 0  # questions whose results `_finish` recalled instead of asking


@contextlib.contextmanager
def _waiting(live: _Live) -> Iterator[None]:
    """While the other run works: `live`'s total budget is held and, where its sandbox can,
    its processes are frozen (a submission that spins while it waits would slow the baseline
    and flatter its own ratio). Always thawed before anything else touches it."""
    live.run.pause()
    live.held = live.run.alive and live.launch.hold()
    try:
        yield
    finally:
        live.launch.let_go()
        live.run.resume()


class Runner:
    """Runs pipelines in fresh sandboxes with the key's corpus and scores them."""

    def __init__(
        self,
        key: AnswerKey,
        sandbox: Sandbox,
        settings: RunSettings,
        work: Path,
        logs: Path,
        step: Step | None,
        say: Say | None = None,
        *,
        tag: str = "",
    ) -> None:
        self.key, self.sandbox, self.settings = key, sandbox, settings
        self.work, self.logs, self.step, self.say = work, logs, step, say
        # appended to the pair's labels (and so to their logs and scratch folders): a second
        # runner of the same grade, on another corpus, keeps its runs apart from the first's
        self.own_label, self.base_label = SUBMISSION + tag, BASELINE + tag
        self.outcomes: list[RunOutcome] = []

    # -- one pipeline alone -------------------------------------------------------------------

    def run(
        self,
        root: Path,
        label: str,
        questions: Sequence[Question],
        failures: Sequence[str] = (),
    ) -> RunOutcome:
        """Run and score one pipeline; raises `SandboxFailed` when the sandbox itself failed on
        every attempt (`LAUNCH_ATTEMPTS`, counting `failures` already seen)."""
        corpus = self.key.corpus
        scratch = self.work / f"scratch-{label}"
        log = self.logs / f"{label}.log"
        failed = list(failures)
        clock = time.perf_counter()
        while len(failed) < LAUNCH_ATTEMPTS:
            launch = self.sandbox.prepare(root, corpus.root, scratch)
            try:
                record = run_submission(**self._run_args(label, root, questions, scratch, launch))
                failure = record.launch_failure or launch.sandbox_failure()
            finally:
                launch.release()
                shutil.rmtree(scratch, ignore_errors=True)
            if failure is None:
                return self._outcome(label, questions, record, clock, log, failed)
            self._failed(label, failed, failure)
        raise self._gave_up(label, failed, log)

    # -- the submission and the baseline together ---------------------------------------------

    def run_pair(
        self,
        submission: Path,
        baseline: Path | None,
        questions: Sequence[Question],
        *,
        latency: bool = True,
    ) -> Paired:
        """The submission's run and, when `baseline` is given, the baseline's, with the latency
        phase between them unless `latency` is False. Raises `SandboxFailed` for the submission
        only."""
        lives: list[_Live] = []
        known = None  # the baseline's every result, when its cache entry has them all
        if baseline is not None and not latency:
            known = self._known_whole(baseline, questions)
        try:
            own = self._open(submission, self.own_label, questions)
            lives.append(own)
            base, base_error = None, None
            if baseline is not None and known is None:
                try:
                    with _waiting(own):
                        base = self._open(baseline, self.base_label, questions, cache=True)
                    lives.append(base)
                except SandboxFailed as exc:
                    base_error = str(exc)
            phase, note = None, "not run (no baseline)"
            if base is not None and latency:
                phase, note = self._phase(own, base)
            elif base is not None:
                note = "not run (not asked for on this corpus)"
            own_outcome = self._close(own, lives)
            base_outcome, build_s, rss, cache_note = None, None, None, "not used (no baseline)"
            if known is not None:
                base_outcome, build_s, rss, cache_note = self._recalled(*known, questions)
            elif base is not None:
                base_outcome, build_s, rss, cache_note = self._close_baseline(base, lives)
            elif baseline is not None:
                cache_note = "not used (the baseline did not run)"
        except BaseException:
            for live in lives:
                live.run.close()
                live.launch.release()
            raise
        return Paired(own_outcome, base_outcome, base_error, phase, note, build_s, rss, cache_note)

    def _open(
        self, root: Path, label: str, questions: Sequence[Question], *, cache: bool = False
    ) -> _Live:
        corpus = self.key.corpus
        scratch = self.work / f"scratch-{label}"
        log = self.logs / f"{label}.log"
        failed: list[str] = []
        clock = time.perf_counter()
        cache_root = self.settings.cache_root if cache else None
        cache_key = self._entry_id(root) if cache_root else None
        while len(failed) < LAUNCH_ATTEMPTS:
            launch = self.sandbox.prepare(root, corpus.root, scratch)
            cached = None
            try:
                if cache_root is not None and cache_key is not None:
                    cached = baseline_cache.find(cache_root, cache_key)
                    if cached is not None:
                        baseline_cache.restore(cached, scratch, launch.uid)
                run = LiveRun(**self._run_args(label, root, questions, scratch, launch))
                run.start()
            except BaseException:
                launch.release()
                shutil.rmtree(scratch, ignore_errors=True)
                raise
            failure = run.launch_failure or launch.sandbox_failure()
            if failure is None:
                live = _Live(label, root, questions, launch, run, scratch, log, clock, failed)
                known = baseline_cache.recall(cached, self.settings.k) if cached else {}
                return dataclasses.replace(live, cache_key=cache_key, cached=cached, known=known)
            run.finish()
            launch.release()
            shutil.rmtree(scratch, ignore_errors=True)
            self._failed(label, failed, failure)
        raise self._gave_up(label, failed, log)

    def _phase(self, own: _Live, base: _Live) -> tuple[PhaseResult | None, str]:
        down = [live.label for live in (own, base) if not live.run.alive]
        if down:
            return None, f"not run: the {' and the '.join(down)} child did not build"
        warm = latency_phase.warmup(len(self.key.hidden), seed=self.settings.seed)
        slots = self._plan(warm)
        held = self._ask_both(own, base, [(index, op, 0) for index in warm for op in OPS])
        uids = [live.launch.uid for live in (own, base) if live.launch.uid is not None]
        allowed = latency_phase.allowed_others(self.sandbox.limits.cpus)
        # a busy host is waited out before the planned sample too, so that every grade of a key
        # times the same questions whenever it can (a second attempt asks other ones)
        before = self._wait_for_quiet(
            own, base, uids, allowed, window_s=latency_phase.QUIET_CHECK_S
        )
        result, phase_held = self._rounds(own, base, slots, uids)
        held = held and phase_held
        again = ""
        if not latency_phase.quiet(result.others_cores, allowed):
            more = self._plan({slot.index for slot in slots} | set(warm))
            if len(more) * 2 >= len(slots):
                waited = self._wait_for_quiet(own, base, uids, allowed)
                second, second_held = self._rounds(own, base, more, uids)
                held = held and second_held
                again = (
                    f"; other processes used {result.others_cores:.2f} cores during it, so after "
                    f"waiting {waited:.0f} s for the host to quieten it was asked again on "
                    f"{len(more)} fresh questions"
                )
                if second.others_cores is not None and second.others_cores < result.others_cores:
                    result = dataclasses.replace(second, attempts=2)
                else:
                    result = dataclasses.replace(result, attempts=2)
                    again += " (the first attempt's figures are kept: its host was less busy)"
        hold = (
            "the submission's child frozen whenever the baseline's worked"
            if held
            else "the submission's child left running while the baseline's worked (this "
            "sandbox cannot freeze it)"
        )
        waited = (
            f"after waiting {before:.0f} s for the host to quieten, "
            if before >= 2 * latency_phase.QUIET_CHECK_S  # more than the one look: it was busy
            else ""
        )
        result = dataclasses.replace(result, baseline_threads=BASELINE_THREADS)
        return result, (
            f"{len(warm)} questions to warm both children up (not timed), then {waited}"
            f"{len(slots)} questions in {result.rounds} rounds; {hold}{again}; "
            + latency_phase.load_words(result.others_cores, allowed)
        )

    def _plan(self, exclude: Collection[int]) -> tuple[latency_phase.Slot, ...]:
        """The phase's sample of hidden questions, none of `exclude` (`latency_phase.plan`)."""
        return latency_phase.plan(
            len(self.key.hidden),
            seed=self.settings.seed,
            rounds=self.settings.rounds,
            per_round=self.settings.per_round,
            exclude=exclude,
        )

    def _rounds(
        self, own: _Live, base: _Live, slots: Sequence[latency_phase.Slot], uids: Sequence[int]
    ) -> tuple[PhaseResult, bool]:
        """Ask both children every slot's question, round by round, and pair the timings."""
        first = self._host(uids)
        loads = [latency_phase.load_average()]
        held = True
        last_round = 0
        for slot in slots:
            if slot.round != last_round:
                loads.append(latency_phase.load_average())
                last_round = slot.round
            ops = (slot.measured, *(o for o in OPS if o != slot.measured))
            held = self._ask_both(own, base, [(slot.index, op, slot.round) for op in ops]) and held
        loads.append(latency_phase.load_average())
        others = host_cpu.others_cores(first, self._host(uids))
        own_records, base_records = (
            {op: [r or _UNASKED for r in live.run.records[op]] for op in OPS}
            for live in (own, base)
        )
        result = latency_phase.compare(
            slots,
            own_records,
            base_records,
            loads=loads,
            seed=self.settings.seed,
            resamples=self.settings.resamples,
            ids=[question.id for question in self.key.hidden],
        )
        return dataclasses.replace(result, others_cores=others), held

    def _ask_both(self, own: _Live, base: _Live, calls: Sequence[tuple[int, str, int]]) -> bool:
        """Ask each (question index, op, round) of both children, one right after the other
        (the submission first in even rounds), the other held; whether the submission's child
        was frozen every time."""
        held = True
        for index, op, round_ in calls:
            order = (own, base) if round_ % 2 == 0 else (base, own)
            for live, other in (order, order[::-1]):
                with _waiting(other):
                    live.run.ask(index, op)
                if other is own:
                    held = held and own.held
        return held

    def _host(self, uids: Sequence[int]) -> host_cpu.Reading | None:
        return host_cpu.read(uids, helpers=self.sandbox.helpers)

    def _wait_for_quiet(
        self,
        own: _Live,
        base: _Live,
        uids: Sequence[int],
        allowed: float,
        *,
        window_s: float | None = None,
    ) -> float:
        """Both children held, wait until other processes leave the host quiet for `window_s`
        (`latency_phase.QUIET_WINDOW_S` when not given), or until `latency_phase.QUIET_WAIT_S`
        has passed; the seconds waited."""
        window = latency_phase.QUIET_WINDOW_S if window_s is None else window_s
        start = time.monotonic()
        with _waiting(own), _waiting(base):
            last = self._host(uids)
            while time.monotonic() - start < latency_phase.QUIET_WAIT_S:
                time.sleep(window)
                first, last = last, self._host(uids)
                if latency_phase.quiet(host_cpu.others_cores(first, last), allowed):
                    break
        return time.monotonic() - start

    def _finish(self, live: _Live) -> tuple[RunRecord, str | None]:
        """Ask what the run has not asked yet, in question order (recalling what its cache
        entry knows instead of asking it), and close its child."""
        records = live.run.records
        for index, question in enumerate(live.questions):
            known = live.known.get(question.text)
            if known is not None and all(records[op][index] is None for op in OPS):
                for op, call in zip(OPS, known, strict=True):
                    records[op][index] = call
                live.recalled += 1
            for op in OPS:
                if records[op][index] is None:
                    live.run.ask(index, op)
        record = live.run.finish()
        return record, record.launch_failure or live.launch.sandbox_failure()

    def _close(self, live: _Live, lives: list[_Live]) -> RunOutcome:
        record, failure = self._finish(live)
        live.launch.release()
        lives.remove(live)
        shutil.rmtree(live.scratch, ignore_errors=True)
        if failure is not None:
            self._failed(live.label, live.failures, failure)
            return self.run(live.root, live.label, live.questions, live.failures)
        return self._outcome(
            live.label, live.questions, record, live.started, live.log, live.failures
        )

    def _close_baseline(
        self, live: _Live, lives: list[_Live]
    ) -> tuple[RunOutcome, float | None, float | None, str]:
        record, failure = self._finish(live)
        live.launch.release()
        lives.remove(live)
        note = "not used (--no-baseline-cache)"
        build_s = None if record.build_ns is None else record.build_ns / 1e9
        rss = None if record.peak_rss_kib is None else record.peak_rss_kib / 1024
        cache_root = self.settings.cache_root
        if failure is None and cache_root is not None and live.cache_key is not None:
            entry = live.cached
            if entry is not None:
                recalled = live.recalled
                note = (
                    f"index restored from {entry.path}; the build and memory ratios divide by "
                    "the run that filled it"
                )
                if recalled:
                    note += (
                        f"; {recalled} of {len(live.questions)} questions' results recalled from "
                        "earlier runs of the same code on the same corpus (the rest, the latency "
                        "phase's sample among them, asked in this grade)"
                    )
                build_s, rss = entry.cold_build_s, entry.cold_peak_rss_mib
            elif _clean(record):
                entry = baseline_cache.store(
                    cache_root,
                    live.cache_key,
                    live.scratch,
                    cold_build_s=build_s,
                    cold_peak_rss_mib=rss,
                )
                note = f"built and stored in {entry.path}" if entry else "built (not stored)"
            else:
                note = "built (not stored: the run was not clean)"
            texts = [q.text for q in live.questions]
            # rewritten only when this run asked something the entry did not know
            if entry is not None and _clean(record) and any(t not in live.known for t in texts):
                baseline_cache.remember(entry, self.settings.k, texts, record.search, record.answer)
        shutil.rmtree(live.scratch, ignore_errors=True)
        if failure is not None:
            self._failed(live.label, live.failures, failure)
            outcome = self.run(live.root, live.label, live.questions, live.failures)
            latency = outcome.hidden.latency
            return (
                outcome,
                latency.build_s,
                latency.peak_rss_mib,
                "not used (the paired run was re-run alone)",
            )
        outcome = self._outcome(
            live.label, live.questions, record, live.started, live.log, live.failures
        )
        return outcome, build_s, rss, note

    def _known_whole(
        self, root: Path, questions: Sequence[Question]
    ) -> tuple[baseline_cache.Entry, Mapping[str, tuple[CallRecord, CallRecord]]] | None:
        """The baseline's cache entry and its results, when it knows every question; else None."""
        cache_root = self.settings.cache_root
        if cache_root is None:
            return None
        entry = baseline_cache.find(cache_root, self._entry_id(root))
        if entry is None:
            return None
        known = baseline_cache.recall(entry, self.settings.k)
        if not all(q.text in known for q in questions):
            return None
        return entry, known

    def _recalled(
        self,
        entry: baseline_cache.Entry,
        known: Mapping[str, tuple[CallRecord, CallRecord]],
        questions: Sequence[Question],
    ) -> tuple[RunOutcome, float | None, float | None, str]:
        """The baseline's whole run recalled from its cache entry (`_known_whole`): no child
        starts. Only for a run with no latency phase."""
        label = self.base_label
        clock = time.perf_counter()
        log = self.logs / f"{label}.log"
        log.parent.mkdir(parents=True, exist_ok=True)
        log.write_text(
            f"not run: every result recalled from the baseline cache entry {entry.path}\n",
            encoding="utf-8",
        )
        build, rss = entry.cold_build_s, entry.cold_peak_rss_mib
        # nothing built, asked or timed in this grade: no build time, memory or call timings
        record = RunRecord(
            None,
            None,
            tuple(known[q.text][0] for q in questions),
            tuple(known[q.text][1] for q in questions),
            None,
            0,
            log,
        )
        note = (
            f"every result recalled from {entry.path} (earlier runs of the same code on the "
            "same corpus); no child started"
        )
        return self._outcome(label, questions, record, clock, log, ()), build, rss, note

    # -- shared -------------------------------------------------------------------------------

    def _entry_id(self, baseline: Path) -> str:
        """The baseline cache's key for `baseline` on this key's variant, run as it is run here."""
        variant = self.key.record.variant_manifest_sha256
        return baseline_cache.entry_id(baseline, variant, threads=BASELINE_THREADS)

    def _run_args(self, label, root, questions, scratch, launch) -> dict[str, Any]:
        """What `run_submission` and `LiveRun` take for one run of `root` on `questions`."""
        if label == self.base_label:
            launch = launch.with_thread_pools(BASELINE_THREADS)
        return {
            "submission": root,
            "corpus_dir": self.key.corpus.root,
            "queries": [q.text for q in questions],
            "k": self.settings.k,
            "work_dir": scratch,
            "log_path": self.logs / f"{label}.log",
            "options": launch.runner_options(),
            "progress": self._progress(label),
        }

    def _progress(self, label: str) -> Callable[[str, int, int], None] | None:
        step = self.step
        if step is None:
            return None
        return lambda stage, done, total: step(label, stage, done, total)

    def _failed(self, label: str, failed: list[str], failure: str) -> None:
        failed.append(f"attempt {len(failed) + 1}: {failure}")
        if self.say and len(failed) < LAUNCH_ATTEMPTS:
            self.say(f"{label}: the sandbox failed ({failure}); grader's failure, retrying")

    def _gave_up(self, label: str, failed: Sequence[str], log: Path) -> SandboxFailed:
        return SandboxFailed(
            f"the {label} run failed in the sandbox itself on all {LAUNCH_ATTEMPTS} attempts "
            f"({'; '.join(failed)}): this is the grader's failure, not the submission's; "
            f"see {log}, fix the sandbox and grade again"
        )

    def _outcome(
        self,
        label: str,
        questions: Sequence[Question],
        record: RunRecord,
        clock: float,
        log: Path,
        failures: Sequence[str],
    ) -> RunOutcome:
        wall = time.perf_counter() - clock
        corpus = self.key.corpus
        hidden_n = len(self.key.hidden)
        settings = self.settings
        evaluation = EvalOptions(k=settings.k, resamples=settings.resamples, seed=settings.seed)
        by_slice = by_label("slice")
        hidden = score_run(
            corpus,
            questions[:hidden_n],
            _part(record, 0, hidden_n),
            options=evaluation,
            group_by=by_slice,
        )
        public = None
        if len(questions) > hidden_n:
            public = score_run(
                corpus,
                questions[hidden_n:],
                _part(record, hidden_n, len(questions)),
                options=evaluation,
                group_by=by_slice,
            )
        outcome = RunOutcome(
            label,
            hidden,
            public,
            wall,
            _candidate_s(record),
            log,
            budget=record.budget,
            sandbox_failures=tuple(failures),
        )
        self.outcomes.append(outcome)
        return outcome


_UNASKED = CallRecord(Status.NOT_RUN)  # stands for a call the phase did not make


def _clean(record: RunRecord) -> bool:
    """A run whose work dir is worth keeping: it built, and every call returned."""
    calls = (*record.search, *record.answer)
    return (
        record.fatal is None
        and record.restarts == 0
        and all(c.status in (Status.OK, Status.INVALID) for c in calls)
    )


def _part(record: RunRecord, start: int, stop: int) -> RunRecord:
    return dataclasses.replace(
        record, search=record.search[start:stop], answer=record.answer[start:stop]
    )


def _candidate_s(record: RunRecord) -> float:
    calls = sum(
        call.elapsed_ns or 0
        for call in (*record.search, *record.answer)
        if call.elapsed_ns is not None
    )
    return ((record.load_ns or 0) + (record.build_ns or 0) + calls) / 1e9
