"""`Misconceptions`: the plugin object that names the known mistake a failing answer behaves like.

The `kata` fixture hands the learner's module (or, in check mode, a wrong answer's) to `watch`,
which logs the test's calls to its functions (tfkatas.diagnosis). When a test fails, the calls
are replayed on the kata's wrong answers and the solution; the diagnosis goes into the test's
report (`kata_diagnosis`), so the learner's report, watch, pair and the grade files show it. In
check mode each wrong answer's first failure records whether it was diagnosed as itself (or as
a wrong answer that gives the same results there): `make check` prints that share per kata.

First, though, the failure's fingerprint is looked up in the kata's table of how its wrong
answers fail (tfkatas.fingerprints): it reaches what no replay can within the time budget (a
training call, a Keras model). Check mode records each wrong answer's fingerprint, and
`make check` writes the tables.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tfkatas.curriculum import SOLUTIONS_DIR, kata_for_path
from tfkatas.diagnosis import BUDGET, CallLog, Diagnosis, diagnose, known_mistake, watch_module
from tfkatas.fingerprints import fingerprint, name_in_learner_run, read_table
from tfkatas.plugin.configuration import curriculum_of
from tfkatas.variants import SOLUTION_VARIANT, STUB_VARIANT, is_wrong_answer, variant_of


class Misconceptions:
    NAME = "tfkatas-misconceptions"

    def __init__(self, config):
        self.config = config
        self.log = CallLog()
        self.modules: dict[tuple[str, str], object] = {}  # (kata code, wrong answer id or "solution") -> module
        self.tables: dict[str, dict] = {}  # kata code -> its fingerprint table, read once
        # Seconds the diagnosis took per (test file, variant): one learner's run, or one wrong answer's in check mode.
        self.spent: dict[tuple[str, str | None], float] = {}

    @staticmethod
    def of(config) -> Misconceptions | None:
        return config.pluginmanager.get_plugin(Misconceptions.NAME)

    def watch(self, module, variant: str | None) -> None:
        """Log the calls the tests make to this module's functions: the learner's, the wrong answers',
        and in check mode the solution's too, which proves the logging changes no result."""
        if variant == STUB_VARIANT or os.environ.get("KATA_DIAGNOSIS") == "0":
            return
        watch_module(module, self.log)

    def _module(self, kata, key: str, load):
        if (kata.code, key) not in self.modules:
            self.modules[(kata.code, key)] = load()
        return self.modules[(kata.code, key)]

    def diagnosis_for(self, kata, budget: float):
        from tfkatas.targets import load_kata_module, load_wrong_answer, wrong_answers

        candidates = wrong_answers(kata)
        if not candidates or not self.log.calls:
            return None
        solutions = self.config.option.kata_solutions_dir or SOLUTIONS_DIR
        solution = self._module(kata, "solution", lambda: load_kata_module(kata, Path(solutions), variant="diagnosis"))

        def load_wrong(wrong):
            return self._module(kata, wrong.id, lambda: load_wrong_answer(kata, wrong, Path(solutions)))

        return diagnose(self.log.calls, candidates, load_wrong, solution, budget)

    def fingerprinted(self, kata, key: str, mark: str) -> Diagnosis | None:
        """The wrong answers that failed this test saying exactly this, from the kata's table."""
        from tfkatas.targets import wrong_answers

        if kata.code not in self.tables:
            self.tables[kata.code] = read_table(SOLUTIONS_DIR / kata.dirname)
        ids = set(self.tables[kata.code].get(key, {}).get(mark, ()))
        matched = [wrong for wrong in wrong_answers(kata) if wrong.id in ids]
        return known_mistake(matched) if matched else None

    def pytest_runtest_setup(self, item):
        self.log.reset()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        if call.when == "teardown" or not report.failed or call.excinfo is None or \
                "kata" not in getattr(item, "fixturenames", ()) or os.environ.get("KATA_DIAGNOSIS") == "0":
            return report
        kata = kata_for_path(item.path, curriculum_of(self.config))
        variant = variant_of(item)
        if kata is None or variant in (SOLUTION_VARIANT, STUB_VARIANT):
            return report
        started, run = time.perf_counter(), (str(item.path), variant)
        key, mark = name_in_learner_run(item.name, variant), fingerprint(call.excinfo.value)
        remaining = BUDGET - self.spent.get(run, 0.0)
        try:
            # The test's own failure, matched exactly, first (free); then the replay of its calls.
            found = self.fingerprinted(kata, key, mark)
            if found is None and call.when == "call" and remaining > 0:
                found = self.diagnosis_for(kata, remaining)
        except (Exception, pytest.fail.Exception):  # noqa: BLE001 - a bonus (even cut short by the test's
            found = None  # timeout) never changes a verdict or ends the run.
        self.spent[run] = self.spent.get(run, 0.0) + time.perf_counter() - started
        report.user_properties += [("kata_diagnosis_seconds", self.spent[run])]
        if found is not None:
            report.user_properties += [("kata_diagnosis", found.words)]
        if is_wrong_answer(variant):  # Check mode: did the diagnosis name this very wrong answer?
            report.user_properties += [("kata_diagnosed_itself", found is not None and variant in found.wrong_answer_ids),
                                       ("kata_fingerprint", (key, mark))]
        return report
