"""Tests for kata 20. Oracles: Keras' own optimisers and schedules, and values worked out by hand."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_python_float

SHAPE = (3, 5)  # Not square, so a transposed update changes the shape.
STEPS = 6


def random_gradients(seed, steps=STEPS, scale=1.0):
    rng = np.random.default_rng(seed)
    return [tf.constant(scale * rng.normal(size=SHAPE).astype(np.float32)) for _ in range(steps)]


def start_value(seed=0):
    return np.random.default_rng(seed).normal(size=SHAPE).astype(np.float32)


def keras_trajectory(optimizer, gradients):
    """The variable after each of Keras' steps on the same gradients."""
    variable = tf.Variable(start_value())
    values = []
    for gradient in gradients:
        optimizer.apply_gradients([(gradient, variable)])
        values.append(variable.numpy().copy())
    return values


def test_sgd_step_works_the_docstring_example(kata):
    variable = tf.Variable([1.0, 2.0])
    result = kata.sgd_step(variable, tf.constant([0.5, -1.0]), 0.1)
    assert result is None or result is variable, "sgd_step should update the variable in place and return nothing"
    assert_close(variable, [0.95, 2.1], "the variable after sgd_step([1, 2], gradient [0.5, -1], 0.1)")


def test_sgd_step_matches_keras_sgd_over_several_steps(kata):
    gradients = random_gradients(1)
    expected = keras_trajectory(keras.optimizers.SGD(learning_rate=0.05), gradients)
    variable = tf.Variable(start_value())
    for step, gradient in enumerate(gradients):
        kata.sgd_step(variable, gradient, 0.05)
        assert_close(variable, expected[step], f"the variable after sgd_step number {step + 1}", rtol=1e-6)


def test_sgd_momentum_step_works_the_docstring_example(kata):
    variable, velocity = tf.Variable([1.0]), tf.Variable([0.0])
    kata.sgd_momentum_step(variable, velocity, tf.constant([2.0]), 0.1, 0.9)
    assert_close(velocity, [-0.2], "the velocity after one sgd_momentum_step")
    assert_close(variable, [0.8], "the variable after one sgd_momentum_step")
    kata.sgd_momentum_step(variable, velocity, tf.constant([2.0]), 0.1, 0.9)
    assert_close(velocity, [-0.38], "the velocity after two sgd_momentum_steps")
    assert_close(variable, [0.42], "the variable after two sgd_momentum_steps")


def test_sgd_momentum_step_matches_keras_sgd_with_momentum(kata):
    gradients = random_gradients(2)
    expected = keras_trajectory(keras.optimizers.SGD(learning_rate=0.05, momentum=0.8), gradients)
    variable, velocity = tf.Variable(start_value()), tf.Variable(tf.zeros(SHAPE))
    for step, gradient in enumerate(gradients):
        kata.sgd_momentum_step(variable, velocity, gradient, 0.05, 0.8)
        assert_close(variable, expected[step], f"the variable after sgd_momentum_step number {step + 1}",
                     rtol=1e-6)


def test_sgd_momentum_with_a_decaying_learning_rate_matches_keras(kata):
    # With a changing learning rate, where the rate is multiplied in (velocity or variable) matters.
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=2, decay_rate=0.5)
    gradients = random_gradients(3)
    expected = keras_trajectory(keras.optimizers.SGD(learning_rate=schedule, momentum=0.9), gradients)
    variable, velocity = tf.Variable(start_value()), tf.Variable(tf.zeros(SHAPE))
    for step, gradient in enumerate(gradients):
        kata.sgd_momentum_step(variable, velocity, gradient, float(schedule(step)), 0.9)
        assert_close(variable, expected[step],
                     f"the variable after sgd_momentum_step number {step + 1} with a decaying rate", rtol=1e-6)


def test_adam_step_works_the_docstring_example(kata):
    variable, m, v = tf.Variable([1.0]), tf.Variable([0.0]), tf.Variable([0.0])
    kata.adam_step(variable, m, v, tf.constant([0.5]), 1, learning_rate=0.1)
    assert_close(m, [0.05], "m after one adam_step with gradient [0.5]")
    assert_close(v, [0.00025], "v after one adam_step with gradient [0.5]")
    expected = 1.0 - 0.1 * np.sqrt(0.001) / 0.1 * 0.05 / (np.sqrt(0.00025) + 1e-7)
    assert_close(variable, [expected], "the variable after one adam_step (learning_rate 0.1)")


@pytest.mark.parametrize("learning_rate, beta_1, beta_2, epsilon, scale", [
    (0.01, 0.9, 0.999, 1e-7, 1.0),     # Keras' defaults apart from the rate.
    (0.02, 0.8, 0.95, 1e-2, 0.05),     # A large epsilon next to small gradients: its placement shows.
])
def test_adam_step_matches_keras_adam_over_several_steps(kata, learning_rate, beta_1, beta_2, epsilon, scale):
    gradients = random_gradients(4, scale=scale)
    optimizer = keras.optimizers.Adam(learning_rate=learning_rate, beta_1=beta_1, beta_2=beta_2, epsilon=epsilon)
    expected = keras_trajectory(optimizer, gradients)
    variable = tf.Variable(start_value())
    m, v = tf.Variable(tf.zeros(SHAPE)), tf.Variable(tf.zeros(SHAPE))
    for step, gradient in enumerate(gradients, start=1):
        kata.adam_step(variable, m, v, gradient, step, learning_rate=learning_rate, beta_1=beta_1,
                       beta_2=beta_2, epsilon=epsilon)
        assert_close(variable, expected[step - 1],
                     f"the variable after adam_step number {step} (epsilon={epsilon})", rtol=1e-6, atol=1e-6)


def test_adam_step_defaults_are_keras_adams_defaults(kata):
    # Gradients near 1e-5 make sqrt(v) about as small as epsilon, so a default epsilon of 1e-8
    # (PyTorch's) shows, and so does any other default that differs from keras.optimizers.Adam().
    gradients = random_gradients(6, steps=3, scale=1e-5)
    expected = keras_trajectory(keras.optimizers.Adam(), gradients)
    variable = tf.Variable(start_value())
    m, v = tf.Variable(tf.zeros(SHAPE)), tf.Variable(tf.zeros(SHAPE))
    for step, gradient in enumerate(gradients, start=1):
        kata.adam_step(variable, m, v, gradient, step)
        assert_close(variable, expected[step - 1],
                     f"the variable after adam_step number {step} with every default (Keras' Adam(): "
                     "learning_rate 0.001, beta_1 0.9, beta_2 0.999, epsilon 1e-7)", rtol=1e-6, atol=1e-6)


@pytest.mark.parametrize("step, staircase, expected", [
    (0, False, 0.1), (5, False, 0.1 * 0.5**0.5), (10, False, 0.05),
    (5, True, 0.1), (10, True, 0.05), (19, True, 0.05), (20, True, 0.025),
])
def test_exponential_decay_works_the_docstring_example(kata, step, staircase, expected):
    result = kata.exponential_decay(step, 0.1, 10, 0.5, staircase=staircase)
    assert_python_float(result, expected, f"exponential_decay({step}, 0.1, 10, 0.5, staircase={staircase})")
    if not staircase:  # staircase is False unless asked for.
        assert_python_float(kata.exponential_decay(step, 0.1, 10, 0.5), expected,
                            f"exponential_decay({step}, 0.1, 10, 0.5) with the default staircase=False")


@pytest.mark.parametrize("staircase", [False, True])
def test_exponential_decay_matches_keras_schedule(kata, staircase):
    schedule = keras.optimizers.schedules.ExponentialDecay(0.3, decay_steps=7, decay_rate=0.8,
                                                           staircase=staircase)
    for step in (0, 3, 7, 13, 50):
        assert_python_float(kata.exponential_decay(step, 0.3, 7, 0.8, staircase=staircase), float(schedule(step)),
                            f"exponential_decay({step}, 0.3, 7, 0.8, staircase={staircase})", tol=1e-6)


def test_minimize_with_adam_matches_keras_adam_on_a_quadratic(kata):
    target = tf.constant(np.random.default_rng(5).normal(size=(2, 3)).astype(np.float32))
    weights = tf.constant([[1.0, 2.0, 3.0], [0.5, 0.5, 4.0]])

    def loss_function(variable):
        return tf.reduce_sum(weights * tf.square(variable - target))

    variable = tf.Variable(tf.zeros((2, 3)))
    optimizer = keras.optimizers.Adam(learning_rate=0.1)
    for _ in range(8):
        with tf.GradientTape() as tape:
            loss = loss_function(variable)
        optimizer.apply_gradients([(tape.gradient(loss, variable), variable)])
    result = kata.minimize_with_adam(loss_function, tf.zeros((2, 3)), 8, learning_rate=0.1)
    assert_close(result, variable, "minimize_with_adam(weighted quadratic, zeros, 8 steps, 0.1)",
                 rtol=1e-5, atol=1e-6, dtype=tf.float32)


def test_minimize_with_adam_defaults_to_keras_learning_rate_and_returns_a_tensor(kata):
    def loss_function(variable):
        return tf.reduce_sum(tf.square(variable - 3.0))

    start = np.array([0.0, 1.0, -2.0], np.float32)
    variable = tf.Variable(start)
    optimizer = keras.optimizers.Adam()  # learning_rate 0.001, the default minimize_with_adam promises.
    for _ in range(3):
        with tf.GradientTape() as tape:
            loss = loss_function(variable)
        optimizer.apply_gradients([(tape.gradient(loss, variable), variable)])
    result = kata.minimize_with_adam(loss_function, start, 3)
    assert tf.is_tensor(result), f"minimize_with_adam returned {type(result).__name__}, expected a tensor"
    assert_close(result, variable, "minimize_with_adam((w - 3)**2, [0, 1, -2], 3 steps) at the default learning rate",
                 rtol=1e-6, atol=1e-6, dtype=tf.float32)
    unchanged = kata.minimize_with_adam(loss_function, start, 0)
    assert_close(unchanged, start, "minimize_with_adam(..., steps=0): no update, the initial value", dtype=tf.float32)


def test_rmsprop_step_works_the_docstring_example(kata):
    variable, velocity = tf.Variable([1.0]), tf.Variable([0.0])
    result = kata.rmsprop_step(variable, velocity, tf.constant([0.5]), learning_rate=0.1)
    assert result is None or result is variable, "rmsprop_step should update its variables in place and return nothing"
    assert_close(velocity, [0.025], "the velocity after one rmsprop_step with gradient [0.5] (rho 0.9)")
    expected = 1.0 - 0.1 * 0.5 / np.sqrt(0.025 + 1e-7)  # About 0.68377.
    assert_close(variable, [expected], "the variable after one rmsprop_step (learning_rate 0.1)")


@pytest.mark.parametrize("learning_rate, rho, epsilon, scale", [
    (0.01, 0.8, 1e-7, 1.0),
    (0.03, 0.6, 1e-2, 0.05),  # A large epsilon next to small gradients: inside or outside the root shows.
])
def test_rmsprop_step_matches_keras_rmsprop_over_several_steps(kata, learning_rate, rho, epsilon, scale):
    gradients = random_gradients(7, scale=scale)
    optimizer = keras.optimizers.RMSprop(learning_rate=learning_rate, rho=rho, epsilon=epsilon)
    expected = keras_trajectory(optimizer, gradients)
    variable, velocity = tf.Variable(start_value()), tf.Variable(tf.zeros(SHAPE))
    for step, gradient in enumerate(gradients, start=1):
        kata.rmsprop_step(variable, velocity, gradient, learning_rate=learning_rate, rho=rho, epsilon=epsilon)
        assert_close(variable, expected[step - 1],
                     f"the variable after rmsprop_step number {step} (learning_rate={learning_rate}, rho={rho}, "
                     f"epsilon={epsilon})", rtol=1e-6, atol=1e-6)


def test_rmsprop_step_defaults_are_keras_rmsprops_defaults(kata):
    # Gradients near 1e-4 make the velocity about as small as epsilon, so PyTorch's defaults
    # (alpha 0.99, eps 1e-8) or any other default that differs from RMSprop() show.
    gradients = random_gradients(8, steps=3, scale=1e-4)
    expected = keras_trajectory(keras.optimizers.RMSprop(), gradients)
    variable, velocity = tf.Variable(start_value()), tf.Variable(tf.zeros(SHAPE))
    for step, gradient in enumerate(gradients, start=1):
        kata.rmsprop_step(variable, velocity, gradient)
        assert_close(variable, expected[step - 1],
                     f"the variable after rmsprop_step number {step} with every default (Keras' RMSprop(): "
                     "learning_rate 0.001, rho 0.9, epsilon 1e-7)", rtol=1e-6, atol=1e-7)


@pytest.mark.parametrize("epoch, expected", [(0, 0.2), (1, 0.198), (50, 0.1), (99, 0.002)])
def test_linear_decay_schedule_gives_the_notes_rates(kata, epoch, expected):
    schedule = kata.linear_decay_schedule(0.2, 100)
    # The current rate passed in must not matter: the notes' rate depends on the epoch only.
    for current in (0.2, 0.05):
        assert_python_float(schedule(epoch, current), expected,
                            f"linear_decay_schedule(0.2, 100)({epoch}, learning_rate={current})", tol=1e-9)


def test_linear_decay_schedule_reads_its_settings(kata):
    schedule = kata.linear_decay_schedule(0.03, 6)
    rates = [schedule(epoch, 0.03) for epoch in range(6)]
    expected = [0.03 * (6 - epoch) / 6 for epoch in range(6)]
    assert np.allclose(rates, expected, rtol=1e-9, atol=0), (
        f"linear_decay_schedule(0.03, 6) gives {rates} for epochs 0-5, expected {expected}")


class _RateRecorder(keras.callbacks.Callback):
    """The optimiser's learning rate as each epoch begins (after the scheduler set it)."""

    def __init__(self):
        super().__init__()
        self.rates = []

    def on_epoch_begin(self, epoch, logs=None):
        self.rates.append(float(keras.ops.convert_to_numpy(self.model.optimizer.learning_rate)))


def test_linear_decay_callback_sets_the_rate_each_epoch_of_fit(kata):
    callback = kata.linear_decay_callback(0.05, 4)
    assert isinstance(callback, keras.callbacks.LearningRateScheduler), (
        f"linear_decay_callback returned a {type(callback).__name__}, expected a keras.callbacks.LearningRateScheduler")
    rng = np.random.default_rng(9)
    x = rng.normal(size=(16, 3)).astype(np.float32)
    y = rng.normal(size=(16, 2)).astype(np.float32)
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
    # The optimiser starts at 0.5: only the callback can bring the rate to 0.05.
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.5), loss="mse", run_eagerly=True)
    recorder = _RateRecorder()
    # One ready-made batch per epoch, run eagerly: a few tiny steps, no tracing.
    batches = tf.data.Dataset.from_tensors((x, y))
    model.fit(batches, epochs=4, shuffle=False, verbose=0, callbacks=[callback, recorder])
    assert np.allclose(recorder.rates, [0.05, 0.0375, 0.025, 0.0125], rtol=1e-6, atol=0), (
        f"during fit with linear_decay_callback(0.05, 4) the optimiser's rate was {recorder.rates} at the start "
        "of epochs 0-3, expected [0.05, 0.0375, 0.025, 0.0125]")
