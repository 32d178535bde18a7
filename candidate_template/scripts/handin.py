"""`make handin`: pack the repository into submission.tar.gz, leaving out what .gitignore lists.

.gitignore is the one list of what is not yours to send: the virtualenv, the local cache and logs
(.takehome/), Python and tool caches, and the corpus's documents and questions (the grader has its
own copy; corpus/manifest.json stays, so the grade can check which corpus you worked on). The
git history (.git/), if you made one, is packed with the rest.

Only the simple .gitignore patterns the template uses are understood: `name`, `*.ext` and `dir/`
match at any depth, a pattern holding a `/` matches from the top; `!` lines are not supported
(they are reported and skipped). Symbolic links are left out with a warning: the grader takes
plain files only.

Usage: python scripts/handin.py [--root DIR] [--out FILE]
Standard library only (any Python 3.8+), so it runs without the virtualenv.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import sys
import tarfile
from pathlib import Path, PurePosixPath

IGNORE_FILE = ".gitignore"
ARCHIVE = "submission.tar.gz"


class Pattern:
    """One .gitignore line."""

    def __init__(self, line: str) -> None:
        text = line.strip()
        self.directory_only = text.endswith("/")
        text = text.rstrip("/")
        self.anchored = "/" in text
        self.glob = text.lstrip("/")

    def matches(self, rel: PurePosixPath, is_dir: bool) -> bool:
        if self.directory_only and not is_dir:
            return False
        if self.anchored:
            return fnmatch.fnmatchcase(rel.as_posix(), self.glob)
        return fnmatch.fnmatchcase(rel.name, self.glob)


def read_patterns(path: Path) -> tuple[list[Pattern], list[str]]:
    """The patterns of the ignore file at `path`, and the lines skipped as unsupported."""
    patterns, skipped = [], []
    if not path.is_file():
        return patterns, skipped
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if not text or text.startswith("#"):
            continue
        if text.startswith("!"):
            skipped.append(text)
            continue
        patterns.append(Pattern(text))
    return patterns, skipped


def ignored(rel: PurePosixPath, is_dir: bool, patterns: list[Pattern]) -> bool:
    return any(p.matches(rel, is_dir) for p in patterns)


def files_to_send(root: Path, patterns: list[Pattern]) -> tuple[list[PurePosixPath], list[str]]:
    """Relative paths of the files to pack, sorted, and the symbolic links left out."""
    chosen: list[PurePosixPath] = []
    links: list[str] = []
    for folder, dirs, files in os.walk(root):
        here = PurePosixPath(Path(folder).relative_to(root).as_posix())
        kept = []
        for name in sorted(dirs):
            rel = here / name if here.parts else PurePosixPath(name)
            if (Path(folder) / name).is_symlink():
                links.append(rel.as_posix())
            elif not ignored(rel, True, patterns):
                kept.append(name)
        dirs[:] = kept  # os.walk descends only into the folders kept
        for name in sorted(files):
            rel = here / name if here.parts else PurePosixPath(name)
            if ignored(rel, False, patterns):
                continue
            if (Path(folder) / name).is_symlink():
                links.append(rel.as_posix())
            else:
                chosen.append(rel)
    return sorted(chosen), sorted(links)


def pack(root: Path, out: Path) -> tuple[int, list[str], list[str]]:
    """Write the archive; (files packed, links left out, unsupported ignore lines)."""
    patterns, skipped = read_patterns(root / IGNORE_FILE)
    patterns.append(Pattern("/" + ARCHIVE))  # never the archive inside itself
    chosen, links = files_to_send(root, patterns)
    out.parent.mkdir(parents=True, exist_ok=True)
    partial = out.with_name(out.name + ".partial")
    try:
        with tarfile.open(partial, "w:gz") as tar:
            for rel in chosen:
                tar.add(str(root / Path(*rel.parts)), arcname=rel.as_posix(), recursive=False)
        partial.replace(out)
    finally:
        if partial.exists():
            partial.unlink()
    return len(chosen), links, skipped


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python scripts/handin.py",
        description=f"Pack the repository into {ARCHIVE}, leaving out what {IGNORE_FILE} lists.",
    )
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository")
    parser.add_argument("--out", type=Path, help=f"the archive (default: ROOT/{ARCHIVE})")
    args = parser.parse_args(argv)
    root = args.root.resolve()
    if not (root / "rag" / "pipeline.py").is_file():
        print(f"error: {root} has no rag/pipeline.py; run it from the repository", file=sys.stderr)
        return 2
    out = args.out or root / ARCHIVE
    try:
        count, links, skipped = pack(root, out)
    except OSError as exc:
        print(f"error: could not write {out}: {exc}", file=sys.stderr)
        return 1
    for line in skipped:
        print(
            f"warning: {IGNORE_FILE} line {line!r} is not supported here; ignored", file=sys.stderr
        )
    for link in links:
        print(
            f"warning: left out {link}: a symbolic link (the grader takes plain files only)",
            file=sys.stderr,
        )
    size = out.stat().st_size
    print(
        f"wrote {out.name}: {count} files, {size / 1024:,.0f} KB, without what {IGNORE_FILE} lists"
    )
    print("send it back as your invitation describes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
