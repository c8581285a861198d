"""Assertions for kata tests that explain a failure in words.

Every helper names the call under test (`what`), then says what was expected and what came
back: the shape, then the dtype, then the first differing element with its index.

    assert_close(kata.scores_at(scores, queries), expected, what="scores_at(scores, queries)")
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np


def to_numpy(value: Any, what: str = "the result") -> np.ndarray:
    """A tensor, variable, list or number as a numpy array; None gets a hint about `return`."""
    if value is None:
        raise AssertionError(f"{what} returned None: did the function forget to `return` its result?")
    if hasattr(value, "numpy"):
        value = value.numpy()
    return np.asarray(value)


def _dtype_name(dtype: Any) -> str:
    if hasattr(dtype, "as_numpy_dtype"):  # A tf.DType.
        dtype = dtype.as_numpy_dtype
    return np.dtype(dtype).name


def assert_shape(actual: Any, shape: tuple, what: str = "the result") -> None:
    array = to_numpy(actual, what)
    if tuple(array.shape) != tuple(shape):
        raise AssertionError(f"{what} has shape {tuple(array.shape)}, expected shape {tuple(shape)}")


def assert_dtype(actual: Any, dtype: Any, what: str = "the result") -> None:
    got = _dtype_name(actual.dtype) if hasattr(actual, "dtype") else to_numpy(actual, what).dtype.name
    if got != _dtype_name(dtype):
        raise AssertionError(f"{what} has dtype {got}, expected dtype {_dtype_name(dtype)}")


def _first_difference(actual: np.ndarray, expected: np.ndarray, mismatched: np.ndarray) -> str:
    index = tuple(int(i) for i in np.argwhere(mismatched)[0])
    count = int(mismatched.sum())
    where = f"at index {list(index)}" if index else "the value"
    # str() of a numpy scalar prints the shortest digits of its own precision (0.14415962); an f-string
    # alone would format it as a Python float: 0.14415961503982544.
    got, wanted = str(actual[index]), str(expected[index])
    return f"{count} of {mismatched.size} elements differ; first {where}: got {got}, expected {wanted}"


def assert_close(actual: Any, expected: Any, what: str = "the result", *, rtol: float = 1e-5,
                 atol: float = 1e-6, dtype: Any = None) -> None:
    """Shape, then dtype (when given), then values within tolerance."""
    if dtype is not None:
        assert_dtype(actual, dtype, what)
    actual_array = to_numpy(actual, what)
    expected_array = np.asarray(to_numpy(expected, "the expected value"))
    assert_shape(actual_array, expected_array.shape, what)
    if actual_array.dtype.kind not in "biuf" or expected_array.dtype.kind not in "biuf":
        return assert_equal(actual_array, expected_array, what)
    actual_values = actual_array.astype(np.float64)
    expected_values = expected_array.astype(np.float64)
    close = np.isclose(actual_values, expected_values, rtol=rtol, atol=atol, equal_nan=True)
    if not close.all():
        raise AssertionError(f"{what} is not close enough (rtol={rtol}, atol={atol}): "
                             + _first_difference(actual_array, expected_array, ~close))


def assert_equal(actual: Any, expected: Any, what: str = "the result", *, dtype: Any = None) -> None:
    """Shape, then dtype (when given), then exact equality."""
    if dtype is not None:
        assert_dtype(actual, dtype, what)
    actual_array = to_numpy(actual, what)
    expected_array = np.asarray(to_numpy(expected, "the expected value"))
    assert_shape(actual_array, expected_array.shape, what)
    equal = actual_array == expected_array
    if not np.all(equal):
        raise AssertionError(f"{what} differs from the expected value: "
                             + _first_difference(actual_array, expected_array, ~np.asarray(equal)))


def assert_python_float(actual: Any, expected: float, what: str = "the result", *, tol: float = 1e-6) -> None:
    """A plain Python float (not a tensor) close to `expected`."""
    if not isinstance(actual, float):
        raise AssertionError(f"{what} returned {type(actual).__name__} {actual!r}, expected a Python float "
                             "(convert a scalar tensor with float(...))")
    if not math.isclose(actual, expected, rel_tol=tol, abs_tol=tol):
        raise AssertionError(f"{what} returned {actual!r}, expected {expected!r}")
