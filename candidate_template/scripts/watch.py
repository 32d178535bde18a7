"""`make watch`: run a command, then again whenever a Python file under rag/ or tests/ changes.

Standard library only: it polls file modification times once a second. Ctrl-C stops it.
Usage: python scripts/watch.py COMMAND [ARG...]
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

WATCHED = ("rag", "tests")
FOLDERS = ", ".join(f"{folder}/" for folder in WATCHED)
POLL_S = 1.0


def snapshot(root: Path) -> dict[Path, int]:
    """Every watched file and its modification time."""
    return {
        path: path.stat().st_mtime_ns
        for folder in WATCHED
        if (root / folder).is_dir()
        for path in (root / folder).rglob("*.py")
    }


def main(command: list[str]) -> int:
    if not command:
        print(__doc__, file=sys.stderr)
        return 2
    root = Path.cwd()
    seen: dict[Path, int] | None = None
    try:
        while True:
            current = snapshot(root)
            if current != seen:
                # Compare against the state before the run: a save during the run triggers another.
                seen = current
                subprocess.run(command, check=False)
                print(f"\nwatching {FOLDERS} for changes (Ctrl-C to stop)", flush=True)
            time.sleep(POLL_S)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
