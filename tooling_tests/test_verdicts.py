"""Green means a correct answer: tricks and faults in a learner's file never count as passing.

Each case runs the real commands (`make kata`, `make progress`, `make grade`) on a fake
checkout of pure-Python katas: kata 01 is the learner's trick, kata 02 is solved honestly and
must keep its verdict whatever kata 01 does.
"""

from __future__ import annotations

import json

import pytest

from tfkatas.fake_checkout import FakeKata, make_checkout, tfkatas_command

ADD = '''"""Kata 01."""


def add(a, b):
    """a + b. Example: add(2, 3) -> 5."""
    ### BEGIN SOLUTION: the + operator.
    return a + b
    ### END SOLUTION


def subtract(a, b):
    """a - b. Example: subtract(5, 3) -> 2."""
    ### BEGIN SOLUTION: the - operator.
    return a - b
    ### END SOLUTION
'''
ADD_TESTS = '''from tfkatas.testing import assert_equal


def test_add(kata):
    assert_equal(kata.add(2, 3), 5, "add(2, 3)")


def test_add_again(kata):
    assert_equal(kata.add(4, 3), 7, "add(4, 3)")


def test_subtract(kata):
    assert_equal(kata.subtract(5, 3), 2, "subtract(5, 3)")
'''
DOUBLE = '''"""Kata 02."""


def double(x):
    """2 * x. Example: double(4) -> 8."""
    ### BEGIN SOLUTION: multiplication.
    return 2 * x
    ### END SOLUTION
'''
DOUBLE_TESTS = '''def test_double(kata):
    assert kata.double(4) == 8, "double(4) should be 8"
'''
WRONG = '''from tfkatas.wrong import wrong_answer


@wrong_answer("add", "subtracts")
def subtracts(a, b):
    return a - b
'''
HONEST = "def add(a, b):\n    return a + b\n\n\ndef subtract(a, b):\n    return a - b\n"


@pytest.fixture
def checkout(tmp_path):
    root = make_checkout(tmp_path, [FakeKata(1, "add", ADD, ADD_TESTS, WRONG, timeout=3),
                                    FakeKata(2, "double", DOUBLE, DOUBLE_TESTS, WRONG.replace("add", "double"))])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0  # The pristine manifest and test counts.
    (root / "katas" / "02_double" / "double.py").write_text(DOUBLE)  # Kata 02 is honestly solved.
    return root


def learner_file(root, text: str) -> None:
    (root / "katas" / "01_add" / "add.py").write_text(text)


def kata(root, number="01"):
    return tfkatas_command(root, "kata", number)


def grade(root):
    result = tfkatas_command(root, "grade")
    assert result.returncode == 0, result.stdout + result.stderr
    return json.loads((root / "grade.json").read_text()), result


def test_the_honest_answer_is_solved_and_kata_02_too(checkout):
    learner_file(checkout, HONEST)
    result = kata(checkout)
    assert result.returncode == 0 and "3 of 3 tests pass" in result.stdout, result.stdout
    graded, _ = grade(checkout)
    assert (graded["passed"], graded["total"], graded["katas_solved"]) == (4, 4, 2)


@pytest.mark.parametrize("call", ["pytest.skip('later')", "pytest.xfail('later')"])
def test_a_skip_or_xfail_in_the_learners_code_counts_as_failed_with_its_place(checkout, call):
    learner_file(checkout, f"import pytest\n\n\ndef add(a, b):\n    {call}\n\n\ndef subtract(a, b):\n    return a - b\n")
    result = kata(checkout)
    assert result.returncode == 1, result.stdout
    assert "1 of 3 tests pass" in result.stdout, result.stdout
    assert f"your code called {call.split('(')[0]} in katas/01_add/add.py:5" in result.stdout, result.stdout
    assert "Well done" not in result.stdout
    graded, _ = grade(checkout)
    assert graded["katas"]["01"]["status"] == "failing" and graded["katas"]["02"]["status"] == "solved"


@pytest.mark.parametrize("ending", ["sys.exit(0)", "pytest.exit('bye', returncode=0)", "raise KeyboardInterrupt"])
def test_code_that_ends_the_run_fails_that_test_and_the_others_still_run(checkout, ending):
    learner_file(checkout, f"import sys\n\nimport pytest\n\n\ndef add(a, b):\n    {ending}\n\n\n"
                           "def subtract(a, b):\n    return a - b\n")
    result = kata(checkout)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 of 3 tests pass" in result.stdout and "katas/01_add/add.py:7" in result.stdout, result.stdout
    graded, _ = grade(checkout)
    assert graded["katas"]["02"]["status"] == "solved", graded
    assert graded["total"] == 4 and graded["passed"] == 2, graded


@pytest.mark.parametrize("ending", ["os._exit(0)", "sys.exit(0)"])
def test_ending_the_process_at_import_breaks_only_that_kata(checkout, ending):
    learner_file(checkout, f"import os\nimport sys\n\n{ending}\n\n" + HONEST)
    result = kata(checkout)
    assert result.returncode == 1, result.stdout + result.stderr
    graded, _ = grade(checkout)
    assert graded["katas"]["01"]["status"] == "broken", graded
    assert graded["katas"]["01"]["total"] == 3 and graded["katas"]["02"]["status"] == "solved", graded
    assert (graded["passed"], graded["total"]) == (1, 4), graded
    progress = tfkatas_command(checkout, "progress")
    assert "broken" in progress.stdout and "solved" in progress.stdout, progress.stdout
    learner_file(checkout, HONEST)  # The fix is seen at once: no wrong verdict stays cached.
    assert "2 of 2 available katas solved" in tfkatas_command(checkout, "progress").stdout


def test_deleted_kata_files_still_count_their_tests(checkout):
    (checkout / "katas" / "01_add" / "add.py").unlink()
    (checkout / "katas" / "01_add" / "test_add.py").unlink()
    graded, _ = grade(checkout)
    assert graded["katas"]["01"] == {**graded["katas"]["01"], "status": "broken", "passed": 0, "total": 3}
    assert (graded["passed"], graded["total"]) == (1, 4), graded


def test_a_test_file_with_fewer_tests_is_not_solved(checkout):
    learner_file(checkout, HONEST)
    test_file = checkout / "katas" / "01_add" / "test_add.py"
    test_file.write_text(ADD_TESTS.split("def test_add_again")[0])
    result = kata(checkout)
    graded, _ = grade(checkout)
    assert graded["katas"]["01"]["status"] != "solved" and graded["katas"]["01"]["total"] == 3, graded
    assert graded["edited_test_files"] == ["katas/01_add/test_add.py"]
    assert result.returncode == 0  # What ran passed; the grade is what counts the missing test.


def test_code_that_patches_the_checks_gets_no_credit(checkout):
    patch = "tfkatas.testing.assert_equal.__code__ = (lambda *a, **k: None).__code__"
    learner_file(checkout, f"import tfkatas.testing\n\n{patch}\n\n\n"
                           "def add(a, b):\n    return 0\n\n\ndef subtract(a, b):\n    return 0\n")
    result = kata(checkout)
    assert result.returncode == 1, result.stdout
    assert "0 of 3 tests pass" in result.stdout and "your code changed the checks" in result.stdout, result.stdout


def test_an_endless_loop_costs_one_timeout_then_the_same_function_fails_at_once(checkout):
    learner_file(checkout, "def add(a, b):\n    while True:\n        pass\n\n\ndef subtract(a, b):\n    return a - b\n")
    result = kata(checkout)
    assert result.returncode == 1, result.stdout
    assert "stopped after 3 s in katas/01_add/add.py:2" in result.stdout, result.stdout
    assert "not run: an earlier call of add did not return within 3 s" in result.stdout, result.stdout
    assert "1 of 3 tests pass" in result.stdout, result.stdout


def test_a_target_outside_the_checkout_is_the_file_the_report_names(checkout, tmp_path):
    answers = tmp_path / "my-answers"
    (answers / "01_add").mkdir(parents=True)
    (answers / "01_add" / "add.py").write_text("def add(a, b):\n    return a - b\n\n\ndef subtract(a, b):\n    return a - b\n")
    result = tfkatas_command(checkout, "kata", "01", environment={"KATA_TARGET": str(answers)})
    assert f"Edit {answers / '01_add' / 'add.py'}, fix the first failure" in result.stdout, result.stdout
    missing = tfkatas_command(checkout, "kata", "02", environment={"KATA_TARGET": str(answers)})
    assert f"{answers / '02_double' / 'double.py'} does not exist" in missing.stdout, missing.stdout
    assert "make reset" not in missing.stdout, missing.stdout


def committed(root):
    """The fake checkout as a learner's git clone: the kata set committed, kata 02 solved on top."""
    import subprocess

    for command in (["init", "-q"], ["add", "-A"],
                    ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "kata set"]):
        subprocess.run(["git", *command], cwd=root, check=True, capture_output=True)
    return root


def test_grade_runs_the_committed_tests_and_lists_every_edited_file(checkout):
    committed(checkout)
    learner_file(checkout, "def add(a, b):\n    return 0\n\n\ndef subtract(a, b):\n    return a - b\n")
    test_file = checkout / "katas" / "01_add" / "test_add.py"
    test_file.write_text(test_file.read_text().replace("(kata):\n", "(kata):\n    return\n"))
    (checkout / "conftest.py").write_text("import pytest\n\n\n@pytest.hookimpl(tryfirst=True)\n"
                                          "def pytest_runtest_call(item):\n    item.runtest = lambda: None\n")
    graded, result = grade(checkout)
    assert (graded["katas"]["01"]["status"], graded["katas"]["01"]["passed"]) == ("failing", 1), graded
    assert graded["katas"]["02"]["status"] == "solved", graded
    assert graded["ignored_files"] == ["conftest.py", "katas/01_add/test_add.py"], graded
    assert graded["edited_test_files"] == ["katas/01_add/test_add.py"], graded
    assert "ignored (they differ from the clean copy" in result.stdout, result.stdout


def test_grade_a_submission_folder_against_this_checkouts_tests(checkout, tmp_path):
    submission = tmp_path / "student"
    submission.mkdir()
    (submission / "add.py").write_text(HONEST)
    (submission / "test_add.py").write_text("def test_add(kata):\n    pass\n")
    (submission / "notes.txt").write_text("my notes\n")
    result = tfkatas_command(checkout, "grade", "--submission", str(submission), "--output", str(tmp_path / "g.json"),
                             "--junit", str(tmp_path / "g.xml"))
    assert result.returncode == 0, result.stdout + result.stderr
    graded = json.loads((tmp_path / "g.json").read_text())
    assert graded["katas"]["01"]["status"] == "solved" and graded["files_graded"] == {"01": "add.py"}, graded
    assert graded["katas"]["02"] == {**graded["katas"]["02"], "status": "broken", "passed": 0, "total": 1}, graded
    assert graded["ignored_files"] == ["notes.txt", "test_add.py"], graded
