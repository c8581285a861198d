"""Tests for kata 01. Oracles: numpy conversions, values worked out by hand, and statistics."""

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_dtype, assert_equal, assert_shape


@pytest.mark.parametrize("values", [
    np.array([[90, 85, 77], [70, 100, 64]]),          # numpy int64
    np.array([0.5, 1.25, -3.0]),                      # numpy float64
    [[1, 2], [3, 4], [5, 6], [7, 8]],                 # nested Python list
])
def test_to_float32_converts_numpy_and_lists(kata, values):
    result = kata.to_float32(values)
    assert tf.is_tensor(result), (
        f"to_float32({values!r}) returned {type(result).__name__}, expected a tf.Tensor")
    assert_close(result, np.asarray(values, np.float32), f"to_float32({values!r})", dtype=tf.float32)


def test_to_int_points_rounds_to_the_nearest_point(kata):
    scores = tf.constant([[89.6, 70.2, 55.5], [-1.7, 2.5, 99.49]])
    result = kata.to_int_points(scores)
    assert tf.is_tensor(result), f"to_int_points returned {type(result).__name__}, expected an int32 tf.Tensor"
    assert_equal(result, [[90, 70, 56], [-2, 2, 99]],
                 "to_int_points([[89.6, 70.2, 55.5], [-1.7, 2.5, 99.49]])", dtype=tf.int32)


def test_to_int_points_matches_numpy_rint_on_random_scores(kata):
    scores = np.random.default_rng(1).uniform(-50, 150, size=(3, 4, 5)).astype(np.float32)
    assert_equal(kata.to_int_points(tf.constant(scores)), np.rint(scores).astype(np.int32),
                 "to_int_points(3x4x5 random scores)", dtype=tf.int32)


def test_as_numpy_keeps_an_int_dtype(kata):
    result = kata.as_numpy(tf.constant([[3, -1], [0, 7], [2, 2]], tf.int32))
    assert isinstance(result, np.ndarray), f"as_numpy returned {type(result).__name__}, expected numpy.ndarray"
    assert_equal(result, np.array([[3, -1], [0, 7], [2, 2]], np.int32), "as_numpy(3x2 int32 tensor)", dtype=np.int32)


def test_as_numpy_returns_a_numpy_array_with_the_same_values(kata):
    scores = tf.constant([[1.5, 2.0, -0.25]])
    result = kata.as_numpy(scores)
    assert isinstance(result, np.ndarray), (
        f"as_numpy returned {type(result).__name__}, expected numpy.ndarray (an eager tensor has .numpy())")
    assert_close(result, [[1.5, 2.0, -0.25]], "as_numpy([[1.5, 2.0, -0.25]])", dtype=np.float32)


def test_filled_like_keeps_an_int_reference_int(kata):
    reference = tf.constant([[1, 2, 3], [4, 5, 6]])
    result = kata.filled_like(reference, 7)
    assert tf.is_tensor(result), f"filled_like returned {type(result).__name__}, expected a tf.Tensor"
    assert_equal(result, np.full((2, 3), 7, np.int32),
                 "filled_like(2x3 int32 tensor, 7)", dtype=tf.int32)


@pytest.mark.parametrize("shape, dtype, value", [
    ((4, 1, 5), tf.float64, 2.5),
    ((0, 3), tf.float32, 1.0),      # An empty reference gives an empty result of the same shape.
    ((6,), tf.int64, 3.0),          # A float value still fills an int64 tensor.
])
def test_filled_like_copies_shape_and_dtype(kata, shape, dtype, value):
    reference = tf.zeros(shape, dtype)
    expected = np.full(shape, value, dtype.as_numpy_dtype)
    assert_equal(kata.filled_like(reference, value), expected,
                 f"filled_like(zeros {list(shape)} {dtype.name}, {value})", dtype=dtype)


@pytest.mark.parametrize("inputs, units", [(3, 5), (6, 2)])
def test_make_parameters_builds_zero_weights_and_a_frozen_counter(kata, inputs, units):
    what = f"make_parameters({inputs}, {units})"
    weights, step = kata.make_parameters(inputs, units)
    assert isinstance(weights, tf.Variable), f"{what} weights is {type(weights).__name__}, expected a tf.Variable"
    assert_close(weights, np.zeros((inputs, units), np.float32), f"{what} weights", dtype=tf.float32)
    assert weights.trainable, f"{what} weights should be trainable"
    assert isinstance(step, tf.Variable), f"{what} step is {type(step).__name__}, expected a tf.Variable"
    assert_equal(step, np.int64(0), f"{what} step (a scalar)", dtype=tf.int64)
    assert not step.trainable, f"{what} step is trainable; pass trainable=False to tf.Variable"


def test_add_in_place_takes_a_python_list_and_adds_again(kata):
    variable = tf.Variable([1.0, 2.0])
    kata.add_in_place(variable, [10.0, 20.0])
    assert_close(variable, [11.0, 22.0], "v = tf.Variable([1., 2.]) after add_in_place(v, [10., 20.])")
    kata.add_in_place(variable, [0.5, -2.0])
    assert_close(variable, [11.5, 20.0], "the same v after a second add_in_place(v, [0.5, -2.])")


def test_add_in_place_updates_and_returns_the_same_variable(kata):
    variable = tf.Variable([[1.0, 2.0, 3.0], [4.0, 5.0, 6.0]])
    result = kata.add_in_place(variable, tf.constant([[10.0, 20.0, 30.0], [40.0, 50.0, 60.0]]))
    assert_close(variable, [[11.0, 22.0, 33.0], [44.0, 55.0, 66.0]], "the variable after add_in_place")
    assert result is variable, (
        f"add_in_place returned a new {type(result).__name__}; expected the same variable object it was given")


def test_seeded_noise_is_the_same_on_every_call(kata):
    first = kata.seeded_noise([4, 3], 11)
    assert tf.is_tensor(first), f"seeded_noise([4, 3], 11) returned {type(first).__name__}, expected a float32 tf.Tensor"
    assert_shape(first, (4, 3), "seeded_noise([4, 3], 11)")
    assert_dtype(first, tf.float32, "seeded_noise([4, 3], 11)")
    assert_equal(kata.seeded_noise([4, 3], 11), first, "a second call to seeded_noise([4, 3], 11)")


def test_seeded_noise_takes_any_shape(kata):
    noise = kata.seeded_noise([2, 3, 4], 5)
    assert_shape(noise, (2, 3, 4), "seeded_noise([2, 3, 4], 5)")
    assert_dtype(noise, tf.float32, "seeded_noise([2, 3, 4], 5)")


def test_seeded_noise_differs_between_seeds(kata):
    first, second = kata.seeded_noise([5, 2], 1), kata.seeded_noise([5, 2], 2)
    assert not np.array_equal(first.numpy(), second.numpy()), (
        "seeded_noise([5, 2], 1) and seeded_noise([5, 2], 2) are equal; different seeds should differ")


def test_seeded_noise_is_standard_normal(kata):
    sample = kata.seeded_noise([200, 50], 3).numpy()
    mean, std = float(sample.mean()), float(sample.std())
    assert abs(mean) < 0.05 and abs(std - 1.0) < 0.05, (
        f"seeded_noise([200, 50], 3) has mean {mean:.3f} and std {std:.3f}; expected about 0 and 1")


def numbered_examples(examples):
    # Row i of the features is [i, 10 i, 100 i] and its label is i, so misaligned pairs are easy to spot.
    features = np.arange(examples, dtype=np.float32)[:, None] * np.array([1, 10, 100], np.float32)
    return tf.constant(features), tf.constant(np.arange(examples, dtype=np.int32))


def test_shuffle_pairs_keeps_every_example_with_its_label(kata):
    features, labels = numbered_examples(20)
    shuffled_features, shuffled_labels = kata.shuffle_pairs(features, labels, 5)
    assert tf.is_tensor(shuffled_features) and tf.is_tensor(shuffled_labels), (
        f"shuffle_pairs returned ({type(shuffled_features).__name__}, {type(shuffled_labels).__name__}), "
        "expected two tf.Tensors")
    assert_shape(shuffled_features, (20, 3), "shuffle_pairs(20 examples) features")
    assert_equal(shuffled_features, features.numpy()[shuffled_labels.numpy()],
                 "shuffle_pairs(20 examples) features (row i should belong to shuffled label i)")
    assert_equal(np.sort(shuffled_labels.numpy()), np.arange(20), "the sorted labels after shuffle_pairs")
    assert not np.array_equal(shuffled_labels.numpy(), np.arange(20)), (
        "shuffle_pairs(20 examples) left the order unchanged; expected a shuffled order")


def test_shuffle_pairs_moves_whole_images_and_keeps_dtypes(kata):
    # Features [examples, 2, 2] (each example a tiny image filled with its number), int64 labels.
    images = tf.constant(np.arange(9, dtype=np.float32)[:, None, None] * np.ones((1, 2, 2), np.float32))
    labels = tf.constant(np.arange(9, dtype=np.int64))
    shuffled_images, shuffled_labels = kata.shuffle_pairs(images, labels, 3)
    assert_dtype(shuffled_labels, tf.int64, "shuffle_pairs(9 images, int64 labels) labels")
    assert_equal(np.sort(shuffled_labels.numpy()), np.arange(9), "the sorted int64 labels after shuffle_pairs")
    assert_equal(shuffled_images, images.numpy()[shuffled_labels.numpy()],
                 "shuffle_pairs(9 images of shape 2x2) images (image i should belong to shuffled label i)",
                 dtype=tf.float32)


def test_shuffle_pairs_depends_only_on_the_seed(kata):
    features, labels = numbered_examples(12)
    _, first = kata.shuffle_pairs(features, labels, 9)
    _, second = kata.shuffle_pairs(features, labels, 9)
    assert_equal(second, first, "shuffle_pairs(..., seed=9) labels on a second call")
    _, other = kata.shuffle_pairs(features, labels, 10)
    assert not np.array_equal(first.numpy(), other.numpy()), (
        "shuffle_pairs with seeds 9 and 10 gave the same order; the seed should matter")


def test_shuffle_pairs_accepts_no_examples(kata):
    features, labels = numbered_examples(0)
    shuffled_features, shuffled_labels = kata.shuffle_pairs(features, labels, 1)
    assert_shape(shuffled_features, (0, 3), "shuffle_pairs(0 examples) features")
    assert_shape(shuffled_labels, (0,), "shuffle_pairs(0 examples) labels")
