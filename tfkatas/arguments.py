"""What every command shares: naming a kata on the command line, and one-line errors."""

from __future__ import annotations

import argparse
import sys

from tfkatas.curriculum import CurriculumError, Kata, find_kata, load_curriculum


def add_kata_argument(parser: argparse.ArgumentParser, required: bool = True) -> None:
    parser.add_argument("number", nargs=None if required else "?", default=None,
                        help="kata number as in `make kata N=05` (5, 05 and the slug all work)")


def fail(message: str, code: int = 2) -> int:
    """Print one line saying what is wrong and what to do; return the exit status."""
    print(f"tfkatas: {message}", file=sys.stderr)
    return code


def pick_kata(number: str | None) -> Kata:
    """The kata named on the command line; CurriculumError with a friendly message otherwise."""
    if number in (None, ""):
        raise CurriculumError("which kata? Name it with N, e.g. `make kata N=05` (`make list` shows them all)")
    return find_kata(number, load_curriculum())
