"""Renderers, one module per kind of document; each returns `Document`s with question candidates.

Every renderer takes the `World`, the `Profile` and returns a list of documents. A fact the
questions ask about is written exactly once in the corpus (its sibling in a near-duplicate
document carries a different value), so a question's evidence is unique by construction.
"""
