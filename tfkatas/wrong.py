"""Wrong answers: plausible learner mistakes kept beside each solution (`wrong_answers.py`).

    from tfkatas.wrong import wrong_answer

    @wrong_answer("ties count as misses (strictly-greater rank)")
    def topk_accuracy(probs, labels, k):
        ...

Each decorated function or class replaces the solution's object of the same name in a
fresh copy of the solution module. A replacement function runs with the solution module's
globals, so it may call the solution's helpers and its imports (`tf`, `np`) by name.
`make check` runs the kata's tests against every wrong answer and fails if one passes.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

_REGISTRY: dict[str, list[WrongAnswer]] = {}


@dataclass(frozen=True)
class WrongAnswer:
    replaces: str
    description: str
    obj: Any
    index: int

    @property
    def id(self) -> str:
        return f"wrong{self.index}-{self.replaces}"


def wrong_answer(description: str):
    """Register the decorated function or class as a wrong version of its namesake."""

    def register(obj):
        entries = _REGISTRY.setdefault(obj.__module__, [])
        entries.append(WrongAnswer(obj.__name__, description, obj, len(entries) + 1))
        return obj

    return register


def registered(module_name: str) -> list[WrongAnswer]:
    return list(_REGISTRY.get(module_name, ()))
