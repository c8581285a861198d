"""Plausible wrong answers to kata 19; `make check` proves the tests catch every one."""

import keras
import numpy as np
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("split_train_val_test", "no shuffle: cuts the examples in their stored order")
def no_shuffle_cuts_examples_their(x, y, val_fraction, test_fraction, seed):
    n = len(x)
    n_test, n_val = int(n * test_fraction), int(n * val_fraction)
    n_train = n - n_val - n_test
    return ((x[:n_train], y[:n_train]), (x[n_train:n_train + n_val], y[n_train:n_train + n_val]),
            (x[n_train + n_val:], y[n_train + n_val:]))


@wrong_answer("split_train_val_test", "shuffles x and y with two different permutations: labels no longer match")
def shuffles_x_y_two_different(x, y, val_fraction, test_fraction, seed):
    rng = np.random.default_rng(seed)
    x, y = x[rng.permutation(len(x))], y[rng.permutation(len(y))]
    n = len(x)
    n_test, n_val = int(n * test_fraction), int(n * val_fraction)
    n_train = n - n_val - n_test
    return ((x[:n_train], y[:n_train]), (x[n_train:n_train + n_val], y[n_train:n_train + n_val]),
            (x[n_train + n_val:], y[n_train + n_val:]))


@wrong_answer("l2_penalty", "the textbook 1/2 * factor * sum(w ** 2): half of Keras' L2")
def textbook_1_2_factor_sum(weights, factor):
    return 0.5 * factor * tf.reduce_sum(tf.square(weights))


@wrong_answer("l2_penalty", "factor times the L2 norm (square root of the sum of squares)")
def factor_times_l2_norm_square(weights, factor):
    return factor * tf.norm(weights)


@wrong_answer("l1_penalty", "L1 with squares: the same as L2")
def l1_squares_same_l2(weights, factor):
    return factor * tf.reduce_sum(tf.square(weights))


@wrong_answer("regularized_dense", "regularizes the bias too (bias_regularizer)")
def regularizes_bias_too_bias_regularizer(units, factor):
    return keras.layers.Dense(units, kernel_regularizer=keras.regularizers.L2(factor),
                              bias_regularizer=keras.regularizers.L2(factor))


@wrong_answer("regularized_dense", "activity_regularizer: penalises the outputs, not the kernel")
def activity_regularizer_penalises_outputs_not(units, factor):
    return keras.layers.Dense(units, activity_regularizer=keras.regularizers.L2(factor))


@wrong_answer("inverted_dropout", "plain dropout without the 1 / (1 - rate) scaling")
def plain_dropout_without_1_1(x, keep_mask, rate):
    return tf.where(keep_mask, x, tf.zeros_like(x))


@wrong_answer("inverted_dropout", "scales the kept units by (1 - rate) instead of dividing")
def scales_kept_units_1_rate(x, keep_mask, rate):
    return tf.where(keep_mask, x * (1.0 - rate), tf.zeros_like(x))


@wrong_answer("dropout_outputs", "calls the layer without training=True: outside fit it runs in inference mode")
def calls_layer_without_training_true(x, rate):
    dropout = keras.layers.Dropout(rate)
    return dropout(x), dropout(x, training=False)


@wrong_answer("fit_with_early_stopping", "EarlyStopping without restore_best_weights: keeps the last epoch's weights")
def earlystopping_without_restore_best_weights(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, callbacks=[stopper], verbose=0)
    return len(history.history["loss"])


@wrong_answer("fit_with_early_stopping", "monitors the training loss, which keeps falling: never stops early")
def monitors_training_loss_keeps_falling(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="loss", patience=patience, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, callbacks=[stopper], verbose=0)
    return len(history.history["loss"])


@wrong_answer("split_train_val_test", "sizes the training set first, int(n * (1 - val - test)), and gives test whatever is left")
def sizes_training_set_first_int(x, y, val_fraction, test_fraction, seed):
    n = len(x)
    order = np.random.default_rng(seed).permutation(n)
    x, y = x[order], y[order]
    n_train, n_val = int(n * (1 - val_fraction - test_fraction)), int(n * val_fraction)
    return ((x[:n_train], y[:n_train]),
            (x[n_train:n_train + n_val], y[n_train:n_train + n_val]),
            (x[n_train + n_val:], y[n_train + n_val:]))


@wrong_answer("inverted_dropout", "divides the kept units by rate instead of by (1 - rate)")
def divides_kept_units_rate_instead(x, keep_mask, rate):
    return tf.where(keep_mask, x / rate, tf.zeros_like(x))


@wrong_answer("dropout_outputs", "the notes' keep_prob: Dropout(1 - rate) drops the units it should keep")
def notes_keep_prob_dropout_1(x, rate):
    dropout = keras.layers.Dropout(1 - rate)
    return dropout(x, training=True), dropout(x, training=False)


@wrong_answer("fit_with_early_stopping", "returns stopper.stopped_epoch, a 0-based index: one epoch short")
def returns_stopper_stopped_epoch_0(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, callbacks=[stopper], verbose=0)
    return stopper.stopped_epoch


@wrong_answer("regularized_dense", "kernel_regularizer=\"l2\": Keras' default factor 0.01, not the one asked for")
def string_l2_uses_keras_default_factor(units, factor):
    return keras.layers.Dense(units, kernel_regularizer="l2")


@wrong_answer("l2_penalty", "a Python float through numpy instead of the float32 tensor asked for")
def l2_penalty_as_python_float(weights, factor):
    return factor * float(np.sum(np.square(weights)))


@wrong_answer("l1_penalty", "the mean of |w| instead of the sum")
def l1_mean_instead_of_sum(weights, factor):
    return factor * tf.reduce_mean(tf.abs(weights))


@wrong_answer("split_train_val_test", "round() instead of int(): 17 * 0.1 = 1.7 gives 2 test examples, not 1")
def rounds_the_sizes_instead_of_int(x, y, val_fraction, test_fraction, seed):
    n = len(x)
    order = np.random.default_rng(seed).permutation(n)
    x, y = x[order], y[order]
    n_test, n_val = round(n * test_fraction), round(n * val_fraction)
    n_train = n - n_val - n_test
    return ((x[:n_train], y[:n_train]),
            (x[n_train:n_train + n_val], y[n_train:n_train + n_val]),
            (x[n_train + n_val:], y[n_train + n_val:]))


@wrong_answer("split_train_val_test", "default_rng() without the seed: a different split every call")
def ignores_the_seed(x, y, val_fraction, test_fraction, seed):
    n = len(x)
    order = np.random.default_rng().permutation(n)
    x, y = x[order], y[order]
    n_test, n_val = int(n * test_fraction), int(n * val_fraction)
    n_train = n - n_val - n_test
    return ((x[:n_train], y[:n_train]),
            (x[n_train:n_train + n_val], y[n_train:n_train + n_val]),
            (x[n_train + n_val:], y[n_train + n_val:]))


@wrong_answer("inverted_dropout", "reads keep_mask as the units to drop: keeps the False ones")
def reads_the_mask_as_dropped_units(x, keep_mask, rate):
    return tf.where(keep_mask, tf.zeros_like(x), x / (1.0 - rate))


@wrong_answer("dropout_outputs", "training=True for both calls: the inference output is dropped too")
def training_mode_for_both_calls(x, rate):
    dropout = keras.layers.Dropout(rate)
    return dropout(x, training=True), dropout(x, training=True)


@wrong_answer("fit_with_early_stopping", "stopper.stopped_epoch + 1: right when it stops, 1 when the run reaches max_epochs")
def stopped_epoch_plus_one(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=patience, restore_best_weights=True)
    model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, callbacks=[stopper], verbose=0)
    return stopper.stopped_epoch + 1


@wrong_answer("fit_with_early_stopping", "hard-codes the docstring's patience 2 instead of using the argument")
def hard_codes_patience_2(model, x, y, x_val, y_val, patience, max_epochs):
    stopper = keras.callbacks.EarlyStopping(monitor="val_loss", patience=2, restore_best_weights=True)
    history = model.fit(x, y, validation_data=(x_val, y_val), epochs=max_epochs, callbacks=[stopper], verbose=0)
    return len(history.history["loss"])
