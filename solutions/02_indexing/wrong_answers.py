"""Plausible wrong answers to kata 02; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("tf.gather instead of tf.gather_nd: gathers whole classes, not single scores")
def scores_at(scores, queries):
    return tf.gather(scores, queries)


@wrong_answer("reads (class, subject, student): swaps the last two index columns")
def scores_at(scores, queries):  # noqa: F811
    return tf.gather_nd(tf.transpose(scores, [0, 2, 1]), queries)


@wrong_answer("transcripts from the first class only: ignores the class column")
def transcripts(scores, pairs):
    return tf.gather(scores[0], pairs[:, 1])


@wrong_answer("gathers subjects along the student axis (axis=1)")
def class_subjects(scores, class_ids, subject_ids):
    return tf.gather(tf.gather(scores, class_ids, axis=0), subject_ids, axis=1)


@wrong_answer("sorts the requested ids instead of keeping their order")
def class_subjects(scores, class_ids, subject_ids):  # noqa: F811
    picked = tf.gather(scores, tf.sort(class_ids), axis=0)
    return tf.gather(picked, tf.sort(subject_ids), axis=2)


@wrong_answer("strict > threshold: drops a student whose average equals it")
def honor_roll(scores, min_average):
    return tf.boolean_mask(scores, tf.reduce_mean(scores, axis=2) > min_average)


@wrong_answer("averages over the student axis instead of the subject axis")
def honor_roll(scores, min_average):  # noqa: F811
    keep = tf.reduce_mean(scores, axis=1) >= min_average  # [classes, subjects]
    return tf.boolean_mask(tf.transpose(scores, [0, 2, 1]), keep)


@wrong_answer("student-major order: transposes before masking")
def honor_roll(scores, min_average):  # noqa: F811
    swapped = tf.transpose(scores, [1, 0, 2])
    return tf.boolean_mask(swapped, tf.reduce_mean(swapped, axis=2) >= min_average)


@wrong_answer("scores[:, -count:]: returns every student when count is 0")
def last_students(scores, count):
    return scores[:, -count:, :]


@wrong_answer("reverses the student axis instead of the subject axis")
def subjects_reversed(scores):
    return scores[:, ::-1, :]


@wrong_answer("flattens classes and students, but multiplies the class by the number of classes")
def transcripts(scores, pairs):  # noqa: F811
    flat = tf.reshape(scores, [-1, scores.shape[2]])
    return tf.gather(flat, pairs[:, 0] * scores.shape[0] + pairs[:, 1])


@wrong_answer("sums over subjects instead of averaging")
def honor_roll(scores, min_average):  # noqa: F811
    return tf.boolean_mask(scores, tf.reduce_sum(scores, axis=2) >= min_average)


@wrong_answer("takes the number of classes (axis 0) as the number of students")
def last_students(scores, count):  # noqa: F811
    return scores[:, scores.shape[0] - count:, :]


@wrong_answer("scores[:, :count]: the first students, not the last")
def last_students(scores, count):  # noqa: F811
    return scores[:, :count, :]


@wrong_answer("sorts each transcript ascending: agrees with the docstring's [90, 80, 70] by luck")
def subjects_reversed(scores):  # noqa: F811
    return tf.sort(scores, axis=-1)
