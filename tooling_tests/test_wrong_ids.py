"""Wrong answers have stable ids: their own names, never their position in the file."""

from __future__ import annotations

import itertools

import pytest

from tfkatas.wrong import WrongAnswerError, registered, wrong_answer

_fake_modules = itertools.count()


def register(module: str, *names: str) -> list[str]:
    for name in names:
        def function(values):  # A stand-in body: only its name matters.
            return values

        function.__name__, function.__module__ = name, module
        wrong_answer("sort_descending", f"mistake {name}")(function)
    return [wrong.id for wrong in registered(module)]


def test_inserting_a_wrong_answer_in_the_middle_renames_no_other():
    before = register(f"fake_{next(_fake_modules)}", "ascending", "first_axis", "reversed")
    after = register(f"fake_{next(_fake_modules)}", "ascending", "new_one", "first_axis", "reversed")
    assert before == ["wrong-sort_descending-ascending", "wrong-sort_descending-first_axis",
                      "wrong-sort_descending-reversed"]
    assert set(before) <= set(after) and "wrong-sort_descending-new_one" in after


def test_two_wrong_answers_with_one_name_are_refused():
    module = f"fake_{next(_fake_modules)}"
    register(module, "ascending")
    with pytest.raises(WrongAnswerError, match="two wrong answers are named wrong-sort_descending-ascending"):
        register(module, "ascending")


@pytest.mark.parametrize(("replaces", "description"), [("", "x"), ("sort descending", "x"), ("f", "  ")])
def test_a_wrong_answer_names_what_it_replaces_and_its_mistake(replaces, description):
    with pytest.raises(WrongAnswerError):
        wrong_answer(replaces, description)
