"""Failures in words: pure functions from an exception (and where it was raised) to one line.

No hooks and no state here, so each rule has a unit test (tooling_tests/test_explain.py).
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tfkatas.curriculum import Kata
from tfkatas.paths import shown

Location = tuple[Path, int]
_TENSORFLOW_FRAME = re.compile(r'File "([^"]+)", line (\d+)')


def broken_kata_failure(message: str) -> BaseException:
    """The failure of a test whose kata file cannot be imported: `make progress` shows it broken."""
    failure = pytest.fail.Exception(message, pytrace=False)
    failure.kata_broken = True
    return failure


def is_broken_kata(error: BaseException) -> bool:
    return getattr(error, "kata_broken", False)


def raised_not_implemented(error: BaseException | None) -> bool:
    """Whether the stub's NotImplementedError is the error or one of its causes."""
    seen = set()
    while error is not None and id(error) not in seen:
        if isinstance(error, NotImplementedError):
            return True
        seen.add(id(error))
        error = error.__cause__ or error.__context__
    return False


def explain_failure(error: BaseException, locations: list[Location], kata: Kata | None) -> str:
    """One or two lines a beginner can act on.

    `locations` are the (file, line) frames of the traceback, outermost first.
    """
    where = learner_location(locations, str(error), kata)
    if raised_not_implemented(error):
        return f"not written yet{where}: {nudge(error)}"
    text = str(error).strip()
    if text.startswith("Timeout"):
        timeout = kata.timeout if kata else "the"
        return f"stopped after {timeout} s{where}: is there an endless loop (a `while` that never ends)?"
    if isinstance(error, AssertionError):
        return text.splitlines()[0] if text else "an assertion failed (no message)"
    if isinstance(error, pytest.fail.Exception):
        return text
    return f"your code raised {type(error).__name__}{where}: {first_line(error)}"


def nudge(error: BaseException) -> str:
    """The stub's nudge, also when tf.function re-raised it with "in user code:" and a traceback."""
    lines = str(error).strip().splitlines()
    tagged = [line.split("NotImplementedError:", 1)[1].strip() for line in lines if "NotImplementedError:" in line]
    return tagged[-1] if tagged else (lines[0] if lines else "NotImplementedError")


def first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__


def learner_location(locations: list[Location], message: str, kata: Kata | None) -> str:
    """' in katas/05_topk/topk.py:42' for the deepest frame inside the kata's code file.

    Inside a tf.function the frames belong to AutoGraph's converted code; TensorFlow then names
    the learner's file and line in the message ("File ".../topk.py", line 42"), so look there too.
    """
    if kata is None:
        return ""
    candidates = list(locations) + [(Path(path), int(line)) for path, line in _TENSORFLOW_FRAME.findall(message)]
    where = ""
    for path, line in candidates:
        if path.name == kata.module_filename and path.parent.name == kata.dirname:
            where = f" in {shown(path)}:{line}"
    return where


def traceback_locations(excinfo) -> list[Location]:
    """(file, line) of every frame of a pytest ExceptionInfo, outermost first (lines 1-based)."""
    return [(Path(str(entry.path)), entry.lineno + 1) for entry in excinfo.traceback]
