"""Plausible wrong answers to kata 19; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("valid output forgets the +1: (n - k) // s")
def conv_output_size(input_size, kernel_size, stride, padding):
    if padding.lower() == "valid":
        return (input_size - kernel_size) // stride
    return -(-input_size // stride)


@wrong_answer("same output rounds down: n // s instead of ceil(n / s)")
def conv_output_size(input_size, kernel_size, stride, padding):  # noqa: F811
    if padding.lower() == "valid":
        return (input_size - kernel_size) // stride + 1
    return input_size // stride


@wrong_answer("true division: returns a float such as 13.5")
def conv_output_size(input_size, kernel_size, stride, padding):  # noqa: F811
    if padding.lower() == "valid":
        return (input_size - kernel_size) / stride + 1
    return input_size / stride


@wrong_answer("puts the odd extra zero before (top/left) instead of after")
def same_padding(input_size, kernel_size, stride):
    output_size = -(-input_size // stride)
    total = max((output_size - 1) * stride + kernel_size - input_size, 0)
    return total - total // 2, total // 2


@wrong_answer("stride-1 rule for any stride: k - 1 zeros in total")
def same_padding(input_size, kernel_size, stride):  # noqa: F811
    total = kernel_size - 1
    return total // 2, total - total // 2


@wrong_answer("forgets the bias: in * k * k * out")
def conv_parameter_count(in_channels, out_channels, kernel_size, use_bias=True):
    return in_channels * kernel_size * kernel_size * out_channels


@wrong_answer("one bias per input channel instead of one per filter")
def conv_parameter_count(in_channels, out_channels, kernel_size, use_bias=True):  # noqa: F811
    return in_channels * kernel_size * kernel_size * out_channels + (in_channels if use_bias else 0)


@wrong_answer("flips the kernel (the textbook convolution), unlike tf.nn.conv2d")
def conv2d(images, kernel, stride=1, padding="VALID"):
    return tf.nn.conv2d(images, kernel[::-1, ::-1], stride, padding)


@wrong_answer("windows concatenated column-offset first (j, i): does not match the kernel's reshape order")
def conv2d(images, kernel, stride=1, padding="VALID"):  # noqa: F811
    kernel_height, kernel_width, in_channels, out_channels = kernel.shape
    if padding.upper() == "SAME":
        top, bottom = same_padding(images.shape[1], kernel_height, stride)
        left, right = same_padding(images.shape[2], kernel_width, stride)
        images = tf.pad(images, [[0, 0], [top, bottom], [left, right], [0, 0]])
    out_height = (images.shape[1] - kernel_height) // stride + 1
    out_width = (images.shape[2] - kernel_width) // stride + 1
    windows = [images[:, i:i + (out_height - 1) * stride + 1:stride, j:j + (out_width - 1) * stride + 1:stride, :]
               for j in range(kernel_width) for i in range(kernel_height)]
    patches = tf.concat(windows, axis=-1)
    return tf.matmul(patches, tf.reshape(kernel, [kernel_height * kernel_width * in_channels, out_channels]))


@wrong_answer("SAME pads total // 2 zeros on both sides: loses the odd extra zero")
def conv2d(images, kernel, stride=1, padding="VALID"):  # noqa: F811
    if padding.upper() == "SAME":
        top, _ = same_padding(images.shape[1], kernel.shape[0], stride)
        left, _ = same_padding(images.shape[2], kernel.shape[1], stride)
        images = tf.pad(images, [[0, 0], [top, top], [left, left], [0, 0]])
    return tf.nn.conv2d(images, kernel, stride, "VALID")


@wrong_answer("ignores stride: always slides one pixel at a time")
def conv2d(images, kernel, stride=1, padding="VALID"):  # noqa: F811
    if padding.upper() == "SAME":
        top, bottom = same_padding(images.shape[1], kernel.shape[0], 1)
        left, right = same_padding(images.shape[2], kernel.shape[1], 1)
        images = tf.pad(images, [[0, 0], [top, bottom], [left, right], [0, 0]])
    return tf.nn.conv2d(images, kernel, 1, "VALID")


@wrong_answer("max_pool takes the mean (average pooling)")
def max_pool(images, pool_size, stride):
    return tf.reduce_mean(_pool_windows(images, pool_size, stride), axis=0)


@wrong_answer("max_pool also takes the max across channels")
def max_pool(images, pool_size, stride):  # noqa: F811
    return tf.reduce_max(_pool_windows(images, pool_size, stride), axis=[0, 4], keepdims=True)[0]


@wrong_answer("average_pool ignores stride: windows overlap with stride 1")
def average_pool(images, pool_size, stride):
    return tf.reduce_mean(_pool_windows(images, pool_size, 1), axis=0)


@wrong_answer("average_pool sums the window instead of averaging it")
def average_pool(images, pool_size, stride):  # noqa: F811
    return tf.reduce_sum(_pool_windows(images, pool_size, stride), axis=0)


@wrong_answer("kernel_size // 2 zeros on each side (the odd-kernel rule), whatever the size and stride")
def same_padding(input_size, kernel_size, stride):  # noqa: F811
    return kernel_size // 2, kernel_size // 2


@wrong_answer("a bias for every kernel weight: (in_channels + 1) * k * k * out_channels")
def conv_parameter_count(in_channels, out_channels, kernel_size, use_bias=True):  # noqa: F811
    return (in_channels + int(bool(use_bias))) * kernel_size * kernel_size * out_channels


@wrong_answer("stacks the windows on a new last axis and flattens: channel-major patches, not the kernel's (i, j, c) order")
def conv2d(images, kernel, stride=1, padding="VALID"):  # noqa: F811
    kernel_height, kernel_width, in_channels, out_channels = kernel.shape
    if padding.upper() == "SAME":
        top, bottom = same_padding(images.shape[1], kernel_height, stride)
        left, right = same_padding(images.shape[2], kernel_width, stride)
        images = tf.pad(images, [[0, 0], [top, bottom], [left, right], [0, 0]])
    out_height = (images.shape[1] - kernel_height) // stride + 1
    out_width = (images.shape[2] - kernel_width) // stride + 1
    windows = [images[:, i:i + (out_height - 1) * stride + 1:stride, j:j + (out_width - 1) * stride + 1:stride, :]
               for i in range(kernel_height) for j in range(kernel_width)]
    stacked = tf.stack(windows, axis=-1)  # [batch, out_h, out_w, in_channels, k * k]
    patches = tf.reshape(stacked, [-1, out_height, out_width, kernel_height * kernel_width * in_channels])
    return tf.matmul(patches, tf.reshape(kernel, [kernel_height * kernel_width * in_channels, out_channels]))
