"""Tests for kata 12. Oracles: numpy formulas, a plain numpy gradient-descent loop, numpy's
least-squares fit (np.polyfit) and the worked example in the docstrings."""

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_python_float, assert_shape

TRUE_W, TRUE_B = 1.7, -0.6


@pytest.fixture(scope="module")
def noisy_line():
    """200 points on y = 1.7x - 0.6 plus noise (seed 0), x spread over [-2, 2]."""
    rng = np.random.default_rng(0)
    x = rng.uniform(-2, 2, 200).astype(np.float32)
    y = (TRUE_W * x + TRUE_B + rng.normal(0, 0.3, 200)).astype(np.float32)
    return x, y


def numpy_descent(x, y, lr, steps):
    """The oracle's gradient descent in float64 numpy, from w = b = 0."""
    x, y, w, b = x.astype(np.float64), y.astype(np.float64), 0.0, 0.0
    for _ in range(steps):
        error = w * x + b - y
        w, b = w - lr * 2 * np.mean(error * x), b - lr * 2 * np.mean(error)
    return w, b


def assert_scalar_float32_tensor(value, what):
    """The docstrings promise scalar float32 tensors: not Python floats, not numpy scalars."""
    assert tf.is_tensor(value), (
        f"{what} returned {type(value).__name__} {value!r}, expected a scalar float32 tensor (a TensorFlow "
        "value, so that a GradientTape can follow it)")
    assert_shape(value, (), what)
    assert value.dtype == tf.float32, f"{what} has dtype {value.dtype.name}, expected float32"


def random_problem(seed, n):
    rng = np.random.default_rng(seed)
    x = rng.normal(0, 1.5, n).astype(np.float32)
    y = rng.normal(0, 2.0, n).astype(np.float32)
    w, b = (float(v) for v in rng.normal(0, 1, 2).astype(np.float32))
    return w, b, x, y


def test_mse_loss_on_the_worked_example(kata):
    loss = kata.mse_loss(tf.constant(2.0), tf.constant(1.0), tf.constant([0.0, 1.0]), tf.constant([1.0, 5.0]))
    assert_close(loss, np.float32(2.0), "mse_loss(w=2, b=1, x=[0, 1], y=[1, 5])", dtype=tf.float32)


def test_mse_loss_matches_numpy(kata):
    w, b, x, y = random_problem(1, 37)
    expected = np.mean((w * x.astype(np.float64) + b - y) ** 2)
    loss = kata.mse_loss(tf.constant(w), tf.constant(b), tf.constant(x), tf.constant(y))
    assert_scalar_float32_tensor(loss, "mse_loss(random w, b, 37 points)")
    assert_close(loss, expected, "mse_loss(random w, b, 37 points)")


def test_gradients_on_the_worked_example(kata):
    grad_w, grad_b = kata.gradients(tf.constant(2.0), tf.constant(1.0), tf.constant([0.0, 1.0]),
                                    tf.constant([1.0, 5.0]))
    assert_close(grad_w, np.float32(-2.0), "gradients(w=2, b=1, x=[0, 1], y=[1, 5])[0] (d loss / d w)",
                 dtype=tf.float32)
    assert_close(grad_b, np.float32(-2.0), "gradients(w=2, b=1, x=[0, 1], y=[1, 5])[1] (d loss / d b)",
                 dtype=tf.float32)


@pytest.mark.parametrize("n", [5, 64])
def test_gradients_match_the_notes_formulas(kata, n):
    w, b, x, y = random_problem(2 + n, n)
    error = w * x.astype(np.float64) + b - y
    grad_w, grad_b = kata.gradients(tf.constant(w), tf.constant(b), tf.constant(x), tf.constant(y))
    assert_scalar_float32_tensor(grad_w, f"gradients(random w, b, {n} points)[0]")
    assert_scalar_float32_tensor(grad_b, f"gradients(random w, b, {n} points)[1]")
    assert_close(grad_w, 2 / n * np.sum(error * x), f"gradients(random w, b, {n} points)[0] = 2/n * sum(error * x)",
                 rtol=1e-5, atol=1e-5)
    assert_close(grad_b, 2 / n * np.sum(error), f"gradients(random w, b, {n} points)[1] = 2/n * sum(error)",
                 rtol=1e-5, atol=1e-5)


def test_gradient_descent_step_moves_downhill(kata):
    w, b, x, y = random_problem(3, 23)
    error = w * x.astype(np.float64) + b - y
    new_w, new_b = kata.gradient_descent_step(tf.constant(w), tf.constant(b), tf.constant(x), tf.constant(y), 0.05)
    assert_scalar_float32_tensor(new_w, "gradient_descent_step(..., lr=0.05)[0] (the new w)")
    assert_scalar_float32_tensor(new_b, "gradient_descent_step(..., lr=0.05)[1] (the new b)")
    assert_close(new_w, w - 0.05 * 2 * np.mean(error * x), "gradient_descent_step(..., lr=0.05)[0] (the new w)",
                 rtol=1e-5, atol=1e-5)
    assert_close(new_b, b - 0.05 * 2 * np.mean(error), "gradient_descent_step(..., lr=0.05)[1] (the new b)",
                 rtol=1e-5, atol=1e-5)


def test_gradient_descent_step_on_the_worked_example_with_another_learning_rate(kata):
    # Gradients (-2, -2) as in the docstring; lr=0.3 instead of 0.1 gives (2 + 0.6, 1 + 0.6).
    new_w, new_b = kata.gradient_descent_step(tf.constant(2.0), tf.constant(1.0), tf.constant([0.0, 1.0]),
                                              tf.constant([1.0, 5.0]), 0.3)
    assert_close(new_w, np.float32(2.6), "gradient_descent_step(w=2, b=1, x=[0, 1], y=[1, 5], lr=0.3)[0]")
    assert_close(new_b, np.float32(1.6), "gradient_descent_step(w=2, b=1, x=[0, 1], y=[1, 5], lr=0.3)[1]")


@pytest.mark.parametrize("fit", ["fit_by_hand", "fit_with_tape"])
def test_zero_steps_return_the_starting_point(kata, noisy_line, fit):
    x, y = noisy_line
    w, b = getattr(kata, fit)(tf.constant(x), tf.constant(y), 0.1, 0)
    assert_python_float(w, 0.0, f"{fit}(noisy line, lr=0.1, steps=0)[0] (no step: w stays at 0)")
    assert_python_float(b, 0.0, f"{fit}(noisy line, lr=0.1, steps=0)[1] (no step: b stays at 0)")


def test_fit_by_hand_on_the_worked_example(kata):
    x = np.linspace(-2, 2, 21).astype(np.float32)  # The docstring's x = -2, -1.8, ..., 2.
    w, b = kata.fit_by_hand(tf.constant(x), tf.constant(3 * x - 2), 0.1, 300)
    assert_python_float(w, 3.0, "fit_by_hand(21 points on y = 3x - 2, lr=0.1, steps=300)[0]", tol=1e-4)
    assert_python_float(b, -2.0, "fit_by_hand(21 points on y = 3x - 2, lr=0.1, steps=300)[1]", tol=1e-4)


def test_fit_by_hand_follows_plain_gradient_descent_step_by_step(kata, noisy_line):
    x, y = noisy_line
    w, b = kata.fit_by_hand(tf.constant(x), tf.constant(y), 0.02, 7)  # Few steps: far from the answer yet.
    expected_w, expected_b = numpy_descent(x, y, 0.02, 7)
    assert_python_float(w, expected_w, "fit_by_hand(noisy line, lr=0.02, steps=7)[0] (w after 7 steps from 0)",
                        tol=1e-5)
    assert_python_float(b, expected_b, "fit_by_hand(noisy line, lr=0.02, steps=7)[1] (b after 7 steps from 0)",
                        tol=1e-5)


def test_fit_by_hand_recovers_the_line_from_noisy_points(kata, noisy_line):
    x, y = noisy_line
    w, b = kata.fit_by_hand(tf.constant(x), tf.constant(y), 0.1, 300)
    best_w, best_b = np.polyfit(x.astype(np.float64), y.astype(np.float64), 1)  # Least squares.
    assert_python_float(w, float(best_w), "fit_by_hand(noisy line, lr=0.1, steps=300)[0] (w)", tol=1e-4)
    assert_python_float(b, float(best_b), "fit_by_hand(noisy line, lr=0.1, steps=300)[1] (b)", tol=1e-4)
    assert abs(w - TRUE_W) < 0.1 and abs(b - TRUE_B) < 0.1, (
        f"fit_by_hand found w={w:.3f}, b={b:.3f}; the points were drawn around w={TRUE_W}, b={TRUE_B}")


def test_tape_gradients_agree_with_the_hand_derived_ones(kata):
    w, b, x, y = random_problem(4, 41)
    error = w * x.astype(np.float64) + b - y
    grad_w, grad_b = kata.tape_gradients(tf.constant(w), tf.constant(b), tf.constant(x), tf.constant(y))
    assert_scalar_float32_tensor(grad_w, "tape_gradients(random w, b, 41 points)[0]")
    assert_close(grad_w, 2 * np.mean(error * x), "tape_gradients(random w, b, 41 points)[0]", rtol=1e-5, atol=1e-5,
                 dtype=tf.float32)
    assert_close(grad_b, 2 * np.mean(error), "tape_gradients(random w, b, 41 points)[1]", rtol=1e-5, atol=1e-5,
                 dtype=tf.float32)


def test_fit_with_tape_follows_the_same_path_as_by_hand(kata, noisy_line):
    x, y = noisy_line
    for lr, steps in [(0.02, 7), (0.1, 300)]:
        w, b = kata.fit_with_tape(tf.constant(x), tf.constant(y), lr, steps)
        expected_w, expected_b = numpy_descent(x, y, lr, steps)
        assert_python_float(w, expected_w, f"fit_with_tape(noisy line, lr={lr}, steps={steps})[0] (w)", tol=1e-4)
        assert_python_float(b, expected_b, f"fit_with_tape(noisy line, lr={lr}, steps={steps})[1] (b)", tol=1e-4)
