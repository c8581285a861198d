"""Wrong answers: plausible learner mistakes kept beside each solution (`wrong_answers.py`).

    from tfkatas.wrong import wrong_answer

    @wrong_answer("topk_accuracy", "ties count as misses (strictly-greater rank)")
    def ties_count_as_misses(probs, labels, k):
        ...

The first argument names the solution's function or class the wrong answer replaces, the
second says the mistake in words. The decorated object's own name, unique in its file, makes
the wrong answer's stable id, `wrong-topk_accuracy-ties_count_as_misses`: adding, removing or
reordering wrong answers never renames another one.

Each wrong answer replaces its target in a fresh copy of the solution module. A replacement
function runs with the solution module's globals, so it may call the solution's helpers and
its imports (`tf`, `np`) by name. `make check` runs the kata's tests against every wrong
answer and fails if one passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

ID_PREFIX = "wrong"


class WrongAnswerError(ValueError):
    """A wrong answer registered twice under one id, or without a description."""


@dataclass(frozen=True)
class WrongAnswer:
    replaces: str  # The solution's function or class this stands in for.
    description: str  # The mistake, in words.
    obj: Any
    name: str  # The wrong answer's own name in its file.

    @property
    def id(self) -> str:
        return f"{ID_PREFIX}-{self.replaces}-{self.name}"


# {module name: {id: wrong answer}}, filled as each wrong_answers.py is imported. Registration
# happens at import time, which is why this one table lives at module level.
_REGISTRY: dict[str, dict[str, WrongAnswer]] = {}


def wrong_answer(replaces: str, description: str):
    """Register the decorated function or class as a wrong version of the solution's `replaces`."""
    if not str(replaces).isidentifier():
        raise WrongAnswerError(f"wrong_answer({replaces!r}, ...): name the function or class it replaces first")
    if not str(description).strip():
        raise WrongAnswerError(f"wrong_answer({replaces!r}, ...) needs the mistake in words")

    def register(obj):
        wrong = WrongAnswer(replaces, description, obj, obj.__name__)
        entries = _REGISTRY.setdefault(obj.__module__, {})
        if wrong.id in entries:
            raise WrongAnswerError(f"{obj.__module__}: two wrong answers are named {wrong.id}; rename one")
        entries[wrong.id] = wrong
        return obj

    return register


def registered(module_name: str) -> list[WrongAnswer]:
    """The module's wrong answers in the order of its file."""
    return list(_REGISTRY.get(module_name, {}).values())
