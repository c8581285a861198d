"""`make kata N=05`: run one kata's tests against the learner's code (or KATA_TARGET)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from tfkatas import settings
from tfkatas.arguments import add_kata_argument, fail, pick_kata
from tfkatas.curriculum import CurriculumError
from tfkatas.isolation import ForkedRun, ended_without_verdict
from tfkatas.launcher import pytest_run
from tfkatas.paths import shown
from tfkatas.pristine import edited_note
from tfkatas.targets import KataLoadError, resolve_target


def add_arguments(parser) -> None:
    add_kata_argument(parser, required=False)
    parser.add_argument("-v", "--verbose", action="store_true", help="full pytest output with tracebacks")
    parser.add_argument("--focus", action="store_true", help="stop at the first failing test (one at a time)")


def run(args) -> int:
    try:
        kata = pick_kata(args.number)
        settings.seed()
        resolve_target()
    except (CurriculumError, settings.SettingError, KataLoadError) as error:
        return fail(str(error))
    if not kata.test_path.exists():
        return fail(f"{shown(kata.test_path)} is missing (git checkout -- {shown(kata.test_path)} restores it)")
    # The run is a forked child: code that ends its process (os._exit, a crash in C) cannot end
    # this one, and a run that wrote no results is never a pass.
    with tempfile.TemporaryDirectory(prefix="tfkatas-kata-") as scratch:
        results = Path(scratch) / "results.json"
        child = ForkedRun(pytest_run([kata.test_path], verbose=args.verbose, focus=args.focus, results_json=results),
                          quiet=False).start()
        try:
            how = child.wait()
        except KeyboardInterrupt:
            child.stop()
            return fail("stopped (Ctrl-C)", code=130)
        if not results.exists():
            return fail(f"no verdict for kata {kata.code}: {ended_without_verdict(how)}", code=1)
    note = edited_note(kata)
    if note:
        print(note)
    return int(how.removeprefix("exit ")) if how.startswith("exit ") else 1
