"""Katas in notebooks: the magics in an IPython shell, and generated notebooks executed in a real
Jupyter kernel (nbclient + ipykernel), on a fake kata set; one real kata's notebook too."""

from __future__ import annotations

import ast
import json
import os
import subprocess
import sys
import textwrap
import time

import pytest

from tfkatas.curriculum import ROOT
from tfkatas.dev.notebooks_check import Kernel, kata_cell_output
from tfkatas.dev.notebooks_check import with_solution_cells as solved_notebook
from tfkatas.fake_checkout import PACKAGE_PARENT, FakeKata, command_environment, make_checkout, tfkatas_command
from tfkatas.notebook import merge_definitions

ADD = '''"""Kata 01 — adding."""

import math


def add(a, b):
    """a + b. Example: add(2, 3) -> 5."""
    ### BEGIN SOLUTION: the + operator.
    return a + b
    ### END SOLUTION


def twice(x):
    """2 * x."""
    ### BEGIN SOLUTION: multiplication.
    return 2 * x
    ### END SOLUTION
'''
ADD_TESTS = '''def test_add(kata):
    assert kata.add(2, 3) == 5, f"add(2, 3) returned {kata.add(2, 3)}, expected 5"


def test_twice(kata):
    assert kata.twice(4) == 8, f"twice(4) returned {kata.twice(4)}, expected 8"
'''


def test_merging_replaces_each_definition_keeps_the_rest_and_adds_missing_imports():
    file_text = '"""Doc."""\n\nimport math\n\n\n@decorated\ndef add(a, b):\n    raise NotImplementedError\n\n\nLIMIT = 3\n'
    merged = merge_definitions(file_text, {"add": "def add(a, b):\n    return np.add(a, b)\n",
                                           "extra": "def extra():\n    return 1\n"},
                               ["import numpy as np", "import math"])
    assert merged == ('"""Doc."""\n\nimport math\nimport numpy as np\n\n\ndef add(a, b):\n    return np.add(a, b)\n'
                      '\n\nLIMIT = 3\n\n\ndef extra():\n    return 1\n'), merged
    ast.parse(merged)


@pytest.fixture
def checkout(tmp_path):
    root = make_checkout(tmp_path, [FakeKata(1, "add", ADD, ADD_TESTS, hints=("Think of +.", "return a + b"))])
    assert tfkatas_command(root, "dev", "stubs").returncode == 0
    return root


SHELL_SCRIPT = '''
import sys
sys.modules.pop("IPython", None)
from IPython.core.interactiveshell import InteractiveShell
shell = InteractiveShell.instance()
shell.run_line_magic("load_ext", "tfkatas")
shell.run_cell("def add(a, b):\\n    return a - b\\n")
shell.run_line_magic("kata", "01")
print("=== second")
shell.run_cell("""%%kata 01
import operator


def add(a, b):
    return operator.add(a, b)


def twice(x):
    return x + x
""")
print("=== hint")
shell.run_line_magic("kata_hint", "01")
shell.run_line_magic("kata", "99")
'''


def test_the_magics_save_the_notebooks_work_and_run_the_kata_in_the_shell(checkout):
    result = subprocess.run([sys.executable, "-c", SHELL_SCRIPT], cwd=checkout, env=command_environment(checkout),
                            capture_output=True, text=True, timeout=120)
    first, _, rest = result.stdout.partition("=== second")
    second, _, hints = rest.partition("=== hint")
    assert "0 of 2 tests pass" in first and "add(2, 3) returned -1, expected 5" in first, result.stdout + result.stderr
    assert "2 of 2 tests pass" in second and "All tests pass" in second, second
    saved = (checkout / "katas" / "01_add" / "add.py").read_text()
    assert "import operator\n" in saved and "return operator.add(a, b)" in saved and "return x + x" in saved, saved
    assert '"""a + b. Example' not in saved  # The notebook's definition replaced the stub's, docstring and all.
    assert len(list((checkout / ".backups" / "01_add").glob("*.py"))) == 2, "each overwritten version is kept"
    assert "Hint 1/2" in hints and "Think of +." in hints, hints
    assert "tfkatas: there is no kata '99'" in hints, hints  # A wrong number: one line.
    assert "make progress" not in result.stderr and "Traceback" not in result.stdout, result.stdout


def execute(notebook_path, root, environment):
    """Run every cell in a real kernel (its own); the test cell's text output."""
    kernel = Kernel(root, environment, timeout=180)
    try:
        return kata_cell_output(kernel.execute(json.loads(notebook_path.read_text())))
    finally:
        kernel.close()


def with_solution_cells(notebook_path, solution_text):
    solved = notebook_path.with_name("solved.ipynb")
    solved.write_text(json.dumps(solved_notebook(json.loads(notebook_path.read_text()), solution_text)))
    return solved


def test_generated_notebooks_fail_as_generated_and_pass_with_the_solution_in_a_real_kernel(checkout):
    made = tfkatas_command(checkout, "notebooks")
    assert made.returncode == 0, made.stdout + made.stderr
    generated = checkout / "notebooks" / "01_add.ipynb"
    cells = json.loads(generated.read_text())["cells"]
    assert [cell["cell_type"] for cell in cells][:3] == ["markdown", "code", "code"], cells
    assert "a + b. Example: add(2, 3) -> 5." in "".join(cells[0]["source"] + cells[3]["source"]), cells
    environment = {**command_environment(checkout), "PYTHONPATH": str(PACKAGE_PARENT)}
    assert "0 of 2 tests pass" in execute(generated, checkout, environment)
    stub_after_stub_run = (checkout / "katas" / "01_add" / "add.py").read_text()
    assert "NotImplementedError" in stub_after_stub_run  # Saving the untouched stub keeps it a stub.
    assert "2 of 2 tests pass" in execute(with_solution_cells(generated, ADD), checkout, environment)


def test_a_real_katas_notebook_passes_with_its_solution_in_a_real_kernel(tmp_path):
    """Kata 01 (TensorFlow) in a clean copy of this checkout, so its file here is never written."""
    from tfkatas.clean_copy import build
    from tfkatas.curriculum import find_kata

    kata = find_kata("01")
    copy = build(tmp_path / "checkout", [kata], ROOT, trusted=ROOT, committed=False)
    assert (copy.root / "solutions" / kata.dirname).is_dir()  # The notebook's source comes along.
    made = subprocess.run([sys.executable, "-m", "tfkatas", "notebooks", "01"], cwd=copy.root,
                          env={**os.environ, "KATA_ROOT": str(copy.root)}, capture_output=True, text=True, timeout=60)
    assert made.returncode == 0, made.stdout + made.stderr
    notebook = with_solution_cells(copy.root / "notebooks" / f"{kata.dirname}.ipynb", kata.solution_path.read_text())
    data = json.loads(notebook.read_text())
    data["cells"].append({"cell_type": "code", "id": "rerun", "metadata": {}, "execution_count": None, "outputs": [],
                          "source": textwrap.dedent("""\
                              import time
                              started = time.perf_counter()
                              %kata 01 --no-save
                              print(f"re-run took {time.perf_counter() - started:.2f} s")""")})
    notebook.write_text(json.dumps(data))
    started = time.perf_counter()
    output = execute(notebook, copy.root, {"KATA_ROOT": str(copy.root), "PYTHONPATH": str(PACKAGE_PARENT)})
    assert "All tests pass" in output, output[-3000:]
    print(f"kata 01 notebook executed in {time.perf_counter() - started:.1f} s")  # Figures for the README.


def test_check_notebooks_runs_every_notebook_both_ways_in_one_kernel_and_names_a_broken_one(checkout):
    """`make check-notebooks` on the fake set, in a clean copy: the learner's kata file is never written."""
    learner_file = checkout / "katas" / "01_add" / "add.py"
    before = learner_file.read_text()
    result = tfkatas_command(checkout, "dev", "check-notebooks")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "kata 01: as generated" in result.stdout and "1 of 1 notebooks right both ways" in result.stdout, result.stdout
    solution = checkout / "solutions" / "01_add" / "add.py"
    solution.write_text(solution.read_text().replace("return a + b", "return a - b"))
    broken = tfkatas_command(checkout, "dev", "check-notebooks")
    assert broken.returncode == 1 and "kata 01: with its solution, its test cell did not pass" in broken.stdout, broken.stdout
    assert learner_file.read_text() == before


SOURCES_SCRIPT = '''
from IPython.core.interactiveshell import InteractiveShell
from tfkatas.notebook import _notebook_sources
shell = InteractiveShell.instance()
shell.run_cell("import math\\n\\n\\ndef _side(n):\\n    return math.sqrt(n)\\n")
shell.run_cell("@staticmethod\\ndef unused():\\n    pass\\n\\n\\nclass Square:\\n    def __init__(self, n):\\n"
               "        self.side = _side(n)\\n\\n    @property\\n    def area(self):\\n        return self.side ** 2\\n")
sources, imports = _notebook_sources(["Square"], shell.user_ns)
print(sorted(sources), imports)
print(sources["Square"])
'''


def test_a_notebooks_class_and_the_helpers_it_uses_are_saved_with_their_imports():
    """Python 3.11's inspect cannot find a class made in a notebook cell; a helper the learner
    added (not in the stub) must travel with the function that calls it."""
    result = subprocess.run([sys.executable, "-c", SOURCES_SCRIPT], capture_output=True, text=True, timeout=60,
                            env={**os.environ, "PYTHONPATH": str(PACKAGE_PARENT)})
    assert result.returncode == 0, result.stderr
    assert "['Square', '_side'] ['import math']" in result.stdout, result.stdout
    assert "class Square:" in result.stdout and "return self.side ** 2" in result.stdout, result.stdout
