"""What the tests exercise: the learner's `katas/`, the reference `solutions/`, any directory
laid out like them (KATA_TARGET), or one wrong answer applied to a solution.
"""

from __future__ import annotations

import importlib.util
import os
import sys
import types
from pathlib import Path

from tfkatas.curriculum import KATAS_DIR, ROOT, SOLUTIONS_DIR, Kata
from tfkatas.paths import shown
from tfkatas.wrong import WrongAnswer, registered

NAMED_TARGETS = {"katas": KATAS_DIR, "solutions": SOLUTIONS_DIR}


class KataLoadError(Exception):
    """The learner's file could not be imported; the message says where and why."""


def resolve_target(value: str | None = None) -> Path:
    """The directory KATA_TARGET names: `katas` (default), `solutions` or a path."""
    value = value if value is not None else os.environ.get("KATA_TARGET", "katas")
    if value in NAMED_TARGETS:
        return NAMED_TARGETS[value]
    path = Path(value).expanduser()
    path = path if path.is_absolute() else (Path.cwd() / path)
    if not path.is_dir():
        raise KataLoadError(f"KATA_TARGET={value!r} is not a directory (use katas, solutions or a path laid out like solutions/)")
    return path.resolve()


def describe_target(path: Path) -> str:
    for name, directory in NAMED_TARGETS.items():
        if path == directory:
            return name
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def _execute(path: Path, module_name: str) -> types.ModuleType:
    spec = importlib.util.spec_from_file_location(module_name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module  # Dataclasses and pickling look the module up by name.
    try:
        spec.loader.exec_module(module)
    except SyntaxError as error:
        sys.modules.pop(module_name, None)
        raise KataLoadError(f"{shown(path)}:{error.lineno}: SyntaxError: {error.msg}") from None
    except SystemExit as error:  # sys.exit at import time ends the import, not the test run.
        sys.modules.pop(module_name, None)
        line = _last_line_in(path, error.__traceback__)
        raise KataLoadError(f"{shown(path)}{line}: importing it called sys.exit({error.code!r}); "
                            "a kata's file must only define its functions") from None
    except Exception as error:  # The learner's module may raise anything at import time.
        sys.modules.pop(module_name, None)
        line = _last_line_in(path, error.__traceback__)
        raise KataLoadError(f"{shown(path)}{line}: importing it raised {type(error).__name__}: {error}") from error
    return module


def _last_line_in(path: Path, traceback) -> str:
    line = ""
    while traceback is not None:
        if Path(traceback.tb_frame.f_code.co_filename) == path:
            line = f":{traceback.tb_lineno}"
        traceback = traceback.tb_next
    return line


def load_kata_module(kata: Kata, target_dir: Path, variant: str = "") -> types.ModuleType:
    """Import the kata's code file from `target_dir` as a fresh module."""
    path = kata.module_path(target_dir)
    if not path.exists():
        remedy = f" (make reset N={kata.code} restores the stub)" if target_dir == KATAS_DIR else ""
        raise KataLoadError(f"{shown(path)} does not exist{remedy}")
    suffix = variant or describe_target(target_dir)
    safe = "".join(ch if ch.isalnum() else "_" for ch in suffix)
    return _execute(path, f"kata_{kata.dirname}__{safe}")


def wrong_answers(kata: Kata) -> list[WrongAnswer]:
    """The wrong answers kept beside the kata's solution (none when the file is absent)."""
    path = kata.wrong_answers_path
    if not path.exists():
        return []
    name = f"wrong_answers_{kata.dirname}"
    if name not in sys.modules:
        if "tensorflow" in path.read_text(encoding="utf-8", errors="replace"):
            from tfkatas.environment import import_tensorflow

            import_tensorflow()  # The file imports it; outside a test nothing captures its log lines.
        _execute(path, name)
    return registered(name)


def load_wrong_answer(kata: Kata, wrong: WrongAnswer, solutions_dir: Path = SOLUTIONS_DIR) -> types.ModuleType:
    """A fresh copy of the solution (from `solutions_dir`) with one object replaced by a wrong answer."""
    module = load_kata_module(kata, solutions_dir, variant=wrong.id)
    if not hasattr(module, wrong.replaces):
        raise KataLoadError(f"wrong answer {wrong.id} replaces {wrong.replaces}, which the solution does not define")
    replacement = wrong.obj
    if isinstance(replacement, types.FunctionType):
        # Rebind to the solution's globals so the wrong answer sees the same helpers and imports.
        rebound = types.FunctionType(replacement.__code__, module.__dict__, wrong.replaces,
                                     replacement.__defaults__, replacement.__closure__)
        rebound.__kwdefaults__ = replacement.__kwdefaults__
        rebound.__doc__ = replacement.__doc__
        rebound.__qualname__ = wrong.replaces  # Tracebacks and messages name the learner's function.
        replacement = rebound
    setattr(module, wrong.replaces, replacement)
    return module
