"""Plausible wrong answers to kata 11; `make check` proves the tests catch every one."""

import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("mean_squared_error", "the notes' reduce_mean over everything: one number for the whole batch")
def notes_reduce_mean_over_everything(y_true, y_pred):
    return tf.reduce_mean(tf.square(y_true - y_pred))


@wrong_answer("mean_squared_error", "absolute instead of squared difference (that is MAE)")
def absolute_instead_squared_difference_mae(y_true, y_pred):
    return tf.reduce_mean(tf.abs(y_true - y_pred), axis=-1)


@wrong_answer("entropy", "p * log(p): a zero probability gives 0 * -inf = nan")
def p_log_p_zero_probability(probs):
    return -tf.reduce_sum(probs * tf.math.log(probs), axis=-1)


@wrong_answer("entropy", "log base 2 (bits) instead of the natural log")
def log_base_2_bits_instead(probs):
    return -tf.reduce_sum(tf.math.xlogy(probs, probs), axis=-1) / tf.math.log(2.0)


@wrong_answer("cross_entropy", "swaps the roles: -sum probs * log(targets)")
def swaps_roles_sum_probs_log(targets, probs):
    return -tf.reduce_sum(probs * tf.math.log(targets + 1e-12), axis=-1)


@wrong_answer("cross_entropy_from_logits", "log of the softmax: softmax underflows to 0 for logits of ±1000 and the loss is inf")
def log_softmax_softmax_underflows_0(targets, logits):
    return -tf.reduce_sum(targets * tf.math.log(tf.nn.softmax(logits)), axis=-1)


@wrong_answer("cross_entropy_from_logits", "exp of the raw logits: e^1000 is inf and the loss nan")
def exp_raw_logits_e_1000(targets, logits):
    log_probs = logits - tf.math.log(tf.reduce_sum(tf.exp(logits), axis=-1, keepdims=True))
    return -tf.reduce_sum(targets * log_probs, axis=-1)


@wrong_answer("cross_entropy_from_logits", "subtracts the maximum but forgets to add it back: off by the row maximum")
def subtracts_maximum_but_forgets_add(targets, logits):
    shifted = logits - tf.reduce_max(logits, axis=-1, keepdims=True)
    log_probs = logits - tf.math.log(tf.reduce_sum(tf.exp(shifted), axis=-1, keepdims=True))
    return -tf.reduce_sum(targets * log_probs, axis=-1)


@wrong_answer("sparse_cross_entropy_from_logits", "uses the label as the logit directly: -logits[label] without the log-sum-exp")
def uses_label_logit_directly_logits(labels, logits):
    return -tf.gather(logits, labels, axis=1, batch_dims=1)


@wrong_answer("binary_cross_entropy", "no clipping: a prediction of exactly 0 or 1 gives inf or nan")
def no_clipping_prediction_exactly_0(y_true, y_pred):
    return -tf.reduce_mean(y_true * tf.math.log(y_pred) + (1.0 - y_true) * tf.math.log(1.0 - y_pred), axis=-1)


@wrong_answer("binary_cross_entropy", "sums over the last axis instead of averaging")
def sums_over_last_axis_instead(y_true, y_pred):
    p = tf.clip_by_value(y_pred, EPSILON, 1.0 - EPSILON)
    return -tf.reduce_sum(y_true * tf.math.log(p) + (1.0 - y_true) * tf.math.log(1.0 - p), axis=-1)


@wrong_answer("binary_cross_entropy_from_logits", "log of the sigmoid: sigmoid(-1000) is 0 and the loss is inf")
def log_sigmoid_sigmoid_1000_0(y_true, logits):
    p = tf.sigmoid(logits)
    return -tf.reduce_mean(y_true * tf.math.log(p) + (1.0 - y_true) * tf.math.log(1.0 - p), axis=-1)


@wrong_answer("binary_cross_entropy_from_logits", "log(1 + exp(-x)) without the absolute value: exp(1000) overflows")
def log_1_exp_x_without(y_true, logits):
    per_element = tf.maximum(logits, 0.0) - logits * y_true + tf.math.log1p(tf.exp(-logits))
    return tf.reduce_mean(per_element, axis=-1)


@wrong_answer("mean_squared_error", "sums the squared differences instead of averaging them")
def sums_squared_differences_instead_averaging(y_true, y_pred):
    return tf.reduce_sum(tf.square(y_true - y_pred), axis=-1)


@wrong_answer("entropy", "reduce_sum without an axis: one entropy for the whole batch")
def reduce_sum_without_axis_one(probs):
    return -tf.reduce_sum(tf.math.xlogy(probs, probs))


@wrong_answer("cross_entropy", "averages over the classes instead of summing")
def averages_over_classes_instead_summing(targets, probs):
    return -tf.reduce_mean(targets * tf.math.log(probs), axis=-1)


@wrong_answer("cross_entropy_from_logits", "subtracts the maximum of the whole batch, not of each row")
def subtracts_maximum_whole_batch_not(targets, logits):
    shifted = logits - tf.reduce_max(logits)
    log_probs = shifted - tf.math.log(tf.reduce_sum(tf.exp(shifted), axis=-1, keepdims=True))
    return -tf.reduce_sum(targets * log_probs, axis=-1)


@wrong_answer("sparse_cross_entropy_from_logits", "one_hot depth from the batch size (axis 0) instead of the number of classes")
def one_hot_depth_batch_size(labels, logits):
    return cross_entropy_from_logits(tf.one_hot(labels, depth=tf.shape(logits)[0], dtype=logits.dtype), logits)


@wrong_answer("binary_cross_entropy", "clips only from below: a prediction of exactly 1 still gives log(0)")
def clips_only_below_prediction_exactly(y_true, y_pred):
    p = tf.maximum(y_pred, EPSILON)
    return -tf.reduce_mean(y_true * tf.math.log(p) + (1.0 - y_true) * tf.math.log(1.0 - p), axis=-1)


@wrong_answer("binary_cross_entropy_from_logits", "tf.nn.sigmoid_cross_entropy_with_logits without the mean over the last axis")
def tf_nn_sigmoid_cross_entropy(y_true, logits):
    return tf.nn.sigmoid_cross_entropy_with_logits(labels=y_true, logits=logits)


@wrong_answer("binary_cross_entropy_from_logits", "forgets max(x, 0): -x * y + log(1 + exp(-|x|))")
def forgets_max_x_0_x(y_true, logits):
    return tf.reduce_mean(-logits * y_true + tf.math.log1p(tf.exp(-tf.abs(logits))), axis=-1)


@wrong_answer("mean_squared_error", "the square root of the mean (RMSE)")
def root_mean_squared_error(y_true, y_pred):
    return tf.sqrt(tf.reduce_mean(tf.square(y_true - y_pred), axis=-1))


@wrong_answer("mean_squared_error", "squares the mean difference instead of averaging the squares")
def squares_the_mean_difference(y_true, y_pred):
    return tf.square(tf.reduce_mean(y_true - y_pred, axis=-1))


@wrong_answer("entropy", "forgets the minus sign: sum p * ln p is negative")
def forgets_the_minus_sign(probs):
    return tf.reduce_sum(tf.math.xlogy(probs, probs), axis=-1)


@wrong_answer("cross_entropy", "assumes one-hot targets: -ln of the probability at argmax(targets)")
def assumes_one_hot_targets(targets, probs):
    return -tf.math.log(tf.gather(probs, tf.argmax(targets, axis=-1), axis=1, batch_dims=1))


@wrong_answer("cross_entropy", "reduce_sum without an axis: one number for the whole batch")
def cross_entropy_without_axis(targets, probs):
    return -tf.reduce_sum(targets * tf.math.log(probs))


@wrong_answer("cross_entropy_from_logits", "x - tf.reduce_logsumexp(x): float32 rounds m + ln sum first, ln 3 comes out 1.098633")
def minus_reduce_logsumexp(targets, logits):
    log_probs = logits - tf.reduce_logsumexp(logits, axis=-1, keepdims=True)
    return -tf.reduce_sum(targets * log_probs, axis=-1)


@wrong_answer("cross_entropy_from_logits", "assumes one-hot targets: the log-softmax at argmax(targets)")
def from_logits_assumes_one_hot(targets, logits):
    log_probs = tf.nn.log_softmax(logits)
    return -tf.gather(log_probs, tf.argmax(targets, axis=-1), axis=1, batch_dims=1)


@wrong_answer("sparse_cross_entropy_from_logits", "gather_nd with tf.range(batch) beside the labels: int64 labels do not stack")
def gather_nd_with_int32_range(labels, logits):
    rows = tf.range(tf.shape(labels)[0])
    log_probs = tf.nn.log_softmax(logits)
    return -tf.gather_nd(log_probs, tf.stack([rows, labels], axis=1))


@wrong_answer("sparse_cross_entropy_from_logits", "one_hot depth max(labels) + 1: classes no label uses are dropped")
def depth_from_the_largest_label(labels, logits):
    depth = tf.cast(tf.reduce_max(labels), tf.int32) + 1
    return cross_entropy_from_logits(tf.one_hot(labels, depth=depth, dtype=logits.dtype), logits)


@wrong_answer("binary_cross_entropy", "picks -ln p or -ln(1 - p) by the label: a soft label counts as 0 or 1")
def picks_by_the_label(y_true, y_pred):
    p = tf.clip_by_value(y_pred, EPSILON, 1.0 - EPSILON)
    return tf.reduce_mean(tf.where(y_true > 0.5, -tf.math.log(p), -tf.math.log(1.0 - p)), axis=-1)


@wrong_answer("binary_cross_entropy_from_logits", "picks softplus(-x) or softplus(x) by the label: soft labels rounded")
def logits_picks_by_the_label(y_true, logits):
    return tf.reduce_mean(tf.where(y_true > 0.5, tf.math.softplus(-logits), tf.math.softplus(logits)), axis=-1)


@wrong_answer("kl_divergence", "swaps the arguments: KL(q‖p) instead of KL(p‖q)")
def kl_of_q_from_p(p, q):
    return tf.reduce_sum(tf.math.xlogy(q, q) - tf.math.xlogy(q, p), axis=-1)


@wrong_answer("kl_divergence", "the log of q / p: the negative of the divergence")
def kl_with_the_ratio_upside_down(p, q):
    return tf.reduce_sum(tf.math.xlogy(p, q) - tf.math.xlogy(p, p), axis=-1)


@wrong_answer("kl_divergence", "p * ln(p / q): a zero p gives 0 * -inf = nan")
def kl_without_xlogy(p, q):
    return tf.reduce_sum(p * tf.math.log(p / q), axis=-1)


@wrong_answer("kl_divergence", "clips p and q into [1e-7, 1] as Keras does: a q of 1e-9 counts as 1e-7")
def kl_clipped_like_keras(p, q):
    p, q = tf.clip_by_value(p, 1e-7, 1.0), tf.clip_by_value(q, 1e-7, 1.0)
    return tf.reduce_sum(p * tf.math.log(p / q), axis=-1)


@wrong_answer("kl_divergence", "averages over the classes instead of summing")
def kl_mean_over_classes(p, q):
    return tf.reduce_mean(tf.math.xlogy(p, p) - tf.math.xlogy(p, q), axis=-1)


@wrong_answer("kl_divergence", "reduces like the loss object: one mean over the batch instead of one value per row")
def kl_averaged_over_the_batch(p, q):
    return tf.reduce_mean(tf.reduce_sum(tf.math.xlogy(p, p) - tf.math.xlogy(p, q), axis=-1))


@wrong_answer("kl_divergence_from_cross_entropy", "H(p) - H(p, q): the identity solved with the wrong sign")
def entropy_minus_cross_entropy(p, q):
    return entropy(p) - cross_entropy(p, q)


@wrong_answer("kl_divergence_from_cross_entropy", "H(p, q) - H(q): takes away the prediction's entropy instead of the truth's")
def subtracts_the_prediction_entropy(p, q):
    return cross_entropy(p, q) - entropy(q)


@wrong_answer("kl_divergence_from_cross_entropy", "H(p, q) + H(p): adds the entropy instead of taking it away")
def adds_the_entropy(p, q):
    return cross_entropy(p, q) + entropy(p)
