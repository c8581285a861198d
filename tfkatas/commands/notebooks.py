"""`make notebooks`: one Jupyter notebook per kata, generated from the kata's own files.

Each notebook holds the task as markdown (the kata's summary, the module's docstring, each
function's docstring), the stub of each function as a code cell to fill in, a test cell
(`%kata NN`, which saves the notebook's work into the kata file and runs its tests) and a hint
cell. They are generated on demand from the same stubs the `.py` katas are, into notebooks/
(not committed), so they never drift. Only json is needed to write them.
"""

from __future__ import annotations

import ast
import json
from pathlib import Path

from tfkatas.arguments import fail
from tfkatas.curriculum import ROOT, CurriculumError, Kata, find_kata, load_curriculum
from tfkatas.statuses import available

NOTEBOOKS_DIR = ROOT / "notebooks"


def add_arguments(parser) -> None:
    parser.add_argument("number", nargs="?", help="only this kata (default: every kata)")
    parser.add_argument("--output", default=str(NOTEBOOKS_DIR), help="the folder to write them to (default notebooks/)")


def _cell(kind: str, text: str) -> dict:
    cell = {"cell_type": kind, "metadata": {}, "source": text.strip("\n").splitlines(keepends=True)}
    if kind == "code":
        cell.update(execution_count=None, outputs=[])
    return cell


def notebook_cells(kata: Kata, stub: str) -> list[dict]:
    """The notebook of `kata`, from its stub's text."""
    tree = ast.parse(stub)
    lines = stub.splitlines()
    docstring = ast.get_docstring(tree) or ""
    definitions = [node for node in tree.body if isinstance(node, ast.FunctionDef | ast.ClassDef)]
    first_definition = min((min([node.lineno, *(d.lineno for d in node.decorator_list)]) for node in definitions),
                           default=len(lines) + 1)
    body_start = tree.body[0].end_lineno if docstring else 0  # The preamble starts after the docstring.
    preamble = "\n".join(lines[body_start:first_definition - 1]).strip()
    if "__file__" in preamble:  # A notebook has no __file__: name the kata file it saves into.
        preamble = (f"__file__ = {str(kata.stub_path)!r}  # The kata file %kata saves into; paths beside it "
                    f"(artifacts/) are found from it.\n{preamble}")
    cells = [_cell("markdown", f"# Kata {kata.code} · {kata.title}\n\n{kata.summary}\n\n{docstring}\n\n"
                               "Fill in each function below, then run the test cell. `%kata` saves your functions "
                               f"into `katas/{kata.dirname}/{kata.module_filename}` (the old version is backed up), "
                               "so `make progress` and `make grade` count them."),
             _cell("code", "%load_ext tfkatas"),
             _cell("code", preamble or "# (no imports)")]
    for node in definitions:
        first = min([node.lineno, *(d.lineno for d in node.decorator_list)])
        source = "\n".join(lines[first - 1:node.end_lineno])
        cells.append(_cell("markdown", f"### `{node.name}`\n\n{ast.get_docstring(node) or ''}"))
        cells.append(_cell("code", source))
    cells += [_cell("markdown", "## Run the tests"), _cell("code", f"%kata {kata.code}"),
              _cell("markdown", "## Stuck? The next hint (`%kata_hint NN all` shows them all)"),
              _cell("code", f"%kata_hint {kata.code}")]
    return cells


def notebook(kata: Kata, stub: str) -> dict:
    cells = notebook_cells(kata, stub)
    for index, cell in enumerate(cells):
        cell["id"] = f"kata-{kata.code}-{index}"  # nbformat 4.5: every cell has a stable id.
    return {"cells": cells, "nbformat": 4, "nbformat_minor": 5,
            "metadata": {"kernelspec": {"name": "python3", "display_name": "Python 3", "language": "python"},
                         "language_info": {"name": "python"}, "tfkatas": {"kata": kata.code}}}


def write_notebooks(katas: list[Kata], destination: Path) -> list[Path]:
    from tfkatas.stubs import pristine_stub

    destination.mkdir(parents=True, exist_ok=True)
    written = []
    for kata in katas:
        stub = pristine_stub(kata)
        if stub is None:
            continue
        path = destination / f"{kata.dirname}.ipynb"
        path.write_text(json.dumps(notebook(kata, stub), indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
        written.append(path)
    return written


def run(args) -> int:
    try:
        katas = [find_kata(args.number)] if args.number else [kata for kata in load_curriculum() if available(kata)]
        written = write_notebooks(katas, Path(args.output))
    except CurriculumError as error:
        return fail(str(error))
    except OSError as error:
        return fail(f"could not write the notebooks ({error.strerror or error})")
    print(f"wrote {len(written)} notebooks to {Path(args.output)} (open one in Jupyter; run its cells in order)")
    return 0
