"""Sandboxes for running untrusted submissions: the seam (`interface`), backends, the choice.

The grader builds `Limits` from the profile's budgets, `choose`s a backend, `prepare`s a run and
passes `launch.runner_options()` to `exercise.runner.run_submission`.
"""

from grader.sandbox.interface import Launch, Limits, Sandbox, SandboxError
from grader.sandbox.registry import AUTOMATIC, SANDBOXES, choose

__all__ = ["AUTOMATIC", "SANDBOXES", "Launch", "Limits", "Sandbox", "SandboxError", "choose"]
