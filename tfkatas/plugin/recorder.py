"""The `Recorder`: one `TestRecord` per test, the learner's report, and the results JSON.

Failures are explained where they happen (`pytest_runtest_makereport`, in an xdist worker too)
and travel to the controlling process as report properties; the records are kept there.
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import pytest

from tfkatas.curriculum import kata_for_path
from tfkatas.paths import shown
from tfkatas.plugin import explain
from tfkatas.plugin.configuration import curriculum_of, is_worker
from tfkatas.records import FAILED, PASSED, SKIPPED, TOOLING, Results, TestRecord, write_results_json


class Recorder:
    NAME = "tfkatas-recorder"

    def __init__(self, config):
        self.config = config
        self.curriculum = curriculum_of(config)
        self.results: Results = defaultdict(dict)
        self.collected_ids: dict[str, list[str]] = defaultdict(list)  # kata code -> node ids (focus mode runs fewer)
        self.ended_early = ""  # Why the run stopped before its last test, when it did.
        self.pictures_before: dict[Path, int] = {}  # The PNGs in the artifacts folders, and when each was written.

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
                self.collected_ids[code].append(item.nodeid)

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
        elif report.skipped and call.excinfo is not None:  # pytest.skip or pytest.xfail, called from where?
            kata = kata_for_path(item.path, self.curriculum)
            where = explain.learner_location(explain.traceback_locations(call.excinfo), "", kata)
            report.user_properties += [("kata_skip_where", where),
                                       ("kata_skip_reason", explain.first_line(call.excinfo.value))]
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
            record.diagnosis = properties.get("kata_diagnosis", "")
        elif record.outcome == PASSED and (report.skipped or hasattr(report, "wasxfail")):
            if self.config.option.kata_check:
                record.outcome = SKIPPED  # Check mode skips a wrong answer's tests once it is caught.
            else:  # Only a test that ran and passed counts as passed.
                record.outcome, record.message = FAILED, self._not_passed_reason(report)

    def _not_passed_reason(self, report) -> str:
        """Why a skipped, xfailed or xpassed test counts as failed, naming where it was decided."""
        if report.passed:
            return "the test passed but is marked as expected to fail (xfail): an xfail mark never counts as a pass"
        properties = dict(report.user_properties)
        where, reason = properties.get("kata_skip_where", ""), properties.get("kata_skip_reason", "")
        if not reason and isinstance(report.longrepr, tuple) and len(report.longrepr) == 3:
            reason = str(report.longrepr[2]).removeprefix("Skipped: ")  # A skip mark: no exception to look at.
        called = "pytest.xfail" if hasattr(report, "wasxfail") else "pytest.skip"
        who = "your code called" if where else "the test was skipped by"
        return f"{who} {called}{where} ({reason or getattr(report, 'wasxfail', '')}): a skipped test counts as failed"

    def pytest_collectreport(self, report):
        """With --kata-results-json, a test file that cannot be collected becomes one failed record."""
        if not report.failed or not self.config.option.kata_results_json:
            return
        path = Path(str(report.fspath))
        lines = [line[1:].strip() for line in report.longreprtext.splitlines() if line.startswith("E ")]
        reason = lines[-1] if lines else (report.longreprtext.strip().splitlines() or ["error"])[-1]
        self.results[self._kata_code(path)][report.nodeid] = TestRecord(
            outcome=FAILED, message=f"{shown(path)} could not be collected: {reason}", broken=True)

    def _artifacts_pictures(self) -> dict[Path, int]:
        """The PNGs where katas save pictures: the artifacts/ beside the code under test, and the checkout's."""
        from tfkatas.curriculum import ROOT
        from tfkatas.targets import KataLoadError, resolve_target

        try:
            folders = {ROOT / "artifacts", resolve_target().parent / "artifacts"}
        except KataLoadError:
            folders = {ROOT / "artifacts"}
        return {path: path.stat().st_mtime_ns for folder in folders if folder.is_dir() for path in folder.glob("*.png")}

    def pytest_sessionstart(self, session):
        if not self.config.option.kata_check:
            self.pictures_before = self._artifacts_pictures()

    def pytest_terminal_summary(self, terminalreporter):
        if self.config.option.kata_check or self.config.option.collectonly:
            return  # CheckMode prints the verdict; a collection runs nothing to report.
        from tfkatas.report import learner_report
        from tfkatas.targets import resolve_target

        collected = {code: len(nodeids) for code, nodeids in self.collected_ids.items()}
        pictures = sorted(path for path, written in self._artifacts_pictures().items()
                          if self.pictures_before.get(path) != written)
        for line in learner_report(self.curriculum, self.results, collected, target_dir=resolve_target(),
                                   pictures=pictures):
            # Colour only where pytest's writer allows it: a terminal, and neither NO_COLOR nor PY_COLORS=0.
            stripped = line.strip()
            terminalreporter.write_line(line, red=stripped.startswith("✗"), yellow=stripped.startswith("↳"),
                                        green="All tests pass" in line, bold=stripped.startswith("Kata "))

    def pytest_report_teststatus(self, report):
        """In a learner's run a skipped test is counted (and shown) as failed."""
        if not self.config.option.kata_check and report.skipped:
            return "failed", "F", "SKIPPED (counts as failed)"
        return None

    def pytest_keyboard_interrupt(self, excinfo):
        """The run ended early (a real Ctrl-C, or pytest.exit outside a test): say where, if in kata code."""
        error = excinfo.value
        locations = explain.traceback_locations(excinfo)
        for kata in self.curriculum:
            where = explain.learner_location(locations, "", kata)
            if where:
                self.ended_early = f"the run was ended by {type(error).__name__}{where}"
                return
        self.ended_early = f"the run was ended early ({type(error).__name__}: {explain.first_line(error)})"

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session, exitstatus):
        if not (self.config.option.kata_check or self.config.option.collectonly or is_worker(self.config)):
            self._fail_what_did_not_run(session)
        if self.config.option.kata_results_json and not is_worker(self.config):
            from tfkatas.plugin.configuration import run_environment

            write_results_json(Path(self.config.option.kata_results_json), self.results, session.exitstatus,
                               run_environment(self.config))

    def _fail_what_did_not_run(self, session) -> None:
        """Tests collected but never run count as failed; a learner's run with a failure never exits 0."""
        reason = self.ended_early or "the run ended before it (pytest.exit or a crash?)"
        # Focus mode (-x) stops at the first failure on purpose; its report says how many tests wait.
        for code, nodeids in ({} if self.config.option.maxfail == 1 else self.collected_ids).items():
            for nodeid in nodeids:
                if nodeid not in self.results[code]:
                    self.results[code][nodeid] = TestRecord(outcome=FAILED, message=f"not run: {reason}")
        failed = any(record.failed for code, records in self.results.items() if code != TOOLING
                     for record in records.values())
        if failed and session.exitstatus == 0:
            session.exitstatus = 1
