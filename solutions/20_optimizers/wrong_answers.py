"""Plausible wrong answers to kata 20; `make check` proves the tests catch every one."""

import keras
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("sgd_step", "rebinds a new tensor instead of assign_sub: the caller's variable never changes")
def rebinds_new_tensor_instead_assign(variable, gradient, learning_rate):
    variable = variable - learning_rate * gradient
    return variable  # The learner's tensor comes back; the caller's variable never changes.


@wrong_answer("sgd_step", "gradient ascent: adds the gradient instead of subtracting it")
def gradient_ascent_adds_gradient_instead(variable, gradient, learning_rate):
    variable.assign_add(learning_rate * gradient)


@wrong_answer("sgd_momentum_step", "PyTorch-style momentum: velocity = momentum * velocity + gradient, learning rate applied later")
def pytorch_style_momentum_velocity_momentum(variable, velocity, gradient, learning_rate, momentum):
    velocity.assign(momentum * velocity + gradient)
    variable.assign_sub(learning_rate * velocity)


@wrong_answer("sgd_momentum_step", "adds the velocity from before this step's update (uses the stale velocity)")
def adds_velocity_before_step_update(variable, velocity, gradient, learning_rate, momentum):
    variable.assign_add(velocity)
    velocity.assign(momentum * velocity - learning_rate * gradient)


@wrong_answer("sgd_momentum_step", "dampened momentum: velocity = momentum * velocity - (1 - momentum) * learning_rate * gradient")
def dampened_momentum_velocity_momentum_velocity(variable, velocity, gradient, learning_rate, momentum):
    velocity.assign(momentum * velocity - (1.0 - momentum) * learning_rate * gradient)
    variable.assign_add(velocity)


@wrong_answer("adam_step", "no bias correction: alpha is just the learning rate")
def no_bias_correction_alpha_just(variable, m, v, gradient, step, learning_rate=0.001, beta_1=0.9, beta_2=0.999, epsilon=1e-7):
    m.assign(beta_1 * m + (1.0 - beta_1) * gradient)
    v.assign(beta_2 * v + (1.0 - beta_2) * tf.square(gradient))
    variable.assign_sub(learning_rate * m / (tf.sqrt(v) + epsilon))


@wrong_answer("adam_step", "the Adam paper's epsilon: added to sqrt(v_hat) after bias correction, not to sqrt(v)")
def adam_paper_epsilon_added_sqrt(variable, m, v, gradient, step, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
              epsilon=1e-7):
    m.assign(beta_1 * m + (1.0 - beta_1) * gradient)
    v.assign(beta_2 * v + (1.0 - beta_2) * tf.square(gradient))
    m_hat = m / (1.0 - beta_1**step)
    v_hat = v / (1.0 - beta_2**step)
    variable.assign_sub(learning_rate * m_hat / (tf.sqrt(v_hat) + epsilon))


@wrong_answer("adam_step", "second moment of the gradient, not of its square: v averages the raw gradient")
def second_moment_gradient_not_square(variable, m, v, gradient, step, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
              epsilon=1e-7):
    m.assign(beta_1 * m + (1.0 - beta_1) * gradient)
    v.assign(beta_2 * v + (1.0 - beta_2) * tf.abs(gradient))
    alpha = learning_rate * (1.0 - beta_2**step) ** 0.5 / (1.0 - beta_1**step)
    variable.assign_sub(alpha * m / (tf.sqrt(v) + epsilon))


@wrong_answer("adam_step", "step counted from 0 in the bias correction (off by one)")
def step_counted_0_bias_correction(variable, m, v, gradient, step, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
              epsilon=1e-7):
    m.assign(beta_1 * m + (1.0 - beta_1) * gradient)
    v.assign(beta_2 * v + (1.0 - beta_2) * tf.square(gradient))
    alpha = learning_rate * (1.0 - beta_2**(step + 1)) ** 0.5 / (1.0 - beta_1**(step + 1))
    variable.assign_sub(alpha * m / (tf.sqrt(v) + epsilon))


@wrong_answer("exponential_decay", "ignores staircase: always a smooth decay")
def ignores_staircase_always_smooth_decay(step, initial_learning_rate, decay_steps, decay_rate, staircase=False):
    return float(initial_learning_rate * decay_rate ** (step / decay_steps))


@wrong_answer("exponential_decay", "forgets to divide by decay_steps: decays once per step")
def forgets_divide_decay_steps_decays(step, initial_learning_rate, decay_steps, decay_rate, staircase=False):
    exponent = step // decay_steps if staircase else step
    return float(initial_learning_rate * decay_rate**exponent)


@wrong_answer("exponential_decay", "returns a tensor instead of a Python float")
def returns_tensor_instead_python_float(step, initial_learning_rate, decay_steps, decay_rate, staircase=False):
    exponent = step // decay_steps if staircase else step / decay_steps
    return tf.constant(initial_learning_rate * decay_rate**exponent)


@wrong_answer("minimize_with_adam", "passes step 1 to every adam_step: the bias correction never fades")
def passes_step_1_every_adam(loss_function, initial_value, steps, learning_rate=0.001):
    variable = tf.Variable(initial_value, dtype=tf.float32)
    m = tf.Variable(tf.zeros_like(variable))
    v = tf.Variable(tf.zeros_like(variable))
    for _ in range(steps):
        with tf.GradientTape() as tape:
            loss = loss_function(variable)
        adam_step(variable, m, v, tape.gradient(loss, variable), 1, learning_rate=learning_rate)
    return tf.convert_to_tensor(variable)


@wrong_answer("minimize_with_adam", "fresh m and v every step: Adam forgets its moments")
def fresh_m_v_every_step(loss_function, initial_value, steps, learning_rate=0.001):
    variable = tf.Variable(initial_value, dtype=tf.float32)
    for step in range(1, steps + 1):
        m = tf.Variable(tf.zeros_like(variable))
        v = tf.Variable(tf.zeros_like(variable))
        with tf.GradientTape() as tape:
            loss = loss_function(variable)
        adam_step(variable, m, v, tape.gradient(loss, variable), step, learning_rate=learning_rate)
    return tf.convert_to_tensor(variable)


@wrong_answer("sgd_momentum_step", "variable.assign_sub(velocity): the velocity already carries the minus sign, so this climbs")
def variable_assign_sub_velocity_velocity(variable, velocity, gradient, learning_rate, momentum):
    velocity.assign(momentum * velocity - learning_rate * gradient)
    variable.assign_sub(velocity)


@wrong_answer("adam_step", "epsilon inside the square root: sqrt(v + epsilon)")
def epsilon_inside_square_root_sqrt(variable, m, v, gradient, step, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
              epsilon=1e-7):
    m.assign(beta_1 * m + (1.0 - beta_1) * gradient)
    v.assign(beta_2 * v + (1.0 - beta_2) * tf.square(gradient))
    alpha = learning_rate * (1.0 - beta_2**step) ** 0.5 / (1.0 - beta_1**step)
    variable.assign_sub(alpha * m / tf.sqrt(v + epsilon))


@wrong_answer("adam_step", "hard-codes beta_1 = 0.9 and beta_2 = 0.999 instead of using the arguments")
def hard_codes_beta_1_0(variable, m, v, gradient, step, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
              epsilon=1e-7):
    m.assign(0.9 * m + 0.1 * gradient)
    v.assign(0.999 * v + 0.001 * tf.square(gradient))
    alpha = learning_rate * (1.0 - 0.999**step) ** 0.5 / (1.0 - 0.9**step)
    variable.assign_sub(alpha * m / (tf.sqrt(v) + epsilon))


@wrong_answer("exponential_decay", "staircase with round() instead of rounding down: drops halfway through a period")
def staircase_round_instead_rounding_down(step, initial_learning_rate, decay_steps, decay_rate, staircase=False):
    exponent = step / decay_steps
    if staircase:
        exponent = float(round(exponent))
    return float(initial_learning_rate * decay_rate**exponent)


@wrong_answer("adam_step", "PyTorch's default epsilon 1e-8 instead of Keras' 1e-7")
def pytorch_default_epsilon(variable, m, v, gradient, step, learning_rate=0.001, beta_1=0.9, beta_2=0.999,
                            epsilon=1e-8):
    m.assign(beta_1 * m + (1.0 - beta_1) * gradient)
    v.assign(beta_2 * v + (1.0 - beta_2) * tf.square(gradient))
    alpha = learning_rate * (1.0 - beta_2**step) ** 0.5 / (1.0 - beta_1**step)
    variable.assign_sub(alpha * m / (tf.sqrt(v) + epsilon))


@wrong_answer("adam_step", "a default learning rate of 0.01 instead of Keras' 0.001")
def default_learning_rate_0_01(variable, m, v, gradient, step, learning_rate=0.01, beta_1=0.9, beta_2=0.999,
                               epsilon=1e-7):
    m.assign(beta_1 * m + (1.0 - beta_1) * gradient)
    v.assign(beta_2 * v + (1.0 - beta_2) * tf.square(gradient))
    alpha = learning_rate * (1.0 - beta_2**step) ** 0.5 / (1.0 - beta_1**step)
    variable.assign_sub(alpha * m / (tf.sqrt(v) + epsilon))


@wrong_answer("sgd_momentum_step", "hard-codes the docstring's momentum 0.9 instead of using the argument")
def hard_codes_momentum_0_9(variable, velocity, gradient, learning_rate, momentum):
    velocity.assign(0.9 * velocity - learning_rate * gradient)
    variable.assign_add(velocity)


@wrong_answer("sgd_momentum_step", "the Nesterov update (variable += momentum * velocity - lr * gradient) where plain momentum is asked")
def nesterov_instead_of_plain_momentum(variable, velocity, gradient, learning_rate, momentum):
    velocity.assign(momentum * velocity - learning_rate * gradient)
    variable.assign_add(momentum * velocity - learning_rate * gradient)


@wrong_answer("exponential_decay", "a numpy float32 instead of a Python float")
def returns_numpy_float32(step, initial_learning_rate, decay_steps, decay_rate, staircase=False):
    import numpy as np

    exponent = np.floor(step / decay_steps) if staircase else step / decay_steps
    return np.float32(initial_learning_rate) * np.float32(decay_rate) ** np.float32(exponent)


@wrong_answer("exponential_decay", "counts steps from 1: step 0 already decayed once")
def counts_steps_from_one(step, initial_learning_rate, decay_steps, decay_rate, staircase=False):
    exponent = (step + 1) / decay_steps
    if staircase:
        exponent = float(int(exponent))
    return float(initial_learning_rate * decay_rate**exponent)


@wrong_answer("minimize_with_adam", "returns a numpy array (variable.numpy()) instead of a tensor")
def minimize_returns_numpy(loss_function, initial_value, steps, learning_rate=0.001):
    variable = tf.Variable(initial_value, dtype=tf.float32)
    m = tf.Variable(tf.zeros_like(variable))
    v = tf.Variable(tf.zeros_like(variable))
    for step in range(1, steps + 1):
        with tf.GradientTape() as tape:
            loss = loss_function(variable)
        adam_step(variable, m, v, tape.gradient(loss, variable), step, learning_rate=learning_rate)
    return variable.numpy()


@wrong_answer("minimize_with_adam", "a default learning rate of 0.01 instead of the 0.001 promised")
def minimize_default_learning_rate_0_01(loss_function, initial_value, steps, learning_rate=0.01):
    variable = tf.Variable(initial_value, dtype=tf.float32)
    m = tf.Variable(tf.zeros_like(variable))
    v = tf.Variable(tf.zeros_like(variable))
    for step in range(1, steps + 1):
        with tf.GradientTape() as tape:
            loss = loss_function(variable)
        adam_step(variable, m, v, tape.gradient(loss, variable), step, learning_rate=learning_rate)
    return tf.convert_to_tensor(variable)


@wrong_answer("exponential_decay", "staircase defaults to True: the smooth decay only when asked for")
def staircase_defaults_to_true(step, initial_learning_rate, decay_steps, decay_rate, staircase=True):
    exponent = step / decay_steps
    if staircase:
        exponent = float(int(exponent))
    return float(initial_learning_rate * decay_rate**exponent)


@wrong_answer("rmsprop_step", "epsilon outside the square root, as in Keras' Adam: sqrt(velocity) + epsilon")
def rmsprop_epsilon_outside_the_root(variable, velocity, gradient, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    velocity.assign(rho * velocity + (1.0 - rho) * tf.square(gradient))
    variable.assign_sub(learning_rate * gradient / (tf.sqrt(velocity) + epsilon))


@wrong_answer("rmsprop_step", "rho and 1 - rho swapped: the newest squared gradient gets the weight rho")
def rmsprop_rho_swapped(variable, velocity, gradient, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    velocity.assign((1.0 - rho) * velocity + rho * tf.square(gradient))
    variable.assign_sub(learning_rate * gradient / tf.sqrt(velocity + epsilon))


@wrong_answer("rmsprop_step", "divides by the velocity before updating it (the stale average)")
def rmsprop_stale_velocity(variable, velocity, gradient, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    variable.assign_sub(learning_rate * gradient / tf.sqrt(velocity + epsilon))
    velocity.assign(rho * velocity + (1.0 - rho) * tf.square(gradient))


@wrong_answer("rmsprop_step", "no square root: divides by the mean square itself")
def rmsprop_without_the_root(variable, velocity, gradient, learning_rate=0.001, rho=0.9, epsilon=1e-7):
    velocity.assign(rho * velocity + (1.0 - rho) * tf.square(gradient))
    variable.assign_sub(learning_rate * gradient / (velocity + epsilon))


@wrong_answer("rmsprop_step", "PyTorch's defaults: rho (alpha) 0.99 and epsilon 1e-8")
def rmsprop_pytorch_defaults(variable, velocity, gradient, learning_rate=0.001, rho=0.99, epsilon=1e-8):
    velocity.assign(rho * velocity + (1.0 - rho) * tf.square(gradient))
    variable.assign_sub(learning_rate * gradient / tf.sqrt(velocity + epsilon))


@wrong_answer("linear_decay_schedule", "counts epochs from 1: the first epoch already decayed once")
def linear_decay_from_epoch_one(initial_learning_rate, total_epochs):
    def schedule(epoch, learning_rate):
        return float(initial_learning_rate * (total_epochs - epoch - 1) / total_epochs)

    return schedule


@wrong_answer("linear_decay_schedule", "multiplies the current rate: the decay compounds epoch after epoch")
def linear_decay_compounds(initial_learning_rate, total_epochs):
    def schedule(epoch, learning_rate):
        return float(learning_rate * (total_epochs - epoch) / total_epochs)

    return schedule


@wrong_answer("linear_decay_schedule", "hard-codes the notes' 0.2 and 100 instead of using the arguments")
def linear_decay_hard_coded(initial_learning_rate, total_epochs):
    def schedule(epoch, learning_rate):
        return float(0.2 * (100 - epoch) / 100)

    return schedule


@wrong_answer("linear_decay_schedule", "integer division (total - epoch) // total: the rate drops to 0 after epoch 0")
def linear_decay_integer_division(initial_learning_rate, total_epochs):
    def schedule(epoch, learning_rate):
        return float(initial_learning_rate * ((total_epochs - epoch) // total_epochs))

    return schedule


@wrong_answer("linear_decay_callback", "a ReduceLROnPlateau instead of a LearningRateScheduler: the schedule never runs")
def plateau_callback_instead(initial_learning_rate, total_epochs):
    return keras.callbacks.ReduceLROnPlateau(monitor="loss", factor=0.5, patience=0)


@wrong_answer("linear_decay_callback", "passes the initial rate for the total: schedule(initial, total) swapped")
def callback_with_swapped_settings(initial_learning_rate, total_epochs):
    return keras.callbacks.LearningRateScheduler(linear_decay_schedule(total_epochs, initial_learning_rate))
