"""Tests for kata 06. Oracles: numpy concatenate/stack/split/pad/clip and norms computed by hand."""

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal

STUDENTS, SUBJECTS = 5, 6


def random_scores(seed, *shape):
    return np.random.default_rng(seed).integers(0, 101, size=shape).astype(np.float32)


def check_list(result, expected, what):
    assert isinstance(result, (list, tuple)), f"{what} returned {type(result).__name__}, expected a list of tensors"
    assert len(result) == len(expected), f"{what} returned {len(result)} pieces, expected {len(expected)}"
    for index, (piece, wanted) in enumerate(zip(result, expected)):
        assert_close(piece, wanted, f"{what}[{index}]")


def test_join_classes_appends_the_second_years_classes(kata):
    first, second = random_scores(1, 4, STUDENTS, SUBJECTS), random_scores(2, 2, STUDENTS, SUBJECTS)
    assert_equal(kata.join_classes(tf.constant(first), tf.constant(second)), np.concatenate([first, second]),
                 "join_classes(scores [4, 5, 6], scores [2, 5, 6])")


def test_join_classes_with_an_empty_year_is_the_other_year(kata):
    first = random_scores(3, 3, STUDENTS, SUBJECTS)
    empty = np.zeros((0, STUDENTS, SUBJECTS), np.float32)
    assert_equal(kata.join_classes(tf.constant(first), tf.constant(empty)), first,
                 "join_classes(scores [3, 5, 6], scores [0, 5, 6])")


def test_stack_exams_pairs_midterm_and_final_per_student(kata):
    midterm, final = random_scores(4, STUDENTS, SUBJECTS), random_scores(5, STUDENTS, SUBJECTS)
    assert_equal(kata.stack_exams(tf.constant(midterm), tf.constant(final)), np.stack([midterm, final], axis=1),
                 "stack_exams(midterm [5, 6], final [5, 6])")


@pytest.mark.parametrize("num_or_sizes", [3, [1, 4, 1], [6], [2, 0, 4]])
def test_split_subjects_by_count_and_by_sizes(kata, num_or_sizes):
    scores = random_scores(6, STUDENTS, SUBJECTS)
    cuts = np.cumsum(num_or_sizes)[:-1] if isinstance(num_or_sizes, list) else num_or_sizes
    check_list(kata.split_subjects(tf.constant(scores), num_or_sizes), np.split(scores, cuts, axis=1),
               f"split_subjects(scores [5, 6], {num_or_sizes})")


def test_unstack_subjects_gives_one_vector_per_subject(kata):
    scores = random_scores(7, STUDENTS, SUBJECTS)
    check_list(kata.unstack_subjects(tf.constant(scores)), [scores[:, j] for j in range(SUBJECTS)],
               "unstack_subjects(scores [5, 6])")


def test_pad_images_puts_a_one_pixel_frame_around_a_pixel(kata):
    expected = np.zeros((1, 3, 3, 1), np.float32)
    expected[0, 1, 1, 0] = 5.0
    assert_equal(kata.pad_images(tf.constant([[[[5.0]]]]), 1), expected, "pad_images([[[[5.]]]], 1)")


@pytest.mark.parametrize("border", [2, 0])
def test_pad_images_pads_height_and_width_only(kata, border):
    images = np.random.default_rng(8).random((2, 3, 4, 3)).astype(np.float32)
    expected = np.pad(images, [(0, 0), (border, border), (border, border), (0, 0)])
    assert_equal(kata.pad_images(tf.constant(images), border), expected, f"pad_images(images [2, 3, 4, 3], {border})")


def test_clip_scores_limits_both_ends(kata):
    assert_equal(kata.clip_scores(tf.constant([[-5.0, 50.0, 130.0], [100.0, 0.0, 99.5]]), 0.0, 100.0),
                 [[0.0, 50.0, 100.0], [100.0, 0.0, 99.5]], "clip_scores([[-5, 50, 130], [100, 0, 99.5]], 0, 100)")


def test_clip_scores_works_on_int_scores(kata):
    scores = np.random.default_rng(9).integers(-50, 150, size=(4, 7)).astype(np.int32)
    assert_equal(kata.clip_scores(tf.constant(scores), 10, 90), np.clip(scores, 10, 90),
                 "clip_scores(int32 scores [4, 7], 10, 90)", dtype=tf.int32)


@pytest.mark.parametrize("max_norm, expected", [(1.0, [0.6, 0.8]), (10.0, [3.0, 4.0]), (5.0, [3.0, 4.0])])
def test_limit_step_keeps_the_direction(kata, max_norm, expected):
    assert_close(kata.limit_step(tf.constant([3.0, 4.0]), max_norm), expected, f"limit_step([3., 4.], {max_norm})")


@pytest.mark.parametrize("max_norm", [2.5, 100.0])
def test_limit_step_on_a_seven_long_step(kata, max_norm):
    step = np.random.default_rng(11).normal(size=7).astype(np.float32) * 3
    norm = float(np.sqrt((step.astype(np.float64) ** 2).sum()))
    expected = step * min(1.0, max_norm / norm)
    assert_close(kata.limit_step(tf.constant(step), max_norm), expected, f"limit_step(a step of norm {norm:.2f}, {max_norm})")


def test_limit_step_leaves_a_zero_step_at_zero(kata):
    assert_equal(kata.limit_step(tf.zeros([3]), 1.0), [0.0, 0.0, 0.0],
                 "limit_step([0., 0., 0.], 1.0) (a zero step is short enough: zeros, not NaNs)")


def three_gradients():
    rng = np.random.default_rng(10)
    return [rng.normal(size=shape).astype(np.float32) * 3 for shape in [(4, 3), (3,), (2, 5)]]


def test_clip_gradients_on_the_worked_example(kata):
    result = kata.clip_gradients([tf.constant([3.0]), tf.constant([0.0, 4.0])], 1.0)
    check_list(result, [[0.6], [0.0, 0.8]], "clip_gradients([[3.], [0., 4.]], 1.0)")


def test_clip_gradients_scales_every_tensor_by_one_factor(kata):
    gradients = three_gradients()
    global_norm = np.sqrt(sum(float((g.astype(np.float64) ** 2).sum()) for g in gradients))
    assert global_norm > 2.0, "test data should have a global norm above the limit"
    expected = [g * (2.0 / global_norm) for g in gradients]
    check_list(kata.clip_gradients([tf.constant(g) for g in gradients], 2.0), expected,
               "clip_gradients(3 gradients, 2.0)")


def test_clip_gradients_leaves_small_gradients_alone(kata):
    gradients = three_gradients()
    check_list(kata.clip_gradients([tf.constant(g) for g in gradients], 1000.0), gradients,
               "clip_gradients(3 gradients, 1000.0)")


def test_clip_gradients_leaves_zero_gradients_at_zero(kata):
    check_list(kata.clip_gradients([tf.zeros([2, 3]), tf.zeros([4])], 1.0), [np.zeros((2, 3)), np.zeros(4)],
               "clip_gradients(two all-zero gradients, 1.0) (zeros, not NaNs)")
