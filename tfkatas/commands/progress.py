"""`make progress`: every kata with its status, tests passed and an overall score.

Results are cached in .kata-state.json under a hash of the learner's file and the test file,
so the view is instant when nothing changed; the katas that did change are re-run together
in one pytest process (this process never imports TensorFlow).
"""

from __future__ import annotations

import sys
import time

from tfkatas.arguments import fail
from tfkatas.columns import fit
from tfkatas.curriculum import CurriculumError, learner_language, load_curriculum
from tfkatas.progress_cache import cache_statuses, cached_status, fingerprint
from tfkatas.runner import RunError, run_katas, statuses_from_run
from tfkatas.state import StateError, ensure_writable, load
from tfkatas.statuses import BROKEN, SOLVED, UNAVAILABLE, static_status
from tfkatas.words import say

MARKS = {"solved": "✓", "failing": "✗", "not started": "·", "broken": "!", "not available yet": " "}


def add_arguments(parser) -> None:
    parser.add_argument("--rerun", action="store_true", help="ignore the cache and run every kata again")


def collect_statuses(katas, rerun: bool = False, announce=None):
    """{code: KataStatus} for every kata, running only the katas whose files changed."""
    current = load()
    statuses, fingerprints, to_run = {}, {}, []
    for kata in katas:
        fingerprints[kata.code] = fingerprint(kata)
        known = static_status(kata)
        if known is None and not rerun:
            known = cached_status(current, kata, fingerprints[kata.code])
        if known is None:
            to_run.append(kata)
        else:
            statuses[kata.code] = known
    if to_run:
        if announce:
            announce(to_run)
        statuses.update(statuses_from_run(to_run, run_katas(to_run)))
        cache_statuses({kata.code: statuses[kata.code] for kata in to_run}, fingerprints)
    return statuses


def table(katas, statuses, language: str) -> list[str]:
    lines = [f"{fit(say('header', language), 5)} {fit(say('title', language), 46)} {fit(say('status', language), 18)} "
             f"{say('tests', language):>7}"]
    for kata in katas:
        status = statuses[kata.code]
        tests = f"{status.passed}/{status.total}" if status.status != UNAVAILABLE and status.total else ""
        if status.status == UNAVAILABLE:
            tests = "—"
        lines.append(f"{kata.code:<5} {fit(kata.localized_title(language), 46)} "
                     f"{MARKS[status.status]} {fit(say(status.status, language), 17)} {tests:>6}")
        if status.status == BROKEN:
            lines.append(f"{'':<6}↳ {status.message}")
    ready = [statuses[kata.code] for kata in katas if statuses[kata.code].status != UNAVAILABLE]
    passed, total = sum(s.passed for s in ready), sum(s.total for s in ready)
    solved = sum(s.status == SOLVED for s in ready)
    percent = 100 * passed / total if total else 0.0
    lines.append("")
    lines.append(say("score", language, passed=passed, total=total, percent=percent, solved=solved, ready=len(ready)))
    unsolved = [kata for kata in katas if statuses[kata.code].status not in (SOLVED, UNAVAILABLE)]
    if unsolved:
        lines.append(say("next", language, code=unsolved[0].code))
    return lines


def run(args) -> int:
    try:
        katas = load_curriculum()
        ensure_writable()
        started = time.perf_counter()

        def announce(to_run):
            codes = ", ".join(kata.code for kata in to_run)
            print(f"running the tests of kata {codes} (changed since the last run; TensorFlow starts in a few seconds)…",
                  file=sys.stderr, flush=True)

        statuses = collect_statuses(katas, rerun=args.rerun, announce=announce)
    except (CurriculumError, StateError, RunError) as error:
        return fail(str(error))
    for line in table(katas, statuses, learner_language()):
        print(line)
    elapsed = time.perf_counter() - started
    if elapsed > 1:
        print(f"(took {elapsed:.1f} s; unchanged katas come from the cache next time)", file=sys.stderr)
    return 0
