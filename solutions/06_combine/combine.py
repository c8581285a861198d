"""Kata 06 — Combine, pad and clip.

Exam scores again: a class is a float tensor `[students, subjects]`, a school year
`[classes, students, subjects]`. You join tensors (`tf.concat` grows an axis that already
exists, `tf.stack` makes a new one), cut them apart (`tf.split`, `tf.unstack`), pad photos
with a border, and limit values: by value (`tf.clip_by_value`), by the length of one
vector (`tf.clip_by_norm`) and by the total length of a whole list of gradients
(`tf.clip_by_global_norm`), which shrinks all of them by the same factor so the update
keeps its direction.

Run `make kata N=06` to test your answers, `make hint N=06` when stuck.
"""

import tensorflow as tf


def join_classes(first, second):
    """Two school years' classes in one tensor: `[c1, students, subjects]` and
    `[c2, students, subjects]` -> `[c1 + c2, students, subjects]`, `first`'s classes first.

    Example: shapes [4, 35, 8] and [2, 35, 8] -> shape [6, 35, 8].
    """
    ### BEGIN SOLUTION: tf.concat joins along an axis that already exists (the first one here).
    return tf.concat([first, second], axis=0)
    ### END SOLUTION


def stack_exams(midterm, final):
    """Put the midterm and final scores of each student side by side along a new axis.

    `midterm` and `final` are `[students, subjects]`; return `[students, 2, subjects]` with
    result[s, 0] the midterm and result[s, 1] the final scores of student s.
    Example: midterm [[60, 70]], final [[80, 90]] -> [[[60, 70], [80, 90]]].
    """
    ### BEGIN SOLUTION: tf.stack creates a new axis at the position you give (the second one here).
    # tf.concat would need the axis to exist already; tf.stack inserts it.
    return tf.stack([midterm, final], axis=1)
    ### END SOLUTION


def split_subjects(scores, num_or_sizes):
    """Cut `[students, subjects]` into a list of pieces along the subject axis.

    `num_or_sizes` is either an int (that many equal pieces) or a list of piece widths
    that add up to `subjects`.
    Example: 6 subjects with 3 -> three `[students, 2]` pieces; with [1, 4, 1] ->
    pieces of widths 1, 4 and 1.
    (The notes write `tf.unstack(a, axis=3, num_or_size_splits=2)`: that is tf.split's
    argument; tf.unstack takes none and always cuts into slices of width 1, removing the axis.)
    """
    ### BEGIN SOLUTION: tf.split accepts both a count and a list of sizes; split along the subject axis.
    return tf.split(scores, num_or_sizes, axis=1)
    ### END SOLUTION


def unstack_subjects(scores):
    """One `[students]` vector per subject, as a Python list of `subjects` tensors.

    Example: [[60, 70, 80], [65, 75, 85]] -> [[60, 65], [70, 75], [80, 85]].
    """
    ### BEGIN SOLUTION: tf.unstack removes an axis and returns its slices; the subject axis is the second one.
    return tf.unstack(scores, axis=1)
    ### END SOLUTION


def pad_images(images, border):
    """Surround every photo with `border` pixels of zeros on all four sides.

    `images` is `[batch, height, width, channels]`; return
    `[batch, height + 2 * border, width + 2 * border, channels]`. Batch and channels are not padded.
    Example: one 1x1 grey photo [[[[5]]]] with border 1 -> a 3x3 photo with 5 in the middle.
    """
    ### BEGIN SOLUTION: tf.pad takes one [before, after] pair per axis; [0, 0] leaves an axis alone.
    paddings = [[0, 0], [border, border], [border, border], [0, 0]]
    return tf.pad(images, paddings)
    ### END SOLUTION


def clip_scores(scores, low, high):
    """Every score limited to the range [low, high]: below `low` becomes `low`, above `high` becomes `high`.

    Example: [-5, 50, 130] with low 0, high 100 -> [0, 50, 100].
    """
    ### BEGIN SOLUTION: tf.clip_by_value is a tf.maximum followed by a tf.minimum, element by element.
    return tf.clip_by_value(scores, low, high)
    ### END SOLUTION


def limit_step(step, max_norm):
    """Shrink the vector `step` so its L2 norm is at most `max_norm`, keeping its direction.

    A step already short enough comes back unchanged (an all-zero step too, without NaNs).
    Example: [3., 4.] (norm 5) with max_norm 1 -> [0.6, 0.8]; with max_norm 10 -> [3., 4.].
    """
    ### BEGIN SOLUTION: tf.clip_by_norm rescales only when the norm is too large.
    return tf.clip_by_norm(step, max_norm)
    ### END SOLUTION


def clip_gradients(gradients, max_global_norm):
    """Scale a list of gradient tensors so that their global norm is at most `max_global_norm`.

    The global norm is sqrt(sum of squares of every element of every tensor). When it is
    too large, every tensor is multiplied by the same factor max_global_norm / global_norm,
    so the direction of the whole update is kept; gradients already small enough (all-zero
    ones too, without NaNs) come back unchanged. Return the list of scaled tensors.
    Example: gradients [[3.], [0., 4.]] (global norm 5), max 1 -> [[0.6], [0., 0.8]].
    """
    ### BEGIN SOLUTION: tf.clip_by_global_norm returns a pair: the clipped list and the global norm.
    # Clipping each tensor by its own norm would shrink them by different factors and turn the update.
    clipped, _ = tf.clip_by_global_norm(gradients, max_global_norm)
    return clipped
    ### END SOLUTION
