"""`make restore N=05`: bring back the newest backup of a kata file (made by reset or stubs).

The file being replaced is itself backed up first (unless it is the pristine stub or
identical to the backup), so restoring twice in a row loses nothing either.
"""

from __future__ import annotations

import shutil

from tfkatas.arguments import add_kata_argument, fail, pick_kata
from tfkatas.backups import backup, backups_of
from tfkatas.curriculum import ROOT, CurriculumError
from tfkatas.state import StateError, ensure_writable
from tfkatas.stubs import pristine_stub


def add_arguments(parser) -> None:
    add_kata_argument(parser, required=False)
    parser.add_argument("--list", action="store_true", help="list the kata's backups, oldest first")
    parser.add_argument("--backup", default=None, help="restore this backup (a file name from --list) instead of the newest")


def _is_pristine(kata) -> bool:
    try:
        return kata.stub_path.read_text() == pristine_stub(kata)
    except (OSError, ValueError):
        return False


def run(args) -> int:
    try:
        kata = pick_kata(args.number)
        if not args.list:
            ensure_writable()
    except (CurriculumError, StateError) as error:
        return fail(str(error))
    saved = backups_of(kata)
    if args.list:
        for path in saved:
            print(path.relative_to(ROOT))
        if not saved:
            print(f"kata {kata.code} has no backups")
        return 0
    if not saved:
        return fail(f"kata {kata.code} has no backups to restore (make reset N={kata.code} makes one before resetting)")
    chosen = saved[-1]
    if args.backup:
        matches = [path for path in saved if path.name == args.backup or str(path).endswith(args.backup)]
        if not matches:
            return fail(f"no backup {args.backup!r} for kata {kata.code} (make restore N={kata.code} LIST=1 lists them)")
        chosen = matches[-1]
    shown = kata.stub_path.relative_to(ROOT)
    try:
        if kata.stub_path.exists() and kata.stub_path.read_bytes() != chosen.read_bytes() and not _is_pristine(kata):
            print(f"saved the current {shown} to {backup(kata).relative_to(ROOT)} first")
        kata.stub_path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(chosen, kata.stub_path)
    except OSError as error:
        return fail(f"could not restore {shown} ({error.strerror or error})")
    print(f"restored {shown} from {chosen.relative_to(ROOT)}")
    return 0
