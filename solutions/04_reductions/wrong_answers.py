"""Plausible wrong answers to kata 04; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("subject_means", "averages each student over subjects (axis=1)")
def averages_each_student_over_subjects(scores):
    return tf.reduce_mean(tf.cast(scores, tf.float32), axis=1)


@wrong_answer("subject_means", "reduce_mean on the int tensor, cast afterwards: integer division truncates")
def reduce_mean_int_tensor_cast(scores):
    return tf.cast(tf.reduce_mean(scores, axis=0), tf.float32)


@wrong_answer("value_range", "axis=1 instead of axis=-1: wrong for 3-D input")
def axis_1_instead_axis_1(values):
    return tf.reduce_max(values, axis=1) - tf.reduce_min(values, axis=1)


@wrong_answer("value_range", "no axis: one spread for the whole tensor")
def no_axis_one_spread_whole(values):
    return tf.reduce_max(values) - tf.reduce_min(values)


@wrong_answer("vector_norms", "L2 without the square root (sum of squares)")
def l2_without_square_root_sum(vectors):
    return (tf.norm(vectors, ord=1, axis=1), tf.reduce_sum(tf.square(vectors), axis=1),
            tf.norm(vectors, ord=float("inf"), axis=1))


@wrong_answer("vector_norms", "L1 and infinity norms forget the absolute value")
def l1_infinity_norms_forget_absolute(vectors):
    return tf.reduce_sum(vectors, axis=1), tf.norm(vectors, axis=1), tf.reduce_max(vectors, axis=1)


@wrong_answer("vector_norms", "norms over columns (axis=0)")
def norms_over_columns_axis_0(vectors):
    return (tf.norm(vectors, ord=1, axis=0), tf.norm(vectors, ord=2, axis=0),
            tf.norm(vectors, ord=float("inf"), axis=0))


@wrong_answer("best_and_worst_class", "argmax's default int64 output")
def argmax_default_int64_output(probs):
    return tf.argmax(probs, axis=-1), tf.argmin(probs, axis=-1)


@wrong_answer("best_and_worst_class", "argmax along axis 0 (tf.argmax's default): the best example per class")
def argmax_along_axis_0_tf(probs):
    return (tf.argmax(probs, axis=0, output_type=tf.int32), tf.argmin(probs, axis=0, output_type=tf.int32))


@wrong_answer("accuracy", "averages the 0/1 hits as int32: truncates to 0")
def averages_0_1_hits_int32(logits, labels):
    predicted = tf.argmax(logits, axis=-1, output_type=tf.int32)
    return float(tf.reduce_mean(tf.cast(tf.equal(predicted, labels), tf.int32)))


@wrong_answer("accuracy", "returns a scalar tensor instead of a Python float")
def returns_scalar_tensor_instead_python(logits, labels):
    predicted = tf.argmax(logits, axis=-1, output_type=tf.int32)
    return tf.reduce_mean(tf.cast(tf.equal(predicted, labels), tf.float32))


@wrong_answer("accuracy", "compares the highest score itself with the label, not its class")
def compares_highest_score_itself_label(logits, labels):
    predicted = tf.cast(tf.reduce_max(logits, axis=-1), tf.int32)
    return float(tf.reduce_mean(tf.cast(tf.equal(predicted, labels), tf.float32)))


@wrong_answer("encode_labels", "sorted vocabulary (numpy's np.unique order), codes into it")
def sorted_vocabulary_numpy_np_unique(labels):
    vocabulary = tf.sort(tf.unique(labels).y)
    codes = tf.searchsorted(vocabulary, labels, out_type=tf.int32)
    return vocabulary, codes


@wrong_answer("encode_labels", "returns the positions of first appearance as codes, not vocabulary indices")
def returns_positions_first_appearance_codes(labels):
    vocabulary, codes = tf.unique(labels)
    return vocabulary, tf.range(tf.size(codes))


@wrong_answer("decode_labels", "tf.gather(codes, vocabulary): arguments swapped")
def tf_gather_codes_vocabulary_arguments(vocabulary, codes):
    return tf.gather(codes, vocabulary)


@wrong_answer("decode_labels", "returns the first len(codes) vocabulary entries, ignoring the codes' order")
def returns_first_len_codes_vocabulary(vocabulary, codes):
    return tf.gather(vocabulary, tf.range(tf.size(codes)) % tf.size(vocabulary))


@wrong_answer("batch_matmul", "multiplies only the first pair of matrices (assumes a batch of 1)")
def multiplies_only_first_pair_matrices(a, b):
    return tf.matmul(a[:1], b[:1])


@wrong_answer("batch_matmul", "tf.tensordot(a, b, axes=1): multiplies across batches, shape [batch, n, batch, m]")
def tf_tensordot_b_axes_1(a, b):
    return tf.tensordot(a, b, axes=1)


@wrong_answer("vector_norms", "L2 without an axis: one norm for the whole batch")
def l2_without_axis_one_norm(vectors):
    return (tf.norm(vectors, ord=1, axis=1), tf.norm(vectors),
            tf.norm(vectors, ord=float("inf"), axis=1))


@wrong_answer("best_and_worst_class", "last entries of tf.argsort: on a tie the last class wins")
def last_entries_tf_argsort_tie(probs):
    best = tf.argsort(probs, axis=-1)[:, -1]
    worst = tf.argsort(probs, axis=-1, direction="DESCENDING")[:, -1]
    return best, worst


@wrong_answer("accuracy", "returns .numpy() of the mean: a numpy float32, not a Python float")
def returns_numpy_mean_numpy_float32(logits, labels):
    predicted = tf.argmax(logits, axis=-1, output_type=tf.int32)
    return tf.reduce_mean(tf.cast(tf.equal(predicted, labels), tf.float32)).numpy()


@wrong_answer("encode_labels", "tf.unique with out_idx=tf.int64: codes come back int64")
def tf_unique_out_idx_tf(labels):
    vocabulary, codes = tf.unique(labels, out_idx=tf.int64)
    return vocabulary, codes


@wrong_answer("subject_means", "sum divided by the count with /: int over int gives float64")
def sum_over_count_float64(scores):
    return tf.reduce_sum(scores, axis=0) / tf.shape(scores)[0]


@wrong_answer("subject_means", "casts only integer scores: float64 scores come back float64")
def casts_only_integer_scores(scores):
    if scores.dtype.is_integer:
        scores = tf.cast(scores, tf.float32)
    return tf.reduce_mean(scores, axis=0)


@wrong_answer("value_range", "keepdims=True: keeps a trailing axis of length 1")
def keepdims_trailing_axis(values):
    return tf.reduce_max(values, axis=-1, keepdims=True) - tf.reduce_min(values, axis=-1, keepdims=True)


@wrong_answer("value_range", "argmax minus argmin: the positions of the extremes, not their values")
def argmax_minus_argmin_positions(values):
    return tf.argmax(values, axis=-1) - tf.argmin(values, axis=-1)


@wrong_answer("vector_norms", "L2 as the root mean square: divides by the number of dims")
def l2_root_mean_square(vectors):
    return (tf.norm(vectors, ord=1, axis=1), tf.sqrt(tf.reduce_mean(tf.square(vectors), axis=1)),
            tf.norm(vectors, ord=float("inf"), axis=1))


@wrong_answer("accuracy", "tf.argmax without output_type: its int64 against int32 labels makes tf.equal raise")
def argmax_int64_against_int32_labels(logits, labels):
    return float(tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, axis=-1), labels), tf.float32)))


@wrong_answer("accuracy", "counts the hits instead of taking their fraction")
def counts_hits_not_fraction(logits, labels):
    predicted = tf.argmax(logits, axis=-1, output_type=tf.int32)
    return float(tf.reduce_sum(tf.cast(tf.equal(predicted, labels), tf.float32)))


@wrong_answer("encode_labels", "codes counted from 1, as a lookup layer does (its 0 is the out-of-vocabulary slot)")
def codes_counted_from_one(labels):
    vocabulary, codes = tf.unique(labels)
    return vocabulary, codes + 1


@wrong_answer("decode_labels", "tf.gather_nd with the 1-D codes: reads them as one index row")
def gather_nd_with_flat_codes(vocabulary, codes):
    return tf.gather_nd(vocabulary, codes)


@wrong_answer("batch_matmul", "einsum 'bnk,bkm->nm': drops the batch letter, so the batch is summed away")
def einsum_sums_over_batch(a, b):
    return tf.einsum("bnk,bkm->nm", a, b)


@wrong_answer("matrix_summaries", "1 / matrices: the reciprocal of every entry, not the matrix inverse")
def reciprocal_of_every_entry(matrices):
    return 1.0 / matrices, tf.linalg.det(matrices), tf.linalg.trace(matrices)


@wrong_answer("matrix_summaries", "the transpose for the inverse: true only of rotations")
def transpose_for_the_inverse(matrices):
    return tf.linalg.matrix_transpose(matrices), tf.linalg.det(matrices), tf.linalg.trace(matrices)


@wrong_answer("matrix_summaries", "the determinant as the product of the diagonal: true only of triangular matrices")
def determinant_as_diagonal_product(matrices):
    return (tf.linalg.inv(matrices), tf.reduce_prod(tf.linalg.diag_part(matrices), axis=-1),
            tf.linalg.trace(matrices))


@wrong_answer("matrix_summaries", "the trace as the sum of every entry, not of the diagonal")
def trace_sums_every_entry(matrices):
    return tf.linalg.inv(matrices), tf.linalg.det(matrices), tf.reduce_sum(matrices, axis=[-2, -1])


@wrong_answer("matrix_summaries", "the diagonal summed over axis 1: right for one batch axis, wrong for two")
def trace_over_axis_one(matrices):
    return tf.linalg.inv(matrices), tf.linalg.det(matrices), tf.reduce_sum(tf.linalg.diag_part(matrices), axis=1)


@wrong_answer("matrix_summaries", "returns the trace and the determinant in each other's places")
def trace_and_determinant_swapped(matrices):
    return tf.linalg.inv(matrices), tf.linalg.trace(matrices), tf.linalg.det(matrices)
