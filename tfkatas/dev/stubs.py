"""`make stubs`: regenerate the stubs in katas/ from solutions/ (one source of truth).

A file the learner has edited is backed up under .backups/ before it is replaced. It also
rewrites katas/tests.sha256, the manifest of pristine test files (tfkatas.pristine).
"""

from __future__ import annotations

from pathlib import Path

from tfkatas.arguments import fail
from tfkatas.backups import backup
from tfkatas.curriculum import ROOT, CurriculumError, find_kata, load_curriculum
from tfkatas.launcher import pytest_run, run_apart
from tfkatas.stubs import KATAS_DIR, StubError, compare_with_stub, write_stub


def add_arguments(parser) -> None:
    parser.add_argument("number", nargs="?", help="only this kata (default: all)")


def run(args) -> int:
    try:
        katas = [find_kata(args.number)] if args.number else load_curriculum()
    except CurriculumError as error:
        return fail(str(error))
    for kata in katas:
        if not kata.solution_path.exists():
            continue
        try:
            state = compare_with_stub(kata)
        except StubError as error:
            return fail(str(error))
        if state.state == "same":
            continue
        if state.state in ("edited", "drifted"):
            print(f"backed up {kata.stub_path.relative_to(ROOT)} to {backup(kata).relative_to(ROOT)}")
        write_stub(kata, KATAS_DIR)
        print(f"wrote {kata.stub_path.relative_to(ROOT)}")
    from tfkatas.pristine import COUNTS_NAME, MANIFEST_NAME, write_counts, write_manifest

    if KATAS_DIR.is_dir() and write_manifest():
        print(f"wrote katas/{MANIFEST_NAME} (digests of the pristine test files)")
    if KATAS_DIR.is_dir() and not args.number:
        try:
            counts = collect_test_counts()
        except RuntimeError as error:
            return fail(str(error))
        if write_counts(counts):
            print(f"wrote katas/{COUNTS_NAME} (how many tests each test file holds)")
    return 0


def collect_test_counts() -> dict[str, int]:
    """{path relative to katas/: tests collected}, from one `pytest --collect-only` run."""
    katas = [kata for kata in load_curriculum() if kata.test_path.exists()]
    completed = run_apart(pytest_run([kata.test_path for kata in katas], collect_only=True, target="solutions"))
    counts = {f"{kata.dirname}/{kata.test_filename}": 0 for kata in katas}
    for line in completed.stdout.splitlines():
        path, separator, _ = line.partition("::")
        name = Path(path).parent.name + "/" + Path(path).name
        if separator and name in counts:
            counts[name] += 1
    if completed.returncode != 0:
        raise RuntimeError(f"the test files do not collect ({completed.returncode}): run `make check` to see why")
    return counts
