"""Helpers for the similarity tests: a disguised copy of some code, and a round of reports."""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path


class _Rename(ast.NodeTransformer):
    """Every name defined in the module gets another spelling."""

    def visit_Name(self, node):
        node.id = f"{node.id}_x"
        return node

    def visit_arg(self, node):
        node.arg = f"{node.arg}_x"
        return node

    def visit_FunctionDef(self, node):
        self.generic_visit(node)
        node.name = f"{node.name}_x"
        return node


def disguised(source: str) -> str:
    """The same code renamed, with its functions in reverse order, reformatted, no comments."""
    tree = _Rename().visit(ast.parse(source))
    functions = [n for n in tree.body if isinstance(n, ast.FunctionDef)]
    others = [n for n in tree.body if not isinstance(n, ast.FunctionDef)]
    tree.body = others + functions[::-1]
    return ast.unparse(ast.fix_missing_locations(tree))


def round_of(
    folder: Path, bundle: Path, key: Path, changes: dict[str, dict[str, str]]
) -> dict[str, Path]:
    """A graded round in `folder`: per name, a submission (the bundle's code with `changes`,
    relative path -> text, written over it) and `<name>/report.json` naming it and `key`.
    Returns name -> the report's path."""
    reports = {}
    for name, files in changes.items():
        submission = folder / "submissions" / name
        shutil.copytree(bundle / "rag", submission / "rag")
        for rel, text in files.items():
            (submission / rel).parent.mkdir(parents=True, exist_ok=True)
            (submission / rel).write_text(text, encoding="utf-8")
        report = {
            "kind": "grade",
            "submission": {"source": str(submission), "kind": "directory"},
            "key": {"root": str(key), "profile": "medium"},
            "integrity": [{"check": "tests", "severity": "info", "title": "kept"}],
        }
        path = folder / "round" / name / "report.json"
        path.parent.mkdir(parents=True)
        path.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        reports[name] = path
    return reports
