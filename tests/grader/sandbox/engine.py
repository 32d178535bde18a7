"""A container engine for the docker backend's tests: podman + runc, a debootstrapped base image,
the grader image built from grader/Dockerfile, and podman's Docker-API service on a unix socket.

Used by the `docker_engine` fixture (conftest.py), and run as `python -m
tests.grader.sandbox.engine` by .ci/run, which starts the build beside `make setup` and the first
tests: it takes minutes, mostly waiting on downloads and disk. No image can be pulled here, so the
base image is made with `debootstrap --variant=minbase bookworm` + `podman import`; the rootfs
tarball and the wheels for the image are cached under `TAKEHOME_CONTAINER_CACHE` (default
/tmp/takehome-container-cache), and podman's layer cache makes a rebuild with unchanged inputs
take seconds. One preparation at a time holds the cache's lock, so the fixture waits for a build
already under way and then finds its images. podman runs as DESIGN.md measured it works here:
cgroupfs, file events, runc.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from exercise.runner import harness_root

PODMAN = ("podman", "--cgroup-manager=cgroupfs", "--events-backend=file", "--runtime", "runc")
BASE_IMAGE = "localhost/takehome-base:bookworm"
TEST_IMAGE = "localhost/takehome-grader:test"
SUITE = "bookworm"
MIRROR = "http://deb.debian.org/debian"
TOOLS = {"podman": "podman", "runc": "runc", "debootstrap": "debootstrap"}  # tool -> package
# Set by .ci/run: there a missing engine fails the container tests instead of skipping them, so
# CI cannot quietly stop testing the container grader.
REQUIRED = "TAKEHOME_CONTAINER_TESTS"
PODMAN_INIT = "/usr/libexec/podman/catatonit"  # podman's --init binary (a Recommends of podman)
SERVICE_START_S = 30.0


@dataclass(frozen=True)
class Figures:
    """What setting the engine up cost (seconds), for the test report."""

    base_s: float  # debootstrap + import, or 0 when the base image was there
    wheels_s: float  # pip download into the cache
    build_s: float  # podman build of grader/Dockerfile


def cache_dir() -> Path:
    return Path(os.environ.get("TAKEHOME_CONTAINER_CACHE", "/tmp/takehome-container-cache"))


def missing() -> str | None:
    """Why the container tests cannot run here, or None."""
    if not sys.platform.startswith("linux"):
        return f"podman + runc need Linux, this is {sys.platform}"
    lacking = [package for tool, package in TOOLS.items() if shutil.which(tool) is None]
    if not Path(PODMAN_INIT).exists():
        lacking.append("catatonit")  # the grader starts containers with an init process
    if lacking:
        return (
            f"{', '.join(lacking)} not installed: apt-get install --no-install-recommends "
            f"{' '.join(lacking)} to run the container tests (as .ci/run does)"
        )
    if os.geteuid() != 0:
        return "the container tests run rootful podman (and debootstrap): run them as root"
    return None


def podman(*args: str, timeout: float = 1800, **kwargs: object) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*PODMAN, *args], check=True, capture_output=True, text=True, timeout=timeout, **kwargs
    )


def image_exists(name: str) -> bool:
    done = subprocess.run([*PODMAN, "image", "exists", name], capture_output=True, check=False)
    return done.returncode == 0


def base_image(cache: Path) -> float:
    """Import the debootstrapped base image (making its tarball first when it is not cached)."""
    if image_exists(BASE_IMAGE):
        return 0.0
    start = time.monotonic()
    tarball = cache / f"{SUITE}-minbase.tar"
    if not tarball.is_file():
        rootfs = Path(tempfile.mkdtemp(prefix="rootfs-", dir=cache))
        try:
            subprocess.run(
                ["debootstrap", "--variant=minbase", SUITE, str(rootfs), MIRROR],
                check=True,
                capture_output=True,
                timeout=1800,
            )
            partial = tarball.with_suffix(".partial")
            subprocess.run(["tar", "-C", str(rootfs), "-cf", str(partial), "."], check=True)
            partial.rename(tarball)  # only a complete tarball is ever cached
        finally:
            shutil.rmtree(rootfs, ignore_errors=True)
    podman("import", str(tarball), BASE_IMAGE)
    return time.monotonic() - start


def wheelhouse(cache: Path) -> float:
    """The image's wheels, downloaded with this machine's pip (its local find-links and indexes
    hold the CPU torch wheel); a rerun only checks what is already there."""
    start = time.monotonic()
    requirements = harness_root() / "grader" / "docker" / "requirements.txt"
    _download(cache / "wheels", "-r", str(requirements))
    return time.monotonic() - start


def _download(folder: Path, *what: str) -> None:
    """`pip download` of binary wheels into `folder` (what is there already is only checked)."""
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:"]
        + ["-d", str(folder), *what],
        check=True,
        capture_output=True,
        timeout=1800,
    )


HARNESS_PACKAGES = ("typer>=0.12", "rich>=13", "docker>=7", "pydantic>=2", "setuptools>=68")


def harness_wheelhouse(cache: Path) -> Path:
    """The image's wheels plus the grader's own packages (and setuptools, to build the harness
    without an index): what a Gradescope setup.sh needs to install the harness offline. A folder
    of its own (the image's wheels linked in), so the image's build context never changes."""
    wheelhouse(cache)
    folder = cache / "harness-wheels"
    folder.mkdir(exist_ok=True)
    for wheel in (cache / "wheels").glob("*.whl"):
        if not (folder / wheel.name).exists():
            os.link(wheel, folder / wheel.name)
    _download(folder, *HARNESS_PACKAGES)
    return folder


def build_context(cache: Path) -> Path:
    """A build context holding only what grader/Dockerfile copies (never the repository, whose
    corpus/default/key must not reach the builder)."""
    root = harness_root()
    context = cache / "context"
    shutil.rmtree(context, ignore_errors=True)
    (context / "grader" / "docker").mkdir(parents=True)
    shutil.copytree(
        root / "exercise", context / "exercise", ignore=shutil.ignore_patterns("__pycache__")
    )
    for name in ("Dockerfile", "Dockerfile.dockerignore"):
        shutil.copy2(root / "grader" / name, context / "grader" / name)
    shutil.copy2(
        root / "grader" / "docker" / "requirements.txt",
        context / "grader" / "docker" / "requirements.txt",
    )
    wheels = context / "grader" / "docker" / "wheels"
    wheels.mkdir()
    for wheel in (cache / "wheels").glob("*.whl"):
        os.link(wheel, wheels / wheel.name)  # same filesystem: no copy of ~400 MB
    return context


def build_image(cache: Path) -> float:
    start = time.monotonic()
    context = build_context(cache)
    log = cache / "build.log"
    with log.open("w") as out:
        done = subprocess.run(
            [
                *PODMAN,
                "build",
                "-f",
                "grader/Dockerfile",
                "--build-arg",
                f"BASE={BASE_IMAGE}",
                "--build-arg",
                "PIP_ARGS=--no-index",
                "-t",
                TEST_IMAGE,
                ".",
            ],
            cwd=context,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=3600,
            check=False,
        )
    if done.returncode != 0:
        tail = log.read_text(errors="replace").splitlines()[-20:]
        raise RuntimeError(f"podman build failed (see {log}):\n" + "\n".join(tail))
    return time.monotonic() - start


@contextmanager
def locked(cache: Path) -> Iterator[None]:
    """Hold the cache's lock: two builds at once would fight over the context folder and the
    tarball, and the second would redo minutes of work the first is about to finish."""
    with (cache / "lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        yield


def require_engine() -> None:
    """Skip the calling test where podman, runc or debootstrap are missing, or fail it where the
    environment says the container tests are required (CI)."""
    import pytest

    problem = missing()
    if problem is not None:
        if os.environ.get(REQUIRED) == "required":
            pytest.fail(f"container engine unavailable, and {REQUIRED}=required: {problem}")
        pytest.skip(f"container engine unavailable: {problem}")


def prepare_images() -> Figures:
    cache = cache_dir()
    cache.mkdir(parents=True, exist_ok=True)
    with locked(cache):
        base_s = base_image(cache)
        wheels_s = wheelhouse(cache)
        build_s = build_image(cache)
    figures = Figures(base_s, wheels_s, build_s)
    (cache / "figures.json").write_text(json.dumps(figures.__dict__))
    return figures


class Service:
    """`podman system service` on a unix socket, for the docker SDK to talk to."""

    def __init__(self, folder: Path) -> None:
        self.socket = folder / "podman.sock"
        self.base_url = f"unix://{self.socket}"
        self._log = (folder / "service.log").open("w")
        # conmon drops an `oom` marker file into its working directory when a container is
        # killed at its memory limit: keep it out of the checkout the tests run from.
        self._process = subprocess.Popen(
            [*PODMAN, "system", "service", "--time=0", self.base_url],
            stdout=self._log,
            stderr=subprocess.STDOUT,
            cwd=folder,
        )
        self._wait_ready()

    def _wait_ready(self) -> None:
        import docker

        deadline = time.monotonic() + SERVICE_START_S
        while True:
            try:
                if self.socket.exists():
                    docker.DockerClient(base_url=self.base_url, timeout=5).ping()
                    return
            except Exception:  # not listening yet
                pass
            if self._process.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"podman system service did not start ({self.socket})")
            time.sleep(0.2)

    def stop(self) -> None:
        self._process.terminate()
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._log.close()


def main() -> int:
    """Build the images ahead of the tests; where the engine is missing, say why and leave the
    tests to skip with the same reason."""
    problem = missing()
    if problem is not None:
        print(f"container images not prepared: {problem}", file=sys.stderr)
        return 0
    print(json.dumps(prepare_images().__dict__))
    return 0


if __name__ == "__main__":
    sys.exit(main())
