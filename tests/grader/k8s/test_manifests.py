"""The round's Kubernetes objects, built through the client's models for three submissions: the
key only in the grader container, the sandbox container non-root, read-only, without network
and within the profile's budgets, one completion per submission."""

from __future__ import annotations

import base64
import gzip
import io
import json
import shutil
import tarfile

import pytest
import yaml

from grader.answer_key import load_key
from grader.batch.run import jobs_from_paths
from grader.k8s.emit import emit
from grader.k8s.manifests import ROUND_FILE, RoundSpec, _cpu, documents, round_objects

pytest.importorskip("kubernetes")  # the k8s extra; the test extra installs it


@pytest.fixture(scope="module")
def emitted(bundle_out, tmp_path_factory):
    out, _ = bundle_out
    root = tmp_path_factory.mktemp("round")
    subs = []
    for name in ("ada", "bo", "cy"):
        shutil.copytree(out / "bundle", root / name)
        subs.append(root / name)
    written = emit(jobs_from_paths(subs, out / "key"), root / "k8s", job="Round 1!")
    manifests = list(yaml.safe_load_all(written.manifests.read_text(encoding="utf-8")))
    secret = list(yaml.safe_load_all(written.secret.read_text(encoding="utf-8")))
    return written, manifests, secret, load_key(out / "key").record.budgets


def _kind(docs, kind):
    return [d for d in docs if d["kind"] == kind]


def _pod(manifests):
    (job,) = _kind(manifests, "Job")
    return job["spec"]["template"], {
        c["name"]: c for c in job["spec"]["template"]["spec"]["containers"]
    }


def test_one_indexed_completion_per_submission(emitted):
    written, manifests, _, _ = emitted
    (job,) = _kind(manifests, "Job")
    assert written.job == "round-1" == job["metadata"]["name"]  # a DNS-1123 name
    spec = job["spec"]
    assert spec["completionMode"] == "Indexed"
    assert spec["completions"] == 3
    assert 1 <= spec["parallelism"] <= 3
    assert 0 < spec["backoffLimit"] <= 3
    assert spec["template"]["spec"]["restartPolicy"] == "Never"
    assert written.index.read_text(encoding="utf-8").count('"') >= 6  # the three names
    assert [m["metadata"]["name"] for m in _kind(manifests, "ConfigMap")][-3:] == [
        "round-1-submission-0",
        "round-1-submission-1",
        "round-1-submission-2",
    ]


def test_the_key_is_only_in_the_secret_and_only_the_grader_container_mounts_it(emitted):
    written, manifests, secret_docs, _ = emitted
    assert not _kind(manifests, "Secret")  # round.yaml holds no key
    assert oct(written.secret.stat().st_mode & 0o777) == "0o600"
    (secret,) = secret_docs
    archive = gzip.decompress(base64.b64decode(secret["data"]["key.tar.gz"]))
    members = tarfile.open(fileobj=io.BytesIO(archive)).getnames()
    assert "questions/hidden.jsonl" in members and "key.json" in members
    for config in _kind(manifests, "ConfigMap"):  # the submissions carry no key
        for data in (config.get("binaryData") or {}).values():
            inner = tarfile.open(fileobj=io.BytesIO(gzip.decompress(base64.b64decode(data))))
            assert not any(n.endswith("hidden.jsonl") for n in inner.getnames())

    template, containers = _pod(manifests)
    volumes = {v["name"]: v for v in template["spec"]["volumes"]}
    secret_volumes = {
        name
        for name, v in volumes.items()
        if "secret" in v
        or any("secret" in s for s in (v.get("projected") or {}).get("sources", []))
    }
    assert secret_volumes == {"key"}
    assert volumes["key"]["secret"]["secretName"] == secret["metadata"]["name"]
    assert volumes["key"]["secret"]["defaultMode"] & 0o007 == 0  # not for other uids
    grader, sandbox = containers["grader"], containers["sandbox"]
    assert "key" in {m["name"] for m in grader["volumeMounts"]}
    assert not secret_volumes & {m["name"] for m in sandbox["volumeMounts"]}
    assert "envFrom" not in sandbox
    assert all("valueFrom" not in e for e in sandbox.get("env", []))
    # nor the round's submissions or results: the sandbox sees only what the grader copies in
    assert {m["name"] for m in sandbox["volumeMounts"]} == {
        "channel",
        "scratch",
        "sandbox-tmp",
        "supervisor",
    }
    chan = next(m for m in sandbox["volumeMounts"] if m["name"] == "channel")
    assert chan["readOnly"] is True and chan["mountPath"] == "/chan"
    # both containers meet at the same channel and scratch paths (the FIFO channel)
    assert {(m["name"], m["mountPath"]) for m in grader["volumeMounts"]} >= {
        ("channel", "/chan"),
        ("scratch", "/scratch"),
    }


def test_the_sandbox_container_is_non_root_read_only_and_unprivileged(emitted):
    _, manifests, _, _ = emitted
    template, containers = _pod(manifests)
    pod = template["spec"]
    assert pod["automountServiceAccountToken"] is False
    assert pod["enableServiceLinks"] is False
    assert pod["shareProcessNamespace"] is False
    for name in ("sandbox", "grader"):
        context = containers[name]["securityContext"]
        assert context["runAsNonRoot"] is True
        assert context["runAsUser"] > 0
        assert context["readOnlyRootFilesystem"] is True
        assert context["allowPrivilegeEscalation"] is False
        assert context["capabilities"] == {"drop": ["ALL"]}
    assert (
        containers["sandbox"]["securityContext"]["runAsUser"]
        != containers["grader"]["securityContext"]["runAsUser"]
    )


def test_no_network_for_the_pod(emitted):
    _, manifests, _, _ = emitted
    template, _ = _pod(manifests)
    (policy,) = _kind(manifests, "NetworkPolicy")
    selected = policy["spec"]["podSelector"]["matchLabels"]
    assert selected.items() <= template["metadata"]["labels"].items()
    assert sorted(policy["spec"]["policyTypes"]) == ["Egress", "Ingress"]
    # no rule at all: every connection in or out is denied
    assert not policy["spec"].get("ingress") and not policy["spec"].get("egress")
    assert not template["spec"].get("hostNetwork")


def test_the_sandbox_limits_are_the_profile_budgets(emitted):
    _, manifests, _, budgets = emitted
    _, containers = _pod(manifests)
    limits = containers["sandbox"]["resources"]["limits"]
    assert limits["cpu"] == _cpu(budgets.cpus)
    # the submission's run and the baseline's share the container: twice one run's memory
    assert limits["memory"] == f"{2 * budgets.memory_mb}Mi"
    assert limits["ephemeral-storage"] == f"{2 * budgets.file_size_mb}Mi"


def _one_submission_round(budgets, **choices) -> list[dict]:
    """The documents of a one-submission round with these budgets and choices."""
    spec = RoundSpec(
        job="r",
        names=("a",),
        budgets=budgets,
        key_archive=b"k",
        submissions=(b"s",),
        supervisor="",
        **choices,
    )
    return documents(round_objects(spec))


def test_cpu_quantities_and_one_run_without_baseline(emitted):
    _, _, _, budgets = emitted
    import dataclasses

    half = dataclasses.replace(budgets, cpus=0.5, memory_mb=1024)
    docs = _one_submission_round(half, baseline=False)
    (job,) = [d for d in docs if d["kind"] == "Job"]
    sandbox = next(
        c for c in job["spec"]["template"]["spec"]["containers"] if c["name"] == "sandbox"
    )
    assert sandbox["resources"]["limits"]["cpu"] == "500m"
    assert sandbox["resources"]["limits"]["memory"] == "1024Mi"  # one run: the budget itself


def test_the_round_file_says_whether_pods_run_the_unseen_corpus(emitted):
    _, _, _, budgets = emitted
    for unseen in (True, False):
        docs = _one_submission_round(budgets, unseen=unseen)
        (round_map,) = [d for d in docs if d["metadata"]["name"] == "r-round"]
        assert json.loads(round_map["data"][ROUND_FILE])["unseen"] is unseen
