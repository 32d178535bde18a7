"""`make watch`: re-run the public evaluation whenever a file under rag/ is saved; show what moved.

Each run is `python -m exercise eval` in a fresh process (your pipeline is rebuilt from the saved
code; embeddings come from the cache in .takehome/work, so only new text is encoded), with
`--history` when given. Saves are debounced: a burst of saves gives one run, and a save during a
run cancels it and starts again. A save that changes no file's content starts nothing; press Enter
to re-run anyway, q Enter (or Ctrl-C) to stop. After each run the view shows the metrics, the
change since the previous run, and the questions that newly pass or fail one of two checks,
"found" (evidence in the top 5) and "answered" (correct and cited, or abstained when the corpus
cannot answer); `watch_view.py` defines them:

    make watch · run 3 at 14:02:31 · 6.2 s · rag/chunking.py changed
    28 questions: ok 28 · found 17/24 (+3, -1) · answered 4/28 (+0, -0)

    metric                   now   since run 2
    recall@5               0.708   ▲ +0.083
    answer_accuracy        0.143   =
    search p95 ms           12.3   ≈
    ...
    newly passing (3)
      p005  found           When does the … team's on-call rotation hand over?
    newly failing (1)
      p022  found           What is the ...  (evidence not in the top 5)

On a terminal the screen is redrawn after each run, with colours (green better, red worse);
piped, with --plain or with NO_COLOR set, views are printed one after another in plain text.
The last run's report and output are in .takehome/watch/ (eval.json, eval.log).

Usage: python scripts/watch.py [--history FILE] [--plain] [--no-restart] [-- EVAL-OPTIONS...]
Standard library only, plus the repository's `exercise` package.
"""

from __future__ import annotations

import argparse
import os
import select
import shutil
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the repository's own `exercise`, as `python -m exercise` uses
    sys.path.insert(0, str(ROOT))

from watch_view import Session, Style, advance, read_report, render_view  # noqa: E402

from exercise.history import changed_files, source_files, source_paths  # noqa: E402

STATE_DIR = Path(".takehome") / "watch"  # the last run's report and output, under the root
CANCEL_GRACE_S = 10.0  # a cancelled evaluation gets this long to stop its pipeline cleanly


@dataclass(frozen=True)
class WatchOptions:
    """How `watch` runs; `parse_args` builds it from the command line."""

    root: Path = Path(".")  # the repository (holding rag/ and corpus/); the runs' cwd
    corpus: Path = Path("corpus")  # a relative path is taken from root
    history: Path | None = None  # --history file for every run; None records nothing
    eval_args: tuple[str, ...] = ()  # more `exercise eval` options (time limits, --k ...)
    poll_s: float = 0.3  # how often rag/ is checked for saves
    debounce_s: float = 0.4  # quiet time after the last save before a run starts
    restart: bool = True  # a save during a run cancels it and starts a new one
    styled: bool = False  # ANSI colours and a redrawn screen (a terminal)
    keys: bool = False  # read Enter / q Enter from stdin (a terminal)
    max_runs: int | None = None  # stop after this many finished runs (scripts, tests)


def eval_command(options: WatchOptions, report: Path) -> list[str]:
    """The `exercise eval` command line of one run."""
    command = [sys.executable, "-m", "exercise", "eval", str(options.root)]
    command += ["--corpus", str(options.corpus), "--worst", "0", *options.eval_args]
    command += ["--json", str(report)]  # last: the view needs the report, whatever eval_args say
    if options.history is not None:
        command += ["--history", str(options.history), "--history-label", "watch"]
    return command


class EvalRun:
    """One `exercise eval` process, output to a log file (never a pipe that could fill up)."""

    def __init__(self, options: WatchOptions, state: Path, reason: str) -> None:
        state.mkdir(parents=True, exist_ok=True)
        self.report = state / "eval.json"
        self.log = state / "eval.log"
        self.reason = reason
        self.started = time.monotonic()
        self.clock = datetime.now()
        with self.log.open("wb") as log:
            # Its own session: Ctrl-C reaches only this script, which stops the run in order.
            self.process = subprocess.Popen(
                eval_command(options, self.report),
                cwd=options.root,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )

    def done(self) -> bool:
        return self.process.poll() is not None

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def cancel(self) -> None:
        """Interrupt the evaluation (it stops its pipeline and writes nothing), then wait."""
        if self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(CANCEL_GRACE_S)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()

    def output_tail(self, lines: int = 15) -> list[str]:
        try:
            text = self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return []
        return text.rstrip().splitlines()[-lines:]


def snapshot(root: Path) -> dict[str, tuple[int, int, int]]:
    """Source path → (mtime_ns, size, inode): cheap to take every poll."""
    found = {}
    for path in source_paths(root):
        try:
            info = path.lstat()
        except OSError:
            continue  # removed while listing
        found[path.as_posix()] = (info.st_mtime_ns, info.st_size, info.st_ino)
    return found


class Screen:
    """Writes views and the status line; redraws the whole screen when styled."""

    def __init__(self, out: TextIO, styled: bool) -> None:
        self.out = out
        self.styled = styled
        self.style = Style(styled)
        self._status = ""  # the status line on screen now

    def width(self) -> int:
        return shutil.get_terminal_size((100, 24)).columns if self.styled else 100

    def view(self, lines: list[str]) -> None:
        self._clear_status()
        if self.styled:
            self.out.write("\x1b[H\x1b[2J")  # home, clear: the view stays in place on screen
        else:
            self.out.write("\n" + "─" * 72 + "\n")
        self.out.write("\n".join(lines) + "\n")
        self.out.flush()

    def line(self, text: str) -> None:
        self._clear_status()
        self.out.write(text + "\n")
        self.out.flush()

    def status(self, text: str) -> None:
        """A line rewritten in place on a terminal (printed once per run when piped)."""
        if not self.styled or text == self._status:
            return
        self.out.write("\r\x1b[2K" + self.style.dim(text))
        self.out.flush()
        self._status = text

    def _clear_status(self) -> None:
        if self._status:
            self.out.write("\r\x1b[2K")
            self._status = ""


def watch(options: WatchOptions, out: TextIO = sys.stdout) -> int:
    """Run the evaluation now and after every save under rag/ until Ctrl-C (or `max_runs`)."""
    root = options.root
    state = root / STATE_DIR
    screen = Screen(out, options.styled)
    session = Session()
    try:  # the last run of an earlier session is the first baseline
        earlier = read_report(state / "eval.json")
        session = Session(previous=earlier, previous_label="the last run before this session")
    except ValueError:
        pass
    footer = f"watching rag/ · {'Enter re-runs · q or ' if options.keys else ''}Ctrl-C stops · "
    footer += (
        f"runs recorded in {_shown_path(options.history, root)}"
        if options.history
        else ("history off")
    )
    seen = snapshot(root)
    evaluated: dict[str, str] | None = None  # the sources the last started run saw
    last_finished: dict[str, str] | None = None  # ... and the last finished one
    pending: str | None = "first run"  # why a run should start (None: nothing to do)
    quiet_since, dirty = time.monotonic(), False
    run: EvalRun | None = None
    run_sources: dict[str, str] = {}
    try:
        while True:
            current = snapshot(root)
            if current != seen:
                seen, dirty, quiet_since = current, True, time.monotonic()
            if dirty and time.monotonic() - quiet_since >= options.debounce_s:
                dirty = False  # a burst of saves is over: did any content change?
                changed = changed_files(evaluated, source_files(root))
                if changed is None or changed:
                    pending = f"{', '.join(changed)} changed" if changed else "rag/ changed"
            key = _read_key() if options.keys else None
            if key == "q":
                break
            if key == "":
                pending = "re-run asked"
            if pending and run is not None and options.restart:
                screen.line(f"{pending}: restarting the evaluation")
                run.cancel()
                run = None
            if pending and run is None:
                run_sources = source_files(root)
                shown = changed_files(last_finished, run_sources)
                reason = f"{', '.join(shown)} changed" if shown else pending
                run, pending, evaluated = EvalRun(options, state, reason), None, run_sources
                if not options.styled:
                    screen.line(f"running the evaluation ({reason})")
            if run is not None and run.done():
                last_finished, finished, run = run_sources, run, None
                session = _show(finished, session, screen, footer)
                if options.max_runs is not None and session.runs >= options.max_runs:
                    return 0
            elif run is not None:
                screen.status(f"● evaluating ({run.reason}) {run.elapsed():.0f} s")
            time.sleep(options.poll_s)
    except KeyboardInterrupt:
        pass
    if run is not None:
        screen.line("stopping the evaluation in progress…")
        run.cancel()
    screen.line("stopped watching")
    return 0


def _show(run: EvalRun, session: Session, screen: Screen, footer: str) -> Session:
    """Show a finished run: its view, or what went wrong. The session after it: a failed run
    counts, but the last good run stays the baseline."""
    style = screen.style
    number = session.runs + 1
    when = run.clock.strftime("%H:%M:%S")
    header = f"make watch · run {number} at {when} · {run.elapsed():.1f} s · {run.reason}"
    code = run.process.returncode
    result, problem = None, []
    if code == 0:
        try:
            result = read_report(run.report)
        except ValueError as exc:
            problem = [str(exc)]
    else:
        what = {1: "the pipeline could not be imported or built", 2: "the evaluation was refused"}
        problem = [f"{what.get(code, 'the evaluation stopped')} (exit {code}):", *run.output_tail()]
    if result is None:
        lines = [style.bold(header), "", *(style.bad(line) for line in problem)]
        lines += ["", style.dim("fix it and save: the next run starts on its own"), "", footer]
        screen.view(lines)
        return replace(session, runs=number)
    lines = render_view(result, session, header=header, width=screen.width(), style=style)
    screen.view([*lines, style.dim(footer)])
    return advance(session, result)


def _shown_path(path: Path, root: Path) -> str:
    return str(path.relative_to(root)) if path.is_relative_to(root) else str(path)


def _read_key() -> str | None:
    """A line typed on the terminal ("" for a bare Enter), or None when nothing was typed."""
    ready, _, _ = select.select([sys.stdin], [], [], 0)
    if not ready:
        return None
    line = sys.stdin.readline()
    return "q" if line == "" else line.strip().lower()[:1]  # end of input: stop


def parse_args(argv: list[str]) -> WatchOptions:
    """Options before `--` are this script's; everything after goes to `exercise eval`."""
    split = argv.index("--") if "--" in argv else len(argv)
    own, passed = argv[:split], argv[split + 1 :]
    parser = argparse.ArgumentParser(
        prog="python scripts/watch.py",
        description="Re-run the public evaluation whenever a file under rag/ is saved.",
        epilog="Options after -- go to `python -m exercise eval` (e.g. -- --query-timeout 10).",
    )
    parser.add_argument("--history", type=Path, help="append every run to this history file")
    parser.add_argument("--corpus", type=Path, default=Path("corpus"), help="the corpus folder")
    parser.add_argument("--root", type=Path, default=Path("."), help="the repository")
    parser.add_argument("--plain", action="store_true", help="no colours, no screen redraws")
    parser.add_argument("--no-restart", action="store_true", help="a save does not cancel a run")
    parser.add_argument("--poll", type=float, default=0.3, help="seconds between checks of rag/")
    parser.add_argument("--debounce", type=float, default=0.4, help="quiet seconds before a run")
    parser.add_argument("--max-runs", type=int, help="stop after this many finished runs")
    args = parser.parse_args(own)
    if args.poll <= 0 or args.debounce < 0 or (args.max_runs is not None and args.max_runs < 1):
        parser.error("--poll must be positive, --debounce at least 0, --max-runs at least 1")
    terminal = sys.stdout.isatty() and os.environ.get("TERM") != "dumb"
    root = args.root.resolve()
    return WatchOptions(
        root=root,
        corpus=args.corpus if args.corpus.is_absolute() else root / args.corpus,
        history=args.history.resolve() if args.history else None,
        eval_args=tuple(passed),
        poll_s=args.poll,
        debounce_s=args.debounce,
        restart=not args.no_restart,
        styled=terminal and not args.plain and "NO_COLOR" not in os.environ,
        keys=sys.stdin.isatty(),
        max_runs=args.max_runs,
    )


def main(argv: list[str]) -> int:
    try:
        options = parse_args(argv)
        if not (options.root / "rag").is_dir():
            print(
                f"error: {options.root} has no rag/ folder; run it from the repository",
                file=sys.stderr,
            )
            return 2
        return watch(options)
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
