"""Plausible wrong answers to kata 11; `make check` proves the tests catch every one."""

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
