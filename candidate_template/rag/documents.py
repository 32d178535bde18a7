"""Reading the corpus: `docs/<doc_id>.md`, each document's exact text."""

from __future__ import annotations

from pathlib import Path


def load_documents(corpus_dir: Path) -> dict[str, str]:
    """doc_id → text. Read without newline translation, so offsets match the evaluation's."""
    docs = {}
    for path in sorted((Path(corpus_dir) / "docs").glob("*.md")):
        with open(path, encoding="utf-8", newline="") as handle:
            docs[path.stem] = handle.read()
    if not docs:
        raise FileNotFoundError(f"no documents found under {Path(corpus_dir) / 'docs'}")
    return docs
