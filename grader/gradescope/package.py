"""`takehome autograder`: a Gradescope autograder zip for one key.

Gradescope unzips it into /autograder/source, runs `setup.sh` there once (as root, when it
builds the assignment's image) and, for every submission, `run_autograder` in a fresh container
from that image, with the submission in /autograder/submission; it reads
/autograder/results/results.json. The zip holds:

    setup.sh         installs Python ≥ 3.11 where missing, a venv at /autograder/venv with the
                     harness (editable, from harness/) and its packages; then makes
                     /autograder/source readable by root alone (the key, the grader's code)
    run_autograder   runs `python -m grader.gradescope.run` (grader/gradescope/run.py)
    settings.json    how run_autograder grades (baseline, unseen corpus), the harness version
    key/             the answer key
    harness/         pyproject.toml, README.md and the exercise, corpus, grader and
                     candidate_template folders (the grader assembles the starter from them)
    wheels/          with --wheels: the wheels setup.sh installs from, with no index at all

setup.sh takes torch from the CPU index the grader's Dockerfile names (its PIP_ARGS), unless
wheels/ is there; TAKEHOME_SETUP_APT=no skips apt-get (a base image that has what it needs).
"""

from __future__ import annotations

import io
import json
import re
import stat
import zipfile
from importlib import metadata
from pathlib import Path

from grader.answer_key import load_key
from grader.catalogue import TEMPLATE_DIR

HERE = Path(__file__).resolve().parent
HARNESS_ROOT = TEMPLATE_DIR.parent
HARNESS_FOLDERS = ("exercise", "corpus", "grader", "candidate_template")
HARNESS_FILES = ("pyproject.toml", "README.md")
# never into the zip: compiled files, the repository's own default key, big local wheels
SKIPPED = re.compile(
    r"(^|/)(__pycache__|\.pytest_cache|.*\.pyc)(/|$)|^corpus/default/|^grader/docker/wheels/"
)
SETTINGS = "settings.json"
EXECUTABLE = 0o755
FILE = 0o644


class AutograderError(ValueError):
    """The key or the output cannot make an autograder; the message says what to fix."""


def cpu_index_args(dockerfile: Path | None = None) -> str:
    """The pip arguments the grader's Dockerfile installs torch with (its PIP_ARGS default)."""
    path = dockerfile or HARNESS_ROOT / "grader" / "Dockerfile"
    match = re.search(r'(?m)^ARG PIP_ARGS="([^"]*)"', path.read_text(encoding="utf-8"))
    return match.group(1) if match else ""


def build_autograder(
    key_dir: Path,
    out: Path,
    *,
    baseline: bool = True,
    unseen: bool = True,
    wheels: Path | None = None,
    force: bool = False,
) -> dict[str, int]:
    """Write the autograder zip for the key in `key_dir` to `out`; return counts of what went
    in (files per top-level folder). Raises `AutograderError` (and `AnswerKeyError`)."""
    key = load_key(key_dir)  # checked whole before anything is written
    out = Path(out)
    if out.exists() and not force:
        raise AutograderError(f"{out} already exists; pass --force to replace it")
    if out.suffix != ".zip":
        raise AutograderError(f"{out} must end in .zip (Gradescope takes a zip)")
    if wheels is not None and not any(Path(wheels).glob("*.whl")):
        raise AutograderError(f"{wheels} holds no .whl files: pass a folder of wheels")
    counts: dict[str, int] = {}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        index = "" if wheels is not None else cpu_index_args()
        _add(archive, "setup.sh", setup_script(index).encode(), EXECUTABLE)
        _add(archive, "run_autograder", (HERE / "run_autograder").read_bytes(), EXECUTABLE)
        settings = {
            "baseline": baseline,
            "unseen": unseen,
            "harness_version": metadata.version("rag-takehome"),
            "profile": key.record.profile.name,
            "variant_manifest_sha256": key.record.variant_manifest_sha256,
        }
        _add(archive, SETTINGS, (json.dumps(settings, indent=2) + "\n").encode(), FILE)
        counts["key"] = _add_tree(archive, key.root, "key")
        for name in HARNESS_FILES:
            _add(archive, f"harness/{name}", (HARNESS_ROOT / name).read_bytes(), FILE)
        counts["harness"] = len(HARNESS_FILES)
        for folder in HARNESS_FOLDERS:
            counts["harness"] += _add_tree(archive, HARNESS_ROOT / folder, f"harness/{folder}")
        if wheels is not None:
            counts["wheels"] = 0
            for wheel in sorted(Path(wheels).glob("*.whl")):
                _add(archive, f"wheels/{wheel.name}", wheel.read_bytes(), FILE, compress=False)
                counts["wheels"] += 1
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    partial.write_bytes(buffer.getvalue())
    partial.replace(out)
    return counts


def _add_tree(archive: zipfile.ZipFile, root: Path, prefix: str) -> int:
    count = 0
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        whole = f"{prefix}/{rel}"
        if path.is_dir() or path.is_symlink() or SKIPPED.search(whole.removeprefix("harness/")):
            continue
        mode = EXECUTABLE if path.stat().st_mode & stat.S_IXUSR else FILE
        _add(archive, whole, path.read_bytes(), mode)
        count += 1
    return count


def _add(
    archive: zipfile.ZipFile, name: str, data: bytes, mode: int, *, compress: bool = True
) -> None:
    info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))  # the same key, the same zip
    info.external_attr = (stat.S_IFREG | mode) << 16
    info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
    archive.writestr(info, data)


def setup_script(index_args: str) -> str:
    """setup.sh (grader/gradescope/setup.sh), installing from wheels/ when the zip has them,
    else with `index_args`."""
    return (HERE / "setup.sh").read_text(encoding="utf-8").replace("@INDEX_ARGS@", index_args)
