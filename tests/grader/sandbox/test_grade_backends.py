"""Grading real pipelines (MiniLM) end to end: the reference graded in the bwrap sandbox and in
the container gives exactly the numbers of the trusted local evaluation (`takehome eval`), and
component-swap attribution names the component a submission fixed. On a pair bundle: what is
checked holds for any planted variant, and each run encodes the whole corpus, a third of medium's.
Slow all the same: six runs of MiniLM over it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus.failure_modes import COMPONENTS
from exercise.evaluate import evaluate
from exercise.metrics import by_label
from grader.answer_key import load_key
from grader.catalogue import REFERENCE, assemble
from grader.grade.report_file import report_json
from grader.grade.session import GradeOptions, grade
from tests.grader.sandbox import engine

pytestmark = pytest.mark.slow


def with_components(bundle: Path, dest: Path, selection: dict[str, str], chunk_size: int) -> Path:
    """The bundle with its rag/ re-assembled from the catalogue's `selection`."""
    shutil.copytree(bundle, dest)
    shutil.rmtree(dest / "rag")
    assemble(selection, dest, chunk_size=chunk_size)
    return dest


@pytest.fixture(scope="module")
def reference(pair_bundle_out, tmp_path_factory) -> Path:
    out = pair_bundle_out[0]
    key = load_key(out / "key")
    selection = dict.fromkeys(COMPONENTS, REFERENCE)
    return with_components(
        out / "bundle", tmp_path_factory.mktemp("ref") / "s", selection, key.record.chunk_size
    )


@pytest.fixture(scope="module")
def trusted(pair_bundle_out, reference, tmp_path_factory) -> dict:
    """The reference's hidden-question report from the local evaluation loop (no sandbox)."""
    key = load_key(pair_bundle_out[0] / "key")
    scratch = tmp_path_factory.mktemp("eval")
    report = evaluate(
        reference,
        key.corpus,
        key.hidden,
        work_dir=scratch / "work",
        log_path=scratch / "child.log",
        group_by=by_label("slice"),
    )
    return report.to_json()


def same_numbers(graded: dict, trusted: dict) -> None:
    assert graded["overall"]["metrics"] == trusted["metrics"]
    assert graded["overall"]["ci95"] == trusted["ci95"]
    assert {s: g["metrics"] for s, g in graded["slices"].items()} == {
        s: g["metrics"] for s, g in trusted["groups"].items()
    }
    assert [q["scores"] for q in graded["questions"]] == [q["scores"] for q in trusted["questions"]]
    assert graded["statuses"] == trusted["statuses"]


def test_reference_graded_under_bwrap_equals_the_local_evaluation(
    bwrap_ready, pair_bundle_out, reference, trusted, tmp_path
):
    options = GradeOptions(unseen=False, isolation="bwrap", baseline=False)
    graded = report_json(grade(reference, pair_bundle_out[0] / "key", tmp_path / "out", options))
    assert graded["isolation"]["backend"] == "bwrap"
    same_numbers(graded, trusted)
    assert graded["overall"]["metrics"]["recall@5"] >= 0.9


def test_reference_graded_in_the_container_equals_the_local_evaluation(
    docker_engine, monkeypatch, pair_bundle_out, reference, trusted, tmp_path
):
    monkeypatch.setenv("DOCKER_HOST", docker_engine)
    options = GradeOptions(
        unseen=False, isolation="docker", image=engine.TEST_IMAGE, baseline=False
    )
    graded = report_json(grade(reference, pair_bundle_out[0] / "key", tmp_path / "out", options))
    assert graded["isolation"]["backend"] == "docker"
    same_numbers(graded, trusted)


def test_attribution_credits_the_component_that_was_fixed(bwrap_ready, pair_bundle_out, tmp_path):
    out = pair_bundle_out[0]
    key = load_key(out / "key")
    selection = {**key.components, "chunking": REFERENCE}
    submission = with_components(out / "bundle", tmp_path / "s", selection, key.record.chunk_size)
    options = GradeOptions(unseen=False, isolation="bwrap", attribution=True)
    report = report_json(grade(submission, out / "key", tmp_path / "out", options))
    assert report["diagnosis"]["areas"]["chunking"] in ("fixed", "improved")
    components = {c["component"]: c for c in report["attribution"]["components"]}
    assert components["chunking"]["status"] == "measured"
    assert components["chunking"]["slices"]["boundary"] >= 0.3
    assert all(components[c]["status"] == "unchanged" for c in COMPONENTS if c != "chunking")
    assert set(report["timing"]["runs"]) == {"submission", "baseline", "swap-chunking"}
