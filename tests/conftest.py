"""Shared fixtures: one generated medium variant per session (generation takes about a second).

`make test` runs the suite in two passes: every test but the `serial` ones on two workers
(pytest-xdist, a file's tests together on one worker), then the `serial` ones alone. A test is
`serial` when it times calls against limits or loads the machine on purpose (the sandboxes, the
container backend, the paired latency phase): beside another worker it would measure that
worker's load, not the grader.

A grade's latency phase reads how busy the rest of the host is and, when it is, waits for it to
quieten and asks again (`grader.grade.host_cpu`). In tests the host is whatever else runs (the
other worker, the developer's editor), so the phase reads nothing there ("could not be
measured": nothing is asked again) unless a test is marked `real_host`; tests of the reading
itself are, and the paired-latency tests give it made-up readings.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from corpus.profile import load_profile
from corpus.variant import Variant, generate, write
from grader.grade import host_cpu
from tests.helpers import DEFAULT_SEED

# folders and files whose tests are `serial` (above)
SERIAL = (
    "tests/grader/sandbox/",
    "tests/grader/gradescope/test_container.py",
    "tests/grader/grade/test_paired_latency.py",
    "tests/grader/grade/test_host_cpu.py",
)


REAL_HOST_READ = host_cpu.read


@pytest.fixture(scope="session", autouse=True)
def _host_load_unread() -> Iterator[None]:
    # session-wide, so that module and session fixtures that grade read no load either
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(host_cpu, "read", lambda *args, **kwargs: None)
        yield


@pytest.fixture(autouse=True)
def _real_host(request, monkeypatch) -> None:
    if request.node.get_closest_marker("real_host") is not None:
        monkeypatch.setattr(host_cpu, "read", REAL_HOST_READ)


@pytest.hookimpl(tryfirst=True)  # before `-m` selects by marker
def pytest_collection_modifyitems(config, items) -> None:
    root = Path(config.rootpath)
    for item in items:
        if Path(item.path).relative_to(root).as_posix().startswith(SERIAL):
            item.add_marker(pytest.mark.serial)


@pytest.fixture(scope="session")
def medium() -> Variant:
    return generate(DEFAULT_SEED, load_profile("medium"))


@pytest.fixture(scope="session")
def medium_dir(medium, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("medium") / "out"
    write(medium, out)
    return out
