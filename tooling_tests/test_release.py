"""`make release`: the student repository works for a learner and holds no answers."""

from __future__ import annotations

import json

from tfkatas.fake_checkout import FakeKata, make_checkout, tfkatas_command

ADD = '''"""Kata 01."""


def add(a, b):
    """a + b."""
    ### BEGIN SOLUTION: the + operator.
    return a + b
    ### END SOLUTION
'''
ADD_TESTS = '''def test_add(kata):
    assert kata.add(2, 3) == 5, "add(2, 3) should be 5"
'''
WRONG = '''from tfkatas.wrong import wrong_answer


@wrong_answer("add", "subtracts")
def subtracts(a, b):
    return a - b
'''


def test_a_release_has_no_answers_and_every_learner_command_works(tmp_path):
    root = make_checkout(tmp_path, [FakeKata(1, "add", ADD, ADD_TESTS, WRONG, hints=("Think of +.", "return a + b"))])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    (root / "katas" / "01_add" / "add.py").write_text("def add(a, b):\n    return 'teacher was here'\n")
    release = tmp_path / "student"
    made = tfkatas_command(root, "dev", "release", str(release))
    assert made.returncode == 0 and "released 1 katas" in made.stdout, made.stdout + made.stderr

    files = sorted(path.relative_to(release).as_posix() for path in release.rglob("*") if path.is_file())
    assert not [name for name in files if "solutions" in name or "wrong_answers" in name], files
    assert "return a + b" not in (release / "katas" / "01_add" / "add.py").read_text()  # The stub, not the teacher's file.
    assert "make kata N=01" in (release / "README.md").read_text()

    def learner(*arguments):
        return tfkatas_command(release, *arguments)

    assert learner("kata", "01").returncode == 1
    assert "Think of +." in learner("hint", "01").stdout
    (release / "katas" / "01_add" / "add.py").write_text("def add(a, b):\n    return a + b\n")
    solved = learner("kata", "01")
    assert solved.returncode == 0 and "1 of 1 tests pass" in solved.stdout, solved.stdout
    assert "solved" in learner("progress").stdout
    graded = learner("grade")
    assert graded.returncode == 0, graded.stdout + graded.stderr
    assert json.loads((release / "grade.json").read_text())["katas"]["01"]["status"] == "solved"
    reset = learner("reset", "01")
    assert reset.returncode == 0 and "is the pristine stub again" in reset.stdout, reset.stdout + reset.stderr
    assert "NotImplementedError" in (release / "katas" / "01_add" / "add.py").read_text()
    check = learner("dev", "check")
    assert check.returncode == 2 and "needs the teacher's copy" in check.stderr, check.stdout + check.stderr
    assert len(check.stderr.strip().splitlines()) == 1, check.stderr
