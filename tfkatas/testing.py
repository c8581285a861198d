"""Assertions for kata tests that explain a failure in words.

Every helper names the call under test (`what`), then says what was expected and what came
back: the shape, then the dtype, then the first differing element with its index.

    assert_close(kata.scores_at(scores, queries), expected, what="scores_at(scores, queries)")
"""

from __future__ import annotations

import contextlib
import importlib
import math
from collections.abc import Iterator
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


class ForbiddenCall(AssertionError):
    """A kata function called an API its docstring forbids."""


@contextlib.contextmanager
def calls_forbidden(what: str, *apis: str) -> Iterator[None]:
    """While the block runs, calling any of `apis` fails the test in words.

    An API is named as a learner writes it: "tf.nn.conv2d", "tf.clip_by_global_norm"; a class
    ("keras.layers.Conv2D") is forbidden from being built. Compute the oracle before the block; only
    the learner's call belongs inside it:

        expected = tf.nn.conv2d(images, kernel, 1, "VALID")
        with calls_forbidden("conv2d(images, kernel)", "tf.nn.conv2d", "keras.layers.Conv2D"):
            result = kata.conv2d(images, kernel)
    """
    patches = [_patch_point(api) for api in apis]

    def refusing(api: str) -> Any:
        # A named first argument: Keras reads the argument names of a layer's __init__ when it is built.
        def refuse(self_or_first: Any = None, *args: Any, **kwargs: Any) -> Any:
            raise ForbiddenCall(f"{what} called {api}, which its docstring forbids: build the result from "
                                "the operations the kata teaches instead")
        return refuse

    for api, (owner, name, _) in zip(apis, patches):
        setattr(owner, name, refusing(api))
    try:
        yield
    finally:
        for owner, name, original in patches:
            setattr(owner, name, original)


def _patch_point(api: str) -> tuple[Any, str, Any]:
    """(owner, attribute, original) to replace for "tf.nn.conv2d"; a class's __init__ for a class."""
    root, *path = api.split(".")
    owner: Any = importlib.import_module({"tf": "tensorflow", "np": "numpy"}.get(root, root))
    for name in path[:-1]:
        owner = getattr(owner, name)
    name = path[-1]
    value = getattr(owner, name)
    if isinstance(value, type):
        # Building the layer is what is forbidden; patching its call would confuse Keras' signature checks.
        return value, "__init__", value.__dict__.get("__init__", value.__init__)
    return owner, name, value
