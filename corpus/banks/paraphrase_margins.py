"""The paraphrase margins table (`paraphrase_margins.json`): its one reader and writer.

Each combination of the paraphrase bank — (rule key, statement index, question index) — has a
margin: the cosine of the question with its statement minus its best cosine with another rule's
statement (all-MiniLM-L6-v2, normalised). `benchmarks/paraphrase_margins.py` measures them and
writes the table with `save`; the generator reads it with `load` (no model needed to generate).
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

TABLE_FILE = "paraphrase_margins.json"
ABOUT = (
    "Margins of the paraphrase bank's combinations, measured by "
    "benchmarks/paraphrase_margins.py (generated: do not edit; rerun it with --write). Each row: "
    "rule key, statement index, question index, and the cosine of the question with its "
    "statement minus its best cosine with another rule's statement (all-MiniLM-L6-v2, "
    "normalised)."
)

Combination = tuple[str, int, int]


def table_path() -> Path:
    """The committed table's file, inside the `corpus.banks` package."""
    return Path(str(resources.files("corpus.banks") / TABLE_FILE))


@functools.cache
def load() -> Mapping[Combination, float]:
    """The committed table (read once)."""
    return parse(table_path().read_text(encoding="utf-8"))


def save(margins: Mapping[Combination, float]) -> Path:
    """Replace the committed table with `margins` (`benchmarks/paraphrase_margins.py --write`);
    returns the file written."""
    path = table_path()
    path.write_text(dump(margins), encoding="utf-8")
    return path


def parse(text: str) -> dict[Combination, float]:
    """A table's text → combination → margin; ValueError names a malformed row."""
    rows = json.loads(text)["margins"]
    margins: dict[Combination, float] = {}
    for row in rows:
        match row:
            case [str(key), int(statement), int(question), int() | float() as margin]:
                margins[(key, statement, question)] = float(margin)
            case _:
                raise ValueError(
                    f"{TABLE_FILE}: row {row!r} is not [rule key, statement, question, margin]"
                )
    return margins


def dump(margins: Mapping[Combination, float]) -> str:
    """The table's text: one row a line, sorted, so a re-measurement diffs row by row."""
    rows = ",\n".join(f"    {json.dumps([*key, value])}" for key, value in sorted(margins.items()))
    return f'{{\n  "about": {json.dumps(ABOUT)},\n  "margins": [\n{rows}\n  ]\n}}\n'
