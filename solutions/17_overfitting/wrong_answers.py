"""Plausible wrong answers to kata 17; `make check` proves the tests catch every one."""

import keras
import numpy as np
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("no shuffle: cuts the examples in their stored order")
def split_train_val_test(x, y, val_fraction, test_fraction, seed):
    n = len(x)
    n_test, n_val = int(n * test_fraction), int(n * val_fraction)
    n_train = n - n_val - n_test
    return ((x[:n_train], y[:n_train]), (x[n_train:n_train + n_val], y[n_train:n_train + n_val]),
            (x[n_train + n_val:], y[n_train + n_val:]))


@wrong_answer("shuffles x and y with two different permutations: labels no longer match")
def split_train_val_test(x, y, val_fraction, test_fraction, seed):  # noqa: F811
    rng = np.random.default_rng(seed)
    x, y = x[rng.permutation(len(x))], y[rng.permutation(len(y))]
    n = len(x)
    n_test, n_val = int(n * test_fraction), int(n * val_fraction)
    n_train = n - n_val - n_test
    return ((x[:n_train], y[:n_train]), (x[n_train:n_train + n_val], y[n_train:n_train + n_val]),
            (x[n_train + n_val:], y[n_train + n_val:]))


@wrong_answer("the textbook 1/2 * factor * sum(w ** 2): half of Keras' L2")
def l2_penalty(weights, factor):
    return 0.5 * factor * tf.reduce_sum(tf.square(weights))


@wrong_answer("factor times the L2 norm (square root of the sum of squares)")
def l2_penalty(weights, factor):  # noqa: F811
    return factor * tf.norm(weights)


@wrong_answer("L1 with squares: the same as L2")
def l1_penalty(weights, factor):
    return factor * tf.reduce_sum(tf.square(weights))


@wrong_answer("regularizes the bias too (bias_regularizer)")
def regularized_dense(units, factor):
    return keras.layers.Dense(units, kernel_regularizer=keras.regularizers.L2(factor),
                              bias_regularizer=keras.regularizers.L2(factor))


@wrong_answer("activity_regularizer: penalises the outputs, not the kernel")
def regularized_dense(units, factor):  # noqa: F811
    return keras.layers.Dense(units, activity_regularizer=keras.regularizers.L2(factor))


@wrong_answer("plain dropout without the 1 / (1 - rate) scaling")
def inverted_dropout(x, keep_mask, rate):
    return tf.where(keep_mask, x, tf.zeros_like(x))


@wrong_answer("scales the kept units by (1 - rate) instead of dividing")
def inverted_dropout(x, keep_mask, rate):  # noqa: F811
    return tf.where(keep_mask, x * (1.0 - rate), tf.zeros_like(x))


@wrong_answer("calls the layer without training=True: outside fit it runs in inference mode")
def dropout_outputs(x, rate):
    dropout = keras.layers.Dropout(rate)
    return dropout(x), dropout(x, training=False)


@wrong_answer("EarlyStopping without restore_best_weights: keeps the last epoch's weights")
def fit_with_early_stopping(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, callbacks=[stopper], verbose=0)
    return len(history.history["loss"])


@wrong_answer("monitors the training loss, which keeps falling: never stops early")
def fit_with_early_stopping(model, x, y, x_val, y_val, patience, max_epochs):  # noqa: F811
    stopper = keras.callbacks.EarlyStopping(monitor="loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, callbacks=[stopper], verbose=0)
    return len(history.history["loss"])


@wrong_answer("sizes the training set first, int(n * (1 - val - test)), and gives test whatever is left")
def split_train_val_test(x, y, val_fraction, test_fraction, seed):  # noqa: F811
    n = len(x)
    order = np.random.default_rng(seed).permutation(n)
    x, y = x[order], y[order]
    n_train, n_val = int(n * (1 - val_fraction - test_fraction)), int(n * val_fraction)
    return ((x[:n_train], y[:n_train]),
            (x[n_train:n_train + n_val], y[n_train:n_train + n_val]),
            (x[n_train + n_val:], y[n_train + n_val:]))


@wrong_answer("divides the kept units by rate instead of by (1 - rate)")
def inverted_dropout(x, keep_mask, rate):  # noqa: F811
    return tf.where(keep_mask, x / rate, tf.zeros_like(x))


@wrong_answer("the notes' keep_prob: Dropout(1 - rate) drops the units it should keep")
def dropout_outputs(x, rate):  # noqa: F811
    dropout = keras.layers.Dropout(1 - rate)
    return dropout(x, training=True), dropout(x, training=False)


@wrong_answer("returns stopper.stopped_epoch, a 0-based index: one epoch short")
def fit_with_early_stopping(model, x, y, x_val, y_val, patience, max_epochs):  # noqa: F811
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, callbacks=[stopper], verbose=0)
    return stopper.stopped_epoch
