"""`make soak`: the training katas' solutions pass on many seeds, not just the default one.

Not part of `make check` (it runs the training tests SEEDS times). Which katas train is data:
`soak = true` in their curriculum.toml entry.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time

from tfkatas.curriculum import ROOT, load_curriculum


def add_arguments(parser) -> None:
    parser.add_argument("--seeds", type=int, default=int(os.environ.get("SEEDS", "10")), help="how many seeds (1..N)")
    parser.add_argument("--workers", default="2", help="pytest-xdist workers")


def soak_katas():
    return [kata for kata in load_curriculum() if kata.soak]


def run(args) -> int:
    katas = soak_katas()
    if not katas:
        print("tfkatas: no kata has `soak = true` in curriculum.toml")
        return 2
    paths = [str(kata.test_path) for kata in katas]
    print(f"soak: katas {', '.join(k.code for k in katas)} on seeds 1..{args.seeds} (solutions)")
    failures = 0
    for seed in range(1, args.seeds + 1):
        started = time.perf_counter()
        env = dict(os.environ, KATA_TARGET="solutions", KATA_SEED=str(seed), TF_CPP_MIN_LOG_LEVEL="2")
        result = subprocess.run([sys.executable, "-m", "pytest", *paths, "-q", "--tb=line", "-rf",
                                 "-n", args.workers, "--dist", "loadfile"], cwd=ROOT, env=env,
                                capture_output=True, text=True)
        summary = (result.stdout.strip().splitlines() or ["(no output)"])[-1]
        failed_lines = [line for line in result.stdout.splitlines() if line.startswith("FAILED")]
        failures += result.returncode != 0
        print(f"seed {seed:>2}: {'ok  ' if result.returncode == 0 else 'FAIL'} {summary} "
              f"({time.perf_counter() - started:.0f} s)")
        for line in failed_lines:
            print(f"         {line}")
    print(f"soak: {args.seeds - failures} of {args.seeds} seeds green")
    return 1 if failures else 0
