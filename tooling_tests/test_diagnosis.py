"""Misconception diagnosis on a fake kata: a failing answer is named by the wrong answer it
behaves like, or by a simple detector; a right answer never is; make check prints the share."""

from __future__ import annotations

import json

import numpy as np
import pytest

from tfkatas.diagnosis import detector, same_result
from tfkatas.fake_checkout import FakeKata, make_checkout, tfkatas_command

SCALE = '''"""Kata 01."""

import numpy as np


def scale(values, factor):
    """values * factor, as a float numpy array. Example: scale([1, 2], 3) -> [3., 6.]."""
    ### BEGIN SOLUTION: multiplication.
    return np.asarray(values, dtype=float) * factor
    ### END SOLUTION
'''
TESTS = '''import numpy as np

from tfkatas.testing import assert_close


def test_scale(kata):
    values = np.array([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    assert_close(kata.scale(values, 3.0), values * 3.0, "scale(2x3 values, 3.0)")
'''
WRONG = '''import numpy as np

from tfkatas.wrong import wrong_answer


@wrong_answer("scale", "adds the factor instead of multiplying")
def adds(values, factor):
    return np.asarray(values, dtype=float) + factor


@wrong_answer("scale", "scales by the square of the factor")
def squares(values, factor):
    return np.asarray(values, dtype=float) * factor ** 2
'''


@pytest.fixture
def checkout(tmp_path):
    root = make_checkout(tmp_path, [FakeKata(1, "scale", SCALE, TESTS, WRONG)])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    return root


def answer(root, body: str):
    (root / "katas" / "01_scale" / "scale.py").write_text(f"import numpy as np\n\n\ndef scale(values, factor):\n    {body}\n")
    return tfkatas_command(root, "kata", "01")


def test_an_answer_that_makes_a_known_mistake_is_told_which(checkout):
    result = answer(checkout, "return np.asarray(values, dtype=float) + factor")
    assert "↳ your answer behaves like a known mistake: adds the factor instead of multiplying" in result.stdout, result.stdout


def test_a_simple_detector_names_an_unlisted_mistake(checkout):
    result = answer(checkout, "return np.asarray(values, dtype=float).T * factor")
    assert "↳ scale looks like a transposed result (rows and columns swapped)" in result.stdout, result.stdout


def test_a_right_answer_and_an_unknown_mistake_get_no_diagnosis(checkout):
    assert "↳" not in answer(checkout, "return np.multiply(values, factor, dtype=float)").stdout
    assert "↳" not in answer(checkout, "return np.sin(np.asarray(values, dtype=float))").stdout


def test_the_grade_records_the_diagnosis_and_make_check_prints_the_share(checkout):
    answer(checkout, "return np.asarray(values, dtype=float) * factor ** 2")
    assert tfkatas_command(checkout, "grade").returncode == 0
    failed = json.loads((checkout / "grade.json").read_text())["katas"]["01"]["failed_tests"]
    assert failed[0]["diagnosis"] == "your answer behaves like a known mistake: scales by the square of the factor", failed
    assert tfkatas_command(checkout, "reset", "01").returncode == 0  # make check wants the pristine stub.
    check = tfkatas_command(checkout, "dev", "check", "01")
    assert "Misconception diagnosis: 2 of 2 wrong answers" in check.stdout and "(100%)" in check.stdout, check.stdout


def test_results_compare_by_kind_dtype_and_value():
    assert same_result(np.float32([1, 2]), np.float32([1, 2 + 1e-7]))
    assert not same_result(np.float32([1, 2]), np.float64([1, 2]))  # Another dtype is another answer.
    assert not same_result(1.0, np.float64(1.0)) and same_result((1.0, [2]), (1.0, [2]))
    assert detector(np.zeros((2, 3)) + 5, np.arange(6.0).reshape(2, 3)) == \
        "the same value everywhere, where the values should differ"
    assert detector(np.arange(6.0).reshape(2, 3) + 1, np.arange(6.0).reshape(2, 3)).startswith("off by one")
    assert detector(np.arange(6.0).reshape(2, 3), np.arange(6.0).reshape(2, 3)) is None


def test_logging_a_call_never_changes_it_even_when_its_arguments_cannot_be_copied():
    import threading
    import types

    from tfkatas.diagnosis import CallLog, watch_module

    module = types.ModuleType("learner")
    exec("def count(items):\n    return len(items)\n", module.__dict__)
    module.count.__module__ = "learner"
    log = CallLog()
    watch_module(module, log)
    uncopyable = np.array([threading.Lock(), threading.Lock()], dtype=object)  # deepcopy raises TypeError.
    assert module.count(uncopyable) == 2 and log.calls == []
    assert module.count([1, 2, 3]) == 3 and log.calls[0].result == 3  # A copyable call is logged.
