"""Plausible wrong answers to kata 12; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("mse_loss", "root mean squared error: takes the square root of the mean")
def root_mean_squared_error_takes(w, b, x, y):
    return tf.sqrt(tf.reduce_mean(tf.square(w * x + b - y)))


@wrong_answer("gradients", "drops the factor 2 of the derivative of a square")
def drops_factor_2_derivative_square(w, b, x, y):
    error = w * x + b - y
    return tf.reduce_mean(error * x), tf.reduce_mean(error)


@wrong_answer("gradients", "sums instead of averaging: forgets the 1/n")
def sums_instead_averaging_forgets_1(w, b, x, y):
    error = w * x + b - y
    return 2.0 * tf.reduce_sum(error * x), 2.0 * tf.reduce_sum(error)


@wrong_answer("gradients", "multiplies the bias gradient by x too")
def multiplies_bias_gradient_x_too(w, b, x, y):
    error = w * x + b - y
    return 2.0 * tf.reduce_mean(error * x), 2.0 * tf.reduce_mean(error * x)


@wrong_answer("gradients", "error as (y - prediction) without flipping the step: climbs the loss")
def error_y_prediction_without_flipping(w, b, x, y):
    error = y - (w * x + b)
    return 2.0 * tf.reduce_mean(error * x), 2.0 * tf.reduce_mean(error)


@wrong_answer("gradient_descent_step", "adds the gradient: w + lr * gradient")
def adds_gradient_w_lr_gradient(w, b, x, y, lr):
    grad_w, grad_b = gradients(w, b, x, y)
    return w + lr * grad_w, b + lr * grad_b


@wrong_answer("fit_by_hand", "returns tensors where Python floats were asked for")
def returns_tensors_where_python_floats(x, y, lr, steps):
    w, b = tf.constant(0.0), tf.constant(0.0)
    for _ in range(steps):
        w, b = gradient_descent_step(w, b, x, y, lr)
    return w, b


@wrong_answer("fit_with_tape", "the loss inside the tape is a sum, not a mean: gradients n times too large")
def loss_inside_tape_sum_not(x, y, lr, steps):
    w, b = tf.Variable(0.0), tf.Variable(0.0)
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = tf.reduce_sum(tf.square(w * x + b - y))
        grad_w, grad_b = tape.gradient(loss, [w, b])
        w.assign_sub(lr * grad_w)
        b.assign_sub(lr * grad_b)
    return float(w), float(b)


@wrong_answer("tape_gradients", "tape_gradients swaps the pair: (d loss / d b, d loss / d w)")
def tape_gradients_swaps_pair_d(w, b, x, y):
    w, b = tf.Variable(float(w)), tf.Variable(float(b))
    with tf.GradientTape() as tape:
        loss = mse_loss(w, b, x, y)
    grad_w, grad_b = tape.gradient(loss, [w, b])
    return grad_b, grad_w


@wrong_answer("fit_by_hand", "off by one: range(steps - 1) takes one step too few")
def off_one_range_steps_1(x, y, lr, steps):
    w, b = tf.constant(0.0), tf.constant(0.0)
    for _ in range(steps - 1):
        w, b = gradient_descent_step(w, b, x, y, lr)
    return float(w), float(b)


@wrong_answer("fit_with_tape", "w = w - lr * grad instead of assign_sub: w becomes a plain tensor the tape no longer watches")
def w_w_lr_grad_instead(x, y, lr, steps):
    w, b = tf.Variable(0.0), tf.Variable(0.0)
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = mse_loss(w, b, x, y)
        grad_w, grad_b = tape.gradient(loss, [w, b])
        w = w - lr * grad_w
        b = b - lr * grad_b
    return float(w), float(b)


@wrong_answer("tape_gradients", "tape over tf.constant without tape.watch: the tape returns None gradients")
def tape_over_tf_constant_without(w, b, x, y):
    w, b = tf.constant(float(w)), tf.constant(float(b))
    with tf.GradientTape() as tape:
        loss = mse_loss(w, b, x, y)
    return tuple(tape.gradient(loss, [w, b]))


@wrong_answer("mse_loss", "np.mean of the squared errors: a numpy float32 comes back, not a tensor a tape can follow")
def numpy_mean_not_a_tensor(w, b, x, y):
    import numpy as np  # A wrong answer runs with the solution's globals, which have no numpy.

    return np.mean(np.square(w * x + b - y))


@wrong_answer("mse_loss", "squares the mean error instead of averaging the squared errors")
def squares_the_mean_error(w, b, x, y):
    return tf.square(tf.reduce_mean(w * x + b - y))


@wrong_answer("gradients", "the gradients as numpy means: numpy scalars, not float32 tensors")
def gradients_as_numpy_scalars(w, b, x, y):
    import numpy as np

    error = (w * x + b - y).numpy()
    return 2.0 * np.mean(error * x.numpy()), 2.0 * np.mean(error)


@wrong_answer("gradient_descent_step", "returns Python floats (float(...)) instead of scalar float32 tensors")
def step_returns_python_floats(w, b, x, y, lr):
    grad_w, grad_b = gradients(w, b, x, y)
    return float(w - lr * grad_w), float(b - lr * grad_b)


@wrong_answer("gradient_descent_step", "ignores lr: the example's 0.1 is written in")
def step_hard_codes_the_example_lr(w, b, x, y, lr):
    grad_w, grad_b = gradients(w, b, x, y)
    return w - 0.1 * grad_w, b - 0.1 * grad_b


@wrong_answer("fit_by_hand", "a do-while loop: one step is taken before the count is checked, so steps=0 still moves")
def do_while_moves_on_zero_steps(x, y, lr, steps):
    w, b = gradient_descent_step(tf.constant(0.0), tf.constant(0.0), x, y, lr)
    for _ in range(steps - 1):
        w, b = gradient_descent_step(w, b, x, y, lr)
    return float(w), float(b)


@wrong_answer("fit_with_tape", "creates the variables inside the loop: every step starts again from zero")
def variables_reset_every_step(x, y, lr, steps):
    w, b = tf.Variable(0.0), tf.Variable(0.0)
    for _ in range(steps):
        w, b = tf.Variable(0.0), tf.Variable(0.0)
        with tf.GradientTape() as tape:
            loss = mse_loss(w, b, x, y)
        grad_w, grad_b = tape.gradient(loss, [w, b])
        w.assign_sub(lr * grad_w)
        b.assign_sub(lr * grad_b)
    return float(w), float(b)


@wrong_answer("fit_with_tape", "returns w.numpy(), b.numpy(): numpy float32 scalars, not Python floats")
def returns_numpy_scalars(x, y, lr, steps):
    w, b = tf.Variable(0.0), tf.Variable(0.0)
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = mse_loss(w, b, x, y)
        grad_w, grad_b = tape.gradient(loss, [w, b])
        w.assign_sub(lr * grad_w)
        b.assign_sub(lr * grad_b)
    return w.numpy(), b.numpy()
