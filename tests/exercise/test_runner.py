"""The child process end to end: statuses per call, time limits, restarts, fatal stages.

These start real child processes (Python only, no model); limits are kept short.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exercise.judging import Status
from exercise.runner import RunnerOptions, harness_root
from tests.exercise.helpers import MISBEHAVING, gone, run_in, write_submission

FAST = RunnerOptions(build_timeout_s=20, call_timeout_s=1.0, max_restarts=2)


def run(
    tmp_path: Path,
    submission: Path,
    variant: Path,
    queries: list[str],
    options: RunnerOptions = FAST,
):  # noqa: ANN201
    return run_in(tmp_path, submission, variant, queries, options)


def test_every_failure_is_recorded_and_the_run_completes(
    tmp_path: Path, small_variant: Path
) -> None:
    submission = write_submission(tmp_path / "sub", MISBEHAVING)
    queries = ["fine", "boom", "garbage", "slow", "die", "fine again"]
    record = run(tmp_path, submission, small_variant, queries)
    assert record.fatal is None and record.restarts == 2  # after "slow" and after "die"
    assert [r.status for r in record.search] == [
        Status.OK,
        Status.ERROR,
        Status.OK,
        Status.TIMEOUT,
        Status.ERROR,
        Status.OK,
    ]
    assert [r.status for r in record.answer] == [Status.OK] * 6  # each answer() still ran
    boom = record.search[1]
    assert boom.error is not None and boom.error.one_line() == (
        "ValueError: search exploded on purpose"
    )
    assert 'raise ValueError("search exploded on purpose")' in boom.error.traceback
    assert record.search[2].value == [
        {"$type": "builtins.dict", "repr": "{'doc_id': 'alpha'}"},
        3,
    ]  # sent as data, judged later
    assert record.search[3].reason == "no reply within 1 s"
    assert record.search[4].reason == "the child process exited with code 9 during search"
    assert record.search[0].elapsed_ns is not None and record.build_ns is not None
    assert record.peak_rss_kib and record.peak_rss_kib > 1000
    log = (tmp_path / "logs" / "child.log").read_text()
    assert "searching: fine" in log and "stderr noise" in log  # prints went to the log


def test_after_max_restarts_the_rest_is_not_run(tmp_path: Path, small_variant: Path) -> None:
    submission = write_submission(tmp_path / "sub", MISBEHAVING)
    options = RunnerOptions(build_timeout_s=20, call_timeout_s=0.5, max_restarts=0)
    record = run(tmp_path, submission, small_variant, ["slow", "fine"], options)
    assert [r.status for r in record.search] == [Status.TIMEOUT, Status.NOT_RUN]
    assert record.answer[0].status is Status.NOT_RUN
    assert record.answer[0].reason.startswith("stopped after 0 restart(s); last: no reply")


@pytest.mark.parametrize(
    ("source", "stage", "message"),
    [
        ("def broken(:\n", "import", "SyntaxError"),
        (
            "import no_such_dependency\n",
            "import",
            "ModuleNotFoundError: No module named 'no_such_dependency'",
        ),
        ("class NotIt:\n    pass\n", "import", "has no class Pipeline"),
        (
            "class Pipeline:\n    def __init__(self, corpus_dir):\n        pass\n",
            "init",
            "TypeError",
        ),
        (
            "class Pipeline:\n    def __init__(self, c, w):\n        pass\n"
            "    def build(self):\n        raise RuntimeError('index failed')\n",
            "build",
            "RuntimeError: index failed",
        ),
    ],
)
def test_a_submission_that_cannot_start_is_fatal_with_its_traceback(
    tmp_path: Path, small_variant: Path, source: str, stage: str, message: str
) -> None:
    submission = write_submission(tmp_path / "sub", source)
    record = run(tmp_path, submission, small_variant, ["a", "b"])
    assert record.fatal is not None
    assert (record.fatal.stage, record.fatal.status) == (stage, Status.ERROR)
    assert message in record.fatal.reason
    assert record.fatal.one_line().startswith(f"submission failed at {stage}: ")
    error = record.fatal.error
    assert error is not None and error.traceback.splitlines()[-1].startswith(error.type)
    if stage != "init":  # a wrong __init__ signature fails at the call, in the harness's frame
        assert "rag/pipeline.py" in error.traceback
    assert [r.status for r in record.search + record.answer] == [Status.NOT_RUN] * 4


def test_a_child_that_dies_before_reporting_shows_its_log(
    tmp_path: Path, small_variant: Path
) -> None:
    source = "import os\nprint('about to vanish', flush=True)\nos._exit(3)\n"
    record = run(tmp_path, write_submission(tmp_path / "sub", source), small_variant, ["a"])
    assert record.fatal is not None and record.fatal.stage == "start"
    assert "exited with code 3" in record.fatal.reason
    assert "about to vanish" in record.fatal.log_tail


def test_a_build_that_hangs_times_out(tmp_path: Path, small_variant: Path) -> None:
    source = (
        "import time\nclass Pipeline:\n    def __init__(self, c, w):\n        pass\n"
        "    def build(self):\n        time.sleep(60)\n"
    )
    options = RunnerOptions(build_timeout_s=0.5, call_timeout_s=1)
    record = run(
        tmp_path, write_submission(tmp_path / "sub", source), small_variant, ["a"], options
    )
    assert record.fatal is not None and record.fatal.status is Status.TIMEOUT
    assert record.fatal.reason == "import and build did not finish within 0.5 s"


def test_the_harness_exercise_package_wins_over_the_submissions_copy(
    tmp_path: Path, small_variant: Path
) -> None:
    fake_types = "class Passage:\n    def __init__(self, *a):\n        raise RuntimeError('fake')\n"
    submission = write_submission(
        tmp_path / "sub",
        MISBEHAVING,
        extra={
            "exercise/__init__.py": "raise RuntimeError('fake exercise imported')\n",
            "exercise/types.py": fake_types,
        },
    )
    record = run(tmp_path, submission, small_variant, ["fine"])
    assert record.fatal is None
    assert record.search[0].status is Status.OK
    assert record.search[0].value[0]["$type"] == "Passage"
    assert (harness_root() / "exercise" / "child.py").is_file()


def test_a_missing_submission_is_a_user_error(tmp_path: Path, small_variant: Path) -> None:
    from exercise.errors import ExerciseError

    with pytest.raises(ExerciseError, match="is not a directory"):
        run(tmp_path, tmp_path / "nope", small_variant, ["a"])


def test_environment_and_grandchildren(tmp_path: Path, small_variant: Path) -> None:
    source = """
        import os
        import subprocess
        import sys

        from exercise.types import Answer


        class Pipeline:
            def __init__(self, corpus_dir, work_dir):
                pass

            def build(self):
                print("MARK", os.environ.get("MARK"), os.environ.get("HF_HUB_OFFLINE"))
                # A grandchild that outlives nothing: it must neither hold the result pipe open
                # nor survive the run (the child's whole process group is killed).
                command = [sys.executable, "-c", "import time; time.sleep(60)"]
                self.sleeper = subprocess.Popen(command, close_fds=False)
                print("SLEEPER", self.sleeper.pid)

            def search(self, query, k):
                return []

            def answer(self, query):
                return Answer("", ())
    """
    options = RunnerOptions(
        build_timeout_s=20,
        call_timeout_s=5,
        base_env={"PATH": os.environ.get("PATH", ""), "MARK": "set"},
    )
    record = run(
        tmp_path, write_submission(tmp_path / "sub", source), small_variant, ["a"], options
    )
    assert record.fatal is None and record.search[0].status is Status.OK
    log = (tmp_path / "logs" / "child.log").read_text()
    assert "MARK set 1" in log  # the given environment, plus no-download settings
    sleeper = int(log.split("SLEEPER ")[1].split()[0])
    assert gone(sleeper, 5)


def test_a_runner_killed_outright_takes_its_child_and_grandchildren_down(
    tmp_path: Path, small_variant: Path
) -> None:
    # SIGKILL leaves the runner no chance to kill the child's group: the child notices that its
    # parent is gone and ends its group itself, instead of building on for nobody
    source = """
        import os
        import subprocess
        import sys
        import time
        from pathlib import Path


        class Pipeline:
            def __init__(self, corpus_dir, work_dir):
                pass

            def build(self):
                command = [sys.executable, "-c", "import time; time.sleep(60)"]
                sleeper = subprocess.Popen(command)
                Path(os.environ["PIDS"]).write_text(f"{os.getpid()} {sleeper.pid}")
                time.sleep(60)

            def search(self, query, k):
                return []

            def answer(self, query):
                return None
    """
    submission = write_submission(tmp_path / "sub", source)
    pids = tmp_path / "pids"
    env = {"PATH": os.environ.get("PATH", ""), "PIDS": str(pids)}
    script = (
        "from pathlib import Path\n"
        "from exercise.runner import RunnerOptions, run_submission\n"
        f"run_submission(Path({str(submission)!r}), Path({str(small_variant)!r}), ['a'], k=5, "
        f"work_dir=Path({str(tmp_path / 'work')!r}), log_path=Path({str(tmp_path / 'log')!r}), "
        f"options=RunnerOptions(build_timeout_s=60, call_timeout_s=1.0, base_env={env!r}))\n"
    )
    runner = subprocess.Popen([sys.executable, "-c", script], cwd=harness_root())
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not pids.exists():
            time.sleep(0.05)
        assert pids.exists(), (tmp_path / "log").read_text() if (tmp_path / "log").exists() else ""
        time.sleep(0.2)
        child, sleeper = (int(p) for p in pids.read_text().split())
    finally:
        runner.kill()
        runner.wait()
    assert gone(child, 10), "the child outlived its runner"
    assert gone(sleeper, 10), "the pipeline's own process outlived the runner"
