"""The corpus's own vocabulary: terms it defines, read from chunks, and queries rewritten with it.

People ask with the words they type: a product's codename, a short name, an informal name. The
documents that state the facts print another name, and only some page of the corpus says that the
two are one: a glossary line (`- **Sirocco**: engineering codename of the Aster X2.`, or
`Sirocco — ...`), a row of a two-column table of terms and names (`| Sirocco | Aster X2 |`, for a
term the corpus uses nowhere else) or an "also known as" line (`The Aster X2, also known as
Sirocco, ...`). Neither a dense encoder nor BM25 can connect a word to a name it never appears
next to, so the query is rewritten before it is searched: each defined term it uses is replaced by
the name it stands for.

What a term stands for is the name in its definition: the longest capitalised phrase of two or
more words or with a digit in it ("Aster X2", "Travel Policy v3"), else the whole definition
without its end punctuation and a leading article ("secure remote connection"). Lines are read from
every chunk text; a chunker may cut a line, so where one term has several definitions the longest
(the whole line) wins. Only whole words are replaced, as written (a glossary term is a name, and
matching it in any case would rewrite ordinary words).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from types import MappingProxyType

_TERM = r"[A-Za-z0-9][\w&.+/-]*(?: [A-Za-z0-9][\w&.+/-]*){0,3}"
_DEFINITION = r"[ \t]*(?P<definition>\S[^\n]*?)[ \t]*$"
# A bold term, bulleted or not, then a colon or a dash: "- **Sirocco**: codename of the Aster X2."
_BOLD_ENTRY = re.compile(
    rf"^[ \t]*(?:[-*+][ \t]+)?\*\*(?P<term>{_TERM})\*\*[ \t]*(?::|—|–| - )" + _DEFINITION,
    re.MULTILINE,
)
# A bulleted plain term, then a dash ("- Sirocco — codename of the Aster X2"); not a colon, which
# bulleted prose uses too ("- Reminder: the review process changes on 16 July").
_PLAIN_ENTRY = re.compile(
    rf"^[ \t]*[-*+][ \t]+(?P<term>{_TERM})[ \t]+(?:—|–)" + _DEFINITION, re.MULTILINE
)
# A name as documents print it: capitalised words, then words with capitals or digits ("Aster X2",
# "Travel Policy v3", "Ledger 2.1"); a sentence's full stop is not part of it.
_NAME_WORDS = r"[A-Z][\w-]*(?: (?:[A-Z0-9][\w-]*(?:\.\w+)*|v\d+(?:\.\d+)*))*"
_AKA = re.compile(
    rf"(?:[Tt]he )?(?P<name>{_NAME_WORDS}),? \(?(?:is )?(?:also )?known as (?:the )?"
    rf"(?P<term>{_NAME_WORDS})"
)
_NAME = re.compile(_NAME_WORDS)
_TABLE_ROW = re.compile(r"^[ \t]*(\|[^\n]*\|)[ \t]*$", re.MULTILINE)
_LABELLED_ROW = re.compile(
    r"^[^:;\n]+: (?P<term>[^:;\n]+); [^:;\n]+: (?P<name>[^:;\n]+)$", re.MULTILINE
)
_LEADING_ARTICLE = re.compile(r"^(?:the|a|an) ", re.IGNORECASE)


def read(texts: Iterable[str]) -> Mapping[str, str]:
    """term → the name it stands for, from every glossary and "also known as" line of `texts`.

    A term is bold and followed by a colon or a dash, or bulleted and followed by a dash: bulleted
    prose with a colon ("- Reminder: ...") defines nothing. A table row defines its first cell
    as the name in its second only when the term is a word the texts use nowhere else and every
    row that gives it gives the same name (a glossary table's codename), since two-column tables
    of other things abound (a spec sheet's "Input voltage" with each model's value).
    """
    texts = list(texts)
    definitions: dict[str, str] = {}

    def add(term: str, definition: str) -> None:
        term, definition = term.strip(), definition.strip()
        if term and len(definition) > len(definitions.get(term, "")):
            definitions[term] = definition  # a line cut by a chunk edge is shorter: it loses

    rows: dict[str, tuple[set[str], int]] = {}  # term → (names rows give it, rows that do)
    for text in texts:
        for pattern in (_BOLD_ENTRY, _PLAIN_ENTRY):
            for match in pattern.finditer(text):
                add(match.group("term"), match.group("definition"))
        for match in _AKA.finditer(text):
            add(match.group("term"), match.group("name"))
        for term, name in _table_rows(text):
            names, defining = rows.get(term, (set(), 0))
            rows[term] = (names | {name}, defining + 1)
    for term, (names, defining) in rows.items():
        if len(names) != 1:
            continue  # a row label ("Input voltage") with a value per row: not a term
        used = sum(len(re.findall(rf"(?<![\w-]){re.escape(term)}(?![\w-])", t)) for t in texts)
        if used == defining:
            add(term, names.pop())
    found = {term: stands_for(d) for term, d in sorted(definitions.items())}
    found = {term: name for term, name in found.items() if name and name != term}
    return MappingProxyType(found)


def _table_rows(text: str) -> list[tuple[str, str]]:
    """(term, name) of every row of a two-column table whose first cell is a term with no digit
    and whose second names something (`_name_in`), as Markdown writes the row (`| Sirocco | Aster
    X2 |`) or as a chunker labels its cells (`Codename: Sirocco; Sold as: Aster X2`)."""
    cells = [
        [cell.strip() for cell in line.strip().strip("|").split("|")]
        for line in _TABLE_ROW.findall(text)
    ]
    cells += [[m["term"], m["name"]] for m in _LABELLED_ROW.finditer(text)]
    return [
        (row[0], name)
        for row in cells
        if len(row) == 2 and re.fullmatch(_TERM, row[0]) and not any(c.isdigit() for c in row[0])
        if (name := _name_in(row[1]))
    ]


def _name_in(cell: str) -> str | None:
    """The longest name in a table cell (two or more words, or with a digit), or None."""
    names = [m.group() for m in _NAME.finditer(cell)]
    names = [n for n in names if " " in n or any(c.isdigit() for c in n)]
    return max(reversed(names), key=lambda n: len(n.split())) if names else None


def stands_for(definition: str) -> str:
    """The name a definition gives: its longest name of two or more words or with a digit, else
    the definition itself without its end punctuation and a leading article."""
    names = [
        m.group()
        for m in _NAME.finditer(definition)
        if " " in m.group() or any(c.isdigit() for c in m.group())
    ]
    if names:
        return max(reversed(names), key=lambda n: len(n.split()))  # ties: the first
    return _LEADING_ARTICLE.sub("", definition.strip().rstrip(".;,!?").strip())


def expand(query: str, terms: Mapping[str, str]) -> str:
    """`query` with every defined term it uses (a whole word, as written) replaced by the name
    it stands for; longer terms first, so "Aster Pro" wins over "Aster"."""
    used = sorted((t for t in terms if t in query), key=len, reverse=True)
    if not used:
        return query
    pattern = "|".join(re.escape(t) for t in used)
    return re.sub(rf"(?<![\w-])(?:{pattern})(?![\w-])", lambda m: terms[m.group()], query)
