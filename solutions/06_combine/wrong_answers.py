"""Plausible wrong answers to kata 06; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("tf.stack instead of tf.concat: a new axis [2, ...] (and fails for different class counts)")
def join_classes(first, second):
    return tf.stack([first, second], axis=0)


@wrong_answer("joins along the student axis (axis=1)")
def join_classes(first, second):  # noqa: F811
    return tf.concat([first, second], axis=1)


@wrong_answer("second's classes first")
def join_classes(first, second):  # noqa: F811
    return tf.concat([second, first], axis=0)


@wrong_answer("stacks along axis 0: [2, students, subjects]")
def stack_exams(midterm, final):
    return tf.stack([midterm, final], axis=0)


@wrong_answer("concat along axis 1: [students, 2 * subjects], no new axis")
def stack_exams(midterm, final):  # noqa: F811
    return tf.concat([midterm, final], axis=1)


@wrong_answer("splits along the student axis (tf.split's default axis=0)")
def split_subjects(scores, num_or_sizes):
    return tf.split(scores, num_or_sizes)


@wrong_answer("unstacks along axis 0: one tensor per student")
def unstack_subjects(scores):
    return tf.unstack(scores)


@wrong_answer("pads every axis, batch and channels included")
def pad_images(images, border):
    return tf.pad(images, [[border, border]] * 4)


@wrong_answer("pads only before (top and left)")
def pad_images(images, border):  # noqa: F811
    return tf.pad(images, [[0, 0], [border, 0], [border, 0], [0, 0]])


@wrong_answer("pads with 2 * border after each side: [[0, 0], [b, 2b], ...]")
def pad_images(images, border):  # noqa: F811
    return tf.pad(images, [[0, 0], [border, 2 * border], [border, 2 * border], [0, 0]])


@wrong_answer("tf.maximum only: limits from below, not from above")
def clip_scores(scores, low, high):
    return tf.maximum(scores, low)


@wrong_answer("swaps low and high in tf.minimum/tf.maximum")
def clip_scores(scores, low, high):  # noqa: F811
    return tf.maximum(tf.minimum(scores, low), high)


@wrong_answer("always rescales to exactly max_norm, even a short step")
def limit_step(step, max_norm):
    return step * max_norm / tf.norm(step)


@wrong_answer("clip_by_value: clips each element, changing the direction")
def limit_step(step, max_norm):  # noqa: F811
    return tf.clip_by_value(step, -max_norm, max_norm)


@wrong_answer("clips each gradient by its own norm: the update changes direction")
def clip_gradients(gradients, max_global_norm):
    return [tf.clip_by_norm(gradient, max_global_norm) for gradient in gradients]


@wrong_answer("returns tf.clip_by_global_norm's whole (list, norm) pair")
def clip_gradients(gradients, max_global_norm):  # noqa: F811
    return tf.clip_by_global_norm(gradients, max_global_norm)


@wrong_answer("always scales to the max norm, even when the gradients are already small")
def clip_gradients(gradients, max_global_norm):  # noqa: F811
    global_norm = tf.linalg.global_norm(gradients)
    return [gradient * max_global_norm / global_norm for gradient in gradients]


@wrong_answer("stacks on the last axis: [students, subjects, 2]")
def stack_exams(midterm, final):  # noqa: F811
    return tf.stack([midterm, final], axis=-1)


@wrong_answer("tf.split into `subjects` pieces: [students, 1] columns, not [students] vectors")
def unstack_subjects(scores):  # noqa: F811
    return tf.split(scores, scores.shape[1], axis=1)


@wrong_answer("tf.pad with mode='SYMMETRIC': a mirrored border instead of zeros")
def pad_images(images, border):  # noqa: F811
    return tf.pad(images, [[0, 0], [border, border], [border, border], [0, 0]], mode="SYMMETRIC")


@wrong_answer("casts to float32 before clipping: int scores come back float")
def clip_scores(scores, low, high):  # noqa: F811
    return tf.clip_by_value(tf.cast(scores, tf.float32), low, high)


@wrong_answer("measures the step by its L1 norm (sum of absolute values)")
def limit_step(step, max_norm):  # noqa: F811
    return step * tf.minimum(1.0, max_norm / tf.reduce_sum(tf.abs(step)))


@wrong_answer("global norm as the sum of the tensors' norms, not sqrt of the sum of squares")
def clip_gradients(gradients, max_global_norm):  # noqa: F811
    total = tf.add_n([tf.norm(gradient) for gradient in gradients])
    factor = tf.minimum(1.0, max_global_norm / total)
    return [gradient * factor for gradient in gradients]
