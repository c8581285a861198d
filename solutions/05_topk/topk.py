"""Kata 05 — Sorting and top-k accuracy.

A classifier gives every example a score per class: `probs` is a float tensor
`[examples, classes]` and `labels` an int tensor (int32 or int64) `[examples]` of true classes. Top-k
accuracy asks: how often is the true class among the k best-scored classes? The notes'
example: probs [[0.1, 0.2, 0.7], [0.2, 0.7, 0.1]] with labels [2, 0] have top-1 accuracy
0.5 (only the first row's best class is right) and top-2 accuracy 1.0.

Run `make kata N=05` to test your answers, `make hint N=05` when stuck.
"""

import tensorflow as tf


def sort_descending(values):
    """Every row of `values` `[rows, columns]` sorted from largest to smallest.

    Example: [[3, 1, 2]] -> [[3, 2, 1]].
    """
    ### BEGIN SOLUTION: tf.sort sorts along the last axis; it takes a direction argument.
    return tf.sort(values, axis=-1, direction="DESCENDING")
    ### END SOLUTION


def ranking(values):
    """For every row, the column indices from the largest value to the smallest.

    Equal values keep their original left-to-right order (a stable sort).
    Example: [[3, 1, 3, 2]] -> [[0, 2, 3, 1]] (int32).
    """
    ### BEGIN SOLUTION: tf.argsort is to tf.sort what argmax is to max; ask for a stable sort.
    return tf.argsort(values, axis=-1, direction="DESCENDING", stable=True)
    ### END SOLUTION


def top_classes(probs, k):
    """The k best scores of every row and the classes they belong to, best first.

    Return `(values [rows, k], indices [rows, k])`; k is anything from 1 to the number of classes.
    Example: probs [[0.1, 0.2, 0.7]], k=2 -> ([[0.7, 0.2]], [[2, 1]]).
    """
    ### BEGIN SOLUTION: tf.math.top_k returns values and indices without sorting the whole row.
    result = tf.math.top_k(probs, k=k)
    return result.values, result.indices
    ### END SOLUTION


def topk_accuracy(probs, labels, k):
    """The fraction of rows whose true class is among the k highest scores, as a Python float.

    Ties: the true class counts as a hit when fewer than k classes score strictly higher
    than it (the rule of `tf.math.in_top_k` and Keras' top-k metrics). k is anything from 1 to the
    number of classes; at k = classes every row is a hit.

    Example: probs [[0.1, 0.2, 0.7], [0.2, 0.7, 0.1]], labels [2, 0]: k=1 -> 0.5, k=2 -> 1.0.
    Example with a tie: probs [[0.5, 0.5, 0.5]], labels [2], k=1 -> 1.0.
    """
    ### BEGIN SOLUTION: take each row's score of its true class; count the classes that score strictly higher.
    # One vectorised comparison per row: no sort is needed, so this is as fast as tf.math.in_top_k.
    true_scores = tf.gather(probs, labels, axis=1, batch_dims=1)  # [rows]
    higher = tf.reduce_sum(tf.cast(probs > true_scores[:, None], tf.int32), axis=1)
    hits = tf.cast(higher < k, tf.float32)
    return float(tf.reduce_mean(hits))
    ### END SOLUTION


def topk_accuracies(probs, labels, ks):
    """Top-k accuracy for several k at once, as a dict {k: accuracy} with Python float accuracies.

    `ks` is any sequence of k values, in any order (for example [5, 1, 10]).
    Example: the notes' probs and labels with ks (1, 2, 3) -> {1: 0.5, 2: 1.0, 3: 1.0}.
    """
    ### BEGIN SOLUTION: a dict comprehension over ks that calls topk_accuracy.
    return {k: topk_accuracy(probs, labels, k) for k in ks}
    ### END SOLUTION
