"""Run many katas' tests in one separate process and hand back their records.

`make progress` and `make grade` use this: the helper process itself never imports
TensorFlow; all the katas that need a run go to ONE process (TensorFlow's start-up is paid
once), which runs each kata in its own forked child (tfkatas.batch).
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

from tfkatas.batch import kata_time_limit
from tfkatas.curriculum import Kata
from tfkatas.launcher import batch_run, run_apart
from tfkatas.pristine import pristine_count
from tfkatas.records import Results, results_from_json
from tfkatas.statuses import KataStatus, summarize


class RunError(Exception):
    """The test process could not run at all (no pytest, a crash); the message says why."""


def run_katas(katas: list[Kata], junitxml: Path | None = None, timeout: float | None = None,
              environment: dict | None = None) -> Results:
    """Run the katas' tests in one pytest process; {code: {nodeid: record}}.

    `environment`, when given, is filled with what the tests ran on (versions, devices, seed).
    """
    if not katas:
        return {}
    with tempfile.TemporaryDirectory(prefix="tfkatas-") as scratch:
        results_path = Path(scratch) / "results.json"
        run = batch_run(katas, results_path, junitxml)
        timeout = timeout or 120 + sum(kata_time_limit(kata) for kata in katas)
        try:
            completed = run_apart(run, timeout=timeout)
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
        if environment is not None:
            environment.update(data.get("environment", {}))
        return results_from_json(data)


def statuses_from_run(katas: list[Kata], results: Results) -> dict[str, KataStatus]:
    return {kata.code: summarize(results.get(kata.code, {}), pristine_count(kata)) for kata in katas}
