"""The HTML report in a real browser: headless Chromium renders the plots (pixels checked in the
screenshot), builds the SVGs into the DOM, and logs nothing to the console.

Skipped when Chromium is not installed (Debian: `apt-get install -y chromium`; CI installs it).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest

from grader.answer_key import load_key
from grader.reports.html import render_html
from tests.grader.reports.png import read_png

BROWSER = next((p for p in map(shutil.which, ("chromium", "chromium-browser")) if p), None)
pytestmark = pytest.mark.skipif(
    BROWSER is None, reason="chromium is not installed (apt-get install -y chromium)"
)
CONSOLE = re.compile(r":CONSOLE|Uncaught|Refused to")  # console output, script errors, CSP
WIDTH, HEIGHT = 900, 3400  # narrow enough that the three plots stack one under another (all seen)
BLUE, GREY = (37, 99, 235), (156, 163, 175)  # svg.SUBMISSION, svg.BASELINE, as drawn
# the histogram's fills at 55 % opacity: search on white, answer on white, answer over search
FILLS = ((135, 169, 244), (234, 180, 118), (180, 142, 113))
MIN_MASS = 300  # plot-coloured pixels a band needs (anti-aliased text yields a few dozen)


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    home = tmp_path / "home"
    home.mkdir(exist_ok=True)
    command = [
        BROWSER,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--hide-scrollbars",
        "--no-first-run",
        f"--user-data-dir={tmp_path / 'profile'}",
        "--enable-logging=stderr",
        "--v=0",
        *args,
    ]
    return subprocess.run(
        command,
        capture_output=True,
        text=True,
        timeout=120,
        env={"HOME": str(home), "PATH": "/usr/bin:/bin"},
        check=False,
    )


def near(image: np.ndarray, colour: tuple[int, int, int], tolerance: int) -> np.ndarray:
    return (np.abs(image[:, :, :3].astype(int) - colour) <= tolerance).all(axis=2)


def bands(rows: np.ndarray, gap: int = 40) -> list[tuple[int, int]]:
    """Runs of row indices, merged across gaps shorter than `gap`."""
    runs: list[tuple[int, int]] = []
    for row in np.flatnonzero(rows):
        if runs and row - runs[-1][1] <= gap:
            runs[-1] = (runs[-1][0], int(row))
        else:
            runs.append((int(row), int(row)))
    return runs


@pytest.fixture(scope="module")
def page(graded, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("browser") / "report.html"
    path.write_text(
        render_html(graded.report(), docs=load_key(graded.key).corpus.docs), encoding="utf-8"
    )
    return path


def test_the_plots_render_as_pixels(page, tmp_path):
    shot = tmp_path / "report.png"
    run = chromium(
        tmp_path, f"--screenshot={shot}", f"--window-size={WIDTH},{HEIGHT}", page.as_uri()
    )
    assert shot.is_file(), run.stderr[-2000:]
    assert not CONSOLE.search(run.stderr), run.stderr
    image = read_png(shot.read_bytes())[:, :, :3]
    assert image.shape[:2] == (HEIGHT, WIDTH)
    blue, grey = near(image, BLUE, 3), near(image, GREY, 3)
    fills = np.logical_or.reduce([near(image, colour, 4) for colour in FILLS])
    ink, own = blue | grey | fills, blue | fills
    # a band is a plot when it holds the submission's colours: the report's muted notes are
    # set in the baseline's grey, and a long note holds hundreds of such pixels
    plots = [b for b in bands(ink.any(axis=1)) if own[b[0] : b[1] + 1].sum() >= MIN_MASS]
    assert len(plots) == 3, plots  # recall@k, per slice, latency, top to bottom
    for top, bottom in plots:
        region = image[top - 10 : bottom + 11].astype(float).mean(axis=2)
        assert region.std() > 10  # not blank: a plain panel with a border stays below 5
        assert (np.abs(region - region[0, 0]) > 30).mean() > 0.01  # ink on >1 % of it
    (recall, slices, latency) = plots
    in_recall = np.flatnonzero(blue[recall[0] : recall[1] + 1].any(axis=0))
    assert in_recall.max() - in_recall.min() > 250  # the line runs across k = 1 … 10
    assert grey[slices[0] : slices[1] + 1].sum() > 1000  # the baseline's abstention bar
    assert blue[slices[0] : slices[1] + 1].sum() > 2000  # the submission's bars
    assert fills[latency[0] : latency[1] + 1].sum() > 500  # histogram bars


def test_the_dom_holds_the_plots_and_no_script(page, tmp_path):
    run = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert run.returncode == 0, run.stderr[-2000:]
    assert not CONSOLE.search(run.stderr), run.stderr
    dom = run.stdout
    assert sorted(re.findall(r'<svg[^>]*data-plot="(\w+)"', dom)) == ["latency", "recall", "slices"]
    assert "<script" not in dom.lower()
    assert "&lt;script&gt;document.title" in dom  # the candidate's markup stayed text


def test_the_console_check_would_see_an_error(tmp_path):
    page = tmp_path / "broken.html"
    page.write_text("<html><body><script>throw new Error('x')</script></body></html>")
    run = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert CONSOLE.search(run.stderr)


def _with_history(report: dict) -> dict:
    metrics = [(0.30, 0.05), (0.55, 0.10), (0.72, 0.40), (0.90, 0.75)]
    entries = [
        {
            "time": f"2026-11-20T10:{10 * i:02d}:00Z",
            "label": "watch",
            "questions": "public",
            "metrics": {"recall@5": r, "answer_accuracy": a, "abstention_accuracy": 0.8},
            "rag_sha256": f"{i:064x}",
            "files_changed": None if i == 0 else [f"rag/step{i}.py"],
            "fatal": None,
        }
        for i, (r, a) in enumerate(metrics)
    ]
    history = {
        "status": "submitted",
        "summary": "4 evaluations over 30 min",
        "entries": entries,
        "last_matches_submission": True,
    }
    return {**report, "history": history}


def test_the_debugging_trail_renders_its_chart(graded, tmp_path):
    page = tmp_path / "trail.html"
    page.write_text(render_html(_with_history(graded.report())), encoding="utf-8")
    run = chromium(tmp_path, "--dump-dom", page.as_uri())
    assert run.returncode == 0 and not CONSOLE.search(run.stderr), run.stderr[-2000:]
    assert 'data-plot="trail"' in run.stdout
    assert "rag/step3.py" in run.stdout and "4 evaluations over 30 min" in run.stdout
    alone = tmp_path / "alone.html"  # the section on its own page, to find its pixels
    section = re.search(r"<section><h2>Debugging trail.*?</section>", page.read_text(), re.S)
    alone.write_text(f"<html><body>{section.group(0)}</body></html>", encoding="utf-8")
    shot = tmp_path / "trail.png"
    chromium(tmp_path, f"--screenshot={shot}", "--window-size=900,700", alone.as_uri())
    image = read_png(shot.read_bytes())[:, :, :3]
    blue = near(image, BLUE, 3)
    columns = np.flatnonzero(blue.any(axis=0))
    assert blue.sum() > 300 and columns.max() - columns.min() > 400  # the line spans the runs


def test_without_a_history_the_page_says_so(graded):
    page = render_html(graded.report())
    assert "no history submitted" in page and 'data-plot="trail"' not in page
