"""The committed default variant (corpus/default) is exactly what the generator produces.

If this fails after an intended generator change, regenerate it on purpose with `make corpus`.
"""

from corpus.validate import verify
from tests.helpers import DEFAULT_SEED, REPO

DEFAULT = REPO / "corpus" / "default"


def _files(folder):
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def test_committed_default_equals_generator_output(medium_dir, medium):
    assert medium.seed == DEFAULT_SEED
    committed, fresh = _files(DEFAULT), _files(medium_dir)
    assert sorted(committed) == sorted(fresh), "run `make corpus` to regenerate corpus/default"
    changed = [name for name in fresh if committed[name] != fresh[name]]
    assert not changed, f"{len(changed)} files differ (first: {changed[:3]}); run `make corpus`"


def test_committed_default_verifies():
    assert verify(DEFAULT) == []
