"""The autograder zip in a container laid out as Gradescope lays one out: the zip unpacked into
/autograder/source, setup.sh run there as root (offline, from the test wheelhouse), then
run_autograder for a submission in /autograder/submission, writing /autograder/results.

The base is the container tests' grader image (a debootstrapped Debian with Python 3.11; no
bubblewrap), so run_autograder falls back to the uid sandbox, as in a Gradescope container
where namespaces are not allowed. The submission hunts for the key (the hidden questions, the
unseen variant's, the settings) and for the grader's own packages, and answers with what it
found: only the decoy key.json planted readable for everyone (so the hunt is seen to work), and
results.json must still validate. Slow: setup.sh installs torch and the
rest into a fresh venv (about a minute).
"""

from __future__ import annotations

import json
import subprocess
import uuid

import pytest

from grader.gradescope.package import build_autograder
from grader.reports.gradescope import validate_results
from tests.grader.grading import submission_from
from tests.grader.sandbox import engine

pytestmark = pytest.mark.slow

HUNTER = """
import os
from pathlib import Path

from exercise.types import Answer

NAMES = ("hidden.jsonl", "key.json", "settings.json")


def hunt(work_dir):
    found = []
    for folder, _dirs, files in os.walk("/", onerror=None):
        if folder.startswith(("/proc", "/sys", "/dev")):
            continue
        for name in files:
            if name in NAMES:
                try:
                    Path(folder, name).read_bytes()
                    found.append(f"read {folder}/{name}")
                except OSError:
                    pass
    guesses = [
        "/autograder/source/key/questions/hidden.jsonl",
        "/autograder/source/settings.json",
        "/autograder/source/harness/grader/catalogue/answering/reference.py",
    ]
    grade = Path(work_dir).parent  # the grade's own work folder, passable by name
    guesses += [
        str(grade / "unseen" / "key" / "questions" / "hidden.jsonl"),
        str(grade / "unseen" / "key" / "key.json"),
    ]
    for guess in guesses:
        try:
            Path(guess).read_bytes()
            found.append(f"read {guess}")
        except OSError:
            pass
    for module in ("grader.catalogue", "corpus.variant"):
        try:
            __import__(module)
            found.append(f"imported {module}")
        except Exception:
            pass
    return found


class Pipeline:
    def __init__(self, corpus_dir, work_dir):
        self.work_dir = work_dir
        self.found = []

    def build(self):
        self.found = hunt(self.work_dir)
        print("HUNT", os.getuid(), self.found, flush=True)

    def search(self, query, k):
        return []

    def answer(self, query):
        return Answer(" | ".join(self.found) or "nothing found", ())
"""

SCRIPT = """
set -e
mkdir -p /autograder/submission /autograder/results /autograder/decoy
echo '{}' > /autograder/decoy/key.json && chmod 0644 /autograder/decoy/key.json
python3.11 -m zipfile -e /in/autograder.zip /autograder/source
TAKEHOME_SETUP_APT=no bash /autograder/source/setup.sh
cp /autograder/source/run_autograder /autograder/run_autograder
cp -r /in/submission/. /autograder/submission/
/autograder/run_autograder
"""


@pytest.fixture(scope="module")
def wheels():
    engine.require_engine()
    engine.prepare_images()
    return engine.harness_wheelhouse(engine.cache_dir())


def test_setup_then_run_autograder_grade_and_the_key_stays_hidden(
    wheels, pair_bundle_out, tmp_path
):
    out = pair_bundle_out[0]
    inputs = tmp_path / "in"
    inputs.mkdir(mode=0o700)  # the zip holds the key: root's alone in the container too
    build_autograder(out / "key", inputs / "autograder.zip", baseline=False, unseen=True)
    submission_from(out / "bundle", inputs / "submission", HUNTER)
    name = f"takehome-gradescope-{uuid.uuid4().hex[:8]}"
    try:
        done = subprocess.run(
            [*engine.PODMAN, "run", "--name", name, "--user", "0:0", "--network", "none",
             "-v", f"{inputs}:/in:ro", "-v", f"{wheels}:/autograder/source/wheels:ro",
             "--ulimit", "nofile=4096:4096", "--ulimit", "nproc=8192:8192",
             "--entrypoint", "bash", engine.TEST_IMAGE, "-c", SCRIPT],
            timeout=900, check=False, capture_output=True, text=True,
        )  # fmt: skip
        assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
        results_path, report_path = tmp_path / "results.json", tmp_path / "report.json"
        for inside, outside in (
            ("/autograder/results/results.json", results_path),
            ("/autograder/work/grade/report.json", report_path),
        ):
            engine.podman("cp", f"{name}:{inside}", str(outside), timeout=60)
    finally:
        subprocess.run([*engine.PODMAN, "rm", "-f", name], capture_output=True, timeout=60)
    results = json.loads(results_path.read_text(encoding="utf-8"))
    assert validate_results(results) == [], results
    report = json.loads(report_path.read_text(encoding="utf-8"))
    assert report["isolation"]["backend"] == "uid" and report["isolation"]["isolated"]
    assert report["fatal"] is None
    assert report["unseen"]["seed"] is not None  # the unseen variant was there to hunt for
    # the hunt works (it finds the decoy anyone may read) and finds nothing else
    answers = {q["answer"]["text"] for q in report["questions"]}
    assert answers == {"read /autograder/decoy/key.json"}, answers
    assert "setup.sh: done" in done.stdout
