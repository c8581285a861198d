"""`Misconceptions`: the plugin object that names the known mistake a failing answer behaves like.

The `kata` fixture hands the learner's module (or, in check mode, a wrong answer's) to `watch`,
which logs the test's calls to its functions (tfkatas.diagnosis). When a test fails, the calls
are replayed on the kata's wrong answers and the solution; the diagnosis goes into the test's
report (`kata_diagnosis`), so the learner's report, watch, pair and the grade files show it. In
check mode each wrong answer's first failure records whether it was diagnosed as itself (or as
a wrong answer that gives the same results there): `make check` prints that share per kata.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tfkatas.curriculum import SOLUTIONS_DIR, kata_for_path
from tfkatas.diagnosis import CallLog, diagnose, watch_module
from tfkatas.plugin.configuration import curriculum_of
from tfkatas.variants import SOLUTION_VARIANT, STUB_VARIANT, is_wrong_answer, variant_of


class Misconceptions:
    NAME = "tfkatas-misconceptions"

    def __init__(self, config):
        self.config = config
        self.log = CallLog()
        self.modules: dict[tuple[str, str], object] = {}  # (kata code, wrong answer id or "solution") -> module

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

    def diagnosis_for(self, kata):
        from tfkatas.targets import load_kata_module, load_wrong_answer, wrong_answers

        candidates = wrong_answers(kata)
        if not candidates or not self.log.calls:
            return None
        solutions = self.config.option.kata_solutions_dir or SOLUTIONS_DIR
        solution = self._module(kata, "solution", lambda: load_kata_module(kata, Path(solutions), variant="diagnosis"))

        def load_wrong(wrong):
            return self._module(kata, wrong.id, lambda: load_wrong_answer(kata, wrong, Path(solutions)))

        return diagnose(self.log.calls, candidates, load_wrong, solution)

    def pytest_runtest_setup(self, item):
        self.log.reset()

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        if call.when != "call" or not report.failed or "kata" not in getattr(item, "fixturenames", ()):
            return report
        kata = kata_for_path(item.path, curriculum_of(self.config))
        variant = variant_of(item)
        if kata is None or variant in (SOLUTION_VARIANT, STUB_VARIANT):
            return report
        try:
            found = self.diagnosis_for(kata)
        except (Exception, pytest.fail.Exception):  # noqa: BLE001 - a bonus (even cut short by the test's
            found = None  # timeout) never changes a verdict or ends the run.
        if found is not None:
            report.user_properties += [("kata_diagnosis", found.words)]
        if is_wrong_answer(variant):  # Check mode: did the diagnosis name this very wrong answer?
            report.user_properties += [("kata_diagnosed_itself", found is not None and variant in found.wrong_answer_ids)]
        return report
