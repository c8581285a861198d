"""Tests for kata 11. Oracles: keras.losses.*, numpy loops and values worked out by hand."""

import math

import keras
import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close


def random_probs(seed, shape):
    logits = np.random.default_rng(seed).normal(0.0, 1.5, size=shape)
    exps = np.exp(logits)
    return (exps / exps.sum(axis=-1, keepdims=True)).astype(np.float32)


def one_hot(labels, classes):
    return np.eye(classes, dtype=np.float32)[labels]


def random_labels(seed, batch, classes):
    return np.random.default_rng(seed).integers(0, classes, size=batch).astype(np.int32)


def assert_finite(result, what):
    values = np.asarray(result.numpy() if hasattr(result, "numpy") else result)
    assert np.all(np.isfinite(values)), (f"{what} returned {values.tolist()}: inf or nan; the loss must "
                                         "stay finite even for extreme inputs")


# ----------------------------------------------------------------------------- mean squared error


def test_mean_squared_error_on_the_docstring_example(kata):
    result = kata.mean_squared_error(tf.constant([[1.0, 2.0], [0.0, 0.0]]), tf.constant([[1.0, 4.0], [3.0, 0.0]]))
    assert_close(result, [2.0, 4.5], "mean_squared_error([[1, 2], [0, 0]], [[1, 4], [3, 0]])", dtype=tf.float32)


def test_mean_squared_error_matches_keras(kata):
    rng = np.random.default_rng(1)
    y_true, y_pred = rng.normal(size=(5, 3)).astype(np.float32), rng.normal(size=(5, 3)).astype(np.float32)
    assert_close(kata.mean_squared_error(tf.constant(y_true), tf.constant(y_pred)),
                 keras.losses.mean_squared_error(y_true, y_pred), "mean_squared_error(5x3 batch)")


# ----------------------------------------------------------------------------- entropy


def entropy_by_loop(probs):
    return [-sum(p * math.log(p) for p in row if p > 0) for row in probs]


def test_entropy_of_uniform_and_certain_rows(kata):
    result = kata.entropy(tf.constant([[0.25, 0.25, 0.25, 0.25], [1.0, 0.0, 0.0, 0.0]]))
    assert_close(result, [math.log(4), 0.0], "entropy([[0.25, 0.25, 0.25, 0.25], [1, 0, 0, 0]])", dtype=tf.float32)


def test_entropy_matches_a_loop_with_some_zero_probabilities(kata):
    probs = random_probs(2, (4, 6))
    probs[1, 2] = 0.0
    probs[1] /= probs[1].sum()
    probs[3] = [0.5, 0.0, 0.5, 0.0, 0.0, 0.0]
    assert_close(kata.entropy(tf.constant(probs)), entropy_by_loop(probs), "entropy(4x6 probs with zeros)")


# ----------------------------------------------------------------------------- cross-entropy


def test_cross_entropy_on_the_notes_example(kata):
    result = kata.cross_entropy(tf.constant([[1.0, 0.0, 0.0, 0.0, 0.0]]), tf.constant([[0.4, 0.3, 0.05, 0.05, 0.2]]))
    assert_close(result, [-math.log(0.4)], "cross_entropy([[1, 0, 0, 0, 0]], [[0.4, 0.3, 0.05, 0.05, 0.2]])",
                 dtype=tf.float32)


def test_cross_entropy_matches_keras_with_soft_targets(kata):
    targets, probs = random_probs(3, (6, 4)), random_probs(4, (6, 4))
    assert_close(kata.cross_entropy(tf.constant(targets), tf.constant(probs)),
                 keras.losses.categorical_crossentropy(targets, probs), "cross_entropy(6x4 soft targets, probs)")


def test_cross_entropy_from_logits_matches_keras(kata):
    logits = np.random.default_rng(5).normal(0.0, 3.0, size=(7, 5)).astype(np.float32)
    targets = one_hot(random_labels(6, 7, 5), 5)
    expected = keras.losses.categorical_crossentropy(targets, logits, from_logits=True)
    assert_close(kata.cross_entropy_from_logits(tf.constant(targets), tf.constant(logits)), expected,
                 "cross_entropy_from_logits(7x5 one-hot, logits)", dtype=tf.float32)


def test_cross_entropy_from_logits_stays_exact_for_logits_of_1000(kata):
    targets = tf.constant([[0.0, 1.0, 0.0], [1.0, 0.0, 0.0], [0.0, 0.0, 1.0]])
    logits = tf.constant([[1000.0, -1000.0, 0.0], [1000.0, -1000.0, 0.0], [-1000.0, -1000.0, -1000.0]])
    result = kata.cross_entropy_from_logits(targets, logits)
    what = "cross_entropy_from_logits(logits of ±1000)"
    assert_finite(result, what)
    # Row 1: the true class is 2000 below the best -> 2000. Row 2: it is the best by 1000 -> ~0.
    # Row 3: three equal logits -> ln 3.
    assert_close(result, [2000.0, 0.0, math.log(3.0)], what)
    assert_close(result, keras.losses.categorical_crossentropy(targets, logits, from_logits=True), what)


def test_cross_entropy_from_logits_with_soft_targets(kata):
    logits = np.random.default_rng(11).normal(0.0, 2.0, size=(5, 4)).astype(np.float32)
    targets = random_probs(12, (5, 4))
    expected = keras.losses.categorical_crossentropy(targets, logits, from_logits=True)
    assert_close(kata.cross_entropy_from_logits(tf.constant(targets), tf.constant(logits)), expected,
                 "cross_entropy_from_logits(5x4 soft targets, logits)")


def test_sparse_cross_entropy_from_logits_matches_keras(kata):
    logits = np.random.default_rng(7).normal(0.0, 3.0, size=(6, 4)).astype(np.float32)
    labels = random_labels(8, 6, 4)
    expected = keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)
    assert_close(kata.sparse_cross_entropy_from_logits(tf.constant(labels), tf.constant(logits)), expected,
                 "sparse_cross_entropy_from_logits(6 labels, 6x4 logits)", dtype=tf.float32)


def test_sparse_cross_entropy_from_logits_takes_int64_labels_and_classes_never_labelled(kata):
    logits = np.random.default_rng(13).normal(0.0, 2.0, size=(3, 5)).astype(np.float32)
    labels = np.array([0, 2, 0], np.int64)  # Classes 3 and 4 appear in no label.
    expected = keras.losses.sparse_categorical_crossentropy(labels, logits, from_logits=True)
    assert_close(kata.sparse_cross_entropy_from_logits(tf.constant(labels), tf.constant(logits)), expected,
                 "sparse_cross_entropy_from_logits(int64 labels [0, 2, 0], 3x5 logits)", dtype=tf.float32)


def test_sparse_cross_entropy_from_logits_stays_finite_for_logits_of_1000(kata):
    result = kata.sparse_cross_entropy_from_logits(tf.constant([1, 0]), tf.constant([[1000.0, -1000.0],
                                                                                   [-1000.0, 1000.0]]))
    assert_finite(result, "sparse_cross_entropy_from_logits([1, 0], logits of ±1000)")
    assert_close(result, [2000.0, 2000.0], "sparse_cross_entropy_from_logits([1, 0], logits of ±1000)")


# ----------------------------------------------------------------------------- KL divergence


def kl_by_loop(p, q):
    return [sum(a * math.log(a / b) for a, b in zip(row_p, row_q) if a > 0) for row_p, row_q in zip(p, q)]


def test_kl_divergence_on_the_docstring_example(kata):
    result = kata.kl_divergence(tf.constant([[0.5, 0.5], [1.0, 0.0]]), tf.constant([[0.9, 0.1], [0.4, 0.6]]))
    expected = [0.5 * math.log(0.5 / 0.9) + 0.5 * math.log(0.5 / 0.1), -math.log(0.4)]
    assert_close(result, expected, "kl_divergence([[0.5, 0.5], [1, 0]], [[0.9, 0.1], [0.4, 0.6]])", dtype=tf.float32)


def test_kl_divergence_matches_keras_per_row_and_averaged(kata):
    p, q = random_probs(18, (5, 7)), random_probs(19, (5, 7))
    result = kata.kl_divergence(tf.constant(p), tf.constant(q))
    what = "kl_divergence(5x7 p, q)"
    # No probability here is below Keras' clipping floor of 1e-7, so the clipping changes nothing.
    assert_close(result, keras.losses.KLDivergence(reduction="none")(p, q), what, dtype=tf.float32)
    assert_close(result, kl_by_loop(p, q), what)
    # The loss object's default reduction averages the rows.
    assert_close(tf.reduce_mean(result), keras.losses.KLDivergence()(p, q), f"the mean of {what} over the batch")


def test_kl_divergence_is_zero_for_equal_rows_and_not_symmetric(kata):
    p, q = random_probs(20, (3, 4)), random_probs(21, (3, 4))
    assert_close(kata.kl_divergence(tf.constant(p), tf.constant(p)), np.zeros(3), "kl_divergence(p, p) for 3x4 p",
                 atol=1e-6)
    assert_close(kata.kl_divergence(tf.constant(q), tf.constant(p)), kl_by_loop(q, p), "kl_divergence(q, p): KL(q‖p)")


def test_kl_divergence_with_zero_probabilities_in_p(kata):
    p, q = random_probs(22, (4, 6)), random_probs(23, (4, 6))
    p[0] = [1.0, 0.0, 0.0, 0.0, 0.0, 0.0]
    p[2, 3] = 0.0
    p[2] /= p[2].sum()
    q[0, 4] = 0.0  # q may be 0 where p is 0.
    q[0] /= q[0].sum()
    result = kata.kl_divergence(tf.constant(p), tf.constant(q))
    what = "kl_divergence(4x6 p with zeros, q)"
    assert_finite(result, what)
    assert_close(result, kl_by_loop(p, q), what)
    # Keras clips a zero p to 1e-7, which adds about 1e-7 * ln(1e-7 / q) per zero: within 1e-5.
    assert_close(result, keras.losses.kl_divergence(p, q), f"{what} against keras.losses.kl_divergence", atol=1e-5)


def test_kl_divergence_does_not_clip_a_tiny_prediction_and_keeps_float64(kata):
    p = np.array([[0.5, 0.5], [0.2, 0.8], [0.3, 0.7]])
    q = np.array([[1 - 1e-9, 1e-9], [0.6, 0.4], [0.3, 0.7]])
    result = kata.kl_divergence(tf.constant(p), tf.constant(q))
    # Keras would clip 1e-9 up to 1e-7 and give 0.5 ln 0.5 + 0.5 ln(0.5 / 1e-7) ≈ 7.35 for the first row.
    assert_close(result, kl_by_loop(p, q), "kl_divergence(float64 rows with a q of 1e-9)", dtype=tf.float64, rtol=1e-12)


def test_kl_divergence_from_cross_entropy_on_the_notes_example(kata):
    result = kata.kl_divergence_from_cross_entropy(tf.constant([[1.0, 0.0, 0.0, 0.0, 0.0]]),
                                                   tf.constant([[0.4, 0.3, 0.05, 0.05, 0.2]]))
    assert_close(result, [-math.log(0.4)], "kl_divergence_from_cross_entropy([[1, 0, 0, 0, 0]], "
                 "[[0.4, 0.3, 0.05, 0.05, 0.2]]) (H(p) = 0 for a one-hot p)", dtype=tf.float32)


def test_kl_divergence_from_cross_entropy_matches_keras_and_the_identity(kata):
    p, q = random_probs(24, (6, 3)), random_probs(25, (6, 3))
    p[5] = [0.0, 0.25, 0.75]
    result = kata.kl_divergence_from_cross_entropy(tf.constant(p), tf.constant(q))
    what = "kl_divergence_from_cross_entropy(6x3 soft p, q)"
    assert_close(result, kl_by_loop(p, q), what, dtype=tf.float32, atol=1e-5)
    assert_close(result, keras.losses.KLDivergence(reduction="none")(p, q), f"{what} against Keras", atol=1e-5)
    # The identity, with Keras' cross-entropy and numpy's entropy as H(p, q) and H(p).
    entropy_p = -np.sum(np.where(p > 0, p * np.log(np.where(p > 0, p, 1.0)), 0.0), axis=-1)
    assert_close(np.asarray(keras.losses.categorical_crossentropy(p, q)) - entropy_p, result,
                 f"H(p, q) - H(p) against {what}", atol=1e-5)


# ----------------------------------------------------------------------------- binary cross-entropy


def test_binary_cross_entropy_on_the_docstring_example(kata):
    result = kata.binary_cross_entropy(tf.constant([[1.0, 0.0]]), tf.constant([[0.8, 0.4]]))
    assert_close(result, [-(math.log(0.8) + math.log(0.6)) / 2], "binary_cross_entropy([[1, 0]], [[0.8, 0.4]])",
                 dtype=tf.float32)


def test_binary_cross_entropy_matches_keras(kata):
    rng = np.random.default_rng(9)
    y_true = rng.integers(0, 2, size=(5, 3)).astype(np.float32)
    y_pred = rng.uniform(0.05, 0.95, size=(5, 3)).astype(np.float32)
    assert_close(kata.binary_cross_entropy(tf.constant(y_true), tf.constant(y_pred)),
                 keras.losses.binary_crossentropy(y_true, y_pred), "binary_cross_entropy(5x3 batch)")


def soft_labels(seed, shape):
    return np.random.default_rng(seed).choice([0.1, 0.3, 0.7, 0.9], size=shape).astype(np.float32)


def test_binary_cross_entropy_with_soft_labels(kata):
    y_true = soft_labels(14, (4, 3))
    y_pred = np.random.default_rng(15).uniform(0.05, 0.95, size=(4, 3)).astype(np.float32)
    assert_close(kata.binary_cross_entropy(tf.constant(y_true), tf.constant(y_pred)),
                 keras.losses.binary_crossentropy(y_true, y_pred), "binary_cross_entropy(4x3 soft labels)")


def test_binary_cross_entropy_clips_predictions_of_exactly_0_and_1(kata):
    y_true = tf.constant([[1.0, 0.0], [1.0, 1.0]])
    y_pred = tf.constant([[0.0, 1.0], [1.0, 0.5]])
    result = kata.binary_cross_entropy(y_true, y_pred)
    what = "binary_cross_entropy(predictions of exactly 0 and 1)"
    assert_finite(result, what)
    assert_close(result, keras.losses.binary_crossentropy(y_true, y_pred), what, rtol=1e-4)


def test_binary_cross_entropy_from_logits_matches_keras(kata):
    rng = np.random.default_rng(10)
    y_true = rng.integers(0, 2, size=(4, 6)).astype(np.float32)
    logits = rng.normal(0.0, 4.0, size=(4, 6)).astype(np.float32)
    assert_close(kata.binary_cross_entropy_from_logits(tf.constant(y_true), tf.constant(logits)),
                 keras.losses.binary_crossentropy(y_true, logits, from_logits=True),
                 "binary_cross_entropy_from_logits(4x6 batch)", dtype=tf.float32)


def test_binary_cross_entropy_from_logits_stays_exact_for_logits_of_1000(kata):
    y_true = tf.constant([[1.0, 0.0], [0.0, 1.0]])
    logits = tf.constant([[-1000.0, 0.0], [-1000.0, 1000.0]])
    result = kata.binary_cross_entropy_from_logits(y_true, logits)
    what = "binary_cross_entropy_from_logits(logits of ±1000)"
    assert_finite(result, what)
    assert_close(result, [(1000.0 + math.log(2.0)) / 2, 0.0], what)


def test_binary_cross_entropy_from_logits_with_soft_labels(kata):
    y_true = soft_labels(16, (3, 5))
    logits = np.random.default_rng(17).normal(0.0, 3.0, size=(3, 5)).astype(np.float32)
    assert_close(kata.binary_cross_entropy_from_logits(tf.constant(y_true), tf.constant(logits)),
                 keras.losses.binary_crossentropy(y_true, logits, from_logits=True),
                 "binary_cross_entropy_from_logits(3x5 soft labels)")
