"""Plausible wrong answers to kata 05; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("sorts ascending (tf.sort's default direction)")
def sort_descending(values):
    return tf.sort(values, axis=-1)


@wrong_answer("sorts along the first axis (columns) instead of each row")
def sort_descending(values):  # noqa: F811
    return tf.sort(values, axis=0, direction="DESCENDING")


@wrong_answer("breaks ties right to left (sorts the reversed row)")
def ranking(values):
    last = tf.shape(values, out_type=tf.int32)[-1] - 1
    return last - tf.argsort(values[:, ::-1], axis=-1, direction="DESCENDING", stable=True)


@wrong_answer("returns the ascending order (worst first)")
def ranking(values):  # noqa: F811
    return tf.argsort(values, axis=-1, stable=True)


@wrong_answer("swaps the outputs: (indices, values)")
def top_classes(probs, k):
    result = tf.math.top_k(probs, k=k)
    return result.indices, result.values


@wrong_answer("membership in tf.math.top_k's indices: breaks ties by column, so tied labels miss")
def topk_accuracy(probs, labels, k):
    indices = tf.math.top_k(probs, k=k).indices
    hits = tf.reduce_any(tf.equal(indices, tf.cast(labels, tf.int32)[:, None]), axis=1)
    return float(tf.reduce_mean(tf.cast(hits, tf.float32)))


@wrong_answer("off by one: counts a hit when up to k classes score higher")
def topk_accuracy(probs, labels, k):  # noqa: F811
    true_scores = tf.gather(probs, labels, axis=1, batch_dims=1)
    higher = tf.reduce_sum(tf.cast(probs > true_scores[:, None], tf.int32), axis=1)
    return float(tf.reduce_mean(tf.cast(higher <= k, tf.float32)))


@wrong_answer(">= instead of >: a tie with the true class counts against it")
def topk_accuracy(probs, labels, k):  # noqa: F811
    true_scores = tf.gather(probs, labels, axis=1, batch_dims=1)
    not_lower = tf.reduce_sum(tf.cast(probs >= true_scores[:, None], tf.int32), axis=1) - 1
    return float(tf.reduce_mean(tf.cast(not_lower < k, tf.float32)))


@wrong_answer("ignores k: plain argmax accuracy")
def topk_accuracy(probs, labels, k):  # noqa: F811
    predicted = tf.argmax(probs, axis=1, output_type=tf.int32)
    return float(tf.reduce_mean(tf.cast(tf.equal(predicted, tf.cast(labels, tf.int32)), tf.float32)))


@wrong_answer("returns a scalar tensor instead of a Python float")
def topk_accuracy(probs, labels, k):  # noqa: F811
    return tf.reduce_mean(tf.cast(tf.math.in_top_k(labels, probs, k), tf.float32))


@wrong_answer("keys are strings ('1', '2', ...) instead of the ints asked for")
def topk_accuracies(probs, labels, ks):
    return {str(k): topk_accuracy(probs, labels, k) for k in ks}



@wrong_answer("tf.math.top_k with k = number of rows instead of number of columns")
def sort_descending(values):  # noqa: F811
    return tf.math.top_k(values, k=tf.shape(values)[0]).values


@wrong_answer("argsort of the argsort: each column's rank instead of the columns in rank order")
def ranking(values):  # noqa: F811
    order = tf.argsort(values, axis=-1, direction="DESCENDING", stable=True)
    return tf.argsort(order, axis=-1, stable=True)


@wrong_answer("the last k of an ascending sort: the right classes, but worst first")
def top_classes(probs, k):  # noqa: F811
    return tf.sort(probs, axis=-1)[:, -k:], tf.argsort(probs, axis=-1, stable=True)[:, -k:]


@wrong_answer("uses the first k of ks for every entry")
def topk_accuracies(probs, labels, ks):  # noqa: F811
    return {k: topk_accuracy(probs, labels, ks[0]) for k in ks}
