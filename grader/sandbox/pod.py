"""The pod backend: inside a round's Kubernetes pod (`grade-many --emit k8s`), each child runs in
the pod's sandbox container, started there by its supervisor (`grader/k8s/supervisor.py`).

Only the grader container runs the harness; it holds the key, the sandbox container never does.
The two share two volumes at the same paths: the channel (/chan: read-only in the sandbox; the
FIFOs of the container backend's protocol, see `grader.sandbox.pod_relay`, and read-only copies of
the submission and the corpus variant) and the scratch volume (/scratch: the grade's output
folder, whose run scratch dirs the children write). The sandbox container itself is what isolates:
no network (the round's NetworkPolicy, and no service account token), its own non-root uid,
a read-only root filesystem, no capabilities, no privilege escalation, the profile's CPU and
memory as its limits (see `grader.k8s.manifests`); the supervisor sets the rlimits Kubernetes
cannot (processes, open files, file size, CPU time).

Every run of one pod shares the sandbox container's uid (a pod has one uid per container), so
the submission's run and the baseline's share RLIMIT_NPROC and the container's memory (sized for
both). Runs are not held (no freezer reaches another container).
"""

from __future__ import annotations

import json
import shutil
import stat
import sys
import tempfile
from pathlib import Path

from exercise.runner import ChildPaths
from grader.sandbox.docker import IMAGE_HARNESS, IMAGE_PYTHON, SANDBOX_UID
from grader.sandbox.host import make_readable, mountable_inputs
from grader.sandbox.interface import MIB, IsolatingSandbox, Launch, Limits, SandboxError

CHANNEL, SCRATCH = Path("/chan"), Path("/scratch")  # grader.k8s.manifests mounts them here
RELAY = Path(__file__).with_name("pod_relay.py")
SUPERVISOR_WAIT_S = 10.0


class PodSandbox(IsolatingSandbox):
    """Runs each child in the pod's sandbox container (see the module docstring)."""

    name = "pod"

    def __init__(
        self,
        limits: Limits,
        *,
        channel: Path | None = None,
        scratch: Path | None = None,
        uid: int = SANDBOX_UID,
        python: str | None = None,
        harness: str | None = None,
    ) -> None:
        super().__init__(limits, uid=uid)
        # None: where the round's pod has them (the module's names, read now, not at import)
        self.channel, self.scratch = Path(channel or CHANNEL), Path(scratch or SCRATCH)
        self.python, self.harness = python or IMAGE_PYTHON, harness or IMAGE_HARNESS
        # how long the supervisor may take to answer before the run is the sandbox's failure
        self.supervisor_wait_s = SUPERVISOR_WAIT_S
        self._copies: dict[Path, Path] = {}  # an input folder → its copy on the channel

    def probe(self) -> str | None:
        orders = self.channel / "next"
        try:
            if stat.S_ISFIFO(orders.stat().st_mode):
                return None
        except OSError:
            pass
        return (
            f"no sandbox container listens at {orders}: the pod backend runs inside a round's "
            "pod only (takehome grade-many --emit k8s)"
        )

    def prepare(self, submission: Path, corpus: Path, work: Path) -> Launch:
        self.require()
        submission, corpus = mountable_inputs(submission, corpus)
        work = Path(work).absolute()
        if not work.is_relative_to(self.scratch):
            raise SandboxError(
                f"work dir {work} is not on the scratch volume {self.scratch}: grade with --out "
                f"under {self.scratch} in the pod"
            )
        work.mkdir(parents=True, exist_ok=True)
        if any(work.iterdir()):
            raise SandboxError(f"work dir {work} is not empty: give a fresh directory for each run")
        work.chmod(0o777)
        for parent in work.parents:  # the sandbox uid may pass through, not list
            if parent == self.scratch or not parent.is_relative_to(self.scratch):
                break
            parent.chmod(stat.S_IMODE(parent.stat().st_mode) | 0o111)
        copies = self._copy(submission), self._copy(corpus)
        # beside the work dir, in a folder the sandbox uid may pass through but not write
        failure_path = work.with_name(f"{work.name}.sandbox-failure")
        failure_path.unlink(missing_ok=True)
        limits = self.limits
        spec = {
            "channel": str(self.channel),
            "failure_path": str(failure_path),
            "supervisor_wait_s": self.supervisor_wait_s,
            "cwd": str(copies[0]),
            "rlimits": {
                "nofile": limits.open_files,
                "nproc": limits.pids,
                "fsize": limits.file_size_mb * MIB,
                "cpu": limits.cpu_s,
                "core": 0,
            },
        }
        return Launch(
            isolation=self.name,
            limits=limits,
            command_prefix=(sys.executable, "-I", str(RELAY), "--spec", json.dumps(spec), "--"),
            python=self.python,
            env=self.child_env(path="/opt/venv/bin:/usr/local/bin:/usr/bin:/bin", home=str(work)),
            child_paths=ChildPaths(str(copies[0]), str(copies[1]), str(work), self.harness),
            lease=self.lease(),
            failure_path=failure_path,
        )

    def _copy(self, source: Path) -> Path:
        """`source`'s copy on the channel volume, read-only to the sandbox container (the
        only way in: it mounts no other volume of the grader's). Made once per folder: a
        restart, or the next run of the same folder, reuses it."""
        if source not in self._copies:
            folder = Path(tempfile.mkdtemp(prefix="inputs-", dir=self.channel / "inputs"))
            folder.chmod(0o711)
            copy = folder / source.name
            shutil.copytree(source, copy, symlinks=True)
            make_readable(copy)
            self._copies[source] = copy
        return self._copies[source]
