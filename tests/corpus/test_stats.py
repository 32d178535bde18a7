from corpus.profile import load_profile
from corpus.stats import compute_stats


def test_medium_stats_meet_the_realism_and_overlap_bars(medium_dir):
    stats = compute_stats(medium_dir)
    # every slice medium asks (a slice added with default counts 0, such as unstated, it does not)
    assert set(stats.questions) == set(load_profile("medium").listed_slices)
    assert stats.questions["boundary"]["public"] > 0  # public slices come from the key
    # paraphrase questions share at most half as many content words as the other slices do
    assert stats.paraphrase_overlap_ratio <= 0.5
    assert stats.unique_sentence_share >= 0.85
    assert stats.distinct_words >= 3000
    # small enough for MiniLM on 2 cores (~120 sentences/s): 1,500–2,500 starter passages
    assert 1500 <= stats.starter_passages <= 2500


def test_stats_on_a_bare_variant(medium_dir):
    stats = compute_stats(medium_dir / "variant")
    assert stats.documents > 0
    assert list(stats.questions) == ["(unlabelled)"]
