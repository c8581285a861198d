"""Bad settings get one line and a non-zero exit, never a traceback, and never blame the code."""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest

from tfkatas.curriculum import ROOT
from tfkatas.fake_checkout import FakeKata, make_checkout, tfkatas_command

ADD = ('"""Kata 01."""\n\n\ndef add(a, b):\n    """a + b."""\n'
       '    ### BEGIN SOLUTION: the + operator.\n    return a + b\n    ### END SOLUTION\n')
TESTS = 'def test_add(kata):\n    assert kata.add(2, 3) == 5, "add(2, 3) should be 5"\n'
WRONG = ('from tfkatas.wrong import wrong_answer\n\n\n@wrong_answer("add", "subtracts")\n'
         'def subtracts(a, b):\n    return a - b\n')


@pytest.fixture
def checkout(tmp_path):
    return make_checkout(tmp_path, [FakeKata(1, "add", ADD, TESTS, WRONG)])


def one_line_failure(result, *expected: str) -> str:
    lines = [line for line in (result.stdout + result.stderr).splitlines() if line.strip()]
    assert result.returncode != 0, result.stdout + result.stderr
    assert len(lines) == 1 and "Traceback" not in lines[0] and "your code" not in lines[0], lines
    assert all(text in lines[0] for text in expected), lines
    return lines[0]


@pytest.mark.parametrize("seed", ["abc", "-5", "4294967296"])
def test_a_bad_seed_is_one_line_naming_kata_seed(checkout, seed):
    one_line_failure(tfkatas_command(checkout, "kata", "01", environment={"KATA_SEED": seed}),
                     f"KATA_SEED='{seed}'", "whole number")


def test_a_missing_target_directory_is_one_line(checkout):
    one_line_failure(tfkatas_command(checkout, "kata", "01", environment={"KATA_TARGET": "/nonexistent"}),
                     "KATA_TARGET='/nonexistent' is not a directory")


@pytest.mark.parametrize("minutes", ["abc", "nan", "inf", "0", "-3"])
def test_pair_refuses_minutes_that_are_not_a_time(checkout, minutes):
    one_line_failure(tfkatas_command(checkout, "pair", "01", environment={"MINUTES": minutes}),
                     f"MINUTES='{minutes}'", "positive number of minutes")


def test_an_unknown_language_says_it_falls_back_to_english(checkout):
    result = tfkatas_command(checkout, "hint", "01", environment={"KATA_LANG": "fr"})
    assert result.returncode == 0 and "First hint." in result.stdout, result.stdout
    assert "KATA_LANG='fr'" in result.stderr and "using English" in result.stderr, result.stderr


@pytest.mark.parametrize("threshold", ["1.5", "-0.1", "nan"])
def test_grade_refuses_a_threshold_outside_zero_to_one(checkout, threshold):
    one_line_failure(tfkatas_command(checkout, "grade", "--fail-under", threshold), "outside 0..1")


def test_grade_below_the_threshold_says_score_and_threshold_in_one_line(checkout):
    result = tfkatas_command(checkout, "grade", "--fail-under", "0.8")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "score 0.0000 is below --fail-under 0.8: failing" in result.stderr, result.stderr


def test_an_unknown_make_target_points_to_make_help():
    result = subprocess.run(["make", "-s", "-f", str(ROOT / "Makefile"), "nosuchtarget"], capture_output=True, text=True)
    one_line_failure(result, "no target 'nosuchtarget'", "make help")


def test_a_cuda_build_stays_installed_when_gpu_is_not_repeated(tmp_path):
    """`make setup GPU=1`, then `make check DEVICE=gpu` must not reinstall the CPU build."""
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    (tmp_path / "requirements").mkdir()
    for flavour in ("cpu", "gpu"):
        (tmp_path / "requirements" / f"{flavour}.txt").write_text("")
    (tmp_path / ".venv" / "bin").mkdir(parents=True)
    (tmp_path / ".venv" / "bin" / "python").write_text("")
    time.sleep(0.01)
    (tmp_path / ".venv" / ".installed-gpu").write_text("")

    def dry_run(*arguments):
        return subprocess.run(["make", "-n", *arguments], cwd=tmp_path, capture_output=True, text=True,
                              env={**os.environ, "MAKEFLAGS": ""}).stdout

    assert "pip" not in dry_run("check", "DEVICE=gpu"), "make check reinstalled a build after make setup GPU=1"
    assert "requirements/cpu.txt" in dry_run("check", "GPU=0"), "GPU=0 should switch back to the CPU build"
    assert Path(tmp_path / "Makefile").exists()


def test_a_kata_file_with_a_byte_that_is_not_utf8_can_be_run_reset_and_checked(checkout):
    learner = checkout / "katas" / "01_add" / "add.py"
    pristine = learner.read_bytes()
    learner.write_bytes(b"def add(a, b):\n    return a + b  # caf\xe9\n")
    kata = tfkatas_command(checkout, "kata", "01")
    assert "Traceback" not in kata.stdout + kata.stderr, kata.stdout + kata.stderr
    reset = tfkatas_command(checkout, "reset", "01")
    assert reset.returncode == 0 and "pristine stub again" in reset.stdout, reset.stdout + reset.stderr
    assert learner.read_bytes() == pristine
    backups = list((checkout / ".backups").rglob("*.py"))
    assert len(backups) == 1 and b"caf\xe9" in backups[0].read_bytes(), "the learner's bytes must be kept"
    learner.write_bytes(b"def add(a, b):\n    return a + b  # caf\xe9\n")
    assert tfkatas_command(checkout, "dev", "stubs").returncode == 0  # Writes the manifest and counts.
    learner.write_bytes(b"def add(a, b):\n    return a + b  # caf\xe9\n")
    check = tfkatas_command(checkout, "dev", "check", "01")
    assert "Traceback" not in check.stdout + check.stderr, check.stdout + check.stderr
    assert "not valid UTF-8" in check.stdout, check.stdout
