"""Plausible wrong answers to kata 10; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("the notes' reduce_mean over everything: one number for the whole batch")
def mean_squared_error(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred))


@wrong_answer("absolute instead of squared difference (that is MAE)")
def mean_squared_error(y_true, y_pred):  # noqa: F811
    return tf.reduce_mean(tf.abs(y_true - y_pred), axis=-1)


@wrong_answer("p * log(p): a zero probability gives 0 * -inf = nan")
def entropy(probs):
    return -tf.reduce_sum(probs * tf.math.log(probs), axis=-1)


@wrong_answer("log base 2 (bits) instead of the natural log")
def entropy(probs):  # noqa: F811
    return -tf.reduce_sum(tf.math.xlogy(probs, probs), axis=-1) / tf.math.log(2.0)


@wrong_answer("swaps the roles: -sum probs * log(targets)")
def cross_entropy(targets, probs):
    return -tf.reduce_sum(probs * tf.math.log(targets + 1e-12), axis=-1)


@wrong_answer("log of the softmax: softmax underflows to 0 for logits of ±1000 and the loss is inf")
def cross_entropy_from_logits(targets, logits):
    return -tf.reduce_sum(targets * tf.math.log(tf.nn.softmax(logits)), axis=-1)


@wrong_answer("exp of the raw logits: e^1000 is inf and the loss nan")
def cross_entropy_from_logits(targets, logits):  # noqa: F811
    log_probs = logits - tf.math.log(tf.reduce_sum(tf.exp(logits), axis=-1, keepdims=True))
    return -tf.reduce_sum(targets * log_probs, axis=-1)


@wrong_answer("subtracts the maximum but forgets to add it back: off by the row maximum")
def cross_entropy_from_logits(targets, logits):  # noqa: F811
    shifted = logits - tf.reduce_max(logits, axis=-1, keepdims=True)
    log_probs = logits - tf.math.log(tf.reduce_sum(tf.exp(shifted), axis=-1, keepdims=True))
    return -tf.reduce_sum(targets * log_probs, axis=-1)


@wrong_answer("uses the label as the logit directly: -logits[label] without the log-sum-exp")
def sparse_cross_entropy_from_logits(labels, logits):
    return -tf.gather(logits, labels, axis=1, batch_dims=1)


@wrong_answer("no clipping: a prediction of exactly 0 or 1 gives inf or nan")
def binary_cross_entropy(y_true, y_pred):
    return -tf.reduce_mean(y_true * tf.math.log(y_pred) + (1.0 - y_true) * tf.math.log(1.0 - y_pred), axis=-1)


@wrong_answer("sums over the last axis instead of averaging")
def binary_cross_entropy(y_true, y_pred):  # noqa: F811
    p = tf.clip_by_value(y_pred, EPSILON, 1.0 - EPSILON)
    return -tf.reduce_sum(y_true * tf.math.log(p) + (1.0 - y_true) * tf.math.log(1.0 - p), axis=-1)


@wrong_answer("log of the sigmoid: sigmoid(-1000) is 0 and the loss is inf")
def binary_cross_entropy_from_logits(y_true, logits):
    p = tf.sigmoid(logits)
    return -tf.reduce_mean(y_true * tf.math.log(p) + (1.0 - y_true) * tf.math.log(1.0 - p), axis=-1)


@wrong_answer("log(1 + exp(-x)) without the absolute value: exp(1000) overflows")
def binary_cross_entropy_from_logits(y_true, logits):  # noqa: F811
    per_element = tf.maximum(logits, 0.0) - logits * y_true + tf.math.log1p(tf.exp(-logits))
    return tf.reduce_mean(per_element, axis=-1)


@wrong_answer("sums the squared differences instead of averaging them")
def mean_squared_error(y_true, y_pred):  # noqa: F811
    return tf.reduce_sum(tf.square(y_true - y_pred), axis=-1)


@wrong_answer("reduce_sum without an axis: one entropy for the whole batch")
def entropy(probs):  # noqa: F811
    return -tf.reduce_sum(tf.math.xlogy(probs, probs))


@wrong_answer("averages over the classes instead of summing")
def cross_entropy(targets, probs):  # noqa: F811
    return -tf.reduce_mean(targets * tf.math.log(probs), axis=-1)


@wrong_answer("subtracts the maximum of the whole batch, not of each row")
def cross_entropy_from_logits(targets, logits):  # noqa: F811
    shifted = logits - tf.reduce_max(logits)
    log_probs = shifted - tf.math.log(tf.reduce_sum(tf.exp(shifted), axis=-1, keepdims=True))
    return -tf.reduce_sum(targets * log_probs, axis=-1)


@wrong_answer("one_hot depth from the batch size (axis 0) instead of the number of classes")
def sparse_cross_entropy_from_logits(labels, logits):  # noqa: F811
    return cross_entropy_from_logits(tf.one_hot(labels, depth=tf.shape(logits)[0], dtype=logits.dtype), logits)


@wrong_answer("clips only from below: a prediction of exactly 1 still gives log(0)")
def binary_cross_entropy(y_true, y_pred):  # noqa: F811
    p = tf.maximum(y_pred, EPSILON)
    return -tf.reduce_mean(y_true * tf.math.log(p) + (1.0 - y_true) * tf.math.log(1.0 - p), axis=-1)


@wrong_answer("tf.nn.sigmoid_cross_entropy_with_logits without the mean over the last axis")
def binary_cross_entropy_from_logits(y_true, logits):  # noqa: F811
    return tf.nn.sigmoid_cross_entropy_with_logits(labels=y_true, logits=logits)


@wrong_answer("forgets max(x, 0): -x * y + log(1 + exp(-|x|))")
def binary_cross_entropy_from_logits(y_true, logits):  # noqa: F811
    return tf.reduce_mean(-logits * y_true + tf.math.log1p(tf.exp(-tf.abs(logits))), axis=-1)
