"""The Kubernetes objects of one round, built from the official `kubernetes` client's models.

`round_objects` returns, in the order `kubectl apply` should see them: the key's Secret, the
round's ConfigMap (names by index, options), the sandbox supervisor's ConfigMap, one ConfigMap per
submission (its archive), the results PersistentVolumeClaim, the NetworkPolicy that cuts the
pod off the network, and the Indexed Job. `documents` turns them into plain dicts
(`ApiClient().sanitize_for_serialization`), which `grader.k8s.emit` writes as YAML.

The pod of index i (`JOB_COMPLETION_INDEX`) holds two containers:
- `grader` (the harness image): the only one the key's Secret, the round's ConfigMap, the
  submissions and the results volume are mounted in; it runs `python -m grader.k8s.entry`, which
  grades submission i with the `pod` sandbox (`grader.sandbox.pod`) and writes /results/<name>/.
- `sandbox` (the grader image of grader/Dockerfile, which holds no harness beyond `exercise`):
  runs the supervisor (`grader/k8s/supervisor.py`, from its ConfigMap), which starts each child
  the grader asks for. The two meet only in two emptyDir volumes: /chan (the FIFO channel of the
  container backend, read-only in the sandbox) and /scratch (the children's work dirs).

The `kubernetes` package is an optional extra (`pip install 'rag-takehome[k8s]'`); without it
`MissingExtraError` says so in one line.
"""

from __future__ import annotations

import base64
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from corpus.knobs import Budgets
from exercise.errors import ExerciseError
from grader.sandbox.docker import DEFAULT_IMAGE, IMAGE_PYTHON, SANDBOX_UID

EXTRA = "k8s"  # pyproject's optional dependency group holding the `kubernetes` client
HARNESS_IMAGE = "takehome-harness:latest"  # grader/k8s/Dockerfile: the grader container's image
GRADER_UID = 10001  # the grader container's uid: not root, and not the sandbox's
# Where the grader container finds its inputs (grader.k8s.entry reads the same names).
KEY_DIR, ROUND_DIR, SUBMISSIONS_DIR = "/run/takehome/key", "/run/takehome/round", "/submissions"
RESULTS_DIR, CHANNEL_DIR, SCRATCH_DIR = "/results", "/chan", "/scratch"
SUPERVISOR_DIR = "/supervisor"
KEY_ARCHIVE, ROUND_FILE, SUBMISSION_ARCHIVE = "key.tar.gz", "round.json", "submission.tar.gz"
SUPERVISOR_FILE = "supervisor.py"
# A ConfigMap or Secret holds at most 1 MiB; what an archive may take of it (base64 included).
OBJECT_BYTES = 1_000_000
BACKOFF_LIMIT = 2  # pod failures of the whole Job before it stops: the grader's own failures
GRADER_CPU, GRADER_MEMORY_MB = "1", 2048  # scoring, the report and the relay
GRADER_SCRATCH_MB = 4096  # the grader's /tmp: its copies of the key and the submission
RESULTS_SIZE = "2Gi"  # the results claim: a round's reports are a few MB per submission
CHANNEL_SIZE = "512Mi"  # the channel volume: a few copies of a submission and of the corpus
DEADLINE_MARGIN_S = 600  # a pod's deadline beyond its runs' own wall budgets: intake, scoring


class MissingExtraError(ExerciseError):
    """The `kubernetes` client is not installed."""


@dataclass(frozen=True)
class RoundSpec:
    """One round as the Job runs it: what `grade-many --emit k8s` was given."""

    job: str  # the Job's name (DNS-1123): every other object's name starts with it
    names: tuple[str, ...]  # the submissions' names, by completion index
    budgets: Budgets  # the key's `[budgets]`: the sandbox container's limits
    key_archive: bytes  # the key folder as a .tar.gz (grader.k8s.emit, grader.bundle.archive)
    submissions: tuple[bytes, ...]  # each submission as a .tar.gz, by index
    supervisor: str  # the text of grader/k8s/supervisor.py
    baseline: bool = True  # also run the starter in each grade (two runs per pod)
    unseen: bool = True  # also run each grade on the key's unseen corpus (after, not beside)
    parallelism: int = 1  # pods at a time
    namespace: str | None = None  # None: kubectl's current namespace
    harness_image: str = HARNESS_IMAGE
    sandbox_image: str = DEFAULT_IMAGE

    @property
    def runs(self) -> int:
        """Runs one pod's sandbox may hold at once: the submission's, and the baseline's."""
        return 2 if self.baseline else 1


def client() -> Any:
    """The `kubernetes.client` module, or `MissingExtraError` naming the extra to install."""
    try:
        from kubernetes import client as k8s
    except ImportError:
        raise MissingExtraError(
            "--emit k8s needs the kubernetes client: pip install 'rag-takehome[" + EXTRA + "]' "
            "(or pip install kubernetes)"
        ) from None
    return k8s


def round_objects(spec: RoundSpec) -> list[Any]:
    """Every object of the round, as the client's models (see the module docstring)."""
    k8s = client()
    for label, archive in [("the key", spec.key_archive)] + [
        (f"submission {name}", data)
        for name, data in zip(spec.names, spec.submissions, strict=True)
    ]:
        if len(_b64(archive)) > OBJECT_BYTES:
            raise ExerciseError(
                f"{label} packs to {len(archive)} bytes, more than a Kubernetes object holds "
                f"(1 MiB, base64 included): shrink it, or put the round on a volume instead"
            )
    labels = {"app.kubernetes.io/name": "takehome", "takehome/round": spec.job}
    meta = _meta_factory(k8s, spec.namespace, labels)
    round_json = {
        "job": spec.job,
        "names": list(spec.names),
        "baseline": spec.baseline,
        "unseen": spec.unseen,
        "sandbox_uid": SANDBOX_UID,
    }
    objects: list[Any] = [
        k8s.V1Secret(
            api_version="v1",
            kind="Secret",
            metadata=meta(f"{spec.job}-key", {"takehome/holds": "answer-key"}),
            type="Opaque",
            data={KEY_ARCHIVE: _b64(spec.key_archive)},
        ),
        k8s.V1ConfigMap(
            api_version="v1",
            kind="ConfigMap",
            metadata=meta(f"{spec.job}-round"),
            data={ROUND_FILE: json.dumps(round_json, indent=2, sort_keys=True) + "\n"},
        ),
        k8s.V1ConfigMap(
            api_version="v1",
            kind="ConfigMap",
            metadata=meta(f"{spec.job}-sandbox"),
            data={SUPERVISOR_FILE: spec.supervisor},
        ),
        *(
            k8s.V1ConfigMap(
                api_version="v1",
                kind="ConfigMap",
                metadata=meta(_submission_map(spec.job, index)),
                binary_data={SUBMISSION_ARCHIVE: _b64(data)},
            )
            for index, data in enumerate(spec.submissions)
        ),
        k8s.V1PersistentVolumeClaim(
            api_version="v1",
            kind="PersistentVolumeClaim",
            metadata=meta(f"{spec.job}-results"),
            spec=k8s.V1PersistentVolumeClaimSpec(
                # parallel pods land on several nodes and all write here
                access_modes=["ReadWriteMany"],
                resources=k8s.V1VolumeResourceRequirements(requests={"storage": RESULTS_SIZE}),
            ),
        ),
        k8s.V1NetworkPolicy(
            api_version="networking.k8s.io/v1",
            kind="NetworkPolicy",
            metadata=meta(f"{spec.job}-no-network"),
            # no ingress and no egress rule: nothing in or out for the round's pods
            spec=k8s.V1NetworkPolicySpec(
                pod_selector=k8s.V1LabelSelector(match_labels={"takehome/round": spec.job}),
                policy_types=["Ingress", "Egress"],
                ingress=[],
                egress=[],
            ),
        ),
        job_object(spec),
    ]
    return objects


def job_object(spec: RoundSpec) -> Any:
    """The Indexed Job: one completion per submission, its pod as the module docstring says."""
    k8s = client()
    if spec.parallelism < 1:
        raise ValueError(f"parallelism must be at least 1, got {spec.parallelism}")
    budgets, runs = spec.budgets, spec.runs
    labels = {"app.kubernetes.io/name": "takehome", "takehome/round": spec.job}
    meta = _meta_factory(k8s, spec.namespace, labels)
    # The sandbox: each run may use the profile's budgets; with the baseline beside it, two runs
    # share the container, so memory and scratch are the budget times the runs.
    sandbox = k8s.V1Container(
        name="sandbox",
        image=spec.sandbox_image,
        command=[IMAGE_PYTHON, "-I", f"{SUPERVISOR_DIR}/{SUPERVISOR_FILE}"],
        args=["--channel", CHANNEL_DIR],
        working_dir=SCRATCH_DIR,
        env=[k8s.V1EnvVar(name="HOME", value=SCRATCH_DIR)],
        resources=_resources(
            k8s, _cpu(budgets.cpus), budgets.memory_mb * runs, budgets.file_size_mb * runs
        ),
        security_context=_locked_down(k8s, SANDBOX_UID),
        volume_mounts=[
            k8s.V1VolumeMount(name="channel", mount_path=CHANNEL_DIR, read_only=True),
            k8s.V1VolumeMount(name="scratch", mount_path=SCRATCH_DIR),
            k8s.V1VolumeMount(name="sandbox-tmp", mount_path="/tmp"),
            k8s.V1VolumeMount(name="supervisor", mount_path=SUPERVISOR_DIR, read_only=True),
        ],
    )
    grader = k8s.V1Container(
        name="grader",
        image=spec.harness_image,
        command=["python", "-m", "grader.k8s.entry"],
        # JOB_COMPLETION_INDEX is set by the Job controller (completionMode Indexed)
        env=[
            k8s.V1EnvVar(name="HOME", value="/tmp"),
            k8s.V1EnvVar(name="HF_HUB_OFFLINE", value="1"),
            k8s.V1EnvVar(name="TRANSFORMERS_OFFLINE", value="1"),
        ],
        resources=_resources(k8s, GRADER_CPU, GRADER_MEMORY_MB, GRADER_SCRATCH_MB),
        security_context=_locked_down(k8s, GRADER_UID),
        volume_mounts=[
            k8s.V1VolumeMount(name="key", mount_path=KEY_DIR, read_only=True),
            k8s.V1VolumeMount(name="round", mount_path=ROUND_DIR, read_only=True),
            k8s.V1VolumeMount(name="submissions", mount_path=SUBMISSIONS_DIR, read_only=True),
            k8s.V1VolumeMount(name="results", mount_path=RESULTS_DIR),
            k8s.V1VolumeMount(name="channel", mount_path=CHANNEL_DIR),
            k8s.V1VolumeMount(name="scratch", mount_path=SCRATCH_DIR),
            k8s.V1VolumeMount(name="grader-tmp", mount_path="/tmp"),
        ],
    )
    volumes = [
        k8s.V1Volume(
            name="key",
            # read by the grader's group (fsGroup below); mounted in no other container
            secret=k8s.V1SecretVolumeSource(secret_name=f"{spec.job}-key", default_mode=0o440),
        ),
        k8s.V1Volume(
            name="round", config_map=k8s.V1ConfigMapVolumeSource(name=f"{spec.job}-round")
        ),
        k8s.V1Volume(
            name="supervisor",
            config_map=k8s.V1ConfigMapVolumeSource(name=f"{spec.job}-sandbox", default_mode=0o444),
        ),
        k8s.V1Volume(
            name="submissions",
            projected=k8s.V1ProjectedVolumeSource(
                sources=[
                    k8s.V1VolumeProjection(
                        config_map=k8s.V1ConfigMapProjection(
                            name=_submission_map(spec.job, index),
                            items=[k8s.V1KeyToPath(key=SUBMISSION_ARCHIVE, path=f"{index}.tar.gz")],
                        )
                    )
                    for index in range(len(spec.names))
                ]
            ),
        ),
        k8s.V1Volume(
            name="results",
            persistent_volume_claim=k8s.V1PersistentVolumeClaimVolumeSource(
                claim_name=f"{spec.job}-results"
            ),
        ),
        # the FIFOs, and read-only copies of the runs' submission and corpus
        k8s.V1Volume(name="channel", empty_dir=k8s.V1EmptyDirVolumeSource(size_limit=CHANNEL_SIZE)),
        k8s.V1Volume(
            name="scratch",
            empty_dir=k8s.V1EmptyDirVolumeSource(size_limit=f"{budgets.file_size_mb * runs}Mi"),
        ),
        k8s.V1Volume(
            name="sandbox-tmp",
            # /tmp is memory, half the memory budget per run, as for the other backends
            empty_dir=k8s.V1EmptyDirVolumeSource(
                medium="Memory", size_limit=f"{max(1, budgets.memory_mb // 2) * runs}Mi"
            ),
        ),
        k8s.V1Volume(
            name="grader-tmp",
            empty_dir=k8s.V1EmptyDirVolumeSource(size_limit=f"{GRADER_SCRATCH_MB}Mi"),
        ),
    ]
    pod = k8s.V1PodSpec(
        restart_policy="Never",
        # no API credentials in either container, no service variables naming other pods
        automount_service_account_token=False,
        enable_service_links=False,
        share_process_namespace=False,
        host_network=False,
        host_pid=False,
        host_ipc=False,
        active_deadline_seconds=int(runs * budgets.run_timeout_s + DEADLINE_MARGIN_S),
        # fsGroup makes the results claim and the key's files the grader's group's to use: most
        # volumes come owned by root. Kubernetes gives that group to every container of the pod,
        # the sandbox's too, which reaches neither volume: they are mounted in the grader only.
        security_context=k8s.V1PodSecurityContext(
            run_as_non_root=True,
            fs_group=GRADER_UID,
            fs_group_change_policy="OnRootMismatch",
            seccomp_profile=k8s.V1SeccompProfile(type="RuntimeDefault"),
        ),
        containers=[grader, sandbox],
        volumes=volumes,
    )
    return k8s.V1Job(
        api_version="batch/v1",
        kind="Job",
        metadata=meta(spec.job),
        spec=k8s.V1JobSpec(
            completion_mode="Indexed",
            completions=len(spec.names),
            parallelism=min(spec.parallelism, len(spec.names)),
            backoff_limit=BACKOFF_LIMIT,
            template=k8s.V1PodTemplateSpec(metadata=k8s.V1ObjectMeta(labels=labels), spec=pod),
        ),
    )


def documents(objects: Sequence[Any]) -> list[dict[str, Any]]:
    """The objects as plain dicts, the way the API server takes them (camelCase, no Nones)."""
    from kubernetes.client import ApiClient

    api = ApiClient()
    return [api.sanitize_for_serialization(obj) for obj in objects]


def _meta_factory(k8s: Any, namespace: str | None, labels: Mapping[str, str]) -> Any:
    def meta(name: str, extra: Mapping[str, str] | None = None) -> Any:
        return k8s.V1ObjectMeta(name=name, namespace=namespace, labels={**labels, **(extra or {})})

    return meta


def _submission_map(job: str, index: int) -> str:
    return f"{job}-submission-{index}"


def _resources(k8s: Any, cpu: str, memory_mb: int, scratch_mb: int) -> Any:
    """Limits (CPU, memory, scratch) and requests (CPU, memory) of one container."""
    return k8s.V1ResourceRequirements(
        limits={"cpu": cpu, "memory": f"{memory_mb}Mi", "ephemeral-storage": f"{scratch_mb}Mi"},
        requests={"cpu": cpu, "memory": f"{memory_mb}Mi"},
    )


def _locked_down(k8s: Any, uid: int) -> Any:
    """A container's security context: non-root as `uid`, read-only root, no privilege, no
    capability, the runtime's default seccomp profile."""
    return k8s.V1SecurityContext(
        run_as_non_root=True,
        run_as_user=uid,
        run_as_group=uid,
        read_only_root_filesystem=True,
        allow_privilege_escalation=False,
        privileged=False,
        capabilities=k8s.V1Capabilities(drop=["ALL"]),
        seccomp_profile=k8s.V1SeccompProfile(type="RuntimeDefault"),
    )


def _cpu(cpus: float) -> str:
    """CPU as a Kubernetes quantity: whole cores as "2", fractions in millicores ("500m")."""
    return str(int(cpus)) if float(cpus).is_integer() else f"{round(cpus * 1000)}m"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")
