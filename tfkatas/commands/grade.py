"""`make grade`: run every kata against the learner's code; write grade.json and grade.xml.

For self-assessment and classroom autograding in any CI. grade.json (schema "tfkatas-grade/1"):

    {
      "schema": "tfkatas-grade/1",
      "katas": {"05": {"title": "...", "status": "failing", "passed": 3, "total": 6, "score": 0.5}, ...},
      "passed": 10, "total": 13,            # tests, over every available kata
      "score": 0.7692,                      # passed / total (0.0 when there are no tests)
      "katas_solved": 1, "katas_available": 2,
      "edited_test_files": ["katas/05_topk/test_topk.py"],   # null when katas/tests.sha256 is absent
      "junit_xml": "grade.xml"
    }

Statuses are those of `make progress`: solved, failing, not started, broken. Katas not
written yet are left out. grade.xml is pytest's JUnit XML of the same run. Learner files are
only read, never written. Exit status 0 when the grade was written (whatever the score);
--fail-under lets CI fail below a score.
"""

from __future__ import annotations

import json
import os
import sys

from tfkatas.arguments import fail
from tfkatas.curriculum import ROOT, CurriculumError, load_curriculum
from tfkatas.paths import shown
from tfkatas.progress_cache import cache_statuses, fingerprint
from tfkatas.runner import RunError, run_katas, statuses_from_run
from tfkatas.settings import SettingError, fraction
from tfkatas.state import StateError, ensure_writable, load
from tfkatas.statuses import SOLVED, KataStatus, available, static_status

SCHEMA = "tfkatas-grade/1"


def add_arguments(parser) -> None:
    parser.add_argument("--output", default="grade.json", help="where to write the JSON grade (default grade.json)")
    parser.add_argument("--junit", default="grade.xml", help="where to write JUnit XML (default grade.xml)")
    parser.add_argument("--fail-under", type=float, default=None,
                        help="exit 1 when the score (0..1) is below this (for CI)")


def _score(passed: int, total: int) -> float:
    return round(passed / total, 4) if total else 0.0


def build_grade(katas, statuses: dict[str, KataStatus], edited: list[str] | None, junit_name: str) -> dict:
    per_kata = {kata.code: {"title": kata.title, "status": statuses[kata.code].status,
                            "passed": statuses[kata.code].passed, "total": statuses[kata.code].total,
                            "score": _score(statuses[kata.code].passed, statuses[kata.code].total)}
                for kata in katas}
    passed = sum(entry["passed"] for entry in per_kata.values())
    total = sum(entry["total"] for entry in per_kata.values())
    return {"schema": SCHEMA, "katas": per_kata, "passed": passed, "total": total, "score": _score(passed, total),
            "katas_solved": sum(entry["status"] == SOLVED for entry in per_kata.values()),
            "katas_available": len(per_kata), "edited_test_files": edited, "junit_xml": junit_name}


def _atomic_write(path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text)
    os.replace(temporary, path)


def run(args) -> int:
    from pathlib import Path

    from tfkatas.pristine import edited_test_files

    try:
        if args.fail_under is not None:
            fraction(args.fail_under, "--fail-under")
        katas = [kata for kata in load_curriculum() if available(kata)]
        ensure_writable()
        load()  # An unreadable state file stops the grade before any test runs.
        output = Path(args.output) if Path(args.output).is_absolute() else ROOT / args.output
        junit = Path(args.junit) if Path(args.junit).is_absolute() else ROOT / args.junit
        statuses = {kata.code: static_status(kata) for kata in katas}
        runnable = [kata for kata in katas if statuses[kata.code] is None]
        print(f"grading {len(katas)} katas ({len(runnable)} with tests to run; TensorFlow starts in a few seconds)…",
              file=sys.stderr, flush=True)
        fingerprints = {kata.code: fingerprint(kata) for kata in runnable}
        statuses.update(statuses_from_run(runnable, run_katas(runnable, junitxml=junit)))
        cache_statuses({kata.code: statuses[kata.code] for kata in runnable}, fingerprints)
        grade = build_grade(katas, statuses, edited_test_files(), junit.name)
        _atomic_write(output, json.dumps(grade, indent=2, ensure_ascii=False) + "\n")
    except (CurriculumError, StateError, RunError, SettingError) as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"could not write the grade ({error.strerror or error}): is the checkout read-only?")
    for code, entry in grade["katas"].items():
        print(f"{code}  {entry['title'][:46]:<46} {entry['status']:<12} {entry['passed']:>3}/{entry['total']:<3}")
    print(f"Score: {grade['passed']}/{grade['total']} tests ({100 * grade['score']:.0f}%), "
          f"{grade['katas_solved']} of {grade['katas_available']} katas solved")
    if grade["edited_test_files"] is None:
        print("note: katas/tests.sha256 is missing, so edited test files cannot be detected (make stubs writes it)")
    elif grade["edited_test_files"]:
        print(f"warning: test files differ from the pristine copy: {', '.join(grade['edited_test_files'])}")
    else:
        print("test files: all pristine")
    print(f"wrote {shown(output)} and {shown(junit)}")
    if args.fail_under is not None and grade["score"] < args.fail_under:
        print(f"score {grade['score']:.4f} is below --fail-under {args.fail_under:g}: failing", file=sys.stderr)
        return 1
    return 0
