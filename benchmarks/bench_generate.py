"""Corpus generation benchmark: the default variant, and 2,500 / 5,000 / 10,000 documents.

Prints a table and writes benchmarks/results/generate.json. Budgets (2 cores): default variant
≤ 2 s, 10,000 documents ≤ 30 s, memory growing linearly with the document count. Each size runs
in a fresh process so peak RSS belongs to that size alone.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CHILD = r"""
import json, resource, sys, tempfile, time
from pathlib import Path
from corpus.profile import load_profile, parse_profile
from corpus.variant import generate, write
target = int(sys.argv[1])
profile = load_profile("medium")
if target:
    data = profile.to_dict()
    fixed = len(generate(7, parse_profile({**data, "corpus": {**data["corpus"],
                "filler_documents": 0}}, default_name="big", origin="bench")).docs)
    data["corpus"]["filler_documents"] = target - fixed
    profile = parse_profile(data, default_name="big", origin="bench")
start = time.perf_counter()
variant = generate(7, profile)
generated = time.perf_counter() - start
with tempfile.TemporaryDirectory() as tmp:
    write(variant, Path(tmp) / "out")
total = time.perf_counter() - start
print(json.dumps({"documents": len(variant.docs),
                  "characters": sum(map(len, variant.docs.values())),
                  "generate_s": round(generated, 3), "generate_and_write_s": round(total, 3),
                  "peak_rss_mb": round(
                      resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}))
"""


def run(target: int) -> dict:
    result = subprocess.run(
        [sys.executable, "-c", CHILD, str(target)],
        capture_output=True,
        text=True,
        check=True,
        cwd=HERE.parent,
    )
    return json.loads(result.stdout)


def main() -> None:
    rows = [("default (medium, seed 7)", run(0))]
    rows += [(f"{n:,} documents", run(n)) for n in (2_500, 5_000, 10_000)]
    print(f"{'case':<26}{'docs':>8}{'chars':>13}{'generate s':>12}{'+write s':>10}{'peak MB':>9}")
    for name, r in rows:
        print(
            f"{name:<26}{r['documents']:>8,}{r['characters']:>13,}{r['generate_s']:>12.2f}"
            f"{r['generate_and_write_s']:>10.2f}{r['peak_rss_mb']:>9.0f}"
        )
    big = [r for _, r in rows[1:]]
    per_doc = [
        (b["peak_rss_mb"] - rows[0][1]["peak_rss_mb"]) / (b["documents"] - rows[0][1]["documents"])
        for b in big
    ]
    print("memory per extra document (MB): " + ", ".join(f"{x:.3f}" for x in per_doc))
    print(
        f"budgets: default ≤ 2 s: {rows[0][1]['generate_and_write_s'] <= 2}; "
        f"10,000 documents ≤ 30 s: {rows[-1][1]['generate_and_write_s'] <= 30}"
    )
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "generate.json").write_text(json.dumps({name: r for name, r in rows}, indent=2) + "\n")


if __name__ == "__main__":
    main()
