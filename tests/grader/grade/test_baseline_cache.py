"""The baseline's index cache (grader.grade.baseline_cache): keyed by content, restored whole,
written atomically, pruned to the most recently used."""

from __future__ import annotations

import os
import stat

from exercise.judging import CallRecord, Status
from grader.grade import baseline_cache


def baseline(tmp_path, text="starter"):
    root = tmp_path / "baseline"
    (root / "rag").mkdir(parents=True, exist_ok=True)
    (root / "rag" / "pipeline.py").write_text(text, encoding="utf-8")
    return root


def test_the_key_changes_with_the_variant_the_baseline_code_and_its_threads(tmp_path):
    root = baseline(tmp_path)
    key = baseline_cache.entry_id(root, "a" * 64, threads=1)
    assert key == baseline_cache.entry_id(root, "a" * 64, threads=1)
    assert key != baseline_cache.entry_id(root, "b" * 64, threads=1)
    # a cold build's time depends on the threads it had: the build ratio divides by it
    assert key != baseline_cache.entry_id(root, "a" * 64, threads=2)
    baseline(tmp_path, "starter, edited")
    assert key != baseline_cache.entry_id(root, "a" * 64, threads=1)


def test_a_stored_work_dir_is_restored_into_a_fresh_one(tmp_path):
    work = tmp_path / "work"
    (work / "vectors").mkdir(parents=True)
    (work / "vectors" / "abc.npy").write_bytes(b"\x00" * 16)
    cache = tmp_path / "cache"
    stored = baseline_cache.store(cache, "k1", work, cold_build_s=12.5, cold_peak_rss_mib=800.0)
    assert stored is not None and stored.cold_build_s == 12.5
    assert stored.cold_peak_rss_mib == 800.0
    assert stat.S_IMODE(cache.stat().st_mode) == 0o700  # no other user reads it
    found = baseline_cache.find(cache, "k1")
    assert found is not None and found.cold_build_s == 12.5
    fresh = tmp_path / "fresh"
    fresh.mkdir()
    baseline_cache.restore(found, fresh, None)
    assert (fresh / "vectors" / "abc.npy").read_bytes() == b"\x00" * 16
    assert baseline_cache.find(cache, "missing") is None
    # a second grade storing the same entry leaves the first one as it was
    assert baseline_cache.store(cache, "k1", work, cold_build_s=99.0) is None
    assert baseline_cache.find(cache, "k1").cold_build_s == 12.5


def test_only_the_most_recently_used_entries_are_kept(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    cache = tmp_path / "cache"
    for n in range(baseline_cache.KEEP + 2):
        baseline_cache.store(cache, f"k{n}", work, cold_build_s=1.0)
        os.utime(cache / f"k{n}", (1000 + n, 1000 + n))
    baseline_cache.prune(cache)
    kept = sorted(p.name for p in cache.iterdir())
    assert len(kept) == baseline_cache.KEEP and "k0" not in kept and "k1" not in kept


def test_the_default_folder_follows_xdg_cache_home(tmp_path):
    root = baseline_cache.default_root({"XDG_CACHE_HOME": str(tmp_path)})
    assert root == tmp_path / "takehome" / "baseline"


def ok(value):
    return CallRecord(Status.OK, value=value, elapsed_ns=1_000)


def test_what_a_clean_run_returned_is_recalled_by_question_and_k(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    entry = baseline_cache.store(tmp_path / "cache", "k1", work, cold_build_s=1.0)
    assert baseline_cache.recall(entry, 5) == {}  # nothing kept yet
    failed = CallRecord(Status.TIMEOUT, reason="slow")
    kept = baseline_cache.remember(
        entry, 5, ["q1", "q2"], [ok([1]), ok([2])], [ok({"a": 1}), failed]
    )
    assert kept == 1  # a question with a call that did not return is not kept
    known = baseline_cache.recall(entry, 5)
    assert set(known) == {"q1"}
    search, answer = known["q1"]
    assert (search.status, search.value, search.elapsed_ns) == (Status.OK, [1], None)
    assert answer.value == {"a": 1}  # recalled calls carry no timing: not measured now
    assert baseline_cache.recall(entry, 10) == {}  # asked with another k
    # a later run adds what it asked to what the entry knew
    assert baseline_cache.remember(entry, 5, ["q3"], [ok([3])], [ok({})]) == 2
    assert set(baseline_cache.recall(entry, 5)) == {"q1", "q3"}
    # a run with another k replaces them
    assert baseline_cache.remember(entry, 10, ["q4"], [ok([4])], [ok({})]) == 1
    assert set(baseline_cache.recall(entry, 10)) == {"q4"}
    assert baseline_cache.recall(entry, 5) == {}


def test_an_unreadable_calls_file_recalls_nothing(tmp_path):
    work = tmp_path / "work"
    work.mkdir()
    entry = baseline_cache.store(tmp_path / "cache", "k1", work, cold_build_s=1.0)
    (entry.path / baseline_cache.CALLS_FILE).write_text("{not json", encoding="utf-8")
    assert baseline_cache.recall(entry, 5) == {}
    (entry.path / baseline_cache.CALLS_FILE).write_text('{"k": 5, "calls": []}', encoding="utf-8")
    assert baseline_cache.recall(entry, 5) == {}
