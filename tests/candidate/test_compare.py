"""`make compare` end to end: the real script (and the Makefile target) in a temporary repository,
two versions of the tiny word-overlap pipeline (tests/candidate/fake_pipeline.py) on the
four-question corpus of the exercise tests, so every evaluation takes about a second."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from grader.bundle.build import render
from grader.catalogue import TEMPLATE_DIR
from tests.exercise.helpers import SMALL_DOCS, SMALL_QUESTIONS, write_submission, write_variant

FAKE_PIPELINE = (Path(__file__).parent / "fake_pipeline.py").read_text(encoding="utf-8")
INIT = "        self.docs: dict[str, str] = {}\n"
# The pipeline also notes in its work_dir which documents it indexed: the tests read which cache
# folder each version was given.
RECORDING_PIPELINE = FAKE_PIPELINE.replace(
    INIT, INIT + '        (Path(work_dir) / "indexed.txt").write_text(" ".join(tuning.INDEXED))\n'
)
TIMEOUT_S = 300.0  # generous: a busy machine slows each of the two evaluations; healthy: seconds


def tuning(*indexed: str, abstain: bool) -> str:
    return f"INDEXED = {indexed!r}\nABSTAIN = {abstain}\n"


# Version A indexes beta and long and never abstains; version B also indexes alpha and abstains:
# q-notice newly passes found and answered, q-parking newly passes answered, nothing fails.
OLD = tuning("beta", "long", abstain=False)
NEW = tuning("alpha", "beta", "long", abstain=True)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A candidate repository: the template's scripts/ and Makefile, the recording rag/, the small
    corpus; rag/tuning.py as in version B."""
    assert INIT in FAKE_PIPELINE
    root = write_submission(tmp_path / "repo", RECORDING_PIPELINE, {"rag/tuning.py": NEW})
    write_variant(root / "corpus", SMALL_DOCS, SMALL_QUESTIONS)
    shutil.copytree(
        TEMPLATE_DIR / "scripts",
        root / "scripts",
        ignore=shutil.ignore_patterns("__pycache__", "*.pyc"),
    )
    return root


def git(root: Path, *args: str) -> str:
    command = ["git", "-C", str(root), "-c", "user.name=c", "-c", "user.email=c@example.org"]
    done = subprocess.run([*command, *args], check=True, capture_output=True, text=True)
    return done.stdout.strip()


def commit_old_version(root: Path) -> str:
    """Commit the repository with rag/tuning.py as in version A (corpus included), then put the
    working tree back to version B; the commit id."""
    tuning_file = root / "rag" / "tuning.py"
    tuning_file.write_text(OLD, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "version A")
    tuning_file.write_text(NEW, encoding="utf-8")
    return git(root, "rev-parse", "HEAD")


def run_compare(root: Path, *args: str) -> subprocess.CompletedProcess:
    command = [sys.executable, "scripts/compare.py", "--plain", *args]
    return subprocess.run(
        command, cwd=root, capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )


def row(lines: list[str], metric: str) -> str:
    found = [line for line in lines if line.split(" ", 1)[0] == metric]
    assert len(found) == 1, lines
    return " ".join(found[0].split())


def listed(lines: list[str], title: str) -> list[list[str]]:
    """The (id, checks) of the questions under `title` ("newly passing in B (2)")."""
    start = next(i for i, line in enumerate(lines) if line.startswith(title))
    rows = []
    for line in lines[start + 1 :]:
        if not line.startswith("  ") or line.strip() == "none":
            break
        rows.append(line.split()[:2])
    return rows


def test_a_git_revision_against_the_working_tree(repo: Path) -> None:
    commit = commit_old_version(repo)
    done = run_compare(repo, "HEAD", ".", "--json", "out/compare.json")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"make compare · A = HEAD ({commit[:12]}) · B = working tree"
    # A finds q-charger only (1 of 3 answerable) and answers it; B adds q-notice and abstains
    # on q-parking: found 1/3 -> 2/3, answered 1/4 -> 3/4.
    assert lines[1] == "4 questions · found 1/3 → 2/3 (+1, -0) · answered 1/4 → 3/4 (+2, -0)"
    assert row(lines, "recall@5") == "recall@5 0.333 0.667 ▲ +0.333"
    assert row(lines, "answer_accuracy") == "answer_accuracy 0.250 0.750 ▲ +0.500"  # 1/4 -> 3/4
    assert row(lines, "abstention_accuracy") == "abstention_accuracy 0.750 1.000 ▲ +0.250"
    assert listed(lines, "newly passing in B (2)") == [
        ["q-notice", "found+answered"],
        ["q-parking", "answered"],
    ]
    assert listed(lines, "newly failing in B (0)") == []
    assert "Traceback" not in done.stderr

    # Each version had its own cache folder: the commit's under .takehome/compare/<commit>/,
    # the working tree's the one `make eval` uses.
    state = repo / ".takehome" / "compare" / commit[:12]
    assert (state / "work" / "indexed.txt").read_text() == "beta long"
    assert (repo / ".takehome" / "work" / "indexed.txt").read_text() == "alpha beta long"
    # The revision's files were exported without its corpus (every version reads ours).
    assert (state / "src" / "rag" / "tuning.py").read_text(encoding="utf-8") == OLD
    assert not (state / "src" / "corpus").exists()
    assert json.loads((state / "eval.json").read_text(encoding="utf-8"))["metrics"]["n"] == 4

    data = json.loads((repo / "out" / "compare.json").read_text(encoding="utf-8"))
    assert data["a"]["label"] == f"HEAD ({commit[:12]})" and data["b"]["version"] == "."
    assert data["a"]["metrics"]["recall@5"] == pytest.approx(1 / 3, abs=1e-4)
    assert [q["id"] for q in data["newly_passing"]] == ["q-notice", "q-parking"]
    assert data["newly_failing"] == []


def test_the_other_way_round_lists_the_losses(repo: Path) -> None:
    commit_old_version(repo)
    done = run_compare(repo, ".", "HEAD")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert listed(lines, "newly passing in B (0)") == []
    failing = listed(lines, "newly failing in B (2)")
    assert failing == [["q-notice", "found+answered"], ["q-parking", "answered"]]
    notice = next(line for line in lines if line.startswith("  q-notice"))
    assert notice.endswith("(evidence not in the top 5; answer wrong)")
    assert row(lines, "recall@5") == "recall@5 0.667 0.333 ▼ -0.333"


def test_two_folders_each_with_their_own_cache(repo: Path, tmp_path: Path) -> None:
    copy = tmp_path / "try-old"
    shutil.copytree(repo / "rag", copy / "rag")
    (copy / "rag" / "tuning.py").write_text(OLD, encoding="utf-8")
    done = run_compare(repo, str(copy), ".")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == f"make compare · A = folder {copy} · B = working tree"
    assert row(lines, "recall@5") == "recall@5 0.333 0.667 ▲ +0.333"
    caches = sorted((repo / ".takehome" / "compare").glob("dir-*/work/indexed.txt"))
    assert [p.read_text() for p in caches] == ["beta long"]
    assert not (copy / "indexed.txt").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["HEAD"], "is not a git repository"),
        (["no-such-folder"], "no-such-folder: no such folder, and"),
        (["corpus"], "corpus: the folder has no rag/pipeline.py"),
        (["--corpus", "elsewhere", "."], "elsewhere has no docs/ folder"),
    ],
)
def test_unusable_versions_are_one_line_errors(repo: Path, args, message) -> None:
    done = run_compare(repo, *args)
    assert done.returncode == 2
    assert message in done.stderr and "Traceback" not in done.stderr
    assert done.stderr.startswith("error: ") and len(done.stderr.strip().splitlines()) == 1


def test_an_unknown_revision_names_itself(repo: Path) -> None:
    commit_old_version(repo)
    done = run_compare(repo, "HEAD~5")
    assert done.returncode == 2
    assert "HEAD~5: no such folder, and not a commit of this repository" in done.stderr


def test_a_version_that_cannot_be_built_is_named_with_its_output(repo: Path, tmp_path) -> None:
    broken = write_submission(tmp_path / "broken", "raise RuntimeError('half-finished edit')\n")
    done = run_compare(repo, ".", str(broken))
    assert done.returncode == 1
    assert f"folder {broken}: the evaluation could not be imported or built (exit 1)" in done.stderr
    assert "half-finished edit" in done.stderr
    assert done.stdout == ""


def test_a_revision_of_a_repository_inside_a_larger_git_work_tree(tmp_path: Path) -> None:
    outer = tmp_path / "outer"
    root = write_submission(outer / "candidate", RECORDING_PIPELINE, {"rag/tuning.py": OLD})
    write_variant(root / "corpus", SMALL_DOCS, SMALL_QUESTIONS)
    shutil.copytree(
        TEMPLATE_DIR / "scripts", root / "scripts", ignore=shutil.ignore_patterns("__pycache__")
    )
    git(outer, "init", "-q")
    git(outer, "add", ".")
    git(outer, "commit", "-qm", "version A")
    (root / "rag" / "tuning.py").write_text(NEW, encoding="utf-8")
    done = run_compare(root, "HEAD")
    assert done.returncode == 0, done.stderr
    assert row(done.stdout.splitlines(), "recall@5") == "recall@5 0.333 0.667 ▲ +0.333"


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_compare_runs_the_script_with_the_time_limits(repo: Path) -> None:
    """The template's Makefile target, with a stand-in virtualenv (this test's interpreter)."""
    makefile = (TEMPLATE_DIR / "Makefile").read_text(encoding="utf-8")
    values = {"build_timeout_s": "60", "query_timeout_s": "7"}
    (repo / "Makefile").write_text(render(makefile, values, source="Makefile"), encoding="utf-8")
    (repo / "pyproject.toml").write_text("", encoding="utf-8")
    python = repo / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec {sys.executable} "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    (repo / ".venv" / ".installed").touch()  # newer than pyproject.toml: nothing to install
    commit_old_version(repo)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}

    def make(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            ["make", *args], cwd=repo, env=env, capture_output=True, text=True,
            timeout=TIMEOUT_S, check=False,
        )  # fmt: skip

    planned = make("-n", "compare", "A=HEAD~0").stdout
    assert "scripts/compare.py 'HEAD~0' '.' -- --build-timeout 60" in planned
    assert "--query-timeout 7" in planned
    done = make("compare")  # A defaults to HEAD, B to the working tree
    assert done.returncode == 0, done.stdout + done.stderr
    assert "· B = working tree" in done.stdout
    assert row(done.stdout.splitlines(), "recall@5") == "recall@5 0.333 0.667 ▲ +0.333"
    assert not (repo / "eval_history.jsonl").exists()  # comparisons are not recorded
