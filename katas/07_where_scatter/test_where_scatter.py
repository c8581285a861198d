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


def test_add_bonus_points_adds_into_the_existing_scores(kata):
    scores = tf.constant([[60.0, 70.0], [80.0, 90.0]])
    positions = tf.constant([[0, 1], [1, 0], [0, 1]], tf.int32)
    result = kata.add_bonus_points(scores, positions, tf.constant([5.0, 3.0, 2.0]))
    assert_equal(result, [[60.0, 77.0], [83.0, 90.0]],
                 "add_bonus_points([[60, 70], [80, 90]], [[0, 1], [1, 0], [0, 1]], [5, 3, 2])", dtype=tf.float32)


def test_add_bonus_points_matches_a_loop_on_random_scores(kata):
    rng = np.random.default_rng(7)
    scores = rng.uniform(40, 100, size=(4, 6)).astype(np.float32)
    positions = np.stack([rng.integers(0, 4, size=12), rng.integers(0, 6, size=12)], axis=1)
    bonus = rng.integers(1, 6, size=12).astype(np.float32)
    expected = scores.copy()
    for (student, subject), points in zip(positions, bonus):
        expected[student, subject] += points
    result = kata.add_bonus_points(tf.constant(scores), tf.constant(positions, tf.int64), tf.constant(bonus))
    assert_close(result, expected, "add_bonus_points(random scores [4, 6], 12 int64 positions with repeats)")


def test_replace_rows_on_the_worked_example(kata):
    scores = tf.constant([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    result = kata.replace_rows(scores, tf.constant([2, 0], tf.int32), tf.constant([[9.0, 9.0], [7.0, 8.0]]))
    assert_equal(result, [[7.0, 8.0], [3.0, 4.0], [9.0, 9.0]],
                 "replace_rows([[1, 2], [3, 4], [5, 6]], students [2, 0], [[9, 9], [7, 8]])", dtype=tf.float32)


def test_replace_rows_keeps_the_other_rows_of_an_int_sheet(kata):
    rng = np.random.default_rng(8)
    scores = rng.integers(1, 100, size=(6, 3)).astype(np.int32)
    students = np.array([4, 1, 5])
    new_rows = rng.integers(100, 200, size=(3, 3)).astype(np.int32)
    expected = scores.copy()
    expected[students] = new_rows
    result = kata.replace_rows(tf.constant(scores), tf.constant(students, tf.int64), tf.constant(new_rows))
    assert_equal(result, expected, "replace_rows(int32 scores [6, 3], int64 students [4, 1, 5], new rows [3, 3])",
                 dtype=tf.int32)


@pytest.mark.parametrize("shape", [(4, 5), (3, 8)])
def test_assign_block_writes_the_slice_in_place(kata, shape):
    rng = np.random.default_rng(9)
    start = rng.normal(size=shape).astype(np.float32)
    columns = (shape[1] + 1) // 2
    values = rng.normal(size=(2, columns)).astype(np.float32)
    table = tf.Variable(start)
    result = kata.assign_block(table, tf.constant(values))
    expected = start.copy()
    expected[1:3, ::2] = values
    assert result is table, (
        f"assign_block returned a {type(result).__name__} other than the tf.Variable it was given: "
        "change that variable in place with assign, then return it")
    assert_equal(table, expected, f"the variable {list(shape)} after assign_block (rows 1-2, columns 0, 2, 4, ...)")


def test_assign_block_on_the_worked_example(kata):
    table = tf.Variable(tf.zeros([4, 5]))
    kata.assign_block(table, tf.constant([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]]))
    expected = [[0.0] * 5, [1.0, 0.0, 2.0, 0.0, 3.0], [4.0, 0.0, 5.0, 0.0, 6.0], [0.0] * 5]
    assert_equal(table, expected, "tf.Variable(zeros [4, 5]) after assign_block([[1, 2, 3], [4, 5, 6]])")


def test_keep_subjects_on_the_worked_example(kata):
    result = kata.keep_subjects(tf.constant([[1, 2, 3], [4, 5, 6]]), tf.constant([True, False, True]))
    assert_equal(result, [[1, 3], [4, 6]], "keep_subjects([[1, 2, 3], [4, 5, 6]], [True, False, True])")


def test_keep_subjects_keeps_the_trailing_axes(kata):
    rng = np.random.default_rng(10)
    scores = rng.normal(size=(5, 4, 3)).astype(np.float32)
    keep = np.array([False, True, False, True])
    assert_equal(kata.keep_subjects(tf.constant(scores), tf.constant(keep)), scores[:, keep, :],
                 "keep_subjects(scores [5, 4, 3], keep [False, True, False, True]) (expected shape [5, 2, 3])")


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
