"""Plausible wrong answers to kata 05; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("sort_descending", "sorts ascending (tf.sort's default direction)")
def sorts_ascending_tf_sort_default(values):
    return tf.sort(values, axis=-1)


@wrong_answer("sort_descending", "sorts along the first axis (columns) instead of each row")
def sorts_along_first_axis_columns(values):
    return tf.sort(values, axis=0, direction="DESCENDING")


@wrong_answer("ranking", "breaks ties right to left (sorts the reversed row)")
def breaks_ties_right_left_sorts(values):
    last = tf.shape(values, out_type=tf.int32)[-1] - 1
    return last - tf.argsort(values[:, ::-1], axis=-1, direction="DESCENDING", stable=True)


@wrong_answer("ranking", "returns the ascending order (worst first)")
def returns_ascending_order_worst_first(values):
    return tf.argsort(values, axis=-1, stable=True)


@wrong_answer("top_classes", "swaps the outputs: (indices, values)")
def swaps_outputs_indices_values(probs, k):
    result = tf.math.top_k(probs, k=k)
    return result.indices, result.values


@wrong_answer("topk_accuracy", "membership in tf.math.top_k's indices: breaks ties by column, so tied labels miss")
def membership_tf_math_top_k(probs, labels, k):
    indices = tf.math.top_k(probs, k=k).indices
    hits = tf.reduce_any(tf.equal(indices, tf.cast(labels, tf.int32)[:, None]), axis=1)
    return float(tf.reduce_mean(tf.cast(hits, tf.float32)))


@wrong_answer("topk_accuracy", "off by one: counts a hit when up to k classes score higher")
def off_one_counts_hit_when(probs, labels, k):
    true_scores = tf.gather(probs, labels, axis=1, batch_dims=1)
    higher = tf.reduce_sum(tf.cast(probs > true_scores[:, None], tf.int32), axis=1)
    return float(tf.reduce_mean(tf.cast(higher <= k, tf.float32)))


@wrong_answer("topk_accuracy", ">= instead of >: a tie with the true class counts against it")
def instead_tie_true_class_counts(probs, labels, k):
    true_scores = tf.gather(probs, labels, axis=1, batch_dims=1)
    not_lower = tf.reduce_sum(tf.cast(probs >= true_scores[:, None], tf.int32), axis=1) - 1
    return float(tf.reduce_mean(tf.cast(not_lower < k, tf.float32)))


@wrong_answer("topk_accuracy", "ignores k: plain argmax accuracy")
def ignores_k_plain_argmax_accuracy(probs, labels, k):
    predicted = tf.argmax(probs, axis=1, output_type=tf.int32)
    return float(tf.reduce_mean(tf.cast(tf.equal(predicted, tf.cast(labels, tf.int32)), tf.float32)))


@wrong_answer("topk_accuracy", "returns a scalar tensor instead of a Python float")
def returns_scalar_tensor_instead_python(probs, labels, k):
    return tf.reduce_mean(tf.cast(tf.math.in_top_k(labels, probs, k), tf.float32))


@wrong_answer("topk_accuracies", "keys are strings ('1', '2', ...) instead of the ints asked for")
def keys_strings_1_2_instead(probs, labels, ks):
    return {str(k): topk_accuracy(probs, labels, k) for k in ks}



@wrong_answer("sort_descending", "tf.math.top_k with k = number of rows instead of number of columns")
def tf_math_top_k_k(values):
    return tf.math.top_k(values, k=tf.shape(values)[0]).values


@wrong_answer("ranking", "argsort of the argsort: each column's rank instead of the columns in rank order")
def argsort_argsort_each_column_rank(values):
    order = tf.argsort(values, axis=-1, direction="DESCENDING", stable=True)
    return tf.argsort(order, axis=-1, stable=True)


@wrong_answer("top_classes", "the last k of an ascending sort: the right classes, but worst first")
def last_k_ascending_sort_right(probs, k):
    return tf.sort(probs, axis=-1)[:, -k:], tf.argsort(probs, axis=-1, stable=True)[:, -k:]


@wrong_answer("topk_accuracies", "uses the first k of ks for every entry")
def uses_first_k_ks_every(probs, labels, ks):
    return {k: topk_accuracy(probs, labels, ks[0]) for k in ks}


@wrong_answer("ranking", "an ascending stable argsort read backwards: tied columns come out right to left")
def ascending_argsort_reversed(values):
    return tf.argsort(values, axis=-1, stable=True)[:, ::-1]


@wrong_answer("ranking", "numpy's stable argsort of the negated values: int64 indices, not int32")
def numpy_argsort_int64(values):
    import numpy as np  # Wrong answers run with the solution's globals, which have no numpy.

    return tf.constant(np.argsort(-np.asarray(values), axis=-1, kind="stable"))


@wrong_answer("top_classes", "sorts the values descending but forgets the direction on argsort: the worst k classes")
def argsort_forgets_direction(probs, k):
    return tf.sort(probs, axis=-1, direction="DESCENDING")[:, :k], tf.argsort(probs, axis=-1)[:, :k]


@wrong_answer("topk_accuracy", "gather_nd with tf.stack([tf.range(rows), labels]): int64 labels cannot stack with int32")
def gather_nd_stack_int32_range(probs, labels, k):
    rows = tf.shape(probs)[0]
    true_scores = tf.gather_nd(probs, tf.stack([tf.range(rows), labels], axis=1))
    higher = tf.reduce_sum(tf.cast(probs > true_scores[:, None], tf.int32), axis=1)
    return float(tf.reduce_mean(tf.cast(higher < k, tf.float32)))


@wrong_answer("topk_accuracy", "Keras' sparse top-k metric without k: its default k=5 whatever k is asked")
def keras_metric_default_k(probs, labels, k):
    import keras  # Wrong answers run with the solution's globals, which have no keras.

    return float(tf.reduce_mean(keras.metrics.sparse_top_k_categorical_accuracy(labels, probs)))


@wrong_answer("topk_accuracy", "counts classes scoring at least as high, itself included: one too many, so every k acts as k - 1")
def counts_itself_among_higher(probs, labels, k):
    true_scores = tf.gather(probs, labels, axis=1, batch_dims=1)
    not_lower = tf.reduce_sum(tf.cast(probs >= true_scores[:, None], tf.int32), axis=1)
    return float(tf.reduce_mean(tf.cast(not_lower < k, tf.float32)))


@wrong_answer("topk_accuracies", "assumes ks is 1, 2, ..., len(ks)")
def assumes_ks_one_to_n(probs, labels, ks):
    return {k: topk_accuracy(probs, labels, k) for k in range(1, len(ks) + 1)}


@wrong_answer("topk_accuracies", "accuracies left as scalar tensors in the dict")
def accuracies_as_tensors(probs, labels, ks):
    return {k: tf.reduce_mean(tf.cast(tf.math.in_top_k(labels, probs, k), tf.float32)) for k in ks}


@wrong_answer("topk_accuracies", "a list of accuracies in the order of ks instead of a dict")
def list_instead_of_dict(probs, labels, ks):
    return [topk_accuracy(probs, labels, k) for k in ks]
