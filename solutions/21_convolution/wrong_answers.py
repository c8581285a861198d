"""Plausible wrong answers to kata 21; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("conv_output_size", "valid output forgets the +1: (n - k) // s")
def valid_output_forgets_1_n(input_size, kernel_size, stride, padding):
    if padding.lower() == "valid":
        return (input_size - kernel_size) // stride
    return -(-input_size // stride)


@wrong_answer("conv_output_size", "same output rounds down: n // s instead of ceil(n / s)")
def same_output_rounds_down_n(input_size, kernel_size, stride, padding):
    if padding.lower() == "valid":
        return (input_size - kernel_size) // stride + 1
    return input_size // stride


@wrong_answer("conv_output_size", "true division: returns a float such as 13.5")
def true_division_returns_float_such(input_size, kernel_size, stride, padding):
    if padding.lower() == "valid":
        return (input_size - kernel_size) / stride + 1
    return input_size / stride


@wrong_answer("same_padding", "puts the odd extra zero before (top/left) instead of after")
def puts_odd_extra_zero_before(input_size, kernel_size, stride):
    output_size = -(-input_size // stride)
    total = max((output_size - 1) * stride + kernel_size - input_size, 0)
    return total - total // 2, total // 2


@wrong_answer("same_padding", "stride-1 rule for any stride: k - 1 zeros in total")
def stride_1_rule_any_stride(input_size, kernel_size, stride):
    total = kernel_size - 1
    return total // 2, total - total // 2


@wrong_answer("conv_parameter_count", "forgets the bias: in * k * k * out")
def forgets_bias_k_k_out(in_channels, out_channels, kernel_size, use_bias=True):
    return in_channels * kernel_size * kernel_size * out_channels


@wrong_answer("conv_parameter_count", "one bias per input channel instead of one per filter")
def one_bias_per_input_channel(in_channels, out_channels, kernel_size, use_bias=True):
    return in_channels * kernel_size * kernel_size * out_channels + (in_channels if use_bias else 0)


@wrong_answer("conv2d", "flips the kernel (the textbook convolution), unlike tf.nn.conv2d")
def flips_kernel_textbook_convolution_unlike(images, kernel, stride=1, padding="VALID"):
    kernel_height, kernel_width, in_channels, out_channels = kernel.shape
    if padding.upper() == "SAME":
        top, bottom = same_padding(images.shape[1], kernel_height, stride)
        left, right = same_padding(images.shape[2], kernel_width, stride)
        images = tf.pad(images, [[0, 0], [top, bottom], [left, right], [0, 0]])
    patches = tf.image.extract_patches(images, [1, kernel_height, kernel_width, 1], [1, stride, stride, 1],
                                       [1, 1, 1, 1], "VALID")
    flipped = kernel[::-1, ::-1]
    return tf.matmul(patches, tf.reshape(flipped, [kernel_height * kernel_width * in_channels, out_channels]))


@wrong_answer("conv2d", "windows concatenated column-offset first (j, i): does not match the kernel's reshape order")
def windows_concatenated_column_offset_first(images, kernel, stride=1, padding="VALID"):
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


@wrong_answer("conv2d", "SAME pads total // 2 zeros on both sides: loses the odd extra zero")
def same_pads_total_2_zeros(images, kernel, stride=1, padding="VALID"):
    if padding.upper() == "SAME":
        top, _ = same_padding(images.shape[1], kernel.shape[0], stride)
        left, _ = same_padding(images.shape[2], kernel.shape[1], stride)
        images = tf.pad(images, [[0, 0], [top, top], [left, left], [0, 0]])
    kernel_height, kernel_width, in_channels, out_channels = kernel.shape
    patches = tf.image.extract_patches(images, [1, kernel_height, kernel_width, 1], [1, stride, stride, 1],
                                       [1, 1, 1, 1], "VALID")
    return tf.matmul(patches, tf.reshape(kernel, [kernel_height * kernel_width * in_channels, out_channels]))


@wrong_answer("conv2d", "ignores stride: always slides one pixel at a time")
def ignores_stride_always_slides_one(images, kernel, stride=1, padding="VALID"):
    if padding.upper() == "SAME":
        top, bottom = same_padding(images.shape[1], kernel.shape[0], 1)
        left, right = same_padding(images.shape[2], kernel.shape[1], 1)
        images = tf.pad(images, [[0, 0], [top, bottom], [left, right], [0, 0]])
    kernel_height, kernel_width, in_channels, out_channels = kernel.shape
    patches = tf.image.extract_patches(images, [1, kernel_height, kernel_width, 1], [1, 1, 1, 1], [1, 1, 1, 1],
                                       "VALID")
    return tf.matmul(patches, tf.reshape(kernel, [kernel_height * kernel_width * in_channels, out_channels]))


@wrong_answer("max_pool", "max_pool takes the mean (average pooling)")
def max_pool_takes_mean_average(images, pool_size, stride):
    return tf.reduce_mean(_pool_windows(images, pool_size, stride), axis=0)


@wrong_answer("max_pool", "max_pool also takes the max across channels")
def max_pool_also_takes_max(images, pool_size, stride):
    return tf.reduce_max(_pool_windows(images, pool_size, stride), axis=[0, 4], keepdims=True)[0]


@wrong_answer("average_pool", "average_pool ignores stride: windows overlap with stride 1")
def average_pool_ignores_stride_windows(images, pool_size, stride):
    return tf.reduce_mean(_pool_windows(images, pool_size, 1), axis=0)


@wrong_answer("average_pool", "average_pool sums the window instead of averaging it")
def average_pool_sums_window_instead(images, pool_size, stride):
    return tf.reduce_sum(_pool_windows(images, pool_size, stride), axis=0)


@wrong_answer("same_padding", "kernel_size // 2 zeros on each side (the odd-kernel rule), whatever the size and stride")
def kernel_size_2_zeros_each(input_size, kernel_size, stride):
    return kernel_size // 2, kernel_size // 2


@wrong_answer("conv_parameter_count", "a bias for every kernel weight: (in_channels + 1) * k * k * out_channels")
def bias_every_kernel_weight_channels(in_channels, out_channels, kernel_size, use_bias=True):
    return (in_channels + int(bool(use_bias))) * kernel_size * kernel_size * out_channels


@wrong_answer("conv2d", "stacks the windows on a new last axis and flattens: channel-major patches, not the kernel's (i, j, c) order")
def stacks_windows_new_last_axis(images, kernel, stride=1, padding="VALID"):
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


@wrong_answer("conv2d", "calls tf.nn.conv2d, which the docstring forbids: right numbers, nothing learned")
def calls_tf_nn_conv2d(images, kernel, stride=1, padding="VALID"):
    return tf.nn.conv2d(images, kernel, stride, padding)


@wrong_answer("conv2d", "builds a Keras Conv2D layer and copies the kernel in, which the docstring forbids")
def builds_a_keras_conv2d_layer(images, kernel, stride=1, padding="VALID"):
    import keras

    layer = keras.layers.Conv2D(kernel.shape[-1], kernel.shape[:2], strides=stride, padding=padding.lower(),
                                use_bias=False)
    layer.build(images.shape)
    layer.kernel.assign(kernel)
    return layer(images)


@wrong_answer("conv2d", "keras.ops.conv: still TensorFlow's convolution underneath")
def calls_keras_ops_conv(images, kernel, stride=1, padding="VALID"):
    import keras

    return keras.ops.conv(images, kernel, strides=stride, padding=padding.lower())


@wrong_answer("max_pool", "calls tf.nn.max_pool2d, which the docstring forbids")
def calls_tf_nn_max_pool2d(images, pool_size, stride):
    return tf.nn.max_pool2d(images, pool_size, stride, "VALID")


@wrong_answer("average_pool", "tf.nn.pool(..., 'AVG'): the generic pooling op the docstring forbids")
def calls_tf_nn_pool_avg(images, pool_size, stride):
    return tf.nn.pool(images, [pool_size, pool_size], "AVG", strides=[stride, stride], padding="VALID")


@wrong_answer("conv_output_size", "the textbook 'same' formula (n + 2 * (k // 2) - k) // s + 1: one too many for an even kernel")
def textbook_same_formula(input_size, kernel_size, stride, padding):
    if padding.lower() == "valid":
        return (input_size - kernel_size) // stride + 1
    return (input_size + 2 * (kernel_size // 2) - kernel_size) // stride + 1


@wrong_answer("conv_output_size", "the notes' rule: 'valid' only shrinks the image when n - k does not divide by the stride")
def notes_valid_keeps_the_size(input_size, kernel_size, stride, padding):
    if padding.lower() == "valid" and (input_size - kernel_size) % stride == 0:
        return -(-input_size // stride)
    if padding.lower() == "valid":
        return (input_size - kernel_size) // stride + 1
    return -(-input_size // stride)


@wrong_answer("same_padding", "forgets max(..., 0): a negative total when the kernel is smaller than the stride")
def forgets_the_floor_at_zero(input_size, kernel_size, stride):
    output_size = -(-input_size // stride)
    total = (output_size - 1) * stride + kernel_size - input_size
    return total // 2, total - total // 2


@wrong_answer("max_pool", "sizes the output input // stride, right only when the window equals the stride")
def pool_output_is_input_over_stride(images, pool_size, stride):
    out_height, out_width = images.shape[1] // stride, images.shape[2] // stride
    windows = [images[:, i::stride, j::stride, :][:, :out_height, :out_width, :]
               for i in range(pool_size) for j in range(pool_size)]
    return tf.reduce_max(tf.stack(windows), axis=0)


@wrong_answer("conv_parameter_count", "use_bias defaults to False: no bias unless asked for")
def use_bias_defaults_to_false(in_channels, out_channels, kernel_size, use_bias=False):
    return (in_channels * kernel_size * kernel_size + int(bool(use_bias))) * out_channels


@wrong_answer("average_pool", "a Keras AveragePooling2D layer, which runs tf.nn.avg_pool underneath")
def keras_average_pooling_layer(images, pool_size, stride):
    import keras

    return keras.layers.AveragePooling2D(pool_size, strides=stride, padding="valid")(images)


@wrong_answer("max_pool", "keras.ops.max_pool, which runs tf.nn.max_pool underneath")
def keras_ops_max_pool(images, pool_size, stride):
    import keras

    return keras.ops.max_pool(images, pool_size, strides=stride, padding="valid")
