"""The container backend (production): each child runs in a fresh container of the grader image.

`grader.sandbox.choose` tries it first. It speaks the Docker Engine API through the `docker`
SDK, so any engine that serves that API works: Docker itself, or `podman system service` (what
the tests use). `available()` means an engine answers (`base_url`, else DOCKER_HOST, else the
default socket) and holds the grader image (built from grader/Dockerfile; see
grader/docker/README.md).

Every container gets: no network, a read-only root filesystem, a non-root uid of its own (leased
per run from `grader.sandbox.uids`: RLIMIT_NPROC counts per uid host-wide, so containers sharing a
uid would share it, and one container's threads would keep the next one's init from forking), no
capabilities, no-new-privileges, an init process (pid 1 reaps and forwards signals), memory
(without swap), pids and CPU limits, explicit rlimits (nofile, nproc, fsize, cpu, core: podman
needs nofile and nproc spelled out), a bounded /tmp and /dev/shm. Mounted: the submission and the
corpus read-only, the grader's own `exercise` package read-only at /harness, the run's work dir
writable at /work, and the protocol channel (see `grader.sandbox.docker_relay`). Never the key:
inputs that hold one are refused, and the repository around `exercise` is not mounted.

The runner starts `docker_relay.py` in place of the child; it creates and starts the container,
relays the protocol through FIFOs and exits with the container's exit code, so wall-time limits
and kills work as for bwrap. Exit code 137 under a memory limit means "killed at the limit"
(cgroup v1 engines report OOMKilled false); the relay says so in the run's log.
"""

from __future__ import annotations

import json
import os
import secrets
import sys
from pathlib import Path
from typing import Any

from exercise.runner import ChildPaths
from grader.sandbox.host import fresh_dir, mountable_inputs, require_readable
from grader.sandbox.interface import (
    MIB,
    SHM_MB,
    Holder,
    IsolatingSandbox,
    Launch,
    Limits,
    SandboxError,
)
from grader.sandbox.uids import UidRange

DEFAULT_IMAGE = "takehome-grader:latest"
DEFAULT_ENGINE = "unix:///var/run/docker.sock"  # where Docker (and podman's docker.sock) listen
SANDBOX_UID = 65534  # the image's USER (grader/Dockerfile SANDBOX_UID); runs lease their own uid
IMAGE_PYTHON = "/opt/venv/bin/python"  # the image's venv (grader/Dockerfile)
IMAGE_HARNESS = "/opt/takehome"  # the `exercise` package baked into the image
SUBMISSION, CORPUS, WORK, HARNESS = "/submission", "/corpus", "/work", "/harness"
RELAY = Path(__file__).with_name("docker_relay.py")
PROBE_TIMEOUT_S = 5.0  # an engine that does not answer a ping in this long is not there
PING_API_VERSION = "1.24"  # given so that the pinging client does not negotiate one first
API_TIMEOUT_S = 60.0  # for create/start/inspect; waiting on a container has no limit
RUN_LABEL = "takehome.run"  # the run a container belongs to: a restart is another container


class DockerSandbox(IsolatingSandbox):
    """Runs each child in a container (see the module docstring)."""

    name = "docker"
    helpers = (
        "podman",
        "conmon",
        "runc",
        "crun",
        "catatonit",
        "dockerd",
        "containerd",
        "containerd-shim",  # comm keeps 15 characters: containerd-shim-runc-v2 too
        "docker-proxy",
        "slirp4netns",
        "pasta",
        "fuse-overlayfs",
    )

    def __init__(
        self,
        limits: Limits,
        *,
        image: str = DEFAULT_IMAGE,
        base_url: str | None = None,
        uid: int | None = None,
        uids: UidRange | None = None,
        harness_package: Path | None = None,
        mount_harness: bool = True,
    ) -> None:
        super().__init__(limits, uid=uid, uids=uids, harness_package=harness_package)
        self.image = image
        self.base_url = base_url  # None: DOCKER_HOST, else the engine's default socket
        # False: the child uses the copy baked into the image (it must match the grader's).
        self.mount_harness = mount_harness
        self._api_version: str | None = None  # the engine's API version, once `problem` asked

    def probe(self) -> str | None:
        if not sys.platform.startswith("linux"):
            # The protocol crosses through FIFOs in a bind mount: the engine must share this
            # host's kernel (Docker Desktop's VM does not).
            return f"the docker backend needs a Linux host, this is {sys.platform}"
        try:
            import docker
            from docker.errors import DockerException, ImageNotFound
        except ImportError:
            return "the docker SDK is not installed: pip install docker"
        try:
            # Whether an engine is there: a ping, answered within milliseconds even while runs
            # beside it spin. The version negotiation and `info` below make podman gather host
            # facts, which took 6-14 s on a busy 2-core host: they get the API's own timeout.
            pinger = docker.APIClient(
                base_url=self.engine_url(), version=PING_API_VERSION, timeout=PROBE_TIMEOUT_S
            )
            try:
                # unversioned, so an engine that has dropped old API versions answers it too
                pinger.get(f"{pinger.base_url}/_ping", timeout=PROBE_TIMEOUT_S).raise_for_status()
            finally:
                pinger.close()
        except (DockerException, OSError) as exc:
            return (
                f"no Docker engine answers at {self.engine_url()} ({_one_line(exc)}): start "
                "one (dockerd, or `podman system service`) or set DOCKER_HOST"
            )
        try:
            client = docker.DockerClient(base_url=self.engine_url(), timeout=API_TIMEOUT_S)
            info = client.info()
            # Negotiated once here: asking again per container costs podman ~0.7 s each time.
            self._api_version = client.api.api_version
        except (DockerException, OSError) as exc:
            return (
                f"the engine at {self.engine_url()} answers a ping but not its version or "
                f"info within {API_TIMEOUT_S:g} s ({_one_line(exc)}): is the host overloaded?"
            )
        try:
            if info.get("OSType", "linux") != "linux" or "Docker Desktop" in str(
                info.get("OperatingSystem", "")
            ):
                return (
                    f"the engine at {self.engine_url()} runs in a VM "
                    f"({info.get('OperatingSystem')}); the sandbox needs one on this host"
                )
            client.images.get(self.image)
        except ImageNotFound:
            return (
                f"image {self.image} not found on the engine at {self.engine_url()}: build it "
                f"with `docker build -f grader/Dockerfile -t {self.image} .` "
                "(see grader/docker/README.md)"
            )
        except (DockerException, OSError) as exc:
            return f"the engine at {self.engine_url()} failed ({_one_line(exc)})"
        finally:
            client.close()
        return None

    def engine_url(self) -> str:
        """The engine's API address: `base_url`, else DOCKER_HOST, else the default socket."""
        return self.base_url or os.environ.get("DOCKER_HOST") or DEFAULT_ENGINE

    def prepare(self, submission: Path, corpus: Path, work: Path) -> Launch:
        self.require()
        submission, corpus = mountable_inputs(submission, corpus)
        mounts = [
            {"source": str(submission), "target": SUBMISSION, "read_only": True},
            {"source": str(corpus), "target": CORPUS, "read_only": True},
        ]
        if self.mount_harness:
            require_readable(self.harness_package, "exercise package", walk=True)
            mounts.append(
                {
                    "source": str(self.harness_package),
                    "target": f"{HARNESS}/exercise",
                    "read_only": True,
                }
            )
        lease = self.lease()
        try:
            work = self._work_dir(work, lease.uid)
            # beside the work dir, never inside it: the container cannot reach it
            failure_path = work.with_name(f"{work.name}.sandbox-failure")
            failure_path.unlink(missing_ok=True)
        except BaseException:
            lease.release()
            raise
        mounts.append({"source": str(work), "target": WORK, "read_only": False})
        name = f"takehome-{secrets.token_hex(6)}"
        spec = {
            "name": name,
            "base_url": self.engine_url(),
            "api_version": self._api_version,
            "image": self.image,
            "uid": lease.uid,
            "memory_mb": self.limits.memory_mb,
            "api_timeout_s": API_TIMEOUT_S,
            "mounts": mounts,
            "ulimits": self._ulimits(),
            "create": self._create_options(lease.uid, run=name),
            "failure_path": str(failure_path),
        }
        return Launch(
            isolation=self.name,
            limits=self.limits,
            command_prefix=(sys.executable, "-I", str(RELAY), "--spec", json.dumps(spec), "--"),
            python=IMAGE_PYTHON,
            # the image's ENV is overridden where they overlap
            env=self.child_env(path="/opt/venv/bin:/usr/local/bin:/usr/bin:/bin", home=WORK),
            child_paths=ChildPaths(
                SUBMISSION, CORPUS, WORK, HARNESS if self.mount_harness else IMAGE_HARNESS
            ),
            lease=lease,
            failure_path=failure_path,
            holder=ContainerHolder(self.engine_url(), self._api_version, name),
        )

    def _work_dir(self, work: Path, uid: int) -> Path:
        """The run's scratch dir, writable by the container's uid."""
        if os.geteuid() == 0:
            return fresh_dir(work, uid, uid)
        # Without root we cannot give it away; the grader's own output folder around it keeps
        # other host users out, and a rootless engine's uid mapping still gets in.
        work = Path(work).absolute()
        work.mkdir(parents=True, exist_ok=True)
        if any(work.iterdir()):
            raise SandboxError(f"work dir {work} is not empty: give a fresh directory for each run")
        work.chmod(0o777)
        return work

    def _create_options(self, uid: int, *, run: str) -> dict[str, object]:
        """`containers.create` keyword arguments (plain data: they travel as JSON)."""
        limits = self.limits
        memory = f"{limits.memory_mb}m"
        return {
            "user": f"{uid}:{uid}",
            "network_mode": "none",
            "read_only": True,
            "cap_drop": ["ALL"],
            "security_opt": ["no-new-privileges"],
            "init": True,
            "mem_limit": memory,
            "memswap_limit": memory,  # the same: no swap on top
            "pids_limit": limits.pids,
            "nano_cpus": int(limits.cpus * 1e9),
            "tmpfs": {"/tmp": f"size={limits.tmp_mb}m,mode=1777"},
            "shm_size": SHM_MB * MIB,
            "hostname": "sandbox",
            "working_dir": SUBMISSION,
            # finds leftovers (docker ps -af label=...); the run's containers, for the holder
            "labels": {"takehome.sandbox": "1", RUN_LABEL: run},
        }

    def _ulimits(self) -> dict[str, int]:
        limits = self.limits
        return {
            "nofile": limits.open_files,
            "nproc": limits.pids,
            "fsize": limits.file_size_mb * MIB,
            "cpu": limits.cpu_s,
            "core": 0,
        }


class ContainerHolder(Holder):
    """Holds a run by pausing its container (the engine freezes its cgroup). The run's containers
    (a restart is a new one) carry its name as `docker_relay.RUN_LABEL`."""

    def __init__(self, base_url: str, api_version: str | None, name: str) -> None:
        self.base_url, self.api_version, self.name = base_url, api_version, name
        self._client: Any = None
        self._held = False

    def _containers(self, status: str) -> list[Any]:
        import docker

        if self._client is None:
            self._client = docker.DockerClient(
                base_url=self.base_url, version=self.api_version, timeout=API_TIMEOUT_S
            )
        label = f"{RUN_LABEL}={self.name}"
        return self._client.containers.list(filters={"label": label, "status": status})

    def hold(self) -> bool:
        try:
            running = self._containers("running")
            for container in running:
                container.pause()
        except Exception:  # noqa: BLE001 - any engine or transport failure: not held, go on
            return False
        self._held = bool(running)
        return self._held

    def let_go(self) -> None:
        if not self._held:
            return
        self._held = False
        try:
            for container in self._containers("paused"):
                container.unpause()
        except Exception:  # noqa: BLE001 - a container gone meanwhile has nothing to unpause
            pass

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split())[:200] or type(exc).__name__
