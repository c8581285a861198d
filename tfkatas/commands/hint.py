"""`make hint N=05`: the next hint for a kata, gentlest first; ALL=1 shows them all.

How many hints each kata has shown is remembered in .kata-state.json.
"""

from __future__ import annotations

from tfkatas.arguments import add_kata_argument, fail, pick_kata
from tfkatas.curriculum import CurriculumError, learner_language
from tfkatas.state import StateError, ensure_writable, update
from tfkatas.words import say


def add_arguments(parser) -> None:
    add_kata_argument(parser, required=False)
    parser.add_argument("--all", action="store_true", help="show every hint at once")


def run(args) -> int:
    try:
        kata = pick_kata(args.number)
        language = learner_language()
        hints = kata.localized_hints(language)
        if not hints:
            return fail(f"kata {kata.code} has no hints yet (its author is still writing it)", code=1)
        ensure_writable()

        def next_count(state: dict) -> int:
            shown = state.setdefault("hints", {})
            count = len(hints) if args.all else min(int(shown.get(kata.code, 0)) + 1, len(hints))
            shown[kata.code] = max(count, int(shown.get(kata.code, 0)))
            return count

        count = update(next_count)
    except (CurriculumError, StateError) as error:
        return fail(str(error))
    title = kata.localized_title(language)
    first = 1 if args.all else count
    for index in range(first, count + 1):
        print(say("hint", language, index=index, count=len(hints), code=kata.code, title=title, hint=hints[index - 1]))
    if not args.all:
        print(say("hint_more" if count < len(hints) else "hint_last", language, code=kata.code, count=len(hints)))
    return 0
