"""Run katas' tests in a separate pytest process and turn the records into a status per kata.

`make progress` and `make grade` use this: the helper process itself never imports
TensorFlow, and all the katas that need a run go into ONE pytest process (TensorFlow's
start-up is paid once). The plugin's --kata-results-json option hands the records back.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from tfkatas.curriculum import ROOT, Kata
from tfkatas.report import short_test_name

PACKAGE_PARENT = Path(__file__).resolve().parent.parent

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


class RunError(Exception):
    """The test process could not run at all (no pytest, a crash); the message says why."""


def shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def available(kata: Kata) -> bool:
    """Whether the kata has been written yet: its test file exists or the pristine manifest lists it."""
    if kata.test_path.exists():
        return True
    from tfkatas.pristine import read_manifest

    return f"{kata.dirname}/{kata.test_filename}" in (read_manifest() or {})


def fingerprint(kata: Kata) -> str:
    """sha256 of the learner's file and the test file: the progress cache key."""
    digest = hashlib.sha256()
    for path in (kata.stub_path, kata.test_path):
        digest.update(str(path.name).encode() + b"\0")
        digest.update(path.read_bytes() if path.exists() else b"<missing>")
        digest.update(b"\0")
    return digest.hexdigest()


def static_status(kata: Kata) -> KataStatus | None:
    """A status known without running anything, or None when the tests must run."""
    if not available(kata):
        return KataStatus(UNAVAILABLE)
    if not kata.test_path.exists():
        return KataStatus(BROKEN, message=f"{shown(kata.test_path)} is missing (git checkout -- {shown(kata.test_path)} restores it)")
    if not kata.stub_path.exists():
        return KataStatus(BROKEN, message=f"{shown(kata.stub_path)} is missing: make reset N={kata.code} restores the stub")
    return None


def summarize(records: dict) -> KataStatus:
    """One kata's status from its per-test records (as the pytest plugin writes them)."""
    if not records:
        return KataStatus(BROKEN, message="no test ran (does the test file collect? make kata shows why)")
    total = len(records)
    passed = sum(record["outcome"] == "passed" for record in records.values())
    failures = [(nodeid, record) for nodeid, record in records.items() if record["outcome"] == "failed"]
    if not failures:
        return KataStatus(SOLVED, passed, total)
    nodeid, first = failures[0]
    if any(record.get("broken") for _, record in failures):
        nodeid, first = next((n, r) for n, r in failures if r.get("broken"))
        return KataStatus(BROKEN, passed, total, first["message"], short_test_name(nodeid))
    if passed == 0 and all(record["not_implemented"] for _, record in failures):
        return KataStatus(NOT_STARTED, passed, total, first["message"], short_test_name(nodeid))
    return KataStatus(FAILING, passed, total, first["message"], short_test_name(nodeid))


def pytest_environment() -> dict[str, str]:
    """The environment of a test process: the learner's katas/, this package importable."""
    environment = dict(os.environ)
    environment["KATA_TARGET"] = "katas"
    environment["KATA_ROOT"] = str(ROOT)
    environment.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
    paths = [str(PACKAGE_PARENT)] + [p for p in environment.get("PYTHONPATH", "").split(os.pathsep) if p]
    environment["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    return environment


def run_katas(katas: list[Kata], junitxml: Path | None = None, timeout: float | None = None) -> dict:
    """Run the katas' tests in one pytest process; {code: {nodeid: record}}."""
    if not katas:
        return {}
    with tempfile.TemporaryDirectory(prefix="tfkatas-") as scratch:
        results_path = Path(scratch) / "results.json"
        command = [sys.executable, "-m", "pytest", *(str(kata.test_path) for kata in katas),
                   "-p", "no:xdist", "-p", "no:cacheprovider", "-p", "no:unraisableexception",
                   "-q", "--tb=no", "--no-header", "-rN", "--rootdir", str(ROOT),
                   "--continue-on-collection-errors", "--kata-results-json", str(results_path)]
        if junitxml is not None:
            command.append(f"--junitxml={junitxml}")
        # Each test has its own timeout (pytest-timeout); this one only stops a hang in C code.
        timeout = timeout or 120 + sum(kata.timeout * 20 for kata in katas)
        try:
            completed = subprocess.run(command, cwd=ROOT, env=pytest_environment(), capture_output=True,
                                       text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            raise RunError(f"the test run was stopped after {timeout:.0f} s (an endless loop in C code?); "
                           "run `make kata N=NN` on each kata to find it") from None
        if not results_path.exists():
            output = (completed.stdout + completed.stderr).strip().splitlines()
            last = output[-1] if output else f"exit status {completed.returncode}"
            if "No module named pytest" in completed.stderr:
                last = f"pytest is not installed for {sys.executable}: run `make setup` and use .venv/bin/python"
            raise RunError(f"the tests could not run: {last}")
        data = json.loads(results_path.read_text())
    return {code: records for code, records in data["katas"].items()}


def statuses_from_run(katas: list[Kata], results: dict) -> dict[str, KataStatus]:
    return {kata.code: summarize(results.get(kata.code, {})) for kata in katas}


def cache_statuses(statuses: dict[str, KataStatus], fingerprints: dict[str, str]) -> None:
    """Remember each kata's status under the hash of its files (state file)."""
    from tfkatas import state

    def change(current: dict) -> None:
        cache = current.setdefault("progress", {})
        for code, status in statuses.items():
            cache[code] = {"key": fingerprints[code], **status.to_dict()}

    state.update(change)


def cached_status(current_state: dict, kata: Kata, key: str) -> KataStatus | None:
    entry = current_state.get("progress", {}).get(kata.code)
    if not entry or entry.get("key") != key:
        return None
    return KataStatus(**{name: entry[name] for name in ("status", "passed", "total", "message", "test") if name in entry})
