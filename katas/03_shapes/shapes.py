"""Kata 03 — Shapes and broadcasting.

A batch of photos is a float tensor `images` of shape `[batch, height, width, channels]`.
Different parts of a program want it in different shapes: a dense layer wants each photo
as one long row, a PyTorch-style model wants channels first, a scalar regression head
returns `[batch, 1]`. Each function reshapes, transposes, adds or removes axes, or
broadcasts without a Python loop. You also write down the broadcasting rule itself.

Run `make kata N=03` to test your answers, `make hint N=03` when stuck.
"""

import tensorflow as tf


def flatten_pixels(images):
    """Merge the height and width axes: `[batch, height, width, channels]` -> `[batch, height * width, channels]`.

    Pixels are listed row by row (the first row of the photo, then the second, ...).
    Example: images of shape [4, 28, 30, 3] -> shape [4, 840, 3]; result[b, 1, c] is images[b, 0, 1, c].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.reshape keeps the element order; -1 lets TensorFlow work out one axis's length.")


def channels_first(images):
    """Move the channel axis to the front: `[batch, height, width, channels]` -> `[batch, channels, height, width]`.

    Example: images of shape [2, 5, 7, 3] -> shape [2, 3, 5, 7] and result[b, c, y, x] == images[b, y, x, c].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.transpose with perm: output axis i is input axis perm[i].")


def as_column(values):
    """A vector `[n]` as a column `[n, 1]`, ready to broadcast against a `[n, k]` table.

    Example: [1, 2, 3] -> [[1], [2], [3]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.expand_dims inserts an axis of length 1 at the position you give (-1 is the end).")


def squeeze_predictions(predictions):
    """A regression head's output `[batch, 1]` as a vector `[batch]`.

    Only the last axis goes: a batch of one stays a vector of length 1, never a scalar.
    Example: [[0.5], [2.0]] -> [0.5, 2.0]; [[0.5]] -> [0.5].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.squeeze drops axes of length 1; name the axis so a batch of one survives.")


def broadcast_shape(a, b):
    """The shape that broadcasting `a` against `b` produces, as a tuple of Python ints.

    Work it out in plain Python: asking TensorFlow (tf.broadcast_static_shape,
    tf.broadcast_dynamic_shape) or numpy (np.broadcast_shapes) for the answer fails the tests.

    `a` and `b` are shapes given as tuples or lists. Line the shapes up on the right and pad
    the shorter one on the left with 1s; then, axis by axis, equal lengths stay, and a
    length of 1 stretches to the other length (even to 0). Any other pair cannot
    broadcast: raise ValueError.
    Example: (4, 16, 16, 32) and (32,) -> (4, 16, 16, 32); (3, 1) and (1, 5) -> (3, 5);
    (1,) and (0,) -> (0,); (2, 3) and (3, 2) -> ValueError.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("pad the shorter shape with leading 1s, then compare axis by axis with zip.")


def repeat_row(row, rows):
    """A `[columns]` vector repeated as every row of a `[rows, columns]` table.

    Example: row [1, 2, 3], rows 2 -> [[1, 2, 3], [1, 2, 3]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.broadcast_to expands the vector along a new leading axis to the target shape.")


def tile_pattern(pattern, times_down, times_across):
    """The 2-D `pattern` `[height, width]` copied `times_down` times downwards and `times_across`
    times across, like floor tiles: shape `[height * times_down, width * times_across]`.

    Example: pattern [[1, 2]], times_down 2, times_across 3 ->
    [[1, 2, 1, 2, 1, 2], [1, 2, 1, 2, 1, 2]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.tile takes one multiple per axis, in axis order.")
