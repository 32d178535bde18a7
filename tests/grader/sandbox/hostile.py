"""Hostile submissions the sandbox tests run on every backend (bwrap in test_hostile.py, the
container in test_docker_container.py), and the planted secrets they hunt for.

Pipeline sources here are complete `rag/pipeline.py` texts; `write_submission` dedents them.
"""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

KEY_HUNTER = """
import json
import os
import sys

from exercise.types import Answer, Passage

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


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        pass

    def search(self, query, k):
        request = json.loads(query)
        found, names = hunt(request["walk"], request["paths"])
        self.report = {"root": sorted(os.listdir("/")), "names": names, "found": found}
        return [Passage(text[:300], 0, 1, 1.0) for text in found]

    def answer(self, query):
        return Answer(json.dumps(self.report), ())
"""


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


NETWORK = """
import json
import socket

from exercise.types import Answer


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


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        pass

    def search(self, query, k):
        return []

    def answer(self, query):
        _, port, name = query.split()
        outcome = {
            "tcp4": attempt(socket.AF_INET, ("127.0.0.1", int(port))),
            "tcp6": attempt(socket.AF_INET6, ("::1", int(port))),
            "abstract": attempt(socket.AF_UNIX, "\\0" + name),
            "interfaces": [name for _, name in socket.if_nameindex()],
        }
        return Answer(json.dumps(outcome), ())
"""


def escaper(tag: str) -> str:
    """A pipeline whose build() leaves a grandchild in its own session, named `tag`."""
    return f"""
        import os
        import signal
        import time

        from exercise.types import Answer


        class Pipeline:
            def __init__(self, corpus_dir, work_dir):
                pass

            def build(self):
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

            def search(self, query, k):
                if "slow" in query:
                    time.sleep(60)
                return []

            def answer(self, query):
                return Answer("", ())
    """


MEMORY_HOG = """
from exercise.types import Answer, Passage


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        pass

    def search(self, query, k):
        if "hog" in query:
            hoard = []
            while True:
                hoard.append(b"x" * (32 << 20))  # touched, so it is resident too
        return [Passage("alpha", 0, 5, 1.0)]

    def answer(self, query):
        return Answer("", ())
"""


ENDLESS_SEARCH = """
from exercise.types import Answer, Passage


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        pass

    def search(self, query, k):
        while "spin" in query:
            pass
        return [Passage("beta", 0, 5, 1.0)]

    def answer(self, query):
        return Answer("ok", ())
"""


FLOOD = """
import os

from exercise.types import Answer, Passage

FAKE = b'{"event": "ready", "build_ns": 1}\\n' + b"x" * 1000 + b"\\n"


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        for _ in range(20_000):  # about 20 MB on each stream
            os.write(1, FAKE)
            os.write(2, FAKE)

    def search(self, query, k):
        print("y" * 1_000_000)
        return [Passage("alpha", 0, 5, 1.0)]

    def answer(self, query):
        return Answer("still talking", ())
"""


BIG_FILES = """
import os

from exercise.types import Answer

MIB = b"\\0" * (1 << 20)


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        pass

    def build(self):
        pass

    def search(self, query, k):
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

    def answer(self, query):
        return Answer("", ())
"""
