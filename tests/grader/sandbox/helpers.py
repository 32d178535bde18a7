"""Helpers for the sandbox tests: small limits, a tiny corpus, and checks on what a run left.

Every sandboxed run here uses `LIMITS` (or a tighter copy), never the profile's generous budgets:
the machine running the tests is shared. Tests import this as `tests.grader.sandbox.helpers`.
"""

from __future__ import annotations

import hashlib
import json
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from exercise.runner import RunRecord, run_submission
from grader.sandbox.interface import Launch, Limits, Sandbox

LIMITS = Limits(
    build_timeout_s=30,
    call_timeout_s=5,
    cpu_s=120,
    memory_mb=1024,
    pids=64,
    file_size_mb=8,
    open_files=256,
    cpus=2,
    tmp_mb=32,
    log_cap_bytes=64 * 1024,
)
DOCS = {
    "alpha": "# Leave policy\n\nAnnual leave must be requested 14 days in advance.\n",
    "beta": "# Aster X2\n\nThe Aster X2 charger is rated at 65 W.\n",
}


def write_corpus(root: Path, docs: dict[str, str] = DOCS) -> Path:
    """A minimal variant: docs/<id>.md and a manifest (the child never reads questions)."""
    (root / "docs").mkdir(parents=True)
    for doc_id, text in docs.items():
        (root / "docs" / f"{doc_id}.md").write_text(text, encoding="utf-8")
    manifest = {"generator": "tests", "seed": 0, "counts": {"docs": len(docs)}}
    (root / "manifest.json").write_text(json.dumps(manifest), encoding="utf-8")
    return root


@dataclass(frozen=True)
class SandboxedRun:
    """What one sandboxed run left behind."""

    record: RunRecord
    launch: Launch
    log: str  # the child's captured stdout + stderr
    seconds: float  # wall time of run_submission
    work: Path  # the run's scratch folder on the host


def run_sandboxed(
    sandbox: Sandbox,
    submission: Path,
    corpus: Path,
    queries: list[str],
    folder: Path,
    *,
    max_restarts: int = 0,
) -> SandboxedRun:
    """Prepare `sandbox` and run `submission` through `run_submission` (k=3), its scratch folder
    `folder/work` and its log `folder/logs/child.log`."""
    work = folder / "work"
    launch = sandbox.prepare(submission, corpus, work)
    log_path = folder / "logs" / "child.log"
    start = time.monotonic()
    record = run_submission(
        submission,
        corpus,
        queries,
        k=3,
        work_dir=work,
        log_path=log_path,
        options=launch.runner_options(max_restarts=max_restarts),
    )
    seconds = time.monotonic() - start
    log = log_path.read_text(encoding="utf-8", errors="replace")
    return SandboxedRun(record, launch, log, seconds, work)


def all_values(run: SandboxedRun) -> str:
    """Every value the child returned, and every error it reported, as one string to search."""
    parts = [repr(run.record.fatal)]
    for record in run.record.search + run.record.answer:
        parts += [json.dumps(record.value), repr(record.error), record.reason or ""]
    return "\n".join(parts)


def survivors(marker: str, wait_s: float = 5.0) -> list[int]:
    """Host pids whose command line contains `marker`, after waiting up to `wait_s` for none."""
    needle = marker.encode()
    deadline = time.monotonic() + wait_s
    while True:
        found = []
        for entry in Path("/proc").iterdir():
            if not entry.name.isdigit():
                continue
            try:
                cmdline = (entry / "cmdline").read_bytes()
                status = (entry / "status").read_text()
            except OSError:
                continue
            if needle in cmdline and "zombie" not in status:
                found.append(int(entry.name))
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.1)


def marker() -> str:
    """A unique tag to find a test's processes by (`survivors`)."""
    return f"takehome-marker-{uuid.uuid4().hex}"


def digest(root: Path) -> dict[str, str]:
    """Relative path → sha256 of every file under `root`."""
    return {
        str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(root.rglob("*"))
        if path.is_file()
    }
