"""The sandbox backends by name, and the choice between them.

The grader's CLI passes its `--isolation` value (or None) to `choose`; the allowed names and the
automatic order come from `SANDBOXES` and `AUTOMATIC` here, nowhere else.
"""

from __future__ import annotations

from grader.sandbox.bwrap import BwrapSandbox
from grader.sandbox.docker import DockerSandbox
from grader.sandbox.interface import Limits, Sandbox, SandboxError
from grader.sandbox.none import NoSandbox
from grader.sandbox.pod import PodSandbox
from grader.sandbox.uid import UidSandbox

SANDBOXES: dict[str, type[Sandbox]] = {
    DockerSandbox.name: DockerSandbox,
    BwrapSandbox.name: BwrapSandbox,
    NoSandbox.name: NoSandbox,
    # only inside a round's Kubernetes pod (grader.k8s), never chosen automatically
    PodSandbox.name: PodSandbox,
    # an unprivileged uid without namespaces, for hosts with neither (a Gradescope container)
    UidSandbox.name: UidSandbox,
}
# Tried in this order when no backend is named; `none` is never chosen automatically.
AUTOMATIC = (DockerSandbox.name, BwrapSandbox.name)


def choose(isolation: str | None, limits: Limits, *, image: str | None = None) -> Sandbox:
    """The backend named `isolation`, or the first automatic one that works here.

    `image` names the docker backend's image (default: `grader.sandbox.docker.DEFAULT_IMAGE`).

    Raises `ValueError` for an unknown name and `SandboxError` when the backend (or, with None,
    every automatic one) cannot run here, naming what is missing.
    """
    if isolation is None:
        problems = []
        for name in AUTOMATIC:
            sandbox = _make(name, limits, image)
            problem = sandbox.problem()
            if problem is None:
                return sandbox
            problems.append(f"{name}: {problem}")
        raise SandboxError(
            "no sandbox available (" + "; ".join(problems) + "); "
            f"isolation {NoSandbox.name!r} runs the submission unisolated and is never chosen "
            "automatically"
        )
    if isolation not in SANDBOXES:
        raise ValueError(f"unknown isolation {isolation!r}: use one of {', '.join(SANDBOXES)}")
    sandbox = _make(isolation, limits, image)
    sandbox.require()
    return sandbox


def _make(name: str, limits: Limits, image: str | None) -> Sandbox:
    if name == DockerSandbox.name and image is not None:
        return DockerSandbox(limits, image=image)
    return SANDBOXES[name](limits)
