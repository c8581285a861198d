"""A stub's nudge names the concept or the API, never the call or the recipe (tfkatas.nudges)."""

from __future__ import annotations

import pytest

from tfkatas.nudges import nudge_problems, quoted_code

REGION = '    return tf.sort(values, axis=-1, direction="DESCENDING")\n'


@pytest.mark.parametrize("nudge", [
    "tf.sort sorts along the last axis; it takes a direction argument.",
    "look up tf.sort and its direction.",
    "sorting is stable when ties keep their order (tf.argsort)",
])
def test_a_nudge_that_names_things_passes(nudge):
    assert quoted_code(nudge, REGION) is None


@pytest.mark.parametrize(("nudge", "quoted"), [
    ("tf.sort(values, axis=-1) does it.", "the call tf.sort(v"),
    ("sort with direction=\"DESCENDING\".", "the argument direction="),
    ("sort -> reverse -> slice", "a chain of steps"),
])
def test_a_nudge_that_quotes_the_solution_is_named(nudge, quoted):
    assert quoted in quoted_code(nudge, REGION)


def test_nudge_problems_name_the_file_and_line():
    source = ('import tensorflow as tf\n\n\ndef sort_descending(values):\n'
              '    ### BEGIN SOLUTION: tf.sort(values, axis=-1, direction="DESCENDING")\n'
              + REGION + "    ### END SOLUTION\n")
    [problem] = nudge_problems(source, "solutions/05_topk/topk.py")
    assert problem.startswith("solutions/05_topk/topk.py:5: the nudge quotes the call tf.sort(v")
    assert "move the recipe to the last hint" in problem
