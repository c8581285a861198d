"""`make grade`: run every kata against the learner's code; write grade.json and grade.xml.

For self-assessment and classroom autograding in any CI. grade.json (schema "tfkatas-grade/1"):

    {
      "schema": "tfkatas-grade/1",
      "katas": {"05": {"title": "...", "status": "failing", "passed": 3, "total": 6, "score": 0.5,
                       "hints_used": 1, "failed_tests": [{"test": "test_...", "message": "..."}]}, ...},
      "passed": 10, "total": 13,            # tests, over every available kata
      "score": 0.7692,                      # passed / total (0.0 when there are no tests)
      "katas_solved": 1, "katas_available": 2,
      "graded_at": "2026-12-02T14:05:09+00:00", "seconds": 41.3,
      "environment": {"tensorflow": "2.21.0", "keras": "3.15.1", "devices": "CPU:0", "seed": 1234},
      "graded_in": "a clean copy: tests and tooling from the files committed at HEAD",
      "files_graded": {"05": "katas/05_topk/topk.py", ...},   # the submitted file behind each kata
      "ignored_files": ["katas/05_topk/test_topk.py"],        # submitted, differ from the clean copy
      "edited_test_files": ["katas/05_topk/test_topk.py"],    # the test files among them
      "junit_xml": "grade.xml"
    }

Statuses are those of `make progress`: solved, failing, not started, broken. Katas not
written yet are left out. grade.xml is JUnit XML of the same run, one test suite per kata
named by its title. `--format gradescope` or `--format exercism` writes that platform's
results.json instead of grade.json (tfkatas.grade_formats).

The tests never run in the learner's tree: a clean copy (tfkatas.clean_copy) takes the tests,
tooling and words from a trusted source and only the kata code files from the submission, and
the clean copy's own tooling grades them (`--inside`, in a child process). Edited tests or
tooling therefore change nothing; every ignored file is listed. Learner files are only read.
Exit status 0 when the grade was written (whatever the score); --fail-under lets CI fail below
a score.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from tfkatas.arguments import fail
from tfkatas.columns import fit
from tfkatas.curriculum import ROOT, CurriculumError, load_curriculum
from tfkatas.runner import RunError, run_katas, statuses_from_run
from tfkatas.settings import SettingError, fraction
from tfkatas.state import STATE_FILENAME, StateError, ensure_writable, load, save
from tfkatas.statuses import SOLVED, KataStatus, available, static_status

SCHEMA = "tfkatas-grade/1"
FORMATS = ("tfkatas", "gradescope", "exercism")
MESSAGE_LIMIT = 300  # Characters of a failure message kept in grade.json.
TEST_FILE = re.compile(r"(katas/)?\d\d_[^/]+/test_[^/]+\.py")


def add_arguments(parser) -> None:
    parser.add_argument("--output", default=None,
                        help="where to write the grade (default grade.json, or results.json with --format)")
    parser.add_argument("--format", choices=FORMATS, default="tfkatas",
                        help="tfkatas: grade.json; gradescope or exercism: that platform's results.json")
    parser.add_argument("--junit", default="grade.xml", help="where to write JUnit XML (default grade.xml)")
    parser.add_argument("--fail-under", type=float, default=None,
                        help="exit 1 when the score (0..1) is below this (for CI)")
    parser.add_argument("--submission", default=None, metavar="DIR",
                        help="grade the kata files in DIR (a student's tree or a folder of files) against this "
                             "checkout's tests and tooling; every other file in DIR is ignored and listed")
    parser.add_argument("--inside", default=None, help=argparse.SUPPRESS)  # The clean copy's own run.


def _score(passed: int, total: int) -> float:
    return round(passed / total, 4) if total else 0.0


def _failed_tests(records: dict) -> list[dict]:
    """Each failed test's name and its message in words (shortened), for the class report."""
    return [{"test": nodeid.rpartition("::")[2], "message": record.message[:MESSAGE_LIMIT],
             **({"diagnosis": record.diagnosis} if record.diagnosis else {})}
            for nodeid, record in records.items() if not record.passed]


def build_grade(katas, statuses: dict[str, KataStatus], copy: dict, junit_name: str, run: dict,
                results: dict | None = None) -> dict:
    """grade.json's content; `run` holds graded_at, seconds, environment and the hints used per kata."""
    results = results or {}
    per_kata = {kata.code: {"title": kata.title, "status": statuses[kata.code].status,
                            "passed": statuses[kata.code].passed, "total": statuses[kata.code].total,
                            "score": _score(statuses[kata.code].passed, statuses[kata.code].total),
                            "hints_used": int(run["hints"].get(kata.code, 0)),
                            "failed_tests": _failed_tests(results.get(kata.code, {}))}
                for kata in katas}
    passed = sum(entry["passed"] for entry in per_kata.values())
    total = sum(entry["total"] for entry in per_kata.values())
    from tfkatas.pristine import edited_test_files

    # Edited tests the clean copy ignored, and (outside git, where it copies the tree) those the manifest finds.
    edited_tests = sorted({name for name in copy["ignored"] if TEST_FILE.fullmatch(name)} | set(edited_test_files() or []))
    return {"schema": SCHEMA, "katas": per_kata, "passed": passed, "total": total, "score": _score(passed, total),
            "katas_solved": sum(entry["status"] == SOLVED for entry in per_kata.values()),
            "katas_available": len(per_kata), "graded_at": run["graded_at"], "seconds": run["seconds"],
            "environment": run["environment"], "graded_in": f"a clean copy: tests and tooling from {copy['source']}",
            "files_graded": copy["taken"], "ignored_files": copy["ignored"], "edited_test_files": edited_tests,
            "junit_xml": junit_name}


def _atomic_write(path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text)
    os.replace(temporary, path)


def _absolute(name: str, base: Path) -> Path:
    return Path(name) if Path(name).is_absolute() else base / name


def run(args) -> int:
    """Build the clean copy, then let its own tooling grade (`--inside`); relay its exit status."""
    if args.inside:
        return grade_inside(args)
    from tfkatas.clean_copy import CleanCopyError, build

    try:
        if args.fail_under is not None:
            fraction(args.fail_under, "--fail-under")
        katas = [kata for kata in load_curriculum() if available(kata)]
        submission = Path(args.submission).resolve() if args.submission else ROOT
        if not submission.is_dir():
            return fail(f"--submission {args.submission}: no such directory")
        ensure_writable()
        state = load()  # An unreadable state file stops the grade before any test runs.
        base = Path.cwd() if args.submission else ROOT
        default = "grade.json" if args.format == "tfkatas" else "results.json"
        output, junit = _absolute(args.output or default, base), _absolute(args.junit, base)
        with tempfile.TemporaryDirectory(prefix="tfkatas-grade-") as scratch:
            copy = build(Path(scratch) / "checkout", katas, submission, trusted=ROOT, committed=not args.submission)
            if not args.submission:
                save(state, copy.root / STATE_FILENAME)  # The hints the learner has used.
            report = Path(scratch) / "clean-copy.json"
            report.write_text(json.dumps({"source": copy.source, "taken": copy.taken, "ignored": copy.ignored,
                                          "submission": bool(args.submission)}))
            command = [sys.executable, "-m", "tfkatas", "grade", "--inside", str(report), "--output", str(output),
                       "--junit", str(junit), "--format", args.format]
            if args.fail_under is not None:
                command += ["--fail-under", str(args.fail_under)]
            # The copy's own tooling comes first (`-m` runs from its folder); the installed one otherwise.
            python_path = os.pathsep.join(filter(None, [str(copy.root), os.environ.get("PYTHONPATH")]))
            environment = {**os.environ, "KATA_ROOT": str(copy.root), "PYTHONPATH": python_path}
            environment.pop("KATA_TARGET", None)
            return subprocess.run(command, cwd=copy.root, env=environment).returncode
    except (CurriculumError, StateError, SettingError, CleanCopyError) as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"could not grade ({error.strerror or error}): is the checkout read-only?")


def grade_inside(args) -> int:
    """Grade the clean copy this process runs in (KATA_ROOT), with its own tooling."""
    from tfkatas import grade_formats

    copy = json.loads(Path(args.inside).read_text())
    output, junit = Path(args.output), Path(args.junit)
    started = time.time()
    try:
        katas = [kata for kata in load_curriculum() if available(kata)]
        statuses = {kata.code: static_status(kata) for kata in katas}
        for kata in katas:
            if copy["submission"] and kata.code not in copy["taken"] and statuses[kata.code] is not None:
                statuses[kata.code].message = f"the submission holds no {kata.module_filename} for kata {kata.code}"
        runnable = [kata for kata in katas if statuses[kata.code] is None]
        print(f"grading {len(katas)} katas ({len(runnable)} with tests to run; TensorFlow starts in a few seconds)…",
              file=sys.stderr, flush=True)
        environment: dict = {}
        results = run_katas(runnable, junitxml=junit, environment=environment)
        statuses.update(statuses_from_run(runnable, results))
        run = {"graded_at": datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
               "seconds": round(time.time() - started, 1), "environment": environment,
               "hints": load().get("hints", {})}
        grade = build_grade(katas, statuses, copy, junit.name, run, results)
        summary = (f"{grade['passed']}/{grade['total']} tests, {grade['katas_solved']} of "
                   f"{grade['katas_available']} katas solved; graded in {grade['graded_in']}")
        written = {"tfkatas": lambda: grade,
                   "gradescope": lambda: grade_formats.gradescope(grade_formats.entries(katas, statuses, results), summary),
                   "exercism": lambda: grade_formats.exercism(grade_formats.entries(katas, statuses, results)),
                   }[args.format]()
        _atomic_write(output, json.dumps(written, indent=2, ensure_ascii=False) + "\n")
    except (CurriculumError, RunError, StateError) as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"could not write the grade ({error.strerror or error}): is the checkout read-only?")
    for code, entry in grade["katas"].items():
        print(f"{code}  {fit(entry['title'], 46)} {entry['status']:<12} {entry['passed']:>3}/{entry['total']:<3}")
    print(f"Score: {grade['passed']}/{grade['total']} tests ({100 * grade['score']:.0f}%), "
          f"{grade['katas_solved']} of {grade['katas_available']} katas solved")
    print(f"graded in {grade['graded_in']}")
    if grade["ignored_files"]:
        print(f"ignored (they differ from the clean copy, so they could not change the grade): "
              f"{', '.join(grade['ignored_files'])}")
    unrestored = sorted(set(grade["edited_test_files"]) - set(grade["ignored_files"]))
    if unrestored:
        print(f"warning: test files differ from the pristine copy and could not be restored (not a git checkout): "
              f"{', '.join(unrestored)}")
    if not grade["ignored_files"] and not unrestored:
        print("test files and tooling: all pristine")
    print(f"wrote {output} and {junit}")
    if args.fail_under is not None and grade["score"] < args.fail_under:
        print(f"score {grade['score']:.4f} is below --fail-under {args.fail_under:g}: failing", file=sys.stderr)
        return 1
    return 0
