"""Grading many submissions: one key for all, or one key per candidate from a manifest, with a
bounded number of grades at a time and a leaderboard at the end.

Each submission is graded exactly as `takehome grade` would (its own baseline run, its own
OUT/<name>/report.json); a submission that cannot be graded at all (unreadable archive, wrong
key) becomes an error row and never stops the others. Parallel grades share the machine's cores,
so their absolute latencies are noisier than one grade alone; the ratios to each grade's own
baseline, measured in the same conditions, are the figures to compare.

An interrupted batch resumes (`resume`): a submission whose earlier report in OUT/<name> still
stands (`earlier_report`: the same submission tree, the same key variant, the same harness version)
is not graded again; every other one is, its folder's earlier outputs removed first.

Manifest: a CSV file with a header and the columns `submission` and `key` (paths relative to the
manifest's folder unless absolute) and optionally `name` (the output folder and leaderboard name).
"""

from __future__ import annotations

import csv
import json
import os
import re
import tempfile
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from exercise.errors import ExerciseError
from grader.answer_key import load_key
from grader.grade.intake import take_in
from grader.grade.outputs import GRADE_OUTPUTS
from grader.grade.report_file import REPORT_NAME, harness_version, report_json, save_report
from grader.grade.session import GradeOptions, grade
from grader.outputs import claim
from grader.reports.render import write_companions

MANIFEST_COLUMNS = ("submission", "key")


class BatchError(ExerciseError):
    """The batch itself cannot start (bad manifest, clashing names)."""


@dataclass(frozen=True)
class Job:
    name: str  # folder under OUT and the leaderboard's name
    submission: Path
    key: Path


@dataclass(frozen=True)
class Outcome:
    job: Job
    report_path: Path | None
    report: dict[str, Any] | None
    error: str | None  # why no report was written
    reused: bool = False  # the report an earlier batch wrote (resumed), not graded again


def jobs_from_paths(submissions: Sequence[Path], key: Path) -> list[Job]:
    return _named([(Path(s), Path(key), None) for s in submissions])


def jobs_from_manifest(manifest: Path) -> list[Job]:
    manifest = Path(manifest)
    try:
        with manifest.open(encoding="utf-8", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise BatchError(f"manifest {manifest} cannot be read: {exc}") from exc
    if not rows:
        raise BatchError(f"manifest {manifest} has no rows (header: submission,key[,name])")
    missing = [c for c in MANIFEST_COLUMNS if c not in rows[0]]
    if missing:
        raise BatchError(
            f"manifest {manifest} lacks column(s) {', '.join(missing)}; its header must name "
            "submission,key and optionally name"
        )
    base = manifest.parent
    entries = []
    for number, row in enumerate(rows, start=2):
        if not (row.get("submission") or "").strip() or not (row.get("key") or "").strip():
            raise BatchError(f"{manifest}:{number}: submission and key must both be given")
        entries.append(
            (
                base / row["submission"].strip(),
                base / row["key"].strip(),
                (row.get("name") or "").strip() or None,
            )
        )
    return _named(entries)


def default_workers(
    cpus_per_grade: float = 2.0, memory_mb_per_grade: int = 6144, available_mb: int | None = None
) -> int:
    """Grades at a time, at least one: the cores divided by what one grade's sandbox may use, and
    no more than the available memory holds (a grade's submission and baseline runs may both be
    alive, each up to its memory budget)."""
    by_cores = int((os.cpu_count() or 1) // max(1.0, cpus_per_grade))
    free = available_memory_mb() if available_mb is None else available_mb
    by_memory = by_cores if free is None else free // max(1, memory_mb_per_grade)
    return max(1, min(by_cores, by_memory))


def available_memory_mb() -> int | None:
    """MemAvailable from /proc/meminfo, in MiB; None where there is no such file."""
    try:
        for line in Path("/proc/meminfo").read_text(encoding="ascii").splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) // 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def per_grade_budget(jobs: Sequence[Job]) -> tuple[float, int]:
    """(cores, MiB) one grade may use, the largest over the jobs' keys (a key that cannot be read
    counts as the defaults: its grade fails early anyway)."""
    cpus, memory = 2.0, 3072
    for key in {job.key for job in jobs}:
        try:
            budgets = load_key(key).record.budgets
        except (ExerciseError, OSError):
            continue
        cpus, memory = max(cpus, budgets.cpus), max(memory, budgets.memory_mb)
    return cpus, 2 * memory  # the submission's run and the baseline's


def grade_many(
    jobs: Sequence[Job],
    out: Path,
    options: GradeOptions,
    *,
    workers: int = 1,
    on_done: Callable[[Outcome], None] | None = None,
    resume: bool = False,
) -> list[Outcome]:
    """Grade every job (at most `workers` at a time); outcomes in the jobs' order. With
    `resume`, a job whose earlier report still stands is reused instead (`Outcome.reused`)."""
    if workers < 1:
        raise BatchError(f"workers must be at least 1, got {workers}")
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)

    def one(job: Job) -> Outcome:
        try:
            if resume:
                earlier = earlier_report(job, out / job.name)
                if earlier is not None:
                    return Outcome(job, out / job.name / REPORT_NAME, earlier, None, reused=True)
                claim(out / job.name, GRADE_OUTPUTS, force=True)  # a stale or partial grade
            result = grade(job.submission, job.key, out / job.name, options)
            report = report_json(result)
            path = save_report(report, result.out)
            try:
                write_companions(path, report, docs=result.key.corpus.docs)
            except Exception:  # noqa: BLE001 - report.json is complete; the page can be redone
                pass
            return Outcome(job, path, report, None)
        except (ExerciseError, OSError, ValueError) as exc:
            return Outcome(job, None, None, str(exc))
        except Exception as exc:  # a grader bug must not stop the other grades either
            return Outcome(job, None, None, f"internal error: {type(exc).__name__}: {exc}")

    outcomes: dict[str, Outcome] = {}
    with ThreadPoolExecutor(max_workers=workers) as pool:
        futures = {pool.submit(one, job): job for job in jobs}
        for future in as_completed(futures):
            outcome = future.result()
            outcomes[outcome.job.name] = outcome
            if on_done:
                on_done(outcome)
    return [outcomes[job.name] for job in jobs]


def earlier_report(job: Job, folder: Path) -> dict[str, Any] | None:
    """The report an earlier batch wrote in `folder` for `job` when it still stands: graded from
    the same submission tree (sha256 of the files taken in), against the same key variant, by
    the same harness version. None otherwise, or when anything cannot be read (then the job is
    graded, and the grade says what is wrong)."""
    try:
        report = json.loads((folder / REPORT_NAME).read_text(encoding="utf-8"))
        with tempfile.TemporaryDirectory(prefix="takehome-resume-") as scratch:
            tree = take_in(job.submission, Path(scratch) / "submission").sha256
        variant = load_key(job.key).record.variant_manifest_sha256
    except (ExerciseError, OSError, ValueError):
        return None
    if not isinstance(report, dict):
        return None
    stands = (
        (report.get("submission") or {}).get("sha256") == tree
        and (report.get("key") or {}).get("variant_manifest_sha256") == variant
        and (report.get("harness") or {}).get("version") == harness_version()
    )
    return report if stands else None


def _named(entries: list[tuple[Path, Path, str | None]]) -> list[Job]:
    jobs, seen = [], set()
    for submission, key, name in entries:
        chosen = _safe(name or _stem(submission))
        if chosen in seen:
            if name:
                raise BatchError(f"two manifest rows are named {name!r}; names must be unique")
            suffix = 2
            while f"{chosen}-{suffix}" in seen:
                suffix += 1
            chosen = f"{chosen}-{suffix}"
        seen.add(chosen)
        jobs.append(Job(chosen, submission, key))
    return jobs


def _stem(path: Path) -> str:
    name = path.resolve().name
    for suffix in (".tar.gz", ".tgz", ".tar", ".zip"):
        name = name.removesuffix(suffix)
    return name or "submission"


def _safe(name: str) -> str:
    cleaned = re.sub(r"[^A-Za-z0-9._-]+", "-", name).strip(".-")
    return cleaned or "submission"
