"""`make check`'s verdict: every broken promise is named, a clean run passes."""

from pathlib import Path

from tfkatas.curriculum import Kata
from tfkatas.records import TestRecord
from tfkatas.report import check_verdict, learner_report
from tfkatas.wrong import WrongAnswer

KATA = Kata(number=99, slug="fake", title="A fake kata", topic="t", source="s", summary="", minutes=1,
            timeout=5, hints=("h1", "h2"))
WRONGS = [WrongAnswer("f", f"mistake {i}", None, f"mistake_{i}") for i in (1, 2, 3)]


def record(variant, outcome, not_implemented=False, message=""):
    return TestRecord(variant=variant, outcome=outcome, message=message, not_implemented=not_implemented,
                      duration=0.01)


def clean_results():
    results = {}
    for test in ("test_a", "test_b"):
        results[f"k::{test}[solutions]"] = record("solutions", "passed")
        results[f"k::{test}[stubs]"] = record("stubs", "failed", not_implemented=True)
        for wrong in WRONGS:
            results[f"k::{test}[{wrong.id}]"] = record(wrong.id, "failed" if test == "test_a" else "skipped")
    return {"99": results}


def verdict(results):
    return check_verdict([KATA], results, lambda kata: WRONGS)


def test_a_clean_run_passes_and_shows_the_counts():
    lines, ok = verdict(clean_results())
    assert ok, "\n".join(lines)
    assert any("2/2" in line and "3/3" in line for line in lines), "\n".join(lines)


def test_a_wrong_answer_that_passes_every_test_fails_the_check():
    results = clean_results()
    results["99"]["k::test_a[wrong-f-mistake_2]"] = record("wrong-f-mistake_2", "passed")
    results["99"]["k::test_b[wrong-f-mistake_2]"] = record("wrong-f-mistake_2", "passed")
    lines, ok = verdict(results)
    assert not ok and any("wrong-f-mistake_2 (mistake 2) passes every test" in line for line in lines), "\n".join(lines)


def test_a_test_that_passes_on_the_stub_fails_the_check():
    results = clean_results()
    results["99"]["k::test_b[stubs]"] = record("stubs", "passed")
    lines, ok = verdict(results)
    assert not ok and any("passes on the untouched stub" in line for line in lines), "\n".join(lines)


def test_a_stub_failure_other_than_not_implemented_fails_the_check():
    results = clean_results()
    results["99"]["k::test_b[stubs]"] = record("stubs", "failed", message="NameError: np")
    lines, ok = verdict(results)
    assert not ok and any("not with the stub's NotImplementedError" in line for line in lines), "\n".join(lines)


def test_a_failing_solution_fails_the_check():
    results = clean_results()
    results["99"]["k::test_a[solutions]"] = record("solutions", "failed", message="boom")
    lines, ok = verdict(results)
    assert not ok and any("fails on the solution: boom" in line for line in lines), "\n".join(lines)


def test_the_learner_report_names_the_failure_and_the_hint_command(monkeypatch):
    monkeypatch.setattr(Kata, "stub_path", property(lambda self: Path("/r/katas/99_fake/fake.py")))
    results = {"99": {"k::test_a": record(None, "failed", message="f returned shape (2,), expected (3,)"),
                      "k::test_b": record(None, "passed")}}
    text = "\n".join(learner_report([KATA], results))
    assert "1 of 2 tests pass" in text and "f returned shape (2,), expected (3,)" in text
    assert "make hint N=99" in text


def test_a_wrong_answer_caught_only_by_its_own_name_error_fails_the_check():
    results = clean_results()
    for test in ("test_a", "test_b"):
        results["99"][f"k::{test}[wrong-f-mistake_3]"] = record("wrong-f-mistake_3", "failed", message="NameError: helper")
        results["99"][f"k::{test}[wrong-f-mistake_3]"].error_type = "NameError"
    lines, ok = verdict(results)
    assert not ok and any("wrong-f-mistake_3 only fails with NameError" in line for line in lines), "\n".join(lines)


def test_cases_of_one_parametrized_test_that_fail_alike_share_one_line(monkeypatch):
    monkeypatch.setattr(Kata, "stub_path", property(lambda self: Path("/r/katas/99_fake/fake.py")))
    results = {"99": {f"k::test_a[{case}]": record(None, "failed", message="not written yet") for case in range(4)}}
    text = "\n".join(learner_report([KATA], results))
    assert "✗ test_a (4 cases): not written yet" in text and text.count("✗") == 1, text


def test_tests_stopped_by_the_same_nudge_share_one_line(monkeypatch):
    monkeypatch.setattr(Kata, "stub_path", property(lambda self: Path("/r/katas/99_fake/fake.py")))
    results = {"99": {"k::test_a[0]": record(None, "failed", message="not written yet: nudge"),
                      "k::test_a[1]": record(None, "failed", message="not written yet: nudge"),
                      "k::test_b": record(None, "failed", message="not written yet: nudge"),
                      "k::test_c": record(None, "failed", message="something else")}}
    text = "\n".join(learner_report([KATA], results))
    assert "✗ test_a, test_b (2 tests, 3 cases): not written yet: nudge" in text and text.count("✗") == 2, text
