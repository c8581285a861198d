"""`make soak`: the training katas' solutions pass on many seeds, not just the default one.

Not part of `make check` (it runs the training tests SEEDS times). Which katas train is data:
`soak = true` in their curriculum.toml entry.
"""

from __future__ import annotations

import os
import time

from tfkatas.arguments import fail
from tfkatas.curriculum import CurriculumError, find_kata, load_curriculum
from tfkatas.launcher import pytest_run, run_apart


def add_arguments(parser) -> None:
    parser.add_argument("number", nargs="?", help="soak only this kata (default: every kata with soak = true)")
    parser.add_argument("--seeds", type=int, default=int(os.environ.get("SEEDS", "10")), help="how many seeds (1..N)")
    parser.add_argument("--workers", type=int, default=2, help="pytest-xdist workers")


def soak_katas():
    return [kata for kata in load_curriculum() if kata.soak]


def run(args) -> int:
    if args.number:
        try:
            katas = [find_kata(args.number)]
        except CurriculumError as error:
            return fail(str(error))
    else:
        katas = soak_katas()
    if not katas:
        print("tfkatas: no kata has `soak = true` in curriculum.toml")
        return 2
    paths = [str(kata.test_path) for kata in katas]
    print(f"soak: katas {', '.join(k.code for k in katas)} on seeds 1..{args.seeds} (solutions)")
    failures = 0
    for seed in range(1, args.seeds + 1):
        started = time.perf_counter()
        result = run_apart(pytest_run(paths, target="solutions", seed=seed, workers=args.workers,
                                      traceback="line", list_failures=True))
        summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
        failed_lines = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
        failures += result.returncode != 0
        print(f"seed {seed:>2}: {'ok  ' if result.returncode == 0 else 'FAIL'} {summary} "
              f"({time.perf_counter() - started:.0f} s)")
        for line in failed_lines:
            print(f"         {line}")
    print(f"soak: {args.seeds - failures} of {args.seeds} seeds green")
    return 1 if failures else 0
