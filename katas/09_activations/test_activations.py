"""Tests for kata 09. Oracles: TensorFlow's own activations and the derivatives its tape computes."""

import warnings

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, calls_forbidden

HUGE = np.array([[-1000.0, -50.0, 0.0], [50.0, 1000.0, -745.5]])


def random_inputs(seed, shape=(3, 5), scale=3.0):
    return np.random.default_rng(seed).normal(0.0, scale, size=shape)


def tape_derivative(activation, x):
    """d activation(x) / dx element by element, from a GradientTape (activation acts element-wise)."""
    x = tf.constant(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
        y = activation(x)
    return tape.gradient(y, x).numpy()


def call_without_overflow(function, *args, what):
    """Run function(*args) with every numpy floating-point warning turned into a failure."""
    try:
        with np.errstate(over="raise", divide="raise", invalid="raise"), warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)
            return function(*args)
    except (FloatingPointError, RuntimeWarning) as error:
        raise AssertionError(f"{what} hit a numpy floating-point problem ({error}): "
                             "some intermediate overflowed; rewrite it so no exp() gets a huge argument") from None


def test_sigmoid_matches_tensorflow(kata):
    x = random_inputs(1)
    assert_close(kata.sigmoid(x), tf.sigmoid(x), "sigmoid(3x5 x)", dtype=np.float64)


def test_sigmoid_of_huge_inputs_does_not_overflow(kata):
    result = call_without_overflow(kata.sigmoid, HUGE, what="sigmoid(±1000)")
    assert_close(result, tf.sigmoid(HUGE), "sigmoid([[-1000, -50, 0], [50, 1000, -745.5]])", atol=1e-300)


def test_sigmoid_derivative_matches_the_tape(kata):
    x = random_inputs(2, (4, 3))
    assert_close(kata.sigmoid_derivative(x), tape_derivative(tf.sigmoid, x), "sigmoid_derivative(4x3 x)")


def test_sigmoid_derivative_of_huge_inputs_does_not_overflow(kata):
    result = call_without_overflow(kata.sigmoid_derivative, HUGE, what="sigmoid_derivative(±1000)")
    assert_close(result, tape_derivative(tf.sigmoid, HUGE), "sigmoid_derivative([[-1000, -50, 0], [50, 1000, -745.5]])")


def test_tanh_matches_tensorflow_even_for_huge_inputs(kata):
    x = random_inputs(3, (2, 6))
    assert_close(kata.tanh(x), tf.tanh(x), "tanh(2x6 x)", dtype=np.float64)
    result = call_without_overflow(kata.tanh, HUGE, what="tanh(±1000)")
    assert_close(result, np.tanh(HUGE), "tanh([[-1000, -50, 0], [50, 1000, -745.5]])")


def test_tanh_derivative_matches_the_tape(kata):
    x = random_inputs(4, (5, 2))
    assert_close(kata.tanh_derivative(x), tape_derivative(tf.tanh, x), "tanh_derivative(5x2 x)")


def test_tanh_derivative_of_huge_inputs_does_not_overflow(kata):
    result = call_without_overflow(kata.tanh_derivative, HUGE, what="tanh_derivative(±1000)")
    assert_close(result, tape_derivative(tf.tanh, HUGE), "tanh_derivative([[-1000, -50, 0], [50, 1000, -745.5]])")


@pytest.mark.parametrize("p", [0.0, 0.2])
def test_leaky_relu_matches_tensorflow(kata, p):
    x = random_inputs(5, (3, 4))
    assert_close(kata.leaky_relu(x, p), tf.nn.leaky_relu(x, alpha=p), f"leaky_relu(3x4 x, p={p})")


@pytest.mark.parametrize("p", [0.0, 0.2])
def test_leaky_relu_derivative_matches_the_tape(kata, p):
    x = random_inputs(6, (4, 5))
    expected = tape_derivative(lambda t: tf.nn.leaky_relu(t, alpha=p), x)
    assert_close(kata.leaky_relu_derivative(x, p), expected, f"leaky_relu_derivative(4x5 x, p={p})")


def test_leaky_relu_derivative_at_zero_is_the_slope_like_tensorflow(kata):
    x = np.array([-1.0, 0.0, 0.0, 2.0])
    expected = tape_derivative(lambda t: tf.nn.leaky_relu(t, alpha=0.3), x)  # [0.3, 0.3, 0.3, 1.0]
    assert_close(kata.leaky_relu_derivative(x, 0.3), expected, "leaky_relu_derivative([-1, 0, 0, 2], p=0.3)")


def test_softmax_matches_tensorflow_on_each_row(kata):
    logits = random_inputs(7, (3, 5))
    result = kata.softmax(logits)
    assert_close(result, tf.nn.softmax(logits), "softmax(3x5 logits)", dtype=np.float64)


def test_softmax_of_huge_logits_stays_finite(kata):
    # Rows on very different scales: a single shift for the whole batch would empty the second row.
    logits = np.array([[1000.0, 1000.0, 0.0, -5.0], [-1000.0, -999.0, -1001.0, -1000.0]])
    result = call_without_overflow(kata.softmax, logits, what="softmax(rows around ±1000)")
    assert_close(result, tf.nn.softmax(logits), "softmax([[1000, 1000, 0, -5], [-1000, -999, -1001, -1000]])",
                 atol=1e-12)


def test_softmax_jacobian_matches_the_tapes_jacobian(kata):
    logits = random_inputs(8, (4, 3))
    x = tf.constant(logits)
    with tf.GradientTape() as tape:
        tape.watch(x)
        p = tf.nn.softmax(x)
    expected = tape.batch_jacobian(p, x)  # [rows, i, j] = d p_i / d x_j
    assert_close(kata.softmax_jacobian(logits), expected, "softmax_jacobian(4x3 logits)", dtype=np.float64)


def test_softmax_jacobian_on_the_docstring_example(kata):
    assert_close(kata.softmax_jacobian(np.array([[0.0, 0.0]])), [[[0.25, -0.25], [-0.25, 0.25]]],
                 "softmax_jacobian([[0, 0]])")


ELEMENT_WISE = {
    "sigmoid": (lambda kata, x: kata.sigmoid(x), tf.sigmoid),
    "sigmoid_derivative": (lambda kata, x: kata.sigmoid_derivative(x), lambda x: tape_derivative(tf.sigmoid, x)),
    "tanh": (lambda kata, x: kata.tanh(x), tf.tanh),
    "tanh_derivative": (lambda kata, x: kata.tanh_derivative(x), lambda x: tape_derivative(tf.tanh, x)),
    "leaky_relu": (lambda kata, x: kata.leaky_relu(x, 0.1), lambda x: tf.nn.leaky_relu(x, alpha=0.1)),
    "leaky_relu_derivative": (lambda kata, x: kata.leaky_relu_derivative(x, 0.1),
                              lambda x: tape_derivative(lambda t: tf.nn.leaky_relu(t, alpha=0.1), x)),
}


@pytest.mark.parametrize("shape", [(7,), (2, 3, 4)], ids=["1-D", "3-D"])
@pytest.mark.parametrize("name", list(ELEMENT_WISE))
def test_element_wise_activations_take_any_shape_and_return_numpy(kata, name, shape):
    call, oracle = ELEMENT_WISE[name]
    x = random_inputs(9, shape)
    expected = oracle(x)
    result = call(kata, x)
    what = f"{name}(x of shape {shape})" + (" with p=0.1" if name.startswith("leaky") else "")
    assert isinstance(result, np.ndarray), f"{what} returned {type(result).__name__}, expected a numpy array"
    assert_close(result, expected, what)


@pytest.mark.parametrize("name", ["softmax", "softmax_jacobian"])
def test_softmax_and_its_jacobian_return_numpy(kata, name):
    result = getattr(kata, name)(random_inputs(10, (2, 3)))
    assert isinstance(result, np.ndarray), f"{name}(2x3 logits) returned {type(result).__name__}, expected a numpy array"


def test_tanh_is_built_from_the_sigmoid(kata):
    x = random_inputs(11, (3, 3))
    expected = np.tanh(x)
    with calls_forbidden("tanh(x)", "np.tanh", "tf.tanh", "tf.math.tanh"):
        result = kata.tanh(x)
    assert_close(result, expected, "tanh(3x3 x)")


def test_softmax_jacobian_of_huge_logits_stays_finite(kata):
    logits = np.array([[1000.0, 999.0, -1000.0], [-1000.0, -1000.0, -1001.0]])
    x = tf.constant(logits)
    with tf.GradientTape() as tape:
        tape.watch(x)
        p = tf.nn.softmax(x)
    expected = tape.batch_jacobian(p, x)
    result = call_without_overflow(kata.softmax_jacobian, logits, what="softmax_jacobian(rows around ±1000)")
    assert_close(result, expected, "softmax_jacobian([[1000, 999, -1000], [-1000, -1000, -1001]])", atol=1e-12)
