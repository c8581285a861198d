"""Tests for kata 19. Oracles: numpy sums, Keras' own regularizer losses, the dropout rule
worked out by hand, a one-weight model whose every epoch is computed by hand, the k-fold
rule written out as a plain loop, numpy least squares per fold, and histories worked by hand."""

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal, assert_python_float, assert_shape


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


def _kfold_oracle(n, k):
    """scikit-learn's KFold(k) without shuffling, written out: sizes n // k + 1 for the first n % k folds."""
    pairs, start = [], 0
    for fold in range(k):
        size = n // k + (1 if fold < n % k else 0)
        val = list(range(start, start + size))
        pairs.append(([i for i in range(n) if i not in val], val))
        start += size
    return pairs


def _check_folds(got, n, k):
    assert isinstance(got, (list, tuple)) and len(got) == k, (
        f"k_fold_indices({n}, {k}) returned {type(got).__name__} of length "
        f"{len(got) if hasattr(got, '__len__') else '?'}, expected a list of {k} (train, val) pairs")
    for fold, ((train, val), (expected_train, expected_val)) in enumerate(zip(got, _kfold_oracle(n, k))):
        for name, part, expected in (("validation", val, expected_val), ("training", train, expected_train)):
            part = np.asarray(part)
            assert part.dtype.kind in "iu", (
                f"k_fold_indices({n}, {k}) pair {fold} {name} indices have dtype {part.dtype}, expected ints")
            assert_equal(part, np.array(expected, part.dtype),
                         f"k_fold_indices({n}, {k}) pair {fold} {name} indices (pairs are (train, val); "
                         "the first n % k folds are one longer, folds are consecutive)")


def test_k_fold_indices_on_the_worked_example(kata):
    _check_folds(kata.k_fold_indices(7, 3), 7, 3)


@pytest.mark.parametrize("n, k", [(10, 4), (12, 3), (5, 5), (11, 2), (23, 6)])
def test_k_fold_indices_follows_the_kfold_rule(kata, n, k):
    _check_folds(kata.k_fold_indices(n, k), n, k)


@pytest.mark.parametrize("n, k", [(6, 1), (4, 5), (3, 0)])
def test_k_fold_indices_refuses_fewer_than_2_or_more_than_n_folds(kata, n, k):
    with pytest.raises(ValueError):
        kata.k_fold_indices(n, k)
        pytest.fail(f"k_fold_indices({n}, {k}) returned instead of raising ValueError (k must be 2 <= k <= n)")


def _mean_of_y_val(x_train, y_train, x_val, y_val):
    return np.mean(y_val)


def test_cross_validate_on_the_worked_example(kata):
    values = np.arange(7, dtype=np.float32)
    scores, mean_score = kata.cross_validate(values, values, 3, _mean_of_y_val)
    assert isinstance(scores, list), f"cross_validate returned scores as {type(scores).__name__}, expected a list"
    for fold, (score, expected) in enumerate(zip(scores, [1.0, 3.5, 5.5])):
        assert_python_float(score, expected, f"cross_validate(0..6, k=3, mean of y_val) score of fold {fold}")
    assert len(scores) == 3, f"cross_validate(k=3) returned {len(scores)} scores, expected 3"
    # Each fold counts the same: (1 + 3.5 + 5.5) / 3, not the size-weighted (3 + 7 + 11) / 7 = 3.
    assert_python_float(mean_score, 10 / 3, "cross_validate(0..6, k=3, mean of y_val) mean score")


def test_cross_validate_gives_each_call_a_fold_with_its_own_labels(kata):
    x = np.arange(22, dtype=np.float32).reshape(11, 2)   # Row i is [2i, 2i + 1] ...
    y = np.arange(11) * 10                                # ... and its label is 10i.
    calls = []

    def recording_score(x_train, y_train, x_val, y_val):
        calls.append((np.asarray(x_train), np.asarray(y_train), np.asarray(x_val), np.asarray(y_val)))
        return tf.constant(len(calls), tf.float32)   # A scalar tensor, as a Keras metric gives.

    scores, mean_score = kata.cross_validate(x, y, 4, recording_score)
    assert len(calls) == 4, f"cross_validate(11 examples, k=4) called train_and_score {len(calls)} times, expected 4"
    for fold, ((x_train, y_train, x_val, y_val), (train, val)) in enumerate(zip(calls, _kfold_oracle(11, 4))):
        assert_equal(y_val, np.array(val) * 10, f"fold {fold}: y_val passed to train_and_score (the held-out fold)")
        assert_equal(y_train, np.array(train) * 10, f"fold {fold}: y_train passed to train_and_score (the other folds)")
        assert_equal(x_val, x[val], f"fold {fold}: x_val passed to train_and_score")
        assert_equal(x_train, x[train], f"fold {fold}: x_train passed to train_and_score")
    for fold, score in enumerate(scores):
        assert_python_float(score, fold + 1.0, f"cross_validate score {fold} (train_and_score returned a scalar tensor)")
    assert_python_float(mean_score, 2.5, "cross_validate mean of the scores 1, 2, 3, 4")


def test_cross_validate_scores_least_squares_models_per_fold(kata):
    rng = np.random.default_rng(19)
    x = rng.normal(size=(13, 3))
    y = x @ np.array([1.5, -2.0, 0.5]) + 0.3 * rng.normal(size=13)

    def least_squares_mse(x_train, y_train, x_val, y_val):
        weights = np.linalg.lstsq(x_train, y_train, rcond=None)[0]
        return float(np.mean((x_val @ weights - y_val) ** 2))

    expected = [least_squares_mse(x[train], y[train], x[val], y[val]) for train, val in _kfold_oracle(13, 5)]
    scores, mean_score = kata.cross_validate(x, y, 5, least_squares_mse)
    assert_close(scores, expected, "cross_validate(13 examples, k=5, least squares) validation MSE per fold")
    assert_python_float(mean_score, float(np.mean(expected)), "cross_validate(least squares) mean MSE")


@pytest.mark.parametrize("loss, val_loss, max_train_loss, max_gap, expected", [
    ([1.0, 0.4, 0.1], [1.1, 0.6, 0.9], 0.3, 0.2, "overfitting"),      # The docstring's examples.
    ([1.0, 0.9, 0.8], [1.0, 0.9, 0.85], 0.3, 0.2, "underfitting"),
    ([1.0, 0.4, 0.2], [1.1, 0.5, 0.3], 0.3, 0.2, "good fit"),
    ([2.0, 1.5, 1.25], [2.0, 2.5, 3.0], 1.0, 0.5, "underfitting"),    # Both signs: underfitting is checked first.
    ([0.5], [1.0], 0.5, 0.5, "good fit"),                              # Exactly at both limits: strict comparisons.
    ([0.75, 0.25], [0.75, 0.75], 0.5, 0.5, "good fit"),
    ([0.75, 0.25], [0.75, 0.8125], 0.5, 0.5, "overfitting"),
    ([0.6, 0.1, 0.75], [0.7, 0.2, 0.8], 0.5, 0.3, "underfitting"),    # The last epoch counts, not the best one.
    ([0.9, 0.2, 0.1], [0.9, 0.2, 0.8], 0.5, 0.3, "overfitting"),       # ... for the validation loss too.
    ([0.9, 0.8, 0.4], [0.5, 0.2, 0.05], 0.5, 0.25, "good fit"),        # Validation below training: a negative gap.
])
def test_diagnose_fit_reads_the_last_epoch_by_the_stated_rules(kata, loss, val_loss, max_train_loss, max_gap,
                                                               expected):
    history = {"loss": loss, "val_loss": val_loss, "accuracy": [0.5] * len(loss)}
    got = kata.diagnose_fit(history, max_train_loss, max_gap)
    assert got == expected, (
        f"diagnose_fit(loss {loss}, val_loss {val_loss}, max_train_loss={max_train_loss}, max_gap={max_gap}) "
        f"returned {got!r}, expected {expected!r}: underfitting when the final loss is above max_train_loss, "
        "else overfitting when the final val_loss exceeds it by more than max_gap, else good fit")


def test_diagnose_fit_accepts_numpy_float32_histories(kata):
    history = {"loss": list(np.array([1.0, 0.3, 0.125], np.float32)),
               "val_loss": list(np.array([1.0, 0.5, 0.625], np.float32))}
    got = kata.diagnose_fit(history, 0.25, 0.375)
    assert got == "overfitting", f"diagnose_fit(float32 history, gap 0.5 > 0.375) returned {got!r}, expected 'overfitting'"


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
