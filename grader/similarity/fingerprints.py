"""Winnowed fingerprints of Python code, blind to names, literals, layout and order.

The method is MOSS's (Schleimer, Wilkerson and Aiken, "Winnowing: local algorithms for document
fingerprinting", SIGMOD 2003): the code is read as tokens, with every identifier, string and number
replaced by its kind ("V", "S", "N") and comments, blank lines, indentation, parentheses and
trailing commas dropped (formatters add and remove them), so renaming variables or reformatting
changes nothing. Every run of `K` tokens is hashed; in every window of
`WINDOW` consecutive hashes the smallest is kept (the rightmost on ties). Two files sharing a run of
at least `K + WINDOW - 1` tokens are guaranteed to share a fingerprint, and a shared run shorter
than `K` is never one. Fingerprints are a set, so functions moved around still match.

Each fingerprint remembers where it stands (file, first and last line) for showing matched regions.
A file Python cannot tokenize contributes the fingerprints of what it read before the error.
"""

from __future__ import annotations

import hashlib
import io
import keyword
import tokenize
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

K = 15  # tokens per hashed run: about two lines of code; shorter runs are common idiom
WINDOW = 10  # hashes per winnowing window: any shared run of K + WINDOW - 1 = 24 tokens shows
SKIPPED_TOKENS = {
    tokenize.COMMENT,
    tokenize.NL,
    tokenize.NEWLINE,
    tokenize.INDENT,
    tokenize.DEDENT,
    tokenize.ENCODING,
    tokenize.ENDMARKER,
}
# An f-string is one "S" (Python 3.12 tokenizes its parts; older versions give one STRING).
STRING_STARTS = {tokenize.STRING, getattr(tokenize, "FSTRING_START", -1)}
STRING_INSIDES = {getattr(tokenize, "FSTRING_MIDDLE", -2), getattr(tokenize, "FSTRING_END", -2)}
GROUPING = {"(", ")"}  # parentheses formatters add and remove around expressions: not counted
CLOSERS = {")", "]", "}"}
# Kept as themselves: the words and builtins that give code its shape.
KEPT_NAMES = frozenset(keyword.kwlist) | {"self", "cls", "len", "range", "print"}


@dataclass(frozen=True)
class Place:
    """Where a fingerprinted run of tokens stands."""

    path: str  # relative to the submission root, "/"-separated
    first_line: int
    last_line: int


@dataclass(frozen=True)
class Token:
    text: str  # the normalised token
    line: int


def tokens(source: str) -> list[Token]:
    """The normalised tokens of Python `source` (see the module docstring)."""
    found: list[Token] = []
    try:
        for tok in tokenize.generate_tokens(io.StringIO(source).readline):
            if tok.type in SKIPPED_TOKENS:
                continue
            if tok.type == tokenize.NAME:
                text = tok.string if tok.string in KEPT_NAMES else "V"
            elif tok.type in STRING_STARTS:
                text = "S"
            elif tok.type == tokenize.NUMBER:
                text = "N"
            elif tok.type in STRING_INSIDES:
                continue  # the whole f-string counts as one "S"
            else:
                text = tok.string
            if text in CLOSERS and found and found[-1].text == ",":
                found.pop()  # a trailing comma is layout
            if text in GROUPING:
                continue
            if text == "S" and found and found[-1].text == "S":
                continue  # "a" "b" is the string "ab": formatters join and split them
            found.append(Token(text, tok.start[0]))
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass  # what was read before the error still counts
    return found


def fingerprints(source: str, path: str) -> dict[int, Place]:
    """hash → where it stands (its first place in the file), for the winnowed runs of `source`."""
    toks = tokens(source)
    if len(toks) < K:
        return {}
    hashes = [_hash(" ".join(t.text for t in toks[i : i + K])) for i in range(len(toks) - K + 1)]
    kept: dict[int, Place] = {}
    for start in range(max(1, len(hashes) - WINDOW + 1)):
        window = hashes[start : start + WINDOW]
        low = min(window)
        at = start + max(i for i, h in enumerate(window) if h == low)  # rightmost minimum
        if low not in kept:
            kept[low] = Place(path, toks[at].line, toks[at + K - 1].line)
    return kept


def tree_fingerprints(root: Path, files: Iterable[Path]) -> dict[int, Place]:
    """The fingerprints of every file in `files` (Python files under `root`), first place kept."""
    found: dict[int, Place] = {}
    for file in sorted(files):
        try:
            source = file.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for digest, place in fingerprints(source, file.relative_to(root).as_posix()).items():
            found.setdefault(digest, place)
    return found


def _hash(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "big")
