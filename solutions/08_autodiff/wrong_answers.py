"""Plausible wrong answers to kata 08; `make check` proves the tests catch every one."""

import numpy as np
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("forgets tape.watch: the tape ignores a constant and the gradient is None")
def value_and_gradient(function, x):
    with tf.GradientTape() as tape:
        value = function(x)
    return value, tape.gradient(value, x)


@wrong_answer("a plain (non-persistent) tape: the second gradient call raises")
def gradients_of_each(functions, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        values = [function(x) for function in functions]
    return [tape.gradient(value, x) for value in values]


@wrong_answer("asks for the gradient of the whole list at once: every entry is the sum of the gradients")
def gradients_of_each(functions, x):  # noqa: F811
    with tf.GradientTape() as tape:
        tape.watch(x)
        values = [function(x) for function in functions]
    total = tape.gradient(values, x)
    return [total for _ in functions]


@wrong_answer("the outer tape differentiates f again instead of f': returns f' twice")
def second_derivative(function, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = function(x)
        first = inner.gradient(y, x)
    return first, outer.gradient(y, x)


@wrong_answer("forward difference (f(x+e) - f(x)) / e instead of the central difference")
def numerical_gradient(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x))) / epsilon
    return gradient


@wrong_answer("divides the central difference by epsilon instead of 2 * epsilon")
def numerical_gradient(function, x, epsilon=1e-4):  # noqa: F811
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / epsilon
    return gradient


@wrong_answer("nudges x in place and never puts it back: the caller's x ends up changed")
def numerical_gradient(function, x, epsilon=1e-4):  # noqa: F811
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        x[index] += epsilon
        up = float(function(x))
        x[index] -= 2 * epsilon
        down = float(function(x))
        gradient[index] = (up - down) / (2 * epsilon)
    return gradient


@wrong_answer("ignores epsilon: always nudges by 1e-4")
def numerical_gradient(function, x, epsilon=1e-4):  # noqa: F811
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = 1e-4
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / 2e-4
    return gradient


@wrong_answer("the mean difference instead of the largest: one bad element hides among good ones")
def max_gradient_error(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.mean(np.abs(tape_gradient.numpy() - check)))


@wrong_answer("returns a scalar tensor instead of a Python float")
def max_gradient_error(function, x):  # noqa: F811
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return tf.reduce_max(tf.abs(tape_gradient - check))


@wrong_answer("the base-10 logarithm instead of the natural one")
def notes_function(x1, x2):
    return tf.math.log(x1) / tf.math.log(10.0) + x1 * x2 - tf.sin(x2)


@wrong_answer("one ForwardAccumulator with tangents on both inputs: both 'partials' are their sum")
def forward_mode_partials(x1, x2):
    with tf.autodiff.ForwardAccumulator(primals=[x1, x2], tangents=[tf.ones_like(x1), tf.ones_like(x2)]) as acc:
        y = notes_function(x1, x2)
    both = acc.jvp(y)
    return y, both, both


@wrong_answer("returns the partials in the order (dy_dx2, dy_dx1)")
def reverse_mode_partials(x1, x2):
    with tf.GradientTape() as tape:
        tape.watch([x1, x2])
        y = notes_function(x1, x2)
    dy_dx1, dy_dx2 = tape.gradient(y, [x1, x2])
    return y, dy_dx2, dy_dx1


@wrong_answer("calls function(x) before opening the tape: nothing is recorded, the gradient is None")
def value_and_gradient(function, x):  # noqa: F811
    value = function(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
    return value, tape.gradient(value, x)


@wrong_answer("asks the inner tape for f' after leaving the outer tape: the outer tape never saw it")
def second_derivative(function, x):  # noqa: F811
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = function(x)
    first = inner.gradient(y, x)
    return first, outer.gradient(first, x)


@wrong_answer("loops over range(len(x)): nudges a whole row at once on a 2-D x")
def numerical_gradient(function, x, epsilon=1e-4):  # noqa: F811
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in range(len(x)):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / (2 * epsilon)
    return gradient


@wrong_answer("checks in float32: rounding in the numerical gradient swamps the comparison")
def max_gradient_error(function, x):  # noqa: F811
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float32))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float32)), x)
    return float(np.max(np.abs(tape_gradient.numpy() - check)))


@wrong_answer("forgets the absolute value: the largest signed difference misses a gradient that is too small")
def max_gradient_error(function, x):  # noqa: F811
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.max(tape_gradient.numpy() - check))


@wrong_answer("np.log instead of tf.math.log: the value is right, but the tape cannot see through numpy")
def notes_function(x1, x2):  # noqa: F811
    return np.log(x1) + x1 * x2 - tf.sin(x2)


@wrong_answer("tangents=x1 instead of ones: the jvp is scaled by the point itself")
def forward_mode_partials(x1, x2):  # noqa: F811
    with tf.autodiff.ForwardAccumulator(primals=x1, tangents=x1) as accumulator:
        y = notes_function(x1, x2)
    dy_dx1 = accumulator.jvp(y)
    with tf.autodiff.ForwardAccumulator(primals=x2, tangents=x2) as accumulator:
        y = notes_function(x1, x2)
    return y, dy_dx1, accumulator.jvp(y)


@wrong_answer("watches x1 only: the gradient with respect to x2 is None")
def reverse_mode_partials(x1, x2):  # noqa: F811
    with tf.GradientTape() as tape:
        tape.watch(x1)
        y = notes_function(x1, x2)
    dy_dx1, dy_dx2 = tape.gradient(y, [x1, x2])
    return y, dy_dx1, dy_dx2
