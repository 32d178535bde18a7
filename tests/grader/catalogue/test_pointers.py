"""Reading a question that points through a code, and the owner a document names
(`grader/catalogue/pointers.py`), whichever way the question and the document are worded."""

from __future__ import annotations

import pytest

from grader.catalogue.pointers import anchor_of, asked_of, asks_owner, owner_named

RUNBOOK = (
    "Runbook: the digest service\n"
    "Escalations for the digest service go to the Lynx team; start here when it pages you. "
    "`ERR-6261` indicates a stalled consumer group. Open a ticket with the Egret team."
)
STATING = "`ERR-6261` indicates a stalled consumer group."


def test_the_owner_is_the_team_the_first_sentence_naming_one_names():
    for text in (
        RUNBOOK,
        "The digest service is owned by the Lynx team, and this runbook is the first stop.",
        "The Lynx team looks after the digest service. Page the Egret team for ERR-6261.",
    ):
        assert owner_named(text)["owner"] == "Lynx team"
    assert owner_named("The Lynx team and the Egret team share a board.") is None
    assert owner_named("No team is named here.") is None


@pytest.mark.parametrize(
    ("query", "pointed", "asks"),
    [
        ("Who is on call for the service that raises ERR-6261?", True, True),
        ("Who leads the team behind ERR-6261?", False, True),
        ("Who is on call when ERR-6261 fires?", False, True),
        ("ERR-6261 keeps showing up: who is on call?", False, True),
        ("ERR-6261 again: who leads the team that gets paged for it?", False, True),
        ("What does error code ERR-6261 indicate?", False, False),
        ("Which problem does the error ERR-6261 signal?", False, False),
    ],
)
def test_a_question_asks_about_the_owner_or_about_the_code(query, pointed, asks):
    assert anchor_of(query) == ("ERR-6261", pointed)
    assert asks_owner(query, pointed, "Lynx team", STATING) == asks


def test_who_follows_the_code_only_where_its_statement_names_nobody():
    named = "`ERR-6261` was added by Ada Okafor after the outage."
    assert not asks_owner("Who is on call when ERR-6261 fires?", False, "Lynx team", named)


def test_asked_of_the_owner_replaces_the_clause_that_points_at_it():
    assert anchor_of("What does the starter do?") is None
    owner = "Lynx team"
    assert (
        asked_of(
            "Who leads the team that owns the service that raises ERR-6261?", "ERR-6261", owner
        )
        == "Who leads the Lynx team?"
    )
    assert asked_of("Who leads the team behind ERR-6261?", "ERR-6261", owner) == (
        "Who leads the Lynx team?"
    )
    assert asked_of("Who is on call when ERR-6261 fires?", "ERR-6261", owner) == (
        "Who is on call when the Lynx team fires?"
    )
    # a pointer clause that does not end on the code is left as it is
    assert (
        asked_of("ERR-6261 again: who leads the team that gets paged for it?", "ERR-6261", owner)
        == "the Lynx team again: who leads the team that gets paged for it?"
    )
