"""`make kata N=05`: run one kata's tests against the learner's code (or KATA_TARGET)."""

from __future__ import annotations

from tfkatas.arguments import add_kata_argument, fail, pick_kata
from tfkatas.curriculum import CurriculumError
from tfkatas.launcher import pytest_run, run_here
from tfkatas.statuses import shown


def add_arguments(parser) -> None:
    add_kata_argument(parser, required=False)
    parser.add_argument("-v", "--verbose", action="store_true", help="full pytest output with tracebacks")
    parser.add_argument("--focus", action="store_true", help="stop at the first failing test (one at a time)")


def run(args) -> int:
    try:
        kata = pick_kata(args.number)
    except CurriculumError as error:
        return fail(str(error))
    if not kata.test_path.exists():
        return fail(f"{shown(kata.test_path)} is missing (git checkout -- {shown(kata.test_path)} restores it)")
    return run_here(pytest_run([kata.test_path], verbose=args.verbose, focus=args.focus))
