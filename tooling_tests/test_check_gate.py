"""`make check` itself: on a fake kata set, each broken promise makes it exit 1 with a one-line reason.

The fake katas are pure Python; `python -m tfkatas dev check` runs on them as it does on the
real set (KATA_ROOT points at a scratch checkout), static checks and mutation gate alike.
"""

from __future__ import annotations

import pytest

from tfkatas.fake_checkout import FakeKata, make_checkout, tfkatas_command

SOLUTIONS = {
    "01_add/add.py": '''"""Kata 01 — Adding."""


def add(a, b):
    """a + b. Example: add(2, 3) -> 5."""
    ### BEGIN SOLUTION: the + operator.
    return a + b
    ### END SOLUTION
''',
    "02_double/double.py": '''"""Kata 02 — Doubling."""


def double(x):
    """2 * x. Example: double(4) -> 8."""
    ### BEGIN SOLUTION: multiplication.
    return 2 * x
    ### END SOLUTION
''',
}

WRONG_ANSWERS = {
    # The tests only try add(2, 2), where a * b == a + b: this wrong answer survives.
    "01_add/wrong_answers.py": '''from tfkatas.wrong import wrong_answer


@wrong_answer("add", "subtracts")
def subtracts(a, b):
    return a - b


@wrong_answer("add", "multiplies")
def multiplies(a, b):
    return a * b


@wrong_answer("add", "returns the first number")
def first_only(a, b):
    return a
''',
    "02_double/wrong_answers.py": '''from tfkatas.wrong import wrong_answer


@wrong_answer("double", "adds one")
def adds_one(x):
    return x + 1


@wrong_answer("double", "squares")
def squares(x):
    return x * x


@wrong_answer("double", "returns x")
def unchanged(x):
    return x
''',
}

TESTS = {
    "01_add/test_add.py": '''
def test_add_two_and_two(kata):
    assert kata.add(2, 2) == 4, "add(2, 2) should be 4"
''',
    # The second test never calls the learner's code, so it passes on the untouched stub.
    "02_double/test_double.py": '''
def test_double_three(kata):
    assert kata.double(3) == 6, "double(3) should be 6"


def test_nothing_at_all(kata):
    assert True
''',
}



@pytest.fixture
def checkout(tmp_path):
    """Two fake katas with their stubs, manifest and README table generated."""
    root = make_checkout(tmp_path, [
        FakeKata(1, "add", SOLUTIONS["01_add/add.py"], TESTS["01_add/test_add.py"], WRONG_ANSWERS["01_add/wrong_answers.py"]),
        FakeKata(2, "double", SOLUTIONS["02_double/double.py"], TESTS["02_double/test_double.py"],
                 WRONG_ANSWERS["02_double/wrong_answers.py"])])
    for command in (["dev", "stubs"], ["dev", "readme"]):
        assert tfkatas_command(root, *command).returncode == 0
    return root


def problem_lines(output: str) -> list[str]:
    return [line.strip()[2:] for line in output.splitlines() if line.strip().startswith("- ")]


def test_a_stale_stub_and_a_stale_readme_table_stop_the_check_before_any_test(checkout):
    solution = checkout / "solutions" / "02_double" / "double.py"
    solution.write_text(solution.read_text().replace('"""2 * x.', '"""Twice x.'))
    readme = checkout / "README.md"
    readme.write_text(readme.read_text().replace("| 02 |", "| 2 |"))
    result = tfkatas_command(checkout, "dev", "check")
    problems = problem_lines(result.stdout)
    assert result.returncode == 1, result.stdout + result.stderr
    assert any(line.startswith("kata 02: katas/02_double/double.py is out of sync with its solution")
               and line.endswith("run `make stubs`") for line in problems), problems
    assert "README.md's kata table is out of date: run `make readme`" in problems, problems
    assert "make check:" in result.stdout and "before running any test" in result.stdout


def test_an_uncaught_wrong_answer_and_a_test_that_passes_on_the_stub_fail_the_check(checkout):
    result = tfkatas_command(checkout, "dev", "check")
    problems = problem_lines(result.stdout)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "kata 01: wrong answer wrong-add-multiplies (multiplies) passes every test" in problems, problems
    assert ("kata 02: test_nothing_at_all passes on the untouched stub, so it does not test the learner's code"
            in problems), problems
    assert len(problems) == 2, problems  # The caught wrong answers and the honest test raise nothing.


def test_the_fake_set_passes_once_its_tests_are_honest(checkout):
    (checkout / "katas" / "01_add" / "test_add.py").write_text(
        TESTS["01_add/test_add.py"] + '\n\ndef test_add_two_and_three(kata):\n    assert kata.add(2, 3) == 5\n')
    (checkout / "katas" / "02_double" / "test_double.py").write_text(
        TESTS["02_double/test_double.py"].replace("    assert True", "    assert kata.double(0) == 0"))
    assert tfkatas_command(checkout, "dev", "stubs").returncode == 0  # The test manifest changed.
    result = tfkatas_command(checkout, "dev", "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "All good" in result.stdout


def test_a_nudge_that_gives_away_the_recipe_stops_the_check(checkout):
    solution = checkout / "solutions" / "02_double" / "double.py"
    solution.write_text(solution.read_text().replace("### BEGIN SOLUTION: multiplication.",
                                                     "### BEGIN SOLUTION: take x -> multiply by 2 -> return it."))
    assert tfkatas_command(checkout, "dev", "stubs").returncode == 0
    result = tfkatas_command(checkout, "dev", "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert any(line.startswith("kata 02: solutions/02_double/double.py:6: the nudge quotes a chain of steps")
               for line in problem_lines(result.stdout)), result.stdout


def test_a_solution_that_only_works_inside_the_checkout_fails_the_check(checkout):
    # The check runs the solutions from a copy outside the checkout, as KATA_TARGET answers run.
    (checkout / "katas" / "02_double" / "test_double.py").write_text(
        TESTS["02_double/test_double.py"].replace("    assert True", "    assert kata.double(0) == 0"))
    (checkout / "katas" / "01_add" / "test_add.py").write_text(
        TESTS["01_add/test_add.py"] + '\n\ndef test_add_two_and_three(kata):\n    assert kata.add(2, 3) == 5\n')
    solution = checkout / "solutions" / "01_add" / "add.py"
    solution.write_text(solution.read_text().replace(
        "    return a + b\n",
        "    from pathlib import Path\n\n"
        "    return a + b if (Path(__file__).resolve().parents[2] / 'curriculum.toml').exists() else None\n"))
    assert tfkatas_command(checkout, "dev", "stubs").returncode == 0
    result = tfkatas_command(checkout, "dev", "check")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "kata 01: test_add_two_and_three fails on the solution: assert None == 5" in problem_lines(result.stdout)
