"""Plausible wrong answers to kata 04; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("averages each student over subjects (axis=1)")
def subject_means(scores):
    return tf.reduce_mean(tf.cast(scores, tf.float32), axis=1)


@wrong_answer("reduce_mean on the int tensor, cast afterwards: integer division truncates")
def subject_means(scores):  # noqa: F811
    return tf.cast(tf.reduce_mean(scores, axis=0), tf.float32)


@wrong_answer("axis=1 instead of axis=-1: wrong for 3-D input")
def value_range(values):
    return tf.reduce_max(values, axis=1) - tf.reduce_min(values, axis=1)


@wrong_answer("no axis: one spread for the whole tensor")
def value_range(values):  # noqa: F811
    return tf.reduce_max(values) - tf.reduce_min(values)


@wrong_answer("L2 without the square root (sum of squares)")
def vector_norms(vectors):
    return (tf.norm(vectors, ord=1, axis=1), tf.reduce_sum(tf.square(vectors), axis=1),
            tf.norm(vectors, ord=float("inf"), axis=1))


@wrong_answer("L1 and infinity norms forget the absolute value")
def vector_norms(vectors):  # noqa: F811
    return tf.reduce_sum(vectors, axis=1), tf.norm(vectors, axis=1), tf.reduce_max(vectors, axis=1)


@wrong_answer("norms over columns (axis=0)")
def vector_norms(vectors):  # noqa: F811
    return (tf.norm(vectors, ord=1, axis=0), tf.norm(vectors, ord=2, axis=0),
            tf.norm(vectors, ord=float("inf"), axis=0))


@wrong_answer("argmax's default int64 output")
def best_and_worst_class(probs):
    return tf.argmax(probs, axis=-1), tf.argmin(probs, axis=-1)


@wrong_answer("argmax along axis 0 (tf.argmax's default): the best example per class")
def best_and_worst_class(probs):  # noqa: F811
    return (tf.argmax(probs, axis=0, output_type=tf.int32), tf.argmin(probs, axis=0, output_type=tf.int32))


@wrong_answer("averages the 0/1 hits as int32: truncates to 0")
def accuracy(logits, labels):
    predicted = tf.argmax(logits, axis=-1, output_type=tf.int32)
    return float(tf.reduce_mean(tf.cast(tf.equal(predicted, labels), tf.int32)))


@wrong_answer("returns a scalar tensor instead of a Python float")
def accuracy(logits, labels):  # noqa: F811
    predicted = tf.argmax(logits, axis=-1, output_type=tf.int32)
    return tf.reduce_mean(tf.cast(tf.equal(predicted, labels), tf.float32))


@wrong_answer("compares the highest score itself with the label, not its class")
def accuracy(logits, labels):  # noqa: F811
    predicted = tf.cast(tf.reduce_max(logits, axis=-1), tf.int32)
    return float(tf.reduce_mean(tf.cast(tf.equal(predicted, labels), tf.float32)))


@wrong_answer("sorted vocabulary (numpy's np.unique order), codes into it")
def encode_labels(labels):
    vocabulary = tf.sort(tf.unique(labels).y)
    codes = tf.searchsorted(vocabulary, labels, out_type=tf.int32)
    return vocabulary, codes


@wrong_answer("returns the positions of first appearance as codes, not vocabulary indices")
def encode_labels(labels):  # noqa: F811
    vocabulary, codes = tf.unique(labels)
    return vocabulary, tf.range(tf.size(codes))


@wrong_answer("tf.gather(codes, vocabulary): arguments swapped")
def decode_labels(vocabulary, codes):
    return tf.gather(codes, vocabulary)


@wrong_answer("returns the first len(codes) vocabulary entries, ignoring the codes' order")
def decode_labels(vocabulary, codes):  # noqa: F811
    return tf.gather(vocabulary, tf.range(tf.size(codes)) % tf.size(vocabulary))


@wrong_answer("multiplies only the first pair of matrices (assumes a batch of 1)")
def batch_matmul(a, b):
    return tf.matmul(a[:1], b[:1])


@wrong_answer("tf.tensordot(a, b, axes=1): multiplies across batches, shape [batch, n, batch, m]")
def batch_matmul(a, b):  # noqa: F811
    return tf.tensordot(a, b, axes=1)


@wrong_answer("L2 without an axis: one norm for the whole batch")
def vector_norms(vectors):  # noqa: F811
    return (tf.norm(vectors, ord=1, axis=1), tf.norm(vectors),
            tf.norm(vectors, ord=float("inf"), axis=1))


@wrong_answer("last entries of tf.argsort: on a tie the last class wins")
def best_and_worst_class(probs):  # noqa: F811
    best = tf.argsort(probs, axis=-1)[:, -1]
    worst = tf.argsort(probs, axis=-1, direction="DESCENDING")[:, -1]
    return best, worst


@wrong_answer("returns .numpy() of the mean: a numpy float32, not a Python float")
def accuracy(logits, labels):  # noqa: F811
    predicted = tf.argmax(logits, axis=-1, output_type=tf.int32)
    return tf.reduce_mean(tf.cast(tf.equal(predicted, labels), tf.float32)).numpy()


@wrong_answer("tf.unique with out_idx=tf.int64: codes come back int64")
def encode_labels(labels):  # noqa: F811
    vocabulary, codes = tf.unique(labels, out_idx=tf.int64)
    return vocabulary, codes
