"""A kata's status (solved, failing, not started, broken, not available yet) from its records.

Pure functions over `TestRecord`s: `make progress`, `make grade` and watch all decide a status here.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from tfkatas.curriculum import Kata
from tfkatas.paths import shown
from tfkatas.pristine import pristine_count
from tfkatas.records import TestRecord
from tfkatas.report import short_test_name

SOLVED, FAILING, NOT_STARTED, BROKEN, UNAVAILABLE = "solved", "failing", "not started", "broken", "not available yet"


@dataclass
class KataStatus:
    status: str
    passed: int = 0
    total: int = 0
    message: str = ""  # The first failure (or why the kata is broken), in words.
    test: str = ""  # The name of the first failing test.

    def to_dict(self) -> dict:
        return asdict(self)


def available(kata: Kata) -> bool:
    """Whether the kata has been written yet: its test file exists or the pristine manifest lists it."""
    if kata.test_path.exists():
        return True
    from tfkatas.pristine import read_manifest

    return f"{kata.dirname}/{kata.test_filename}" in (read_manifest() or {})


def static_status(kata: Kata) -> KataStatus | None:
    """A status known without running anything, or None when the tests must run.

    A missing file still counts its pristine tests (katas/tests.count): deleting a kata never
    raises the score.
    """
    if not available(kata):
        return KataStatus(UNAVAILABLE)
    total = pristine_count(kata)
    if not kata.test_path.exists():
        return KataStatus(BROKEN, total=total, message=f"{shown(kata.test_path)} is missing "
                                                       f"(git checkout -- {shown(kata.test_path)} restores it)")
    if not kata.stub_path.exists():
        return KataStatus(BROKEN, total=total,
                          message=f"{shown(kata.stub_path)} is missing: make reset N={kata.code} restores the stub")
    return None


def summarize(records: dict[str, TestRecord], expected_total: int = 0) -> KataStatus:
    """One kata's status from its per-test records.

    `expected_total` is the pristine test count: tests that vanished (an edited or renamed test
    file) count as failed, so the kata cannot be solved without them.
    """
    total = max(len(records), expected_total)
    if not records:
        return KataStatus(BROKEN, total=total, message="no test ran (does the test file collect? make kata shows why)")
    passed = sum(record.passed for record in records.values())
    failures = [(nodeid, record) for nodeid, record in records.items() if record.failed]
    if not failures and len(records) < expected_total:
        return KataStatus(FAILING, passed, total, f"only {len(records)} of the kata's {expected_total} tests ran: "
                          "is the test file edited? (git checkout -- <test file> restores it)")
    if not failures:
        return KataStatus(SOLVED, passed, total)
    nodeid, first = failures[0]
    broken = [(nodeid, record) for nodeid, record in failures if record.broken]
    if broken:
        nodeid, first = broken[0]
        return KataStatus(BROKEN, passed, total, first.message, short_test_name(nodeid))
    if passed == 0 and all(record.not_implemented for _, record in failures):
        return KataStatus(NOT_STARTED, passed, total, first.message, short_test_name(nodeid))
    return KataStatus(FAILING, passed, total, first.message, short_test_name(nodeid))
