"""How a variant words what it states and asks.

A pipeline can be fitted to a corpus's phrasings as well as to its names: a regular expression
for "owned by the … team", for a history line's "was in force from … until …", for a question's
"the service that raises …". The shipped wording is the one every bundle's corpus and public
questions use. The unseen wording states the same facts and asks the same questions in other
words and other date formats; the grader's unseen corpus (`grader.grade.unseen`) uses it, so a
pipeline that reads what the corpus means holds there, and one that matches its sentences does
not. Each renderer that words a fact keeps both sets of forms beside each other, and draws the
unseen form from a generator of its own, so the shipped wording's bytes and every other draw stay
as they are.
"""

from __future__ import annotations

SHIPPED = "shipped"
UNSEEN = "unseen"
WORDINGS = (SHIPPED, UNSEEN)
