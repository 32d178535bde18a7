"""No isolation: the child runs as the grader's own user, with the grader's environment.

Only for trusted code (the reference and baseline pipelines, debugging), and only when asked for by
name (`--isolation none`): `grader.sandbox.choose` never picks it. The runner still enforces the
wall-time limits and the log cap; nothing else is limited, and the key is readable by the child.
"""

from __future__ import annotations

from pathlib import Path

from grader.sandbox.interface import Launch, Sandbox, SandboxError


class NoSandbox(Sandbox):
    """Starts the child directly (see the module docstring)."""

    name = "none"
    isolated = False

    def problem(self) -> str | None:
        return None

    def prepare(self, submission: Path, corpus: Path, work: Path) -> Launch:
        for path, what in ((submission, "submission"), (corpus, "corpus")):
            if not Path(path).is_dir():
                raise SandboxError(f"{what} {Path(path).resolve()} is not a directory")
        Path(work).mkdir(parents=True, exist_ok=True)
        return Launch(isolation=self.name, limits=self.limits)
