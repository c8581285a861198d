"""Tests for kata 07. Oracles: numpy argwhere/where, Python loops over positions and grid points."""

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal


def test_true_positions_on_the_worked_example(kata):
    mask = tf.constant([[True, False, False], [False, True, True]])
    assert_equal(kata.true_positions(mask), [[0, 0], [1, 1], [1, 2]],
                 "true_positions([[True, False, False], [False, True, True]])", dtype=tf.int64)


@pytest.mark.parametrize("shape", [(4, 5, 3), (7,)])
def test_true_positions_matches_numpy_argwhere(kata, shape):
    mask = np.random.default_rng(1).random(shape) > 0.6
    assert_equal(kata.true_positions(tf.constant(mask)), np.argwhere(mask), f"true_positions(random mask {shape})",
                 dtype=tf.int64)


def test_true_positions_of_an_all_false_mask_is_empty(kata):
    assert_equal(kata.true_positions(tf.zeros([3, 2], tf.bool)), np.zeros((0, 2), np.int64),
                 "true_positions(all-False mask [3, 2])")


def test_replace_negatives_keeps_zero_and_positive_scores(kata):
    scores = tf.constant([[-1.0, 0.0, 7.0], [3.0, -2.0, 95.0]])
    assert_equal(kata.replace_negatives(scores, 50.0), [[50.0, 0.0, 7.0], [3.0, 50.0, 95.0]],
                 "replace_negatives([[-1, 0, 7], [3, -2, 95]], 50)")


def test_replace_negatives_on_int_scores(kata):
    scores = np.random.default_rng(2).integers(-20, 100, size=(5, 4)).astype(np.int32)
    assert_equal(kata.replace_negatives(tf.constant(scores), 60), np.where(scores < 0, 60, scores),
                 "replace_negatives(int32 scores [5, 4], 60)", dtype=tf.int32)


def test_safe_divide_gives_zero_for_a_zero_denominator(kata):
    result = kata.safe_divide(tf.constant([6.0, 1.0, 5.0, 0.0]), tf.constant([3.0, 0.0, -2.0, 0.0]))
    assert_close(result, [2.0, 0.0, -2.5, 0.0], "safe_divide([6, 1, 5, 0], [3, 0, -2, 0])", dtype=tf.float32)


def test_safe_divide_on_a_sheet_of_quotients(kata):
    rng = np.random.default_rng(4)
    numerators = rng.normal(size=(3, 4)).astype(np.float32)
    denominators = rng.integers(-2, 3, size=(3, 4)).astype(np.float32)
    assert (denominators == 0).any() and (denominators != 0).any(), "test data should mix zero and other denominators"
    expected = np.where(denominators == 0, 0.0, numerators / np.where(denominators == 0, 1.0, denominators))
    assert_close(kata.safe_divide(tf.constant(numerators), tf.constant(denominators)), expected,
                 "safe_divide(numerators [3, 4], denominators [3, 4] with zeros)", dtype=tf.float32)


def test_score_sheet_adds_points_at_their_positions(kata):
    positions = tf.constant([[0, 1], [2, 0], [3, 1]], tf.int32)
    result = kata.score_sheet(positions, tf.constant([5.0, 3.0, 2.0]), [4, 2])
    assert_equal(result, [[0.0, 5.0], [0.0, 0.0], [3.0, 0.0], [0.0, 2.0]],
                 "score_sheet([[0, 1], [2, 0], [3, 1]], [5, 3, 2], [4, 2])", dtype=tf.float32)


def test_score_sheet_sums_repeated_positions(kata):
    rng = np.random.default_rng(3)
    positions = np.stack([rng.integers(0, 3, size=30), rng.integers(0, 5, size=30)], axis=1).astype(np.int32)
    points = rng.integers(1, 10, size=30).astype(np.float32)
    expected = np.zeros((3, 5), np.float32)
    for (student, subject), point in zip(positions, points):
        expected[student, subject] += point
    assert_close(kata.score_sheet(tf.constant(positions), tf.constant(points), [3, 5]), expected,
                 "score_sheet(30 positions with repeats, shape [3, 5])")


def test_score_sheet_keeps_students_and_subjects_without_points(kata):
    positions = tf.constant([[1, 0], [0, 2]], tf.int32)
    result = kata.score_sheet(positions, tf.constant([4.0, 6.0]), [5, 4])
    expected = np.zeros((5, 4), np.float32)
    expected[1, 0], expected[0, 2] = 4.0, 6.0
    assert_equal(result, expected, "score_sheet([[1, 0], [0, 2]], [4, 6], [5, 4]) (the sheet has the shape asked for)",
                 dtype=tf.float32)


def test_coordinate_grid_on_the_worked_example(kata):
    result = kata.coordinate_grid(tf.constant([0.0, 1.0, 2.0]), tf.constant([10.0, 20.0]))
    expected = [[[0.0, 10.0], [1.0, 10.0], [2.0, 10.0]], [[0.0, 20.0], [1.0, 20.0], [2.0, 20.0]]]
    assert_equal(result, expected, "coordinate_grid([0, 1, 2], [10, 20])")


def test_coordinate_grid_matches_a_loop(kata):
    xs, ys = np.linspace(-1, 1, 5).astype(np.float32), np.linspace(0, 3, 4).astype(np.float32)
    expected = np.array([[[x, y] for x in xs] for y in ys], np.float32)
    assert_equal(kata.coordinate_grid(tf.constant(xs), tf.constant(ys)), expected,
                 "coordinate_grid(5 xs, 4 ys)")


def test_evaluate_on_grid_matches_a_loop(kata):
    xs, ys = np.linspace(-2, 2, 6).astype(np.float32), np.linspace(0, 1, 3).astype(np.float32)

    def function(x, y):
        return x ** 2 + 3 * y

    expected = np.array([[function(x, y) for x in xs] for y in ys], np.float32)
    assert_close(kata.evaluate_on_grid(function, tf.constant(xs), tf.constant(ys)), expected,
                 "evaluate_on_grid(x ** 2 + 3 y, 6 xs, 3 ys)")


def test_evaluate_on_grid_calls_the_function_once_on_the_whole_grid(kata):
    xs, ys = tf.constant([1.0, 2.0, 3.0, 4.0]), tf.constant([0.0, 1.0, -1.0])
    shapes = []

    def function(x, y):
        shapes.append((tuple(x.shape), tuple(y.shape)))
        return x + 10 * y

    expected = np.array([[x + 10 * y for x in xs.numpy()] for y in ys.numpy()], np.float32)
    result = kata.evaluate_on_grid(function, xs, ys)
    assert shapes == [((3, 4), (3, 4))], (
        f"evaluate_on_grid called function {len(shapes)} time(s) with shapes {shapes}, expected one call on "
        "two [height, width] = [3, 4] tensors")
    assert_close(result, expected, "evaluate_on_grid(x + 10 y, 4 xs, 3 ys)")
