"""The failure explanations are pure functions: each rule, on a made-up exception."""

from __future__ import annotations

from pathlib import Path

import pytest

from tfkatas.curriculum import ROOT, Kata
from tfkatas.plugin.explain import (
    broken_kata_failure,
    explain_failure,
    is_broken_kata,
    learner_location,
    nudge,
    raised_not_implemented,
)

KATA = Kata(number=5, slug="topk", title="Top-k", topic="t", source="s", summary="", minutes=1, timeout=7,
            hints=("h1", "h2"))
LEARNER_FILE = ROOT / "katas" / "05_topk" / "topk.py"
TEST_FILE = ROOT / "katas" / "05_topk" / "test_topk.py"


def test_a_stub_failure_says_not_written_yet_where_and_the_nudge():
    message = explain_failure(NotImplementedError("tf.sort takes a direction."),
                              [(TEST_FILE, 10), (LEARNER_FILE, 21)], KATA)
    assert message == "not written yet in katas/05_topk/topk.py:21: tf.sort takes a direction."


def test_a_not_implemented_error_behind_another_error_still_counts_as_the_stub():
    try:
        try:
            raise NotImplementedError("nudge")
        except NotImplementedError as inner:
            raise ValueError("wrapped") from inner
    except ValueError as outer:
        assert raised_not_implemented(outer)
    assert not raised_not_implemented(ValueError("plain"))


def test_the_nudge_is_found_inside_a_tf_function_message():
    error = NotImplementedError('in user code:\n  File "x.py", line 3\nNotImplementedError: look up tf.where')
    assert nudge(error) == "look up tf.where"


def test_an_assertion_shows_its_first_line_only():
    assert explain_failure(AssertionError("shape (2, 3), expected (3, 2)\ndetails"), [], KATA) == \
        "shape (2, 3), expected (3, 2)"
    assert explain_failure(AssertionError(), [], KATA) == "an assertion failed (no message)"


def test_a_timeout_names_the_kata_timeout_and_an_endless_loop():
    message = explain_failure(RuntimeError("Timeout (>7.0s) from pytest-timeout."), [(LEARNER_FILE, 30)], KATA)
    assert message == "stopped after 7 s in katas/05_topk/topk.py:30: is there an endless loop " \
                      "(a `while` that never ends)?"


def test_another_error_is_blamed_on_the_learners_code_with_its_type_and_first_line():
    message = explain_failure(KeyError("probs"), [(TEST_FILE, 4), (LEARNER_FILE, 12)], KATA)
    assert message == "your code raised KeyError in katas/05_topk/topk.py:12: 'probs'"


def test_the_location_is_the_deepest_frame_in_the_kata_file_also_from_a_tensorflow_message():
    frames = [(LEARNER_FILE, 5), (Path("/site-packages/tensorflow/ops.py"), 99)]
    assert learner_location(frames, "", KATA) == " in katas/05_topk/topk.py:5"
    message = f'in user code:\n    File "{LEARNER_FILE}", line 44, in topk_accuracy'
    assert learner_location(frames, message, KATA) == " in katas/05_topk/topk.py:44"
    assert learner_location([(TEST_FILE, 3)], "", KATA) == ""
    assert learner_location(frames, "", None) == ""


def test_a_file_outside_the_checkout_is_shown_by_its_full_path(tmp_path):
    outside = tmp_path / "05_topk" / "topk.py"
    assert learner_location([(outside, 8)], "", KATA) == f" in {outside}:8"


def test_an_import_failure_is_marked_broken_and_reads_as_given():
    failure = broken_kata_failure("katas/05_topk/topk.py:3: SyntaxError: invalid syntax")
    assert is_broken_kata(failure) and isinstance(failure, pytest.fail.Exception)
    assert explain_failure(failure, [], KATA) == "katas/05_topk/topk.py:3: SyntaxError: invalid syntax"
    assert not is_broken_kata(ValueError())
