"""Tests for kata 03. Oracles: numpy reshape/transpose/tile and tf.broadcast_static_shape."""

import numpy as np
import pytest
import tensorflow as tf

from tfkatas.testing import assert_close, assert_equal, calls_forbidden

BATCH, HEIGHT, WIDTH, CHANNELS = 2, 5, 7, 3  # All different, so a swapped axis changes the shape.


@pytest.fixture(scope="module")
def images():
    rng = np.random.default_rng(3)
    return rng.random((BATCH, HEIGHT, WIDTH, CHANNELS)).astype(np.float32)


def test_flatten_pixels_merges_height_and_width_row_by_row(kata, images):
    expected = images.reshape(BATCH, HEIGHT * WIDTH, CHANNELS)
    assert_close(kata.flatten_pixels(tf.constant(images)), expected, "flatten_pixels(images [2, 5, 7, 3])",
                 dtype=tf.float32)


def test_flatten_pixels_works_for_a_single_grey_photo(kata):
    image = np.arange(12, dtype=np.float32).reshape(1, 3, 4, 1)
    assert_equal(kata.flatten_pixels(tf.constant(image)), image.reshape(1, 12, 1),
                 "flatten_pixels(one 3x4 grey photo [1, 3, 4, 1])")


def test_channels_first_moves_the_channel_axis(kata, images):
    expected = np.transpose(images, (0, 3, 1, 2))
    assert_equal(kata.channels_first(tf.constant(images)), expected, "channels_first(images [2, 5, 7, 3])")


@pytest.mark.parametrize("values", [[1, 2, 3], [0.5, -1.0, 2.0, 4.0, 8.0], []])
def test_as_column_makes_an_n_by_1_column(kata, values):
    array = np.array(values, np.float32)
    assert_equal(kata.as_column(tf.constant(array)), array.reshape(-1, 1), f"as_column({values})")


@pytest.mark.parametrize("batch", [4, 1, 0])
def test_squeeze_predictions_drops_only_the_last_axis(kata, batch):
    predictions = np.arange(batch, dtype=np.float32).reshape(batch, 1) / 2
    assert_equal(kata.squeeze_predictions(tf.constant(predictions)), predictions.reshape(batch),
                 f"squeeze_predictions(predictions [{batch}, 1])")


def broadcast_by_tensorflow(a, b):
    """The oracle: the shape TensorFlow's own rule gives, or None when the shapes cannot broadcast."""
    try:
        return tuple(tf.broadcast_static_shape(tf.TensorShape(a), tf.TensorShape(b)).as_list())
    except ValueError:
        return None


BROADCAST_HELPERS = ("tf.broadcast_static_shape", "tf.broadcast_dynamic_shape", "np.broadcast_shapes")


def check_broadcast_shape(kata, a, b):
    expected = broadcast_by_tensorflow(a, b)
    call = f"broadcast_shape({a!r}, {b!r})"
    # The docstring asks for the rule in plain Python: the libraries' own helpers raise while it runs.
    with calls_forbidden(call, *BROADCAST_HELPERS):
        if expected is None:
            with pytest.raises(ValueError):
                result = kata.broadcast_shape(a, b)
                raise AssertionError(f"{call} returned {result!r}, expected a ValueError (the shapes cannot broadcast)")
            return
        result = kata.broadcast_shape(a, b)
    assert isinstance(result, tuple), f"{call} returned {type(result).__name__} {result!r}, expected a tuple"
    assert all(type(length) is int for length in result), (
        f"{call} returned {result!r} with elements of types {[type(length).__name__ for length in result]}, "
        "expected Python ints")
    assert result == expected, f"{call} returned {result!r}, expected {expected!r}"


@pytest.mark.parametrize("a, b", [
    ((4, 16, 16, 32), (32,)),       # The notes' example: a bias added to a feature map.
    ((3, 1), (1, 5)),               # Both sides stretch.
    ((5, 4), (4,)),
    ((2, 1, 6), (7, 1)),
    ((), (2, 3)),                   # A scalar broadcasts against anything.
    ([6, 1], [1]),                  # Lists work as well as tuples.
])
def test_broadcast_shape_matches_tensorflow(kata, a, b):
    check_broadcast_shape(kata, a, b)


@pytest.mark.parametrize("a, b", [((1,), (0,)), ((0, 3), (1, 3)), ((4, 0), (1,))])
def test_broadcast_shape_stretches_1_to_0(kata, a, b):
    check_broadcast_shape(kata, a, b)


@pytest.mark.parametrize("a, b", [((2, 3), (3, 2)), ((4, 3), (4,)), ((2,), (0,)), ((5, 2, 3), (2, 2))])
def test_broadcast_shape_raises_value_error_when_lengths_clash(kata, a, b):
    check_broadcast_shape(kata, a, b)


def test_broadcast_shape_agrees_with_tensorflow_on_random_shapes(kata):
    rng = np.random.default_rng(4)
    for _ in range(200):
        a = tuple(int(n) for n in rng.choice([0, 1, 2, 3], size=rng.integers(0, 5)))
        b = tuple(int(n) for n in rng.choice([0, 1, 2, 3], size=rng.integers(0, 5)))
        check_broadcast_shape(kata, a, b)


def test_repeat_row_fills_a_table(kata):
    row = np.array([1, 2, 3, 4], np.int32)
    assert_equal(kata.repeat_row(tf.constant(row), 3), np.tile(row, (3, 1)), "repeat_row([1, 2, 3, 4], 3)",
                 dtype=tf.int32)


def test_repeat_row_makes_more_rows_than_columns(kata):
    row = np.array([0.5, -1.5], np.float32)
    assert_equal(kata.repeat_row(tf.constant(row), 5), np.tile(row, (5, 1)), "repeat_row([0.5, -1.5], 5)",
                 dtype=tf.float32)


def test_repeat_row_with_zero_rows_is_empty(kata):
    assert_equal(kata.repeat_row(tf.constant([1.0, 2.0]), 0), np.zeros((0, 2), np.float32),
                 "repeat_row([1.0, 2.0], 0)")


def test_tile_pattern_copies_the_whole_pattern(kata):
    pattern = np.array([[1, 2, 3], [4, 5, 6]], np.int32)
    assert_equal(kata.tile_pattern(tf.constant(pattern), 2, 3), np.tile(pattern, (2, 3)),
                 "tile_pattern([[1, 2, 3], [4, 5, 6]], 2, 3)")


def test_tile_pattern_once_each_way_is_the_pattern(kata):
    pattern = np.random.default_rng(5).random((3, 4)).astype(np.float32)
    assert_close(kata.tile_pattern(tf.constant(pattern), 1, 1), pattern, "tile_pattern(3x4 pattern, 1, 1)")
