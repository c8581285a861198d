"""The project installs as a package (`pip install .`, `pip install -e .`) with a `tfkatas`
command, and plain pytest keeps its cache, so `--lf` and `--sw` work."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile

from tfkatas.curriculum import ROOT
from tfkatas.fake_checkout import FakeKata, command_environment, make_checkout, tfkatas_command

ADD = '''"""Kata 01."""


def add(a, b):
    """a + b."""
    ### BEGIN SOLUTION: the + operator.
    return a + b
    ### END SOLUTION
'''
ADD_TESTS = '''def test_add(kata):
    assert kata.add(2, 3) == 5


def test_add_zero(kata):
    assert kata.add(0, 0) == 0
'''


def test_the_wheel_holds_the_helper_package_and_its_command_only(tmp_path):
    source = tmp_path / "source"  # A copy: building writes egg-info beside the sources.
    shutil.copytree(ROOT / "tfkatas", source / "tfkatas", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy2(ROOT / name, source / name)
    built = subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "-w", str(tmp_path / "dist"),
                            str(source)], capture_output=True, text=True, timeout=300)
    assert built.returncode == 0, built.stdout + built.stderr
    (wheel,) = (tmp_path / "dist").glob("tf_katas-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "tfkatas/__main__.py" in names and "tfkatas/plugin/__init__.py" in names, names
    assert not [name for name in names if name.split("/")[0] in ("katas", "solutions", "tooling_tests", "data")], names
    entry_points = next(zipfile.ZipFile(wheel).read(name).decode() for name in names if name.endswith("entry_points.txt"))
    assert "tfkatas = tfkatas.__main__:console" in entry_points, entry_points
    assert "pytest11" not in entry_points, "the plugin must load only inside this repository (conftest.py)"


def test_the_installed_command_finds_the_checkout_it_runs_in(tmp_path):
    root = make_checkout(tmp_path, [FakeKata(1, "add", ADD, ADD_TESTS, title="Adding")])
    environment = command_environment(root)
    del environment["KATA_ROOT"]  # As an installed command runs: only the current folder says where.
    listed = subprocess.run([sys.executable, "-c", "from tfkatas.__main__ import console; console()", "list"],
                            cwd=root / "katas", env=environment, capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and "Adding" in listed.stdout, listed.stdout + listed.stderr
    nowhere = subprocess.run([sys.executable, "-c", "from tfkatas.__main__ import console; console()", "list"],
                             cwd=tmp_path, env={**environment, "PYTHONPATH": ""}, capture_output=True, text=True,
                             timeout=60)
    # Run from outside any checkout, with the package found through the interpreter's path only.
    assert nowhere.returncode in (1, 2), nowhere.stdout + nowhere.stderr


def test_plain_pytest_reruns_only_the_last_failures(tmp_path):
    root = make_checkout(tmp_path, [FakeKata(1, "add", ADD, ADD_TESTS)])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    shutil.copy2(ROOT / "pyproject.toml", root / "pyproject.toml")  # This repository's pytest settings.
    (root / "katas" / "01_add" / "add.py").write_text("def add(a, b):\n    return a * b\n")  # add(0, 0) passes.

    def pytest(*arguments):
        return subprocess.run([sys.executable, "-m", "pytest", "katas", "-q", *arguments], cwd=root,
                              env=command_environment(root), capture_output=True, text=True, timeout=120)

    first = pytest()
    assert "1 failed, 1 passed" in first.stdout, first.stdout
    again = pytest("--lf")
    assert again.stdout.strip().splitlines()[-1].startswith("1 failed in"), again.stdout  # add(0, 0) not re-run.
