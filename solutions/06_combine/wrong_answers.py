"""Plausible wrong answers to kata 06; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("join_classes", "tf.stack instead of tf.concat: a new axis [2, ...] (and fails for different class counts)")
def tf_stack_instead_tf_concat(first, second):
    return tf.stack([first, second], axis=0)


@wrong_answer("join_classes", "joins along the student axis (axis=1)")
def joins_along_student_axis_axis(first, second):
    return tf.concat([first, second], axis=1)


@wrong_answer("join_classes", "second's classes first")
def second_classes_first(first, second):
    return tf.concat([second, first], axis=0)


@wrong_answer("stack_exams", "stacks along axis 0: [2, students, subjects]")
def stacks_along_axis_0_2(midterm, final):
    return tf.stack([midterm, final], axis=0)


@wrong_answer("stack_exams", "concat along axis 1: [students, 2 * subjects], no new axis")
def concat_along_axis_1_students(midterm, final):
    return tf.concat([midterm, final], axis=1)


@wrong_answer("split_subjects", "splits along the student axis (tf.split's default axis=0)")
def splits_along_student_axis_tf(scores, num_or_sizes):
    return tf.split(scores, num_or_sizes)


@wrong_answer("unstack_subjects", "unstacks along axis 0: one tensor per student")
def unstacks_along_axis_0_one(scores):
    return tf.unstack(scores)


@wrong_answer("pad_images", "pads every axis, batch and channels included")
def pads_every_axis_batch_channels(images, border):
    return tf.pad(images, [[border, border]] * 4)


@wrong_answer("pad_images", "pads only before (top and left)")
def pads_only_before_top_left(images, border):
    return tf.pad(images, [[0, 0], [border, 0], [border, 0], [0, 0]])


@wrong_answer("pad_images", "pads with 2 * border after each side: [[0, 0], [b, 2b], ...]")
def pads_2_border_after_each(images, border):
    return tf.pad(images, [[0, 0], [border, 2 * border], [border, 2 * border], [0, 0]])


@wrong_answer("clip_scores", "tf.maximum only: limits from below, not from above")
def tf_maximum_only_limits_below(scores, low, high):
    return tf.maximum(scores, low)


@wrong_answer("clip_scores", "swaps low and high in tf.minimum/tf.maximum")
def swaps_low_high_tf_minimum(scores, low, high):
    return tf.maximum(tf.minimum(scores, low), high)


@wrong_answer("limit_step", "always rescales to exactly max_norm, even a short step")
def always_rescales_exactly_max_norm(step, max_norm):
    return step * max_norm / tf.norm(step)


@wrong_answer("limit_step", "clip_by_value: clips each element, changing the direction")
def clip_value_clips_each_element(step, max_norm):
    return tf.clip_by_value(step, -max_norm, max_norm)


@wrong_answer("clip_gradients", "clips each gradient by its own norm: the update changes direction")
def clips_each_gradient_own_norm(gradients, max_global_norm):
    return [tf.clip_by_norm(gradient, max_global_norm) for gradient in gradients]


@wrong_answer("clip_gradients", "returns tf.clip_by_global_norm's whole (list, norm) pair")
def returns_tf_clip_global_norm(gradients, max_global_norm):
    return tf.clip_by_global_norm(gradients, max_global_norm)


@wrong_answer("clip_gradients", "always scales to the max norm, even when the gradients are already small")
def always_scales_max_norm_even(gradients, max_global_norm):
    global_norm = tf.linalg.global_norm(gradients)
    return [gradient * max_global_norm / global_norm for gradient in gradients]


@wrong_answer("stack_exams", "stacks on the last axis: [students, subjects, 2]")
def stacks_last_axis_students_subjects(midterm, final):
    return tf.stack([midterm, final], axis=-1)


@wrong_answer("unstack_subjects", "tf.split into `subjects` pieces: [students, 1] columns, not [students] vectors")
def tf_split_subjects_pieces_students(scores):
    return tf.split(scores, scores.shape[1], axis=1)


@wrong_answer("pad_images", "tf.pad with mode='SYMMETRIC': a mirrored border instead of zeros")
def tf_pad_mode_symmetric_mirrored(images, border):
    return tf.pad(images, [[0, 0], [border, border], [border, border], [0, 0]], mode="SYMMETRIC")


@wrong_answer("clip_scores", "casts to float32 before clipping: int scores come back float")
def casts_float32_before_clipping_int(scores, low, high):
    return tf.clip_by_value(tf.cast(scores, tf.float32), low, high)


@wrong_answer("limit_step", "measures the step by its L1 norm (sum of absolute values)")
def measures_step_l1_norm_sum(step, max_norm):
    return step * tf.minimum(1.0, max_norm / tf.reduce_sum(tf.abs(step)))


@wrong_answer("clip_gradients", "global norm as the sum of the tensors' norms, not sqrt of the sum of squares")
def global_norm_sum_tensors_norms(gradients, max_global_norm):
    total = tf.add_n([tf.norm(gradient) for gradient in gradients])
    factor = tf.minimum(1.0, max_global_norm / total)
    return [gradient * factor for gradient in gradients]


@wrong_answer("split_subjects", "reads an int as the width of each piece, not the number of pieces")
def int_read_as_piece_width(scores, num_or_sizes):
    if isinstance(num_or_sizes, int):
        return tf.split(scores, scores.shape[1] // num_or_sizes, axis=1)
    return tf.split(scores, num_or_sizes, axis=1)


@wrong_answer("unstack_subjects", "tf.transpose: one tensor [subjects, students], not a Python list of vectors")
def transpose_instead_of_a_list(scores):
    return tf.transpose(scores)


@wrong_answer("stack_exams", "final first: result[s, 0] is the final")
def final_stacked_first(midterm, final):
    return tf.stack([final, midterm], axis=1)


@wrong_answer("pad_images", "pads as if channels-first: height and channels, not height and width")
def pads_as_if_channels_first(images, border):
    return tf.pad(images, [[0, 0], [border, border], [0, 0], [border, border]])


@wrong_answer("limit_step", "unit direction times the clipped length: an all-zero step is 0 / 0 and comes back NaN")
def zero_step_divides_by_zero(step, max_norm):
    norm = tf.norm(step)
    return step / norm * tf.minimum(norm, max_norm)


@wrong_answer("limit_step", "forgets the square root: divides by the squared norm")
def forgets_the_square_root(step, max_norm):
    squared = tf.reduce_sum(step ** 2)
    return tf.where(squared > max_norm, step * max_norm / squared, step)


@wrong_answer("clip_gradients", "unit direction times the clipped length: all-zero gradients are 0 / 0 and come back NaN")
def zero_gradients_divide_by_zero(gradients, max_global_norm):
    global_norm = tf.linalg.global_norm(gradients)
    return [gradient / global_norm * tf.minimum(global_norm, max_global_norm) for gradient in gradients]
