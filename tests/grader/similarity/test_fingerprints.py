"""Winnowed fingerprints: blind to names, literals, comments, layout and function order."""

from __future__ import annotations

from grader.catalogue import CATALOGUE_DIR
from grader.similarity.fingerprints import WINDOW, K, fingerprints, tokens
from tests.grader.similarity.helpers import disguised

SOURCE = (CATALOGUE_DIR / "chunking" / "reference.py").read_text(encoding="utf-8")


def test_names_literals_comments_and_layout_do_not_count():
    plain = "def f(a, b):\n    return a + b * 2  # sum\n"
    other = "def g(\n    x,\n    y,\n):\n\n    return (x+y*7)\n"
    assert [t.text for t in tokens(plain)] == [t.text for t in tokens(other)]
    assert [t.text for t in tokens('x = "a"')] == [t.text for t in tokens("y = ('b' 'c')")]


def test_a_disguised_copy_keeps_most_fingerprints():
    original = fingerprints(SOURCE, "a.py")
    copy = fingerprints(disguised(SOURCE), "b.py")
    assert len(original) > 50
    shared = original.keys() & copy.keys()
    # only the runs across the moved functions' boundaries are lost (about a fifth here)
    assert len(shared) / len(original) >= 0.7, (len(shared), len(original))


def test_different_code_shares_little():
    other = (CATALOGUE_DIR / "retrieval" / "reference.py").read_text(encoding="utf-8")
    a, b = fingerprints(SOURCE, "a.py"), fingerprints(other, "b.py")
    assert len(a.keys() & b.keys()) / min(len(a), len(b)) < 0.1


def test_a_shared_run_of_k_plus_window_tokens_always_shows():
    body = "total = first + second * third - fourth / fifth\n" * 3
    left = "import os\nprint(os.sep)\n" + body + "done = 1\n"
    right = "value = [1, 2, 3]\nwhile value:\n    value.pop()\n" + body
    assert len(tokens(body)) >= K + WINDOW - 1
    assert fingerprints(left, "l.py").keys() & fingerprints(right, "r.py").keys()


def test_places_name_the_file_and_lines_and_bad_code_still_counts_what_was_read():
    found = fingerprints(SOURCE, "rag/chunking.py")
    place = next(iter(found.values()))
    assert place.path == "rag/chunking.py" and 1 <= place.first_line <= place.last_line
    broken = SOURCE + "\ndef broken(:\n    (\n"
    assert fingerprints(broken, "x.py").keys() >= set(list(found)[:10])
    assert fingerprints("x = 1", "tiny.py") == {}
