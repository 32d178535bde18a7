"""Building a bundle: layout, what must never be inside, determinism, atomic writes."""

from __future__ import annotations

import hashlib
import io
import json
import re
import tarfile
from pathlib import Path

import pytest

from corpus.profile import load_profile
from corpus.validate import verify
from grader.bundle import build as bundle_module
from grader.bundle.build import (
    BundleError,
    build_bundle,
    check_candidate_name,
    cold_build_text,
    default_out_dir,
    render,
)
from grader.catalogue import CATALOGUE_DIR, CatalogueError, registry
from tests.grader.bundle.helpers import HARNESS_WORDS, TELLTALE, read_files, read_texts
from tests.grader.catalogue.helpers import PLANTED
from tests.grader.grading import CANDIDATE
from tests.helpers import DEFAULT_SEED


@pytest.fixture(scope="module")
def out(bundle_out) -> Path:
    return bundle_out[0]


@pytest.fixture(scope="module")
def key(out) -> dict:
    return json.loads((out / "key" / "key.json").read_text(encoding="utf-8"))


def test_the_output_holds_the_bundle_its_archive_and_the_key(out):
    assert sorted(p.name for p in out.iterdir()) == ["bundle", "bundle.tar.gz", "key"]
    assert sorted(p.name for p in (out / "key").iterdir()) == ["key.json", "questions", "variant"]
    assert [p.name for p in (out / "key" / "questions").iterdir()] == ["hidden.jsonl"]
    top = sorted(p.name for p in (out / "bundle").iterdir())
    assert top == [
        ".gitignore", "Makefile", "NOTES.md", "README.md", "corpus", "exercise",
        "pyproject.toml", "rag", "scripts", "tests",
    ]  # fmt: skip
    assert sorted(p.name for p in (out / "bundle" / "corpus").iterdir()) == [
        "docs", "manifest.json", "questions",
    ]  # fmt: skip
    assert [p.name for p in (out / "bundle" / "corpus" / "questions").iterdir()] == ["public.jsonl"]


def test_rag_is_the_template_plus_the_profiles_components(out):
    rag = out / "bundle" / "rag"
    for component, name in PLANTED.items():
        source = (CATALOGUE_DIR / component / f"{name}.py").read_bytes()
        assert (rag / f"{component}.py").read_bytes() == source
    assert {"__init__.py", "records.py", "documents.py", "pipeline.py"} <= {
        p.name for p in rag.iterdir()
    }


def test_the_exercise_copy_is_the_packages_python_files_and_readme(out):
    package = Path(bundle_module.exercise.__file__).parent
    shipped = read_files(out / "bundle" / "exercise")
    expected = {p.name: p.read_bytes() for p in package.glob("*.py")}
    expected["README.md"] = (package / "README.md").read_bytes()
    assert shipped == expected


def test_the_key_and_the_shipped_corpus_verify_together(out, tmp_path):
    (tmp_path / "variant").symlink_to(out / "bundle" / "corpus")
    (tmp_path / "key").symlink_to(out / "key")
    assert verify(tmp_path) == []
    assert read_files(out / "key" / "variant") == read_files(out / "bundle" / "corpus")


def test_the_key_records_candidate_components_and_the_bundles_hashes(out, key):
    assert key["candidate"] == CANDIDATE
    assert key["components"] == PLANTED
    archive = (out / "bundle.tar.gz").read_bytes()
    assert key["bundle"]["archive_sha256"] == hashlib.sha256(archive).hexdigest()
    files = key["bundle"]["files"]
    assert "rag/chunking.py" in files and not any(f.startswith("corpus/") for f in files)
    for rel, digest in files.items():
        assert hashlib.sha256((out / "bundle" / rel).read_bytes()).hexdigest() == digest
    manifest = (out / "bundle" / "corpus" / "manifest.json").read_bytes()
    assert key["variant_manifest_sha256"] == hashlib.sha256(manifest).hexdigest()


def test_no_hidden_question_text_is_in_the_bundle(out):
    hidden = [
        json.loads(line)
        for line in (out / "key" / "questions" / "hidden.jsonl").read_text().splitlines()
    ]
    assert len(hidden) > 100
    texts = read_texts(out / "bundle")
    everything = "\n".join(texts.values())
    leaked = [q["text"] for q in hidden if q["text"] in everything]
    assert leaked == []


def test_no_key_candidate_selection_or_catalogue_in_the_bundle(out):
    files = read_files(out / "bundle")
    texts = read_texts(out / "bundle")
    names = [
        rel
        for rel in files
        if re.search(r"(^|/)(key|key\.json|hidden\.jsonl)(/|$)|reference|catalogue", rel)
    ]
    assert names == []
    everything = "\n".join(texts.values())
    assert CANDIDATE not in everything and "Qxzvlace" not in everything
    # implementation names (only distinctive ones: "none" and "reference" are English words)
    for component, names in registry().items():
        for name in (n for n in names if "_" in n):
            assert name not in everything, f"{component} implementation name {name!r} leaked"
    # no catalogue module other than the chosen ones, byte for byte
    chosen = {CATALOGUE_DIR / c / f"{n}.py" for c, n in PLANTED.items()}
    shipped = set(files.values())
    for path in sorted(CATALOGUE_DIR.glob("*/*.py")):
        if path not in chosen:
            assert path.read_bytes() not in shipped, f"{path.name} of {path.parent.name} shipped"


def test_no_harness_words_outside_the_corpus(out):
    for rel, text in read_texts(out / "bundle", skip=("corpus/",)).items():
        found = HARNESS_WORDS.search(text)
        assert found is None, f"{rel}: {found.group(0)!r}"


def test_no_telltale_words_in_any_text_file_outside_the_exercise_package(out):
    for rel, text in read_texts(out / "bundle", skip=("exercise/",)).items():
        found = TELLTALE.search(text)
        assert found is None, f"{rel}: {found.group(0)!r}"


def test_no_telltale_words_in_the_shipped_exercise_package(out):
    for rel, text in read_texts(out / "bundle" / "exercise").items():
        found = TELLTALE.search(text)
        assert found is None, f"exercise/{rel}: {found.group(0)!r}"


def test_the_brief_is_rendered_from_the_profile(out):
    readme = " ".join((out / "bundle" / "README.md").read_text(encoding="utf-8").split())
    makefile = (out / "bundle" / "Makefile").read_text(encoding="utf-8")
    for text in (readme, makefile):
        assert "{{" not in text and "}}" not in text
    budgets = load_profile("medium").budgets
    assert "about 3 hours" in readme
    assert f"{budgets.latency_p95_ms:g} ms" in readme and "3,072 MB" in readme
    # the whole-run budget is stated beside the build limit it must exceed
    assert budgets.run_timeout_s > budgets.build_timeout_s
    assert f"restarts included | {budgets.run_timeout_s:,} s;" in readme
    assert "first **1,500 characters**" in readme and "at most **300 characters**" in readme
    counts = json.loads((out / "bundle/corpus/manifest.json").read_text(encoding="utf-8"))["counts"]
    assert f"{counts['documents']} Markdown documents" in readme
    assert f"{counts['public_questions']} public questions" in readme
    assert "export BUILD_TIMEOUT_S := 600\n" in makefile
    assert "export QUERY_TIMEOUT_S := 10\n" in makefile
    cold = cold_build_text(counts["characters"])  # the starter's cold build for this corpus
    assert f"this corpus takes about **{cold}** on 2 cores" in readme
    assert f"embeds the whole corpus (about {cold} on 2 cores)" in readme


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(4, "10 seconds"), (34, "30 seconds"), (54, "50 seconds"), (56, "1 minute"),
     (100, "1½ minutes"), (120, "2 minutes"), (254, "4 minutes"), (256, "4½ minutes")],
)  # fmt: skip
def test_the_cold_build_is_worded_to_ten_seconds_then_half_minutes(monkeypatch, seconds, text):
    monkeypatch.setattr(bundle_module, "COLD_BUILD_FIXED_S", 0.0)
    monkeypatch.setattr(bundle_module, "COLD_BUILD_S_PER_CHAR", 1e-6)  # a second per million
    assert cold_build_text(seconds * 1_000_000) == text


def test_the_archive_holds_exactly_the_bundle_folder(out):
    with tarfile.open(fileobj=io.BytesIO((out / "bundle.tar.gz").read_bytes())) as tar:
        archived = {
            m.name.removeprefix("bundle/"): tar.extractfile(m).read()
            for m in tar.getmembers()
            if m.isfile()
        }
    assert archived == read_files(out / "bundle")


def test_two_builds_give_the_same_archive(bundle_out, tmp_path):
    out, result = bundle_out
    again = build_bundle(load_profile("medium"), DEFAULT_SEED, CANDIDATE, tmp_path / "again")
    assert again.archive_sha256 == result.archive_sha256
    first = (out / "bundle.tar.gz").read_bytes()
    assert hashlib.sha256(first).hexdigest() == again.archive_sha256


def test_another_candidate_and_seed_give_another_corpus(bundle_out, tmp_path):
    out, result = bundle_out
    other = build_bundle(load_profile("medium"), DEFAULT_SEED + 1, "Grace", tmp_path / "o")
    assert other.archive_sha256 != result.archive_sha256
    assert (tmp_path / "o" / "bundle" / "rag" / "pipeline.py").read_bytes() == (
        out / "bundle" / "rag" / "pipeline.py"
    ).read_bytes()


def test_the_profiles_chunk_size_reaches_the_shipped_chunker(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text("[starter]\nchunk_size = 400\n", encoding="utf-8")
    build_bundle(load_profile(path), 3, "Grace", tmp_path / "out")
    rag = tmp_path / "out" / "bundle" / "rag"
    assert "\nfrom .settings import CHUNK_SIZE\n" in (rag / "chunking.py").read_text("utf-8")
    assert "\nCHUNK_SIZE = 400  #" in (rag / "settings.py").read_text(encoding="utf-8")


def test_an_existing_output_is_replaced_only_with_force(tmp_path):
    profile = load_profile("medium")
    out = tmp_path / "out"
    build_bundle(profile, 1, "Grace", out)
    with pytest.raises(BundleError, match="already exists; pass --force"):
        build_bundle(profile, 2, "Grace", out)
    result = build_bundle(profile, 2, "Grace", out, force=True)
    assert json.loads((out / "key" / "key.json").read_text())["seed"] == 2
    assert result.out == out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]  # no staging left behind


def test_a_folder_holding_other_files_is_never_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "thesis.tex").write_text("precious", encoding="utf-8")
    with pytest.raises(BundleError, match="holds files other than"):
        build_bundle(load_profile("medium"), 1, "Grace", out, force=True)
    assert (out / "thesis.tex").read_text(encoding="utf-8") == "precious"


def test_a_failure_midway_leaves_nothing_behind(tmp_path, monkeypatch):
    def broken(*args, **kwargs):
        raise OSError("disk full")

    monkeypatch.setattr(bundle_module, "tar_gz_bytes", broken)
    with pytest.raises(OSError, match="disk full"):
        build_bundle(load_profile("medium"), 1, "Grace", tmp_path / "out")
    assert list(tmp_path.iterdir()) == []


def test_an_unknown_implementation_in_the_profile_fails_before_any_work(tmp_path):
    path = tmp_path / "ours.toml"
    path.write_text('[weaknesses]\nembedding = "hashing"\n', encoding="utf-8")
    with pytest.raises(CatalogueError, match="unknown embedding implementation 'hashing'"):
        build_bundle(load_profile(path), 1, "Grace", tmp_path / "out")
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("name", ["", "   ", "tab\there", "x" * 201])
def test_candidate_names_must_be_printable_and_short(name):
    with pytest.raises(BundleError, match="candidate name"):
        check_candidate_name(name)


def test_default_output_folder_is_named_after_the_candidate():
    assert default_out_dir("  Ada Lovelace-Byron ") == Path("bundles/ada-lovelace-byron")
    with pytest.raises(BundleError, match="pass --out"):
        default_out_dir("!!!")


def test_rendering_refuses_unknown_placeholders():
    assert render("{{ a }} and {{b}}", {"a": "1", "b": "2"}, source="x") == "1 and 2"
    with pytest.raises(BundleError, match=r"x: unknown placeholder \{\{c\}\}; known: a"):
        render("{{c}}", {"a": "1"}, source="x")
    with pytest.raises(BundleError, match="malformed placeholder"):
        render("{{ not closed", {}, source="x")
