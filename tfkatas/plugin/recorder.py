"""The `Recorder`: one `TestRecord` per test, the learner's report, and the results JSON.

Failures are explained where they happen (`pytest_runtest_makereport`, in an xdist worker too)
and travel to the controlling process as report properties; the records are kept there.
"""

from __future__ import annotations

import json
import os
from collections import defaultdict
from pathlib import Path

import pytest

from tfkatas.curriculum import kata_for_path
from tfkatas.plugin import explain
from tfkatas.plugin.configuration import curriculum_of, is_worker
from tfkatas.records import FAILED, PASSED, SKIPPED, TOOLING, Results, TestRecord, results_to_json


class Recorder:
    NAME = "tfkatas-recorder"

    def __init__(self, config):
        self.config = config
        self.curriculum = curriculum_of(config)
        self.results: Results = defaultdict(dict)
        self.collected: dict[str, int] = defaultdict(int)  # kata code -> tests collected (focus mode runs fewer)

    @staticmethod
    def of(config) -> Recorder:
        return config.pluginmanager.get_plugin(Recorder.NAME)

    def _kata_code(self, path) -> str:
        kata = kata_for_path(Path(str(path)), self.curriculum)
        return kata.code if kata else TOOLING

    # ------------------------------------------------------------------------- hooks, in calling order

    def pytest_collection_modifyitems(self, items):
        for item in items:
            code = self._kata_code(item.path)
            if code != TOOLING:
                self.collected[code] += 1

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        if report.failed and call.excinfo is not None:
            error = call.excinfo.value
            kata = kata_for_path(item.path, self.curriculum)
            message = explain.explain_failure(error, explain.traceback_locations(call.excinfo), kata)
            report.user_properties += [("kata_message", message),
                                       ("kata_not_implemented", explain.raised_not_implemented(error)),
                                       ("kata_error_type", type(error).__name__),
                                       ("kata_broken", explain.is_broken_kata(error))]
        return report

    def pytest_runtest_logreport(self, report):
        """One record per test, from its setup, call and teardown reports."""
        properties = dict(report.user_properties)
        code = properties.get("kata", TOOLING)  # Tests outside kata folders: the helper package's own.
        record = self.results[code].setdefault(report.nodeid, TestRecord(variant=properties.get("kata_variant")))
        record.duration += report.duration
        if report.failed and record.outcome != FAILED:
            record.outcome = FAILED
            record.message = properties.get("kata_message", "")
            record.not_implemented = properties.get("kata_not_implemented", False)
            record.broken = properties.get("kata_broken", False)
            record.error_type = properties.get("kata_error_type", "")
        elif report.skipped and record.outcome == PASSED:
            record.outcome = SKIPPED

    def pytest_collectreport(self, report):
        """With --kata-results-json, a test file that cannot be collected becomes one failed record."""
        if not report.failed or not self.config.option.kata_results_json:
            return
        path = Path(str(report.fspath))
        lines = [line[1:].strip() for line in report.longreprtext.splitlines() if line.startswith("E ")]
        reason = lines[-1] if lines else (report.longreprtext.strip().splitlines() or ["error"])[-1]
        self.results[self._kata_code(path)][report.nodeid] = TestRecord(
            outcome=FAILED, message=f"{explain.shown_path(path)} could not be collected: {reason}", broken=True)

    def pytest_terminal_summary(self, terminalreporter):
        if self.config.option.kata_check:
            return  # CheckMode prints the verdict.
        from tfkatas.report import learner_report

        for line in learner_report(self.curriculum, self.results, self.collected):
            terminalreporter.write_line(line)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session, exitstatus):
        if self.config.option.kata_results_json and not is_worker(self.config):
            self._write_results_json(Path(self.config.option.kata_results_json), exitstatus)

    def _write_results_json(self, path: Path, exitstatus) -> None:
        """The records as JSON, written atomically: {"exitstatus", "katas": {code: {nodeid: record}}}."""
        temporary = path.with_name(path.name + ".tmp")
        temporary.write_text(json.dumps(results_to_json(self.results, exitstatus), indent=1))
        os.replace(temporary, path)
