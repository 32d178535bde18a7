"""Questions that point at their subject through another entity, and the owner a document names.

"Who is on call for the service that raises ERR-7925?" names neither the team it asks about nor
its service: the question's anchor (the code) leads to the document that holds it, and that
document names its owner. Asked of the owner ("Who is on call for the Falcon team?"), the
question can be searched and answered like any other. The reference retrieval (two hops) and
answering (answering the question as asked of the owner) read both here.

The anchor is the end of a pointer clause ("the <thing> that <does> <anchor>", one or more deep)
or, in a question worded otherwise ("Who leads the team behind ERR-7925?"), its code. A question
about the code itself ("What does ERR-7925 indicate?") has an anchor too, so a bare code is
followed to its owner only when the question asks about the owner (`asks_owner`): it names the
owner's kind ("the team responsible for ERR-7925"), or it asks who and what the document says
where it states the code names nobody ("Who is on call when ERR-7925 fires?"). The owner is what
the anchor's document names first: its first sentence that names exactly one team
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
TEAM = re.compile(r"\b[Tt]he (?P<owner>(?P<name>[A-Z][\w-]*(?: [A-Z][\w-]*)*) (?:team|group))\b")
"""A team as documents name it: the owner as written ("Falcon team") and its bare name."""
_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+|\s*\n\s*")
_WHO = re.compile(r"\bwho(?:m|se)?\b", re.IGNORECASE)
_PERSON = re.compile(r"\b[A-Z][a-z]+(?:-[A-Z]?[a-z]+)* [A-Z][a-z]+(?:-[A-Z]?[a-z]+)*\b")
"""A person as documents name one: a first and a last name ("Ada Okafor")."""


def anchor_of(query: str) -> tuple[str, bool] | None:
    """(the query's anchor, whether a pointer clause leads to it), or None without one. A
    question's code is its anchor; a pointer clause that ends elsewhere ("the team that gets
    paged for it") does not lead to it."""
    pointer = POINTER.search(query)
    code = CODE.search(query)
    if pointer and (code is None or pointer["anchor"] == code.group()):
        return pointer["anchor"], True
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
    """The query asked of the owner: its pointer clause, or else the words from the owner's kind
    to the anchor ("the team behind ERR-7925"), or else its anchor, replaced by it."""
    pointer = POINTER.search(query)
    if pointer and pointer["anchor"] == anchor:
        return query.replace(pointer.group(), f"the {owner}")
    phrase = re.search(rf"\bthe {re.escape(_kind(owner))}\b[^?.!;:]*?{re.escape(anchor)}", query)
    return query.replace(phrase.group() if phrase else anchor, f"the {owner}")


def asks_owner(query: str, pointed: bool, owner: str, stating: str) -> bool:
    """Whether the query asks about the anchor's owner (`owner`: "Falcon team") rather than about
    the anchor: through a pointer clause; by naming the owner's kind ("team"); or by asking who
    when `stating` (what the anchor's document says where it gives the anchor) names no person."""
    if pointed:
        return True
    if re.search(rf"\b{re.escape(_kind(owner))}\b", query, re.IGNORECASE):
        return True
    return bool(_WHO.search(query)) and not _PERSON.search(stating)


def _kind(owner: str) -> str:
    """The owner's kind, the word after its name ("team" of "Falcon team")."""
    return owner.rsplit(" ", 1)[-1]
