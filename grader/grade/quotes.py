"""Where a string sits in a submission's files: in code, or only in comments and docstrings.

The integrity checks look for public and hidden question texts and answers in a submission; a
literal the program uses is hard-coding, the same words quoted in a comment or a docstring as an
example are not. `find_quotes` finds each string's first place and says which kind it is;
`prose_spans` reads a Python file's comments and docstrings with tokenize and ast (a file that
does not parse counts as code throughout). Called by `grader.grade.integrity`.
"""

from __future__ import annotations

import ast
import io
import math
import re
import tokenize
from collections.abc import Mapping

CODE, PROSE = "code", "prose"  # where a hit is: a literal the program uses, or a comment/docstring


def find_quotes(files: Mapping[str, list[str]], needles: set[str]) -> dict[str, tuple[str, str]]:
    """needle → ("file:line: text", CODE or PROSE): the first place it occurs in code, else the
    first in a comment or docstring of a Python file (data files are all code)."""
    hits: dict[str, tuple[str, str]] = {}
    for name, lines in files.items():
        prose = prose_spans(lines) if name.endswith(".py") else {}
        for number, line in enumerate(lines, start=1):
            for needle in needles:
                if needle not in line or hits.get(needle, ("", PROSE))[1] == CODE:
                    continue
                spans = prose.get(number, ())
                starts = [m.start() for m in re.finditer(re.escape(needle), line)]
                in_code = any(not any(a <= s < b for a, b in spans) for s in starts)
                if in_code or needle not in hits:
                    hits[needle] = (
                        f"{name}:{number}: {line.strip()[:160]}",
                        CODE if in_code else PROSE,
                    )
    return hits


def by_place(hits: Mapping[str, tuple[str, str]]) -> tuple[dict[str, str], dict[str, str]]:
    """The hits in code and the hits only in comments or docstrings, needle → place."""
    code = {needle: where for needle, (where, kind) in hits.items() if kind == CODE}
    prose = {needle: where for needle, (where, kind) in hits.items() if kind == PROSE}
    return code, prose


def prose_spans(lines: list[str]) -> dict[int, list[tuple[int, float]]]:
    """line → column ranges holding a comment or a docstring (a string expression standing as a
    statement), read with tokenize and ast; {} when the file is not valid Python (all code)."""
    source = "\n".join(lines) + "\n"
    spans: dict[int, list[tuple[int, float]]] = {}
    try:
        tokens = list(tokenize.generate_tokens(io.StringIO(source).readline))
        tree = ast.parse(source)
    except (SyntaxError, tokenize.TokenError, ValueError):
        return {}
    for token in tokens:
        if token.type == tokenize.COMMENT:
            spans.setdefault(token.start[0], []).append((token.start[1], math.inf))
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Expr)
            and isinstance(node.value, ast.Constant)
            and isinstance(node.value.value, str)
        ):
            for number in range(node.lineno, (node.end_lineno or node.lineno) + 1):
                spans.setdefault(number, []).append((0, math.inf))
    return spans
