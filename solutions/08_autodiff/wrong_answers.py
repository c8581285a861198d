"""Plausible wrong answers to kata 08; `make check` proves the tests catch every one."""

import numpy as np
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("value_and_gradient", "forgets tape.watch: the tape ignores a constant and the gradient is None")
def forgets_tape_watch_tape_ignores(function, x):
    with tf.GradientTape() as tape:
        value = function(x)
    return value, tape.gradient(value, x)


@wrong_answer("gradients_of_each", "a plain (non-persistent) tape: the second gradient call raises")
def plain_non_persistent_tape_second(functions, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        values = [function(x) for function in functions]
    return [tape.gradient(value, x) for value in values]


@wrong_answer("gradients_of_each", "asks for the gradient of the whole list at once: every entry is the sum of the gradients")
def asks_gradient_whole_list_once(functions, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        values = [function(x) for function in functions]
    total = tape.gradient(values, x)
    return [total for _ in functions]


@wrong_answer("second_derivative", "the outer tape differentiates f again instead of f': returns f' twice")
def outer_tape_differentiates_f_again(function, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = function(x)
        first = inner.gradient(y, x)
    return first, outer.gradient(y, x)


@wrong_answer("numerical_gradient", "forward difference (f(x+e) - f(x)) / e instead of the central difference")
def forward_difference_f_x_e(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x))) / epsilon
    return gradient


@wrong_answer("numerical_gradient", "divides the central difference by epsilon instead of 2 * epsilon")
def divides_central_difference_epsilon_instead(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / epsilon
    return gradient


@wrong_answer("numerical_gradient", "nudges x in place and never puts it back: the caller's x ends up changed")
def nudges_x_place_never_puts(function, x, epsilon=1e-4):
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        x[index] += epsilon
        up = float(function(x))
        x[index] -= 2 * epsilon
        down = float(function(x))
        gradient[index] = (up - down) / (2 * epsilon)
    return gradient


@wrong_answer("numerical_gradient", "ignores epsilon: always nudges by 1e-4")
def ignores_epsilon_always_nudges_1e(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = 1e-4
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / 2e-4
    return gradient


@wrong_answer("max_gradient_error", "the mean difference instead of the largest: one bad element hides among good ones")
def mean_difference_instead_largest_one(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.mean(np.abs(tape_gradient.numpy() - check)))


@wrong_answer("max_gradient_error", "returns a scalar tensor instead of a Python float")
def returns_scalar_tensor_instead_python(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return tf.reduce_max(tf.abs(tape_gradient - check))


@wrong_answer("notes_function", "the base-10 logarithm instead of the natural one")
def base_10_logarithm_instead_natural(x1, x2):
    return tf.math.log(x1) / tf.math.log(10.0) + x1 * x2 - tf.sin(x2)


@wrong_answer("forward_mode_partials", "one ForwardAccumulator with tangents on both inputs: both 'partials' are their sum")
def one_forwardaccumulator_tangents_both_inputs(x1, x2):
    with tf.autodiff.ForwardAccumulator(primals=[x1, x2], tangents=[tf.ones_like(x1), tf.ones_like(x2)]) as acc:
        y = notes_function(x1, x2)
    both = acc.jvp(y)
    return y, both, both


@wrong_answer("reverse_mode_partials", "returns the partials in the order (dy_dx2, dy_dx1)")
def returns_partials_order_dy_dx2(x1, x2):
    with tf.GradientTape() as tape:
        tape.watch([x1, x2])
        y = notes_function(x1, x2)
    dy_dx1, dy_dx2 = tape.gradient(y, [x1, x2])
    return y, dy_dx2, dy_dx1


@wrong_answer("value_and_gradient", "calls function(x) before opening the tape: nothing is recorded, the gradient is None")
def calls_function_x_before_opening(function, x):
    value = function(x)
    with tf.GradientTape() as tape:
        tape.watch(x)
    return value, tape.gradient(value, x)


@wrong_answer("second_derivative", "asks the inner tape for f' after leaving the outer tape: the outer tape never saw it")
def asks_inner_tape_f_after(function, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = function(x)
    first = inner.gradient(y, x)
    return first, outer.gradient(first, x)


@wrong_answer("numerical_gradient", "loops over range(len(x)): nudges a whole row at once on a 2-D x")
def loops_over_range_len_x(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros_like(x)
    for index in range(len(x)):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / (2 * epsilon)
    return gradient


@wrong_answer("max_gradient_error", "checks in float32: rounding in the numerical gradient swamps the comparison")
def checks_float32_rounding_numerical_gradient(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float32))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float32)), x)
    return float(np.max(np.abs(tape_gradient.numpy() - check)))


@wrong_answer("max_gradient_error", "forgets the absolute value: the largest signed difference misses a gradient that is too small")
def forgets_absolute_value_largest_signed(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.max(tape_gradient.numpy() - check))


@wrong_answer("notes_function", "np.log instead of tf.math.log: the value is right, but the tape cannot see through numpy")
def np_log_instead_tf_math(x1, x2):
    return np.log(x1) + x1 * x2 - tf.sin(x2)


@wrong_answer("forward_mode_partials", "tangents=x1 instead of ones: the jvp is scaled by the point itself")
def tangents_x1_instead_ones_jvp(x1, x2):
    with tf.autodiff.ForwardAccumulator(primals=x1, tangents=x1) as accumulator:
        y = notes_function(x1, x2)
    dy_dx1 = accumulator.jvp(y)
    with tf.autodiff.ForwardAccumulator(primals=x2, tangents=x2) as accumulator:
        y = notes_function(x1, x2)
    return y, dy_dx1, accumulator.jvp(y)


@wrong_answer("reverse_mode_partials", "watches x1 only: the gradient with respect to x2 is None")
def watches_x1_only_gradient_respect(x1, x2):
    with tf.GradientTape() as tape:
        tape.watch(x1)
        y = notes_function(x1, x2)
    dy_dx1, dy_dx2 = tape.gradient(y, [x1, x2])
    return y, dy_dx1, dy_dx2


@wrong_answer("value_and_gradient", "casts x to float32 before watching it: a float64 x gets a float32 gradient")
def casts_x_to_float32(function, x):
    x32 = tf.cast(x, tf.float32)
    with tf.GradientTape() as tape:
        tape.watch(x32)
        value = function(x32)
    return value, tape.gradient(value, x32)


@wrong_answer("value_and_gradient", "returns (gradient, value)")
def returns_gradient_then_value(function, x):
    with tf.GradientTape() as tape:
        tape.watch(x)
        value = function(x)
    return tape.gradient(value, x), value


@wrong_answer("gradients_of_each", "a fresh tape for every function instead of one persistent tape")
def one_tape_per_function(functions, x):
    gradients = []
    for function in functions:
        with tf.GradientTape() as tape:
            tape.watch(x)
            value = function(x)
        gradients.append(tape.gradient(value, x))
    return gradients


@wrong_answer("gradients_of_each", "tf.stack of the gradients: one tensor, not a list")
def stacks_the_gradients(functions, x):
    with tf.GradientTape(persistent=True) as tape:
        tape.watch(x)
        values = [function(x) for function in functions]
    return tf.stack([tape.gradient(value, x) for value in values])


@wrong_answer("second_derivative", "outer.jacobian of f': the full [x, x] Hessian instead of its diagonal")
def outer_jacobian_full_hessian(function, x):
    with tf.GradientTape() as outer:
        outer.watch(x)
        with tf.GradientTape() as inner:
            inner.watch(x)
            y = function(x)
        first = inner.gradient(y, x)
    return first, outer.jacobian(first, x)


@wrong_answer("numerical_gradient", "returns a tensor built with tf.stack, not a numpy array")
def returns_a_tensor(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    pieces = []
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        pieces.append(tf.constant((float(function(x + step)) - float(function(x - step))) / (2 * epsilon), tf.float64))
    return tf.reshape(tf.stack(pieces), x.shape)


@wrong_answer("numerical_gradient", "builds the gradient in float32")
def gradient_in_float32(function, x, epsilon=1e-4):
    x = np.asarray(x, dtype=np.float64)
    gradient = np.zeros(x.shape, np.float32)
    for index in np.ndindex(x.shape):
        step = np.zeros_like(x)
        step[index] = epsilon
        gradient[index] = (float(function(x + step)) - float(function(x - step))) / (2 * epsilon)
    return gradient


@wrong_answer("max_gradient_error", "the relative error |tape - numerical| / |numerical|, not the absolute one")
def relative_error(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.max(np.abs(tape_gradient.numpy() - check) / np.abs(check)))


@wrong_answer("max_gradient_error", "the sum of the absolute differences instead of the largest")
def sum_of_differences(function, x):
    _, tape_gradient = value_and_gradient(function, tf.constant(x, tf.float64))
    check = numerical_gradient(lambda point: function(tf.constant(point, tf.float64)), x)
    return float(np.sum(np.abs(tape_gradient.numpy() - check)))


@wrong_answer("notes_function", "math.log and math.sin: right at one point, fails on a tensor of points")
def python_math_functions(x1, x2):
    import math
    return math.log(x1) + x1 * x2 - math.sin(x2)


@wrong_answer("forward_mode_partials", "a GradientTape (reverse mode) instead of ForwardAccumulator")
def reverse_mode_in_disguise(x1, x2):
    with tf.GradientTape() as tape:
        tape.watch([x1, x2])
        y = notes_function(x1, x2)
    dy_dx1, dy_dx2 = tape.gradient(y, [x1, x2])
    return y, dy_dx1, dy_dx2


@wrong_answer("reverse_mode_partials", "one tape per input: two backward passes where one gives both")
def one_tape_per_input(x1, x2):
    with tf.GradientTape() as tape:
        tape.watch(x1)
        y = notes_function(x1, x2)
    dy_dx1 = tape.gradient(y, x1)
    with tf.GradientTape() as tape:
        tape.watch(x2)
        y = notes_function(x1, x2)
    return y, dy_dx1, tape.gradient(y, x2)
