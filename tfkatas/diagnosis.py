"""Misconception diagnosis: which known mistake a failing answer behaves like.

While a test runs, the calls the test makes to the kata's functions are logged (arguments copied
before the call, the result after; `CallLog`). When the test fails, the same calls are replayed
on the kata's curated wrong answers for that function (solutions/NN_slug/wrong_answers.py):
when one gives the learner's results on every call, within the tolerance below, the report
says "your answer behaves like a known mistake: <its description>". Where none matches, simple
detectors compare with the solution's results: transposed, off by one, sign flipped, the same
value everywhere, right values in another dtype.

A correct answer is never diagnosed (only failing tests are), and the diagnosis keeps within a
time budget: calls that took long (training) are not replayed, and once a run's replays have
taken BUDGET seconds, its later failures are only looked up (tfkatas.fingerprints).
"""

from __future__ import annotations

import copy
import functools
import time
import types
from dataclasses import dataclass, field
from typing import Any

import numpy as np

RTOL, ATOL = 1e-5, 1e-6  # The tests' usual float32 tolerance.
SLOW_CALL = 0.05  # Seconds: a call slower than this (a training run) is not replayed.
BUDGET = 0.3  # Seconds the replays may take in one learner's run, all its failing tests together.
CALLS_KEPT = 4  # Outermost calls kept per test.
LARGEST_COPY = 200_000  # Array elements: a call with bigger inputs (a data set) is not logged.


@dataclass
class Call:
    function: str
    args: tuple
    kwargs: dict
    result: Any
    seconds: float


@dataclass
class CallLog:
    """The outermost calls the current test made to the kata's functions."""

    calls: list[Call] = field(default_factory=list)
    depth: int = 0

    def reset(self) -> None:
        self.calls, self.depth = [], 0


def _plain(value: Any, depth: int = 0) -> bool:
    """Arguments a replay can use without touching the learner's objects: numbers, strings, arrays,
    tensors and variables (copied), functions and tf.data pipelines (never changed by a call), and
    containers of them. A Keras model is not: replaying a training call would change it."""
    if depth > 3:
        return False
    if _by_reference(value) or type(value).__name__ == "ResourceVariable":
        return True
    if value is None or isinstance(value, bool | int | float | str | np.generic):
        return True
    if isinstance(value, np.ndarray) or type(value).__name__ == "EagerTensor":
        return int(np.prod(value.shape)) <= LARGEST_COPY
    if isinstance(value, list | tuple):
        return all(_plain(item, depth + 1) for item in value)
    if isinstance(value, dict):
        return all(_plain(item, depth + 1) for item in value.values())
    return False


def watch_module(module: types.ModuleType, log: CallLog) -> None:
    """Log the outermost calls to the module's own plain functions (not tf.functions, not classes)."""
    for name, value in list(vars(module).items()):
        if name.startswith("_") or not isinstance(value, types.FunctionType):
            continue
        if value.__module__ != module.__name__:
            continue  # Imported helpers are not the learner's answer.
        setattr(module, name, _logged(name, value, log))


def _by_reference(value: Any) -> bool:
    """Never changed by a call, so shared rather than copied: functions and tf.data pipelines."""
    return isinstance(value, types.FunctionType | types.BuiltinFunctionType | functools.partial) or \
        type(value).__name__ in ("Function", "PolymorphicFunction") or \
        any(cls.__name__ == "DatasetV2" for cls in type(value).__mro__)


def _copied(value: Any) -> Any:
    """A copy of the arguments as they were before the call (a learner's function may change them)."""
    if _by_reference(value):
        return value
    if isinstance(value, list | tuple):
        return type(value)(_copied(item) for item in value)
    if isinstance(value, dict):
        return {key: _copied(item) for key, item in value.items()}
    return copy.deepcopy(value)


def _logged(name: str, function, log: CallLog):
    @functools.wraps(function)
    def logged(*args, **kwargs):
        outermost = log.depth == 0
        saved = None
        if outermost and len(log.calls) < CALLS_KEPT and _plain(args) and _plain(kwargs):
            try:
                saved = _copied((args, kwargs))
            except Exception:  # noqa: BLE001 - what cannot be copied is not logged; the call itself goes ahead.
                saved = None
        log.depth += 1
        started = time.perf_counter()
        try:
            result = function(*args, **kwargs)
        finally:
            log.depth -= 1
        if saved is not None:
            log.calls.append(Call(name, saved[0], saved[1], result, time.perf_counter() - started))
        return result

    return logged


# ----------------------------------------------------------------------------- comparing results


def _as_array(value: Any) -> np.ndarray | None:
    if hasattr(value, "numpy"):
        value = value.numpy()
    try:
        array = np.asarray(value)
    except Exception:  # noqa: BLE001 - anything that is not array-like is simply not compared.
        return None
    return array if array.dtype.kind in "biuf" else None


def _kind(value: Any) -> str:
    """What a result is, as far as a docstring's promise goes: a Python number, a tensor, a numpy value."""
    if isinstance(value, np.ndarray | np.generic):  # Before float: np.float64 is a float subclass.
        return f"numpy {value.dtype}"
    if isinstance(value, bool | int | float):
        return "python"
    if hasattr(value, "numpy") and hasattr(value, "dtype"):
        return f"tensor {getattr(value.dtype, 'name', value.dtype)}"
    return type(value).__name__


def same_result(a: Any, b: Any) -> bool:
    """Equal within the tolerance, of the same kind and dtype, container by container; False when
    either cannot be compared."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same_result(a[key], b[key]) for key in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return type(a) is type(b) and len(a) == len(b) and all(same_result(x, y) for x, y in zip(a, b))
    if isinstance(a, str | bool) or isinstance(b, str | bool):
        return type(a) is type(b) and a == b
    if _kind(a) != _kind(b):
        return False
    x, y = _as_array(a), _as_array(b)
    if x is None or y is None or x.shape != y.shape:
        return False
    return bool(np.allclose(x.astype(np.float64), y.astype(np.float64), rtol=RTOL, atol=ATOL, equal_nan=True))


def detector(learner: Any, expected: Any) -> str | None:
    """A simple, general mistake that turns `expected` into `learner`, in words; None if none fits."""
    x, y = _as_array(learner), _as_array(expected)
    if x is None or y is None or y.size < 2:
        return None
    x64, y64 = x.astype(np.float64), y.astype(np.float64)

    def close(a, b):
        return a.shape == b.shape and np.allclose(a, b, rtol=RTOL, atol=ATOL)

    if close(x64, y64):
        return f"the right values, but dtype {x.dtype} instead of {y.dtype}" if x.dtype != y.dtype else None
    if y.ndim == 2 and y.shape[0] != y.shape[1] and close(x64, y64.T):
        return "a transposed result (rows and columns swapped)"
    if close(x64, -y64):
        return "the sign is flipped"
    if x.shape == y.shape and close(np.abs(x64 - y64), np.ones_like(y64)) and len(np.unique(x64 - y64)) == 1:
        return f"off by one ({'one more' if (x64 - y64).flat[0] > 0 else 'one less'} than expected everywhere)"
    if x.size > 1 and np.all(x64 == x64.flat[0]) and not np.all(y64 == y64.flat[0]):
        return "the same value everywhere, where the values should differ"
    return None


# ----------------------------------------------------------------------------- the diagnosis


@dataclass
class Diagnosis:
    words: str  # "behaves like a known mistake: ..." or a detector's finding.
    wrong_answer_ids: tuple[str, ...] = ()  # The wrong answers whose results matched, if any.


def known_mistake(matched: list) -> Diagnosis:
    """The diagnosis naming these wrong answers (WrongAnswer entries), in the report's words."""
    words = " or ".join(dict.fromkeys(wrong.description for wrong in matched))
    return Diagnosis(f"your answer behaves like a known mistake: {words}", tuple(wrong.id for wrong in matched))


def _replay(function, call: Call):
    args, kwargs = _copied((call.args, call.kwargs))
    return function(*args, **kwargs)


def diagnose(calls: list[Call], wrong_answers: list, load_wrong, solution, budget: float = BUDGET) -> Diagnosis | None:
    """Which wrong answer (or simple mistake) explains the learner's results on `calls`.

    Only functions whose results differ from the solution's on these calls are looked at (a
    wrong answer that agrees with the solution here must not name a right function).
    `wrong_answers` are the kata's WrongAnswer entries; `load_wrong(wrong)` gives the solution
    module with that one replaced; `solution` is the solution module.
    """
    started = time.perf_counter()
    calls = [call for call in calls if call.seconds <= SLOW_CALL]
    if sum(call.seconds for call in calls) > budget:
        return None  # Even the solution's replay would not fit in what is left of the run's budget.
    for function in dict.fromkeys(call.function for call in calls):
        mine = [call for call in calls if call.function == function]
        try:
            expected = [_replay(getattr(solution, function), call) for call in mine]
        except Exception:  # noqa: BLE001 - the solution cannot replay these calls: diagnose nothing.
            continue
        if all(same_result(call.result, result) for call, result in zip(mine, expected)):
            continue  # This function is right on these calls; the mistake is elsewhere.
        matched = []
        for wrong in (w for w in wrong_answers if w.replaces == function):
            if time.perf_counter() - started + sum(call.seconds for call in mine) > budget:  # It would not fit.
                break
            try:
                module = load_wrong(wrong)
                if all(same_result(_replay(getattr(module, function), call), call.result) for call in mine):
                    matched.append(wrong)
            except Exception:  # noqa: BLE001 - a wrong answer that fails on these inputs does not match.
                continue
        if matched:
            return known_mistake(matched)
        for call, result in zip(mine, expected):
            found = detector(call.result, result)
            if found:
                return Diagnosis(f"{function} looks like {found}")
    return None
