"""`CheckMode`, the plugin object of `make check` (registered only with --kata-check).

Every kata test runs against the solution (must pass), the generated stub (must fail with its
NotImplementedError) and each wrong answer (must fail at least one test). The verdict itself
is `tfkatas.report.check_verdict`; this class feeds it and turns it into the exit status.
"""

from __future__ import annotations

import ast
import functools
from pathlib import Path

import pytest

from tfkatas.curriculum import kata_for_path
from tfkatas.plugin.configuration import curriculum_of, is_worker, selected_katas
from tfkatas.plugin.recorder import Recorder
from tfkatas.pristine import read_counts
from tfkatas.targets import wrong_answers
from tfkatas.variants import SOLUTION_VARIANT, STUB_VARIANT, is_wrong_answer, variant_of


@functools.cache
def _kata_attributes_by_test(path: str) -> dict[str, frozenset[str]]:
    """For each function in a test file, the names it reads from the `kata` module, itself or
    through the file's helpers and fixtures it calls or asks for (`three_models(kata)`)."""
    tree = ast.parse(Path(path).read_text(encoding="utf-8"))
    functions = {node.name: node for node in tree.body if isinstance(node, ast.FunctionDef)}
    direct = {name: {inner.attr for inner in ast.walk(node) if isinstance(inner, ast.Attribute)
                     and isinstance(inner.value, ast.Name) and inner.value.id == "kata"}
              for name, node in functions.items()}
    uses = {name: ({inner.id for inner in ast.walk(node) if isinstance(inner, ast.Name)} |
                   {argument.arg for argument in node.args.args}) & functions.keys() - {name}
            for name, node in functions.items()}

    def reads(name: str, seen: frozenset[str] = frozenset()) -> set[str]:
        found = set(direct[name])
        for used in uses[name] - seen:
            found |= reads(used, seen | {name})
        return found

    return {name: frozenset(reads(name)) for name in functions}


def _kata_names_used(item) -> frozenset[str]:
    return _kata_attributes_by_test(str(item.path)).get(getattr(item, "originalname", item.name), frozenset())


class CheckMode:
    NAME = "tfkatas-check-mode"

    def __init__(self, config):
        self.config = config
        self.caught: set[str] = set()  # Wrong answers caught in this process: their other tests are passed over.
        self.diagnosed: dict[str, dict[str, bool]] = {}  # kata code -> {wrong answer id: diagnosed as itself}
        self.fingerprints: dict[str, dict[str, tuple[str, str]]] = {}  # kata code -> {wrong answer id: (test, hash)}
        self.slowest_diagnosis = 0.0  # Seconds: the most the diagnosis added to one wrong answer's run.
        self.ok: bool | None = None
        if not config.option.kata_stubs_dir:
            # Workers read the stubs the controller (or a single process) generates at this fixed place.
            from tfkatas.stubs import GENERATED_STUBS_DIR, write_stub

            config.option.kata_stubs_dir = str(GENERATED_STUBS_DIR)
            if not is_worker(config):
                for kata in curriculum_of(config):
                    if kata.solution_path.exists():
                        write_stub(kata, GENERATED_STUBS_DIR)

    def pytest_generate_tests(self, metafunc):
        if "kata" not in metafunc.fixturenames:
            return
        kata = kata_for_path(metafunc.definition.path, curriculum_of(self.config))
        if kata is None:
            return
        variants = [SOLUTION_VARIANT, STUB_VARIANT] + [wrong.id for wrong in wrong_answers(kata)]
        metafunc.parametrize("kata", variants, indirect=True, scope="module", ids=variants)

    @pytest.hookimpl(trylast=True)
    def pytest_collection_modifyitems(self, items):
        """A wrong answer runs the tests that call the function it replaces first: its first failure
        skips the rest (and the fixtures only they need), so a wrong answer rarely trains a model
        for a test that cannot catch it. Solutions and stubs keep every test, in order."""
        def key(position_and_item):
            position, item = position_and_item
            variant = variant_of(item)
            group = groups.setdefault((str(item.path), variant), len(groups))
            if not is_wrong_answer(variant):
                return group, 0, position
            replaced = variant.split("-", 2)[1]
            return group, 0 if replaced in _kata_names_used(item) else 1, position

        groups: dict[tuple[str, str | None], int] = {}
        items[:] = [item for _, item in sorted(enumerate(items), key=key)]

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_protocol(self, item, nextitem):
        """A wrong answer already caught has nothing left to prove: its other tests are passed over
        without setup or reports (tens of thousands of skip reports cost more than the tests did).
        What only this item would have torn down is torn down now, as its own teardown would."""
        variant = variant_of(item)
        if is_wrong_answer(variant) and f"{item.path}::{variant}" in self.caught:
            item.session._setupstate.teardown_exact(nextitem)  # pytest's runner does this after each item.
            return True
        return None

    @pytest.hookimpl(wrapper=True)
    def pytest_runtest_makereport(self, item, call):
        report = yield
        variant = variant_of(item)
        if report.failed and call.excinfo is not None and is_wrong_answer(variant):
            self.caught.add(f"{item.path}::{variant}")
        return report

    def pytest_runtest_logreport(self, report):
        """Each wrong answer's first failure says whether the diagnosis named it (tfkatas.plugin.misconceptions)."""
        properties = dict(report.user_properties)
        if "kata_diagnosed_itself" in properties and "kata" in properties:
            self.diagnosed.setdefault(properties["kata"], {}).setdefault(
                properties.get("kata_variant"), bool(properties["kata_diagnosed_itself"]))
            self.fingerprints.setdefault(properties["kata"], {}).setdefault(
                properties.get("kata_variant"), tuple(properties["kata_fingerprint"]))
        if "kata_diagnosis_seconds" in properties:  # The most one wrong answer's run spent diagnosing.
            self.slowest_diagnosis = max(self.slowest_diagnosis, properties["kata_diagnosis_seconds"])

    def write_fingerprints(self) -> list[str]:
        """Each kata's table of how its wrong answers failed in this run (tfkatas.fingerprints)."""
        from tfkatas.fingerprints import write_table

        if is_worker(self.config):
            return []  # The controlling process writes them, and says so where it can be read.
        changed = []
        for kata in selected_katas(self.config):
            found = self.fingerprints.get(kata.code, {})
            if set(found) != {wrong.id for wrong in wrong_answers(kata)}:
                continue  # A part of the kata ran (-k), or a wrong answer was not caught: keep its table.
            table: dict[str, dict[str, list[str]]] = {}
            for variant, (key, mark) in found.items():
                table.setdefault(key, {}).setdefault(mark, []).append(variant)
            if table and write_table(kata.solution_path.parent, table):
                changed.append(kata.code)
        if not changed:
            return []
        return [f"Updated the diagnosis's fingerprints of kata(s) {', '.join(changed)} "
                f"(solutions/NN_slug/fingerprints.json): commit them."]

    def diagnosis_lines(self) -> list[str]:
        """The share of wrong answers that the misconception diagnosis names as themselves, per kata."""
        if not self.diagnosed:
            return []
        per_kata = [f"{code} {sum(found.values())}/{len(found)}" for code, found in sorted(self.diagnosed.items())]
        named = sum(sum(found.values()) for found in self.diagnosed.values())
        total = sum(len(found) for found in self.diagnosed.values())
        lines = ["", f"Misconception diagnosis: {named} of {total} wrong answers, run as a learner's answer, are "
                     f"named as themselves ({100 * named / total:.0f}%), adding at most {self.slowest_diagnosis:.2f} s "
                     "to a run: " + ", ".join(per_kata)]
        if self.config.option.kata_explain:
            lines += [f"  not named: {variant}" for found in self.diagnosed.values()
                      for variant, named_itself in sorted(found.items()) if not named_itself]
        return lines

    def pytest_report_teststatus(self, report):
        """An expected failure (stub, wrong answer) is a success: count it so."""
        variant = dict(getattr(report, "user_properties", ())).get("kata_variant")  # A CollectReport has none.
        if variant in (None, SOLUTION_VARIANT):
            return None
        if report.when == "call" and report.passed:
            if variant == STUB_VARIANT:
                return "failed", "F", "PASSES ON THE STUB"
            return "passed", ".", "wrong answer not caught here"
        if report.failed:
            return "passed", ".", "fails as it should"
        return None

    def _verdict(self, explain: bool = False) -> tuple[list[str], bool]:
        from tfkatas.report import check_verdict

        katas = selected_katas(self.config)
        counts = read_counts()
        return check_verdict(katas, Recorder.of(self.config).results, wrong_answers, explain=explain,
                             pristine_counts={kata.code: counts.get(f"{kata.dirname}/{kata.test_filename}", 0) for kata in katas})

    def pytest_terminal_summary(self, terminalreporter):
        lines, self.ok = self._verdict(explain=self.config.option.kata_explain)
        written = self.write_fingerprints()  # Caught wrong answers only: one not caught has no entry.
        for line in lines + self.diagnosis_lines() + written:
            terminalreporter.write_line(line)

    @pytest.hookimpl(trylast=True)
    def pytest_sessionfinish(self, session, exitstatus):
        if is_worker(self.config):
            return
        ok = self.ok if self.ok is not None else self._verdict()[1]
        if exitstatus in (0, 1):
            session.exitstatus = 0 if ok else 1
