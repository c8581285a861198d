"""`make check-notebooks`: every generated notebook, executed in a real Jupyter kernel.

In a clean copy of the checkout (so no learner file is written), `make notebooks` generates
one notebook per kata; each is executed twice in one kernel (nbclient + ipykernel): as
generated, its test cell must report the stubs' failures ("0 of N tests pass"); with the
solution's code in its cells, it must report "All tests pass". One kernel serves every
notebook, as one Jupyter session would: TensorFlow is imported once.

This is apart from `make check` because it runs every kata's tests once more (in the kernel),
which the 120-second budget of `make check` cannot hold; CI runs both.
"""

from __future__ import annotations

import copy
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from tfkatas.curriculum import ROOT, Kata, find_kata, load_curriculum
from tfkatas.environment import tensorflow_environment


def add_arguments(parser) -> None:
    parser.add_argument("numbers", nargs="*", help="only these katas (default: all)")


def with_solution_cells(notebook: dict, solution_text: str) -> dict:
    """The notebook with each function's (and class's) cell holding the solution's code instead."""
    from tfkatas.notebook import _top_level

    lines = solution_text.splitlines()
    sources = {name: "\n".join(lines[first - 1:last]) for name, (first, last) in _top_level(solution_text)[0].items()}
    solved = copy.deepcopy(notebook)
    placed = set()
    for cell in solved["cells"]:
        if cell["cell_type"] != "code":
            continue
        try:
            defined = _top_level("".join(cell["source"]))[0]
        except SyntaxError:  # A magic cell (%kata 05) is not Python.
            continue
        for name in defined.keys() & sources.keys():
            cell["source"], placed = sources[name], placed | {name}
    helpers = [source for name, source in sources.items() if name not in placed]  # The solution's own helpers,
    if helpers:  # in a cell of their own before the test cell, where a learner would add theirs.
        test_cell = next(index for index, cell in enumerate(solved["cells"]) if "".join(cell["source"]).startswith("%kata "))
        solved["cells"].insert(test_cell, {"cell_type": "code", "id": "solution-helpers", "metadata": {},
                                           "execution_count": None, "outputs": [], "source": "\n\n\n".join(helpers)})
    return solved


def kata_cell_output(notebook) -> str:
    """The text the notebook's `%kata NN` cell printed."""
    cell = next(cell for cell in notebook.cells if cell.cell_type == "code" and cell.source.startswith("%kata "))
    return "".join(output.get("text", "") for output in cell.outputs)


class Kernel:
    """One Jupyter kernel that executes notebook after notebook (nbclient keeps it between them)."""

    def __init__(self, root: Path, environment: dict[str, str], timeout: int = 600):
        self.root, self.environment, self.timeout = root, environment, timeout
        self.client = None

    def execute(self, notebook_json: dict):
        import nbclient
        import nbformat

        notebook = nbformat.reads(json.dumps(notebook_json), as_version=4)
        nbformat.validate(notebook)
        if self.client is None:
            saved = dict(os.environ)
            os.environ.update(self.environment)  # The kernel inherits this process's environment.
            try:
                self.client = nbclient.NotebookClient(notebook, timeout=self.timeout, kernel_name="python3",
                                                      resources={"metadata": {"path": str(self.root)}})
                self.client.execute(cleanup_kc=False)
            finally:
                os.environ.clear()
                os.environ.update(saved)
        else:
            self.client.nb = notebook
            self.client.execute(cleanup_kc=False)
        return notebook

    def close(self) -> None:
        if self.client is not None:
            self.client._cleanup_kernel()  # nbclient's own shutdown of the kernel it started.


def prepared_copy(destination: Path, katas: list[Kata]) -> Path:
    """A clean copy of this checkout whose kata files are the pristine stubs, with its notebooks."""
    from tfkatas.clean_copy import build
    from tfkatas.stubs import pristine_stub

    root = build(destination, katas, ROOT, trusted=ROOT, committed=False).root
    for kata in katas:
        (root / "katas" / kata.dirname / kata.module_filename).write_text(pristine_stub(kata), encoding="utf-8")
    numbers = [kata.code for kata in katas] if len(katas) == 1 else []
    made = subprocess.run([sys.executable, "-m", "tfkatas", "notebooks", *numbers], cwd=root, capture_output=True,
                          text=True, env={**os.environ, "KATA_ROOT": str(root)}, timeout=120)
    if made.returncode != 0:
        raise RuntimeError(f"make notebooks failed in the copy: {made.stdout}{made.stderr}")
    return root


def run(args) -> int:
    from tfkatas.fake_checkout import PACKAGE_PARENT

    katas = [find_kata(number) for number in args.numbers] if args.numbers else load_curriculum()
    started = time.perf_counter()
    problems, timings = [], []
    with tempfile.TemporaryDirectory(prefix="tfkatas-notebooks-") as scratch:
        root = prepared_copy(Path(scratch) / "checkout", katas)
        kernel = Kernel(root, tensorflow_environment({"KATA_ROOT": str(root), "PYTHONPATH": str(PACKAGE_PARENT),
                                                      "NO_COLOR": "1"}))
        try:
            for kata in katas:
                generated = json.loads((root / "notebooks" / f"{kata.dirname}.ipynb").read_text(encoding="utf-8"))
                as_generated_started = time.perf_counter()
                output = kata_cell_output(kernel.execute(generated))
                if " 0 of " not in output or "tests pass" not in output:
                    problems.append(f"kata {kata.code}: as generated, its test cell did not report the stubs' "
                                    f"failures: {output[-300:]!r}")
                solved_started = time.perf_counter()
                output = kata_cell_output(kernel.execute(with_solution_cells(generated, kata.solution_path.read_text())))
                if "All tests pass" not in output:
                    problems.append(f"kata {kata.code}: with its solution, its test cell did not pass: {output[-600:]!r}")
                timings.append((kata.code, solved_started - as_generated_started, time.perf_counter() - solved_started))
                print(f"kata {kata.code}: as generated {timings[-1][1]:.1f} s, with its solution {timings[-1][2]:.1f} s",
                      flush=True)
        finally:
            kernel.close()
    for problem in problems:
        print(f"  - {problem}")
    print(f"check-notebooks: {len(katas) - len({p.split(':')[0] for p in problems})} of {len(katas)} notebooks "
          f"right both ways, in one kernel, in {time.perf_counter() - started:.1f} s")
    return 1 if problems else 0
