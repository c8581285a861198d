"""Tests for kata 32. Oracles: numpy formulas, keras.layers.LSTMCell/GRUCell and keras.layers.LSTM
built with the same random weights (non-zero biases and initial states)."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_shape

BATCH, TIME, INPUT_DIM, UNITS = 3, 5, 4, 6  # All different, so a swapped axis changes a shape.


def random_array(rng, *shape, scale=0.5):
    return (scale * rng.standard_normal(shape)).astype(np.float32)


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


@pytest.fixture(scope="module")
def lstm_weights():
    rng = np.random.default_rng(22)
    return {
        "kernel": random_array(rng, INPUT_DIM, 4 * UNITS),
        "recurrent_kernel": random_array(rng, UNITS, 4 * UNITS),
        "bias": random_array(rng, 4 * UNITS),
        "x": random_array(rng, BATCH, TIME, INPUT_DIM, scale=1.0),
        "h0": random_array(rng, BATCH, UNITS),
        "c0": random_array(rng, BATCH, UNITS, scale=1.0),
    }


@pytest.fixture(scope="module")
def gru_weights():
    rng = np.random.default_rng(23)
    return {
        "kernel": random_array(rng, INPUT_DIM, 3 * UNITS),
        "recurrent_kernel": random_array(rng, UNITS, 3 * UNITS),
        "bias": random_array(rng, 2, 3 * UNITS),
        "x_t": random_array(rng, BATCH, INPUT_DIM, scale=1.0),
        "h_prev": random_array(rng, BATCH, UNITS, scale=1.0),
    }


def weights_of(weights):
    return weights["kernel"], weights["recurrent_kernel"], weights["bias"]


@pytest.fixture(scope="module")
def keras_lstm_step(lstm_weights):
    """What keras.layers.LSTMCell gives for one step from (h0, c0) on the first time step."""
    cell = keras.layers.LSTMCell(UNITS)
    cell.build((None, INPUT_DIM))
    cell.set_weights(list(weights_of(lstm_weights)))
    _, (h_t, c_t) = cell(lstm_weights["x"][:, 0], [lstm_weights["h0"], lstm_weights["c0"]])
    return np.asarray(h_t), np.asarray(c_t)


@pytest.fixture(scope="module")
def keras_lstm_layer(lstm_weights):
    layer = keras.layers.LSTM(UNITS, return_sequences=True, return_state=True)
    layer.build((None, TIME, INPUT_DIM))
    layer.set_weights(list(weights_of(lstm_weights)))
    return layer


@pytest.mark.parametrize("gate_name, block", [("input_gate", 0), ("forget_gate", 1), ("output_gate", 3)])
def test_each_gate_is_a_sigmoid_of_both_matmuls_plus_bias(kata, lstm_weights, gate_name, block):
    kernel, recurrent_kernel, bias = weights_of(lstm_weights)
    columns = slice(block * UNITS, (block + 1) * UNITS)
    x_t, h_prev = lstm_weights["x"][:, 0], lstm_weights["h0"]
    W, U, b = kernel[:, columns], recurrent_kernel[:, columns], bias[columns]
    expected = sigmoid(x_t @ W + h_prev @ U + b)
    result = getattr(kata, gate_name)(tf.constant(x_t), tf.constant(h_prev), tf.constant(W), tf.constant(U),
                                      tf.constant(b))
    assert_close(result, expected, f"{gate_name}(x_t [3, 4], h_prev [3, 6], W [4, 6], U [6, 6], b [6])",
                 dtype=tf.float32)


@pytest.mark.parametrize("gate_name, bias, expected", [("forget_gate", 0.0, 0.5), ("input_gate", 2.0, 0.8808),
                                                        ("output_gate", -2.0, 0.1192)])
def test_each_gate_works_its_docstring_example(kata, gate_name, bias, expected):
    # Non-zero inputs with zero weights: only the bias (and the sigmoid) may show.
    x_t, h_prev = tf.constant([[1.0, -2.0, 3.0], [0.5, 0.5, 0.5]]), tf.constant([[4.0], [-1.0]])
    result = getattr(kata, gate_name)(x_t, h_prev, tf.zeros([3, 1]), tf.zeros([1, 1]), tf.constant([bias]))
    assert_close(result, [[expected], [expected]], f"{gate_name}(x_t [2, 3], h_prev [2, 1], zero weights, "
                 f"b=[{bias}])", rtol=1e-4, atol=1e-4, dtype=tf.float32)


def test_lstm_step_on_the_worked_example(kata):
    zeros = tf.zeros([1, 4])
    h_t, c_t = kata.lstm_step(tf.zeros([1, 2]), tf.zeros([1, 1]), tf.ones([1, 1]), tf.zeros([2, 4]),
                              tf.zeros([1, 4]), zeros[0])
    assert_close(c_t, [[0.5]], "lstm_step(zero weights, c_prev=[[1.0]]) c_t")
    assert_close(h_t, [[0.5 * np.tanh(0.5)]], "lstm_step(zero weights, c_prev=[[1.0]]) h_t")


def test_lstm_step_matches_keras_lstm_cell(kata, lstm_weights, keras_lstm_step):
    expected_h, expected_c = keras_lstm_step
    h_t, c_t = kata.lstm_step(lstm_weights["x"][:, 0], lstm_weights["h0"], lstm_weights["c0"],
                              *weights_of(lstm_weights))
    what = "lstm_step(x_t [3, 4], h_prev [3, 6], c_prev [3, 6], kernel [4, 24], recurrent_kernel [6, 24], bias [24])"
    assert_close(c_t, expected_c, what + " c_t (the second result)", dtype=tf.float32)
    assert_close(h_t, expected_h, what + " h_t (the first result)", dtype=tf.float32)


def test_lstm_sequence_matches_keras_lstm_with_initial_states(kata, lstm_weights, keras_lstm_layer):
    x, h0, c0 = lstm_weights["x"], lstm_weights["h0"], lstm_weights["c0"]
    expected_outputs, expected_h, expected_c = keras_lstm_layer(x, initial_state=[h0, c0])
    outputs, h_T, c_T = kata.lstm_sequence(tf.constant(x), *weights_of(lstm_weights), h0=tf.constant(h0),
                                           c0=tf.constant(c0))
    what = "lstm_sequence(x [3, 5, 4], ..., h0, c0)"
    assert_shape(outputs, (BATCH, TIME, UNITS), what + " outputs")
    assert_close(outputs, expected_outputs, what + " outputs", dtype=tf.float32)
    assert_close(h_T, expected_h, what + " h_T", dtype=tf.float32)
    assert_close(c_T, expected_c, what + " c_T", dtype=tf.float32)


@pytest.mark.parametrize("given", ["h0", "c0"])
def test_lstm_sequence_with_only_one_initial_state_starts_the_other_from_zeros(kata, lstm_weights,
                                                                               keras_lstm_layer, given):
    x, zeros = lstm_weights["x"], np.zeros((BATCH, UNITS), np.float32)
    h0 = lstm_weights["h0"] if given == "h0" else zeros
    c0 = lstm_weights["c0"] if given == "c0" else zeros
    expected_outputs, expected_h, expected_c = keras_lstm_layer(x, initial_state=[h0, c0])
    outputs, h_T, c_T = kata.lstm_sequence(tf.constant(x), *weights_of(lstm_weights),
                                           **{given: tf.constant(lstm_weights[given])})
    what = f"lstm_sequence(x [3, 5, 4], ..., {given}=non-zero) with the other state left as None"
    assert_close(outputs, expected_outputs, what + " outputs", dtype=tf.float32)
    assert_close(h_T, expected_h, what + " h_T", dtype=tf.float32)
    assert_close(c_T, expected_c, what + " c_T", dtype=tf.float32)


def test_lstm_sequence_of_one_step_is_one_lstm_cell_step(kata, lstm_weights, keras_lstm_step):
    expected_h, expected_c = keras_lstm_step
    x = lstm_weights["x"][:, :1]
    outputs, h_T, c_T = kata.lstm_sequence(tf.constant(x), *weights_of(lstm_weights),
                                           h0=tf.constant(lstm_weights["h0"]), c0=tf.constant(lstm_weights["c0"]))
    what = "lstm_sequence(x [3, 1, 4], ..., h0, c0) (a single time step)"
    assert_close(outputs, expected_h[:, None, :], what + " outputs")
    assert_close(h_T, expected_h, what + " h_T")
    assert_close(c_T, expected_c, what + " c_T")


def test_lstm_sequence_starts_from_zero_states_by_default(kata, lstm_weights, keras_lstm_layer):
    x = lstm_weights["x"][:, :3]  # A different length: nothing may assume 5 steps.
    expected_outputs, expected_h, expected_c = keras_lstm_layer(x)
    outputs, h_T, c_T = kata.lstm_sequence(tf.constant(x), *weights_of(lstm_weights))
    what = "lstm_sequence(x [3, 3, 4], kernel, recurrent_kernel, bias) with no initial state"
    assert_close(outputs, expected_outputs, what + " outputs")
    assert_close(h_T, expected_h, what + " h_T")
    assert_close(c_T, expected_c, what + " c_T")


def test_gru_step_on_the_worked_example(kata):
    h_t = kata.gru_step(tf.zeros([1, 2]), tf.ones([1, 1]), tf.zeros([2, 3]), tf.zeros([1, 3]), tf.zeros([2, 3]))
    assert_close(h_t, [[0.5]], "gru_step(zero weights, h_prev=[[1.0]])")


def test_gru_step_matches_keras_gru_cell(kata, gru_weights):
    cell = keras.layers.GRUCell(UNITS)  # reset_after=True is the default.
    cell.build((None, INPUT_DIM))
    cell.set_weights(list(weights_of(gru_weights)))
    expected, _ = cell(gru_weights["x_t"], gru_weights["h_prev"])
    result = kata.gru_step(gru_weights["x_t"], gru_weights["h_prev"], *weights_of(gru_weights))
    assert_close(result, expected, "gru_step(x_t [3, 4], h_prev [3, 6], kernel [4, 18], "
                 "recurrent_kernel [6, 18], bias [2, 18])", dtype=tf.float32)
