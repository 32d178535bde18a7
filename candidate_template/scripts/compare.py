"""`make compare`: evaluate two versions of the pipeline on the public questions, side by side.

A version (A or B) is one of:

- a **git revision** of this repository (`HEAD`, `HEAD~2`, a branch, a tag, a commit): its
  committed files, without corpus/, are exported to `.takehome/compare/<commit>/src`;
- a **folder** holding `rag/pipeline.py` (a copy of the repository, another checkout);
- `.`: this working tree as it is now, unsaved-to-git edits included.

`make compare A=HEAD~1` compares the commit before last with the working tree (B defaults to `.`);
`make compare` compares the last commit with the working tree. Both run one after the other, each
with `python -m exercise eval` on this repository's corpus and `exercise` package, so only the
pipeline differs. Each version keeps its own embedding cache: a commit's under
`.takehome/compare/<commit>/work` (a commit never changes, so its cache stays right and a second
comparison reuses it), a folder's under `.takehome/compare/dir-<hash of its path>/work`, and the
working tree's in `.takehome/work`, the cache `make eval` uses. A change to how text is embedded
in one version therefore never feeds the other stale vectors.

The report lists the questions that newly pass or newly fail in B against A, for the two checks
`make watch` uses (`watch_view.py`: **found**, the evidence is in the top 5 passages; **answered**,
correct and cited, or abstained where the corpus cannot answer), then every metric of A and B with
the difference. Each version's full report and output are kept in its folder under
`.takehome/compare/` (eval.json, eval.log). Comparisons are not added to eval_history.jsonl.

Usage: python scripts/compare.py [--plain] [--json FILE] A B [-- EVAL-OPTIONS...]
Exit codes: 0 compared; 1 a version could not be evaluated; 2 a version or option is not usable.
Standard library only, plus the repository's `exercise` package (through `python -m exercise`).
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import time
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from watch_view import (  # noqa: E402
    CHECKS,
    FOUND_AT,
    LATENCY,
    METRICS,
    QuestionOutcome,
    RunResult,
    Style,
    cut,
    latency_change,
    metric_change,
    newly,
    read_report,
)

STATE_DIR = Path(".takehome") / "compare"  # under the repository
WORKING_TREE_CACHE = Path(".takehome") / "work"  # the cache `make eval` uses
ENTRY = Path("rag") / "pipeline.py"
NOT_EXPORTED = ("corpus",)  # top-level folders a revision's export leaves out (all use ours)
_REVISION = re.compile(r"[^\s\0]{1,200}")  # anything git might call a revision; git decides


class CompareError(Exception):
    """A version cannot be used, or cannot be evaluated; the message says which and why."""


@dataclass(frozen=True)
class Version:
    """One side of the comparison, resolved."""

    spec: str  # as the user wrote it (A=... or B=...)
    label: str  # how the report names it: "HEAD~1 (3f2a1b9c0d1e)", "working tree", a folder
    source: Path  # the folder evaluated (holding rag/pipeline.py)
    work: Path  # its own cache and scratch directory (the pipeline's work_dir)
    state: Path  # where its report and output go


@dataclass(frozen=True)
class Comparison:
    """What changed from version A to version B."""

    a: RunResult
    b: RunResult
    gained: list[tuple[QuestionOutcome, tuple[str, ...]]]  # newly passing in B, file order
    lost: list[tuple[QuestionOutcome, tuple[str, ...]]]  # newly failing in B, file order


def resolve(spec: str, root: Path) -> Version:
    """The version `spec` names: `.`, a folder holding rag/pipeline.py, or a git revision."""
    if not spec or not spec.strip():
        raise CompareError("a version is empty: pass a git revision (HEAD~1) or a folder")
    path = Path(spec) if Path(spec).is_absolute() else root / spec
    if path.is_dir():
        folder = path.resolve()
        if not (folder / ENTRY).is_file():
            raise CompareError(
                f"{spec}: the folder has no {ENTRY.as_posix()}; pass a copy of the repository "
                "or a git revision"
            )
        if folder == root.resolve():
            return Version(
                spec,
                "working tree",
                folder,
                root / WORKING_TREE_CACHE,
                root / STATE_DIR / "working-tree",
            )
        name = "dir-" + hashlib.sha256(str(folder).encode()).hexdigest()[:12]
        state = root / STATE_DIR / name
        return Version(spec, f"folder {spec}", folder, state / "work", state)
    commit = _commit(spec, root)
    state = root / STATE_DIR / commit[:12]
    source = state / "src"
    if not (source / ENTRY).is_file():
        export(commit, root, source)
    if not (source / ENTRY).is_file():
        raise CompareError(f"{spec}: commit {commit[:12]} has no {ENTRY.as_posix()}")
    return Version(spec, f"{spec} ({commit[:12]})", source, state / "work", state)


def _commit(spec: str, root: Path) -> str:
    """The full commit id of revision `spec` in the repository at `root`."""
    if not _REVISION.fullmatch(spec) or spec.startswith("-"):
        raise CompareError(f"{spec!r} is neither a folder nor a git revision")
    if shutil.which("git") is None:
        raise CompareError(
            f"{spec}: no such folder, and git is not installed to read it as a revision"
        )
    inside = _git(root, "rev-parse", "--is-inside-work-tree")
    if inside.returncode != 0:
        raise CompareError(
            f"{spec}: no such folder, and {root} is not a git repository; commit your versions "
            "(git init, git add, git commit) or pass folders"
        )
    found = _git(root, "rev-parse", "--verify", "--quiet", "--end-of-options", f"{spec}^{{commit}}")
    if found.returncode != 0:
        raise CompareError(
            f"{spec}: no such folder, and not a commit of this repository "
            "(`git log --oneline` lists them)"
        )
    return found.stdout.decode().strip()


def export(commit: str, root: Path, dest: Path) -> None:
    """Write `commit`'s files (without NOT_EXPORTED) to `dest`, replacing it whole."""
    # The repository may be a folder inside a larger git work tree: export that folder's tree,
    # asking from the top (from a subfolder, git would look for the path inside it again).
    top = Path(_git(root, "rev-parse", "--show-toplevel").stdout.decode().strip() or root)
    prefix = _git(root, "rev-parse", "--show-prefix").stdout.decode().strip()
    archive = _git(top, "archive", "--format=tar", f"{commit}:{prefix}" if prefix else commit)
    if archive.returncode != 0:
        raise CompareError(f"git archive {commit[:12]} failed: {archive.stderr.decode().strip()}")
    staging = dest.with_name(dest.name + ".partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    with tarfile.open(fileobj=io.BytesIO(archive.stdout)) as tar:
        for member in tar.getmembers():
            rel = PurePosixPath(member.name)
            if not rel.parts or rel.parts[0] in NOT_EXPORTED or ".." in rel.parts:
                continue
            target = staging.joinpath(*rel.parts)
            if member.isdir():
                target.mkdir(parents=True, exist_ok=True)
            elif member.isfile():
                target.parent.mkdir(parents=True, exist_ok=True)
                with tar.extractfile(member) as content:  # type: ignore[union-attr]
                    target.write_bytes(content.read())
    shutil.rmtree(dest, ignore_errors=True)
    staging.rename(dest)


def _git(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(["git", "-C", str(root), *args], capture_output=True, check=False)


def eval_command(
    version: Version, root: Path, corpus: Path, eval_args: tuple[str, ...]
) -> list[str]:
    """The `exercise eval` command line that evaluates `version`."""
    command = [sys.executable, "-m", "exercise", "eval", str(version.source)]
    command += ["--corpus", str(corpus), "--work-dir", str(version.work), "--worst", "0"]
    return [*command, *eval_args, "--json", str(version.state / "eval.json")]


def evaluate(version: Version, root: Path, corpus: Path, eval_args: tuple[str, ...]) -> RunResult:
    """Run the evaluation of `version`; its report, or CompareError with the output's tail."""
    version.state.mkdir(parents=True, exist_ok=True)
    report, log = version.state / "eval.json", version.state / "eval.log"
    report.unlink(missing_ok=True)  # never show an earlier run's report as this one's
    with log.open("wb") as out:
        code = subprocess.run(
            eval_command(version, root, corpus, eval_args),
            cwd=root,
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            check=False,
        ).returncode
    if code != 0:
        tail = log.read_text(encoding="utf-8", errors="replace").rstrip().splitlines()[-15:]
        what = {1: "could not be imported or built", 2: "was refused"}.get(code, "stopped")
        raise CompareError(
            "\n".join([f"{version.label}: the evaluation {what} (exit {code}):", *tail])
        )
    try:
        return read_report(report)
    except ValueError as exc:
        raise CompareError(f"{version.label}: {exc}") from None


def compare(a: RunResult, b: RunResult) -> Comparison:
    """B against A: the questions that newly pass and newly fail a check."""
    gained, lost = newly(a, b)
    return Comparison(a=a, b=b, gained=gained, lost=lost)


def render(
    comparison: Comparison, a_label: str, b_label: str, *, width: int, style: Style
) -> list[str]:
    """The lines of the comparison report."""
    a, b = comparison.a, comparison.b
    lines = [style.bold(f"make compare · A = {a_label} · B = {b_label}")]
    tallies = []
    for check in CHECKS:
        before = _holds(a, check)
        now = _holds(b, check)
        up = sum(check in checks for _, checks in comparison.gained)
        down = sum(check in checks for _, checks in comparison.lost)
        tallies.append(
            f"{check} {before[0]}/{before[1]} → {now[0]}/{now[1]} "
            f"({style.good(f'+{up}')}, {style.bad(f'-{down}')})"
        )
    lines.append(f"{len(b.questions)} questions · " + " · ".join(tallies))
    for name, run in (("A", a), ("B", b)):
        failed = {status: n for status, n in run.statuses.items() if status != "ok" and n}
        if failed:
            counts = ", ".join(f"{status} {n}" for status, n in failed.items())
            lines.append(style.bad(f"{name} had failed calls: {counts} (see its eval.log)"))
    lines += ["", style.bold(f"{'metric':<20} {'A':>7} {'B':>7}   B − A")]
    for key in METRICS:
        before, now = a.metrics.get(key), b.metrics.get(key)
        change = metric_change(now, before, style)
        lines.append(f"{key:<20} {_shown(before, 3):>7} {_shown(now, 3):>7}   {change}".rstrip())
    for label, key in LATENCY:
        before, now = a.latency.get(key), b.latency.get(key)
        unit = "s" if key == "build_s" else "ms"
        change = latency_change(now, before, unit, style)
        lines.append(f"{label:<20} {_shown(before, 1):>7} {_shown(now, 1):>7}   {change}".rstrip())
    for title, changes, paint in (
        ("newly passing in B", comparison.gained, style.good),
        ("newly failing in B", comparison.lost, style.bad),
    ):
        lines += ["", paint(f"{title} ({len(changes)})")]
        if not changes:
            lines.append(style.dim("  none"))
            continue
        id_width = max(len(question.id) for question, _ in changes)
        check_width = len("+".join(CHECKS))
        for question, checks in changes:
            why = [question.why[c] for c in checks if c in question.why]
            note = f"  ({'; '.join(why)})" if why else ""
            room = max(20, width - id_width - check_width - len(note) - 6)
            label = f"{question.id:<{id_width}}  {'+'.join(checks):<{check_width}}"
            lines.append(f"  {label}  {cut(question.text, room)}{note}")
    lines += [
        "",
        style.dim(f"found: the evidence is in the top {FOUND_AT} passages"),
        style.dim("answered: correct and cited, or abstained where the corpus cannot answer"),
        style.dim("each version's report and output: .takehome/compare/"),
    ]
    return lines


def to_json(comparison: Comparison, a: Version, b: Version) -> dict:
    """The comparison as data (for --json)."""

    def listed(changes: list[tuple[QuestionOutcome, tuple[str, ...]]]) -> list[dict]:
        return [{"id": q.id, "checks": list(checks), "text": q.text} for q, checks in changes]

    def metrics(run: RunResult) -> dict:
        return {**run.metrics, **run.latency}

    return {
        "a": {"version": a.spec, "label": a.label, "metrics": metrics(comparison.a)},
        "b": {"version": b.spec, "label": b.label, "metrics": metrics(comparison.b)},
        "newly_passing": listed(comparison.gained),
        "newly_failing": listed(comparison.lost),
    }


def _holds(run: RunResult, check: str) -> tuple[int, int]:
    applies = [q for q in run.questions.values() if check in q.checks]
    return sum(q.checks[check] for q in applies), len(applies)


def _shown(value: float | None, digits: int) -> str:
    return "n/a" if value is None else f"{value:.{digits}f}"


def parse_args(argv: list[str]) -> argparse.Namespace:
    """Options before `--` are this script's; everything after goes to `exercise eval`."""
    split = argv.index("--") if "--" in argv else len(argv)
    own, passed = argv[:split], argv[split + 1 :]
    parser = argparse.ArgumentParser(
        prog="python scripts/compare.py",
        description="Evaluate two versions of the pipeline on the public questions, side by side.",
        epilog="A version is a git revision (HEAD~1, a branch, a commit), a folder holding "
        "rag/pipeline.py, or . (this working tree). Options after -- go to "
        "`python -m exercise eval` (e.g. -- --query-timeout 10).",
    )
    parser.add_argument("a", metavar="A", help="the version compared against (e.g. HEAD)")
    parser.add_argument(
        "b", metavar="B", nargs="?", default=".", help="the new version (default: .)"
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="the corpus folder")
    parser.add_argument("--json", type=Path, help="also write the comparison here as JSON")
    parser.add_argument("--plain", action="store_true", help="no colours")
    args = parser.parse_args(own)
    args.eval_args = tuple(passed)
    return args


def main(argv: list[str]) -> int:
    args = parse_args(argv)
    root = args.root.resolve()
    corpus = args.corpus if args.corpus.is_absolute() else root / args.corpus
    styled = sys.stdout.isatty() and not args.plain and "NO_COLOR" not in os.environ
    style = Style(styled and os.environ.get("TERM") != "dumb")
    try:
        if not (root / "rag").is_dir():
            raise CompareError(f"{root} has no rag/ folder; run it from the repository")
        if not (corpus / "docs").is_dir():
            raise CompareError(
                f"{corpus} has no docs/ folder; pass --corpus with the corpus folder"
            )
        versions = [resolve(args.a, root), resolve(args.b, root)]
    except CompareError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    results = []
    try:
        for name, version in zip(("A", "B"), versions, strict=True):
            print(
                f"evaluating {name} = {version.label} (cache {_shown_path(version.work, root)})",
                file=sys.stderr,
            )
            started = time.monotonic()
            results.append(evaluate(version, root, corpus, args.eval_args))
            print(f"  done in {time.monotonic() - started:.1f} s", file=sys.stderr)
    except CompareError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 130
    comparison = compare(*results)
    width = shutil.get_terminal_size((100, 24)).columns if styled else 100
    print(
        "\n".join(
            render(comparison, versions[0].label, versions[1].label, width=width, style=style)
        )
    )
    if args.json is not None:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        text = json.dumps(to_json(comparison, *versions), indent=2, ensure_ascii=False) + "\n"
        args.json.write_text(text, encoding="utf-8")
    return 0


def _shown_path(path: Path, root: Path) -> str:
    return path.relative_to(root).as_posix() if path.is_relative_to(root) else str(path)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
