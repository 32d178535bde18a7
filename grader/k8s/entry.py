"""The grader container's command in a round's pod: grade submission $JOB_COMPLETION_INDEX.

`python -m grader.k8s.entry` (grader.k8s.manifests names it). It reads the round's names from its
ConfigMap, unpacks the key from its Secret into the container's own /tmp (never on a volume the
sandbox container mounts), makes the channel the sandbox supervisor listens on, grades the
submission's archive with the `pod` sandbox exactly as `takehome grade` would, and copies the
grade's outputs to /results/<name>/ (report.json and its companions, logs). A submission that
cannot be graded writes /results/<name>/error.txt instead and the pod still succeeds (a retry
would fail the same way); an error of the grader itself fails the pod, and the Job retries it.
Either way the supervisor is told to stop, so the pod ends.
"""

from __future__ import annotations

import json
import os
import shutil
import sys
import tarfile
from dataclasses import dataclass
from pathlib import Path

from exercise.errors import ExerciseError
from grader.grade.report_file import report_json, save_report
from grader.grade.session import GradeOptions, grade
from grader.k8s.collect import ERROR_FILE
from grader.k8s.manifests import (
    CHANNEL_DIR,
    KEY_ARCHIVE,
    KEY_DIR,
    RESULTS_DIR,
    ROUND_DIR,
    ROUND_FILE,
    SCRATCH_DIR,
    SUBMISSIONS_DIR,
)
from grader.reports.render import write_companions
from grader.sandbox.pod import PodSandbox

KEY_COPY = Path("/tmp/key")  # the grader container's own emptyDir


@dataclass(frozen=True)
class PodPaths:
    """Where the grader container finds things (grader.k8s.manifests mounts them there)."""

    round_file: Path = Path(ROUND_DIR, ROUND_FILE)
    key_archive: Path = Path(KEY_DIR, KEY_ARCHIVE)
    key_copy: Path = KEY_COPY
    submissions: Path = Path(SUBMISSIONS_DIR)
    results: Path = Path(RESULTS_DIR)
    channel: Path = Path(CHANNEL_DIR)
    scratch: Path = Path(SCRATCH_DIR)


def main() -> int:
    return run(int(os.environ["JOB_COMPLETION_INDEX"]), PodPaths())


def run(index: int, paths: PodPaths) -> int:
    """Grade submission `index` of the round; 0 unless the grader itself failed."""
    round_ = json.loads(paths.round_file.read_text(encoding="utf-8"))
    name = round_["names"][index]
    paths.results.mkdir(parents=True, exist_ok=True)
    index_file = paths.results / ROUND_FILE
    partial = index_file.with_name(f".{ROUND_FILE}.{index}")  # every pod writes it: whole or not
    partial.write_text(
        json.dumps({"job": round_["job"], "names": round_["names"]}, indent=2) + "\n",
        encoding="utf-8",
    )
    partial.replace(index_file)
    try:
        open_channel(paths.channel)
        submission = paths.submissions / f"{index}.tar.gz"
        return grade_one(
            name,
            submission,
            paths,
            baseline=bool(round_.get("baseline", True)),
            unseen=bool(round_.get("unseen", True)),
        )
    finally:
        stop(paths.channel)


def open_channel(channel: Path) -> None:
    """The folders and the order FIFO the supervisor and the relays use."""
    for folder in ("runs", "inputs"):
        (channel / folder).mkdir(exist_ok=True)
        (channel / folder).chmod(0o711)
    orders = channel / "next"
    if not orders.exists():
        os.mkfifo(orders)
    orders.chmod(0o644)  # the supervisor only reads it


def stop(channel: Path) -> None:
    """Tell the supervisor to end (without waiting when it is already gone)."""
    try:
        fd = os.open(channel / "next", os.O_WRONLY | os.O_NONBLOCK)
    except OSError:
        return
    try:
        os.write(fd, b"stop\n")
    finally:
        os.close(fd)


def grade_one(
    name: str, submission: Path, paths: PodPaths, *, baseline: bool, unseen: bool = True
) -> int:
    """Grade one submission into the results volume (see the module docstring)."""
    key = unpack_key(paths.key_archive, paths.key_copy)
    out = paths.scratch / "grades" / name
    out.mkdir(parents=True, exist_ok=True)
    out.chmod(0o711)
    dest = paths.results / name
    dest.mkdir(parents=True, exist_ok=True)
    (dest / ERROR_FILE).unlink(missing_ok=True)
    options = GradeOptions(isolation=PodSandbox.name, baseline=baseline, unseen=unseen)
    try:
        result = grade(submission, key, out, options)
        report = report_json(result)
        path = save_report(report, result.out)
        write_companions(path, report, docs=result.key.corpus.docs)
    except ExerciseError as exc:
        (dest / ERROR_FILE).write_text(f"{exc}\n", encoding="utf-8")
        print(f"error: {name}: {exc}", file=sys.stderr)
        return 0
    shutil.copytree(out, dest, dirs_exist_ok=True)
    print(f"graded {name}: {dest}", file=sys.stderr)
    return 0


def unpack_key(archive: Path, dest: Path) -> Path:
    """The key folder from its Secret's archive."""
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True, mode=0o700)
    with tarfile.open(archive, "r:gz") as tar:
        tar.extractall(dest, filter="data")
    return dest


if __name__ == "__main__":
    sys.exit(main())
