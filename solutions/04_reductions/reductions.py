"""Kata 04 — Reductions and statistics.

A reduction (`tf.reduce_sum`, `tf.reduce_mean`, `tf.reduce_max`, `tf.norm`, `tf.argmax`)
collapses one or more axes of a tensor into a single number per remaining position.
The `axis` you pass is the axis that disappears. Here you summarise exam scores,
measure vectors, score a classifier, encode labels with `tf.unique`, multiply a
batch of matrices at once, and reduce every matrix of a batch to its determinant and
trace (with its inverse beside them) using `tf.linalg`.

Run `make kata N=04` to test your answers, `make hint N=04` when stuck.
"""

import tensorflow as tf


def subject_means(scores):
    """The mean score of each subject over all students, as float32.

    `scores` is `[students, subjects]` of any numeric dtype (int32, int64, float64, ...); return
    a float32 `[subjects]` whatever the input dtype.
    Example: [[90, 61], [80, 70]] (int32) -> [85.0, 65.5].
    """
    ### BEGIN SOLUTION: cast to float32 first, then tf.reduce_mean over the student axis (the first one).
    # tf.reduce_mean of an int tensor does integer division: 65.5 would come back as 65.
    return tf.reduce_mean(tf.cast(scores, tf.float32), axis=0)
    ### END SOLUTION


def value_range(values):
    """The spread (largest minus smallest) along the last axis, for a tensor of any rank.

    `[..., n]` -> `[...]`. Example: [[3, 9, 4], [5, 5, 1]] -> [6, 4];
    a `[2, 3, 4]` tensor gives `[2, 3]`, and a vector `[n]` gives a scalar.
    """
    ### BEGIN SOLUTION: tf.reduce_max minus tf.reduce_min, both along the last axis.
    # axis=-1 names the last axis whatever the rank, so the same code serves 2-D and 3-D input.
    return tf.reduce_max(values, axis=-1) - tf.reduce_min(values, axis=-1)
    ### END SOLUTION


def vector_norms(vectors):
    """The L1, L2 and infinity norms of every row of `vectors` `[rows, dims]`.

    Return `(l1, l2, linf)`, each float `[rows]`: L1 is the sum of absolute values, L2 the
    square root of the sum of squares, and the infinity norm the largest absolute value.
    Example: [[3., -4.]] -> ([7.], [5.], [4.]).
    """
    ### BEGIN SOLUTION: tf.norm takes an ord argument (1, 2 or infinity) and an axis; one call per norm, row by row.
    l1 = tf.norm(vectors, ord=1, axis=1)
    l2 = tf.norm(vectors, ord=2, axis=1)
    linf = tf.norm(vectors, ord=float("inf"), axis=1)
    return l1, l2, linf
    ### END SOLUTION


def best_and_worst_class(probs):
    """For every row of `probs` `[examples, classes]`, the class with the highest and with the lowest score.

    Return `(best, worst)`, each int32 `[examples]`; on a tie the first such class wins.
    Example: [[0.1, 0.7, 0.2], [0.5, 0.2, 0.3]] -> ([1, 0], [0, 1]).
    """
    ### BEGIN SOLUTION: tf.argmax and tf.argmin along the last axis; both take an output_type argument for int32.
    # Without output_type, argmax returns int64.
    best = tf.argmax(probs, axis=-1, output_type=tf.int32)
    worst = tf.argmin(probs, axis=-1, output_type=tf.int32)
    return best, worst
    ### END SOLUTION


def accuracy(logits, labels):
    """The fraction of examples whose highest-scoring class equals the int32 label, as a Python float.

    `logits` is `[examples, classes]`, `labels` is int32 `[examples]`.
    Example: logits [[2., 1.], [0., 3.], [5., 4.]] with labels [0, 1, 1] -> 0.6666...
    """
    ### BEGIN SOLUTION: tf.equal compares predictions with labels elementwise; turn the booleans into a mean, then a Python float.
    predicted = tf.argmax(logits, axis=-1, output_type=tf.int32)
    # Cast to float before averaging: the mean of an int 0/1 tensor would truncate to 0.
    hits = tf.cast(tf.equal(predicted, labels), tf.float32)
    return float(tf.reduce_mean(hits))
    ### END SOLUTION


def encode_labels(labels):
    """Number the distinct labels in the order they first appear.

    `labels` is a 1-D tensor (numbers or strings). Return `(vocabulary, codes)`:
    `vocabulary` holds each distinct label once, in order of first appearance, and
    `codes` (int32, same length as `labels`) says where each label sits in `vocabulary`.
    Example: ["cat", "dog", "cat", "bird"] -> (["cat", "dog", "bird"], [0, 1, 0, 2]).
    """
    ### BEGIN SOLUTION: tf.unique returns exactly this pair (y, idx).
    vocabulary, codes = tf.unique(labels)
    return vocabulary, codes
    ### END SOLUTION


def decode_labels(vocabulary, codes):
    """The labels that `codes` stand for: the inverse of `encode_labels`.

    Example: vocabulary ["cat", "dog", "bird"], codes [0, 1, 0, 2] -> ["cat", "dog", "cat", "bird"].
    """
    ### BEGIN SOLUTION: tf.gather looks each code up in the vocabulary.
    return tf.gather(vocabulary, codes)
    ### END SOLUTION


def batch_matmul(a, b):
    """Multiply matching matrices of two batches: `[batch, n, k]` @ `[batch, k, m]` -> `[batch, n, m]`.

    result[i] is the matrix product a[i] @ b[i].
    Example: a of shape [2, 3, 4] and b of shape [2, 4, 5] -> shape [2, 3, 5].
    """
    ### BEGIN SOLUTION: tf.matmul (the @ operator) treats the leading axes as a batch.
    return tf.matmul(a, b)
    ### END SOLUTION


def matrix_summaries(matrices):
    """The inverse, determinant and trace of every square matrix of a batch.

    `matrices` is float32 or float64 `[..., n, n]` (any number of batch axes, every matrix
    invertible). Return `(inverses, determinants, traces)` in the input's dtype:
    `inverses` `[..., n, n]` (inverses[i] @ matrices[i] is the identity), `determinants`
    and `traces` (the sum of the main diagonal) `[...]`, one number per matrix.
    Example: [[[2., 1.], [7., 4.]]] -> ([[[4., -1.], [-7., 2.]]], [1.], [6.]);
    a `[2, 3, 4, 4]` batch gives `[2, 3, 4, 4]`, `[2, 3]` and `[2, 3]`.
    """
    ### BEGIN SOLUTION: tf.linalg has one function for each of the three, and all of them treat the leading axes as a batch.
    return tf.linalg.inv(matrices), tf.linalg.det(matrices), tf.linalg.trace(matrices)
    ### END SOLUTION
