"""Component-swap attribution over rag/ folders (a fake run instead of a sandboxed grade)."""

from __future__ import annotations

import shutil
from types import SimpleNamespace

from grader.catalogue import SETTINGS_FILE, assemble
from grader.grade.attribution import METRICS, attribute
from tests.grader.catalogue.test_assemble import PLANTED


def _report(score: float) -> SimpleNamespace:
    """The parts of a Report attribution reads."""
    return SimpleNamespace(
        fatal=None, overall=SimpleNamespace(means=dict.fromkeys(METRICS, score)), groups={}
    )


def test_a_chunk_size_changed_in_settings_is_credited_to_chunking_and_swapped_back(tmp_path):
    baseline = tmp_path / "baseline"
    assemble(PLANTED, baseline, chunk_size=500)
    submission = tmp_path / "submission"
    shutil.copytree(baseline, submission)
    settings = submission / "rag" / SETTINGS_FILE
    settings.write_text(settings.read_text().replace("= 500", "= 300"), encoding="utf-8")
    swapped_settings = {}

    def run_hidden(root, label):
        swapped_settings[label] = (root / "rag" / SETTINGS_FILE).read_text()
        return _report(0.25)

    scratch = tmp_path / "scratch"
    scratch.mkdir()
    found = {
        c.component: c for c in attribute(submission, baseline, scratch, _report(0.75), run_hidden)
    }
    assert found["chunking"].status == "measured"
    assert found["chunking"].contribution["recall@5"] == 0.75 - 0.25
    assert {c: found[c].status for c in found if c != "chunking"} == dict.fromkeys(
        [c for c in PLANTED if c != "chunking"], "unchanged"
    )
    # the swap restored the baseline's chunker together with the settings it reads
    assert swapped_settings == {"swap-chunking": (baseline / "rag" / SETTINGS_FILE).read_text()}
