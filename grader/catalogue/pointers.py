"""Questions that point at their subject through another entity, and the owner a document names.

"Who is on call for the service that raises ERR-7925?" names neither the team it asks about nor
its service: the question's anchor (the code) leads to the document that holds it, and that
document names its owner. Asked of the owner ("Who is on call for the Falcon team?"), the
question can be searched and answered like any other. The reference retrieval (two hops) and
answering (answering the question as asked of the owner) read both here.

The anchor is the end of a pointer clause ("the <thing> that <does> <anchor>", one or more deep)
or, in a question worded otherwise ("Who leads the team behind ERR-7925?"), its code. A question
about the code itself ("What does ERR-7925 indicate?") has an anchor too: whether it asks about
the code or about its owner is decided by measuring which answers it better, by the caller. The
owner is what the anchor's document names first: its first sentence that names exactly one team
("The digest service is owned by the Lynx team", "Escalations for the digest service go to the
Lynx team"), however the sentence is worded; teams named further down (whom to open a ticket
with) are not its owner.
"""

from __future__ import annotations

import re

POINTER = re.compile(
    r"\bthe [a-z]+ (?:that|which) \w+(?: the [a-z]+ (?:that|which) \w+)* "
    r"(?P<anchor>\S+?)(?=[?.,]|\s|$)"
)
"""A pointer clause and its anchor, the word it ends on (an error code)."""
CODE = re.compile(r"(?<![\w-])[A-Z]{2,}-\d{3,}(?![\w-])")
"""A code a question may point through ("ERR-7925")."""
TEAM = re.compile(r"\bthe (?P<owner>(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*)*) (?:team|group))\b")
"""A team as documents name it: the owner as written ("Falcon team") and its bare name."""
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s*\n\s*")


def anchor_of(query: str) -> tuple[str, bool] | None:
    """(the query's anchor, whether a pointer clause leads to it), or None without one."""
    pointer = POINTER.search(query)
    if pointer:
        return pointer["anchor"], True
    code = CODE.search(query)
    return (code.group(), False) if code else None


def owner_named(text: str) -> re.Match[str] | None:
    """The owner a document's `text` names first: the team of its first sentence that names
    exactly one team (its `owner` and `name` groups), or None."""
    for sentence in _SENTENCE_END.split(text):
        teams = {m["owner"]: m for m in TEAM.finditer(sentence)}
        if len(teams) == 1:
            return next(iter(teams.values()))
    return None


def asked_of(query: str, anchor: str, owner: str) -> str:
    """The query asked of the owner: its pointer clause, or else its anchor, replaced by it."""
    pointer = POINTER.search(query)
    if pointer:
        return query.replace(pointer.group(), f"the {owner}")
    return query.replace(anchor, f"the {owner}")
