"""Kata 19 — Fighting overfitting.

A network that fits its training data too well does worse on new data. The notes list the
remedies you build here: hold out validation and test data to see it happen; add a weight
penalty (L2 `factor * sum(w**2)` or L1 `factor * sum(|w|)`) to the loss, by hand and with
Keras' `kernel_regularizer`; drop units at random with dropout (Keras uses *inverted*
dropout: kept units are scaled by `1 / (1 - rate)` while training, nothing changes at
inference); and stop training when the validation loss stops improving, going back to the
best weights seen. When data is scarce, k-fold cross-validation holds out every example
once and averages the k scores; and the last epoch of a training history tells an
underfitting model (it has not learned even the training data) from an overfitting one
(its validation loss sits far above its training loss).

Run `make kata N=19` to test your answers, `make hint N=19` when stuck.
"""

import keras
import numpy as np
import tensorflow as tf


def split_train_val_test(x, y, val_fraction, test_fraction, seed):
    """Shuffle the examples, then cut them into training, validation and test sets.

    `x` is a numpy array `[examples, ...]` and `y` `[examples]`. Shuffle with
    `np.random.default_rng(seed)` (the same permutation for x and y), then take
    `int(n * test_fraction)` examples for test, `int(n * val_fraction)` for validation and
    the rest for training. Return `((x_train, y_train), (x_val, y_val), (x_test, y_test))`.

    Example: 10 examples, val_fraction 0.2, test_fraction 0.3 -> 5 train, 2 val, 3 test,
    each x row still paired with its own y.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("one random permutation (numpy's default_rng, seeded) indexes both x and y; then slice the three parts.")


def k_fold_indices(n, k):
    """The (training, validation) index pairs of k-fold cross-validation over `n` examples.

    Cut the indices 0 .. n-1, in their stored order (no shuffling), into `k` consecutive
    folds: the first `n % k` folds hold `n // k + 1` indices and the others `n // k` (the
    rule of scikit-learn's `KFold(k)` without shuffling). Fold i is the validation set of
    pair i; its training set is every other index, in increasing order. Return a list of k
    pairs `(train_indices, val_indices)`, each a 1-D numpy array of ints (int32 or int64).
    Raise `ValueError` when k < 2 or k > n.

    Example: n 7, k 3 -> folds [0, 1, 2], [3, 4], [5, 6], so the pairs are
    ([3, 4, 5, 6], [0, 1, 2]), ([0, 1, 2, 5, 6], [3, 4]) and ([0, 1, 2, 3, 4], [5, 6]).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("numpy can split an array into k nearly equal consecutive parts, the longer ones first; each part is held out once.")


def cross_validate(x, y, k, train_and_score):
    """k-fold cross-validation: one model per fold, scored on the fold it did not see.

    `x` is a numpy array `[examples, ...]`, `y` `[examples]`. For each pair of
    `k_fold_indices(len(x), k)`, in order, call
    `train_and_score(x_train, y_train, x_val, y_val)` once (it trains a fresh model on the
    training part and returns its score, a number or a scalar tensor, on the validation
    part). Return `(scores, mean_score)`: `scores` a list of the k scores as Python floats,
    in fold order, and `mean_score` their plain mean (every fold counts the same, whatever
    its size) as a Python float.

    Example: x = y = [0, 1, ..., 6], k 3, and a train_and_score that returns the mean of
    y_val -> scores [1.0, 3.5, 5.5], mean_score 10 / 3 = 3.333...
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("index x and y with the same fold indices; convert each fold's score to a Python float before averaging.")


def l2_penalty(weights, factor):
    """The L2 penalty `factor * sum(weights ** 2)` as a float32 scalar tensor.

    Example: weights [[1, -2], [3, 0]], factor 0.1 -> 0.1 * 14 = 1.4.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("look up tf.square and tf.reduce_sum; Keras' L2 has no square root and no 1/2.")


def l1_penalty(weights, factor):
    """The L1 penalty `factor * sum(|weights|)` as a float32 scalar tensor.

    Example: weights [[1, -2], [3, 0]], factor 0.1 -> 0.1 * 6 = 0.6.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("look up tf.abs and tf.reduce_sum.")


def regularized_dense(units, factor):
    """A `keras.layers.Dense(units)` whose kernel (not its bias) carries an L2 penalty of `factor`.

    Once the layer is built, `layer.losses` holds `[factor * sum(kernel ** 2)]`, and `fit`
    adds it to the loss. Example: regularized_dense(3, 0.05) on a [2, 4] input ->
    layer.losses == [0.05 * sum(layer.kernel ** 2)]. (Keras' own default factor is 0.01:
    use the factor asked for.)
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a Dense layer takes a kernel regularizer; look up keras.regularizers.L2.")


def inverted_dropout(x, keep_mask, rate):
    """Dropout by hand: zero the units where `keep_mask` is False, scale the others by 1 / (1 - rate).

    `x` is float `[batch, units]`, `keep_mask` a bool tensor of the same shape. The scaling
    keeps the expected value of every unit unchanged, so inference needs no correction.

    Example: x [[2, 4]], keep_mask [[True, False]], rate 0.5 -> [[4, 0]].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("inverted dropout scales the kept units by 1 / (1 - rate) and zeroes the rest; tf.where picks per element.")


def dropout_outputs(x, rate):
    """Run one `keras.layers.Dropout(rate)` on x in training mode and in inference mode.

    Return `(training_output, inference_output)`. While training, each unit is either 0 or
    x / (1 - rate); at inference the layer passes x through unchanged.

    Example: x all ones [4, 5], rate 0.5 -> training output holds only 0s and 2s; inference
    output is all ones.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("a Dropout layer behaves differently in training and inference mode; look up the training call argument.")


def fit_with_early_stopping(model, x, y, x_val, y_val, patience, max_epochs):
    """Train a compiled `model` for at most `max_epochs`, stopping when the validation loss
    has not improved for `patience` epochs, and leave the model holding its best weights
    (those of the epoch with the lowest validation loss).

    Return the number of epochs that ran. Example: validation losses 0.36, 0.08, 0.0006,
    0.03, 0.12 with patience 2 -> training stops after epoch 5, returns 5, and the model
    gets back the weights of epoch 3. With patience 4 and max_epochs 6 the same run never
    stops early: it returns 6, and the model still gets back the weights of epoch 3.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("keras.callbacks.EarlyStopping watches the validation loss, has a patience and can restore the best weights.")


def diagnose_fit(history, max_train_loss, max_gap):
    """Read a training history and say how the model fits: "underfitting", "overfitting" or "good fit".

    `history` is a dict like Keras' `History.history`: "loss" and "val_loss" each map to a
    list of numbers, one per epoch (the same length, at least 1; other keys may be there).
    Only the last epoch counts, and the rules are checked in this order:

    - "underfitting" when the final training loss is above `max_train_loss`: the model has
      not learned even its training data, whatever the validation loss does;
    - otherwise "overfitting" when the final validation loss exceeds the final training
      loss by more than `max_gap`;
    - otherwise "good fit".

    Both comparisons are strict: a training loss equal to `max_train_loss`, or a gap equal
    to `max_gap`, is no problem. A validation loss below the training loss (dropout can do
    that) is a negative gap, which is fine.

    Example: loss [1.0, 0.4, 0.1], val_loss [1.1, 0.6, 0.9], max_train_loss 0.3, max_gap
    0.2 -> gap 0.8 -> "overfitting"; loss [1.0, 0.9, 0.8] with val_loss [1.0, 0.9, 0.85] ->
    "underfitting"; loss [1.0, 0.4, 0.2] with val_loss [1.1, 0.5, 0.3] -> "good fit".
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("compare the last epoch's losses: the training loss against its limit first, then the gap between validation and training.")
