"""`make pair N=05 MINUTES=7`: watch mode for two people, driver and navigator.

Announces a swap when the timer runs out and whenever a new test turns green, and logs who
was driving when each test passed (in .kata-state.json, shown at the end). Names come from
DRIVER= and NAVIGATOR=.
"""

from __future__ import annotations

import os
import time

from tfkatas.arguments import fail
from tfkatas.curriculum import learner_language
from tfkatas.settings import SettingError, minutes
from tfkatas.state import StateError, ensure_writable, update
from tfkatas.statuses import SOLVED
from tfkatas.watcher import Watcher, add_watch_arguments, prepare


def add_arguments(parser) -> None:
    add_watch_arguments(parser)
    parser.add_argument("--minutes", default=os.environ.get("MINUTES"),
                        help="minutes before driver and navigator swap (default 7)")
    parser.add_argument("--driver", default=os.environ.get("DRIVER") or "Driver A", help="who types first")
    parser.add_argument("--navigator", default=os.environ.get("NAVIGATOR") or "Driver B", help="who navigates first")


class PairWatcher(Watcher):
    def __init__(self, *args, minutes: float, driver: str, navigator: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.minutes, self.driver, self.navigator = minutes, driver, navigator
        self.swap_at = time.monotonic() + minutes * 60
        self.green: dict[str, set[str]] = {}  # kata code -> tests seen passing in this session

    def swap(self, reason: str) -> None:
        self.driver, self.navigator = self.navigator, self.driver
        self.swap_at = time.monotonic() + self.minutes * 60
        self.say(f"⇄ swap ({reason}): {self.driver} drives, {self.navigator} navigates")
        self.log({"event": "swap", "reason": reason, "driver": self.driver})

    def log(self, entry: dict) -> None:
        entry = {"time": time.strftime("%Y-%m-%dT%H:%M:%S"), **entry}
        try:
            update(lambda state: state.setdefault("pair_log", []).append(entry))
        except StateError as error:
            self.say(f"! could not log to the state file: {error}")

    def on_idle(self) -> None:
        if time.monotonic() >= self.swap_at:
            self.swap(f"{minutes_in_words(self.minutes)} {'is' if self.minutes == 1 else 'are'} up")

    def on_result(self, kata, status, records) -> None:
        passing = {nodeid.split("::")[-1] for nodeid, record in records.items() if record.outcome == "passed"}
        first_run = kata.code not in self.green
        new = sorted(passing - self.green.get(kata.code, set()))
        self.green[kata.code] = self.green.get(kata.code, set()) | passing
        if first_run or not new:
            return
        for test in new:
            self.say(f"✓ {test} turned green, driven by {self.driver}")
            self.log({"event": "green", "kata": kata.code, "test": test, "driver": self.driver})
        # Solving the kata swaps too: the other person starts the next one.
        self.swap("the kata is solved" if status.status == SOLVED else "a new test is green")

    def announce(self, kata) -> None:
        super().announce(kata)
        self.say(f"Pairing: {self.driver} drives, {self.navigator} navigates; swap every {minutes_in_words(self.minutes)} "
                 "and whenever a new test turns green.")


def minutes_in_words(value: float) -> str:
    return f"{value:g} minute{'' if value == 1 else 's'}"


def run(args) -> int:
    try:
        args.minutes = minutes(args.minutes)
    except SettingError as error:
        return fail(str(error))
    args.driver, args.navigator = args.driver.strip(), args.navigator.strip()
    if not args.driver or not args.navigator:
        return fail("DRIVER and NAVIGATOR need a name each (DRIVER=Ana NAVIGATOR=Bo)")
    if args.driver.casefold() == args.navigator.casefold():
        return fail(f"DRIVER and NAVIGATOR are both {args.driver!r}: pair mode is for two different people")
    try:
        ensure_writable()
    except StateError as error:
        return fail(str(error))
    prepared = prepare(args)
    if isinstance(prepared, int):
        return prepared
    katas, kata = prepared
    watcher = PairWatcher(katas, kata, limit=args.limit, poll=args.poll, max_runs=args.max_runs,
                          language=learner_language(), minutes=args.minutes, driver=args.driver,
                          navigator=args.navigator, auto_next=args.auto_next)
    watcher.log({"event": "start", "kata": kata.code, "driver": args.driver, "navigator": args.navigator})
    status = watcher.loop()
    _print_summary(watcher)
    return status


def _print_summary(watcher: PairWatcher) -> None:
    from tfkatas.state import load

    try:
        log = load().get("pair_log", [])
    except StateError:
        return
    greens = [entry for entry in log if entry.get("event") == "green"]
    if greens:
        watcher.say("Who drove when each test passed:")
        for entry in greens[-20:]:
            watcher.say(f"  {entry['time']}  kata {entry['kata']}  {entry['test']}: {entry['driver']}")
