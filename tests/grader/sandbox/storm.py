"""A submission that storms threads and forks, for the tests of runs beside each other
(test_neighbours.py, test_neighbours_container.py) and of the total run budget.

`STORM`'s build() forks 8 processes and, in each of them and in itself, starts spinning
threads until the system refuses one (its process budget is spent); the forked ones go on taking
every slot that frees up. It writes what it got to
`<work_dir>/ready` as JSON, and everything spins until a file `<work_dir>/stop` appears (the host
writes it into the run's scratch dir). search() and answer() return nothing useful; with hundreds
of spinning threads holding the GIL, each call waits seconds for its turn.

Pipeline sources here are complete `rag/pipeline.py` texts; `write_submission` dedents them.
"""

from __future__ import annotations

import dataclasses
import json
import os
import threading
import time
from pathlib import Path

from exercise.runner import RunRecord, run_submission
from grader.sandbox.interface import Launch, Sandbox
from grader.sandbox.uids import processes_of
from tests.exercise.helpers import write_submission

STORM = """
import json
import os
import threading
import time

from exercise.types import Answer

FORKS = 8  # processes forked by build(), each storming threads of its own
threading.stack_size(256 * 1024)  # so the process budget runs out, not the address space


def spin(stop):
    while not os.path.exists(stop):
        for _ in range(200_000):
            pass


def storm_threads(stop):
    started = 0
    while started < 10_000:
        try:
            threading.Thread(target=spin, args=(stop,), daemon=True).start()
        except RuntimeError:  # "can't start new thread": the uid's budget is spent
            return started, True
        started += 1
    return started, False


def take_every_slot(stop):
    # a slot another process of the uid frees is taken at once
    while not os.path.exists(stop):
        try:
            threading.Thread(target=spin, args=(stop,), daemon=True).start()
        except RuntimeError:
            time.sleep(0.01)


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        self.work_dir = str(work_dir)

    def build(self):
        stop = os.path.join(self.work_dir, "stop")
        forks, refused = 0, False
        for _ in range(FORKS):
            try:
                pid = os.fork()
            except OSError:
                refused = True
                break
            if pid == 0:
                storm_threads(stop)
                take_every_slot(stop)
                os._exit(0)
            forks += 1
        threads, thread_refused = storm_threads(stop)
        report = {"forks": forks, "threads": threads, "refused": refused or thread_refused}
        with open(os.path.join(self.work_dir, "ready"), "w") as handle:
            json.dump(report, handle)

    def search(self, query, k):
        return []

    def answer(self, query):
        return Answer("", ())
"""
# The same storm, whose first search() returns only once it is told to stop: a neighbour that
# outlives its questions (`Storm` runs it with a call limit long enough to hold).
HOLDING_STORM = STORM.replace(
    "    def search(self, query, k):\n        return []",
    "    def search(self, query, k):\n"
    "        while not os.path.exists(os.path.join(self.work_dir, 'stop')):\n"
    "            time.sleep(0.05)\n"
    "        return []",
)
assert HOLDING_STORM.count("time.sleep(0.05)") == 1
HOLD_S = 3600.0  # the holding storm's call and run limits: it waits for `stop`, not for those


def wait_ready(work: Path, timeout_s: float) -> dict:
    """What the storm reported once its threads are up (it writes `ready` last)."""
    path = work / "ready"
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            return json.loads(path.read_text(encoding="utf-8"))
        except (FileNotFoundError, json.JSONDecodeError):
            time.sleep(0.2)
    raise AssertionError(f"the storm did not report within {timeout_s:g} s ({path})")


def tasks_of(uid: int) -> int:
    """Processes and threads running as `uid`: what RLIMIT_NPROC counts."""
    count = 0
    for pid in processes_of(uid):
        try:
            count += len(os.listdir(f"/proc/{pid}/task"))
        except OSError:
            pass
    return count


def stop(work: Path) -> None:
    """Tell every spinning thread of the storm to end."""
    (work / "stop").write_text("stop", encoding="utf-8")


class Storm:
    """`HOLDING_STORM` running in `sandbox` in a thread, for as long as the `with` block lasts.

    Entering waits until its threads are up (and returns what it reported, plus `tasks`: the
    threads and processes running as its uid then); leaving tells them to stop and waits for the
    run to end (its `run_timeout_s` is the backstop)."""

    def __init__(self, sandbox: Sandbox, root: Path, corpus: Path, *, ready_s: float = 300.0):
        self.sandbox, self.root, self.corpus, self.ready_s = sandbox, root, corpus, ready_s
        self.work = root / "work"
        self.uid: int | None = None  # the storm's uid, once it runs
        self.launch: Launch | None = None  # how it was started (its CPU group, its storm watch)
        self.record: RunRecord | None = None
        self.error: BaseException | None = None
        self._thread: threading.Thread | None = None

    def __enter__(self) -> dict:
        submission = write_submission(self.root / "submission", HOLDING_STORM)
        launch = self.sandbox.prepare(submission, self.corpus, self.work)
        self.launch = launch
        self.uid = launch.uid

        def run() -> None:
            try:
                self.record = run_submission(
                    submission,
                    self.corpus,
                    ["storm"],
                    k=3,
                    work_dir=self.work,
                    log_path=self.root / "storm.log",
                    options=dataclasses.replace(
                        launch.runner_options(max_restarts=0),
                        call_timeout_s=HOLD_S,
                        run_timeout_s=HOLD_S,
                    ),
                )
            except BaseException as exc:  # noqa: BLE001 - reported by the test
                self.error = exc
            finally:
                launch.release()

        self._thread = threading.Thread(target=run, name="storm", daemon=True)
        self._thread.start()
        ready = wait_ready(self.work, self.ready_s)
        assert self.uid is not None
        return {**ready, "tasks": tasks_of(self.uid)}

    def __exit__(self, *exc_info: object) -> None:
        stop(self.work)
        assert self._thread is not None
        self._thread.join()

    def held(self) -> bool:
        """Whether the storm was still running, all its calls waiting (checked before leaving)."""
        return self._thread is not None and self._thread.is_alive() and self.record is None
