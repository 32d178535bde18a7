"""Hostile submissions for the sandbox tests, the planted secrets they hunt for, and the `Backend`
the tests run them under.

test_hostile.py runs each submission under every backend (bwrap, and the container where an
engine is). Where the backends' verdicts differ in part (what the key hunter sees at the root, who
the child is), each backend's own test calls the `check_*` function here for the part they share
and asserts the rest itself. Pipeline sources are `rag/pipeline.py` texts made with
`pipeline_code`: only the methods that differ from a pipeline that does nothing.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path

from exercise.judging import Status
from grader.sandbox.interface import Limits, Sandbox
from tests.exercise.helpers import pipeline_code
from tests.grader.sandbox.helpers import LIMITS, SandboxedRun, all_values


@dataclasses.dataclass(frozen=True)
class Backend:
    """One sandbox backend, as the hostile tests drive it."""

    name: str  # "bwrap" or "docker"
    sandboxed: Callable[..., SandboxedRun]  # the `sandboxed` fixture of conftest.py
    make: Callable[..., Sandbox]  # make(limits, **options): a sandbox of this backend
    uid: int  # the backend's fixed sandbox uid: a run runs as a leased uid of its own, never this

    def run(
        self,
        source: str | Path,
        queries: list[str],
        *,
        limits: Limits = LIMITS,
        max_restarts: int = 0,
        links: dict[str, Path] | None = None,
        **options: object,
    ) -> SandboxedRun:
        """`sandboxed` under a sandbox of this backend made with `limits` and `options`."""
        sandbox = self.make(limits, **options)
        return self.sandboxed(
            source, queries, links=links, max_restarts=max_restarts, sandbox=sandbox
        )


# --- the key never reaches the child ----------------------------------------------------------

KEY_HUNTER = pipeline_code(
    """
    import json
    import os
    import sys

    PREFIX = b"SECRET-"  # every planted secret starts with this; the hunter does not know the rest
    # Too big to read whole (and bound from the host's system, not from the grader's folders).
    SKIP = ("/proc", "/sys", "/dev", "/usr", "/venv", os.path.realpath(sys.base_prefix))


    def grep(path, found):
        try:
            with open(path, "rb") as handle:
                data = handle.read(1 << 20)
        except OSError:
            return
        at = data.find(PREFIX)
        while at >= 0 and len(found) < 500:
            found.append(f"{path}: {data[at:at + 60].decode('utf-8', 'replace')}")
            at = data.find(PREFIX, at + 1)


    def hunt(walk, host_paths):
        found, names, seen = [], [], set()
        for folder, dirs, files in os.walk("/", followlinks=True) if walk else ():  # links followed
            real = os.path.realpath(folder)
            if real in seen or any(real == s or real.startswith(s + "/") for s in SKIP):
                dirs[:] = []
                continue
            seen.add(real)
            for name in files:
                if name in ("hidden.jsonl", "key.json"):
                    names.append(os.path.join(folder, name))
                grep(os.path.join(folder, name), found)
        for pid in os.listdir("/proc"):
            if pid.isdigit() or pid == "self":
                for part in ("environ", "cmdline", "mountinfo"):
                    grep(f"/proc/{pid}/{part}", found)
        for path in host_paths:  # where the key is on the host: the child is told, and still fails
            grep(path, found)
            try:
                names += os.listdir(path)
            except OSError:
                pass
        found += [f"env {k}={v}" for k, v in os.environ.items() if PREFIX.decode() in v]
        return found, names
    """,
    search="""
        request = json.loads(query)
        found, names = hunt(request["walk"], request["paths"])
        self.report = {"root": sorted(os.listdir("/")), "names": names, "found": found}
        return [Passage(text[:300], 0, 1, 1.0) for text in found]
    """,
    answer="return Answer(json.dumps(self.report), ())",
)


def plant_key(folder: Path, secret: str) -> Path:
    """An answer key in the on-disk layout, every file carrying `secret`."""
    (folder / "questions").mkdir(parents=True)
    line = {"id": "h1", "text": secret, "answer": secret, "evidence": [], "slice": "boundary"}
    (folder / "questions" / "hidden.jsonl").write_text(json.dumps(line) + "\n")
    (folder / "key.json").write_text(json.dumps({"secret": secret}))
    return folder / "questions" / "hidden.jsonl"


@dataclasses.dataclass(frozen=True)
class Planted:
    secret: str  # in every planted key file, the grader's environment, a host process
    decoy: str  # in the corpus, readable on purpose: proves the hunter works
    host_paths: list[str]  # where the secrets are on the host (the hunter is told)
    fake_repo: Path  # a harness-like repository with a key in it
    key: Path  # the planted key folder next to the corpus, as OUT/key/ is


def check_key_hunting(backend: Backend, planted: Planted, hunter: str = KEY_HUNTER) -> dict:
    """`hunter` walks the whole filesystem, with links to the key in its submission and the fake
    repository as its harness: it finds the decoy and no secret. Returns its report."""
    query = json.dumps({"walk": True, "paths": planted.host_paths})
    run = backend.run(
        hunter,
        [query],
        links={"rag/leak.jsonl": planted.key / "key.json", "key": Path("..") / "key"},
        harness_package=planted.fake_repo / "exercise",
    )
    record = run.record
    assert record.fatal is None
    assert [r.status for r in record.search + record.answer] == [Status.OK, Status.OK]
    everything = all_values(run)
    assert planted.decoy in everything  # the hunter did search, and reported what it found
    assert planted.secret not in everything and planted.secret not in run.log
    report = json.loads(record.answer[0].value["text"])
    assert report["names"] == []  # no hidden.jsonl, key.json or host folder listing
    return report


# --- who the child is ----------------------------------------------------------------------------

WHO_AM_I = pipeline_code(
    """
    import errno
    import json
    import os
    import resource
    import socket


    def read(path):
        try:
            with open(path) as handle:
                return handle.read().strip()
        except OSError as exc:
            return errno.errorcode[exc.errno]
    """,
    init="self.paths = [str(corpus_dir), str(work_dir)]",
    answer="""
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
        names = ("AS", "NPROC", "FSIZE", "NOFILE", "CPU", "CORE")
        info["limits"] = {
            name: resource.getrlimit(getattr(resource, "RLIMIT_" + name)) for name in names
        }
        return Answer(json.dumps(info), ())
    """,
)


def check_identity(backend: Backend) -> tuple[SandboxedRun, dict]:
    """The child runs as a uid of its run's own with no capabilities and no way back to root, in its
    own host name and folders, under the rlimits of LIMITS (except the address space, which the
    backends bound differently), with the no-download environment. Returns the run and what the
    child saw."""
    run = backend.run(WHO_AM_I, ["who am i"])
    assert run.record.fatal is None and run.record.answer[0].status is Status.OK
    info = json.loads(run.record.answer[0].value["text"])
    assert info["ids"] == [run.launch.uid] * 4 and run.launch.uid != backend.uid
    for key in ("CapInh", "CapPrm", "CapEff", "CapBnd", "CapAmb"):
        assert int(info[key], 16) == 0, key
    assert info["NoNewPrivs"] == "1"
    assert (info["shadow"], info["setuid"]) == ("EACCES", "EPERM")
    assert info["hostname"] == "sandbox"
    assert (info["cwd"], info["paths"]) == ("/submission", ["/corpus", "/work"])
    mib = 1 << 20
    assert {name: info["limits"][name] for name in info["limits"] if name != "AS"} == {
        "NPROC": [LIMITS.pids] * 2,
        "FSIZE": [LIMITS.file_size_mb * mib] * 2,
        "NOFILE": [LIMITS.open_files] * 2,
        "CPU": [LIMITS.cpu_s] * 2,
        "CORE": [0, 0],
    }
    env = info["env"]
    assert env["HOME"] == "/work"
    assert env["OMP_NUM_THREADS"] == "2" and env["HF_HUB_OFFLINE"] == "1"
    return run, info


# --- network -----------------------------------------------------------------------------------

NETWORK = pipeline_code(
    """
    import json
    import socket


    def attempt(family, address):
        probe = socket.socket(family, socket.SOCK_STREAM)
        probe.settimeout(2)
        try:
            probe.connect(address)
            return "connected"
        except OSError as exc:
            return type(exc).__name__
        finally:
            probe.close()
    """,
    answer="""
        _, port, name = query.split()
        outcome = {
            "tcp4": attempt(socket.AF_INET, ("127.0.0.1", int(port))),
            "tcp6": attempt(socket.AF_INET6, ("::1", int(port))),
            "abstract": attempt(socket.AF_UNIX, "\\0" + name),
            "interfaces": [name for _, name in socket.if_nameindex()],
        }
        return Answer(json.dumps(outcome), ())
    """,
)


# --- processes ---------------------------------------------------------------------------------


def fork_storm(tag: str) -> str:
    """A pipeline whose build forks sleepers named `tag` until fork fails, and answers with how
    many it started and how the last fork failed."""
    return pipeline_code(
        f"""
        import os

        TAG = {tag!r}
        """,
        build="""
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
        """,
        answer='return Answer(f"{self.forks} {self.error}", ())',
    )


def endless_build(tag: str) -> str:
    """A pipeline whose build starts a sleeper named `tag` and then spins forever."""
    return pipeline_code(
        f"""
        import os

        TAG = {tag!r}
        """,
        build="""
            if os.fork() == 0:
                os.execv("/bin/sleep", [TAG, "60"])
            while True:
                pass
        """,
    )


def escaper(tag: str) -> str:
    """A pipeline whose build() leaves a grandchild in its own session, named `tag`."""
    return pipeline_code(
        """
        import os
        import signal
        import time
        """,
        build=f"""
            first = os.fork()
            if first == 0:
                os.setsid()  # out of the child's session and process group
                if os.fork() == 0:
                    for sig in (signal.SIGHUP, signal.SIGTERM, signal.SIGINT):
                        signal.signal(sig, signal.SIG_IGN)
                    # keeps the inherited stdout/stderr pipe open while it sleeps
                    os.execv("/bin/sleep", [{tag!r}, "120"])
                os._exit(0)
            os.waitpid(first, 0)
        """,
        search="""
            if "slow" in query:
                time.sleep(60)
            return []
        """,
    )


# --- resources ---------------------------------------------------------------------------------

MEMORY_HOG = pipeline_code(
    search="""
        if "hog" in query:
            hoard = []
            while True:
                hoard.append(b"x" * (32 << 20))  # touched, so it is resident too
        return [Passage("alpha", 0, 5, 1.0)]
    """
)

ENDLESS_SEARCH = pipeline_code(
    search="""
        while "spin" in query:
            pass
        return [Passage("beta", 0, 5, 1.0)]
    """,
    answer='return Answer("ok", ())',
)


FLOOD = pipeline_code(
    """
    import os

    FAKE = b'{"event": "ready", "build_ns": 1}\\n' + b"x" * 1000 + b"\\n"
    """,
    build="""
        for _ in range(20_000):  # about 20 MB on each stream
            os.write(1, FAKE)
            os.write(2, FAKE)
    """,
    search="""
        print("y" * 1_000_000)
        return [Passage("alpha", 0, 5, 1.0)]
    """,
    answer='return Answer("still talking", ())',
)


BIG_FILES = pipeline_code(
    """
    import os

    MIB = b"\\0" * (1 << 20)
    """,
    search="""
        if query == "one big file":
            with open("/work/big.bin", "wb") as out:
                for _ in range(64):
                    out.write(MIB)
        if query == "many files in tmp":
            for number in range(64):  # each under the file size limit
                with open(f"/tmp/fill{number}", "wb") as out:
                    for _ in range(6):
                        out.write(MIB)
        return []
    """,
)


# --- read-only mounts --------------------------------------------------------------------------

# Writes every backend refuses: attempt name -> the child's Python expression.
WRITES = {
    "append to a corpus doc": 'open("/corpus/docs/alpha.md", "a").write("x")',
    "create in the corpus": 'open("/corpus/docs/new.md", "w")',
    "delete a corpus doc": 'os.remove("/corpus/docs/alpha.md")',
    "rewrite the code": 'open("/submission/rag/pipeline.py", "w")',
    "mkdir in the submission": 'os.mkdir("/submission/new")',
    "chmod the code": 'os.chmod("/submission/rag/pipeline.py", 0o777)',
    "patch the harness": 'open("/harness/exercise/types.py", "a")',
    "write into /etc": 'open("/etc/pwned", "w")',
    "mkdir at the root": 'os.mkdir("/pwned")',
}


def writer(attempts: dict[str, str]) -> str:
    """A pipeline whose build tries each of `attempts` (name -> expression), then writes
    /work/scratch.txt; it answers with the errno name (or "succeeded") of each attempt."""
    table = "".join(f"    {name!r}: lambda: {action},\n" for name, action in attempts.items())
    return pipeline_code(
        "import errno\nimport json\nimport os\n\nATTEMPTS = {\n" + table + "}",
        build="""
            self.outcomes = {}
            for name, action in ATTEMPTS.items():
                try:
                    action()
                    self.outcomes[name] = "succeeded"
                except OSError as exc:
                    self.outcomes[name] = errno.errorcode[exc.errno]
            with open("/work/scratch.txt", "w") as out:
                out.write("scratch works")
        """,
        answer="return Answer(json.dumps(self.outcomes), ())",
    )
