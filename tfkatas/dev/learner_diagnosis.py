"""`make bench` (or `python -m tfkatas dev learner-diagnosis`): the diagnosis as a learner meets it.

Each sampled wrong answer is written out as a learner's own file (the solution, with the wrong
function's source in place of the right one and renamed to it) in a folder outside the
checkout, and `tfkatas kata NN` runs on it there (KATA_TARGET), as a learner's run would. The
figure is the share of those runs whose report names the wrong answer's mistake.
"""

from __future__ import annotations

import inspect
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

from tfkatas.curriculum import ROOT, load_curriculum
from tfkatas.notebook import _top_level
from tfkatas.targets import wrong_answers


def add_arguments(parser) -> None:
    parser.add_argument("numbers", nargs="*", help="only these katas (default: all)")
    parser.add_argument("--per-kata", type=int, default=int(os.environ.get("PER_KATA", "0")),
                        help="wrong answers sampled per kata, spread over its list (default 0: all)")


def learner_source(kata, wrong) -> str | None:
    """The solution's file with `wrong` written in place of the function it replaces; None for a class."""
    solution = kata.solution_path.read_text(encoding="utf-8")
    if not inspect.isfunction(wrong.obj):
        return None
    wrong_source = textwrap.dedent(inspect.getsource(wrong.obj))
    wrong_source = re.sub(r"\A(@.*\n)+", "", wrong_source)  # The @wrong_answer(...) decorator.
    wrong_source = re.sub(rf"\bdef {re.escape(wrong.name)}\(", f"def {wrong.replaces}(", wrong_source, count=1)
    wrong_file = (kata.solution_path.parent / "wrong_answers.py").read_text(encoding="utf-8")
    imports = [line for line in wrong_file.splitlines() if re.match(r"(import |from \S+ import )", line)
               and "tfkatas.wrong" not in line and "__future__" not in line]
    if wrong.replaces not in (definitions := _top_level(solution)[0]):
        return None
    first, last = definitions[wrong.replaces]
    lines = solution.splitlines()
    body = "\n".join(imports + [""] + wrong_source.rstrip().splitlines())
    return "\n".join(lines[:first - 1] + [body] + lines[last:]) + "\n"


def sampled(items: list, count: int) -> list:
    if count <= 0 or count >= len(items):
        return items
    step = len(items) / count
    return [items[int(i * step)] for i in range(count)]


def run(args) -> int:
    katas = [kata for kata in load_curriculum() if not args.numbers or kata.code in args.numbers]
    named = total = 0
    started = time.perf_counter()
    scratch = Path(tempfile.mkdtemp(prefix="tfkatas-learner-diagnosis-"))
    try:
        for kata in katas:
            found = []
            for wrong in sampled(wrong_answers(kata), args.per_kata):
                source = learner_source(kata, wrong)
                if source is None:
                    continue
                folder = scratch / wrong.id / kata.dirname
                folder.mkdir(parents=True)
                (folder / kata.module_filename).write_text(source, encoding="utf-8")
                result = subprocess.run([sys.executable, "-m", "tfkatas", "kata", kata.code],
                                        cwd=ROOT, capture_output=True, text=True,
                                        env={**os.environ, "KATA_TARGET": str(folder.parent), "NO_COLOR": "1"})
                found.append(wrong.description in result.stdout and "behaves like a known mistake" in result.stdout)
            named, total = named + sum(found), total + len(found)
            print(f"kata {kata.code}: {sum(found)} of {len(found)} named", flush=True)
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    share = 100 * named / total if total else 0
    print(f"learner diagnosis: {named} of {total} wrong answers, each run as a learner's own file, were named "
          f"({share:.0f}%) in {time.perf_counter() - started:.0f} s")
    return 0
