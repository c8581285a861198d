"""Tests of the learner commands (progress, hint, reset/restore, stubs, grade, watch, pair)
against a tiny fake curriculum of pure-Python katas, so they run without TensorFlow.

Each command runs as a learner runs it, `python -m tfkatas ...`, in a subprocess whose
KATA_ROOT points at a scratch checkout.
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pytest

import tfkatas
from tfkatas.curriculum import OPTIONAL_WORDS_KEYS, WORDS_FILENAME, WORDS_KEYS
from tfkatas.fake_checkout import command_environment
from tfkatas.stubs import make_stub

PACKAGE_PARENT = Path(tfkatas.__file__).resolve().parent.parent

CURRICULUM = '''
[[kata]]
number = 1
slug = "add"
title = "Adding numbers"
title_zh = "加法"
topic = "basics"
source = "none.txt"
summary = "Add two numbers."
minutes = 5
timeout = 2
hints = ["First hint about +.", "Second hint.", "Nearly the answer: return a + b."]
hints_zh = ["第一个提示。", "第二个提示。", "几乎是答案：return a + b。"]

[[kata]]
number = 2
slug = "double"
title = "Doubling"
topic = "basics"
source = "none.txt"
summary = "Double a number."
minutes = 5
timeout = 2
hints = ["Multiply.", "return 2 * x"]

[[kata]]
number = 3
slug = "later"
title = "Not written yet"
topic = "basics"
source = "none.txt"
summary = ""
minutes = 5
timeout = 2
hints = []
'''

SOLUTIONS = {
    "01_add/add.py": '''"""Kata 01 — Adding numbers."""


def add(a, b):
    """a + b. Example: add(2, 3) -> 5."""
    ### BEGIN SOLUTION: the + operator adds two numbers.
    return a + b
    ### END SOLUTION


def subtract(a, b):
    """a - b. Example: subtract(5, 3) -> 2."""
    ### BEGIN SOLUTION: the - operator subtracts.
    return a - b
    ### END SOLUTION
''',
    "02_double/double.py": '''"""Kata 02 — Doubling."""


def double(x):
    """2 * x. Example: double(4) -> 8."""
    ### BEGIN SOLUTION: multiply by two.
    return 2 * x
    ### END SOLUTION
''',
}

TESTS = {
    "01_add/test_add.py": '''
def test_add_adds_small_numbers(kata):
    assert kata.add(2, 3) == 5, "add(2, 3) should be 5"


def test_subtract_subtracts(kata):
    assert kata.subtract(5, 3) == 2, "subtract(5, 3) should be 2"
''',
    "02_double/test_double.py": '''
def test_double_doubles(kata):
    assert kata.double(4) == 8, "double(4) should be 8"
''',
}

ADD_SOLVED = SOLUTIONS["01_add/add.py"]  # The markers are plain comments: the solution runs as it is.
ADD_HALF = make_stub(SOLUTIONS["01_add/add.py"]).replace(
    'raise NotImplementedError("the + operator adds two numbers.")', "return a + b")
ENDLESS_LOOP = 'def add(a, b):\n    while True:\n        pass\n\n\ndef subtract(a, b):\n    return a - b\n'
# A hang the per-test timeout cannot interrupt (as in C code): the timeout's SIGALRM is blocked.
HANG_IGNORING_TIMEOUT = ('import signal\n\n\ndef add(a, b):\n    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})\n'
                         '    while True:\n        pass\n\n\ndef subtract(a, b):\n    return a - b\n')


@pytest.fixture
def checkout(tmp_path):
    """A scratch checkout laid out like the real one, with two pure-Python katas (and one unwritten)."""
    root = tmp_path / "repo"
    (root / "katas").mkdir(parents=True)
    write_curriculum(root, CURRICULUM)
    (root / "conftest.py").write_text('pytest_plugins = ["tfkatas.plugin"]\n')
    (root / "pyproject.toml").write_text('[tool.pytest.ini_options]\npython_files = ["test_*.py"]\n'
                                         'addopts = ["--import-mode=importlib", "-p", "no:cacheprovider"]\n'
                                         'timeout = 60\ntimeout_method = "signal"\n')
    for name, source in SOLUTIONS.items():
        (root / "solutions" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "solutions" / name).write_text(source)
        (root / "katas" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "katas" / name).write_text(make_stub(source))
    for name, source in TESTS.items():
        (root / "katas" / name).write_text(source)
    return root


def write_curriculum(root: Path, text: str) -> None:
    """The index to curriculum.toml, each written kata's words to its katas/NN_slug/kata.toml."""
    index = []
    for entry in tomllib.loads(text)["kata"]:
        words = {key: entry.pop(key) for key in list(entry) if key in WORDS_KEYS + OPTIONAL_WORDS_KEYS}
        index.append("[[kata]]\n" + "".join(f"{key} = {json.dumps(value)}\n" for key, value in entry.items()))
        folder = root / "katas" / f"{entry['number']:02d}_{entry['slug']}"
        if entry["slug"] != "later":  # Kata 03 is not written yet: it has no folder.
            folder.mkdir(parents=True, exist_ok=True)
            (folder / WORDS_FILENAME).write_text("".join(f"{key} = {json.dumps(value, ensure_ascii=False)}\n"
                                                         for key, value in words.items()))
    (root / "curriculum.toml").write_text("\n".join(index))


def tfkatas_command(root: Path, *arguments: str, environment: dict | None = None, timeout: float = 60):
    return subprocess.run([sys.executable, "-m", "tfkatas", *arguments], cwd=root, env=_environment(root, environment),
                          capture_output=True, text=True, timeout=timeout)


def _environment(root: Path, extra: dict | None = None) -> dict:
    return command_environment(root, extra)


def state_of(root: Path) -> dict:
    return json.loads((root / ".kata-state.json").read_text())


def digest_tree(root: Path) -> dict[str, str]:
    return {str(path.relative_to(root)): hashlib.sha256(path.read_bytes()).hexdigest()
            for path in sorted((root / "katas").rglob("*.py")) if "__pycache__" not in path.parts}


# ----------------------------------------------------------------------------- progress


def test_progress_runs_changed_katas_only_and_caches_by_file_content(checkout):
    first = tfkatas_command(checkout, "progress")
    assert first.returncode == 0, first.stderr
    assert "running the tests of kata 01, 02" in first.stderr
    assert "not started" in first.stdout and "not available yet" in first.stdout
    assert "Score: 0/3 tests pass" in first.stdout

    cached = tfkatas_command(checkout, "progress")
    assert "running the tests" not in cached.stderr, "nothing changed, so nothing should re-run"
    assert cached.stdout == first.stdout

    (checkout / "katas/01_add/add.py").write_text(ADD_HALF)
    changed = tfkatas_command(checkout, "progress")
    assert "running the tests of kata 01 " in changed.stderr, changed.stderr  # Only the changed kata.
    assert "failing" in changed.stdout and "1/2" in changed.stdout

    (checkout / "katas/01_add/add.py").write_text(ADD_SOLVED)
    solved = tfkatas_command(checkout, "progress")
    assert "solved" in solved.stdout and "Score: 2/3 tests pass" in solved.stdout
    entry = state_of(checkout)["progress"]["01"]
    assert entry["status"] == "solved" and len(entry["key"]) == 64
    assert state_of(checkout)["_note"] == "managed by tfkatas; do not edit"


def test_progress_shows_a_syntax_error_as_broken_with_file_and_line_and_other_katas_still_run(checkout):
    (checkout / "katas/01_add/add.py").write_text("def add(a, b):\n    return a +\n")
    (checkout / "katas/02_double/double.py").write_text(SOLUTIONS["02_double/double.py"])
    result = tfkatas_command(checkout, "progress")
    assert result.returncode == 0, result.stderr
    assert "broken" in result.stdout
    assert "katas/01_add/add.py:2: SyntaxError" in result.stdout
    assert "solved" in result.stdout  # Kata 02 is unaffected.


def test_progress_shows_an_import_error_and_stops_an_endless_loop_naming_the_kata(checkout):
    (checkout / "katas/01_add/add.py").write_text("import no_such_module_here\n")
    (checkout / "katas/02_double/double.py").write_text("def double(x):\n    while True:\n        pass\n")
    result = tfkatas_command(checkout, "progress")
    assert result.returncode == 0, result.stderr
    assert "katas/01_add/add.py:1: importing it raised ModuleNotFoundError" in result.stdout
    rows = {line[:2]: line for line in result.stdout.splitlines() if line[:2] in ("01", "02")}
    assert "broken" in rows["01"] and "failing" in rows["02"]
    assert state_of(checkout)["progress"]["02"]["message"].startswith(
        "stopped after 2 s in katas/02_double/double.py:")


# ----------------------------------------------------------------------------- hints


def test_hint_shows_the_next_hint_each_time_and_all_with_all(checkout):
    outputs = [tfkatas_command(checkout, "hint", "01").stdout for _ in range(4)]
    assert "Hint 1/3" in outputs[0] and "First hint" in outputs[0] and "Second" not in outputs[0]
    assert "Hint 2/3" in outputs[1] and "First hint" not in outputs[1]
    assert "Hint 3/3" in outputs[2] and "last hint" in outputs[2]
    assert "Hint 3/3" in outputs[3]  # It stays at the last hint.
    assert state_of(checkout)["hints"] == {"01": 3}
    every = tfkatas_command(checkout, "hint", "02", "--all").stdout
    assert "Hint 1/2" in every and "Hint 2/2" in every


def test_hint_speaks_chinese_when_asked(checkout):
    result = tfkatas_command(checkout, "hint", "1", environment={"KATA_LANG": "zh"})
    assert "第一个提示" in result.stdout and "加法" in result.stdout


@pytest.mark.parametrize("number", ["99", "abc", ""])
def test_a_bad_kata_number_gives_one_line_and_a_nonzero_exit(checkout, number):
    before = digest_tree(checkout)
    commands = ("hint", "reset", "restore", "watch") if number else ("hint", "reset", "restore")
    for command in commands:  # (`make watch` with no N watches the first unsolved kata.)
        result = tfkatas_command(checkout, command, *([number] if number else []))
        assert result.returncode != 0, (command, result.stdout)
        assert len(result.stderr.strip().splitlines()) == 1 and "kata" in result.stderr, (command, result.stderr)
    assert digest_tree(checkout) == before


# ----------------------------------------------------------------------------- no lost work


def test_reset_backs_up_the_learners_file_and_restore_brings_it_back(checkout):
    path = checkout / "katas/01_add/add.py"
    pristine = path.read_text()
    path.write_text(ADD_HALF)
    reset = tfkatas_command(checkout, "reset", "01")
    assert reset.returncode == 0, reset.stderr
    assert path.read_text() == pristine
    backups = list((checkout / ".backups/01_add").glob("*.py"))
    assert len(backups) == 1 and backups[0].read_text() == ADD_HALF

    restore = tfkatas_command(checkout, "restore", "01")
    assert restore.returncode == 0, restore.stderr
    assert path.read_text() == ADD_HALF


def test_reset_brings_back_a_deleted_kata_file(checkout):
    (checkout / "katas/01_add/add.py").unlink()
    assert "is missing: make reset N=01" in tfkatas_command(checkout, "progress").stdout
    assert tfkatas_command(checkout, "reset", "01").returncode == 0
    assert (checkout / "katas/01_add/add.py").read_text() == make_stub(SOLUTIONS["01_add/add.py"])


def test_stub_regeneration_backs_up_an_edited_file_before_overwriting_it(checkout):
    path = checkout / "katas/01_add/add.py"
    path.write_text(ADD_HALF)
    result = tfkatas_command(checkout, "dev", "stubs")
    assert result.returncode == 0, result.stderr
    backups = list((checkout / ".backups/01_add").glob("*.py"))
    assert [backup.read_text() for backup in backups] == [ADD_HALF]
    assert (checkout / "katas/tests.sha256").exists()


def test_grade_writes_the_documented_schema_and_never_touches_learner_files(checkout):
    tfkatas_command(checkout, "dev", "stubs")  # Writes the pristine test manifest.
    (checkout / "katas/01_add/add.py").write_text(ADD_HALF)
    (checkout / "katas/02_double/test_double.py").write_text(TESTS["02_double/test_double.py"] + "\n# edited\n")
    before = digest_tree(checkout)
    result = tfkatas_command(checkout, "grade")
    assert result.returncode == 0, result.stderr
    assert digest_tree(checkout) == before
    grade = json.loads((checkout / "grade.json").read_text())
    assert grade["schema"] == "tfkatas-grade/1"
    assert set(grade["katas"]) == {"01", "02"}
    assert grade["katas"]["01"] == {"title": "Adding numbers", "status": "failing", "passed": 1, "total": 2,
                                    "score": 0.5, "hints_used": 0, "failed_tests": [
                                        {"test": "test_subtract_subtracts",
                                         "message": "not written yet in katas/01_add/add.py:13: "
                                                    "the - operator subtracts."}]}
    assert grade["katas"]["02"]["status"] == "not started"
    assert (grade["passed"], grade["total"], grade["score"]) == (1, 3, 0.3333)
    assert grade["edited_test_files"] == ["katas/02_double/test_double.py"]
    junit = (checkout / "grade.xml").read_text()
    assert "test_add_adds_small_numbers" in junit and 'tests="3"' in junit


def test_a_read_only_state_file_gives_one_line_and_a_nonzero_exit(checkout, monkeypatch):
    from tfkatas import state

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(state.os, "replace", read_only)
    with pytest.raises(state.StateError, match="read-only"):
        state.save({"hints": {}}, checkout / ".kata-state.json")
    assert not list(checkout.glob(".kata-state.json*")), "no temporary file is left behind"


def test_an_unusable_state_file_stops_commands_before_they_touch_anything(checkout):
    # Root ignores file permissions, so a directory in the state file's place stands in for a read-only disk.
    (checkout / ".kata-state.json").mkdir()
    for command in (["hint", "01"], ["progress"], ["grade"]):
        result = tfkatas_command(checkout, *command)
        assert result.returncode != 0, command
        assert len(result.stderr.strip().splitlines()) == 1, (command, result.stderr)


# ----------------------------------------------------------------------------- watch


class Watching:
    """A `watch` subprocess whose output lines are collected by a reader thread."""

    def __init__(self, root: Path, *arguments: str, environment: dict | None = None):
        self.lines: list[tuple[float, str]] = []
        self.process = subprocess.Popen([sys.executable, "-u", "-m", "tfkatas", *arguments], cwd=root,
                                        env=_environment(root, environment), stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT, text=True)
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        for line in self.process.stdout:
            self.lines.append((time.monotonic(), line.rstrip("\n")))

    def wait_for(self, text: str, since: float = 0.0, timeout: float = 40) -> float:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for stamp, line in list(self.lines):
                if stamp >= since and text in line:
                    return stamp
            time.sleep(0.02)
        self.process.kill()
        raise AssertionError(f"no {text!r} in watch output:\n" + "\n".join(line for _, line in self.lines))

    def output(self) -> str:
        return "\n".join(line for _, line in self.lines)


def _save(path: Path, text: str) -> float:
    """Save as an editor does: a new file put in place at once (a truncated file is never seen)."""
    time.sleep(0.05)
    temporary = path.with_name(path.name + ".saving")
    temporary.write_text(text)
    os.replace(temporary, path)
    return time.monotonic()


def test_watch_reruns_on_save_survives_a_syntax_error_and_an_endless_loop_then_moves_on(checkout):
    path = checkout / "katas/01_add/add.py"
    # The limit must stop the endless loop, yet leave an honest run room: a run of these tiny katas
    # takes ~0.3 s when idle but several seconds beside `make check`'s kata tests (4 s was too little).
    watching = Watching(checkout, "watch", "01", "--max-runs", "12", "--limit", "8", "--poll", "0.05")
    watching.wait_for("Kata 01: ")
    assert "0/2 tests pass" in watching.output()

    saved = _save(path, "def add(a, b):\n    return a +\n")
    watching.wait_for("katas/01_add/add.py:2: SyntaxError", since=saved)

    saved = _save(path, ENDLESS_LOOP)  # The kata's own per-test timeout (2 s) stops it.
    watching.wait_for("stopped after 2 s in katas/01_add/add.py:2: is there an endless loop", since=saved)

    saved = _save(path, HANG_IGNORING_TIMEOUT)  # Only watch's wall-clock limit can stop this one.
    watching.wait_for("stopped after 8 s: endless loop in katas/01_add/add.py?", since=saved, timeout=30)

    saved = _save(path, ADD_HALF)
    watching.wait_for("1/2 tests pass", since=saved)

    saved = _save(path, ADD_SOLVED)
    watching.wait_for("→ moving on to kata 02", since=saved, timeout=30)
    watching.wait_for("Kata 02: ", since=saved, timeout=30)
    watching.process.terminate()  # Kata 02 waits for a save; the runs asked for are not all used.
    watching.process.wait(timeout=40)
    assert "✗ test_subtract_subtracts: not written yet" in watching.output()


def test_a_save_during_a_pending_timeout_starts_a_new_run_at_once(checkout):
    path = checkout / "katas/01_add/add.py"
    watching = Watching(checkout, "watch", "01", "--max-runs", "3", "--limit", "30", "--poll", "0.05")
    watching.wait_for("Kata 01: ")
    saved = _save(path, HANG_IGNORING_TIMEOUT)  # Only the 30 s limit would stop this run...
    time.sleep(1.5)
    fixed = _save(path, ADD_SOLVED)  # ...but the next save does, long before.
    watching.wait_for("saved again during the run: starting over", since=saved, timeout=10)
    watching.wait_for("solved ✓", since=fixed, timeout=25)
    assert time.monotonic() - saved < 28, "the fix waited for the pending 30 s limit"


def test_watch_without_a_number_starts_at_the_first_unsolved_kata(checkout):
    (checkout / "katas/01_add/add.py").write_text(ADD_SOLVED)
    assert tfkatas_command(checkout, "progress").returncode == 0
    watching = Watching(checkout, "watch", "--max-runs", "1")
    watching.wait_for("Kata 02: ")
    assert watching.process.wait(timeout=40) == 0


def test_pair_swaps_on_a_new_green_test_and_logs_who_drove(checkout):
    path = checkout / "katas/01_add/add.py"
    watching = Watching(checkout, "pair", "01", "--max-runs", "2", "--poll", "0.05", "--minutes", "0.01",
                        environment={"DRIVER": "Ana", "NAVIGATOR": "Bo"})
    watching.wait_for("Kata 01: ")
    watching.wait_for("minutes are up")  # 0.6 s timer.
    saved = _save(path, ADD_HALF)
    watching.wait_for("test_add_adds_small_numbers turned green", since=saved)
    assert watching.process.wait(timeout=40) == 0
    log = state_of(checkout)["pair_log"]
    greens = [entry for entry in log if entry["event"] == "green"]
    assert [(entry["test"], entry["kata"]) for entry in greens] == [("test_add_adds_small_numbers", "01")]
    assert greens[0]["driver"] in ("Ana", "Bo")
    assert any(entry["event"] == "swap" for entry in log)


def test_pair_needs_two_different_names_and_counts_minutes_in_words(checkout):
    from tfkatas.commands.pair import minutes_in_words

    for names in (["--driver", " ", "--navigator", "Bo"], ["--driver", "Ana", "--navigator", "ana"]):
        result = tfkatas_command(checkout, "pair", "01", *names)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
        assert "DRIVER and NAVIGATOR" in result.stderr, result.stderr
    assert (minutes_in_words(1), minutes_in_words(7), minutes_in_words(0.5)) == ("1 minute", "7 minutes", "0.5 minutes")


# ----------------------------------------------------------------------------- kata words (kata.toml)


def test_a_kata_words_file_without_hints_is_a_curriculum_error_naming_the_file(checkout):
    (checkout / "katas/02_double/kata.toml").write_text('title = "Doubling"\nsummary = "Double a number."\n')
    result = tfkatas_command(checkout, "list")
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert "katas/02_double/kata.toml lacks hints" in result.stdout + result.stderr


def test_static_checks_report_a_kata_with_one_hint_naming_its_words_file(checkout):
    (checkout / "katas/02_double/kata.toml").write_text('title = "Doubling"\nsummary = "Double."\nhints = ["Multiply."]\n')
    script = ("from tfkatas.dev.check import static_problems\n"
              "from tfkatas.curriculum import find_kata\n"
              "print('\\n'.join(static_problems([find_kata(2)], strict=False)[0]))\n")
    result = subprocess.run([sys.executable, "-c", script], cwd=checkout, env=_environment(checkout),
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert "kata 02: katas/02_double/kata.toml needs 2-4 non-empty hints (it has 1)" in result.stdout, result.stdout
