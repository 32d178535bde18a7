"""The published description of `report.json`: typed models, and the JSON Schema made from them.

`grader.grade.report_file` writes the report as a dict; the models here say what each field holds
(its type, its range, whether it may be null), so a report can be checked before anything renders
it. `takehome report` validates its input with `validate_report` and names the first violation;
`docs/report.schema.json` is `json_schema()` written out (`make goldens` regenerates it, and a test
fails when the committed file differs), for other tools that read reports.

Every field the grader writes is described. Fields the models do not name are allowed, so a
report from a newer grader that adds a section still validates; a field that is named must hold
what the model says. Values are checked strictly (no string is read as a number, no 0 as false),
and numbers must be finite. Metric, status and severity names come from the modules that define
them (`exercise.scoring`, `exercise.judging`, `grader.grade.integrity`, …), not typed here.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from exercise.judging import Status
from exercise.scoring import METRIC_KEYS
from grader.diagnosis import VERDICTS
from grader.grade.integrity import SEVERITIES
from grader.grade.submission_history import STATUSES as HISTORY_STATUSES
from grader.placement import PLACES

REPORT_SCHEMA = 1  # the report's "schema" field; report_file re-exports it
SCHEMA_FILE = Path("docs") / "report.schema.json"  # where the repository keeps json_schema()


class Model(BaseModel):
    """Strict, finite, open to fields a newer grader adds."""

    model_config = ConfigDict(extra="allow", strict=True, allow_inf_nan=False, frozen=True)


Share = Annotated[float, Field(ge=0.0, le=1.0)]  # a metric: a share of questions
Difference = Annotated[float, Field(ge=-1.0, le=1.0)]  # of two shares
Amount = Annotated[float, Field(ge=0.0)]  # seconds, milliseconds, MiB, a ratio
Count = Annotated[int, Field(ge=0)]
Excess = Annotated[float, Field(ge=-2.0, le=2.0)]  # a difference of two differences
Interval = Annotated[list[Share], Field(min_length=2, max_length=2)]
DifferenceInterval = Annotated[list[Difference], Field(min_length=2, max_length=2)]
StatusName = Literal[tuple(s.value for s in Status)]  # type: ignore[valid-type]
Severity = Literal[SEVERITIES]  # type: ignore[valid-type]
Verdict = Literal[VERDICTS]  # type: ignore[valid-type]
HistoryStatus = Literal[HISTORY_STATUSES]  # type: ignore[valid-type]
Place = Literal[PLACES]  # type: ignore[valid-type]


def _field_name(key: str) -> str:
    return key.replace("@", "_at_")


# One field per fixed metric key (DESIGN.md), each a share or null: a question's scores, and the
# means of a set of questions (which also carry "n").
Scores = create_model(
    "Scores",
    __base__=Model,
    __doc__="One question's value per metric; null: the metric does not apply to it.",
    **{_field_name(k): (Share | None, Field(alias=k)) for k in METRIC_KEYS},
)
Metrics = create_model(
    "Metrics",
    __base__=Scores,
    __doc__="Means per metric over a set of questions (null: no question supports it), and n.",
    n=(Count, Field(description="questions in the set")),
)


class Group(Model):
    """A set of questions: the means, their 95% bootstrap intervals, how many each is over."""

    metrics: Metrics
    ci95: dict[str, Interval | None]
    support: dict[str, Count]


class OpLatency(Model):
    calls: Count
    failed: Count
    p50_ms: Amount | None
    p95_ms: Amount | None
    p99_ms: Amount | None
    mean_ms: Amount | None = None
    max_ms: Amount | None = None


class Latency(Model):
    build_s: Amount | None
    ops: dict[str, OpLatency]
    peak_rss_mib: Amount | None
    restarts: Count = 0
    percentile_method: str = ""


class ErrorInfo(Model):
    type: str
    message: str
    traceback: str = ""


class Fatal(Model):
    """Why the run could not start (every question is then not_run)."""

    stage: str
    status: StatusName
    reason: str
    error: ErrorInfo | None = None
    log_tail: str | None = None


class Public(Model):
    """The same run on the public questions (the ones the candidate had)."""

    overall: Group
    answerability: dict[str, Group] | None = None
    slices: dict[str, Group]
    statuses: dict[str, Count] | None = None


class Run(Model):
    """One run's results on the hidden questions (the submission's sit at the top level)."""

    fatal: Fatal | None
    statuses: dict[str, Count]
    overall: Group
    answerability: dict[str, Group] | None = Field(
        default=None, description="the means over the answerable and the unanswerable questions"
    )
    slices: dict[str, Group]
    latency: Latency
    public: Public | None = None


class Submission(Model):
    source: str
    kind: str
    sha256: str | None = None
    git_commit: str | None = None


class Key(Model):
    root: str | None = None
    candidate: str | None = None
    profile: str
    variant_manifest_sha256: str | None = None
    generator_version: str | None = None


class Isolation(Model):
    backend: str
    isolated: bool
    limits: dict[str, Any] = {}


class Judging(Model):
    passage_cap: Annotated[int, Field(ge=1)]
    answer_cap: Annotated[int, Field(ge=1)]


RatioInterval = Annotated[list[Amount], Field(min_length=2, max_length=2)]


class LoadAverage(Model):
    """The host's 1-minute load average, sampled at the latency phase's start and each round's
    end (os.getloadavg)."""

    one_minute_mean: Amount | None
    one_minute_max: Amount | None
    samples: Count
    cpus: Count | None = None


class LatencyPair(Model):
    """One measured pair: the same question's first call of `op` to each child."""

    op: str
    question: str
    round: Count
    submission_ms: Amount
    baseline_ms: Amount


class LatencyPhase(Model):
    """The paired latency phase (grader/grade/latency_phase.py): both children alive, calls
    alternating on a fixed sample; absent figures when it did not run (note says why)."""

    ran: bool
    note: str
    method: str | None = None
    p50_estimate: str | None = Field(
        default=None,
        description="what p50 is: 'hodges-lehmann' (the paired ratios' centre); absent: their "
        "median",
    )
    rounds: Count | None = None
    questions: Count | None = None
    pairs: dict[str, Count] | None = None
    ratios: dict[str, Amount | None] | None = None
    ci95: dict[str, RatioInterval | None] | None = None
    load_average: LoadAverage | None = None
    seed: int | None = None
    resamples: Count | None = None
    timings: list[LatencyPair] | None = Field(
        default=None, description="every pair the figures were computed from, in asking order"
    )
    others_cores: Amount | None = Field(
        default=None,
        description="CPU other processes than the grade's used during the phase, in cores",
    )
    attempts: Annotated[int, Field(ge=1)] | None = Field(
        default=None, description="2: asked again on fresh questions after a busy first attempt"
    )
    baseline_threads: Annotated[int, Field(ge=1)] | None = Field(
        default=None,
        description="the size of the baseline's thread pools (OMP_NUM_THREADS and the like); "
        "absent: the sandbox's CPU budget, as the submission's",
    )


class BaselineBuild(Model):
    build_s: Amount | None = Field(description="the baseline build the build ratio divides by")
    peak_rss_mib: Amount | None = Field(
        default=None, description="the baseline peak memory the memory ratio divides by"
    )
    cache: str = Field(description="what the baseline's index cache did")


class Comparison(Model):
    metric_delta: dict[str, Difference | None]
    latency_ratio: dict[str, Amount | None]
    latency_ratio_ci95: dict[str, RatioInterval | None] | None = Field(
        default=None, description="95% bootstrap interval of each paired ratio (null: unpaired)"
    )
    latency_phase: LatencyPhase | None = None
    baseline_build: BaselineBuild | None = None


class DiagnosisRow(Model):
    area: str
    slice: str
    metric: str
    n: Count
    submission: Share | None
    baseline: Share | None
    delta: Difference | None
    ci95: DifferenceInterval | None
    verdict: Verdict | None


class PlacementRow(Model):
    area: str
    slice: str
    metric: str
    n: Count
    starter: Share | None
    sound: Share
    reference: Share
    submission: Share | None
    place: Place | None


class PlacementCalibration(Model):
    profile: str | None = None
    seeds: list[int] | None = None
    generator_version: str | None = None


class Placement(Model):
    calibration: PlacementCalibration | None = Field(
        description="the calibration the sound and reference figures come from, or null"
    )
    reason: str = Field(default="", description="why there is no placement (no calibration)")
    margin: Share
    rows: list[PlacementRow] = []


class Diagnosis(Model):
    method: str = ""
    fixed_at: Share | None = None
    areas: dict[str, Verdict | None]
    area_slices: dict[str, list[str]] | None = None
    rows: list[DiagnosisRow]
    placement: Placement | None = None


class Component(Model):
    component: str
    status: str = Field(description="measured, unchanged or not attributable (reason says why)")
    reason: str = ""
    swapped: dict[str, Share | None] | None = None
    contribution: dict[str, Difference | None] | None = None
    slices: dict[str, Difference | None] | None = None


class Attribution(Model):
    note: str | None = None
    components: list[Component] | None = None
    sum_measured: dict[str, float | None] | None = Field(
        default=None, description="per metric, the measured contributions added up"
    )
    whole_lift: dict[str, Difference | None] | None = Field(
        default=None, description="per metric, the submission minus the starter"
    )


class Finding(Model):
    check: str
    severity: Severity
    title: str
    detail: str = ""
    evidence: list[str] = []


class RunTiming(Model):
    wall_s: Amount
    candidate_s: Amount


class Timing(Model):
    wall_s: Amount | None = None
    runs: dict[str, RunTiming] = {}
    candidate_s: Amount | None = None
    harness_s: Amount | None = None
    harness_share: Share | None = None
    note: str = ""


class HistoryEntry(Model):
    time: str | None = None
    label: str | None = None
    questions: str | None = None
    metrics: dict[str, float | None] = {}
    rag_sha256: str | None = None
    files_changed: list[str] | None = None
    fatal: str | None = None


class History(Model):
    status: HistoryStatus
    summary: str
    entries: list[HistoryEntry] = []
    last_matches_submission: bool | None = None


class Span(Model):
    doc_id: str
    start: Count
    end: Count


class Passage(Span):
    score: float | None = None


class SearchCall(Model):
    status: StatusName
    reason: str = ""
    elapsed_ms: Amount | None = None
    passages: list[Passage]
    error: ErrorInfo | None = None


class AnswerCall(Model):
    status: StatusName
    reason: str = ""
    elapsed_ms: Amount | None = None
    text: str | None
    citations: list[Span]
    error: ErrorInfo | None = None


class BaselineQuestion(Model):
    status: StatusName
    coverage_rank: Annotated[int, Field(ge=1)] | None
    scores: Scores


class Question(Model):
    """One hidden question: what was asked and expected, what came back, how it scored."""

    id: str
    text: str
    expected_answer: str
    evidence: list[Span]
    unanswerable: bool
    labels: dict[str, Any] = {}
    slice: str | None = None
    item: str | None = None
    status: StatusName
    reason: str = ""
    coverage_rank: Annotated[int, Field(ge=1)] | None
    scores: Scores
    search: SearchCall
    answer: AnswerCall
    baseline: BaselineQuestion | None = None


class PreviousGrade(Model):
    created: str | None = None
    harness: dict[str, Any] | None = None
    metrics: dict[str, Share | None] = {}
    areas: dict[str, Verdict | None] = {}


class UnseenSlice(Model):
    slice: str
    metric: str
    shipped: Share | None = None
    unseen: Share | None = None
    n_shipped: Count
    n_unseen: Count
    drop: Difference | None = None
    baseline_drop: Difference | None = None


class Unseen(Model):
    """The same pipelines on an unseen variant of the key's profile (grader/grade/unseen.py);
    only `note` when it did not run."""

    note: str
    seed: int | None = None
    manifest_sha256: str | None = None
    documents: Count | None = None
    questions: Count | None = None
    margin: Difference | None = None
    headline: dict[str, Share] | None = None
    drop: Difference | None = None
    drop_ci95: DifferenceInterval | None = None
    baseline_drop: Difference | None = None
    baseline_drop_ci95: DifferenceInterval | None = None
    excess: Excess | None = None  # a drop minus a drop
    excess_ci95: Annotated[list[Excess], Field(min_length=2, max_length=2)] | None = None
    slices: list[UnseenSlice] = []


class GradeReport(Run):
    """report.json: one grade of one submission (`takehome grade` writes it)."""

    model_config = ConfigDict(title="report.json", json_schema_extra={"$id": "report.schema.json"})

    schema_: Literal[REPORT_SCHEMA] = Field(alias="schema")  # type: ignore[valid-type]
    kind: Literal["grade"]
    created: str
    harness: dict[str, str | None] = {}
    submission: Submission
    key: Key
    isolation: Isolation
    environment: dict[str, Any] = {}
    k: Annotated[int, Field(ge=1)]
    judging: Judging
    baseline: Run | None
    baseline_note: str | None = None
    comparison: Comparison | None
    diagnosis: Diagnosis
    attribution: Attribution | None = None
    unseen: Unseen | None = Field(
        default=None, description="absent in reports of graders before the unseen corpus"
    )
    integrity: list[Finding]
    timing: Timing | None = None
    logs: dict[str, str] = {}
    notes: str | None = None
    history: History | None = None
    previous: list[PreviousGrade] = Field(
        default=[], description="earlier grades of this submission, oldest first (regrade)"
    )
    questions: list[Question]


def validate_report(report: object) -> list[str]:
    """The report's violations of the models, first first ("questions[3].scores.recall@5: Input
    should be less than or equal to 1 (got 1.5)"); an empty list when it conforms."""
    try:
        GradeReport.model_validate(report)
    except ValidationError as exc:
        return [_describe(error) for error in exc.errors()]
    return []


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of report.json, as the models describe it."""
    schema = GradeReport.model_json_schema(by_alias=True)
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema}


def schema_text() -> str:
    """json_schema() as the committed file holds it."""
    return json.dumps(json_schema(), indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def _describe(error: Mapping[str, Any]) -> str:
    where = ""
    for part in error["loc"]:
        where += f"[{part}]" if isinstance(part, int) else (f".{part}" if where else str(part))
    got = "" if error["type"] == "missing" else f" (got {_short(error.get('input'))})"
    return _printable(f"{where or 'the top level'}: {error['msg']}{got}")


def _short(value: object) -> str:
    text = json.dumps(value, ensure_ascii=False, default=str)
    return text if len(text) <= 60 else text[:59] + "…"


def _printable(text: str) -> str:
    """The message on one line whatever the report holds: a character that is not printable
    (a line or paragraph separator in a key or a value) is written as its escape."""
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in text)


def main(argv: list[str]) -> int:
    """`python -m grader.grade.report_schema [PATH]`: write the JSON Schema to PATH (default
    SCHEMA_FILE, relative to the current folder: run it from the repository's root)."""
    path = Path(argv[0]) if argv else SCHEMA_FILE
    path.write_text(schema_text(), encoding="utf-8")
    print(f"wrote {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
