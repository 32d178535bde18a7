"""Constants and helpers shared across the test tree (conftest.py files hold fixtures only).

Tests import it as `tests.helpers`; no test module imports another, nor a conftest.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_SEED = 7  # the seed `make corpus` uses for the committed default variant


def import_statements(
    source: str, package: str, *, where: str = "<source>"
) -> Iterator[tuple[str, tuple[str, ...], int]]:
    """Every import in `source`, a module of `package`, at any depth (function-level and
    TYPE_CHECKING imports too), as (module, names, line): `import a.b` is ("a.b", (), line) and
    `from .x import n, m` is ("<package>.x", ("n", "m"), line), relative imports resolved.
    A relative import above the top package raises AssertionError naming `where` and the line."""
    for node in ast.walk(ast.parse(source, filename=where)):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield alias.name, (), node.lineno
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                if node.level - 1 >= len(parts):
                    raise AssertionError(f"{where}:{node.lineno}: relative import beyond the top")
                parent = ".".join(parts[: len(parts) - (node.level - 1)])
                base = f"{parent}.{node.module}" if node.module else parent
            yield base, tuple(alias.name for alias in node.names), node.lineno
