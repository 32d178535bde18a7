"""Shared fixtures: one generated medium variant per session (generation takes about a second).

The suite runs on two workers (`-n 2`, pytest-xdist, `--dist loadgroup`): what measures time
against a limit, or loads the machine on purpose (the sandboxes, the container backend, the
paired latency phase), runs on one worker in file order (`SERIAL`); every other file's tests stay
together on one worker (its module fixtures are made once), beside them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.profile import load_profile
from corpus.variant import Variant, generate, write
from tests.helpers import DEFAULT_SEED


# folders and files whose tests share one worker: they time calls against limits or storm the
# machine, and two of them at once would measure each other
SERIAL = (
    "tests/grader/sandbox/",
    "tests/grader/gradescope/test_container.py",
    "tests/grader/grade/test_paired_latency.py",
)


def pytest_collection_modifyitems(config, items) -> None:
    root = Path(config.rootpath)
    for item in items:
        where = Path(item.path).relative_to(root).as_posix()
        group = "serial" if where.startswith(SERIAL) else where
        item.add_marker(pytest.mark.xdist_group(group))


@pytest.fixture(scope="session")
def medium() -> Variant:
    return generate(DEFAULT_SEED, load_profile("medium"))


@pytest.fixture(scope="session")
def medium_dir(medium, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("medium") / "out"
    write(medium, out)
    return out
