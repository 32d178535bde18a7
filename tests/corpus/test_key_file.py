"""key.json's one reader and writer (`corpus.key_file`): round trip, format, validation messages."""

from __future__ import annotations

import copy
import dataclasses
import json

import pytest

from corpus.failure_modes import COMPONENTS
from corpus.key_file import (
    HIDDEN_QUESTIONS,
    KEY_FILE,
    KEY_FORMAT,
    BundleRecord,
    KeyFile,
    KeyFileError,
    read_key_file,
    with_bundle,
)
from tests.helpers import REPO

DEFAULT_KEY = REPO / "corpus" / "default" / "key"


@pytest.fixture(scope="module")
def data() -> dict:
    """The committed default variant's key.json, as a key written by the current code looks."""
    return json.loads((DEFAULT_KEY / KEY_FILE).read_text(encoding="utf-8"))


def test_the_committed_key_reads_and_writes_back_byte_for_byte():
    raw = (DEFAULT_KEY / KEY_FILE).read_bytes()
    key = read_key_file(DEFAULT_KEY)
    assert key.to_bytes() == raw
    assert key.format == KEY_FORMAT == 1
    assert key.chunk_size == key.profile.starter.chunk_size == key.starter.chunk_size
    assert key.budgets == key.profile.budgets
    assert set(key.per_slice) and sum(key.per_slice.values()) == key.hidden_questions


def test_a_generated_key_is_what_the_record_writes(medium_dir):
    raw = (medium_dir / "key" / KEY_FILE).read_bytes()
    key = KeyFile.from_file(medium_dir / "key" / KEY_FILE)
    assert key.to_bytes() == raw
    assert KeyFile.from_dict(key.to_dict()) == key


def test_save_writes_what_from_file_reads(tmp_path, data):
    key = KeyFile.from_dict(data)
    key.save(tmp_path / KEY_FILE)
    assert KeyFile.from_file(tmp_path / KEY_FILE) == key


def test_bundle_fields_round_trip(tmp_path, data):
    key = with_bundle(
        KeyFile.from_dict(data),
        candidate="Ada",
        components={c: f"impl_{c}" for c in reversed(COMPONENTS)},
        bundle=BundleRecord("bundle.tar.gz", "ab" * 32, {"rag/chunking.py": "cd" * 32}),
        seed_source="given",
    )
    key.save(tmp_path / KEY_FILE)
    again = KeyFile.from_file(tmp_path / KEY_FILE)
    assert again == key
    assert list(again.components) == list(COMPONENTS)
    assert again.starter_components == {c: f"impl_{c}" for c in COMPONENTS}
    written = json.loads((tmp_path / KEY_FILE).read_text(encoding="utf-8"))
    assert written["bundle"] == {
        "archive": "bundle.tar.gz",
        "archive_sha256": "ab" * 32,
        "files": {"rag/chunking.py": "cd" * 32},
    }
    assert {k: written[k] for k in ("candidate", "seed_source")} == {
        "candidate": "Ada",
        "seed_source": "given",
    }


def test_a_key_without_a_bundle_names_the_profiles_starter_components(data):
    key = KeyFile.from_dict(data)
    assert key.components is None and key.bundle is None and key.candidate is None
    weaknesses = data["profile_settings"]["weaknesses"]
    assert key.starter_components == {c: weaknesses[c] for c in COMPONENTS}


def test_keys_written_before_items_were_recorded_still_load(data):
    older = {k: v for k, v in data.items() if k != "items"}
    key = KeyFile.from_dict(older)
    assert dict(key.items) == {}
    assert key.public_slices == data["public_slices"]


def test_the_record_is_read_only(data):
    key = KeyFile.from_dict(data)
    with pytest.raises(dataclasses.FrozenInstanceError):
        key.seed = 3  # type: ignore[misc]
    with pytest.raises(TypeError):
        key.public_slices["p001"] = "table"  # type: ignore[index]


def _changed(data: dict, path: str, value: object) -> dict:
    """`data` with the dotted `path` set to `value` (`...` deletes it)."""
    changed = copy.deepcopy(data)
    *parents, last = path.split(".")
    target = changed
    for part in parents:
        target = target[part]
    if value is ...:
        del target[last]
    else:
        target[last] = value
    return changed


@pytest.mark.parametrize(
    ("path", "value", "field", "advice"),
    [
        ("format", ..., "format", "records format 1"),
        ("format", 2, "format", "harness version that wrote this key"),
        ("format", True, "format", "it reads 1"),
        ("surprise", 1, "surprise", "remove it"),
        ("generator_version", "", "generator_version", "non-empty string"),
        ("variant_manifest_sha256", None, "variant_manifest_sha256", "non-empty string"),
        ("seed", -1, "seed", "non-negative integer"),
        ("seed", "7", "seed", "non-negative integer"),
        ("profile", "hard", "profile", "restore it from the bundle's key"),
        ("profile_sha256", 5, "profile_sha256", "non-empty string"),
        ("profile_settings", [], "profile_settings", "JSON object"),
        ("profile_settings.starter.chunk_size", "big", "profile_settings", "rebuild the key"),
        ("budgets", ..., "budgets", "change both copies"),
        ("judging.passage_cap", 10, "judging", "change both copies"),
        ("starter.chunk_size", 400, "starter", "change both copies"),
        ("counts", ..., "counts", "JSON object"),
        ("counts.hidden_questions", 1.5, "counts.hidden_questions", "non-negative integer"),
        ("counts.per_slice.table", "30", "counts.per_slice.table", "an integer"),
        ("files", ..., "files", "JSON object"),
        ("files", {}, f"files.{HIDDEN_QUESTIONS}", "non-empty string"),
        ("files.other", "ab", "files", "records only"),
        ("public_slices", ..., "public_slices", "JSON object"),
        ("public_slices.p001", 3, "public_slices.p001", "a string"),
        ("items", [], "items", "JSON object"),
        ("candidate", "", "candidate", "non-empty string"),
        ("seed_source", 1, "seed_source", "non-empty string"),
        ("components", {"chunking": "fixed_chars"}, "components", "one implementation for each"),
        ("bundle", {"archive": "a.tgz"}, "bundle.archive_sha256", "non-empty string"),
        (
            "bundle",
            {"archive": "a", "archive_sha256": "b", "files": {}, "x": 1},
            "bundle.x",
            "a bundle records",
        ),
    ],
)
def test_every_bad_field_is_named_with_what_to_do(data, path, value, field, advice):
    with pytest.raises(KeyFileError) as caught:
        KeyFile.from_dict(_changed(data, path, value), origin="somewhere/key.json")
    message = str(caught.value)
    assert message.startswith(f"somewhere/key.json: field {field!r}: "), message
    assert advice in message


def test_not_an_object_or_not_json_or_missing(tmp_path):
    with pytest.raises(KeyFileError, match=r"key.json: expected a JSON object, got list"):
        KeyFile.from_dict([])
    (tmp_path / KEY_FILE).write_text("{oops", encoding="utf-8")
    with pytest.raises(KeyFileError, match="is not valid JSON"):
        read_key_file(tmp_path)
    with pytest.raises(KeyFileError, match="does not exist: pass a key folder"):
        read_key_file(tmp_path / "nowhere")
