"""`make class-report`: three students' trees graded in clean copies, merged into a page and a CSV;
the page is opened in a real headless Chromium (Debian's package), which renders it and takes
a screenshot into artifacts/."""

from __future__ import annotations

import csv
import os
import shutil
import subprocess

import pytest

from tfkatas.curriculum import ROOT
from tfkatas.fake_checkout import FakeKata, make_checkout, tfkatas_command

ADD = '''"""Kata 01."""


def add(a, b):
    """a + b."""
    ### BEGIN SOLUTION: the + operator.
    return a + b
    ### END SOLUTION
'''
ADD_TESTS = '''def test_add(kata):
    assert kata.add(2, 3) == 5, f"add(2, 3) returned {kata.add(2, 3)}, expected 5"
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
STUDENTS = {"ana": {"add.py": "def add(a, b):\n    return a + b\n", "double.py": "def double(x):\n    return x + x\n"},
            "bo": {"add.py": "def add(a, b):\n    return a * b\n", "double.py": "def double(x):\n    return 2 * x\n"},
            "cy": {"add.py": "def add(a, b):\n    return a - b\n"}}
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update", "--disable-sync"]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    tmp_path = tmp_path_factory.mktemp("class")
    root = make_checkout(tmp_path, [FakeKata(1, "add", ADD, ADD_TESTS, title="Adding"),
                                    FakeKata(2, "double", DOUBLE, DOUBLE_TESTS, title="Doubling")])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    for student, files in STUDENTS.items():
        (tmp_path / "submissions" / student).mkdir(parents=True)
        for name, text in files.items():
            (tmp_path / "submissions" / student / name).write_text(text)
    result = tfkatas_command(root, "dev", "class-report", "--submissions", str(tmp_path / "submissions"),
                             "--grades", str(tmp_path / "grades"), "--output", str(tmp_path / "out"), "--jobs", "2")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "graded 3 submissions" in result.stdout and "per minute" in result.stdout, result.stdout
    return tmp_path / "out"


def test_the_csv_is_the_students_by_katas_grid(report):
    rows = list(csv.reader((report / "class.csv").open()))
    assert rows == [["student", "score", "01", "02"], ["ana", "1.0", "solved", "solved"],
                    ["bo", "0.5", "failing", "solved"], ["cy", "0.0", "failing", "broken"]], rows


def test_the_page_names_the_commonest_failure(report):
    page = (report / "index.html").read_text()
    assert "3 students · 2 katas" in page and "<code>test_add</code></td><td>2</td>" in page, page
    assert "add(2, 3) returned" in page and "67%" in page, page  # Kata 02: 2 of 3 solved.


def test_the_page_renders_in_headless_chromium_with_a_screenshot(report, tmp_path):
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        message = "Debian's chromium is not installed (apt-get install chromium; .ci/run installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    page = (report / "index.html").as_uri()
    flags = [*CHROMIUM_FLAGS, f"--user-data-dir={tmp_path / 'profile'}"]
    dom = subprocess.run([chromium, *flags, "--dump-dom", page], capture_output=True, text=True, timeout=60)
    assert 'id="grid"' in dom.stdout and "<th>cy</th>" in dom.stdout, dom.stdout[-2000:] + dom.stderr[-2000:]
    screenshot = ROOT / "artifacts" / "class-report.png"
    screenshot.parent.mkdir(exist_ok=True)
    shot = subprocess.run([chromium, *flags, f"--screenshot={screenshot}", "--window-size=1000,900", page],
                          capture_output=True, text=True, timeout=60)
    assert screenshot.exists() and screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", shot.stderr[-2000:]
