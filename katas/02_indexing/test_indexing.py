"""Tests for kata 02. Oracles are plain numpy indexing and Python loops, never the solution."""

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal

CLASSES, STUDENTS, SUBJECTS = 4, 5, 6  # All different, so a swapped axis changes the shape.


@pytest.fixture(scope="module")
def scores():
    rng = np.random.default_rng(2)
    return tf.constant(rng.integers(0, 101, size=(CLASSES, STUDENTS, SUBJECTS)).astype(np.float32))


def random_rows(seed, n, highs):
    rng = np.random.default_rng(seed)
    return np.stack([rng.integers(0, high, size=n) for high in highs], axis=1).astype(np.int32)


def test_scores_at_reads_the_notes_example(kata, scores):
    queries = tf.constant([[0, 0, 1], [1, 2, 1]])
    expected = [scores[0, 0, 1], scores[1, 2, 1]]
    assert_close(kata.scores_at(scores, queries), expected, "scores_at(scores, [[0, 0, 1], [1, 2, 1]])",
                 dtype=tf.float32)


def test_scores_at_matches_a_loop_on_random_queries(kata, scores):
    queries = random_rows(seed=3, n=9, highs=(CLASSES, STUDENTS, SUBJECTS))
    expected = [scores.numpy()[c, s, j] for c, s, j in queries]
    assert_close(kata.scores_at(scores, tf.constant(queries)), expected, "scores_at(scores, 9 random queries)")


def test_scores_at_takes_int64_queries(kata, scores):
    # "An int tensor" is int32 or int64; numpy's default integer is int64.
    queries = random_rows(seed=8, n=6, highs=(CLASSES, STUDENTS, SUBJECTS)).astype(np.int64)
    expected = [scores.numpy()[c, s, j] for c, s, j in queries]
    assert_close(kata.scores_at(scores, tf.constant(queries)), expected, "scores_at(scores, 6 int64 queries)",
                 dtype=tf.float32)


def test_scores_at_with_no_queries_is_empty(kata, scores):
    queries = tf.zeros([0, 3], tf.int32)
    assert_close(kata.scores_at(scores, queries), np.zeros([0], np.float32), "scores_at(scores, no queries)")


def test_transcripts_returns_whole_subject_rows(kata, scores):
    pairs = random_rows(seed=4, n=7, highs=(CLASSES, STUDENTS))
    expected = np.stack([scores.numpy()[c, s, :] for c, s in pairs])
    assert_close(kata.transcripts(scores, tf.constant(pairs)), expected, "transcripts(scores, 7 pairs)",
                 dtype=tf.float32)


@pytest.mark.parametrize("dtype", [tf.int32, tf.int64])
def test_transcripts_takes_int32_and_int64_pairs(kata, scores, dtype):
    pairs = [[3, 4], [0, 0], [3, 1]]
    expected = np.stack([scores.numpy()[c, s, :] for c, s in pairs])
    assert_close(kata.transcripts(scores, tf.constant(pairs, dtype)), expected,
                 f"transcripts(scores, {pairs} as {dtype.name})", dtype=tf.float32)


def test_transcripts_of_no_pairs_is_empty(kata, scores):
    assert_close(kata.transcripts(scores, tf.zeros([0, 2], tf.int32)), np.zeros([0, SUBJECTS], np.float32),
                 "transcripts(scores, no pairs)")


def test_class_subjects_keeps_the_requested_order(kata, scores):
    class_ids, subject_ids = [2, 0, 3], [5, 1]
    expected = scores.numpy()[class_ids][:, :, subject_ids]
    assert_close(kata.class_subjects(scores, tf.constant(class_ids), tf.constant(subject_ids)), expected,
                 "class_subjects(scores, [2, 0, 3], [5, 1])")


def test_class_subjects_allows_repeats_and_int64_ids(kata, scores):
    class_ids, subject_ids = [1, 1], [0, 0, 4]
    expected = scores.numpy()[class_ids][:, :, subject_ids]
    result = kata.class_subjects(scores, tf.constant(class_ids, tf.int64), tf.constant(subject_ids, tf.int64))
    assert_close(result, expected, "class_subjects(scores, [1, 1], [0, 0, 4]) with int64 ids")


def honor_roll_by_loop(scores, min_average):
    rows = [scores[c, s] for c in range(scores.shape[0]) for s in range(scores.shape[1])
            if scores[c, s].mean() >= min_average]
    return np.array(rows, np.float32).reshape(-1, scores.shape[2])


def test_honor_roll_matches_a_loop_in_class_major_order(kata, scores):
    expected = honor_roll_by_loop(scores.numpy(), 52.0)
    assert 0 < len(expected) < CLASSES * STUDENTS, "test data should put some students on the roll"
    assert_close(kata.honor_roll(scores, 52.0), expected, "honor_roll(scores, 52.0)")


def test_honor_roll_includes_an_average_exactly_at_the_threshold(kata):
    # Class 0 averages 60 and 50, class 1 averages 70 and exactly 60: three students make the roll.
    scores = tf.constant([[[60.0, 60.0], [40.0, 60.0]], [[80.0, 60.0], [50.0, 70.0]]])
    expected = [[60.0, 60.0], [80.0, 60.0], [50.0, 70.0]]
    assert_close(kata.honor_roll(scores, 60.0), expected, "honor_roll(scores, 60.0) with averages 60, 50, 70, 60")


def test_honor_roll_can_be_empty(kata, scores):
    assert_close(kata.honor_roll(scores, 101.0), np.zeros([0, SUBJECTS], np.float32), "honor_roll(scores, 101.0)")


@pytest.mark.parametrize("count", [2, 5, 0])
def test_last_students_slices_the_student_axis(kata, scores, count):
    expected = scores.numpy()[:, STUDENTS - count:, :]
    assert_close(kata.last_students(scores, count), expected, f"last_students(scores, {count})")


def test_subjects_reversed_flips_only_the_last_axis(kata, scores):
    assert_equal(kata.subjects_reversed(scores), scores.numpy()[:, :, ::-1], "subjects_reversed(scores)")
