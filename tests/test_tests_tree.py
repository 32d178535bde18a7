"""The test tree's own rule: no module imports a test module or a conftest.

Shared constants, fakes and helpers live in non-test modules (`helpers.py`, `grading.py`, …):
importing a `test_*.py` module runs its module-level code a second time under another name, and
pytest imports conftest files itself (a second import makes a second copy of the module).
"""

from __future__ import annotations

from tests.helpers import REPO, import_statements

TESTS = REPO / "tests"


def imported_modules(source: str, package: str) -> set[str]:
    """Every module `source` (a module of `package`) imports, relative imports resolved;
    `from P import m` counts as both P and P.m, since m may be a module."""
    found = set()
    for module, names, _ in import_statements(source, package):
        found.add(module)
        found |= {f"{module}.{name}" for name in names}
    return found


def is_test_module(name: str) -> bool:
    last = name.rsplit(".", 1)[-1]
    return name.startswith("tests.") and (last.startswith("test_") or last == "conftest")


def test_no_module_of_the_tests_imports_a_test_module_or_a_conftest() -> None:
    offenders = set()
    for path in sorted(TESTS.rglob("*.py")):
        relative = path.relative_to(REPO)
        package = ".".join(relative.parts[:-1])
        for name in imported_modules(path.read_text(encoding="utf-8"), package):
            if is_test_module(name):
                offenders.add((relative.as_posix(), name))
    assert offenders == set()


def test_the_check_sees_every_form_of_import() -> None:
    source = (
        "import tests.grader.test_a\n"
        "from tests.grader.test_b import X\n"
        "from tests.grader import test_c, helpers\n"
        "from .test_d import Y\n"
        "from . import conftest\n"
        "from ..exercise.helpers import Z\n"
        "def later():\n"
        "    from tests.test_e import W\n"
    )
    names = {n for n in imported_modules(source, "tests.grader") if is_test_module(n)}
    assert names == {
        "tests.grader.test_a",
        "tests.grader.test_b",
        "tests.grader.test_c",
        "tests.grader.test_d",
        "tests.grader.conftest",
        "tests.test_e",
    }
    assert "tests.exercise.helpers" in imported_modules(source, "tests.grader")
