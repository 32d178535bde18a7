"""Putting a finished output folder in place whole: what `corpus generate` and `takehome bundle`
write is built in a staging folder beside it and renamed into place, so an interruption never
leaves a half-written variant or bundle."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path


def replace_folder(staging: Path, out: Path) -> None:
    """Rename `staging` to `out`; an existing `out` is moved aside first and removed only once
    the new folder is in place."""
    if out.exists():
        trash = Path(tempfile.mkdtemp(prefix=f".{out.name}-old-", dir=out.parent))
        out.rename(trash / out.name)
        staging.rename(out)
        shutil.rmtree(trash)
    else:
        staging.rename(out)
