"""Plausible wrong answers to kata 03; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("flattens everything after the batch axis, channels included: [batch, -1]")
def flatten_pixels(images):
    return tf.reshape(images, [tf.shape(images)[0], -1])


@wrong_answer("lists pixels column by column (transposes height and width first)")
def flatten_pixels(images):  # noqa: F811
    shape = tf.shape(images)
    return tf.reshape(tf.transpose(images, [0, 2, 1, 3]), [shape[0], -1, shape[3]])


@wrong_answer("reshape to [batch, channels, height, width]: right shape, scrambled pixels")
def channels_first(images):
    shape = tf.shape(images)
    return tf.reshape(images, [shape[0], shape[3], shape[1], shape[2]])


@wrong_answer("perm [0, 3, 2, 1]: channels first, but width before height")
def channels_first(images):  # noqa: F811
    return tf.transpose(images, perm=[0, 3, 2, 1])


@wrong_answer("expand_dims at axis 0: a row [1, n] instead of a column")
def as_column(values):
    return tf.expand_dims(values, axis=0)


@wrong_answer("tf.squeeze without an axis: a batch of one becomes a scalar")
def squeeze_predictions(predictions):
    return tf.squeeze(predictions)


@wrong_answer("squeezes axis 0 (the batch axis) instead of the last axis")
def squeeze_predictions(predictions):  # noqa: F811
    return tf.squeeze(predictions, axis=0)


@wrong_answer("lines the shapes up on the left (pads with 1s on the right)")
def broadcast_shape(a, b):
    a, b = tuple(a), tuple(b)
    rank = max(len(a), len(b))
    a, b = a + (1,) * (rank - len(a)), b + (1,) * (rank - len(b))
    result = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{a} and {b} cannot broadcast")
        result.append(y if x == 1 else x)
    return tuple(result)


@wrong_answer("axis-wise max without checking: never raises")
def broadcast_shape(a, b):  # noqa: F811
    a, b = tuple(a), tuple(b)
    rank = max(len(a), len(b))
    a, b = (1,) * (rank - len(a)) + a, (1,) * (rank - len(b)) + b
    return tuple(max(x, y) for x, y in zip(a, b))


@wrong_answer("checks compatibility, then takes the max: (1,) with (0,) gives (1,)")
def broadcast_shape(a, b):  # noqa: F811
    a, b = tuple(a), tuple(b)
    rank = max(len(a), len(b))
    a, b = (1,) * (rank - len(a)) + a, (1,) * (rank - len(b)) + b
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{a} and {b} cannot broadcast")
    return tuple(max(x, y) for x, y in zip(a, b))


@wrong_answer("insists on equal ranks: (4, 3) with (3,) raises")
def broadcast_shape(a, b):  # noqa: F811
    a, b = tuple(a), tuple(b)
    if len(a) != len(b):
        raise ValueError("ranks differ")
    result = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{a} and {b} cannot broadcast")
        result.append(y if x == 1 else x)
    return tuple(result)


@wrong_answer("returns a list instead of a tuple")
def broadcast_shape(a, b):  # noqa: F811
    a, b = tuple(a), tuple(b)
    rank = max(len(a), len(b))
    a, b = (1,) * (rank - len(a)) + a, (1,) * (rank - len(b)) + b
    result = []
    for x, y in zip(a, b):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{a} and {b} cannot broadcast")
        result.append(y if x == 1 else x)
    return result


@wrong_answer("tf.tile(row, [rows]): one long vector instead of a table")
def repeat_row(row, rows):
    return tf.tile(row, [rows])


@wrong_answer("stacks the row as a column: [columns, rows]")
def repeat_row(row, rows):  # noqa: F811
    return tf.broadcast_to(row[:, None], [tf.shape(row)[0], rows])


@wrong_answer("tf.repeat: repeats each element in place instead of the whole pattern")
def tile_pattern(pattern, times_down, times_across):
    return tf.repeat(tf.repeat(pattern, times_down, axis=0), times_across, axis=1)


@wrong_answer("multiples in the wrong order: [times_across, times_down]")
def tile_pattern(pattern, times_down, times_across):  # noqa: F811
    return tf.tile(pattern, [times_across, times_down])


@wrong_answer("hard-codes 3 channels: tf.reshape(images, [batch, -1, 3])")
def flatten_pixels(images):  # noqa: F811
    return tf.reshape(images, [tf.shape(images)[0], -1, 3])


@wrong_answer("tf.transpose without perm: reverses every axis")
def channels_first(images):  # noqa: F811
    return tf.transpose(images)


@wrong_answer("tf.transpose of a vector: a no-op, still [n]")
def as_column(values):  # noqa: F811
    return tf.transpose(values)


@wrong_answer("zips the reversed shapes without padding: drops the longer shape's leading axes")
def broadcast_shape(a, b):  # noqa: F811
    result = []
    for x, y in zip(reversed(tuple(a)), reversed(tuple(b))):
        if x != y and 1 not in (x, y):
            raise ValueError(f"{a} and {b} cannot broadcast")
        result.append(y if x == 1 else x)
    return tuple(reversed(result))


@wrong_answer("tf.stack([row] * rows): a Python list of copies, which fails for zero rows")
def repeat_row(row, rows):  # noqa: F811
    return tf.stack([row] * rows)


@wrong_answer("tf.repeat(row, rows): repeats each element, one long vector")
def repeat_row(row, rows):  # noqa: F811
    return tf.repeat(row, rows)
