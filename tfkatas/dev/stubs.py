"""`make stubs`: regenerate the stubs in katas/ from solutions/ (one source of truth).

A file the learner has edited is backed up under .backups/ before it is replaced. It also
rewrites katas/tests.sha256, the manifest of pristine test files (tfkatas.pristine).
"""

from __future__ import annotations

from tfkatas.arguments import fail
from tfkatas.backups import backup
from tfkatas.curriculum import ROOT, CurriculumError, find_kata, load_curriculum
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
    from tfkatas.pristine import MANIFEST_NAME, write_manifest

    if KATAS_DIR.is_dir() and write_manifest():
        print(f"wrote katas/{MANIFEST_NAME} (digests of the pristine test files)")
    return 0
