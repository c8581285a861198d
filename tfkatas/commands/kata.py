"""`make kata N=05`: run one kata's tests against the learner's code (or KATA_TARGET)."""

from __future__ import annotations

import os

from tfkatas.commands.common import add_kata_argument, fail, pick_kata
from tfkatas.curriculum import CurriculumError, ROOT


def add_arguments(parser) -> None:
    add_kata_argument(parser, required=False)
    parser.add_argument("-v", "--verbose", action="store_true", help="full pytest output with tracebacks")
    parser.add_argument("--focus", action="store_true", help="stop at the first failing test (one at a time)")


def pytest_arguments(kata, verbose: bool = False, focus: bool = False) -> list[str]:
    """The pytest command line for one kata; shared with watch mode."""
    # pytest's unraisableexception plugin runs gc.collect() at exit: 0.1-0.3 s over TensorFlow's
    # object graph (measured), for warnings no learner reads.
    arguments = [str(kata.test_path), "-p", "no:xdist", "-p", "no:unraisableexception", "--rootdir", str(ROOT)]
    arguments += ["-v", "--tb=short"] if verbose else ["-q", "--tb=no", "-rN"]
    if focus:
        arguments.append("-x")
    return arguments


def run(args) -> int:
    try:
        kata = pick_kata(args.number)
    except CurriculumError as error:
        return fail(str(error))
    if not kata.test_path.exists():
        return fail(f"{kata.test_path.relative_to(ROOT)} is missing (git checkout -- {kata.test_path.relative_to(ROOT)} restores it)")
    os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    import pytest  # Only now: pytest and, through the tests, TensorFlow.

    return int(pytest.main(pytest_arguments(kata, args.verbose, args.focus)))
