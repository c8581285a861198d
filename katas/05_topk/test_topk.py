"""Tests for kata 05. Oracles: numpy sorting, tf.math.in_top_k and the notes' worked example."""

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal, assert_python_float

NOTES_PROBS = [[0.1, 0.2, 0.7], [0.2, 0.7, 0.1]]
NOTES_LABELS = [2, 0]


def random_scores(seed, rows, columns):
    return np.random.default_rng(seed).random((rows, columns)).astype(np.float32)


def test_sort_descending_sorts_each_row(kata):
    values = random_scores(1, 4, 7)
    assert_close(kata.sort_descending(tf.constant(values)), -np.sort(-values, axis=1),
                 "sort_descending(4x7 random scores)", dtype=tf.float32)


def test_ranking_lists_columns_from_best_to_worst(kata):
    values = random_scores(2, 5, 3)
    assert_equal(kata.ranking(tf.constant(values)), np.argsort(-values, axis=1, kind="stable"),
                 "ranking(5x3 random scores)", dtype=tf.int32)


def test_ranking_keeps_ties_in_their_original_order(kata):
    assert_equal(kata.ranking(tf.constant([[3, 1, 3, 2], [0, 0, 5, 0]])), [[0, 2, 3, 1], [2, 0, 1, 3]],
                 "ranking([[3, 1, 3, 2], [0, 0, 5, 0]])")


@pytest.mark.parametrize("k", [4, 1, 9])  # 9 is every class.
def test_top_classes_gives_values_and_indices_best_first(kata, k):
    probs = random_scores(3, 6, 9)
    values, indices = kata.top_classes(tf.constant(probs), k)
    expected_indices = np.argsort(-probs, axis=1, kind="stable")[:, :k]
    assert_equal(indices, expected_indices, f"top_classes(6x9 probs, {k}) indices", dtype=tf.int32)
    assert_close(values, np.take_along_axis(probs, expected_indices, axis=1), f"top_classes(6x9 probs, {k}) values",
                 dtype=tf.float32)


@pytest.mark.parametrize("k, expected", [(1, 0.5), (2, 1.0), (3, 1.0)])
def test_topk_accuracy_on_the_notes_example(kata, k, expected):
    result = kata.topk_accuracy(tf.constant(NOTES_PROBS), tf.constant(NOTES_LABELS), k)
    assert_python_float(result, expected, f"topk_accuracy(notes' probs, labels [2, 0], k={k})")


@pytest.mark.parametrize("k", [1, 2, 4, 5, 7, 11])  # 11 is every class: every row is a hit.
def test_topk_accuracy_agrees_with_in_top_k(kata, k):
    probs = random_scores(4, 37, 11)
    labels = np.random.default_rng(5).integers(0, 11, size=37).astype(np.int32)
    expected = float(np.mean(tf.math.in_top_k(labels, probs, k).numpy()))
    result = kata.topk_accuracy(tf.constant(probs), tf.constant(labels), k)
    assert_python_float(result, expected, f"topk_accuracy(37x11 random probs, k={k})")


def test_topk_accuracy_takes_int64_labels(kata):
    # "An int tensor" is int32 or int64; numpy's default integer is int64.
    probs = random_scores(6, 20, 8)
    labels = np.random.default_rng(7).integers(0, 8, size=20).astype(np.int64)
    expected = float(np.mean(tf.math.in_top_k(labels, probs, 4).numpy()))
    result = kata.topk_accuracy(tf.constant(probs), tf.constant(labels), 4)
    assert_python_float(result, expected, "topk_accuracy(20x8 random probs, int64 labels, k=4)")


@pytest.mark.parametrize("probs, label, k, expected", [
    ([[0.1, 0.3, 0.3, 0.3, 0.3, 0.0]], 4, 4, 1.0),  # Only ties score as high: a hit at k=4.
    ([[0.9, 0.8, 0.7, 0.6, 0.5, 0.1]], 5, 5, 0.0),  # Five classes are higher: a miss at k=5.

    ([[0.5, 0.5, 0.5]], 2, 1, 1.0),   # Nobody scores strictly higher than the true class.
    ([[0.3, 0.3, 0.4]], 1, 2, 1.0),   # Only 0.4 is higher: the tie at 0.3 still fits in the top 2.
    ([[0.3, 0.3, 0.4]], 1, 1, 0.0),   # One class is higher and k is 1: a miss.
    ([[0.2, 0.4, 0.4, 0.0]], 0, 2, 0.0),  # Two classes are higher: a miss at k=2.
])
def test_topk_accuracy_counts_ties_like_in_top_k(kata, probs, label, k, expected):
    result = kata.topk_accuracy(tf.constant(probs), tf.constant([label]), k)
    assert_python_float(result, expected, f"topk_accuracy({probs}, label {label}, k={k})")


def test_topk_accuracies_returns_a_dict_keyed_by_k(kata):
    result = kata.topk_accuracies(tf.constant(NOTES_PROBS), tf.constant(NOTES_LABELS), (1, 2, 3))
    assert isinstance(result, dict), f"topk_accuracies returned {type(result).__name__}, expected a dict"
    assert sorted(result) == [1, 2, 3], f"topk_accuracies returned keys {sorted(result)!r}, expected [1, 2, 3]"
    for k, expected in {1: 0.5, 2: 1.0, 3: 1.0}.items():
        assert_python_float(result[k], expected, f"topk_accuracies(...)[{k}]")


def test_topk_accuracies_takes_ks_in_any_order(kata):
    probs = random_scores(8, 30, 11)
    labels = np.random.default_rng(9).integers(0, 11, size=30).astype(np.int32)
    ks = [4, 1, 11, 6]
    expected = {k: float(np.mean(tf.math.in_top_k(labels, probs, k).numpy())) for k in ks}
    result = kata.topk_accuracies(tf.constant(probs), tf.constant(labels), ks)
    assert isinstance(result, dict), f"topk_accuracies returned {type(result).__name__}, expected a dict"
    assert sorted(result) == sorted(ks), (
        f"topk_accuracies(..., ks={ks}) returned keys {sorted(result)!r}, expected {sorted(ks)!r}")
    for k in ks:
        assert_python_float(result[k], expected[k], f"topk_accuracies(30x11 random probs, ks={ks})[{k}]")
