"""Tests for kata 19. Oracles: numpy sums, Keras' own regularizer losses, the dropout rule
worked out by hand, and a one-weight model whose every epoch is computed by hand."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal, assert_shape


def test_split_train_val_test_has_the_asked_sizes_and_pairs(kata):
    x = np.arange(40, dtype=np.float32).reshape(20, 2)   # Row i is [2i, 2i + 1] ...
    y = np.arange(20) * 10                                # ... and its label is 10i.
    (x_train, y_train), (x_val, y_val), (x_test, y_test) = kata.split_train_val_test(x, y, 0.2, 0.25, seed=3)
    for name, part, rows in (("train", x_train, 11), ("val", x_val, 4), ("test", x_test, 5)):
        assert_shape(part, (rows, 2), f"split_train_val_test(20 examples, 0.2, 0.25) x_{name}")
    for name, xs, ys in (("train", x_train, y_train), ("val", x_val, y_val), ("test", x_test, y_test)):
        assert_equal(ys, xs[:, 0] * 5, f"y_{name} (each label must stay with its own x row)")
    every_row = np.sort(np.concatenate([y_train, y_val, y_test]))
    assert_equal(every_row, y, "all labels of the three parts together (each example exactly once)")


@pytest.mark.parametrize("n, val_fraction, test_fraction, sizes", [(10, 0.25, 0.25, (6, 2, 2)), (17, 0.3, 0.1, (11, 5, 1))])
def test_split_train_val_test_rounds_val_and_test_down_and_gives_the_rest_to_training(
        kata, n, val_fraction, test_fraction, sizes):
    x, y = np.arange(n * 3, dtype=np.float32).reshape(n, 3), np.arange(n)
    parts = kata.split_train_val_test(x, y, val_fraction, test_fraction, seed=1)
    got = tuple(len(part[1]) for part in parts)
    assert got == sizes, (
        f"split_train_val_test({n} examples, val_fraction={val_fraction}, test_fraction={test_fraction}) gave "
        f"(train, val, test) sizes {got}, expected {sizes}: test gets int(n * test_fraction), val "
        "int(n * val_fraction), training the rest")


def test_split_train_val_test_shuffles_reproducibly(kata):
    x, y = np.arange(30, dtype=np.float32)[:, None], np.arange(30)
    first = kata.split_train_val_test(x, y, 0.2, 0.2, seed=5)
    again = kata.split_train_val_test(x, y, 0.2, 0.2, seed=5)
    assert not np.array_equal(first[0][1], np.arange(18)), (
        "the training labels are the first 18 examples in order: shuffle before cutting "
        "(data is often sorted by class or time)")
    assert_equal(again[0][1], first[0][1], "training labels of a second split with the same seed")


@pytest.fixture(scope="module")
def weights():
    return np.random.default_rng(17).normal(size=(4, 3)).astype(np.float32)


def test_l2_penalty_is_factor_times_sum_of_squares(kata):
    result = kata.l2_penalty(tf.constant([[1.0, -2.0], [3.0, 0.0]]), 0.1)
    assert isinstance(result, tf.Tensor), f"l2_penalty returned {type(result).__name__}, expected a float32 scalar tensor"
    assert_close(result, np.float32(1.4), "l2_penalty([[1, -2], [3, 0]], 0.1)", dtype=tf.float32)


def test_l2_penalty_matches_keras_l2_regularizer(kata, weights):
    expected = keras.regularizers.L2(0.03)(tf.constant(weights))
    assert_close(kata.l2_penalty(tf.constant(weights), 0.03), expected, "l2_penalty(4x3 weights, 0.03)")


def test_l1_penalty_matches_keras_l1_regularizer(kata, weights):
    result = kata.l1_penalty(tf.constant([[1.0, -2.0], [3.0, 0.0]]), 0.1)
    assert isinstance(result, tf.Tensor), f"l1_penalty returned {type(result).__name__}, expected a float32 scalar tensor"
    assert_close(result, np.float32(0.6), "l1_penalty([[1, -2], [3, 0]], 0.1)", dtype=tf.float32)
    expected = keras.regularizers.L1(0.03)(tf.constant(weights))
    assert_close(kata.l1_penalty(tf.constant(weights), 0.03), expected, "l1_penalty(4x3 weights, 0.03)")


def test_regularized_dense_puts_the_l2_penalty_on_the_kernel_only(kata):
    # Not Keras' default factor 0.01, so keras.regularizers.L2() or "l2" without the factor shows.
    layer = kata.regularized_dense(3, 0.07)
    assert isinstance(layer, keras.layers.Dense), f"regularized_dense returned {type(layer).__name__}, expected Dense"
    x = np.random.default_rng(2).normal(size=(2, 4)).astype(np.float32)
    output = layer(x)
    assert_shape(output, (2, 3), "regularized_dense(3, 0.07) on a [2, 4] batch")
    layer.bias.assign([5.0, -5.0, 5.0])  # A penalty on the bias (or the outputs) would now show.
    layer(x)
    assert len(layer.losses) == 1, f"the layer has {len(layer.losses)} penalty losses, expected 1 (the kernel's)"
    expected = 0.07 * np.sum(np.asarray(layer.kernel) ** 2)
    assert_close(layer.losses[0], np.float32(expected), "layer.losses[0] (0.07 * sum(kernel ** 2))")


def test_inverted_dropout_scales_the_kept_units(kata):
    result = kata.inverted_dropout(tf.constant([[2.0, 4.0]]), tf.constant([[True, False]]), 0.5)
    assert_close(result, [[4.0, 0.0]], "inverted_dropout([[2, 4]], keep [[True, False]], rate 0.5)")
    rng = np.random.default_rng(9)
    x = rng.normal(size=(3, 5)).astype(np.float32)
    keep = rng.random((3, 5)) > 0.2
    expected = np.where(keep, x / 0.8, 0.0)
    assert_close(kata.inverted_dropout(tf.constant(x), tf.constant(keep), 0.2), expected,
                 "inverted_dropout(3x5 x, random mask, rate 0.2)")


def test_dropout_outputs_scales_in_training_and_passes_through_at_inference(kata):
    x = tf.ones([40, 25])
    training, inference = kata.dropout_outputs(x, 0.2)
    assert_close(inference, np.ones([40, 25], np.float32), "dropout_outputs(ones, 0.2) inference output")
    values = np.asarray(training)
    assert_shape(values, (40, 25), "dropout_outputs(ones, 0.2) training output")
    allowed = np.isclose(values, 0.0) | np.isclose(values, 1.25)
    assert allowed.all(), (
        f"the training output holds {sorted(set(np.round(values[~allowed], 4)))[:5]}, expected only 0 and 1 / (1 - 0.2) = 1.25")
    dropped = float(np.mean(np.isclose(values, 0.0)))
    assert 0.1 < dropped < 0.3, f"the training output dropped {dropped:.0%} of the units, expected about 20%"


def one_weight_model():
    """y_hat = w * x with w starting at 0: trained toward 2, validated against 1."""
    model = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1, use_bias=False, kernel_initializer="zeros")])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1), loss="mse")
    return model


def test_fit_with_early_stopping_stops_and_restores_the_best_weights(kata):
    x, y = np.ones((8, 1), np.float32), np.full((8, 1), 2.0, np.float32)
    x_val, y_val = np.ones((4, 1), np.float32), np.ones((4, 1), np.float32)
    # By hand: w <- w - 0.1 * 2 * (w - 2) gives w = 0.4, 0.72, 0.976, 1.1808, 1.34464 after
    # epochs 1..5; the validation loss (w - 1)^2 = 0.36, 0.078, 0.00058, 0.033, 0.12 is lowest
    # after epoch 3, so with patience 2 training stops after epoch 5 and w goes back to 0.976.
    model = one_weight_model()
    epochs = kata.fit_with_early_stopping(model, x, y, x_val, y_val, patience=2, max_epochs=30)
    assert epochs == 5, f"fit_with_early_stopping ran {epochs} epochs, expected 5 (stop 2 epochs after the best, epoch 3)"
    assert_close(model.layers[0].kernel, [[0.976]], "the weight after early stopping (the best epoch's, epoch 3)",
                 rtol=1e-4, atol=1e-5)


def test_fit_with_early_stopping_that_reaches_max_epochs_still_restores_the_best_weights(kata):
    x, y = np.ones((8, 1), np.float32), np.full((8, 1), 2.0, np.float32)
    x_val, y_val = np.ones((4, 1), np.float32), np.ones((4, 1), np.float32)
    # The run above with patience 4 and max_epochs 6: epochs 4, 5 and 6 (validation losses 0.033,
    # 0.12, 0.23) are only 3 without improvement, so nothing stops it; training ends after epoch 6
    # and w still goes back to epoch 3's 0.976. (Patience 2 would stop after epoch 5.)
    model = one_weight_model()
    epochs = kata.fit_with_early_stopping(model, x, y, x_val, y_val, patience=4, max_epochs=6)
    assert epochs == 6, (f"fit_with_early_stopping(patience=4, max_epochs=6) ran {epochs} epochs, expected all 6 "
                         "(3 epochs without improvement do not exhaust a patience of 4)")
    assert_close(model.layers[0].kernel, [[0.976]], "the weight after 6 epochs (the best epoch's, epoch 3)",
                 rtol=1e-4, atol=1e-5)
