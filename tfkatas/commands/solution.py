"""`make solution N=05`: the reference answer beside yours, once you have solved the kata.

As rustlings shows its solution only after an exercise passes: the kata's tests run first (or
the progress cache already knows the kata is solved), then a unified diff of your file against
the reference solution. Before that it says how to get there. `--force` (FORCE=1) shows it
anyway, for a teacher or a learner who has decided to look.
"""

from __future__ import annotations

import difflib

from tfkatas.arguments import add_kata_argument, fail, pick_kata
from tfkatas.curriculum import CurriculumError
from tfkatas.paths import shown
from tfkatas.progress_cache import cached_status, fingerprint
from tfkatas.runner import RunError, run_katas, statuses_from_run
from tfkatas.state import StateError, load
from tfkatas.statuses import SOLVED


def add_arguments(parser) -> None:
    add_kata_argument(parser, required=False)
    parser.add_argument("--force", action="store_true", help="show the solution even though the kata is not solved")


def is_solved(kata) -> bool:
    """The progress cache's word when it is current, else a run of the kata's tests."""
    try:
        known = cached_status(load(), kata, fingerprint(kata))
    except StateError:
        known = None
    if known is not None:
        return known.status == SOLVED
    return statuses_from_run([kata], run_katas([kata]))[kata.code].status == SOLVED


def run(args) -> int:
    try:
        kata = pick_kata(args.number)
    except CurriculumError as error:
        return fail(str(error))
    if not kata.solution_path.exists():
        return fail(f"kata {kata.code} has no reference solution in this copy (a student release keeps it with "
                    "the teacher)")
    try:
        solved = args.force or is_solved(kata)
    except RunError as error:
        return fail(str(error))
    if not solved:
        print(f"Kata {kata.code} is not solved yet: the reference answer waits until `make kata N={kata.code}` is "
              f"green (make hint N={kata.code} helps; make solution N={kata.code} FORCE=1 shows it anyway).")
        return 1
    yours = kata.stub_path.read_text() if kata.stub_path.exists() else ""
    reference = kata.solution_path.read_text()
    print(f"Kata {kata.code} · {kata.title}: your answer (-) beside the reference solution (+)")
    diff = difflib.unified_diff(yours.splitlines(), reference.splitlines(), fromfile=shown(kata.stub_path),
                                tofile=shown(kata.solution_path), lineterm="")
    lines = list(diff)
    print("\n".join(lines) if lines else "Your file is the reference solution, line for line.")
    return 0
