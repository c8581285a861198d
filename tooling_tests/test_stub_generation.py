"""Stub generation: solution regions become NotImplementedError nudges; drift is detected."""

import pytest

from tfkatas.stubs import StubError, interface, make_stub

SOLUTION = '''"""Module docstring."""


def area(width, height):
    """Width times height.

    Example: area(2, 3) -> 6.
    """
    ### BEGIN SOLUTION: multiply the two sides.
    # Why: a rectangle's area is the product of its sides.
    return width * height
    ### END SOLUTION


### BEGIN SOLUTION
def _solution_only_helper():
    return 1
### END SOLUTION


class Box:
    def volume(self):
        """The box's volume."""
        ### BEGIN SOLUTION: multiply all three sides.
        return 1
        ### END SOLUTION
'''


def test_a_region_becomes_a_todo_and_a_not_implemented_error_with_the_nudge():
    stub = make_stub(SOLUTION)
    assert 'raise NotImplementedError("multiply the two sides.")' in stub, stub
    assert "# TODO:" in stub
    assert "width * height" not in stub and "Why:" not in stub, "solution code leaked into the stub"


def test_docstrings_and_signatures_are_copied_verbatim():
    stub = make_stub(SOLUTION)
    assert interface(stub)["area"] == interface(SOLUTION)["area"]
    assert "Example: area(2, 3) -> 6." in stub


def test_a_top_level_region_is_dropped_and_methods_keep_their_indentation():
    stub = make_stub(SOLUTION)
    assert "_solution_only_helper" not in stub
    assert '        raise NotImplementedError("multiply all three sides.")' in stub


def test_the_stub_raises_when_called():
    namespace = {}
    exec(make_stub(SOLUTION), namespace)
    with pytest.raises(NotImplementedError, match="multiply the two sides"):
        namespace["area"](2, 3)


@pytest.mark.parametrize("source, problem", [
    ("def f():\n    ### BEGIN SOLUTION: x\n    return 1\n", "never closed"),
    ("def f():\n    return 1\n    ### END SOLUTION\n", "without a BEGIN"),
    ("def f():\n    ### BEGIN SOLUTION\n    return 1\n    ### END SOLUTION\n", "needs a nudge"),
    ("def f():\n    ### BEGIN SOLUTION: a\n    ### BEGIN SOLUTION: b\n    ### END SOLUTION\n", "inside the region"),
])
def test_malformed_markers_are_reported_with_the_line(source, problem):
    with pytest.raises(StubError, match=problem):
        make_stub(source, "solution.py")


def test_interface_ignores_bodies_but_not_signatures():
    edited_body = SOLUTION.replace("return width * height", "return height * width")
    assert interface(edited_body) == interface(SOLUTION)
    changed_signature = SOLUTION.replace("def area(width, height)", "def area(width, height=1)")
    assert interface(changed_signature)["area"] != interface(SOLUTION)["area"]
