"""Misconception diagnosis on a fake kata: a failing answer is named by the wrong answer it
behaves like, or by a simple detector; a right answer never is; make check prints the share."""

from __future__ import annotations

import json
import re
import subprocess
import sys

import numpy as np
import pytest

from tfkatas.diagnosis import detector, same_result
from tfkatas.fake_checkout import FakeKata, command_environment, make_checkout, tfkatas_command

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


# ----------------------------------------------------------------------------- failure fingerprints

COUNTER = '''"""Kata 01."""


def count_steps(trainer, epochs):
    """Call trainer.step() once per epoch; return how many steps were taken."""
    ### BEGIN SOLUTION: a loop.
    for _ in range(epochs):
        trainer.step()
    return trainer.steps
    ### END SOLUTION
'''
COUNTER_TESTS = '''class Trainer:  # Not a plain value: the diagnosis cannot replay a call that takes it.
    def __init__(self):
        self.steps = 0

    def step(self):
        self.steps += 1


def test_count_steps(kata):
    trainer = Trainer()
    steps = kata.count_steps(trainer, 5)
    assert trainer.steps == 5, f"count_steps(trainer, 5) took {trainer.steps} steps, expected 5"
    assert steps == 5, f"count_steps returned {steps}, expected 5"
'''
COUNTER_WRONG = '''from tfkatas.wrong import wrong_answer


@wrong_answer("count_steps", "one step too few (range(epochs - 1))")
def one_too_few(trainer, epochs):
    for _ in range(epochs - 1):
        trainer.step()
    return trainer.steps


@wrong_answer("count_steps", "returns the epochs asked for, not the steps taken")
def returns_epochs(trainer, epochs):
    trainer.step()
    return epochs


@wrong_answer("count_steps", "two steps per epoch")
def twice_per_epoch(trainer, epochs):
    for _ in range(2 * epochs):
        trainer.step()
    return trainer.steps
'''


def test_a_failure_no_replay_can_reach_is_named_by_its_fingerprint_from_make_check(tmp_path):
    from tfkatas.fingerprints import FILENAME

    root = make_checkout(tmp_path, [FakeKata(1, "counter", COUNTER, COUNTER_TESTS, COUNTER_WRONG)])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    table = root / "solutions" / "01_counter" / FILENAME
    first = tfkatas_command(root, "dev", "check", "01")
    assert first.returncode == 0 and "Updated the diagnosis's fingerprints of kata(s) 01" in first.stdout, first.stdout
    assert set(json.loads(table.read_text())) == {"test_count_steps"}, table.read_text()
    again = tfkatas_command(root, "dev", "check", "01")  # The same behaviour fails the same way: nothing to update.
    assert "Updated" not in again.stdout and "3 of 3 wrong answers" in again.stdout, again.stdout
    learner = root / "katas" / "01_counter" / "counter.py"
    learner.write_text("def count_steps(trainer, epochs):\n    for step in range(1, epochs):\n        trainer.step()\n"
                       "    return trainer.steps\n")  # The mistake in the learner's own words.
    result = tfkatas_command(root, "kata", "01")
    assert "↳ your answer behaves like a known mistake: one step too few (range(epochs - 1))" in result.stdout, result.stdout
    learner.write_text("def count_steps(trainer, epochs):\n    return 0\n")  # A mistake the table does not know.
    assert "↳" not in tfkatas_command(root, "kata", "01").stdout
    measured = tfkatas_command(root, "dev", "learner-diagnosis")  # Each wrong answer as a learner's own file.
    assert "learner diagnosis: 3 of 3 wrong answers, each run as a learner's own file, were named (100%)" in \
        measured.stdout, measured.stdout


def test_a_fingerprint_leaves_out_what_differs_between_runs_of_one_behaviour():
    from tfkatas.fingerprints import fingerprint, name_in_learner_run

    mine = AssertionError("dense_12 at 0x7f3a in /home/ana/answers/topk.py:12 (line 12) took 31ms/step: got 3")
    theirs = AssertionError("dense_3 at 0x55aa in /tmp/x/wrong_answers.py:80 (line 80) took 2s/step: got 3")
    assert fingerprint(mine) == fingerprint(theirs)
    assert fingerprint(AssertionError("got 3")) != fingerprint(AssertionError("got 4"))
    assert fingerprint(AssertionError("got 3")) != fingerprint(ValueError("got 3"))
    assert name_in_learner_run("test_a[12-3-wrong-f-g]", "wrong-f-g") == "test_a[12-3]"
    assert name_in_learner_run("test_a[wrong-f-g-12-3]", "wrong-f-g") == "test_a[12-3]"
    assert name_in_learner_run("test_a[wrong-f-g]", "wrong-f-g") == "test_a" == name_in_learner_run("test_a", None)


SEEDED_TESTS = '''import numpy as np
import pytest


@pytest.fixture(scope="module")
def drawn():
    return float(np.random.random())


def test_first(kata):
    np.random.random()  # Draws that would shift a fixture made after this test.
    assert kata.seen(0.0) == 0.0


def test_second(kata, drawn):
    print(f"drawn={drawn!r}")
    assert kata.seen(drawn) == drawn
'''
SEEN = '''"""Kata 01."""


def seen(value):
    """Return value. Example: seen(2.0) -> 2.0."""
    ### BEGIN SOLUTION: return.
    return value
    ### END SOLUTION
'''


def test_a_module_fixture_is_the_same_whichever_test_first_needs_it(tmp_path):
    """Check mode reorders tests: a fixture must not depend on which test ran before it."""
    root = make_checkout(tmp_path, [FakeKata(1, "seen", SEEN, SEEDED_TESTS, "")])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    test_file = root / "katas" / "01_seen" / "test_seen.py"
    values = []
    for selection in ([], ["-k", "second"]):
        result = subprocess.run([sys.executable, "-m", "pytest", str(test_file), "-s", "-q", "-p", "no:cacheprovider",
                                 *selection], cwd=root, capture_output=True, text=True,
                                env={**command_environment(root), "KATA_TARGET": "solutions"})
        values += re.findall(r"drawn=([0-9.e-]+)", result.stdout)
    assert len(values) == 2 and values[0] == values[1], values


def test_a_part_of_a_kata_checked_leaves_its_fingerprints_alone(tmp_path):
    from tfkatas.fingerprints import FILENAME

    root = make_checkout(tmp_path, [FakeKata(1, "counter", COUNTER, COUNTER_TESTS, COUNTER_WRONG)])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    assert tfkatas_command(root, "dev", "check", "01").returncode == 0
    table = root / "solutions" / "01_counter" / FILENAME
    written = table.read_text()
    subprocess.run([sys.executable, "-m", "pytest", "katas/01_counter", "--kata-check", "-q", "-p", "no:cacheprovider",
                    "-k", "one_too_few"], cwd=root, capture_output=True, text=True, env=command_environment(root))
    assert table.read_text() == written  # One wrong answer's run must not shrink the table to it.


def test_pytests_explanation_of_an_assert_is_left_out_of_the_fingerprint():
    from tfkatas.fingerprints import fingerprint

    head = "flags differ\nassert {...} == {...}\n  Differing items:\n"
    one = AssertionError(head + "  {'a': 1} != {'a': 2}\n  {'b': 1} != {'b': 2}")
    other = AssertionError(head + "  {'b': 1} != {'b': 2}\n  {'a': 1} != {'a': 2}")
    assert fingerprint(one) == fingerprint(other)
    cut_short = AssertionError(head + "  {'a': 1} != {'a': 2}\n  ...Full output truncated (2 lines hidden)")
    assert fingerprint(cut_short) == fingerprint(one)  # pytest shortens it on a terminal, not where CI is set.
    assert fingerprint(AssertionError("assert 3 == 5\n +  where 3 = f()")) != fingerprint(AssertionError("assert 4 == 5"))
