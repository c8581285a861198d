"""Stubs are generated from solutions (nbgrader style): one source of truth.

In a solution file the learner's part of a function sits between two markers:

    ### BEGIN SOLUTION: <one-line nudge>
    ...reference code...
    ### END SOLUTION

In the stub the region becomes a `# TODO:` line and `raise NotImplementedError("<nudge>")`
at the same indentation. A region at the top level of the file (a solution-only helper)
is dropped from the stub.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass
from pathlib import Path

from tfkatas.curriculum import KATAS_DIR, ROOT, Kata  # noqa: F401 (KATAS_DIR re-exported)

GENERATED_STUBS_DIR = ROOT / ".build" / "stubs"  # Where `make check` tests freshly generated stubs.
# A student release has no solutions/: it carries the pristine stubs here instead (`make release`).
RELEASED_STUBS_DIR = ROOT / ".pristine"


def generated_stubs_dir() -> Path:
    """.build/stubs, or a folder under the system's temporary directory in a read-only checkout."""
    import os
    import tempfile

    for candidate in (GENERATED_STUBS_DIR, Path(tempfile.gettempdir()) / f"tfkatas-stubs-{os.getuid()}"):
        try:
            candidate.mkdir(parents=True, exist_ok=True)
            probe = candidate / ".writable"
            probe.write_text("")
            probe.unlink()
            return candidate
        except OSError:
            continue
    raise StubError("no writable place for the generated stubs (the checkout and the temporary directory are read-only)")

BEGIN = re.compile(r"^(?P<indent>[ \t]*)### BEGIN SOLUTION(?::\s*(?P<nudge>.*?))?\s*$")
END = re.compile(r"^[ \t]*### END SOLUTION\s*$")
TODO_LINE = "# TODO: your code here (the docstring shows an example input and its output)."


class StubError(ValueError):
    """A solution file whose markers cannot be turned into a stub."""


def make_stub(solution_source: str, filename: str = "<solution>") -> str:
    """The learner's stub for one solution file."""
    stub_lines: list[str] = []
    region_start = None
    for line_number, line in enumerate(solution_source.splitlines(keepends=True), start=1):
        begin, end = BEGIN.match(line), END.match(line)
        if begin:
            if region_start is not None:
                raise StubError(f"{filename}:{line_number}: BEGIN SOLUTION inside the region opened at line {region_start}")
            region_start = line_number
            indent, nudge = begin["indent"], (begin["nudge"] or "").strip()
            if indent:
                if not nudge:
                    raise StubError(f"{filename}:{line_number}: a BEGIN SOLUTION inside a function needs a nudge after the colon")
                stub_lines.append(f"{indent}{TODO_LINE}\n")
                stub_lines.append(f"{indent}raise NotImplementedError({json.dumps(nudge, ensure_ascii=False)})\n")
        elif end:
            if region_start is None:
                raise StubError(f"{filename}:{line_number}: END SOLUTION without a BEGIN SOLUTION")
            region_start = None
        elif region_start is None:
            stub_lines.append(line)
    if region_start is not None:
        raise StubError(f"{filename}:{region_start}: BEGIN SOLUTION is never closed")
    stub = "".join(stub_lines)
    stub = re.sub(r"\n{4,}", "\n\n\n", stub)  # Dropping a top-level helper must not leave a hole.
    ast.parse(stub, filename=filename)  # A stub that does not parse would greet learners with a SyntaxError.
    return stub


def interface(source: str) -> dict[str, str]:
    """Every public signature and docstring in a module, keyed by qualified name.

    Function bodies are ignored, so a learner's filled-in stub and the generated stub share
    an interface exactly when no signature or docstring has drifted.
    """
    items: dict[str, str] = {}
    tree = ast.parse(source)
    items["<module docstring>"] = ast.get_docstring(tree) or ""

    def visit(nodes, prefix: str) -> None:
        for node in nodes:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                docstring = ast.get_docstring(node) or ""
                returns = ast.unparse(node.returns) if node.returns else ""
                header = ast.unparse(node.args), returns, [ast.unparse(d) for d in node.decorator_list]
                items[prefix + node.name] = f"{header!r}\n{docstring}"
            elif isinstance(node, ast.ClassDef):
                bases = [ast.unparse(base) for base in node.bases]
                items[prefix + node.name] = f"class{bases!r}\n{ast.get_docstring(node) or ''}"
                visit(node.body, prefix + node.name + ".")

    visit(tree.body, "")
    return items


@dataclass(frozen=True)
class SyncReport:
    kata: Kata
    state: str  # "same" (pristine stub), "edited" (learner work, interface intact), "drifted", "missing"
    detail: str = ""


def compare_with_stub(kata: Kata) -> SyncReport:
    """How the file in katas/ relates to the stub generated from its solution."""
    expected = make_stub(kata.solution_path.read_text(), str(kata.solution_path))
    if not kata.stub_path.exists():
        return SyncReport(kata, "missing", f"{kata.stub_path.relative_to(kata.stub_path.parents[2])} does not exist")
    raw = kata.stub_path.read_bytes()
    if raw == expected.encode():
        return SyncReport(kata, "same")
    try:
        actual = raw.decode("utf-8")
    except UnicodeDecodeError as error:  # A stray byte in the learner's file: their work, not drift.
        return SyncReport(kata, "edited", f"the file is not valid UTF-8 (byte {error.start})")
    try:
        actual_interface = interface(actual)
    except SyntaxError:
        return SyncReport(kata, "edited", "the file does not parse (learner work in progress?)")
    drift = [name for name, text in interface(expected).items() if actual_interface.get(name) != text]
    if drift:
        return SyncReport(kata, "drifted", "signature or docstring differs: " + ", ".join(drift))
    return SyncReport(kata, "edited", "function bodies differ from the stub")


def pristine_stub(kata: Kata) -> str | None:
    """The kata's untouched stub: generated from its solution, or a release's copy; None without either."""
    if kata.solution_path.exists():
        return make_stub(kata.solution_path.read_text(), str(kata.solution_path))
    released = kata.module_path(RELEASED_STUBS_DIR)
    return released.read_text() if released.exists() else None


def write_stub(kata: Kata, destination_root: Path) -> Path:
    """Write the generated stub for `kata` under `destination_root` (katas/ or a scratch copy)."""
    path = kata.module_path(destination_root)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(make_stub(kata.solution_path.read_text(), str(kata.solution_path)))
    return path
