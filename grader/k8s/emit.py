"""`grade-many --emit k8s DIR`: the round's Kubernetes manifests, written instead of grading.

DIR receives:
- `key-secret.yaml`: the Secret holding the answer key (the key folder as `key.tar.gz`). It is
  the key: keep it as you keep the key folder, and delete the Secret after the round.
- `round.yaml`: the round's ConfigMaps (names by index, the sandbox supervisor, one per
  submission's archive), the results PersistentVolumeClaim, the NetworkPolicy and the Indexed Job.
- `round.json`: the submissions' names by completion index, which `takehome collect` reads.

The submissions are taken in here exactly as `grade` takes them in (folders, archives, git
repositories at HEAD) and packed as .tar.gz archives, so a pod needs nothing from this machine.
"""

from __future__ import annotations

import json
import re
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from exercise.errors import ExerciseError
from grader.answer_key import load_key
from grader.batch.run import Job
from grader.bundle.archive import tar_gz_bytes
from grader.grade.intake import take_in
from grader.k8s.manifests import RoundSpec, documents, round_objects

SECRET_FILE, ROUND_MANIFESTS, ROUND_INDEX = "key-secret.yaml", "round.yaml", "round.json"
SUPERVISOR = Path(__file__).with_name("supervisor.py")
DEFAULT_PARALLELISM = 8  # pods at a time unless --workers says otherwise
DNS_LABEL = 63 - len("-submission-9999")  # the longest object name made from the Job's stays valid


class EmitError(ExerciseError):
    """The round cannot be written as manifests (several keys, an archive too large)."""


@dataclass(frozen=True)
class Emitted:
    """What `emit` wrote."""

    secret: Path  # the key's Secret: it holds the key
    manifests: Path  # everything else, for `kubectl apply -f`
    index: Path  # names by completion index, read by `takehome collect`
    job: str  # the Job's name


def job_name(text: str) -> str:
    """A valid Job name (DNS-1123 label) from `text`: lower case, [a-z0-9-], short enough."""
    cleaned = re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")[:DNS_LABEL].strip("-")
    return cleaned if cleaned and cleaned[0].isalpha() else f"takehome-{cleaned}".strip("-")


def emit(
    jobs: Sequence[Job],
    dest: Path,
    *,
    job: str,
    baseline: bool = True,
    unseen: bool = True,
    parallelism: int | None = None,
    harness_image: str | None = None,
    sandbox_image: str | None = None,
    namespace: str | None = None,
) -> Emitted:
    """Write the round's manifests to `dest` (see the module docstring)."""
    if not jobs:
        raise EmitError("no submissions to write a Job for")
    keys = sorted({str(Path(j.key).resolve()) for j in jobs})
    if len(keys) > 1:
        raise EmitError(
            f"--emit k8s grades a round against one key, and these submissions name {len(keys)} "
            f"({', '.join(keys[:3])}): emit one round per key"
        )
    key = load_key(jobs[0].key)
    spec = RoundSpec(
        job=job_name(job),
        names=tuple(j.name for j in jobs),
        budgets=key.record.budgets,
        key_archive=tar_gz_bytes(Path(jobs[0].key)),
        submissions=tuple(pack_submission(j.submission) for j in jobs),
        supervisor=SUPERVISOR.read_text(encoding="utf-8"),
        baseline=baseline,
        unseen=unseen,
        parallelism=parallelism or min(len(jobs), DEFAULT_PARALLELISM),
        namespace=namespace,
        **({"harness_image": harness_image} if harness_image else {}),
        **({"sandbox_image": sandbox_image} if sandbox_image else {}),
    )
    docs = documents(round_objects(spec))
    dest = Path(dest)
    dest.mkdir(parents=True, exist_ok=True)
    secret, rest = docs[0], docs[1:]
    written = Emitted(dest / SECRET_FILE, dest / ROUND_MANIFESTS, dest / ROUND_INDEX, spec.job)
    written.secret.touch(mode=0o600)
    written.secret.chmod(0o600)  # it holds the key: before a byte of it is written
    _write_yaml(written.secret, [secret])
    _write_yaml(written.manifests, rest)
    written.index.write_text(
        json.dumps({"job": spec.job, "names": list(spec.names)}, indent=2) + "\n", encoding="utf-8"
    )
    return written


def pack_submission(submission: Path) -> bytes:
    """The submission taken in as `grade` takes it in (no symbolic links), packed as a
    deterministic archive (`grader.bundle.archive`), which `grade` takes in again in the pod."""
    with tempfile.TemporaryDirectory(prefix="takehome-emit-") as scratch:
        intake = take_in(Path(submission), Path(scratch) / "submission")
        return tar_gz_bytes(intake.root)


def _write_yaml(path: Path, docs: list[dict]) -> None:
    import yaml  # the kubernetes client's own dependency

    path.write_text(
        yaml.safe_dump_all(docs, sort_keys=False, default_flow_style=False), encoding="utf-8"
    )
