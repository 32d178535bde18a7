"""The `make watch` view: what a finished evaluation reported, compared with the run before it.

Pure functions over the `exercise eval --json` report (see exercise/README.md, "The JSON
report"); `scripts/watch.py` runs the evaluations and prints what `render_view` returns.

Each question is checked twice, so that a retrieval fix shows up before the answers improve:

- **found** (answerable questions): its evidence is covered in the top `FOUND_AT` passages;
- **answered**: the answer is correct and cites the evidence, or, for a question the corpus
  cannot answer, the pipeline abstained.

A question **newly passes** when a check it failed in the previous run now holds, and **newly
fails** when a check that held now fails; the view says which check and, for a failure, what is
missing. Metric changes are shown as ▲/▼ with the signed difference (higher is better for every
metric); timings only count as moved past a jitter threshold, and lower is better for them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from pathlib import Path

FOUND_AT = 5  # a question's evidence counts as found when it is covered in the top 5
CHECKS = ("found", "answered")
METRICS = (
    "recall@1", "recall@3", "recall@5", "recall@10", "mrr@10", "ndcg@10", "citation_precision",
    "citation_recall", "answer_accuracy", "supported_rate", "abstention_accuracy",
)  # fmt: skip
LATENCY = (  # (label, key in RunResult.latency)
    ("search p95 ms", "search_p95_ms"),
    ("answer p95 ms", "answer_p95_ms"),
    ("build s", "build_s"),
)
TREND = ("recall@5", "answer_accuracy")  # the metrics with a sparkline over the session's runs
TREND_RUNS = 24  # runs shown in a sparkline
SPARKS = "▁▂▃▄▅▆▇█"
SAME = 0.0005  # metric changes smaller than this show as "="
LISTED = 8  # questions listed per "newly passing/failing" list
SHOWN_CHECKS = "+".join(CHECKS)  # the widest check label: "found+answered"


@dataclass(frozen=True)
class QuestionOutcome:
    """One question's result in a run, as the view needs it."""

    id: str
    text: str
    checks: dict[str, bool]  # CHECKS that apply ("found" only to answerable questions) → holds
    why: dict[str, str]  # failed check → what is missing


@dataclass(frozen=True)
class RunResult:
    """What one finished evaluation reported (read from its --json file)."""

    metrics: dict[str, float | None]
    latency: dict[str, float | None]  # keyed by LATENCY's second names
    statuses: dict[str, int]
    questions: dict[str, QuestionOutcome]  # in file order


@dataclass(frozen=True)
class Session:
    """What the view remembers between runs of one `make watch` session."""

    runs: int = 0  # runs shown so far
    previous: RunResult | None = None  # the run the next one is compared with
    previous_label: str = ""  # how the view names it ("run 3")
    trend: dict[str, tuple[float | None, ...]] = field(default_factory=dict)  # per TREND metric


def advance(session: Session, result: RunResult) -> Session:
    """The session after `result` was shown as its next run: the new baseline, in the trend."""
    runs = session.runs + 1
    trend = {key: _trend(session, result, key) for key in TREND}
    return replace(session, runs=runs, previous=result, previous_label=f"run {runs}", trend=trend)


def _trend(session: Session, result: RunResult, key: str) -> tuple[float | None, ...]:
    return (*session.trend.get(key, ()), result.metrics.get(key))[-TREND_RUNS:]


def outcome(question: dict) -> QuestionOutcome:
    """A question of the --json report: which CHECKS hold, and what is missing for the others."""
    scores = question.get("scores") or {}
    checks: dict[str, bool] = {}
    why: dict[str, str] = {}
    if not question.get("unanswerable"):
        checks["found"] = scores.get(f"recall@{FOUND_AT}") == 1
        if not checks["found"]:
            why["found"] = _failed_call(question, "search") or f"evidence not in the top {FOUND_AT}"
        correct, cited = scores.get("answer_accuracy") == 1, scores.get("supported_rate") == 1
        checks["answered"] = correct and cited
        missing = "answer wrong" if not correct else "answer does not cite the evidence"
    else:
        checks["answered"] = scores.get("answer_accuracy") == 1
        missing = "answered instead of abstaining"
    if not checks["answered"]:
        why["answered"] = _failed_call(question, "answer") or missing
    return QuestionOutcome(str(question.get("id")), str(question.get("text", "")), checks, why)


def _failed_call(question: dict, op: str) -> str:
    """`"search error: ..."` when that call did not return a valid result, else ""."""
    call = question.get(op) or {}
    status = call.get("status", "ok")
    return "" if status == "ok" else f"{op} {status}: {call.get('reason') or ''}".rstrip(": ")


def read_report(path: Path) -> RunResult:
    """The parts of an `exercise eval --json` report the view shows (ValueError if unreadable)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        metrics = {key: data["metrics"].get(key) for key in METRICS}
        latency = data.get("latency") or {}
        ops = latency.get("ops") or {}
        return RunResult(
            metrics=metrics,
            latency={
                "search_p95_ms": (ops.get("search") or {}).get("p95_ms"),
                "answer_p95_ms": (ops.get("answer") or {}).get("p95_ms"),
                "build_s": latency.get("build_s"),
            },
            statuses=dict(data.get("statuses") or {}),
            questions={str(q["id"]): outcome(q) for q in data["questions"]},
        )
    except (OSError, KeyError, TypeError, AttributeError, ValueError) as exc:
        raise ValueError(f"cannot read the evaluation report {path}: {exc}") from None


Change = tuple[QuestionOutcome, tuple[str, ...]]  # a question and the checks that changed


def newly(previous: RunResult | None, current: RunResult) -> tuple[list[Change], list[Change]]:
    """(newly passing, newly failing) questions of `current` against `previous`, in file order,
    each with the checks that changed. A question `previous` did not ask counts as newly passing
    the checks it passes, and never as failing."""
    if previous is None:
        return [], []
    gained, lost = [], []
    for qid, now in current.questions.items():
        before = previous.questions.get(qid)
        was = before.checks if before is not None else {}
        up = tuple(c for c, holds in now.checks.items() if holds and not was.get(c, False))
        down = tuple(c for c, holds in now.checks.items() if not holds and was.get(c) is True)
        if up:
            gained.append((now, up))
        if down:
            lost.append((now, down))
    return gained, lost


class Style:
    """ANSI colours when `on`; plain text otherwise."""

    def __init__(self, on: bool) -> None:
        self.on = on

    def _wrap(self, code: str, text: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.on else text

    def bold(self, text: str) -> str:
        return self._wrap("1", text)

    def dim(self, text: str) -> str:
        return self._wrap("2", text)

    def good(self, text: str) -> str:
        return self._wrap("32", text)

    def bad(self, text: str) -> str:
        return self._wrap("31", text)


def metric_change(now: float | None, before: float | None, style: Style) -> str:
    """`▲ +0.083` / `▼ -0.021` / `=`: higher is better for every metric."""
    if now is None or before is None:
        return "" if now is None and before is None else "n/a"
    delta = now - before
    if abs(delta) < SAME:
        return style.dim("=")
    return style.good(f"▲ {delta:+.3f}") if delta > 0 else style.bad(f"▼ {delta:+.3f}")


def latency_change(now: float | None, before: float | None, unit: str, style: Style) -> str:
    """Timings jitter: only a change of 10% and more than a small amount is shown as a move;
    lower is better."""
    if now is None or before is None:
        return "" if now is None and before is None else "n/a"
    delta = now - before
    floor = 0.1 if unit == "s" else 0.5
    if abs(delta) < floor or abs(delta) < 0.1 * max(abs(before), 1e-9):
        return style.dim("≈")
    text = f"{'▲' if delta > 0 else '▼'} {delta:+.1f}"
    return style.bad(text) if delta > 0 else style.good(text)


def sparkline(values: tuple[float | None, ...]) -> str:
    """One block per run on a fixed 0-1 scale (so equal heights mean equal values)."""
    return "".join(
        " " if v is None else SPARKS[min(len(SPARKS) - 1, int(v * len(SPARKS)))] for v in values
    )


def render_view(
    current: RunResult,
    session: Session,
    *,
    header: str,
    width: int,
    style: Style,
) -> list[str]:
    """The lines of the view for a finished run (`session.previous` is the run before it)."""
    previous = session.previous
    gained, lost = newly(previous, current)
    counts = ", ".join(f"{name} {count}" for name, count in current.statuses.items() if count)
    status_line = f"{len(current.questions)} questions: {counts or 'none'}"
    if any(count for name, count in current.statuses.items() if name != "ok"):
        status_line = style.bad(status_line)
    tallies = []
    for check in CHECKS:
        applies = [q for q in current.questions.values() if check in q.checks]
        holds = sum(q.checks[check] for q in applies)
        tally = f"{check} {holds}/{len(applies)}"
        if previous is not None:
            up = sum(check in checks for _, checks in gained)
            down = sum(check in checks for _, checks in lost)
            tally += f" ({style.good(f'+{up}')}, {style.bad(f'-{down}')})"
        tallies.append(tally)
    lines = [style.bold(header), " · ".join([status_line, *tallies])]
    since = f"since {session.previous_label}" if previous else "(first run: nothing to compare)"
    lines += ["", style.bold(f"{'metric':<20} {'now':>7}   {since}")]
    for key in METRICS:
        now = current.metrics.get(key)
        before = previous.metrics.get(key) if previous else None
        shown = "n/a" if now is None else f"{now:.3f}"
        change = metric_change(now, before, style) if previous else ""
        lines.append(f"{key:<20} {shown:>7}   {change}".rstrip())
    for label, key in LATENCY:
        now = current.latency.get(key)
        before = previous.latency.get(key) if previous else None
        shown = "n/a" if now is None else f"{now:.1f}"
        unit = "s" if key == "build_s" else "ms"
        change = latency_change(now, before, unit, style) if previous else ""
        lines.append(f"{label:<20} {shown:>7}   {change}".rstrip())
    for title, changes, paint in (
        ("newly passing", gained, style.good),
        ("newly failing", lost, style.bad),
    ):
        if not changes:
            continue
        lines += ["", paint(f"{title} ({len(changes)})")]
        id_width = max(len(question.id) for question, _ in changes[:LISTED])
        for question, checks in changes[:LISTED]:
            why = [question.why[c] for c in checks if c in question.why]
            note = f"  ({'; '.join(why)})" if why else ""
            room = max(20, width - id_width - len(SHOWN_CHECKS) - len(note) - 6)
            label = f"{question.id:<{id_width}}  {'+'.join(checks):<{len(SHOWN_CHECKS)}}"
            lines.append(f"  {label}  {cut(question.text, room)}{note}")
        if len(changes) > LISTED:
            lines.append(style.dim(f"  … and {len(changes) - LISTED} more"))
    trend = "   ".join(f"{key} {sparkline(_trend(session, current, key))}" for key in TREND)
    lines += ["", style.dim(f"trend over this session's runs: {trend}")]
    return lines


def cut(text: str, limit: int) -> str:
    """`text` on one line, at most `limit` characters (an ellipsis marks a cut)."""
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
