"""Kata 08 — Automatic differentiation.

TensorFlow records the operations you run inside a `tf.GradientTape` and plays them
backwards to get derivatives (reverse mode); `tf.autodiff.ForwardAccumulator` pushes a
derivative forwards alongside the values instead (forward mode). Numerical differentiation
— nudging an input a little and watching the output move — is slow and approximate, but it
needs no tape at all, which makes it the standard way to check a gradient.

The notes' worked example is y = ln(x1) + x1*x2 - sin(x2) at x1 = 2, x2 = 5:
y = ln 2 + 10 - sin 5 ≈ 11.652, dy/dx1 = 1/x1 + x2 = 5.5 and dy/dx2 = x1 - cos x2 ≈ 1.716.

Run `make kata N=08` to test your answers, `make hint N=08` when stuck.
"""

import numpy as np
import tensorflow as tf


def value_and_gradient(function, x):
    """The value of `function(x)` (a scalar) and its gradient with respect to `x`.

    `x` is a plain tensor (`tf.constant`), not a `tf.Variable`. Return `(value, gradient)`
    where `gradient` has the shape and dtype of `x`.

    Example: function = lambda x: tf.reduce_sum(x ** 2), x = [1., 2., 3.]
    -> (14.0, [2., 4., 6.]).
    """
    ### BEGIN SOLUTION: a tape only follows variables by itself; look up tape.watch for a constant.
    with tf.GradientTape() as tape:
        # Constants are not trainable, so the tape ignores them unless told to watch.
        tape.watch(x)
        value = function(x)
    return value, tape.gradient(value, x)
    ### END SOLUTION


def gradients_of_each(functions, x):
    """The gradient of every function in the list `functions` with respect to `x`, from ONE tape.

    Each function maps `x` to a scalar. Return a Python list with one gradient per function, in
    order, each shaped like `x`; open one `tf.GradientTape` for all of them, not one per function.

    Example: functions [lambda x: tf.reduce_sum(x ** 2), lambda x: tf.reduce_sum(3 * x)],
    x = [1., 2.] -> [[2., 4.], [3., 3.]].
    """
    ### BEGIN SOLUTION: a tape frees its record after one gradient call unless you make it persistent.
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        values = [function(x) for function in functions]
    # A list of targets would be summed into one gradient, so ask once per target.
    gradients = [tape.gradient(value, x) for value in values]
    del tape  # A persistent tape holds its record until it is deleted.
    return gradients
    ### END SOLUTION


def second_derivative(function, x):
    """The first and second derivatives of an element-wise `function` at every point of `x`.

    `function` acts on each element of `x` on its own (like `x ** 3` or `tf.sin`); `x` is a
    constant of any shape. Return `(first, second)`, both shaped like `x`.

    Example: function = lambda x: x ** 3, x = [2., -1.] -> ([12., 3.], [12., -6.]).
    """
    ### BEGIN SOLUTION: nest two tapes: the inner one gives f'(x), the outer one differentiates that again.
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = function(x)
        # Computed inside the outer tape, so the outer tape records how f' depends on x.
        # The gradient of sum(f(x)) is f'(x) element by element, because f acts element-wise.
        first = inner.gradient(y, x)
    second = outer.gradient(first, x)
    return first, second
    ### END SOLUTION


def numerical_gradient(function, x, epsilon=1e-4):
    """The gradient of a scalar `function` at the numpy float64 array `x`, by central differences.

    For every element i: (f(x + epsilon*e_i) - f(x - epsilon*e_i)) / (2 * epsilon), where e_i
    is 1 at position i and 0 elsewhere. Return a float64 numpy array shaped like `x`; leave `x`
    itself unchanged. `function` is called with a float64 numpy array shaped like `x` and
    returns a scalar: a Python or numpy float, or a scalar tensor, so pass what it returns
    through float() before doing arithmetic with it.

    Example: function = lambda x: np.sum(x ** 2), x = [[1., 2.], [3., 4.]]
    -> [[2., 4.], [6., 8.]] (up to about 1e-8).
    """
    ### BEGIN SOLUTION: loop over every index of x (np.ndindex); nudge one copy up and one down by epsilon.
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    # One pair of evaluations per element: that cost is why numerical gradients are only a check.
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        # Central differences cancel the second-order error term: error ~ epsilon**2, not epsilon.
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / (2 * epsilon)
    return gradient
    ### END SOLUTION


def max_gradient_error(function, x):
    """How far the tape's gradient of `function` at `x` is from the numerical one.

    `x` is a numpy float64 array; `function` maps a tensor to a scalar tensor. Return the
    largest absolute difference between the two gradients, as a Python float. A correct
    gradient gives a tiny number (about 1e-8); a buggy one a large number.

    Example: function = lambda x: tf.reduce_sum(tf.sin(x)), x = [0.5, 1.0] -> about 1e-9.
    """
    ### BEGIN SOLUTION: compare value_and_gradient on a tensor with numerical_gradient on the array; take the largest gap.
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    # float64 keeps rounding far below the size of the bugs the check looks for.
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.max(np.abs(tape_gradient.numpy() - check)))
    ### END SOLUTION


def notes_function(x1, x2):
    """The notes' example y = ln(x1) + x1*x2 - sin(x2), element by element.

    Example: x1 = 2., x2 = 5. -> ln 2 + 10 - sin 5 ≈ 11.6520.
    """
    ### BEGIN SOLUTION: tf.math.log is the natural logarithm; tf.sin takes radians.
    return tf.math.log(x1) + x1 * x2 - tf.sin(x2)
    ### END SOLUTION


def forward_mode_partials(x1, x2):
    """The notes' function and both partial derivatives, by forward mode.

    Use `tf.autodiff.ForwardAccumulator`: one forward pass per input, with tangent 1 on that
    input. `x1` and `x2` are float tensors of the same shape. Return
    `(y, dy_dx1, dy_dx2)`, each shaped like `x1`.

    Example: x1 = 2., x2 = 5. -> (11.6520, 5.5, 2 - cos 5 ≈ 1.7163).
    """
    ### BEGIN SOLUTION: ForwardAccumulator takes primals and tangents; compute y inside its with block, then ask for the jvp.
    # Forward mode carries one direction through the computation, so each input needs its own pass.
    with tf.autodiff.ForwardAccumulator(primals=x1, tangents=tf.ones_like(x1)) as accumulator:
        y = notes_function(x1, x2)
    dy_dx1 = accumulator.jvp(y)
    with tf.autodiff.ForwardAccumulator(primals=x2, tangents=tf.ones_like(x2)) as accumulator:
        y = notes_function(x1, x2)
    dy_dx2 = accumulator.jvp(y)
    return y, dy_dx1, dy_dx2
    ### END SOLUTION


def reverse_mode_partials(x1, x2):
    """The notes' function and both partial derivatives, by reverse mode (one GradientTape).

    Same inputs and outputs as `forward_mode_partials`: `(y, dy_dx1, dy_dx2)`.

    Example: x1 = 2., x2 = 5. -> (11.6520, 5.5, 1.7163).
    """
    ### BEGIN SOLUTION: watch both inputs and ask tape.gradient once, with a list of both sources.
    with tf.GradientTape() as tape:
        tape.watch([x1, x2])
        y = notes_function(x1, x2)
    # Reverse mode gets the derivative with respect to every input from one backward pass.
    dy_dx1, dy_dx2 = tape.gradient(y, [x1, x2])
    return y, dy_dx1, dy_dx2
    ### END SOLUTION
