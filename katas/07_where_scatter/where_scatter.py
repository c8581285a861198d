"""Kata 07 — where, scatter_nd and meshgrid.

Three tools for working with positions instead of values. `tf.where(mask)` lists the
coordinates of the True entries; `tf.where(condition, a, b)` picks from `a` where the
condition holds and from `b` elsewhere. `tf.scatter_nd` writes values at given
coordinates onto a tensor of zeros (`tf.tensor_scatter_nd_update` and `_add` write into a
tensor you give, zero or not). `tf.meshgrid` turns an x axis and a y axis into a
grid of points, so a function of (x, y) can be evaluated everywhere at once.

Run `make kata N=07` to test your answers, `make hint N=07` when stuck.
"""

import tensorflow as tf


def true_positions(mask):
    """The coordinates of every True entry of the boolean `mask`, as int64 `[count, rank]`.

    Rows are in row-major order (the order you would read the mask in).
    Example: [[True, False, False], [False, True, True]] -> [[0, 0], [1, 1], [1, 2]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.where with a single argument returns these coordinates.")


def replace_negatives(scores, fill):
    """`scores` with every negative entry (a missing exam) replaced by `fill`; zero is a real score and stays.

    Example: [[-1., 0., 7.], [3., -2., 5.]] with fill 50 -> [[50., 0., 7.], [3., 50., 5.]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.where picks per element from two tensors; where the condition is True it takes the first of them.")


def safe_divide(numerators, denominators):
    """Element-wise numerators / denominators, with 0 wherever the denominator is 0 (float32).

    Example: [6., 1., 5.] / [3., 0., -2.] -> [2., 0., -2.5].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("divide everywhere, then let tf.where discard the inf/nan entries where the denominator is 0.")


def score_sheet(positions, points, shape):
    """A `shape` `[students, subjects]` float32 sheet of zeros with `points` added at `positions`.

    `positions` is int32 `[n, 2]` of (student, subject) rows, `points` float32 `[n]`.
    A position listed twice gets the sum of its points (bonus points add up).
    Example: positions [[0, 1], [2, 0], [0, 1]], points [5., 3., 2.], shape [3, 2] ->
    [[0., 7.], [0., 0.], [3., 0.]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.scatter_nd writes onto zeros of a given shape and sums repeated positions.")


def coordinate_grid(xs, ys):
    """Every (x, y) point of the grid spanned by `xs` `[width]` and `ys` `[height]`, as `[height, width, 2]`.

    grid[i, j] is the point (xs[j], ys[i]): rows go down the y axis, columns across the x axis,
    like the pixels of an image.
    Example: xs [0., 1., 2.], ys [10., 20.] -> [[[0, 10], [1, 10], [2, 10]], [[0, 20], [1, 20], [2, 20]]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.meshgrid gives two [height, width] coordinate tensors; tf.stack them on a new last axis.")


def evaluate_on_grid(function, xs, ys):
    """`function(x, y)` at every point of the grid, as `[height, width]` with result[i, j] = function(xs[j], ys[i]).

    `function` takes two tensors of the same shape and works element by element
    (for example lambda x, y: x ** 2 + y), so call it once on the whole grid (two
    `[height, width]` tensors), not in a loop.
    Example: function x + 10 * y, xs [1., 2.], ys [0., 1.] -> [[1., 2.], [11., 12.]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("build the two coordinate tensors with tf.meshgrid, then call the function once on them.")
