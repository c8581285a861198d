"""`make reset N=05`: put the pristine stub back, after backing up the learner's version.

The backup goes to .backups/NN_slug/<timestamp>.py; `make restore N=05` brings it back.
"""

from __future__ import annotations

from tfkatas.arguments import add_kata_argument, fail, pick_kata
from tfkatas.backups import backup
from tfkatas.curriculum import KATAS_DIR, ROOT, CurriculumError
from tfkatas.state import StateError, ensure_writable
from tfkatas.stubs import StubError, pristine_stub


def add_arguments(parser) -> None:
    add_kata_argument(parser, required=False)


def run(args) -> int:
    try:
        kata = pick_kata(args.number)
        ensure_writable()
    except (CurriculumError, StateError) as error:
        return fail(str(error))
    shown = kata.stub_path.relative_to(ROOT)
    try:
        stub = pristine_stub(kata)
    except StubError as error:
        return fail(str(error))
    if stub is None:
        return fail(f"kata {kata.code} has no pristine stub to restore yet (is it written?)")
    if kata.stub_path.exists():
        if kata.stub_path.read_bytes() == stub.encode():  # Bytes: a file that is not UTF-8 still resets.
            print(f"{shown} is already the pristine stub; nothing to do")
            return 0
        try:
            saved = backup(kata)
        except OSError as error:
            return fail(f"could not back up {shown} ({error.strerror or error}); nothing was changed")
        print(f"saved your version of {shown} to {saved.relative_to(ROOT)} (make restore N={kata.code} brings it back)")
    try:
        kata.module_path(KATAS_DIR).parent.mkdir(parents=True, exist_ok=True)
        kata.stub_path.write_text(stub)
    except OSError as error:
        return fail(f"could not write {shown} ({error.strerror or error})")
    print(f"{shown} is the pristine stub again")
    return 0
