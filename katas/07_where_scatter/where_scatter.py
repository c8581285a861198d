"""Kata 07 — where, scatter_nd and meshgrid.

Three tools for working with positions instead of values. `tf.where(mask)` lists the
coordinates of the True entries; `tf.where(condition, a, b)` picks from `a` where the
condition holds and from `b` elsewhere. `tf.scatter_nd` writes values at given
coordinates onto a tensor of zeros (`tf.tensor_scatter_nd_update` and `_add` write into a
tensor you give, zero or not, and return a new tensor; a `tf.Variable` is changed in
place, a slice at a time, with `assign`). `tf.boolean_mask` keeps the entries, or with
`axis` the rows or columns, that a mask marks. `tf.meshgrid` turns an x axis and a y axis into a
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


def add_bonus_points(scores, positions, bonus):
    """`scores` `[students, subjects]` (float32, any values) with `bonus` added at `positions`.

    `positions` is int32 or int64 `[n, 2]` of (student, subject) rows, `bonus` float32 `[n]`.
    Return a new tensor of the same shape; every entry not listed keeps its score, and a
    position listed twice gets both bonuses.
    Example: scores [[60., 70.], [80., 90.]], positions [[0, 1], [1, 0], [0, 1]], bonus
    [5., 3., 2.] -> [[60., 77.], [83., 90.]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.scatter_nd starts from zeros; look for the tensor_scatter_nd variant that adds into a tensor you give.")


def replace_rows(scores, students, new_rows):
    """`scores` `[students, subjects]` with whole rows replaced: row `students[i]` becomes `new_rows[i]`.

    `students` is int32 or int64 `[n]` (distinct), `new_rows` `[n, subjects]` of the
    scores' dtype. Return a new tensor; the other rows keep their scores (not zeros).
    Example: scores [[1., 2.], [3., 4.], [5., 6.]], students [2, 0], new_rows
    [[9., 9.], [7., 8.]] -> [[7., 8.], [3., 4.], [9., 9.]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tensor_scatter_nd_update with index rows of length 1 writes a whole row each; the indices need a trailing axis.")


def assign_block(table, values):
    """Write `values` into rows 1 and 2, every other column (0, 2, 4, ...), of the `tf.Variable` `table`.

    `table` is a `tf.Variable` `[rows, columns]` (rows >= 3); `values` is
    `[2, ceil(columns / 2)]` of its dtype. Change the variable in place (the same Variable
    object, not a new tensor or a new Variable) and return it; every other entry keeps its
    value. Example: table zeros [4, 5], values [[1., 2., 3.], [4., 5., 6.]] -> rows 1 and 2
    become [1., 0., 2., 0., 3.] and [4., 0., 5., 0., 6.]; rows 0 and 3 stay zeros.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a slice of a tf.Variable, taken with the usual start:stop:step indexing, can be assigned to in place.")


def keep_subjects(scores, keep):
    """Keep only the subjects (the second axis) that `keep` marks True.

    `scores` is `[students, subjects, ...]` (any trailing axes, e.g. terms), `keep` a bool
    `[subjects]`. Return `[students, kept_subjects, ...]`, the kept subjects in their order.
    Example: scores [[1, 2, 3], [4, 5, 6]], keep [True, False, True] -> [[1, 3], [4, 6]];
    scores `[5, 4, 3]` with 2 subjects kept -> `[5, 2, 3]`.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.boolean_mask takes an axis argument: the mask then selects along that axis.")


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
