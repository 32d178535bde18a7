"""Filling `{slot}` templates: the dynamic slots the generator computes, plus word lists.

`DYNAMIC_SLOTS` documents every slot the generator fills itself; any other slot must be a key of
`corpus.banks.words.WORDS`.
"""

from __future__ import annotations

DYNAMIC_SLOTS: dict[str, str] = {
    "org": "the organisation's name, e.g. Norvale",
    "person": "a full name, e.g. Priya Raman",
    "first_name": "a first name, e.g. Priya",
    "team": "a team's bare name, e.g. Falcon (write 'the {team} team')",
    "service": "a service's bare lower-case name, e.g. ledger (write 'the {service} service')",
    "product": "a product model, e.g. Aster X2",
    "city": "a city where the organisation has an office, e.g. Lisbon",
    "date": "a day and month, e.g. 14 March",
    "weekday": "a weekday, e.g. Tuesday",
    "month": "a month, e.g. March",
    "year": "a year between 2021 and 2026",
    "quarter": "a quarter, e.g. Q3",
    "time": "a time of day, e.g. 09:30",
    "n": "a small number as digits, 2 to 9",
    "count": "a number as digits, 10 to 900",
    "percent": "a percentage, e.g. 17%",
    "duration": "a duration in words, e.g. three weeks",
    "ticket": "a ticket id, e.g. OPS-4821",
    "version": "a version string, e.g. 2.14.1",
    "channel": "a chat channel, e.g. #ops-review",
}
