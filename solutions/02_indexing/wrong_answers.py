"""Plausible wrong answers to kata 02; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("scores_at", "tf.gather instead of tf.gather_nd: gathers whole classes, not single scores")
def tf_gather_instead_tf_gather(scores, queries):
    return tf.gather(scores, queries)


@wrong_answer("scores_at", "reads (class, subject, student): swaps the last two index columns")
def reads_class_subject_student_swaps(scores, queries):
    return tf.gather_nd(tf.transpose(scores, [0, 2, 1]), queries)


@wrong_answer("transcripts", "transcripts from the first class only: ignores the class column")
def transcripts_first_class_only_ignores(scores, pairs):
    return tf.gather(scores[0], pairs[:, 1])


@wrong_answer("class_subjects", "gathers subjects along the student axis (axis=1)")
def gathers_subjects_along_student_axis(scores, class_ids, subject_ids):
    return tf.gather(tf.gather(scores, class_ids, axis=0), subject_ids, axis=1)


@wrong_answer("class_subjects", "sorts the requested ids instead of keeping their order")
def sorts_requested_ids_instead_keeping(scores, class_ids, subject_ids):
    picked = tf.gather(scores, tf.sort(class_ids), axis=0)
    return tf.gather(picked, tf.sort(subject_ids), axis=2)


@wrong_answer("honor_roll", "strict > threshold: drops a student whose average equals it")
def strict_threshold_drops_student_whose(scores, min_average):
    return tf.boolean_mask(scores, tf.reduce_mean(scores, axis=2) > min_average)


@wrong_answer("honor_roll", "averages over the student axis instead of the subject axis")
def averages_over_student_axis_instead(scores, min_average):
    keep = tf.reduce_mean(scores, axis=1) >= min_average  # [classes, subjects]
    return tf.boolean_mask(tf.transpose(scores, [0, 2, 1]), keep)


@wrong_answer("honor_roll", "student-major order: transposes before masking")
def student_major_order_transposes_before(scores, min_average):
    swapped = tf.transpose(scores, [1, 0, 2])
    return tf.boolean_mask(swapped, tf.reduce_mean(swapped, axis=2) >= min_average)


@wrong_answer("last_students", "scores[:, -count:]: returns every student when count is 0")
def scores_count_returns_every_student(scores, count):
    return scores[:, -count:, :]


@wrong_answer("subjects_reversed", "reverses the student axis instead of the subject axis")
def reverses_student_axis_instead_subject(scores):
    return scores[:, ::-1, :]


@wrong_answer("transcripts", "flattens classes and students, but multiplies the class by the number of classes")
def flattens_classes_students_but_multiplies(scores, pairs):
    flat = tf.reshape(scores, [-1, scores.shape[2]])
    return tf.gather(flat, pairs[:, 0] * scores.shape[0] + pairs[:, 1])


@wrong_answer("honor_roll", "sums over subjects instead of averaging")
def sums_over_subjects_instead_averaging(scores, min_average):
    return tf.boolean_mask(scores, tf.reduce_sum(scores, axis=2) >= min_average)


@wrong_answer("last_students", "takes the number of classes (axis 0) as the number of students")
def takes_number_classes_axis_0(scores, count):
    return scores[:, scores.shape[0] - count:, :]


@wrong_answer("last_students", "scores[:, :count]: the first students, not the last")
def scores_count_first_students_not(scores, count):
    return scores[:, :count, :]


@wrong_answer("subjects_reversed", "sorts each transcript ascending: agrees with the docstring's [90, 80, 70] by luck")
def sorts_each_transcript_ascending_agrees(scores):
    return tf.sort(scores, axis=-1)


@wrong_answer("scores_at", "flattens the scores and builds flat indices with int32 strides: int64 queries fail")
def flat_index_int32_strides(scores, queries):
    strides = tf.constant([scores.shape[1] * scores.shape[2], scores.shape[2], 1])
    return tf.gather(tf.reshape(scores, [-1]), tf.reduce_sum(queries * strides, axis=1))


@wrong_answer("transcripts", "chains two tf.gather calls: every class asked with every student asked, [n, n, subjects]")
def chains_two_gathers(scores, pairs):
    return tf.gather(tf.gather(scores, pairs[:, 0]), pairs[:, 1], axis=1)


@wrong_answer("transcripts", "a Python loop stacking one row per pair: fails when there are no pairs")
def python_loop_stacks_rows(scores, pairs):
    return tf.stack([scores[c, s] for c, s in pairs.numpy()])


@wrong_answer("class_subjects", "numpy-style fancy indexing with the subject ids: tensors do not take a tensor index")
def numpy_style_subject_index(scores, class_ids, subject_ids):
    return tf.gather(scores, class_ids)[:, :, subject_ids]


@wrong_answer("honor_roll", "averages with keepdims=True: a [classes, students, 1] mask does not fit")
def averages_keepdims_mask(scores, min_average):
    return tf.boolean_mask(scores, tf.reduce_mean(scores, axis=2, keepdims=True) >= min_average)


@wrong_answer("honor_roll", "returns the averages of the students on the roll instead of their transcripts")
def returns_averages_not_transcripts(scores, min_average):
    averages = tf.reduce_mean(scores, axis=2)
    return tf.boolean_mask(averages, averages >= min_average)


@wrong_answer("last_students", "newest first: reverses the student axis and takes the first count")
def newest_first_reversed(scores, count):
    return scores[:, ::-1, :][:, :count, :]


@wrong_answer("subjects_reversed", "scores[..., :0:-1]: a stop index of 0 drops the first subject")
def stop_index_zero_drops_first(scores):
    return scores[..., :0:-1]
