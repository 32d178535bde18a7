"""`--export-trec`: a TREC run and qrels on which trec_eval recomputes our rank metrics exactly.

Construction, per answerable question q (unanswerable questions are in neither file):
- qrels.trec has ONE relevant item, `q 0 q:evidence 1` — the question's evidence set.
- run.trec lists the top 10 returned passages as `q Q0 <docno> <rank> <score> takehome`, with
  docno `doc_id:start-end` (`#2`, `#3`, ... appended to repeats; whitespace in a doc id becomes
  `_`), except that the passage at the coverage rank r (where the last evidence span gets covered)
  is named `q:evidence`. Scores are 10, 9, ..., strictly decreasing with rank, so trec_eval's own
  tie-breaking cannot reorder the list.
- A question with no valid passage gets one placeholder line, docno `q:no-passages`: trec_eval
  averages only over questions present in the run, and leaving one out would inflate the means.
Then trec_eval's `recall_1/3/5/10`, `recip_rank` and `ndcg_cut_10` equal our recall@k, mrr@10 and
ndcg@10 per question and on average. `metrics.json` holds ours, for comparison.

That pair judges this run only: `q:evidence` names no real document, so no other run can be
scored with qrels.trec. Beside it, a document-level pair any run over the corpus's documents can
be judged with:
- qrels.docs.trec marks every evidence document of an answerable question relevant,
  `q 0 <doc_id> 1` (a multi-span question may have several);
- run.docs.trec is this run at document level: the top 10 passages' documents, each at the rank of
  its first passage (later passages of the same document dropped), the same placeholder line for a
  question with no valid passage.
Document-level figures are not the grade (a passage from the right document need not contain the
evidence span): they compare this pipeline with another retrieval system's document run.
"""

from __future__ import annotations

import json
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from exercise.retrieval import RANK_CUTOFF
from exercise.scoring import RETRIEVAL_KEYS, QuestionResult

RUN_TAG = "takehome"
RUN_FILE = "run.trec"
QRELS_FILE = "qrels.trec"
DOC_RUN_FILE = "run.docs.trec"  # the same run at document level
DOC_QRELS_FILE = "qrels.docs.trec"  # the evidence documents, for any document-level run
# Our metric key -> the measure trec_eval reports for it (`-m recall.1,3,5,10 -m recip_rank
# -m ndcg_cut.10`, then read per query with `-q`).
TREC_EVAL_MEASURES = {
    "recall@1": "recall_1",
    "recall@3": "recall_3",
    "recall@5": "recall_5",
    "recall@10": "recall_10",
    "mrr@10": "recip_rank",
    "ndcg@10": "ndcg_cut_10",
}
METRICS_FILE = "metrics.json"


def _answerable(results: Sequence[QuestionResult]) -> list[QuestionResult]:
    """The results of answerable questions: the only ones that have a ranking to judge."""
    return [result for result in results if not result.question.unanswerable]


def trec_lines(results: Sequence[QuestionResult]) -> tuple[list[str], list[str]]:
    """The run and qrels lines (without newlines) for the answerable questions of `results`."""
    run: list[str] = []
    qrels: list[str] = []
    for result in _answerable(results):
        qid = result.question.id
        relevant = f"{qid}:evidence"
        qrels.append(f"{qid} 0 {relevant} 1")
        passages = result.search.passages[:RANK_CUTOFF]
        if not passages:
            run.append(f"{qid} Q0 {qid}:no-passages 1 0 {RUN_TAG}")
            continue
        seen: dict[str, int] = {}
        for rank, passage in enumerate(passages, start=1):
            if rank == result.coverage_rank:
                docno = relevant
            else:
                docno = f"{_docno(passage.doc_id)}:{passage.start}-{passage.end}"
                seen[docno] = seen.get(docno, 0) + 1
                if seen[docno] > 1:
                    docno = f"{docno}#{seen[docno]}"
            run.append(f"{qid} Q0 {docno} {rank} {RANK_CUTOFF + 1 - rank} {RUN_TAG}")
    return run, qrels


def document_lines(results: Sequence[QuestionResult]) -> tuple[list[str], list[str]]:
    """The document-level run and qrels lines for the answerable questions of `results`."""
    run: list[str] = []
    qrels: list[str] = []
    for result in _answerable(results):
        qid = result.question.id
        for doc_id in dict.fromkeys(_docno(span.doc_id) for span in result.question.evidence):
            qrels.append(f"{qid} 0 {doc_id} 1")
        ranked = list(dict.fromkeys(_docno(p.doc_id) for p in result.search.passages[:RANK_CUTOFF]))
        if not ranked:
            run.append(f"{qid} Q0 {qid}:no-passages 1 0 {RUN_TAG}")
        for rank, doc_id in enumerate(ranked, start=1):
            run.append(f"{qid} Q0 {doc_id} {rank} {RANK_CUTOFF + 1 - rank} {RUN_TAG}")
    return run, qrels


def _docno(doc_id: str) -> str:
    return "_".join(doc_id.split())  # a TREC docno holds no whitespace


def export_trec(results: Sequence[QuestionResult], out_dir: Path, overall: dict[str, Any]) -> None:
    """Write run.trec, qrels.trec, their document-level pair and metrics.json into `out_dir`
    (each replaced atomically)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    run, qrels = trec_lines(results)
    doc_run, doc_qrels = document_lines(results)
    per_question = {
        r.question.id: {key: r.scores[key] for key in RETRIEVAL_KEYS}
        for r in results
        if r.question.answerable
    }
    metrics = {
        "metrics": {key: overall.get(key) for key in RETRIEVAL_KEYS},
        "per_question": per_question,
        "trec_eval_measures": dict(TREC_EVAL_MEASURES),
    }
    write_atomic(out_dir / RUN_FILE, "".join(line + "\n" for line in run))
    write_atomic(out_dir / QRELS_FILE, "".join(line + "\n" for line in qrels))
    write_atomic(out_dir / DOC_RUN_FILE, "".join(line + "\n" for line in doc_run))
    write_atomic(out_dir / DOC_QRELS_FILE, "".join(line + "\n" for line in doc_qrels))
    write_atomic(out_dir / METRICS_FILE, json.dumps(metrics, indent=2) + "\n")


def write_atomic(path: Path, text: str) -> None:
    """Write through a temporary file and rename, so an interrupted run leaves no half file."""
    path = Path(path)
    handle, temp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="") as out:
            out.write(text)
        os.replace(temp, path)
    except BaseException:
        Path(temp).unlink(missing_ok=True)
        raise
