"""Plausible wrong answers to kata 03; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("flatten_pixels", "flattens everything after the batch axis, channels included: [batch, -1]")
def flattens_everything_after_batch_axis(images):
    return tf.reshape(images, [tf.shape(images)[0], -1])


@wrong_answer("flatten_pixels", "lists pixels column by column (transposes height and width first)")
def lists_pixels_column_column_transposes(images):
    shape = tf.shape(images)
    return tf.reshape(tf.transpose(images, [0, 2, 1, 3]), [shape[0], -1, shape[3]])


@wrong_answer("channels_first", "reshape to [batch, channels, height, width]: right shape, scrambled pixels")
def reshape_batch_channels_height_width(images):
    shape = tf.shape(images)
    return tf.reshape(images, [shape[0], shape[3], shape[1], shape[2]])


@wrong_answer("channels_first", "perm [0, 3, 2, 1]: channels first, but width before height")
def perm_0_3_2_1(images):
    return tf.transpose(images, perm=[0, 3, 2, 1])


@wrong_answer("as_column", "expand_dims at axis 0: a row [1, n] instead of a column")
def expand_dims_axis_0_row(values):
    return tf.expand_dims(values, axis=0)


@wrong_answer("squeeze_predictions", "tf.squeeze without an axis: a batch of one becomes a scalar")
def tf_squeeze_without_axis_batch(predictions):
    return tf.squeeze(predictions)


@wrong_answer("squeeze_predictions", "squeezes axis 0 (the batch axis) instead of the last axis")
def squeezes_axis_0_batch_axis(predictions):
    return tf.squeeze(predictions, axis=0)


@wrong_answer("broadcast_shape", "lines the shapes up on the left (pads with 1s on the right)")
def lines_shapes_up_left_pads(a, b):
    a, b = tuple(a), tuple(b)
    rank = max(len(a), len(b))
    a, b = a + (1,) * (rank - len(a)), b + (1,) * (rank - len(b))
    result = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{a} and {b} cannot broadcast")
        result.append(y if x == 1 else x)
    return tuple(result)


@wrong_answer("broadcast_shape", "axis-wise max without checking: never raises")
def axis_wise_max_without_checking(a, b):
    a, b = tuple(a), tuple(b)
    rank = max(len(a), len(b))
    a, b = (1,) * (rank - len(a)) + a, (1,) * (rank - len(b)) + b
    return tuple(max(x, y) for x, y in zip(a, b))


@wrong_answer("broadcast_shape", "checks compatibility, then takes the max: (1,) with (0,) gives (1,)")
def checks_compatibility_takes_max_1(a, b):
    a, b = tuple(a), tuple(b)
    rank = max(len(a), len(b))
    a, b = (1,) * (rank - len(a)) + a, (1,) * (rank - len(b)) + b
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{a} and {b} cannot broadcast")
    return tuple(max(x, y) for x, y in zip(a, b))


@wrong_answer("broadcast_shape", "insists on equal ranks: (4, 3) with (3,) raises")
def insists_equal_ranks_4_3(a, b):
    a, b = tuple(a), tuple(b)
    if len(a) != len(b):
        raise ValueError("ranks differ")
    result = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{a} and {b} cannot broadcast")
        result.append(y if x == 1 else x)
    return tuple(result)


@wrong_answer("broadcast_shape", "returns a list instead of a tuple")
def returns_list_instead_tuple(a, b):
    a, b = tuple(a), tuple(b)
    rank = max(len(a), len(b))
    a, b = (1,) * (rank - len(a)) + a, (1,) * (rank - len(b)) + b
    result = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{a} and {b} cannot broadcast")
        result.append(y if x == 1 else x)
    return result


@wrong_answer("repeat_row", "tf.tile(row, [rows]): one long vector instead of a table")
def tf_tile_row_rows_one(row, rows):
    return tf.tile(row, [rows])


@wrong_answer("repeat_row", "stacks the row as a column: [columns, rows]")
def stacks_row_column_columns_rows(row, rows):
    return tf.broadcast_to(row[:, None], [tf.shape(row)[0], rows])


@wrong_answer("tile_pattern", "tf.repeat: repeats each element in place instead of the whole pattern")
def tf_repeat_repeats_each_element(pattern, times_down, times_across):
    return tf.repeat(tf.repeat(pattern, times_down, axis=0), times_across, axis=1)


@wrong_answer("tile_pattern", "multiples in the wrong order: [times_across, times_down]")
def multiples_wrong_order_times_across(pattern, times_down, times_across):
    return tf.tile(pattern, [times_across, times_down])


@wrong_answer("flatten_pixels", "hard-codes 3 channels: tf.reshape(images, [batch, -1, 3])")
def hard_codes_3_channels_tf(images):
    return tf.reshape(images, [tf.shape(images)[0], -1, 3])


@wrong_answer("channels_first", "tf.transpose without perm: reverses every axis")
def tf_transpose_without_perm_reverses(images):
    return tf.transpose(images)


@wrong_answer("as_column", "tf.transpose of a vector: a no-op, still [n]")
def tf_transpose_vector_no_op(values):
    return tf.transpose(values)


@wrong_answer("broadcast_shape", "zips the reversed shapes without padding: drops the longer shape's leading axes")
def zips_reversed_shapes_without_padding(a, b):
    result = []
    for x, y in zip(reversed(tuple(a)), reversed(tuple(b))):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{a} and {b} cannot broadcast")
        result.append(y if x == 1 else x)
    return tuple(reversed(result))


@wrong_answer("repeat_row", "tf.stack([row] * rows): a Python list of copies, which fails for zero rows")
def tf_stack_row_rows_python(row, rows):
    return tf.stack([row] * rows)


@wrong_answer("repeat_row", "tf.repeat(row, rows): repeats each element, one long vector")
def tf_repeat_row_rows_repeats(row, rows):
    return tf.repeat(row, rows)


@wrong_answer("flatten_pixels", "merges batch and height instead of height and width: [batch * height, width, channels]")
def merges_batch_and_height(images):
    shape = tf.shape(images)
    return tf.reshape(images, [-1, shape[2], shape[3]])


@wrong_answer("channels_first", "the inverse permutation [0, 2, 3, 1]: reads perm as where each input axis goes")
def inverse_permutation_0_2_3_1(images):
    return tf.transpose(images, perm=[0, 2, 3, 1])


@wrong_answer("broadcast_shape", "asks TensorFlow with tf.broadcast_static_shape instead of writing the rule")
def asks_tensorflow_static_shape(a, b):
    return tuple(tf.broadcast_static_shape(tf.TensorShape(a), tf.TensorShape(b)).as_list())


@wrong_answer("broadcast_shape", "numpy where over the padded shapes: a tuple of numpy integers, not Python ints")
def numpy_where_numpy_integers(a, b):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    a, b = tuple(a), tuple(b)
    rank = max(len(a), len(b))
    a = np.array((1,) * (rank - len(a)) + a, np.int64)
    b = np.array((1,) * (rank - len(b)) + b, np.int64)
    if np.any((a != b) & (a != 1) & (b != 1)):
        raise ValueError(f"{a} and {b} cannot broadcast")
    return tuple(np.where(a == 1, b, a))


@wrong_answer("repeat_row", "tf.tile(row[None], [1, rows]): multiples in the wrong order, one wide row")
def tile_multiples_wrong_order(row, rows):
    return tf.tile(row[None], [1, rows])


@wrong_answer("repeat_row", "tf.ones([rows, columns]) * row: float32 ones, so an int row fails")
def float_ones_times_row(row, rows):
    return tf.ones([rows, tf.shape(row)[0]]) * row


@wrong_answer("tile_pattern", "tiles across but tf.repeat downwards: each row repeats in place")
def tiles_across_repeats_down(pattern, times_down, times_across):
    return tf.repeat(tf.tile(pattern, [1, times_across]), times_down, axis=0)
