"""Reading a process's or thread's `/proc/<id>/stat` line (Linux).

The command name (field 2) is in parentheses and may itself hold spaces and parentheses, so the
fields are split after its last closing parenthesis.
"""

from __future__ import annotations

from pathlib import Path


def read_stat(path: Path) -> tuple[str, list[str]] | None:
    """(command name, the fields after it: state, parent pid, …) of a stat file; None when it
    cannot be read (the process or thread ended meanwhile)."""
    try:
        stat = path.read_text()
    except OSError:
        return None
    end = stat.rfind(")")
    return stat[stat.find("(") + 1 : end], stat[end + 2 :].split()
