"""Kata 11 — Losses.

A loss turns a batch of predictions into "how wrong": mean squared error for numbers,
cross-entropy for classes. Write the common ones with TensorFlow ops. Every loss here is
per example: for a batch of `[batch, classes]` (or `[batch, outputs]`) it returns `[batch]`,
like `keras.losses.*` functions do before a model averages them. Logarithms are natural
(nats), as in Keras: the notes write log2, but their worked example
H([1, 0, 0, 0, 0], [0.4, 0.3, 0.05, 0.05, ...]) = -ln 0.4 ≈ 0.916 uses ln.

KL divergence measures how far a prediction q is from the truth p: the cross-entropy H(p, q)
is the truth's own entropy H(p) plus KL(p‖q), so a classifier that minimises cross-entropy
minimises KL too (H(p) does not depend on the model).

Models output logits (scores before softmax/sigmoid). A loss "from logits" must stay finite
and exact for logits like ±1000, where softmax(1000) computed naively is inf / inf.

Run `make kata N=11` to test your answers, `make hint N=11` when stuck.
"""

import tensorflow as tf


def mean_squared_error(y_true, y_pred):
    """The mean of (y_true - y_pred)**2 over the last axis, for every example: `[batch]`.

    Example: y_true [[1., 2.], [0., 0.]], y_pred [[1., 4.], [3., 0.]] -> [2.0, 4.5].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("square the difference, then tf.reduce_mean over the last axis only (not over everything).")


def entropy(probs):
    """The entropy -sum p * ln p of every row of `probs` `[batch, classes]`: `[batch]`.

    A probability of exactly 0 contributes 0 (the limit of p * ln p).
    Example: [[0.25, 0.25, 0.25, 0.25], [1., 0., 0., 0.]] -> [ln 4 ≈ 1.386, 0.0].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.math.xlogy is x times ln y, with 0 times ln 0 taken as 0.")


def cross_entropy(targets, probs):
    """The cross-entropy H(targets, probs) = -sum targets * ln probs of every row: `[batch]`.

    `targets` are one-hot (or soft) labels, `probs` predicted probabilities, both
    `[batch, classes]`; every predicted probability is above 0.
    Example: targets [[1, 0, 0, 0, 0]], probs [[0.4, 0.3, 0.05, 0.05, 0.2]] -> [0.9163].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("only the true classes count: the negative row sum of targets times log probabilities.")


def cross_entropy_from_logits(targets, logits):
    """The cross-entropy of `targets` against softmax(logits), computed without softmax: `[batch]`.

    `targets` are one-hot or soft, as in `cross_entropy`. Use
    ln softmax(x)_i = (x_i - m) - ln sum_j exp(x_j - m), with m the row's largest logit, and
    subtract in that order. `x - tf.reduce_logsumexp(x)` is the same in exact arithmetic but
    not in float32: it rounds m + ln sum first, and near 1000 float32 numbers are 6e-5 apart,
    so logits [-1000., -1000., -1000.] give 1.098633 instead of ln 3 ≈ 1.098612 (the tests
    want that last digit); x - m is exact, so the ln sum keeps all its digits.
    Example: targets [[0., 1.]], logits [[1000., -1000.]] -> [2000.0] (not inf, not nan).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("log-softmax per row: subtract the max, then the log of the sum of exponentials; or tf.nn.log_softmax.")


def sparse_cross_entropy_from_logits(labels, logits):
    """Like `cross_entropy_from_logits`, but the labels are class numbers `[batch]` (int), not one-hot.

    The labels may be int32 or int64; the number of classes is the logits' last axis, even when
    the highest classes never appear among the labels.

    Example: labels [1], logits [[1000., -1000.]] -> [2000.0].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.one_hot turns labels into targets (mind its depth and dtype); then reuse cross_entropy_from_logits.")


def kl_divergence(p, q):
    """The Kullback-Leibler divergence KL(p‖q) = sum p * ln(p / q) of every row: `[batch]`.

    `p` (the true distribution) and `q` (the prediction) are `[batch, classes]` rows of
    probabilities, float32 or float64 (keep the dtype); q > 0 wherever p > 0, and a p of
    exactly 0 contributes 0 (the limit of p * ln(p / q)), as in `entropy`. Do not clip:
    `keras.losses.KLDivergence` first clips p and q into [1e-7, 1] (so a q of 1e-9 counts as
    1e-7) and, as a loss object, averages the rows into one number (its default reduction,
    "sum_over_batch_size"); here every row keeps its own exact value. KL(p‖q) >= 0, is 0
    when q equals p, and is not symmetric: KL(p‖q) != KL(q‖p) in general.

    Example: p [[0.5, 0.5], [1., 0.]], q [[0.9, 0.1], [0.4, 0.6]]
    -> [0.5 ln(0.5/0.9) + 0.5 ln(0.5/0.1) ≈ 0.5108, -ln 0.4 ≈ 0.9163].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the sum of p times the log of the ratio, per row; the entropy's trick keeps a zero p at 0.")


def kl_divergence_from_cross_entropy(p, q):
    """KL(p‖q) of every row from the identity H(p, q) = H(p) + KL(p‖q): `[batch]`.

    Reuse your `cross_entropy` and `entropy`. `p` and `q` are `[batch, classes]`
    probabilities; q > 0 everywhere (the cross-entropy takes ln q of every class), p may
    hold zeros. The result equals `kl_divergence(p, q)` up to float rounding.

    Example: p [[1, 0, 0, 0, 0]], q [[0.4, 0.3, 0.05, 0.05, 0.2]] -> [0.9163]: a one-hot p
    has H(p) = 0, so its KL divergence is its cross-entropy, -ln 0.4.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("solve the identity for KL: what is left of the cross-entropy once the truth's own entropy is taken away.")


EPSILON = 1e-7  # Keras' backend epsilon: predictions are kept inside [EPSILON, 1 - EPSILON].


def binary_cross_entropy(y_true, y_pred):
    """Binary cross-entropy, averaged over the last axis: `[batch]`.

    Each element: -(y * ln p + (1 - y) * ln(1 - p)) (y may be a soft label such as 0.7), with p = y_pred clipped to
    [EPSILON, 1 - EPSILON] as Keras does, so a prediction of exactly 0 or 1 costs about 16.1,
    not inf. Example: y_true [[1., 0.]], y_pred [[0.8, 0.4]] -> [(-ln 0.8 - ln 0.6) / 2 ≈ 0.367].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("clip predictions into [EPSILON, 1 - EPSILON] with tf.clip_by_value, apply the formula, average the last axis.")


def binary_cross_entropy_from_logits(y_true, logits):
    """Binary cross-entropy of `y_true` against sigmoid(logits), averaged over the last axis: `[batch]`.

    Stable form of each element: max(x, 0) - x * y + ln(1 + exp(-|x|)); y may be soft, as above.
    Example: y_true [[1., 0.]], logits [[-1000., 0.]] -> [(1000 + ln 2) / 2 ≈ 500.35].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("the stable form uses tf.maximum, tf.math.log1p and tf.abs; average over the last axis.")
