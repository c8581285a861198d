"""`make hint N=05`: the kata's hints, gentlest first."""

from __future__ import annotations

from tfkatas.commands.common import add_kata_argument, fail, pick_kata
from tfkatas.curriculum import CurriculumError, learner_language


def add_arguments(parser) -> None:
    add_kata_argument(parser, required=False)
    parser.add_argument("--all", action="store_true", help="show every hint at once")


def run(args) -> int:
    try:
        kata = pick_kata(args.number)
    except CurriculumError as error:
        return fail(str(error))
    hints = kata.localized_hints(learner_language())
    for index, hint in enumerate(hints, start=1):
        print(f"Hint {index}/{len(hints)} for kata {kata.code} · {kata.title}: {hint}")
    return 0
