"""Tests for kata 21. Oracles: tf.nn.conv2d / max_pool2d / avg_pool2d, Keras' Conv2D and worked examples."""

import keras
import numpy as np
import pytest
import tensorflow as tf
from keras import layers

from tfkatas.testing import assert_close, assert_equal, calls_forbidden

# What the docstrings forbid; keras.ops.conv and Keras' pooling ops end in these tf.nn ones.
CONV_APIS = ("tf.nn.conv2d", "tf.nn.convolution", "keras.layers.Conv2D")
MAX_POOL_APIS = ("tf.nn.max_pool2d", "tf.nn.max_pool", "tf.nn.pool", "keras.layers.MaxPooling2D")
AVERAGE_POOL_APIS = ("tf.nn.avg_pool2d", "tf.nn.avg_pool", "tf.nn.pool", "keras.layers.AveragePooling2D")


def random_images(seed, shape):
    return tf.constant(np.random.default_rng(seed).normal(size=shape).astype(np.float32))


def counting_image(side):
    return tf.reshape(tf.range(1, side * side + 1, dtype=tf.float32), [1, side, side, 1])


@pytest.mark.parametrize("input_size, kernel_size, stride, padding", [
    (28, 3, 1, "valid"), (28, 3, 2, "valid"), (28, 3, 2, "same"), (28, 5, 1, "same"),
    (11, 4, 3, "valid"), (11, 4, 3, "same"), (10, 2, 2, "valid"), (7, 7, 1, "valid"),
    (30, 3, 1, "valid"),                         # The notes' 30x30 that stays 30x30: it is 28.
    (10, 4, 1, "same"), (8, 2, 1, "same"),       # Even kernels: the textbook (n + 2 * (k // 2) - k) // s + 1 is off.
    (10, 2, 3, "valid"), (10, 2, 3, "same"), (13, 1, 4, "valid"),  # Kernels smaller than the stride.
])
def test_conv_output_size_agrees_with_tf_nn_conv2d(kata, input_size, kernel_size, stride, padding):
    images = tf.zeros([1, input_size, 3, 1])
    kernel = tf.zeros([kernel_size, 1, 1, 1])
    expected = tf.nn.conv2d(images, kernel, [stride, 1], padding.upper()).shape[1]
    result = kata.conv_output_size(input_size, kernel_size, stride, padding)
    assert type(result) is int, f"conv_output_size returned {type(result).__name__}, expected a Python int"
    assert result == expected, (f"conv_output_size({input_size}, {kernel_size}, {stride}, {padding!r}) "
                                f"returned {result}, expected {expected}")


@pytest.mark.parametrize("input_size, kernel_size, stride, expected", [
    (7, 3, 1, (1, 1)), (8, 4, 2, (1, 1)), (8, 3, 2, (0, 1)), (9, 4, 1, (1, 2)), (10, 1, 3, (0, 0)), (5, 6, 2, (2, 3)),
    (13, 2, 5, (0, 0)), (10, 4, 1, (1, 2)),   # A kernel smaller than its stride: the total would be negative.
])
def test_same_padding_works_the_worked_examples(kata, input_size, kernel_size, stride, expected):
    result = tuple(int(n) for n in kata.same_padding(input_size, kernel_size, stride))
    assert result == expected, (f"same_padding({input_size}, {kernel_size}, {stride}) returned {result}, "
                                f"expected {expected} (zeros before, zeros after)")


@pytest.mark.parametrize("in_channels, out_channels, kernel_size, use_bias", [
    (3, 32, 3, True), (3, 32, 3, False), (32, 64, 5, True), (7, 2, 1, True), (1, 5, 4, False),
])
def test_conv_parameter_count_agrees_with_keras_conv2d(kata, in_channels, out_channels, kernel_size, use_bias):
    layer = layers.Conv2D(out_channels, kernel_size, use_bias=use_bias)
    layer.build((None, 16, 16, in_channels))
    expected = layer.count_params()
    result = kata.conv_parameter_count(in_channels, out_channels, kernel_size, use_bias=use_bias)
    assert result == expected and type(result) is int, (
        f"conv_parameter_count({in_channels}, {out_channels}, {kernel_size}, use_bias={use_bias}) returned "
        f"{result!r}, expected the Python int {expected} (Keras' Conv2D.count_params())")
    if use_bias:  # use_bias is True unless asked otherwise.
        default = kata.conv_parameter_count(in_channels, out_channels, kernel_size)
        assert default == expected, (f"conv_parameter_count({in_channels}, {out_channels}, {kernel_size}) returned "
                                     f"{default!r}, expected {expected}: use_bias defaults to True")


def test_conv2d_works_the_docstring_example(kata):
    with calls_forbidden("conv2d(1..9, ones [2, 2, 1, 1])", *CONV_APIS):
        result = kata.conv2d(tf.reshape(tf.range(1.0, 10.0), [1, 3, 3, 1]), tf.ones([2, 2, 1, 1]))
    assert_close(result, [[[[12.0], [16.0]], [[24.0], [28.0]]]], "conv2d(1..9 as [1, 3, 3, 1], ones [2, 2, 1, 1])")


@pytest.mark.parametrize("image_shape, kernel_shape, stride, padding", [
    ((3, 11, 14, 4), (3, 2, 4, 5), 1, "VALID"),   # Non-square kernel: a swapped kernel axis shows.
    ((2, 13, 10, 3), (3, 3, 3, 6), 2, "VALID"),
    ((4, 9, 12, 2), (4, 3, 2, 3), 3, "VALID"),
    ((2, 10, 9, 3), (3, 3, 3, 4), 1, "SAME"),
    ((3, 8, 11, 2), (4, 2, 2, 5), 2, "SAME"),     # Odd total padding: the extra zero goes after.
    ((2, 11, 10, 3), (2, 2, 3, 4), 3, "VALID"),   # A kernel smaller than the stride skips pixels.
    ((2, 11, 10, 3), (2, 1, 3, 4), 3, "SAME"),
])
def test_conv2d_matches_tf_nn_conv2d(kata, image_shape, kernel_shape, stride, padding):
    images = random_images(1, image_shape)
    kernel = random_images(2, kernel_shape)
    expected = tf.nn.conv2d(images, kernel, stride, padding)
    what = f"conv2d(images {list(image_shape)}, kernel {list(kernel_shape)}, stride {stride}, {padding})"
    with calls_forbidden(what, *CONV_APIS):
        result = kata.conv2d(images, kernel, stride=stride, padding=padding)
    assert_close(result, expected, what, rtol=1e-5, atol=1e-5)


def test_conv2d_matches_a_keras_conv2d_layer_without_bias(kata):
    images = random_images(3, (5, 12, 16, 3))
    layer = layers.Conv2D(8, (3, 5), strides=2, padding="valid", use_bias=False)
    expected = layer(images)
    kernel = tf.convert_to_tensor(layer.kernel)
    with calls_forbidden("conv2d(images, a Keras Conv2D's kernel)", *CONV_APIS):
        result = kata.conv2d(images, kernel, stride=2, padding="VALID")
    assert_close(result, expected, "conv2d(images [5, 12, 16, 3], a Keras Conv2D's [3, 5, 3, 8] kernel, stride 2)",
                 rtol=1e-5, atol=1e-5)


# Non-square images, windows that do and do not overlap, strides that leave a ragged edge.
# A window smaller than the stride (2, 3) leaves pixels out of every window.
POOL_CASES = [((3, 10, 13, 4), 2, 2), ((2, 11, 9, 3), 3, 2), ((4, 7, 8, 2), 2, 1), ((2, 12, 9, 5), 3, 3),
              ((2, 11, 10, 3), 2, 3)]


def test_max_pool_works_the_docstring_example(kata):
    with calls_forbidden("max_pool(1..16, 2, 2)", *MAX_POOL_APIS):
        result = kata.max_pool(counting_image(4), 2, 2)
    assert_close(result, [[[[6.0], [8.0]], [[14.0], [16.0]]]],
                 "max_pool(1..16 as [1, 4, 4, 1], 2, 2)")


@pytest.mark.parametrize("image_shape, pool_size, stride", POOL_CASES)
def test_max_pool_matches_tf_nn_max_pool2d(kata, image_shape, pool_size, stride):
    images = random_images(4, image_shape)
    expected = tf.nn.max_pool2d(images, pool_size, stride, "VALID")
    with calls_forbidden(f"max_pool(images {list(image_shape)}, {pool_size}, {stride})", *MAX_POOL_APIS):
        result = kata.max_pool(images, pool_size, stride)
    assert_close(result, expected,
                 f"max_pool(images {list(image_shape)}, {pool_size}, {stride})")


def test_average_pool_works_the_docstring_example(kata):
    with calls_forbidden("average_pool(1..16, 2, 2)", *AVERAGE_POOL_APIS):
        result = kata.average_pool(counting_image(4), 2, 2)
    assert_close(result, [[[[3.5], [5.5]], [[11.5], [13.5]]]],
                 "average_pool(1..16 as [1, 4, 4, 1], 2, 2)")


@pytest.mark.parametrize("image_shape, pool_size, stride", POOL_CASES)
def test_average_pool_matches_tf_nn_avg_pool2d(kata, image_shape, pool_size, stride):
    images = random_images(5, image_shape)
    expected = tf.nn.avg_pool2d(images, pool_size, stride, "VALID")
    with calls_forbidden(f"average_pool(images {list(image_shape)}, {pool_size}, {stride})", *AVERAGE_POOL_APIS):
        result = kata.average_pool(images, pool_size, stride)
    assert_close(result, expected,
                 f"average_pool(images {list(image_shape)}, {pool_size}, {stride})")
