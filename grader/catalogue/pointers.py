"""Questions that point at their subject through another entity, and the owner a document names.

"Who is on call for the service that raises ERR-7925?" names neither the team it asks about nor
its service: a pointer clause ("the <thing> that <does> <anchor>", one or more deep) leads to the
document that holds the anchor, and that document names its owner ("owned by the Falcon team").
Asked of the owner ("Who is on call for the Falcon team?"), the question can be searched and
answered like any other. The reference retrieval (two hops) and answering (answering the question
as asked of the owner) read both here.
"""

from __future__ import annotations

import re

POINTER = re.compile(
    r"\bthe [a-z]+ (?:that|which) \w+(?: the [a-z]+ (?:that|which) \w+)* "
    r"(?P<anchor>\S+?)(?=[?.,]|\s|$)"
)
"""A pointer clause and its anchor, the word it ends on (an error code)."""
OWNED_BY = re.compile(
    r"\b(?:owned|run|maintained) by the (?P<owner>(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*)*) "
    r"(?:team|group))\b"
)
"""A statement of ownership: the owner as written ("Falcon team") and its bare name."""


def asked_of(query: str, pointer: re.Match[str], owner: str) -> str:
    """The query with its pointer clause replaced by the owner it leads to."""
    return query.replace(pointer.group(), f"the {owner}")
