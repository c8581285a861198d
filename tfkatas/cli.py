"""`python -m tfkatas COMMAND [ARGS]` for learners, `python -m tfkatas dev COMMAND` for kata authors.

Like pip's command registry, the tables below are data: adding a command means adding a module
with `add_arguments(parser)` and `run(args) -> int`, plus one row here. Modules are imported only
when their command runs, and none imports TensorFlow at import time, so `--help`, `list`, `hint`
and `progress` start instantly. The author's commands live apart, as rustlings keeps `dev`.
"""

from __future__ import annotations

import argparse
import importlib
import sys

PROGRAM = "python -m tfkatas"

LEARNER_COMMANDS: dict[str, tuple[str, str]] = {
    "list": ("tfkatas.commands.list_katas", "list the katas with their topics and source notes"),
    "kata": ("tfkatas.commands.kata", "run one kata's tests against your code (make kata N=05)"),
    "hint": ("tfkatas.commands.hint", "show the next hint for a kata (make hint N=05)"),
    "progress": ("tfkatas.commands.progress", "every kata's status and your score (cached: instant when nothing changed)"),
    "watch": ("tfkatas.commands.watch", "re-run a kata's tests on every save, in about a second (make watch N=05)"),
    "pair": ("tfkatas.commands.pair", "watch mode for two: driver/navigator swaps on a timer and on each green test"),
    "reset": ("tfkatas.commands.reset", "restore a kata's pristine stub, backing up your version first (make reset N=05)"),
    "restore": ("tfkatas.commands.restore", "bring back the newest backup of a kata file (make restore N=05)"),
    "grade": ("tfkatas.commands.grade", "run every kata; write grade.json and JUnit XML grade.xml (make grade)"),
    "solution": ("tfkatas.commands.solution", "the reference answer beside yours, once the kata is solved (make solution N=05)"),
    "notebooks": ("tfkatas.commands.notebooks", "write one Jupyter notebook per kata into notebooks/ (make notebooks)"),
    "data": ("tfkatas.commands.data", "download MNIST once into Keras' cache, where the network allows (make data)"),
}

AUTHOR_COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("tfkatas.dev.check", "prove the kata set: solutions pass, stubs fail, wrong answers caught"),
    "stubs": ("tfkatas.dev.stubs", "regenerate katas/ stubs from solutions/ (backs up edited files)"),
    "readme": ("tfkatas.dev.readme", "rewrite the kata table in README.md from the curriculum"),
    "bench": ("tfkatas.dev.bench", "measure the performance figures and write bench.json (make bench)"),
    "soak": ("tfkatas.dev.soak", "run the training katas' solutions on many seeds (make soak)"),
    "check-notebooks": ("tfkatas.dev.notebooks_check",
                        "execute every generated notebook in a real kernel, as generated and solved"),
    "learner-diagnosis": ("tfkatas.dev.learner_diagnosis",
                          "run wrong answers as learners' files: how many the diagnosis names"),
    "autograder": ("tfkatas.dev.autograder", "build a Gradescope autograder zip of the kata set (make autograder)"),
    "class-report": ("tfkatas.dev.class_report", "merge many grade.json files into one HTML page and a CSV (make class-report)"),
    "release": ("tfkatas.dev.release", "write the student repository: no solutions, no wrong answers (make release)"),
}

DEV = "dev"


def _run_one(program: str, module_name: str, summary: str, argv: list[str]) -> int:
    """Build only the parser of the command asked for: the other modules stay unimported."""
    module = importlib.import_module(module_name)
    parser = argparse.ArgumentParser(prog=program, description=summary)
    module.add_arguments(parser)
    return module.run(parser.parse_args(argv))


def _overview(program: str, commands: dict[str, tuple[str, str]], footer: str = "") -> str:
    width = max(len(name) for name in commands)
    lines = [f"usage: {program} COMMAND [ARGS]", "", "commands:"]
    lines += [f"  {name:<{width}}  {summary}" for name, (_, summary) in commands.items()]
    return "\n".join(lines + ([f"\n{footer}"] if footer else []))


def _dispatch(program: str, commands: dict[str, tuple[str, str]], argv: list[str], footer: str = "") -> int:
    if not argv or argv[0] in ("-h", "--help"):
        print(_overview(program, commands, footer))
        return 0
    name, rest = argv[0], argv[1:]
    if name not in commands:
        print(f"tfkatas: unknown command {name!r}; `{program} --help` lists them", file=sys.stderr)
        return 2
    module_name, summary = commands[name]
    return _run_one(f"{program} {name}", module_name, summary, rest)


def _is_teachers_copy() -> bool:
    from tfkatas.curriculum import SOLUTIONS_DIR

    return SOLUTIONS_DIR.is_dir()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == DEV:
        if len(argv) > 1 and argv[1] in AUTHOR_COMMANDS and not _is_teachers_copy():
            print(f"tfkatas: `{argv[1]}` needs the teacher's copy of the kata set (with solutions/); "
                  "this is a student release", file=sys.stderr)
            return 2
        return _dispatch(f"{PROGRAM} {DEV}", AUTHOR_COMMANDS, argv[1:])
    if argv and argv[0] in AUTHOR_COMMANDS:
        print(f"tfkatas: {argv[0]!r} is a kata author's command: `{PROGRAM} {DEV} {argv[0]}`", file=sys.stderr)
        return 2
    return _dispatch(PROGRAM, LEARNER_COMMANDS, argv,
                     footer=f"For kata authors: `{PROGRAM} {DEV} --help` ({', '.join(AUTHOR_COMMANDS)}).")
