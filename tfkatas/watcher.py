"""The watch loop: re-run a kata's tests on every save, in a forked child of a warm process.

The watching process imports TensorFlow, pytest and the plugin once. On each save it forks a
child that runs the kata's tests with `pytest.main` (fresh kata and test modules every time,
TensorFlow already imported), so a re-run takes about a second instead of TensorFlow's cold
start. The parent enforces a wall-clock limit: an endless loop is killed with a message and
watching goes on; so does a syntax error or a crash. When the kata passes, watch moves on to
the next one. `make watch` and `make pair` (a subclass) drive it; the bench times `run_child`.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import sys
import tempfile
import time
from pathlib import Path

from tfkatas.arguments import add_kata_argument, fail, pick_kata
from tfkatas.curriculum import CurriculumError, load_curriculum
from tfkatas.isolation import ForkedRun, ended_without_verdict
from tfkatas.launcher import pytest_run
from tfkatas.paths import shown
from tfkatas.pristine import edited_note, pristine_count
from tfkatas.progress_cache import cache_statuses, fingerprint, first_unsolved_after
from tfkatas.records import results_from_json
from tfkatas.statuses import SOLVED, KataStatus, available, summarize

DEFAULT_PRELOAD = "tensorflow,keras,numpy"


def add_watch_arguments(parser) -> None:
    """The options of watch mode, shared by `watch` and `pair`."""
    add_kata_argument(parser, required=False)
    parser.add_argument("--limit", type=float, default=None,
                        help="seconds one run may take before it is stopped (default: the kata's timeout + 5)")
    parser.add_argument("--poll", type=float, default=0.2, help="seconds between looks at the file (default 0.2)")
    parser.add_argument("--max-runs", type=int, default=None, help="stop after this many runs (for scripts and tests)")
    parser.add_argument("--auto-next", action="store_true",
                        help="on a terminal, move on as soon as a kata is solved (default: stay until `n`)")
    parser.add_argument("--preload", default=os.environ.get("KATA_WATCH_PRELOAD", DEFAULT_PRELOAD),
                        help=argparse.SUPPRESS)  # Modules imported once in the warm process.


class Watcher:
    """The watch loop; `pair` subclasses it and overrides the two hooks."""

    def __init__(self, katas, kata, limit=None, poll=0.2, max_runs=None, language="en", auto_next=False):
        from tfkatas.keys import Keys

        self.katas, self.kata = katas, kata
        self.limit, self.poll, self.max_runs, self.language = limit, poll, max_runs, language
        self.runs = 0
        self.child = None
        self.keys = Keys()
        # Without a terminal nobody can press `n`: a solved kata moves on by itself, as before.
        self.auto_next = auto_next or not self.keys.interactive
        self.status: str | None = None  # The current kata's last status.

    # Hooks ------------------------------------------------------------------------------

    def on_result(self, kata, status: KataStatus, records: dict) -> None:
        """Called after every completed test run."""

    def on_idle(self) -> None:
        """Called between looks at the file (about every `poll` seconds)."""

    # The loop ---------------------------------------------------------------------------

    def say(self, text: str = "") -> None:
        print(text, flush=True)

    def watched_files(self, kata) -> list[Path]:
        return [kata.stub_path, kata.test_path]

    def signature(self, kata):
        result = []
        for path in self.watched_files(kata):
            try:
                info = path.stat()
                result.append((info.st_mtime_ns, info.st_size))
            except OSError:
                result.append(None)
        return tuple(result)

    def loop(self) -> int:
        with self.keys:
            return self._loop()

    def _loop(self) -> int:
        kata = self.kata
        self.announce(kata)
        try:
            while True:
                seen = self.signature(kata)
                outcome = self.status = self.run_once(kata)
                if outcome == SOLVED and self.auto_next:
                    following = self.next_unsolved(kata)
                    if following is None:
                        self.say("🎉 Every available kata passes. Well done!")
                        return 0
                    self.say(f"→ moving on to kata {following.code} · {following.localized_title(self.language)}")
                    kata = self.kata = following
                    self.announce(kata)
                    if self.done():
                        return 0
                    continue
                if outcome == SOLVED:
                    self.say("  solved: it stays green while you refactor; n: next kata, s: the reference solution")
                if self.done():
                    return 0
                while self.signature(kata) == seen:
                    action = self.on_keys(kata)
                    if action == "quit":
                        self.say("stopped watching")
                        return 0
                    if action == "rerun":
                        break
                    if action == "next":
                        following = self.next_unsolved(kata) or next(
                            (k for k in self.katas if k.number > kata.number and available(k)), None)
                        if following is None:
                            self.say("this is the last kata")
                            continue
                        kata = self.kata = following
                        self.announce(kata)
                        break
                    self.on_idle()
                    time.sleep(self.poll)
                else:
                    self.settle(kata)
        except KeyboardInterrupt:
            self.stop_child()
            self.say("\nstopped watching")
            return 0

    def on_keys(self, kata) -> str | None:
        """h hint, l list, n next, r reset (asks), s solution (once solved), q quit; None: keep waiting."""
        from tfkatas.cli import main

        for key in self.keys.pressed().lower():
            if key == "q":
                return "quit"
            if key == "n":
                return "next"
            if key == "h":
                main(["hint", kata.code])
            elif key == "l":
                main(["list"])
            elif key == "s":
                if self.status == SOLVED:
                    main(["solution", kata.code])
                else:
                    self.say(f"the reference solution waits until kata {kata.code} is solved")
            elif key == "r":
                if self.keys.ask(f"reset kata {kata.code} to its stub? (your version is backed up)", self.say):
                    main(["reset", kata.code])
                    return "rerun"
                self.say("not reset")
        return None

    def settle(self, kata, quiet_for: float = 0.05, at_most: float = 2.0) -> None:
        """Wait until the files stop changing: an editor may write a save in several steps
        (truncate, then write), and a run of the half-written file would be one run too many."""
        deadline = time.monotonic() + at_most
        last = self.signature(kata)
        while time.monotonic() < deadline:
            time.sleep(quiet_for)
            current = self.signature(kata)
            if current == last:
                return
            last = current

    def done(self) -> bool:
        return self.max_runs is not None and self.runs >= self.max_runs

    def announce(self, kata) -> None:
        self.say(f"Watching {shown(kata.stub_path)} (kata {kata.code} · {kata.localized_title(self.language)}): "
                 "save the file to re-run its tests; Ctrl-C stops.")
        if self.keys.interactive:
            self.say("keys: h hint · l list · n next kata · r reset · s solution (once solved) · q quit")

    def next_unsolved(self, after):
        return first_unsolved_after(self.katas, after)

    def run_once(self, kata) -> str | None:
        """One run of the kata's tests, reported in words; the status, or None if it could not finish."""
        self.runs += 1
        started = time.perf_counter()
        self.say(f"── {time.strftime('%H:%M:%S')} · kata {kata.code} ──")
        problem = _static_problem(kata)
        if problem:
            self.say(f"! {problem}")
            self.say("  (still watching: fix it and save)")
            return None
        limit = self.limit if self.limit is not None else kata.timeout + 5
        with tempfile.TemporaryDirectory(prefix="tfkatas-watch-") as scratch:
            results_path = Path(scratch) / "results.json"
            outcome = self.run_child(kata, results_path, limit)
            elapsed = time.perf_counter() - started
            if outcome == "superseded":
                self.say("↻ saved again during the run: starting over")
                return None
            if outcome == "timeout":
                self.say(f"! stopped after {limit:g} s: endless loop in {shown(kata.stub_path)}? "
                         "Fix it and save (still watching)")
                return None
            if outcome.startswith("signal"):
                self.say(f"! the test run crashed ({outcome}) in kata {kata.code}: look for code that kills Python "
                         f"(make kata N={kata.code} V=1 shows more); still watching")
                return None
            if not results_path.exists():
                self.say(f"! no verdict for kata {kata.code}: {ended_without_verdict(outcome)} (still watching)")
                return None
            records = results_from_json(json.loads(results_path.read_text())).get(kata.code, {})
        status = summarize(records, pristine_count(kata))
        self.report(kata, status, elapsed)
        note = edited_note(kata)
        if note:
            self.say(note)
        try:
            cache_statuses({kata.code: status}, {kata.code: fingerprint(kata)})
        except Exception:  # A read-only checkout: watching still works, only the cache is lost.
            pass
        self.on_result(kata, status, records)
        return status.status

    def report(self, kata, status: KataStatus, elapsed: float) -> None:
        if status.status != SOLVED:
            label = {"broken": "!", "not started": "·"}.get(status.status, "✗")
            self.say(f"{label} {status.test}: {status.message}" if status.test else f"{label} {status.message}")
        width = 20
        filled = round(width * status.passed / status.total) if status.total else 0
        bar = "█" * filled + "░" * (width - filled)
        tail = "solved ✓" if status.status == SOLVED else f"hint: make hint N={kata.code}"
        self.say(f"Kata {kata.code}: {bar} {status.passed}/{status.total} tests pass · {elapsed:.2f} s · {tail}")

    def run_child(self, kata, results_path: Path, limit: float) -> str:
        """Fork; the child runs pytest on the kata. 'ok', 'exit N', 'signal NAME' or 'timeout'."""
        run = pytest_run([kata.test_path], header=False, results_json=results_path,
                         target=os.environ.get("KATA_TARGET", "katas"))  # The bench re-runs solutions this way.
        started_from = self.signature(kata)
        self.child = ForkedRun(run).start()  # The child's own output goes nowhere.
        how = self.child.wait(limit, superseded=lambda: self.signature(kata) != started_from)
        self.child = None
        if how in ("timeout", "superseded") or how.startswith("signal"):
            return how
        return "ok" if how in ("exit 0", "exit 1") else f"pytest {how}"

    def stop_child(self) -> None:
        child, self.child = self.child, None
        if child is not None:
            child.stop()


def _static_problem(kata) -> str | None:
    """What stops the tests from running at all: a missing file or a syntax error (no fork needed)."""
    if not kata.test_path.exists():
        return f"{shown(kata.test_path)} is missing (git checkout -- {shown(kata.test_path)} restores it)"
    try:
        source = kata.stub_path.read_bytes()
    except FileNotFoundError:
        return f"{shown(kata.stub_path)} is missing: make reset N={kata.code} restores the stub"
    try:
        compile(source, str(kata.stub_path), "exec")
    except SyntaxError as error:
        return f"{shown(kata.stub_path)}:{error.lineno}: SyntaxError: {error.msg}"
    except ValueError as error:  # e.g. null bytes in the file
        return f"{shown(kata.stub_path)}: {error}"
    return None


def first_unsolved(katas):
    """Where a plain `make watch` starts: the first kata not solved, else the first available one."""
    return first_unsolved_after(katas) or next((kata for kata in katas if available(kata) and kata.test_path.exists()),
                                               None)


def preload(modules: str) -> None:
    """Import the heavy modules once, in the watching process, so each run starts warm."""
    for name in [module.strip() for module in modules.split(",") if module.strip()]:
        if name == "tensorflow":
            from tfkatas.environment import import_tensorflow

            import_tensorflow()
        else:
            importlib.import_module(name)
    importlib.import_module("pytest")
    importlib.import_module("tfkatas.plugin")


def prepare(args):
    """(katas, kata) to watch, or an exit status after a one-line error."""
    if not hasattr(os, "fork"):
        return fail("watch needs os.fork (Linux or macOS); use `make kata N=NN` instead")
    try:
        katas = load_curriculum()
        if args.number:
            kata = pick_kata(args.number)
        else:
            kata = first_unsolved(katas)
            if kata is None:
                return fail("no kata is available yet")
    except CurriculumError as error:
        return fail(str(error))
    if not available(kata) or not kata.test_path.exists():
        return fail(f"kata {kata.code} is not written yet ({shown(kata.test_path)} does not exist); "
                    "`make progress` shows the available ones")
    try:
        preload(args.preload)
    except ImportError as error:
        return fail(f"cannot import {error.name} with {sys.executable}: run `make setup` (or use .venv/bin/python)")
    return katas, kata
