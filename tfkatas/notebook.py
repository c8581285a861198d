"""Katas in Jupyter and Colab: `%load_ext tfkatas`, then `%kata 05`, `%%kata 05` and `%kata_hint 05`.

The work a learner does in a notebook counts like work in the editor: `%kata 05` first writes
the notebook's versions of kata 05's functions (and the imports of the cells that define them)
into `katas/05_topk/topk.py`, replacing the same-named definitions there (the file's previous
version is backed up first, as `make reset` does), then runs the kata's tests on that file in
the running kernel, with the same report and hints as `make kata`. TensorFlow is already
imported in the kernel, so a re-run costs only the tests. `make progress` and `make grade` see
the file. `%%kata 05` runs its cell first, then does the same.

Nothing here is imported by the command-line tools.
"""

from __future__ import annotations

import ast
import inspect
import linecache
import sys

from tfkatas.curriculum import Kata, find_kata

# The oldest versions the katas are written for (requirements/ pins these exactly).
NEEDED = {"tensorflow": "2.21", "keras": "3.15"}


class NotebookError(Exception):
    """Why a kata cannot be checked from this notebook, in one line."""


# ----------------------------------------------------------------------------- merging definitions


def _top_level(text: str) -> tuple[dict[str, tuple[int, int]], list[str], int]:
    """Definitions by name as (first line, last line) 1-based, the import statements, and the
    line after which a new import belongs (after the last import, else after the docstring)."""
    tree = ast.parse(text)
    definitions, imports, after = {}, [], 0
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
            definitions[node.name] = (first, node.end_lineno)
        elif isinstance(node, ast.Import | ast.ImportFrom):
            imports.append(ast.get_source_segment(text, node))
            after = node.end_lineno
        elif not after and isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            after = node.end_lineno  # The module docstring.
    return definitions, imports, after


def merge_definitions(file_text: str, sources: dict[str, str], imports: list[str]) -> str:
    """`file_text` with each named definition replaced by (or, when absent, followed by) its source,
    and the imports it lacks added after its own."""
    lines = file_text.splitlines()
    definitions, present, after = _top_level(file_text)
    # Replace from the bottom up, so earlier line numbers stay valid.
    for name, (first, last) in sorted(definitions.items(), key=lambda item: -item[1][0]):
        if name in sources:
            lines[first - 1:last] = sources[name].rstrip("\n").splitlines()
    for name, source in sources.items():
        if name not in definitions:
            lines += ["", "", *source.rstrip("\n").splitlines()]
    missing = [statement for statement in dict.fromkeys(imports) if statement not in present]
    if missing:
        lines[after:after] = missing
    return "\n".join(lines) + "\n"


def _code_of(value):
    """A function's code object, through the wrappers a class body uses (tf.function, property...)."""
    for candidate in (value, getattr(value, "__func__", None), getattr(value, "fget", None),
                      getattr(value, "python_function", None), getattr(value, "__wrapped__", None)):
        if hasattr(candidate, "__code__"):
            return candidate.__code__
    return None


def _definition_source(name: str, value) -> tuple[str, str] | None:
    """(source, its cell's text) of a function or class defined in a notebook cell, or None.

    Python 3.11's inspect.getsource cannot find a class defined in __main__; its methods' code
    names the cell (IPython keeps each cell's text in linecache), which holds the class."""
    if inspect.isclass(value):
        codes = [code for code in map(_code_of, vars(value).values()) if code is not None]
        if not codes:
            return None
        cell = "".join(linecache.getlines(codes[0].co_filename))
        try:
            tree = ast.parse(cell)
        except SyntaxError:
            return None
        lines = cell.splitlines()
        for node in tree.body:
            if isinstance(node, ast.ClassDef) and node.name == name:
                first = min([node.lineno, *(decorator.lineno for decorator in node.decorator_list)])
                return "\n".join(lines[first - 1:node.end_lineno]) + "\n", cell
        return None
    try:
        return inspect.getsource(value), "".join(linecache.getlines(inspect.getsourcefile(value) or ""))
    except (OSError, TypeError):
        return None


def _helpers_used(value, namespace: dict) -> set[str]:
    """Names of the notebook's own functions and classes that `value` uses (its global names)."""
    codes = [_code_of(item) for item in vars(value).values()] if inspect.isclass(value) else [_code_of(value)]
    names, pending = set(), [code for code in codes if code is not None]
    while pending:
        code = pending.pop()
        names |= set(code.co_names)
        pending += [constant for constant in code.co_consts if hasattr(constant, "co_names")]
    return {name for name in names if getattr(namespace.get(name), "__module__", None) == "__main__"
            and (inspect.isfunction(namespace[name]) or inspect.isclass(namespace[name]))}


def _notebook_sources(kata_names: list[str], namespace: dict) -> tuple[dict[str, str], list[str]]:
    """The source of each kata function or class defined in the notebook, and of the notebook's
    helpers they use (a learner's own `_pool_windows`), with the imports of their cells."""
    sources, imports, wanted = {}, [], list(kata_names)
    while wanted:
        name = wanted.pop(0)
        value = namespace.get(name)
        if name in sources or value is None or getattr(value, "__module__", None) != "__main__":
            continue  # Not defined in this notebook (or imported from elsewhere).
        found = _definition_source(name, value)
        if found is None:
            continue
        sources[name] = found[0]
        wanted += sorted(_helpers_used(value, namespace) - set(sources))
        try:
            imports += _top_level(found[1])[1]
        except SyntaxError:
            pass
    return sources, imports


def kata_names(kata: Kata) -> list[str]:
    """The functions and classes the kata's stub defines: what the learner writes."""
    from tfkatas.stubs import pristine_stub

    text = pristine_stub(kata) or (kata.stub_path.read_text() if kata.stub_path.exists() else "")
    return list(_top_level(text)[0])


def save_notebook_work(kata: Kata, namespace: dict) -> list[str]:
    """Write the notebook's definitions into the kata's file (backing up a changed file); their names."""
    from tfkatas.backups import backup
    from tfkatas.stubs import pristine_stub

    sources, imports = _notebook_sources(kata_names(kata), namespace)
    if not sources:
        return []
    current = kata.stub_path.read_text() if kata.stub_path.exists() else ""
    try:
        _top_level(current)
    except SyntaxError:
        current = pristine_stub(kata) or ""  # The file does not parse: start from the stub (it is backed up below).
    merged = merge_definitions(current, sources, imports)
    if kata.stub_path.exists() and merged != kata.stub_path.read_text():
        backup(kata)
    kata.stub_path.parent.mkdir(parents=True, exist_ok=True)
    kata.stub_path.write_text(merged)
    return sorted(sources)


# ----------------------------------------------------------------------------- running


def check(number: str, namespace: dict | None = None, save: bool = True) -> int:
    """Save the notebook's work on kata `number` and run its tests here; pytest's exit status."""
    from tfkatas.launcher import pytest_run, run_here

    kata = find_kata(str(number))
    if namespace is None:
        namespace = _user_namespace()
    if save:
        saved = save_notebook_work(kata, namespace)
        if saved:
            print(f"saved {', '.join(saved)} from this notebook into {kata.stub_path} (the previous version is backed up)")
    run = pytest_run([kata.test_path], target="katas")
    run.arguments.append("--capture=sys")  # A kernel's output streams are not file descriptors.
    return run_here(run)


def hint(number: str, everything: bool = False) -> int:
    from tfkatas.cli import main

    return main(["hint", str(number), *(["--all"] if everything else [])])


def _user_namespace() -> dict:
    try:
        from IPython import get_ipython
    except ImportError:
        get_ipython = None
    shell = get_ipython() if get_ipython else None
    return shell.user_ns if shell is not None else vars(sys.modules["__main__"])


def version_problems() -> list[str]:
    """One line per package older than the katas need (Colab may carry another TensorFlow)."""
    import importlib.metadata as metadata

    from packaging.version import Version

    problems = []
    for package, needed in NEEDED.items():
        names = (package, f"{package}-cpu") if package == "tensorflow" else (package,)
        installed = next((version for version in (_installed(metadata, name) for name in names) if version), None)
        if installed is None or Version(installed) < Version(needed):
            problems.append(f"{package} {installed or 'is not installed'}: the katas need {package} >= {needed} "
                            f"(pip install -r requirements/cpu.txt)")
    return problems


def _installed(metadata, name: str) -> str | None:
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return None


def register(ipython) -> None:
    """`%kata NN`, `%%kata NN` and `%kata_hint NN [all]` in this IPython shell."""

    from tfkatas.curriculum import CurriculumError

    def kata_magic(line: str, cell: str | None = None) -> None:
        words = line.split()
        if not words:
            print("usage: %kata NN (or %%kata NN at the top of a cell); --no-save leaves the kata file alone")
            return
        if cell is not None:
            result = ipython.run_cell(cell)
            if not result.success:
                return  # The cell's own error is already shown.
        try:
            check(words[0], ipython.user_ns, save="--no-save" not in words)
        except (CurriculumError, OSError) as error:
            print(f"tfkatas: {error}")

    def hint_magic(line: str) -> None:
        words = line.split()
        try:
            hint(words[0] if words else "", everything="all" in words[1:])
        except CurriculumError as error:
            print(f"tfkatas: {error}")

    ipython.register_magic_function(kata_magic, "line_cell", "kata")
    ipython.register_magic_function(hint_magic, "line", "kata_hint")
    for problem in version_problems():
        print(f"tfkatas: {problem}")
