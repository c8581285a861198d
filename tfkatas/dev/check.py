"""`make check`: prove the kata set on this machine, like rustlings' `dev check`.

1. Static checks, no TensorFlow: curriculum entries are complete, no stray files, stubs are in
   sync with solutions, the README table is current.
2. One pytest run (parallel across cores) of every test against the solution (must pass),
   the generated stub (must fail with NotImplementedError) and each wrong answer (must fail
   at least one test), plus the helper package's own tests. The solutions run from a copy in
   the system's temporary folder, as a learner's KATA_TARGET answers would: a solution that
   only works inside the checkout fails, and their pictures stay out of the learner's artifacts/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tfkatas.arguments import fail
from tfkatas.curriculum import KATAS_DIR, ROOT, SOLUTIONS_DIR, WORDS_FILENAME, CurriculumError, find_kata, load_curriculum
from tfkatas.fingerprints import FILENAME as FINGERPRINTS
from tfkatas.launcher import pytest_run, run_here
from tfkatas.stubs import StubError, compare_with_stub, generated_stubs_dir, write_stub

ALLOWED_KATA_FILES = {"__pycache__"}
TOOLING_TESTS = ROOT / "tooling_tests"


def add_arguments(parser) -> None:
    parser.add_argument("number", nargs="?", help="check only this kata (default: all, plus the tooling tests)")
    parser.add_argument("--device", choices=("cpu", "gpu"), default=os.environ.get("KATA_DEVICE") or None,
                        help="pin TensorFlow to the CPU, or require a GPU")
    parser.add_argument("--workers", default=os.environ.get("KATA_WORKERS", "auto"),
                        help="parallel pytest workers (default: one per core, at most 4)")
    parser.add_argument("-v", "--explain", action="store_true",
                        help="say which test caught each wrong answer (for kata authors)")
    parser.add_argument("--strict", action="store_true", default=bool(os.environ.get("CI")),
                        help="treat edited kata files as drift (default when CI is set)")


def static_problems(katas, strict: bool) -> tuple[list[str], list[str]]:
    """Problems that fail the check, and notes that do not (learner edits outside strict mode)."""
    problems, notes = [], []
    known = {kata.dirname for kata in load_curriculum()}
    for directory in (KATAS_DIR, SOLUTIONS_DIR):
        for path in sorted(directory.iterdir()) if directory.exists() else []:
            if path.is_dir() and path.name not in known and path.name != "__pycache__":
                problems.append(f"{path.relative_to(ROOT)} is not listed in curriculum.toml")
    for kata in katas:
        expected = {"katas": {kata.module_filename, kata.test_filename, WORDS_FILENAME},
                    "solutions": {kata.module_filename, "wrong_answers.py", FINGERPRINTS}}
        for name, directory in (("katas", KATAS_DIR), ("solutions", SOLUTIONS_DIR)):
            folder = directory / kata.dirname
            if not folder.is_dir():
                problems.append(f"kata {kata.code}: {name}/{kata.dirname}/ is missing")
                continue
            present = {path.name for path in folder.iterdir()} - ALLOWED_KATA_FILES
            for missing in sorted(expected[name] - present - {FINGERPRINTS}):  # make check writes them.
                problems.append(f"kata {kata.code}: {name}/{kata.dirname}/{missing} is missing")
            for stray in sorted(present - expected[name]):
                problems.append(f"kata {kata.code}: stray file {name}/{kata.dirname}/{stray}")
        words = f"katas/{kata.dirname}/{WORDS_FILENAME}"
        if not 2 <= len(kata.hints) <= 4 or not all(hint.strip() for hint in kata.hints):
            problems.append(f"kata {kata.code}: {words} needs 2-4 non-empty hints (it has {len(kata.hints)})")
        if kata.hints_zh and len(kata.hints_zh) != len(kata.hints):
            problems.append(f"kata {kata.code}: {words} has {len(kata.hints_zh)} hints_zh for {len(kata.hints)} hints")
        if not kata.solution_path.exists():
            continue
        try:
            report = compare_with_stub(kata)
        except StubError as error:
            problems.append(f"kata {kata.code}: {error}")
            continue
        shown = kata.stub_path.relative_to(ROOT)
        if report.state in ("drifted", "missing"):
            problems.append(f"kata {kata.code}: {shown} is out of sync with its solution ({report.detail}); "
                            "run `make stubs`")
        elif report.state == "edited":
            message = f"kata {kata.code}: {shown} differs from the generated stub ({report.detail})"
            (problems if strict else notes).append(message + ("" if strict else " - your work, left untouched"))
    return problems, notes


def nudge_problems_of(katas) -> list[str]:
    """Stub nudges that quote their solution's code (tfkatas.nudges): they belong in the last hint."""
    from tfkatas.nudges import nudge_problems

    problems = []
    for kata in katas:
        if kata.solution_path.exists():
            problems += [f"kata {kata.code}: {problem}" for problem in
                         nudge_problems(kata.solution_path.read_text(), f"solutions/{kata.dirname}/{kata.module_filename}")]
    return problems


def solutions_elsewhere(katas) -> Path:
    """A copy of the katas' solutions outside the checkout (`<temp>/answers/NN_slug/`), for the run."""
    copy = Path(tempfile.mkdtemp(prefix="tfkatas-check-"))
    for kata in katas:
        shutil.copytree(SOLUTIONS_DIR / kata.dirname, copy / "answers" / kata.dirname,
                        ignore=shutil.ignore_patterns("wrong_answers.py", "__pycache__"))
    return copy


def lint_problems() -> list[str]:
    """ruff, configured in pyproject.toml: one problem per finding, `path:line:col: CODE message`."""
    try:
        completed = subprocess.run([sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise", "--quiet",
                                    str(ROOT)], cwd=ROOT, capture_output=True, text=True)
    except OSError as error:
        return [f"could not run ruff: {error}"]
    if "No module named ruff" in completed.stderr:
        return ["ruff is not installed: run `make setup` (it is pinned in requirements/)"]
    if completed.returncode == 0:
        return []
    findings = [line for line in completed.stdout.splitlines() if line.strip()] or [completed.stderr.strip()]
    return [f"lint: {finding} (ruff check --fix fixes some)" for finding in findings]


def run(args) -> int:
    started = time.perf_counter()
    try:
        katas = [find_kata(args.number)] if args.number else load_curriculum()
    except CurriculumError as error:
        return fail(str(error))
    problems, notes = static_problems(katas, args.strict)
    from tfkatas.pristine import MANIFEST_NAME, stale_entries

    stale = stale_entries()
    if stale:
        # A kata author edits tests between `make stubs` runs: only the full check (and CI) insists.
        message = f"katas/{MANIFEST_NAME} is stale ({'; '.join(stale[:3])}{'; …' if len(stale) > 3 else ''}): run `make stubs`"
        (problems if not args.number or args.strict else notes).append(message)
    if not args.number:
        from tfkatas.readme_table import README, with_table

        if with_table(README.read_text()) != README.read_text():
            problems.append("README.md's kata table is out of date: run `make readme`")
    problems += nudge_problems_of(katas)
    if not args.number:
        problems += lint_problems()
    for note in notes:
        print(f"note: {note}")
    if problems:
        print(f"make check: {len(problems)} problem(s) before running any test:")
        for problem in problems:
            print(f"  - {problem}")
        return 1
    try:
        stubs_dir = generated_stubs_dir()
    except StubError as error:
        return fail(str(error))
    for kata in katas:
        write_stub(kata, stubs_dir)
    paths = [kata.test_path for kata in katas]
    if not args.number and TOOLING_TESTS.exists():
        # First: their longest files mostly wait on subprocesses, and started last they made the run's tail.
        paths.insert(0, TOOLING_TESTS)
    workers = min(4, os.cpu_count() or 1) if args.workers == "auto" else int(args.workers)
    copy = solutions_elsewhere(katas)
    try:
        status = run_here(pytest_run(paths, check=True, stubs_dir=stubs_dir, solutions_dir=copy / "answers",
                                     explain=args.explain, workers=workers if len(katas) > 1 else 0,
                                     device=args.device))
    finally:
        shutil.rmtree(copy, ignore_errors=True)
    print(f"make check finished in {time.perf_counter() - started:.1f} s (exit {status})")
    return status
