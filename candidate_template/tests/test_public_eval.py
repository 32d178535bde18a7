"""The evaluation on the public questions, exactly as `make eval` runs it; prints its summary.

It fails only when the pipeline cannot be built or some calls did not return a valid result
(`error`, `timeout`, `invalid`): low scores are for you to improve, not a test failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS_DIR = ROOT / "corpus"


def test_public_evaluation(announce, print_at_end, tmp_path):
    report_path = tmp_path / "eval.json"
    command = [sys.executable, "-m", "exercise", "eval", str(ROOT), "--corpus", str(CORPUS_DIR)]
    command += ["--json", str(report_path)]
    limits = (("--build-timeout", "BUILD_TIMEOUT_S"), ("--query-timeout", "QUERY_TIMEOUT_S"))
    for option, variable in limits:
        if os.environ.get(variable):  # set by the Makefile to the graded run's limits
            command += [option, os.environ[variable]]
    if os.environ.get("EVAL_HISTORY"):  # set by the Makefile unless HISTORY=off (README.md)
        history = ROOT / os.environ["EVAL_HISTORY"]  # relative to the repository
        command += ["--history", str(history), "--history-label", "test"]
    env = dict(os.environ, COLUMNS=str(max(100, shutil.get_terminal_size().columns)))
    if sys.__stdout__ is not None and sys.__stdout__.isatty():
        env["FORCE_COLOR"] = "1"
    announce("running the public evaluation in a fresh process (the summary follows the tests)")
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True)
    print_at_end(result.stdout)
    assert result.returncode == 0, f"the evaluation failed:\n{result.stderr[-3000:]}"
    report = json.loads(report_path.read_text(encoding="utf-8"))
    failed = [q for q in report["questions"] if q["status"] != "ok"]
    assert not failed, (
        "\n".join(f"{q['id']}: {q['status']}: {q['reason']}" for q in failed[:10])
        + "\n(full details: .takehome/child.log and `make eval`)"
    )
