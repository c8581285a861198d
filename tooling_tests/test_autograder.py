"""`make autograder`: the zip unpacks into Gradescope's layout and grades a submission there."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile

from tfkatas.fake_checkout import FakeKata, command_environment, make_checkout, tfkatas_command

ADD = '''"""Kata 01."""


def add(a, b):
    """a + b."""
    ### BEGIN SOLUTION: the + operator.
    return a + b
    ### END SOLUTION
'''
ADD_TESTS = '''def test_add(kata):
    assert kata.add(2, 3) == 5, "add(2, 3) should be 5"


def test_add_negative(kata):
    assert kata.add(-2, 3) == 1, "add(-2, 3) should be 1"
'''


def test_run_autograder_grades_a_submission_into_results_json(tmp_path):
    root = make_checkout(tmp_path, [FakeKata(1, "add", ADD, ADD_TESTS)])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    made = tfkatas_command(root, "dev", "autograder", "--output", str(tmp_path / "autograder.zip"))
    assert made.returncode == 0, made.stdout + made.stderr

    autograder = tmp_path / "autograder"  # Gradescope's /autograder, moved by AUTOGRADER_ROOT.
    with zipfile.ZipFile(tmp_path / "autograder.zip") as archive:
        names = archive.namelist()
        assert {"setup.sh", "run_autograder", "katas/01_add/test_add.py"} <= set(names), names
        assert not [name for name in names if "solutions" in name or "wrong_answers" in name], names
        archive.extractall(autograder / "source")
    (autograder / "submission").mkdir()
    (autograder / "submission" / "add.py").write_text("def add(a, b):\n    return a + abs(b)\n")
    (autograder / "submission" / "test_add.py").write_text("def test_add(kata):\n    pass\n")  # Ignored.

    environment = command_environment(root, {"AUTOGRADER_ROOT": str(autograder), "PYTHON": sys.executable})
    finished = subprocess.run(["bash", str(autograder / "source" / "run_autograder")], env=environment,
                              capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert finished.returncode == 0, finished.stdout + finished.stderr
    results = json.loads((autograder / "results" / "results.json").read_text())
    assert results["score"] == 2 and [test["score"] for test in results["tests"]] == [1, 1], results
    assert "ignored" in finished.stdout and "test_add.py" in finished.stdout, finished.stdout
    assert os.access(autograder / "source" / "setup.sh", os.R_OK)
