"""The unisolated backend: only when named, and the runner's limits (time, log cap) still hold."""

from __future__ import annotations

import os
from pathlib import Path

from exercise.judging import Status
from grader.sandbox.none import NoSandbox
from tests.exercise.helpers import pipeline_code
from tests.grader.sandbox.helpers import LIMITS


def test_none_launches_the_child_directly(tmp_path: Path, corpus: Path) -> None:
    launch = NoSandbox(LIMITS).prepare(tmp_path, corpus, tmp_path / "work")
    assert (launch.isolation, launch.command_prefix, launch.child_paths) == ("none", (), None)
    assert (tmp_path / "work").is_dir()


def test_the_log_cap_holds_without_a_sandbox_too(sandboxed) -> None:
    source = pipeline_code(
        "import os",
        build="""
            for _ in range(10_000):
                os.write(1, b"z" * 1000 + b"\\n")
        """,
        answer="return Answer(str(os.getpid()), ())",
    )
    run = sandboxed(source, ["a"], sandbox=NoSandbox(LIMITS))
    assert run.record.answer[0].status is Status.OK
    assert int(run.record.answer[0].value["text"]) != os.getpid()  # a child process, still
    assert run.log.endswith(
        f"[log truncated: output past {LIMITS.log_cap_bytes} bytes was discarded]\n"
    )


def test_output_that_fills_the_cap_exactly_is_cut_only_when_more_comes(sandboxed) -> None:
    cap = LIMITS.log_cap_bytes
    source = pipeline_code(
        "import os",
        build=f'os.write(1, b"a" * {cap})',
        search="""
            os.write(1, b"more")
            return []
        """,
    )
    run = sandboxed(source, ["a"], sandbox=NoSandbox(LIMITS))
    assert run.record.search[0].status is Status.OK
    note = f"\n[log truncated: output past {cap} bytes was discarded]\n"
    assert run.log == "a" * cap + note
