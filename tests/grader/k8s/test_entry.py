"""A round's pods played here without a cluster: the files each pod's volumes would hold are
taken from the emitted manifests (the key from its Secret, the names and the supervisor from their
ConfigMaps, each submission from its own), the supervisor runs as a local process on the pod's
channel, `grader.k8s.entry` grades each index into the results folder, and `collect` makes the
leaderboard of it. What a cluster adds (the containers' uids, no network, limits) is not played."""

from __future__ import annotations

import base64
import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

import exercise
import grader.sandbox.pod as pod
from grader.batch.run import jobs_from_paths
from grader.cli import app
from grader.k8s.emit import emit
from grader.k8s.entry import PodPaths, run, stop
from grader.k8s.manifests import KEY_ARCHIVE, ROUND_FILE, SUBMISSION_ARCHIVE, SUPERVISOR_FILE
from tests.grader.grading import EMPTY, LEXICAL, fake_baseline, submission_from

pytest.importorskip("kubernetes")


def _volumes(emitted, root: Path) -> dict[str, Path]:
    """The files the kubelet would mount from the round's Secret and ConfigMaps."""
    docs = list(yaml.safe_load_all(emitted.manifests.read_text(encoding="utf-8")))
    (secret,) = yaml.safe_load_all(emitted.secret.read_text(encoding="utf-8"))
    maps = {d["metadata"]["name"]: d for d in docs if d["kind"] == "ConfigMap"}
    files = {
        "key": root / "key" / KEY_ARCHIVE,
        "round": root / "round" / ROUND_FILE,
        "supervisor": root / "supervisor" / SUPERVISOR_FILE,
        "submissions": root / "submissions",
    }
    for path in files.values():
        (path if path.name == "submissions" else path.parent).mkdir(parents=True)
    files["key"].write_bytes(base64.b64decode(secret["data"][KEY_ARCHIVE]))
    files["round"].write_text(maps[f"{emitted.job}-round"]["data"][ROUND_FILE], "utf-8")
    files["supervisor"].write_text(maps[f"{emitted.job}-sandbox"]["data"][SUPERVISOR_FILE], "utf-8")
    for index in range(2):
        data = maps[f"{emitted.job}-submission-{index}"]["binaryData"][SUBMISSION_ARCHIVE]
        (files["submissions"] / f"{index}.tar.gz").write_bytes(base64.b64decode(data))
    return files


def test_each_pod_grades_its_index_and_collect_ranks_them(bundle_out, tmp_path, monkeypatch):
    out = bundle_out[0]
    fake_baseline(monkeypatch)
    subs = [
        submission_from(out / "bundle", tmp_path / "lexical", LEXICAL),
        submission_from(out / "bundle", tmp_path / "empty", EMPTY),
    ]
    # without the unseen corpus (the round file carries the flag: test_manifests.py); the
    # pods' grades are otherwise the default's
    emitted = emit(jobs_from_paths(subs, out / "key"), tmp_path / "k8s", job="r", unseen=False)
    files = _volumes(emitted, tmp_path / "mounted")
    results = tmp_path / "results"
    monkeypatch.setattr(pod, "IMAGE_PYTHON", sys.executable)
    monkeypatch.setattr(pod, "IMAGE_HARNESS", str(Path(exercise.__file__).parents[1]))
    for index in range(2):  # one pod after the other, each with its own emptyDirs
        here = tmp_path / f"pod-{index}"
        paths = PodPaths(
            round_file=files["round"],
            key_archive=files["key"],
            key_copy=here / "tmp" / "key",
            submissions=files["submissions"],
            results=results,
            channel=here / "chan",
            scratch=here / "scratch",
        )
        paths.channel.mkdir(parents=True)
        paths.scratch.mkdir()
        monkeypatch.setattr(pod, "CHANNEL", paths.channel)
        monkeypatch.setattr(pod, "SCRATCH", paths.scratch)
        supervisor = subprocess.Popen(
            [sys.executable, "-I", str(files["supervisor"]), "--channel", str(paths.channel)]
        )
        try:
            assert run(index, paths) == 0
            assert supervisor.wait(20) == 0  # told to stop: the sandbox container ends
        finally:
            if supervisor.poll() is None:
                stop(paths.channel)
                supervisor.kill()
                supervisor.wait()
    assert (results / "lexical" / "report.json").is_file()
    lexical = json.loads((results / "lexical" / "report.json").read_text(encoding="utf-8"))
    assert lexical["unseen"] == {"note": "not run (--no-unseen)"}  # as the round file said
    assert (results / "empty" / "report.html").is_file()

    collected = CliRunner().invoke(app, ["collect", str(results)])
    assert collected.exit_code == 0, collected.output
    with (results / "leaderboard.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [r["name"] for r in rows] == ["lexical", "empty"]  # the better first
    assert {r["isolation"] for r in rows} == {"pod"}
