"""`python -m tfkatas COMMAND [ARGS]`: one small module per command, imported only when used.

Like pip's command registry, the table below is data: adding a command means adding a
module with `add_arguments(parser)` and `run(args) -> int`, plus one row here. No command
module imports TensorFlow at import time, so `--help`, `list`, `hint` and `progress` start instantly.
"""

from __future__ import annotations

import argparse
import importlib
import sys

COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("tfkatas.commands.list_katas", "list the katas with their topics and source notes"),
    "kata": ("tfkatas.commands.kata", "run one kata's tests against your code (make kata N=05)"),
    "hint": ("tfkatas.commands.hint", "show the next hint for a kata (make hint N=05)"),
    "check": ("tfkatas.commands.check", "prove the kata set: solutions pass, stubs fail, wrong answers caught"),
    "stubs": ("tfkatas.commands.stubs", "regenerate katas/ stubs from solutions/ (backs up edited files)"),
    "readme": ("tfkatas.commands.readme", "rewrite the kata table in README.md from curriculum.toml"),
    "progress": ("tfkatas.commands.progress", "every kata's status and your score (cached: instant when nothing changed)"),
    "reset": ("tfkatas.commands.reset", "restore a kata's pristine stub, backing up your version first (make reset N=05)"),
    "restore": ("tfkatas.commands.restore", "bring back the newest backup of a kata file (make restore N=05)"),
    "watch": ("tfkatas.commands.watch", "re-run a kata's tests on every save, in about a second (make watch N=05)"),
    "pair": ("tfkatas.commands.pair", "watch mode for two: driver/navigator swaps on a timer and on each green test"),
    "grade": ("tfkatas.commands.grade", "run every kata; write grade.json and JUnit XML grade.xml (make grade)"),
    "data": ("tfkatas.commands.data", "download MNIST once into Keras' cache, where the network allows (make data)"),
    "bench": ("tfkatas.commands.bench", "measure the performance figures and write bench.json (make bench)"),
    "soak": ("tfkatas.commands.soak", "run the training katas' solutions on many seeds (make soak)"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m tfkatas", description="TF Katas helper commands.")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, (module_name, summary) in COMMANDS.items():
        subparser = subparsers.add_parser(name, help=summary, description=summary)
        importlib.import_module(module_name).add_arguments(subparser)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS:
        # Build only the parser of the command asked for: the others' modules stay unimported.
        module = importlib.import_module(COMMANDS[argv[0]][0])
        parser = argparse.ArgumentParser(prog=f"python -m tfkatas {argv[0]}", description=COMMANDS[argv[0]][1])
        module.add_arguments(parser)
        return module.run(parser.parse_args(argv[1:]))
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return 0
    return importlib.import_module(COMMANDS[args.command][0]).run(args)
