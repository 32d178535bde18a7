"""`make handin` (candidate_template/scripts/handin.py): the archive holds the repository without
what the template's .gitignore lists, and a freshly built bundle hands in everything it shipped
but the corpus's documents and questions."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from corpus.profile import load_profile
from grader.bundle.build import build_bundle
from grader.catalogue import TEMPLATE_DIR
from tests.helpers import DEFAULT_SEED

LOCAL_STATE = {  # what a candidate's working copy gathers; none of it is sent
    ".venv/bin/python": "",
    ".venv/.installed": "",
    ".takehome/work/embedding-cache/vectors.npz": "cache",
    ".takehome/child.log": "log",
    ".takehome/compare/0123456789ab/src/rag/pipeline.py": "old version",
    "rag/__pycache__/pipeline.cpython-311.pyc": "bytecode",
    "tests/__pycache__/conftest.cpython-311.pyc": "bytecode",
    "scratch.pyc": "bytecode",
    ".pytest_cache/v/cache/lastfailed": "{}",
    ".ruff_cache/CACHEDIR.TAG": "",
    ".mypy_cache/3.11/rag.json": "{}",
    "rag_exercise.egg-info/PKG-INFO": "",
    "corpus/docs/policy-travel-v2.md": "# Travel",
    "corpus/questions/public.jsonl": "{}\n",
    "submission.tar.gz": "an earlier hand-in",
}
SENT = {  # the candidate's work, sent
    "rag/__init__.py": "",
    "rag/pipeline.py": "class Pipeline: ...\n",
    "rag/data/docs/synonyms.txt": "a nested docs/ folder of their own is theirs\n",
    "corpus/manifest.json": "{}",
    "NOTES.md": "# Notes\n",
    "eval_history.jsonl": "{}\n",
    "tests/test_mine.py": "def test_mine(): pass\n",
    ".git/HEAD": "ref: refs/heads/main\n",
    ".gitignore": None,  # the template's
    "scripts/handin.py": None,  # the template's
}


def members(archive: Path) -> set[str]:
    with tarfile.open(archive) as tar:
        return {m.name for m in tar.getmembers() if m.isfile()}


def run_handin(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "scripts/handin.py", *args],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    root = tmp_path / "repo"
    for rel, text in {**LOCAL_STATE, **SENT}.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if text is None:
            shutil.copyfile(TEMPLATE_DIR / rel, path)
        else:
            path.write_text(text, encoding="utf-8")
    return root


def test_the_archive_leaves_out_what_gitignore_lists(repo: Path) -> None:
    (repo / "notes-link.md").symlink_to(repo / "NOTES.md")
    done = run_handin(repo)
    assert done.returncode == 0, done.stderr
    assert members(repo / "submission.tar.gz") == set(SENT)
    assert done.stdout.startswith(f"wrote submission.tar.gz: {len(SENT)} files, ")
    # The grader refuses links: the link is left out, and said so.
    assert "warning: left out notes-link.md: a symbolic link" in done.stderr


def test_the_candidates_own_ignore_lines_count_and_negations_are_reported(repo: Path) -> None:
    gitignore = repo / ".gitignore"
    gitignore.write_text(gitignore.read_text() + "\n/scratch/\n*.tmp\n!keep.tmp\n")
    (repo / "scratch").mkdir()
    (repo / "scratch" / "try.py").write_text("")
    (repo / "rag" / "state.tmp").write_text("")
    done = run_handin(repo, "--out", "out/sent.tar.gz")
    assert done.returncode == 0, done.stderr
    assert members(repo / "out" / "sent.tar.gz") == set(SENT)
    assert "line '!keep.tmp' is not supported here" in done.stderr


def test_outside_a_repository_it_is_a_one_line_error(tmp_path: Path) -> None:
    shutil.copytree(TEMPLATE_DIR / "scripts", tmp_path / "scripts")
    done = run_handin(tmp_path)
    assert done.returncode == 2
    assert done.stderr.startswith("error: ") and "has no rag/pipeline.py" in done.stderr
    assert "Traceback" not in done.stderr


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_handin_on_a_fresh_bundle_sends_all_it_shipped_but_the_corpus_data(tmp_path):
    """The template's .gitignore matches what the bundle ships: nothing shipped is left out
    but the corpus's documents and questions (the grader's own copy grades)."""
    build_bundle(load_profile("pair"), DEFAULT_SEED, "Handin Tester", tmp_path / "out")
    bundle = tmp_path / "out" / "bundle"
    shipped = {p.relative_to(bundle).as_posix() for p in bundle.rglob("*") if p.is_file()}
    corpus_data = {p for p in shipped if p.startswith(("corpus/docs/", "corpus/questions/"))}
    assert len(corpus_data) > 100
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MAKE", "MFLAGS"))}
    done = subprocess.run(
        ["make", "handin", f"PYTHON={sys.executable}"],
        cwd=bundle,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert members(bundle / "submission.tar.gz") == shipped - corpus_data
    assert "corpus/manifest.json" in shipped - corpus_data
