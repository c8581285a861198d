"""Turn per-test records into words: the learner's report and `make check`'s verdict.

Pure functions over records (no pytest, no TensorFlow), so they are easy to test.
Records are `tfkatas.records.TestRecord`s, {kata code: {node id: record}}.
"""

from __future__ import annotations

from pathlib import Path

from tfkatas.curriculum import Kata, learner_language
from tfkatas.paths import shown

SHOWN_FAILURES = 5
_BROKEN_WRONG_ANSWER_ERRORS = {"NameError", "KataLoadError"}


def short_test_name(nodeid: str) -> str:
    """'test_x' from 'katas/05_topk/test_topk.py::test_x[case]'."""
    name = nodeid.split("::")[-1]
    return name.split("[")[0]


def _group_cases(failures: list[tuple[str, dict]]) -> list[tuple[str, str, int]]:
    """(test names, message, count): failures with the same message (the cases of one parametrized
    test, or several tests stopped by the same stub's nudge) as one line, in first-seen order."""
    grouped: dict[str, tuple[list[str], int]] = {}
    for nodeid, record in failures:
        names, count = grouped.get(record.message, ([], 0))
        name = short_test_name(nodeid)
        grouped[record.message] = (names if name in names else [*names, name], count + 1)
    return [(", ".join(names), message, count) for message, (names, count) in grouped.items()]


def learner_report(curriculum: list[Kata], results: dict, collected: dict | None = None,
                   target_dir: Path | None = None, pictures: list[Path] | None = None) -> list[str]:
    """The end of `make kata`: per kata, tests passing, the first failures in words, the hint command.

    `collected` counts each kata's tests; with FOCUS=1 the run stops at the first failure, so
    fewer tests have records than were collected. `target_dir` holds the code under test
    (KATA_TARGET; default katas/). `pictures` are the PNGs the run wrote, to open.
    """
    collected = collected or {}
    by_code = {kata.code: kata for kata in curriculum}
    lines: list[str] = []
    for code in sorted(code for code in results if code in by_code):
        kata, records = by_code[code], results[code]
        passed = sum(record.outcome == "passed" for record in records.values())
        failures = [(nodeid, record) for nodeid, record in records.items() if record.outcome == "failed"]
        lines.append("")
        total = max(collected.get(code, 0), len(records))
        language = learner_language()
        if total > len(records):  # Focus mode stopped early: say what ran, then the whole.
            lines.append(f"Kata {code} · {kata.localized_title(language)} — {passed} of {len(records)} tests run "
                         f"pass ({total} tests in all)")
        else:
            lines.append(f"Kata {code} · {kata.localized_title(language)} — {passed} of {total} tests pass")
        if passed == 0 and kata.localized_summary(language):
            lines.append(f"  Task: {kata.localized_summary(language)}")  # A fresh start: say what the kata asks.
        if not failures:
            from tfkatas.progress_cache import first_unsolved_after  # Here: statuses imports this module.

            following = first_unsolved_after(curriculum, kata)
            after = f" Next: make kata N={following.code}" if following else " That was the last kata to solve!"
            lines.append(f"  All tests pass. Well done!{after}")
            continue
        grouped = _group_cases(failures)
        diagnoses = {record.message: record.diagnosis for _, record in reversed(failures) if record.diagnosis}
        said: set[str] = set()
        for name, message, cases in grouped[:SHOWN_FAILURES]:
            tests = name.count(", ") + 1
            count = "" if cases == 1 else f" ({cases} cases)" if tests == 1 else \
                f" ({tests} tests)" if cases == tests else f" ({tests} tests, {cases} cases)"
            lines.append(f"  ✗ {name}{count}: {message}")
            if diagnoses.get(message) and diagnoses[message] not in said:  # The same mistake is named once.
                said.add(diagnoses[message])
                lines.append(f"    ↳ {diagnoses[message]}")
        hidden = sum(cases for _, _, cases in grouped[SHOWN_FAILURES:])
        if hidden:
            lines.append(f"  … and {hidden} more failing (make kata N={code} V=1 shows all)")
        waiting = total - len(records)
        if waiting:
            lines.append(f"  (focus mode: stopped at the first failure; {waiting} more tests wait their turn)")
        edited = kata.module_path(target_dir) if target_dir is not None else kata.stub_path
        lines.append(f"  Edit {shown(edited)}, fix the first failure, run again.")
        lines.append(f"  hint: make hint N={code}")
    if pictures:
        lines.append(f"  Pictures written (open them): {', '.join(shown(path) for path in pictures)}")
    return lines


def check_verdict(curriculum: list[Kata], results: dict, wrong_answers_of,
                  explain: bool = False, pristine_counts: dict[str, int] | None = None) -> tuple[list[str], bool]:
    """The per-kata table of `make check` and whether every promise holds.

    With `explain`, also which test caught each wrong answer and what it said (for kata authors).
    `pristine_counts` ({kata code: tests}, from katas/tests.count) must match the tests that ran.
    """
    problems: list[str] = []
    catches: list[str] = []
    rows = [f"{'kata':<6}{'solutions pass':>16}{'stubs fail':>12}{'wrong answers caught':>22}{'test time':>11}"]
    for kata in curriculum:
        records = results.get(kata.code)
        if not records:
            if kata.solution_path.exists():
                problems.append(f"kata {kata.code}: no test ran (is {kata.test_path.name} there?)")
            continue
        by_variant: dict[str, list[tuple[str, dict]]] = {}
        for nodeid, record in records.items():
            by_variant.setdefault(record.variant or "solutions", []).append((nodeid, record))
        solution_records = by_variant.get("solutions", [])
        solution_passes = sum(r.outcome == "passed" for _, r in solution_records)
        for nodeid, record in solution_records:
            if record.outcome == "failed":
                problems.append(f"kata {kata.code}: {short_test_name(nodeid)} fails on the solution: {record.message}")
            elif record.outcome != "passed":
                problems.append(f"kata {kata.code}: {short_test_name(nodeid)} is skipped on the solution: "
                                "a skipped test proves nothing")
        if pristine_counts is not None and pristine_counts.get(kata.code) != len(solution_records):
            problems.append(f"kata {kata.code}: katas/tests.count lists {pristine_counts.get(kata.code, 0)} tests, "
                            f"{len(solution_records)} ran: run `make stubs`")
        stub_records = by_variant.get("stubs", [])
        stub_fails = 0
        for nodeid, record in stub_records:
            if record.outcome != "failed":
                problems.append(f"kata {kata.code}: {short_test_name(nodeid)} passes on the untouched stub, "
                                "so it does not test the learner's code")
            elif not record.not_implemented:
                problems.append(f"kata {kata.code}: {short_test_name(nodeid)} fails on the stub, but not with the "
                                f"stub's NotImplementedError: {record.message}")
            else:
                stub_fails += 1
        wrongs = wrong_answers_of(kata)
        caught = 0
        for wrong in wrongs:
            failing = [(nodeid, r) for nodeid, r in by_variant.get(wrong.id, []) if r.outcome == "failed"]
            failures = [r for _, r in failing]
            if not failures:
                problems.append(f"kata {kata.code}: wrong answer {wrong.id} ({wrong.description}) passes every test")
            elif all(r.error_type in _BROKEN_WRONG_ANSWER_ERRORS for r in failures):
                # A NameError says the wrong answer itself is broken, not that a test caught the mistake.
                problems.append(f"kata {kata.code}: wrong answer {wrong.id} only fails with "
                                f"{failures[0].error_type}: {failures[0].message}")
            else:
                caught += 1
                nodeid, record = failing[0]
                catches.append(f"  {kata.code} {wrong.id} ({wrong.description})\n"
                               f"       caught by {short_test_name(nodeid)}: {record.message}")
        if len(wrongs) < 3:
            problems.append(f"kata {kata.code}: only {len(wrongs)} wrong answers in wrong_answers.py (at least 3)")
        seconds = sum(r.duration for _, r in solution_records)
        rows.append(f"{kata.code:<6}{f'{solution_passes}/{len(solution_records)}':>16}"
                    f"{f'{stub_fails}/{len(stub_records)}':>12}{f'{caught}/{len(wrongs)}':>22}{seconds:>10.1f}s")
    for nodeid, record in results.get("tooling", {}).items():
        if record.outcome == "failed":
            problems.append(f"tooling test {nodeid} failed: {record.message}")
    tooling = results.get("tooling", {})
    lines = ["", "make check: every kata against its solution, its stub and its wrong answers", *rows]
    if explain and catches:
        lines = ["", "Which test caught each wrong answer:", *catches] + lines
    if tooling:
        passed = sum(r.outcome == "passed" for r in tooling.values())
        lines.append(f"tooling tests: {passed}/{len(tooling)} pass")
    if problems:
        lines += ["", f"{len(problems)} problem(s):", *(f"  - {problem}" for problem in problems)]
    else:
        lines += ["", "All good: every solution passes, every stub fails, every wrong answer is caught."]
    return lines, not problems
