"""The container backend (production): not built yet, so it always reports itself unavailable.

`grader.sandbox.choose` tries it first; until it exists the choice falls through to bwrap. Its
design (docker SDK against any Docker-API engine, podman here) is in DESIGN.md.
"""

from __future__ import annotations

from pathlib import Path

from grader.sandbox.interface import Launch, Sandbox, SandboxError


class DockerSandbox(Sandbox):
    """Placeholder for the container backend."""

    name = "docker"
    isolated = True

    def problem(self) -> str | None:
        return "the docker backend is not built yet: use bwrap"

    def prepare(self, submission: Path, corpus: Path, work: Path) -> Launch:
        raise SandboxError(f"{self.name} sandbox unavailable: {self.problem()}")
