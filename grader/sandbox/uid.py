"""The uid backend: the child as an unprivileged uid of its own, without namespaces.

For hosts where neither a container engine nor bwrap's namespaces are available but the grader
runs as root: a Gradescope autograder container is one (`grader.gradescope`; docs/gradescope.md).
Never chosen automatically: `--isolation uid` names it. What it gives, and what it does not:

- the child runs as a uid leased for the run (`grader.sandbox.uids`: concurrent runs never share
  one, so never RLIMIT_NPROC), with no groups, no capabilities and no_new_privs (`setpriv`), under
  the profile's rlimits (`prlimit`), in the run's CPU and freezer cgroups where the host has them;
  when the run ends, every process still running as that uid is killed;
- it reads copies of the submission, the corpus and the `exercise` package, made readable for
  the run beside its scratch dir, and writes only its scratch dir (and, as any user, /tmp);
- it sees the rest of the host's filesystem as any unprivileged user does. So the grader refuses
  to start it (`probe`) while the uid can import the grader's own packages (`grader`, whose
  catalogue holds the reference solutions, and `corpus`, the generator, which would regenerate
  hidden questions from a variant's seed), and a grade refuses it when the key's hidden questions
  are readable by other users (`grader.grade.session`). The Gradescope setup locks both away;
- the network is the host's: no namespace cuts it (Gradescope's assignment setting does).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from exercise.runner import ChildPaths
from grader.sandbox.cgroups import run_groups
from grader.sandbox.host import (
    drop_privileges,
    fresh_dir,
    make_readable,
    mountable_inputs,
    python_runtime,
    rlimit_command,
)
from grader.sandbox.interface import IsolatingSandbox, Launch, SandboxError
from grader.sandbox.storm_watch import watch

SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin"
PRIVATE_PACKAGES = ("grader", "corpus")  # must not be importable by the sandbox uid
PROBE_TIMEOUT_S = 30.0
# run as the sandbox uid by the probe: prints which private packages it could import
_IMPORT_CHECK = (
    "import importlib.util\n"
    "found = []\n"
    f"for name in {PRIVATE_PACKAGES!r}:\n"
    "    try:\n"
    "        if importlib.util.find_spec(name) is not None:\n"
    "            __import__(name)\n"
    "            found.append(name)\n"
    "    except Exception:\n"
    "        pass\n"
    "print(' '.join(found))\n"
)


class UidSandbox(IsolatingSandbox):
    """Runs the child as an unprivileged uid, without namespaces (see the module docstring)."""

    name = "uid"

    def probe(self) -> str | None:
        if not sys.platform.startswith("linux"):
            return f"the uid sandbox needs Linux, this is {sys.platform}"
        for tool in ("setpriv", "prlimit"):
            if shutil.which(tool) is None:
                return f"{tool} not found: apt-get install util-linux"
        if os.geteuid() != 0:
            return "the uid sandbox must be started as root (it drops to an unprivileged uid)"
        runtime = python_runtime()
        try:
            lease = self.lease()  # a uid as the runs get (65534 may be special on a host)
        except SandboxError as exc:
            return str(exc)
        uid = lease.uid
        try:
            done = subprocess.run(
                # the runs' own chain: a direct exec by setpriv can pass where the child's
                # cannot (an interpreter under a folder only root may enter)
                [
                    *drop_privileges(uid),
                    *rlimit_command(self.limits),
                    str(runtime.executable),
                    "-I",
                    "-c",
                    _IMPORT_CHECK,
                ],
                capture_output=True,
                text=True,
                timeout=PROBE_TIMEOUT_S,
                check=False,
                cwd="/",
            )
        except (OSError, subprocess.TimeoutExpired) as exc:
            return f"could not start python as uid {uid} ({exc})"
        finally:
            lease.release()
        if done.returncode != 0:
            why = (done.stderr.strip().splitlines() or [f"exit code {done.returncode}"])[-1]
            return f"python {runtime.executable} does not run as uid {uid} ({why})"
        readable = done.stdout.split()
        if readable:
            return (
                f"uid {uid} can import the grader's own {' and '.join(readable)} package(s) "
                "(reference solutions, the corpus generator): make the folders they are imported "
                "from unreadable to other users (chmod 700), as the Gradescope setup does"
            )
        return None

    def prepare(self, submission: Path, corpus: Path, work: Path) -> Launch:
        self.require()
        submission, corpus = mountable_inputs(submission, corpus)
        runtime = python_runtime()
        work = Path(work).absolute()
        lease = self.lease()
        try:
            work.parent.mkdir(parents=True, exist_ok=True)
            _passable(work.parent)
            work = fresh_dir(work, lease.uid, lease.uid)
            inputs = Path(tempfile.mkdtemp(prefix=f"{work.name}.inputs-", dir=work.parent))
            inputs.chmod(0o711)
            copies = {}
            for name, source in (
                ("submission", submission),
                ("corpus", corpus),
                ("harness/exercise", self.harness_package),
            ):
                copies[name] = inputs / name
                shutil.copytree(
                    source,
                    copies[name],
                    symlinks=True,
                    ignore=shutil.ignore_patterns("__pycache__"),
                )
            make_readable(inputs)
            inputs.chmod(0o711)  # passable, not listable
        except BaseException:
            lease.release()
            raise
        group, freezer, join = run_groups(lease.uid)
        prefix = (
            *join,
            *drop_privileges(lease.uid),
            *rlimit_command(self.limits),
        )
        path = SYSTEM_PATH
        if runtime.venv is not None:
            path = f"{runtime.venv}/bin:{SYSTEM_PATH}"
        env = self.child_env(path=path, home=str(work))
        env["TMPDIR"] = str(work)  # the host's /tmp is shared with every other user
        return Launch(
            isolation=self.name,
            limits=self.limits,
            command_prefix=prefix,
            python=str(runtime.venv / "bin" / "python" if runtime.venv else runtime.executable),
            env=env,
            child_paths=ChildPaths(
                str(copies["submission"]),
                str(copies["corpus"]),
                str(work),
                str(inputs / "harness"),
            ),
            lease=lease,
            cpu_group=group,
            freezer_group=freezer,
            storm_watch=watch(group, self.limits.cpus),
        )


def _passable(folder: Path) -> None:
    """The run's parent folder passable (not listable) by the sandbox uid, and every folder
    above it already so: the uid reaches its inputs and scratch by their names only."""
    folder.chmod(folder.stat().st_mode & 0o7777 | 0o011)
    for parent in folder.parents:
        if not parent.stat().st_mode & 0o001:
            raise SandboxError(
                f"{parent} cannot be passed through by other users, so the uid sandbox cannot "
                f"reach its run folder {folder}: grade with --out under a folder every user can "
                "pass through (chmod o+x), e.g. under /tmp"
            )
