"""`python -m tfkatas.batch`: run several katas' tests, each in its own forked child.

`make progress` and `make grade` start this in one separate process (so the helper itself never
imports TensorFlow). It imports TensorFlow, pytest and the plugin once, then forks one child per
kata: one kata's code that exits, crashes or hangs fails that kata alone ("broken", with the
reason) and never changes another kata's verdict. The records of all katas come back as one
results JSON; JUnit XML files of the children are merged into one.
"""

from __future__ import annotations

import argparse
import json
import os
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

from tfkatas.curriculum import find_kata, load_curriculum
from tfkatas.isolation import ForkedRun, ended_without_verdict
from tfkatas.launcher import pytest_run
from tfkatas.records import FAILED, TestRecord, results_from_json, write_results_json


def kata_time_limit(kata) -> float:
    """Each test has its own timeout (pytest-timeout); this one only stops a hang in C code."""
    return 60 + kata.timeout * 20


def run_one(kata, scratch: Path, junit: bool) -> tuple[dict, Path | None, dict]:
    results_path = scratch / f"{kata.code}.json"
    junit_path = scratch / f"{kata.code}.xml" if junit else None
    run = pytest_run([kata.test_path], header=False, results_json=results_path, junit_xml=junit_path,
                     target="katas")
    how = ForkedRun(run).start().wait(kata_time_limit(kata))
    if results_path.exists():
        data = json.loads(results_path.read_text())
        return results_from_json(data).get(kata.code, {}), junit_path, data.get("environment", {})
    message = f"no verdict: {ended_without_verdict(how)}"
    return ({f"{kata.test_path.name}::(the whole kata)": TestRecord(outcome=FAILED, message=message, broken=True)},
            None, {})


def merge_junit(suites: list[tuple[str, Path]], destination: Path) -> None:
    """One <testsuites> document with one test suite per kata, named by its title."""
    merged = ElementTree.Element("testsuites")
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for title, path in suites:
        root = ElementTree.parse(path).getroot()
        for suite in root.iter("testsuite") if root.tag == "testsuites" else [root]:
            suite.set("name", title)
            for key in totals:
                totals[key] += int(suite.get(key, 0))
            merged.append(suite)
    for key, value in totals.items():
        merged.set(key, str(value))
    ElementTree.ElementTree(merged).write(destination, encoding="utf-8", xml_declaration=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tfkatas.batch")
    parser.add_argument("katas", nargs="+", help="kata numbers")
    parser.add_argument("--results", required=True, help="where to write the records (JSON)")
    parser.add_argument("--junit", default=None, help="where to write the merged JUnit XML")
    args = parser.parse_args(argv)
    curriculum = load_curriculum()
    katas = [find_kata(number, curriculum) for number in args.katas]
    from tfkatas.watcher import DEFAULT_PRELOAD, preload

    preload(os.environ.get("KATA_WATCH_PRELOAD", DEFAULT_PRELOAD))  # Once, here: every forked child starts warm.
    results, junit_files, environment = {}, [], {}
    with tempfile.TemporaryDirectory(prefix="tfkatas-batch-") as scratch:
        for kata in katas:
            results[kata.code], junit_path, ran_on = run_one(kata, Path(scratch), junit=args.junit is not None)
            environment = environment or ran_on
            if junit_path is not None and junit_path.exists():
                junit_files.append((f"{kata.code} {kata.title}", junit_path))
        if args.junit:
            merge_junit(junit_files, Path(args.junit))
    write_results_json(Path(args.results), results, 0, environment)
    return 0


if __name__ == "__main__":
    import sys

    status = main()
    sys.stdout.flush()
    os._exit(status)  # TensorFlow's interpreter teardown costs 0.5 s and nothing here needs it.
