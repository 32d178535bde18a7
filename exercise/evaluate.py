"""The evaluation loop: run a submission on questions, judge every call, score, aggregate.

`evaluate` is what `takehome eval` / `python -m exercise eval` run, and what the grader reuses:
`run_submission` (a child process) or `run_in_process` produce call records, `score_run` turns them
into a `Report` (pure: same records, same numbers). Only question text is sent to the pipeline;
answers and evidence stay here.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exercise.errors import OptionError
from exercise.judging import (
    AnswerVerdict,
    SearchVerdict,
    Status,
    judge_answer,
    judge_search,
)
from exercise.latency import NS_PER_MS, LatencyReport, op_latency, rss_mib
from exercise.loading import Corpus, JudgingConfig, Question
from exercise.metrics import (
    DEFAULT_RESAMPLES,
    DEFAULT_SEED,
    GroupKey,
    GroupMetrics,
    aggregate,
    aggregate_groups,
    status_counts,
)
from exercise.runner import Fatal, Progress, RunnerOptions, RunRecord, run_submission
from exercise.scoring import QuestionResult, score_question
from exercise.types import Passage, Span

DEFAULT_K = 10
MAX_K = 1000  # the protocol sends at most this many items per list
REPORT_SCHEMA = 1


@dataclass(frozen=True)
class EvalOptions:
    """How to evaluate; the CLI's defaults come from here."""

    k: int = DEFAULT_K  # passages asked for per search (metrics look at the top 10 at most)
    resamples: int = DEFAULT_RESAMPLES  # bootstrap resamples per confidence interval
    seed: int = DEFAULT_SEED  # the bootstrap's only source of randomness
    runner: RunnerOptions = field(default_factory=RunnerOptions)  # time limits, launch

    def __post_init__(self) -> None:
        if not 1 <= self.k <= MAX_K:
            raise OptionError(f"k must be between 1 and {MAX_K}, got {self.k}")
        if self.resamples < 1:
            raise OptionError(f"resamples must be at least 1, got {self.resamples}")


@dataclass(frozen=True)
class Report:
    """The outcome of one evaluation."""

    k: int
    judging: JudgingConfig
    fatal: Fatal | None  # set when the submission could not import or build
    results: tuple[QuestionResult, ...]  # one per question, in file order
    overall: GroupMetrics
    groups: Mapping[str, GroupMetrics]  # empty unless a group key was given
    latency: LatencyReport
    statuses: Mapping[str, int]  # questions per status
    log_path: Path | None  # the child's stdout/stderr

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": REPORT_SCHEMA,
            "k": self.k,
            "judging": vars(self.judging).copy(),
            "fatal": _fatal_json(self.fatal),
            "statuses": dict(self.statuses),
            **self.overall.to_json(),
            "groups": {name: group.to_json() for name, group in self.groups.items()},
            "latency": self.latency.to_json(),
            "log": str(self.log_path) if self.log_path else None,
            "questions": [_result_json(r) for r in self.results],
        }


def evaluate(
    submission: Path,
    corpus: Corpus,
    questions: Sequence[Question],
    *,
    work_dir: Path,
    log_path: Path,
    options: EvalOptions = EvalOptions(),
    progress: Progress | None = None,
    group_by: GroupKey | None = None,
) -> Report:
    """Run `submission` (a directory with `rag/pipeline.py`) in a child process and score it."""
    run = run_submission(
        submission,
        corpus.root,
        [q.text for q in questions],
        k=options.k,
        work_dir=work_dir,
        log_path=log_path,
        options=options.runner,
        progress=progress,
    )
    return score_run(corpus, questions, run, options=options, group_by=group_by)


def score_run(
    corpus: Corpus,
    questions: Sequence[Question],
    run: RunRecord,
    *,
    options: EvalOptions = EvalOptions(),
    group_by: GroupKey | None = None,
) -> Report:
    """Judge and score the call records of a run (pure)."""
    if len(run.search) != len(questions) or len(run.answer) != len(questions):
        raise ValueError(
            f"run has {len(run.search)} search and {len(run.answer)} answer records"
            f" for {len(questions)} questions"
        )
    results = tuple(
        score_question(
            question,
            judge_search(search, k=options.k, docs=corpus.docs),
            judge_answer(answer, docs=corpus.docs, judging=corpus.judging),
            corpus.judging,
        )
        for question, search, answer in zip(questions, run.search, run.answer, strict=True)
    )
    stats = {"resamples": options.resamples, "seed": options.seed}
    latency = LatencyReport(
        build_s=None if run.build_ns is None else run.build_ns / 1e9,
        ops={
            "search": op_latency(_timed(r.search) for r in results if not _untimed(r.search)),
            "answer": op_latency(_timed(r.answer) for r in results if not _untimed(r.answer)),
        },
        peak_rss_mib=rss_mib(run.peak_rss_kib),
        restarts=run.restarts,
    )
    return Report(
        k=options.k,
        judging=corpus.judging,
        fatal=run.fatal,
        results=results,
        overall=aggregate(results, **stats),
        groups=aggregate_groups(results, group_by, **stats) if group_by else {},
        latency=latency,
        statuses=status_counts(results),
        log_path=run.log_path,
    )


def _timed(verdict: SearchVerdict | AnswerVerdict) -> int | None:
    # A call is timed when it returned something (valid or invalid), not when it raised or hung.
    returned = verdict.error is None and verdict.elapsed_ns is not None
    return verdict.elapsed_ns if returned else None


def _untimed(verdict: SearchVerdict | AnswerVerdict) -> bool:
    # A call that returned with no timing was not made in this run (a grader recalls a trusted
    # baseline's earlier results): neither timed nor failed.
    returned = verdict.status in (Status.OK, Status.INVALID) and verdict.error is None
    return returned and verdict.elapsed_ns is None


def _fatal_json(fatal: Fatal | None) -> dict[str, Any] | None:
    if fatal is None:
        return None
    return {
        "stage": fatal.stage,
        "status": fatal.status.value,
        "reason": fatal.reason,
        "error": fatal.error.to_json() if fatal.error else None,
        "log_tail": fatal.log_tail,
    }


def _span_json(span: Span | Passage) -> dict[str, Any]:
    data: dict[str, Any] = {"doc_id": span.doc_id, "start": span.start, "end": span.end}
    if isinstance(span, Passage):
        data["score"] = span.score
    return data


def _ms(elapsed_ns: int | None) -> float | None:
    return None if elapsed_ns is None else elapsed_ns / NS_PER_MS


def _result_json(result: QuestionResult) -> dict[str, Any]:
    question, search, answer = result.question, result.search, result.answer
    return {
        "id": question.id,
        "text": question.text,
        "expected_answer": question.answer,
        "evidence": [_span_json(s) for s in question.evidence],
        "unanswerable": question.unanswerable,
        "labels": dict(question.labels),
        "status": result.status.value,
        "reason": result.reason,
        "coverage_rank": result.coverage_rank,
        "scores": dict(result.scores),
        "search": {
            "status": search.status.value,
            "reason": search.reason,
            "elapsed_ms": _ms(search.elapsed_ns),
            "passages": [_span_json(p) for p in search.passages],
            "error": search.error.to_json() if search.error else None,
        },
        "answer": {
            "status": answer.status.value,
            "reason": answer.reason,
            "elapsed_ms": _ms(answer.elapsed_ns),
            "text": answer.answer.text if answer.answer else None,
            "citations": [_span_json(c) for c in answer.answer.citations] if answer.answer else [],
            "error": answer.error.to_json() if answer.error else None,
        },
    }
