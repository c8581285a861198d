"""Tests for kata 04. Oracles: numpy reductions, norms and loops, and values worked out by hand."""

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal, assert_python_float


def test_subject_means_of_int_scores_keeps_the_fraction(kata):
    scores = tf.constant([[90, 61, 70], [80, 70, 75]], tf.int32)
    assert_close(kata.subject_means(scores), [85.0, 65.5, 72.5], "subject_means([[90, 61, 70], [80, 70, 75]])",
                 dtype=tf.float32)


def test_subject_means_matches_numpy_on_random_scores(kata):
    scores = np.random.default_rng(1).integers(0, 101, size=(7, 4)).astype(np.int32)
    assert_close(kata.subject_means(tf.constant(scores)), scores.mean(axis=0).astype(np.float32),
                 "subject_means(7 students x 4 subjects)", dtype=tf.float32)


@pytest.mark.parametrize("dtype", [tf.int64, tf.float64])
def test_subject_means_is_float32_for_int64_and_float64_scores(kata, dtype):
    scores = tf.constant([[90, 61, 70, 1], [80, 70, 75, 2], [40, 61, 70, 2]], dtype)
    assert_close(kata.subject_means(scores), [70.0, 64.0, 215 / 3, 5 / 3],
                 f"subject_means(3 students x 4 subjects, {dtype.name})", dtype=tf.float32)


def test_value_range_on_a_table(kata):
    assert_equal(kata.value_range(tf.constant([[3, 9, 4], [5, 5, 1]])), [6, 4], "value_range([[3, 9, 4], [5, 5, 1]])")


def test_value_range_of_a_vector_is_a_scalar(kata):
    assert_close(kata.value_range(tf.constant([3.0, 9.5, 4.0, -1.0])), 10.5, "value_range([3., 9.5, 4., -1.])")


def test_value_range_reduces_the_last_axis_of_3d_input(kata):
    values = np.random.default_rng(2).normal(size=(2, 3, 5)).astype(np.float32)
    expected = values.max(axis=-1) - values.min(axis=-1)
    assert_close(kata.value_range(tf.constant(values)), expected, "value_range(values [2, 3, 5])")


def test_vector_norms_of_3_minus_4(kata):
    l1, l2, linf = kata.vector_norms(tf.constant([[3.0, -4.0]]))
    assert_close(l1, [7.0], "vector_norms([[3, -4]]) L1")
    assert_close(l2, [5.0], "vector_norms([[3, -4]]) L2")
    assert_close(linf, [4.0], "vector_norms([[3, -4]]) infinity norm")


def test_vector_norms_match_numpy_on_random_rows(kata):
    vectors = np.random.default_rng(3).normal(size=(6, 4)).astype(np.float32)
    l1, l2, linf = kata.vector_norms(tf.constant(vectors))
    assert_close(l1, np.abs(vectors).sum(axis=1), "vector_norms(6x4 vectors) L1")
    assert_close(l2, np.sqrt((vectors ** 2).sum(axis=1)), "vector_norms(6x4 vectors) L2")
    assert_close(linf, np.abs(vectors).max(axis=1), "vector_norms(6x4 vectors) infinity norm")


def test_best_and_worst_class_per_row(kata):
    probs = tf.constant([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]])
    best, worst = kata.best_and_worst_class(probs)
    assert_equal(best, [1, 0], "best_and_worst_class([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]]) best", dtype=tf.int32)
    assert_equal(worst, [0, 1], "best_and_worst_class([[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]]) worst", dtype=tf.int32)


def test_best_and_worst_class_match_numpy_on_random_probs(kata):
    probs = np.random.default_rng(4).random((9, 5)).astype(np.float32)
    best, worst = kata.best_and_worst_class(tf.constant(probs))
    assert_equal(best, probs.argmax(axis=1), "best_and_worst_class(9x5 probs) best", dtype=tf.int32)
    assert_equal(worst, probs.argmin(axis=1), "best_and_worst_class(9x5 probs) worst", dtype=tf.int32)


def test_best_and_worst_class_pick_the_first_class_on_a_tie(kata):
    # Row 0 ties for best (columns 1 and 3) and for worst (columns 0 and 2); row 1 is all equal.
    probs = tf.constant([[0.2, 0.5, 0.2, 0.5], [0.25, 0.25, 0.25, 0.25]])
    best, worst = kata.best_and_worst_class(probs)
    assert_equal(best, [1, 0], "best_and_worst_class([[0.2, 0.5, 0.2, 0.5], [0.25] * 4]) best", dtype=tf.int32)
    assert_equal(worst, [0, 0], "best_and_worst_class([[0.2, 0.5, 0.2, 0.5], [0.25] * 4]) worst", dtype=tf.int32)


def test_accuracy_of_two_hits_in_three(kata):
    logits = tf.constant([[2.0, 1.0], [0.0, 3.0], [5.0, 4.0]])
    result = kata.accuracy(logits, tf.constant([0, 1, 1], tf.int32))
    assert_python_float(result, 2 / 3, "accuracy([[2, 1], [0, 3], [5, 4]], labels [0, 1, 1])")


def test_accuracy_matches_a_loop_on_random_logits(kata):
    rng = np.random.default_rng(5)
    logits = rng.normal(size=(40, 6)).astype(np.float32) * 3
    labels = rng.integers(0, 6, size=40).astype(np.int32)
    expected = sum(int(np.argmax(row) == label) for row, label in zip(logits, labels)) / 40
    result = kata.accuracy(tf.constant(logits), tf.constant(labels))
    assert_python_float(result, expected, "accuracy(40x6 random logits, random labels)")


def test_encode_labels_numbers_in_order_of_first_appearance(kata):
    vocabulary, codes = kata.encode_labels(tf.constant([30, 10, 30, 20, 10, 10]))
    assert_equal(vocabulary, [30, 10, 20], "encode_labels([30, 10, 30, 20, 10, 10]) vocabulary")
    assert_equal(codes, [0, 1, 0, 2, 1, 1], "encode_labels([30, 10, 30, 20, 10, 10]) codes", dtype=tf.int32)


def test_encode_labels_works_on_strings(kata):
    vocabulary, codes = kata.encode_labels(tf.constant(["cat", "dog", "cat", "bird"]))
    assert_equal(vocabulary, np.array([b"cat", b"dog", b"bird"]), 'encode_labels(["cat", "dog", "cat", "bird"]) vocabulary')
    assert_equal(codes, [0, 1, 0, 2], 'encode_labels(["cat", "dog", "cat", "bird"]) codes')


def test_decode_labels_looks_each_code_up(kata):
    result = kata.decode_labels(tf.constant(["cat", "dog", "bird"]), tf.constant([2, 0, 1, 0, 0]))
    assert_equal(result, np.array([b"bird", b"cat", b"dog", b"cat", b"cat"]),
                 'decode_labels(["cat", "dog", "bird"], [2, 0, 1, 0, 0])')


@pytest.mark.parametrize("dtype", [np.int32, np.int64, np.float32])  # "Numbers" are any of these.
def test_decode_after_encode_rebuilds_the_labels(kata, dtype):
    labels = (np.random.default_rng(6).integers(0, 5, size=25) * 7).astype(dtype)
    vocabulary, codes = kata.encode_labels(tf.constant(labels))
    assert_equal(codes, [list(dict.fromkeys(labels.tolist())).index(label) for label in labels.tolist()],
                 f"encode_labels(25 {np.dtype(dtype).name} labels) codes", dtype=tf.int32)
    assert_equal(kata.decode_labels(vocabulary, codes), labels,
                 f"decode_labels(*encode_labels(25 {np.dtype(dtype).name} labels))")


def test_encode_labels_of_no_labels_is_empty(kata):
    vocabulary, codes = kata.encode_labels(tf.zeros([0], tf.int32))
    assert_equal(vocabulary, np.zeros([0], np.int32), "encode_labels([]) vocabulary")
    assert_equal(codes, np.zeros([0], np.int32), "encode_labels([]) codes")


@pytest.mark.parametrize("batch, n, k, m", [(2, 3, 4, 5), (3, 1, 6, 2)])
def test_batch_matmul_multiplies_matching_matrices(kata, batch, n, k, m):
    rng = np.random.default_rng(7)
    a = rng.normal(size=(batch, n, k)).astype(np.float32)
    b = rng.normal(size=(batch, k, m)).astype(np.float32)
    expected = np.stack([a[i] @ b[i] for i in range(batch)])
    assert_close(kata.batch_matmul(tf.constant(a), tf.constant(b)), expected,
                 f"batch_matmul([{batch}, {n}, {k}] @ [{batch}, {k}, {m}])", rtol=1e-5, atol=1e-5)


def test_matrix_summaries_on_the_worked_example(kata):
    inverses, determinants, traces = kata.matrix_summaries(tf.constant([[[2.0, 1.0], [7.0, 4.0]]]))
    what = "matrix_summaries([[[2, 1], [7, 4]]])"
    assert_close(inverses, [[[4.0, -1.0], [-7.0, 2.0]]], f"{what} inverses", dtype=tf.float32, rtol=1e-5, atol=1e-5)
    assert_close(determinants, [1.0], f"{what} determinants", dtype=tf.float32, rtol=1e-5, atol=1e-5)
    assert_close(traces, [6.0], f"{what} traces", dtype=tf.float32)


@pytest.mark.parametrize("shape, dtype", [((3, 4, 4), np.float64), ((2, 3, 3, 3), np.float32), ((5, 2, 2), np.float64)])
def test_matrix_summaries_match_numpy_linalg(kata, shape, dtype):
    rng = np.random.default_rng(11)
    n = shape[-1]
    matrices = (rng.normal(size=shape) + 3 * np.eye(n)).astype(dtype)   # Well away from singular.
    inverses, determinants, traces = kata.matrix_summaries(tf.constant(matrices))
    tolerance = 1e-4 if dtype == np.float32 else 1e-9
    what = f"matrix_summaries({np.dtype(dtype).name} {list(shape)})"
    assert_close(inverses, np.linalg.inv(matrices.astype(np.float64)), f"{what} inverses",
                 dtype=tf.as_dtype(dtype), rtol=tolerance, atol=tolerance)
    assert_close(determinants, np.linalg.det(matrices.astype(np.float64)), f"{what} determinants",
                 dtype=tf.as_dtype(dtype), rtol=tolerance, atol=tolerance)
    assert_close(traces, np.trace(matrices, axis1=-2, axis2=-1), f"{what} traces (sum of each main diagonal)",
                 dtype=tf.as_dtype(dtype), rtol=tolerance, atol=tolerance)
