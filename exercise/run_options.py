"""How a run's children are launched and limited: `RunnerOptions` and `ChildPaths`.

`exercise.runner` drives a run with these options and `exercise.child_process` starts each child
from them; they live apart from both so neither module imports the other. Callers import them
from `exercise.runner`, which re-exports them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from exercise.errors import OptionError


@dataclass(frozen=True)
class ChildPaths:
    """Where the child sees its inputs when a sandbox mounts them elsewhere than on the host."""

    submission: str  # the submission directory (read-only in a sandbox)
    corpus: str  # the variant directory
    work: str  # the writable scratch directory
    harness: str  # the directory holding the `exercise` package (put first on PYTHONPATH)


@dataclass(frozen=True)
class RunnerOptions:
    """Time limits and how the child is launched."""

    build_timeout_s: float = 900.0  # import + construct + build(), together
    call_timeout_s: float = 60.0  # one search() or answer() call
    max_restarts: int = 2  # fresh children after a timeout or crash before giving up
    python: str | None = None  # interpreter for the child; None means this one (sys.executable)
    command_prefix: tuple[str, ...] = ()  # e.g. a sandbox launcher the child command runs under
    base_env: Mapping[str, str] | None = None  # the child's environment; None: this process's
    child_paths: ChildPaths | None = None  # paths as the child sees them; None: the host's
    log_cap_bytes: int | None = None  # most of the child's output the log keeps; None: all
    # the whole run's wall time (build, every call, restarts); past it the calls left are
    # `not_reached`. None: no total, only the build and per-call limits
    run_timeout_s: float | None = None

    def __post_init__(self) -> None:
        for name in ("build_timeout_s", "call_timeout_s", "run_timeout_s"):
            value = getattr(self, name)
            if (value is not None or name != "run_timeout_s") and not value > 0:
                raise OptionError(f"{name} must be a positive number, got {value}")
        if self.max_restarts < 0:
            raise OptionError(f"max_restarts must be 0 or more, got {self.max_restarts}")
        if self.log_cap_bytes is not None and self.log_cap_bytes < 0:
            raise OptionError(f"log_cap_bytes must be 0 or more, got {self.log_cap_bytes}")
