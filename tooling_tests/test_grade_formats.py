"""`grade --format gradescope|exercism`, JUnit and grade.json, each checked against the fields its
platform documents (Gradescope's autograder results.json, Exercism's test runner interface v3).

One fake checkout: kata 01 is half right (add passes, subtract fails), kata 02 is missing from
the submission.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ElementTree

import pytest

from tfkatas.fake_checkout import FakeKata, make_checkout, tfkatas_command

ADD = '''"""Kata 01."""


def add(a, b):
    """a + b."""
    ### BEGIN SOLUTION: the + operator.
    return a + b
    ### END SOLUTION


def subtract(a, b):
    """a - b."""
    ### BEGIN SOLUTION: the - operator.
    return a - b
    ### END SOLUTION
'''
ADD_TESTS = '''def test_add(kata):
    assert kata.add(2, 3) == 5, "add(2, 3) should be 5"


def test_subtract(kata):
    assert kata.subtract(5, 3) == 2, f"subtract(5, 3) returned {kata.subtract(5, 3)}, expected 2"
'''
DOUBLE = '''"""Kata 02."""


def double(x):
    """2 * x."""
    ### BEGIN SOLUTION: multiplication.
    return 2 * x
    ### END SOLUTION
'''
DOUBLE_TESTS = '''def test_double(kata):
    assert kata.double(4) == 8, "double(4) should be 8"
'''
HALF_RIGHT = "def add(a, b):\n    return a + b\n\n\ndef subtract(a, b):\n    return b - a\n"

GRADESCOPE_TOP = {"score", "execution_time", "output", "output_format", "test_output_format", "test_name_format",
                  "visibility", "stdout_visibility", "extra_data", "tests", "leaderboard"}
GRADESCOPE_TEST = {"score", "max_score", "status", "name", "name_format", "number", "output", "output_format",
                   "tags", "visibility", "extra_data"}
VISIBILITIES = {"hidden", "after_due_date", "after_published", "visible"}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """The three formats, graded from one submission folder."""
    tmp_path = tmp_path_factory.mktemp("formats")
    root = make_checkout(tmp_path, [FakeKata(1, "add", ADD, ADD_TESTS, title="Adding"),
                                    FakeKata(2, "double", DOUBLE, DOUBLE_TESTS, title="Doubling")])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    submission = tmp_path / "student"
    (submission / "katas" / "01_add").mkdir(parents=True)
    (submission / "katas" / "01_add" / "add.py").write_text(HALF_RIGHT)
    files = {}
    for form in ("tfkatas", "gradescope", "exercism"):
        output, junit = tmp_path / f"{form}.json", tmp_path / f"{form}.xml"
        result = tfkatas_command(root, "grade", "--submission", str(submission), "--format", form,
                                 "--output", str(output), "--junit", str(junit))
        assert result.returncode == 0, result.stdout + result.stderr
        files[form] = json.loads(output.read_text())
    files["junit"] = ElementTree.parse(tmp_path / "tfkatas.xml").getroot()
    return files


def test_gradescope_results_have_only_documented_fields_and_the_grades_score(graded):
    results = graded["gradescope"]
    assert set(results) <= GRADESCOPE_TOP and results["visibility"] in VISIBILITIES, results
    for test in results["tests"]:
        assert set(test) <= GRADESCOPE_TEST and test["visibility"] in VISIBILITIES, test
        assert isinstance(test["name"], str) and 0 <= test["score"] <= test["max_score"], test
    assert results["score"] == 1 and sum(test["max_score"] for test in results["tests"]) == 3, results
    failed = {test["name"]: test["output"] for test in results["tests"] if test["score"] < test["max_score"]}
    assert failed["01 Adding: test_subtract"] == "subtract(5, 3) returned -2, expected 2", failed
    assert failed["02 Doubling: (the whole kata)"] == "the submission holds no double.py for kata 02", failed


def test_exercism_results_follow_version_3(graded):
    results = graded["exercism"]
    assert results["version"] == 3 and results["status"] == "fail", results
    assert "message" not in results or results["message"] is None, results  # Only an "error" carries one.
    names = [test["name"] for test in results["tests"]]
    assert names == ["01 Adding: test_add", "01 Adding: test_subtract", "02 Doubling: (the whole kata)"], names
    for test in results["tests"]:
        assert test["status"] in {"pass", "fail", "error"} and isinstance(test["test_code"], str), test
        assert isinstance(test["task_id"], int) and (test["status"] == "pass" or test["message"]), test
    assert results["tests"][1]["test_code"].startswith("def test_subtract(kata):"), results["tests"][1]


def test_junit_has_one_suite_per_kata_named_by_its_title_with_worded_failures(graded):
    suites = {suite.get("name"): suite for suite in graded["junit"].iter("testsuite")}
    assert list(suites) == ["01 Adding"], suites  # Kata 02 had nothing to run.
    failures = [case.find("failure").get("message") for case in suites["01 Adding"].iter("testcase")
                if case.find("failure") is not None]
    assert len(failures) == 1 and "subtract(5, 3) returned -2, expected 2" in failures[0], failures


def test_grade_json_records_when_where_and_with_what(graded):
    grade = graded["tfkatas"]
    assert {"graded_at", "seconds", "environment", "files_graded", "ignored_files"} <= set(grade), grade
    assert set(grade["environment"]) == {"tensorflow", "keras", "devices", "seed"}, grade["environment"]
    assert grade["environment"]["seed"] == 1234 and grade["files_graded"] == {"01": "katas/01_add/add.py"}, grade
    assert grade["katas"]["01"]["hints_used"] == 0 and grade["katas"]["02"]["status"] == "broken", grade
