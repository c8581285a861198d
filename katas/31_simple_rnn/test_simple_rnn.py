"""Tests for kata 31. Oracles: keras.layers.SimpleRNN on the same weights, numpy norms and a
training step worked out by hand with numpy."""

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers

from tfkatas.testing import assert_close, assert_python_float, calls_forbidden

BATCH, TIME, FEATURES, UNITS = 3, 7, 4, 5  # All different, so swapped weights or axes fail.


def random(seed, shape, scale=1.0):
    return (scale * np.random.default_rng(seed).normal(size=shape)).astype(np.float32)


@pytest.fixture(scope="module")
def keras_rnn():
    """A SimpleRNN layer with random weights (bias non-zero) and its weights as tensors."""
    layer = layers.SimpleRNN(UNITS, return_sequences=True)
    layer.build((None, TIME, FEATURES))
    layer.set_weights([random(1, (FEATURES, UNITS), 0.5), random(2, (UNITS, UNITS), 0.5), random(3, UNITS, 0.3)])
    return layer, [tf.constant(w) for w in layer.get_weights()]


def test_rnn_step_works_the_docstring_example(kata):
    result = kata.rnn_step(tf.constant([[1.0, 2.0]]), tf.constant([[0.5]]), tf.constant([[0.1], [0.2]]),
                           tf.constant([[1.0]]), tf.constant([0.0]))
    assert_close(result, [[np.tanh(1.0)]], "rnn_step([[1, 2]], state [[0.5]], ...)")


def test_rnn_step_matches_the_first_step_of_keras_simple_rnn(kata, keras_rnn):
    layer, (kernel, recurrent_kernel, bias) = keras_rnn
    inputs, state = random(4, (BATCH, 1, FEATURES)), random(5, (BATCH, UNITS))
    expected = layer(inputs, initial_state=[state])[:, 0, :]
    result = kata.rnn_step(tf.constant(inputs[:, 0, :]), tf.constant(state), kernel, recurrent_kernel, bias)
    assert_close(result, expected, f"rnn_step(inputs [{BATCH}, {FEATURES}], state [{BATCH}, {UNITS}], ...)",
                 dtype=tf.float32)


def test_rnn_sequence_works_the_docstring_example(kata):
    result = kata.rnn_sequence(tf.zeros([1, 2, 3]), tf.constant([[1.0]]), tf.zeros([3, 1]), tf.constant([[1.0]]),
                               tf.constant([0.0]))
    assert_close(result, [[np.tanh(np.tanh(1.0))]], "rnn_sequence(zeros [1, 2, 3], initial_state [[1]], ...)")


@pytest.mark.parametrize("return_sequences", [True, False])
def test_rnn_sequence_matches_keras_simple_rnn_with_an_initial_state(kata, keras_rnn, return_sequences):
    layer, weights = keras_rnn
    inputs, state = random(6, (BATCH, TIME, FEATURES)), random(7, (BATCH, UNITS))
    expected = layer(inputs, initial_state=[state]).numpy()
    if not return_sequences:
        expected = expected[:, -1, :]
    result = kata.rnn_sequence(tf.constant(inputs), tf.constant(state), *weights, return_sequences=return_sequences)
    assert_close(result, expected, f"rnn_sequence(inputs [{BATCH}, {TIME}, {FEATURES}], non-zero initial state, "
                 f"return_sequences={return_sequences})", rtol=1e-5, atol=1e-6)


def test_rnn_sequence_from_a_zero_state_matches_keras_default(kata, keras_rnn):
    layer, weights = keras_rnn
    inputs = random(8, (BATCH + 2, TIME - 3, FEATURES))
    expected = layer(inputs)
    result = kata.rnn_sequence(tf.constant(inputs), tf.zeros([BATCH + 2, UNITS]), *weights, return_sequences=True)
    assert_close(result, expected, f"rnn_sequence(inputs [{BATCH + 2}, {TIME - 3}, {FEATURES}], zero state, "
                 "return_sequences=True)", rtol=1e-5, atol=1e-6)


def gradient_list(seed):
    return [random(seed, (4, 3)), random(seed + 1, (3,)), random(seed + 2, (2, 5, 2))]


def numpy_global_norm(arrays):
    return float(np.sqrt(sum(float(np.sum(np.square(a.astype(np.float64)))) for a in arrays)))


def assert_float32_tensor(value, what):
    if not tf.is_tensor(value):
        raise AssertionError(f"{what} returned {type(value).__name__}, expected a tf.Tensor (float32)")


def test_global_norm_works_the_docstring_example(kata):
    what = "global_norm([[3, 0], [[4]]])"
    with calls_forbidden(what, "tf.linalg.global_norm", "tf.clip_by_global_norm"):
        result = kata.global_norm([tf.constant([3.0, 0.0]), tf.constant([[4.0]])])
    assert_float32_tensor(result, what)
    assert_close(result, 5.0, what, dtype=tf.float32)


def test_global_norm_matches_numpy_on_tensors_of_different_shapes(kata):
    arrays = gradient_list(10)
    what = "global_norm(tensors [4, 3], [3], [2, 5, 2])"
    with calls_forbidden(what, "tf.linalg.global_norm", "tf.clip_by_global_norm"):
        result = kata.global_norm([tf.constant(a) for a in arrays])
    assert_float32_tensor(result, what)
    assert_close(result, numpy_global_norm(arrays), what, dtype=tf.float32)


def call_clip_gradients(kata, arrays, clip_norm, what):
    with calls_forbidden(what, "tf.clip_by_global_norm"):
        result = kata.clip_gradients([tf.constant(a) for a in arrays], clip_norm)
    if not isinstance(result, list):
        raise AssertionError(f"{what} returned {type(result).__name__}, expected a Python list of tensors")
    assert len(result) == len(arrays), (f"{what} returned {len(result)} tensors, expected {len(arrays)} "
                                        "(one per gradient)")
    for index, tensor in enumerate(result):
        assert_float32_tensor(tensor, f"{what}[{index}]")
    return result


# The norm is about 6.44: 0.3 and 2.5 clip hard and a little, 100 leaves the gradients unchanged.
@pytest.mark.parametrize("clip_norm", [0.3, 2.5, 100.0])
def test_clip_gradients_scales_every_tensor_by_one_factor(kata, clip_norm):
    arrays = gradient_list(20)
    norm = numpy_global_norm(arrays)
    expected = [a * (clip_norm / max(norm, clip_norm)) for a in arrays]
    what = f"clip_gradients(3 tensors of global norm {norm:.3f}, {clip_norm})"
    result = call_clip_gradients(kata, arrays, clip_norm, what)
    for index, (got, want) in enumerate(zip(result, expected)):
        assert_close(got, want, f"{what}[{index}]", dtype=tf.float32)


def test_clip_gradients_leaves_all_zero_gradients_at_zero(kata):
    arrays = [np.zeros((2, 3), np.float32), np.zeros(4, np.float32)]
    what = "clip_gradients([zeros [2, 3], zeros [4]], 1.5) (global norm 0)"
    result = call_clip_gradients(kata, arrays, 1.5, what)
    for index, (got, want) in enumerate(zip(result, arrays)):
        assert_close(got, want, f"{what}[{index}]", dtype=tf.float32)


def test_clip_gradients_works_the_docstring_example(kata):
    arrays = [np.array([3.0, 0.0], np.float32), np.array([[4.0]], np.float32)]
    for clip_norm, expected in [(1.0, [[0.6, 0.0], [[0.8]]]), (10.0, [[3.0, 0.0], [[4.0]]])]:
        what = f"clip_gradients([[3, 0], [[4]]], {clip_norm})"
        result = call_clip_gradients(kata, arrays, clip_norm, what)
        for index, (got, want) in enumerate(zip(result, expected)):
            assert_close(got, np.array(want, np.float32), f"{what}[{index}]")


@pytest.fixture(scope="module")
def regression_data():
    inputs = random(30, (6, 5, 3))
    targets = random(31, (6, 2))
    return inputs, targets


class DoubledWhenTraining(layers.Layer):
    """Doubles its input in training mode only: a step that forgets training=True is seen."""

    def call(self, inputs, training=None):
        return inputs * 2.0 if training else inputs


def make_model(seed):
    keras.utils.set_random_seed(seed)
    return keras.Sequential([keras.Input((5, 3)), layers.SimpleRNN(4), DoubledWhenTraining(), layers.Dense(2)])


@pytest.mark.parametrize("clip_norm", [0.05, 1000.0])  # Clipping bites; clipping does nothing.
def test_train_step_applies_clipped_gradients_and_returns_the_norm_before(kata, regression_data, clip_norm):
    inputs, targets = regression_data
    # Squared error weighted by the targets: not symmetric, so loss_function(predictions, targets) is caught.
    def loss_function(y_true, y_pred):
        return tf.reduce_mean((1.0 + tf.square(y_true)) * tf.square(y_pred - y_true))

    model = make_model(7)
    # The expected step, by hand: gradients from a tape, norm and clipping in numpy, then SGD.
    with tf.GradientTape() as tape:
        loss = loss_function(targets, model(inputs, training=True))
    gradients = [g.numpy() for g in tape.gradient(loss, model.trainable_variables)]
    norm = numpy_global_norm(gradients)
    scale = clip_norm / max(norm, clip_norm)
    expected = [w.numpy() - 0.1 * scale * g for w, g in zip(model.trainable_variables, gradients)]

    result = kata.train_step(model, keras.optimizers.SGD(learning_rate=0.1), loss_function, tf.constant(inputs),
                             tf.constant(targets), clip_norm)
    assert_python_float(result, norm, f"train_step(..., clip_norm={clip_norm}) return value (the norm before "
                        "clipping)", tol=1e-4)
    for variable, want in zip(model.trainable_variables, expected):
        assert_close(variable, want, f"{variable.path} after train_step(..., clip_norm={clip_norm})",
                     rtol=1e-5, atol=1e-6)
