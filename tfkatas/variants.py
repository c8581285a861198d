"""The versions of a kata's code that check mode tests: the solution, the stub, each wrong answer."""

from __future__ import annotations

SOLUTION_VARIANT = "solutions"
STUB_VARIANT = "stubs"
WRONG_PREFIX = "wrong"


def variant_of(item) -> str | None:
    """The variant a collected test runs against (check mode), or None in a learner's run."""
    callspec = getattr(item, "callspec", None)
    return callspec.params.get("kata") if callspec else None


def is_wrong_answer(variant: str | None) -> bool:
    return bool(variant) and variant.startswith(WRONG_PREFIX)
