"""Kata 02 — Indexing and gather on a score tensor.

A school keeps every exam score in one float tensor `scores` of shape
`[classes, students, subjects]`: `scores[c, s, j]` is what student `s` of class `c`
scored in subject `j`. Each function below answers one question a teacher asks, using
slicing, `tf.gather`, `tf.gather_nd` or `tf.boolean_mask` (never a Python loop).

Run `make kata N=02` to test your answers, `make hint N=02` when stuck.
"""

import tensorflow as tf


def scores_at(scores, queries):
    """One score per query.

    `queries` is an int tensor (int32 or int64) `[n, 3]`; each row is (class, student, subject).
    Return a float tensor `[n]` holding the score each row points at.

    Example: with queries [[1, 1, 1], [0, 2, 3]] the result is
    [scores[1, 1, 1], scores[0, 2, 3]].
    """
    ### BEGIN SOLUTION: tf.gather_nd reads one element for each full index row (class, student, subject).
    # A full-length index row picks a single element, so the result has one value per row.
    return tf.gather_nd(scores, queries)
    ### END SOLUTION


def transcripts(scores, pairs):
    """Every subject's score for some students.

    `pairs` is an int tensor (int32 or int64) `[n, 2]`; each row is (class, student); `n` may be 0.
    Return `[n, subjects]`: row i is the whole transcript of the student pairs[i] names.

    Example: pairs [[0, 0], [1, 2]] gives [scores[0, 0, :], scores[1, 2, :]], shape [2, subjects].
    """
    ### BEGIN SOLUTION: an index row shorter than the rank selects a whole slice; tf.gather_nd again.
    # A two-element index row stops before the subject axis, so each row yields all subjects.
    return tf.gather_nd(scores, pairs)
    ### END SOLUTION


def class_subjects(scores, class_ids, subject_ids):
    """The scores of every student of some classes in some subjects, in the order asked.

    `class_ids` and `subject_ids` are int vectors (int32 or int64). Return
    `[len(class_ids), students, len(subject_ids)]`.

    Example: class_ids [2, 0] and subject_ids [3, 1] give, for class 2 then class 0,
    every student's score in subject 3 then subject 1.
    """
    ### BEGIN SOLUTION: tf.gather picks along one axis at a time: use it twice, for the class axis and for the subject axis.
    # Gathering one axis at a time keeps the other axes whole and in their place.
    picked_classes = tf.gather(scores, class_ids, axis=0)
    return tf.gather(picked_classes, subject_ids, axis=2)
    ### END SOLUTION


def honor_roll(scores, min_average):
    """The transcripts of every student whose average over subjects is at least `min_average`.

    Return `[k, subjects]`, students in class-major order (all of class 0 first, then class 1, ...).
    A student whose average equals `min_average` exactly is on the roll.

    Example: if only student 3 of class 0 and student 1 of class 2 average >= min_average,
    the result is [scores[0, 3, :], scores[2, 1, :]].
    """
    ### BEGIN SOLUTION: average over the subject axis, compare with >=, then tf.boolean_mask with that [classes, students] mask.
    averages = tf.reduce_mean(scores, axis=2)  # [classes, students]
    # A 2-D mask over the first two axes keeps whole subject rows, in row-major (class-major) order.
    return tf.boolean_mask(scores, averages >= min_average)
    ### END SOLUTION


def last_students(scores, count):
    """The last `count` students of every class (the newest enrolments), all subjects.

    Return `[classes, count, subjects]`. `count` may be 0, which gives an empty middle axis.

    Example: with 5 students per class, count=2 returns students 3 and 4 of every class.
    """
    ### BEGIN SOLUTION: slice the student axis from (students - count) to the end; beware that -0 is 0.
    # `scores[:, -count:]` would return every student when count is 0, so start from the length.
    students = scores.shape[1]
    return scores[:, students - count:, :]
    ### END SOLUTION


def subjects_reversed(scores):
    """Every score with the subject axis in reverse order (last subject first).

    Example: a student's transcript [90, 80, 70] becomes [70, 80, 90].
    """
    ### BEGIN SOLUTION: a slice with step -1 on the last axis; the ellipsis stands for the axes before it.
    return scores[..., ::-1]
    ### END SOLUTION
