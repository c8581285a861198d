"""A stub's nudge names a concept or an API to look up, never the call or the recipe.

The nudge (`### BEGIN SOLUTION: <nudge>`) is printed on every run, before the learner asked for
a hint, so `make check` refuses one that quotes the solution region's code: a call written with
its arguments, a keyword argument the solution passes, or a chain of steps ("a -> b -> c").
Recipes belong in the kata's last hint.
"""

from __future__ import annotations

import ast
import re

from tfkatas.stubs import BEGIN, END

_CALL_WITH_ARGUMENTS = re.compile(r"([A-Za-z_][\w.]*)\(\s*[^)\s]")
_KEYWORD_ARGUMENT = re.compile(r"\b([A-Za-z_]\w*)\s*=\s*[\w\"'(\[-]")
_CHAIN = re.compile(r"->.*->")


def regions(source: str) -> list[tuple[int, str, str]]:
    """(line, nudge, region code) for every solution region of a solution file."""
    found, lines = [], source.splitlines()
    for index, line in enumerate(lines):
        begin = BEGIN.match(line)
        if begin and begin.group("nudge"):
            end = next((j for j in range(index + 1, len(lines)) if END.match(lines[j])), len(lines))
            found.append((index + 1, begin.group("nudge").strip(), "\n".join(lines[index + 1:end])))
    return found


def _called_and_keywords(code: str) -> tuple[set[str], set[str]]:
    """The names the region calls (`tf.sort`, and its last part `sort`) and the keywords it passes."""
    try:
        tree = ast.parse(_dedent(code))
    except SyntaxError:
        return set(), set()
    called, keywords = set(), set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = ast.unparse(node.func)
            called.update({name, name.split(".")[-1]})
            keywords.update(keyword.arg for keyword in node.keywords if keyword.arg)
    return called, keywords


def _dedent(code: str) -> str:
    import textwrap

    return textwrap.dedent(code)


def quoted_code(nudge: str, code: str) -> str | None:
    """What in the nudge quotes the region's code, or None when it only names things."""
    called, keywords = _called_and_keywords(code)
    for match in _CALL_WITH_ARGUMENTS.finditer(nudge):
        name = match.group(1)
        if name in called or name.split(".")[-1] in called:
            return f"the call {match.group(0).strip()}…"
    for match in _KEYWORD_ARGUMENT.finditer(nudge):
        if match.group(1) in keywords:
            return f"the argument {match.group(0).strip()}…"
    if _CHAIN.search(nudge):
        return "a chain of steps (a -> b -> c)"
    return None


def nudge_problems(solution_source: str, shown_path: str) -> list[str]:
    """One line per nudge that gives away its region's code."""
    problems = []
    for line, nudge, code in regions(solution_source):
        quoted = quoted_code(nudge, code)
        if quoted:
            problems.append(f"{shown_path}:{line}: the nudge quotes {quoted}; name the concept or API, "
                            "and move the recipe to the last hint")
    return problems
