"""Plausible wrong answers to kata 07; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("keeps only the first column of the coordinates: row numbers only")
def true_positions(mask):
    return tf.where(mask)[:, 0]


@wrong_answer("transposed: [rank, count] like numpy's nonzero")
def true_positions(mask):  # noqa: F811
    return tf.transpose(tf.where(mask))


@wrong_answer("<= 0: replaces a real score of zero")
def replace_negatives(scores, fill):
    return tf.where(scores <= 0, tf.cast(fill, scores.dtype), scores)


@wrong_answer("branches swapped: keeps the negatives, replaces the rest")
def replace_negatives(scores, fill):  # noqa: F811
    return tf.where(scores < 0, scores, tf.cast(fill, scores.dtype))


@wrong_answer("tf.maximum(scores, fill): also raises low positive scores to fill")
def replace_negatives(scores, fill):  # noqa: F811
    return tf.maximum(scores, tf.cast(fill, scores.dtype))


@wrong_answer("plain division: inf or nan where the denominator is 0")
def safe_divide(numerators, denominators):
    return numerators / denominators


@wrong_answer("divide_no_nan by |denominator|: loses the sign of a negative denominator")
def safe_divide(numerators, denominators):  # noqa: F811
    return tf.math.divide_no_nan(numerators, tf.abs(denominators))


@wrong_answer("tensor_scatter_nd_update onto zeros: a repeated position keeps only one value")
def score_sheet(positions, points, shape):
    return tf.tensor_scatter_nd_update(tf.zeros(shape, points.dtype), positions, points)


@wrong_answer("reads positions as (subject, student)")
def score_sheet(positions, points, shape):  # noqa: F811
    return tf.scatter_nd(positions[:, ::-1], points, shape)


@wrong_answer("meshgrid with indexing='ij': [width, height, 2]")
def coordinate_grid(xs, ys):
    x, y = tf.meshgrid(xs, ys, indexing="ij")
    return tf.stack([x, y], axis=-1)


@wrong_answer("stacks (y, x) instead of (x, y)")
def coordinate_grid(xs, ys):  # noqa: F811
    x, y = tf.meshgrid(xs, ys)
    return tf.stack([y, x], axis=-1)


@wrong_answer("stacks on axis 0: [2, height, width]")
def coordinate_grid(xs, ys):  # noqa: F811
    x, y = tf.meshgrid(xs, ys)
    return tf.stack([x, y], axis=0)


@wrong_answer("calls function(y, x): arguments swapped")
def evaluate_on_grid(function, xs, ys):
    x, y = tf.meshgrid(xs, ys)
    return function(y, x)


@wrong_answer("calls the function on the 1-D axes: broadcasts xs against ys without a grid")
def evaluate_on_grid(function, xs, ys):  # noqa: F811
    return function(xs[:, None], ys[None, :])


@wrong_answer("casts the coordinates to int32")
def true_positions(mask):  # noqa: F811
    return tf.cast(tf.where(mask), tf.int32)


@wrong_answer("adds a small epsilon to the denominator: huge values instead of 0")
def safe_divide(numerators, denominators):  # noqa: F811
    return numerators / (denominators + 1e-7)


@wrong_answer("tf.SparseTensor then tf.sparse.to_dense: repeated positions are not summed")
def score_sheet(positions, points, shape):  # noqa: F811
    sparse = tf.SparseTensor(tf.cast(positions, tf.int64), points, tf.cast(shape, tf.int64))
    return tf.sparse.to_dense(tf.sparse.reorder(sparse), validate_indices=False)


@wrong_answer("tf.meshgrid(ys, xs): [width, height, 2] with the coordinates swapped")
def coordinate_grid(xs, ys):  # noqa: F811
    y, x = tf.meshgrid(ys, xs)
    return tf.stack([x, y], axis=-1)


@wrong_answer("meshgrid with indexing='ij': the result is [width, height]")
def evaluate_on_grid(function, xs, ys):  # noqa: F811
    x, y = tf.meshgrid(xs, ys, indexing="ij")
    return function(x, y)
