"""The grade in the formats grading platforms read: Gradescope's and Exercism's results.json.

Both are built from the same per-test entries: one per test that ran, and one for each kata
whose tests could not run at all (a missing or broken file), worth all of its pristine tests,
so a platform's total is the grade's total.

- Gradescope (https://gradescope-autograders.readthedocs.io/en/latest/specs/): `score`, and
  `tests` with `name`, `score`, `max_score`, `output`, `visibility`.
- Exercism's test runner interface, version 3: `version`, `status` (pass | fail | error),
  `message` when the status is error, and `tests` with `name`, `status`, `message`,
  `test_code` and `task_id`, in the order of the test files.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tfkatas.records import TestRecord


@dataclass
class Entry:
    kata_code: str
    kata_title: str
    test_name: str  # The test function with its parameters, or "(the whole kata)".
    passed: bool
    points: int  # 1 for a test; a broken kata's entry is worth all its pristine tests.
    message: str
    test_code: str

    @property
    def name(self) -> str:
        return f"{self.kata_code} {self.kata_title}: {self.test_name}"


@cache
def _functions(test_file: Path) -> dict[str, str]:
    """Each top-level test function's source in `test_file`, by name."""
    try:
        source = test_file.read_text(encoding="utf-8")
        tree = ast.parse(source)
    except (OSError, SyntaxError, UnicodeDecodeError):
        return {}
    return {node.name: ast.get_source_segment(source, node) or "" for node in tree.body
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)}


def entries(katas, statuses: dict, results: dict[str, dict[str, TestRecord]]) -> list[Entry]:
    """Every kata's tests as entries, in curriculum order and each test file's order."""
    found = []
    for kata in katas:
        status, records = statuses[kata.code], results.get(kata.code, {})
        ran = {nodeid: record for nodeid, record in records.items() if not nodeid.endswith("(the whole kata)")}
        for nodeid, record in ran.items():
            test_name = nodeid.rpartition("::")[2]
            code = _functions(kata.test_path).get(test_name.partition("[")[0], "")
            found.append(Entry(kata.code, kata.title, test_name, record.passed, 1, record.message, code))
        missing = status.total - len(ran)
        if missing > 0:
            message = status.message or f"{missing} of the kata's tests did not run"
            found.append(Entry(kata.code, kata.title, "(the whole kata)", False, missing, message, ""))
    return found


def gradescope(found: list[Entry], summary: str) -> dict:
    tests = [{"name": entry.name, "score": entry.points if entry.passed else 0, "max_score": entry.points,
              "output": "passed" if entry.passed else entry.message, "visibility": "visible"} for entry in found]
    return {"score": sum(test["score"] for test in tests), "output": summary, "visibility": "visible",
            "stdout_visibility": "visible", "tests": tests}


def exercism(found: list[Entry]) -> dict:
    tests = [{"name": entry.name, "status": "pass" if entry.passed else "fail",
              "message": None if entry.passed else entry.message, "test_code": entry.test_code,
              "task_id": int(entry.kata_code)} for entry in found]
    if tests and all(entry.test_name == "(the whole kata)" for entry in found):
        # Nothing ran at all (every kata broken): Exercism's "error", with the first reason.
        return {"version": 3, "status": "error", "message": found[0].message, "tests": tests}
    return {"version": 3, "status": "pass" if tests and all(test["status"] == "pass" for test in tests) else "fail",
            "tests": tests}
