"""Kata 21 — Convolution and pooling.

A convolution layer slides a small kernel over an image batch `[batch, height, width,
channels]` and, at every position, multiplies the window it covers by the kernel and sums.
Here you work out the sizes and parameter counts a `Conv2D` layer reports, then write the
convolution itself and max/average pooling with plain tensor operations, checked against
`tf.nn.conv2d`, `tf.nn.max_pool2d`, `tf.nn.avg_pool2d` and Keras' `Conv2D`.

Kernels follow TensorFlow's layout `[kernel_height, kernel_width, in_channels, out_channels]`.
Like TensorFlow (and unlike the textbook definition) a "convolution" here does not flip the
kernel: output[b, y, x, o] = sum over i, j, c of window[i, j, c] * kernel[i, j, c, o].

Run `make kata N=21` to test your answers, `make hint N=21` when stuck.
"""

import tensorflow as tf


def conv_output_size(input_size, kernel_size, stride, padding):
    """The output length along one axis of a convolution or pooling, as a Python int.

    `padding` is "valid" (no padding: the kernel stays inside the image) or "same" (zeros
    are added so that the output is ceil(input_size / stride) long).
    Examples: (28, 3, 1, "valid") -> 26; (28, 3, 2, "valid") -> 13; (28, 3, 2, "same") -> 14.

    Worked example: a 3x3 "valid" convolution of a 30x30 image gives 28x28, not 30x30. The
    notes say "valid" only shrinks the image when the sizes do not divide evenly; in fact
    it shrinks whenever the kernel is wider than 1 pixel: only 30 - 3 + 1 = 28 positions fit.
    "same" keeps the size only at stride 1, and it is ceil(n / s) even for an even kernel,
    where the textbook (n + 2p - k) // s + 1 with p = k // 2 would say (10, 4, 1) -> 11: TensorFlow
    pads 3 zeros (1 before, 2 after), not 4, and gives 10. A kernel smaller than its stride
    skips pixels: (10, 2, 3, "valid") -> 3 windows, starting at 0, 3 and 6.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("\"valid\": count the positions where the whole kernel fits, one every `stride` pixels; \"same\": ceiling division on ints.")


def same_padding(input_size, kernel_size, stride):
    """How many zeros "same" padding adds before and after one axis: a pair of ints.

    The total is whatever makes the output ceil(input_size / stride) long (never negative);
    when it is odd, TensorFlow puts the extra zero *after* (bottom / right).
    Examples: (7, 3, 1) -> (1, 1); (8, 4, 2) -> (1, 1); (8, 3, 2) -> (0, 1); (9, 4, 1) -> (1, 2);
    (13, 2, 5) -> (0, 0): a kernel smaller than its stride may need no padding at all.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the total is the span a strided kernel needs to cover the output, minus the input (never < 0); less before.")


def conv_parameter_count(in_channels, out_channels, kernel_size, use_bias=True):
    """The number of weights in a Conv2D layer with a square kernel, as a Python int.

    Each of the `out_channels` filters has kernel_size * kernel_size * in_channels weights
    plus one bias (when use_bias is set).
    Example: (3, 32, 3) -> (3 * 3 * 3 + 1) * 32 = 896; with use_bias=False -> 864.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("count one filter first: its kernel spans every input channel, and it has its own bias.")


def conv2d(images, kernel, stride=1, padding="VALID"):
    """A 2-D convolution of `images` `[batch, height, width, in_channels]` with `kernel`
    `[kernel_height, kernel_width, in_channels, out_channels]`, same stride along both axes.

    Returns `[batch, out_height, out_width, out_channels]`, equal to
    `tf.nn.conv2d(images, kernel, stride, padding)` for padding "VALID" or "SAME". Do not call
    tf.nn.conv2d, tf.nn.convolution (nor keras.ops.conv, which calls it) or a Keras Conv2D
    layer (the tests make them fail), and do not loop over pixels: gather the windows and do
    one big matrix multiplication.
    Example: a [1, 3, 3, 1] image of 1..9 with a [2, 2, 1, 1] kernel of ones, stride 1,
    "VALID" -> [[[[12], [16]], [[24], [28]]]] (each output sums one 2x2 window).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("pad for SAME; one strided slice per kernel offset, concatenated on channels; one matmul.")


def max_pool(images, pool_size, stride):
    """Max pooling with a square `pool_size` window and "VALID" padding, channel by channel.

    `images` `[batch, height, width, channels]` -> `[batch, out_height, out_width, channels]`,
    equal to `tf.nn.max_pool2d(images, pool_size, stride, "VALID")` (do not call it, nor
    tf.nn.max_pool, tf.nn.pool or a Keras pooling layer: the tests make them fail). The
    stride may be larger than the window: then some pixels fall in no window.
    Example: a [1, 4, 4, 1] image of 1..16, pool_size 2, stride 2 -> [[[[6], [8]], [[14], [16]]]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("stack one strided view per window offset on a new axis, then reduce_max over it.")


def average_pool(images, pool_size, stride):
    """Average pooling with a square `pool_size` window and "VALID" padding, channel by channel.

    Equal to `tf.nn.avg_pool2d(images, pool_size, stride, "VALID")` (do not call it, nor
    tf.nn.avg_pool, tf.nn.pool or a Keras pooling layer: the tests make them fail).
    Example: a [1, 4, 4, 1] image of 1..16, pool_size 2, stride 2 -> [[[[3.5], [5.5]], [[11.5], [13.5]]]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the same stacked window views as max_pool, then reduce_mean over them.")


