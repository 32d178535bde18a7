"""Telling code from comments and docstrings: where a quoted string sits in a Python file."""

from __future__ import annotations

import math

from grader.grade.quotes import CODE, PROSE, find_quotes, prose_spans

SOURCE = [
    '"""Module docstring: "alpha beta"."""',  # 1
    "X = 'alpha beta'  # alpha beta",  # 2
    "def f():",  # 3
    '    """gamma delta',  # 4
    '    still the docstring"""',  # 5
    "    return 'gamma delta'.upper()",  # 6
    "# only here: epsilon zeta",  # 7
]


def test_comments_and_docstrings_are_prose():
    spans = prose_spans(SOURCE)
    assert spans[1] == [(0, math.inf)]  # the module docstring
    assert spans[2] == [(len("X = 'alpha beta'  "), math.inf)]  # the comment, not the literal
    assert spans[4] == spans[5] == [(0, math.inf)]  # a docstring over two lines
    assert 6 not in spans and spans[7] == [(0, math.inf)]


def test_a_string_in_code_anywhere_is_code():
    found = find_quotes({"rag/x.py": SOURCE}, {"alpha beta", "gamma delta", "epsilon zeta"})
    assert found["alpha beta"] == ("rag/x.py:2: X = 'alpha beta'  # alpha beta", CODE)
    assert found["gamma delta"] == ("rag/x.py:6: return 'gamma delta'.upper()", CODE)
    assert found["epsilon zeta"] == ("rag/x.py:7: # only here: epsilon zeta", PROSE)


def test_data_files_and_unparsable_python_are_all_code():
    assert find_quotes({"rag/d.json": ['{"# alpha": 1}']}, {"alpha"})["alpha"][1] == CODE
    assert prose_spans(["def broken(:", "# alpha"]) == {}
    assert find_quotes({"rag/b.py": ["def broken(:", "# alpha"]}, {"alpha"})["alpha"][1] == CODE
