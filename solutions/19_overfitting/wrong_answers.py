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


@wrong_answer("k_fold_indices", "the last fold takes the remainder: 7 examples, 3 folds give sizes 2, 2, 3, not 3, 2, 2")
def last_fold_takes_the_remainder(n, k):
    if k < 2 or k > n:
        raise ValueError(f"k-fold needs 2 <= k <= n, got k={k} for n={n}")
    bounds = [i * (n // k) for i in range(k)] + [n]
    folds = [np.arange(bounds[i], bounds[i + 1]) for i in range(k)]
    return [(np.concatenate(folds[:i] + folds[i + 1:]), fold) for i, fold in enumerate(folds)]


@wrong_answer("k_fold_indices", "folds of ceil(n / k) each: 10 examples, 4 folds give sizes 3, 3, 3, 1, not 3, 3, 2, 2")
def ceil_sized_folds(n, k):
    if k < 2 or k > n:
        raise ValueError(f"k-fold needs 2 <= k <= n, got k={k} for n={n}")
    size = -(-n // k)
    folds = [np.arange(i * size, min((i + 1) * size, n)) for i in range(k)]
    return [(np.concatenate(folds[:i] + folds[i + 1:]), fold) for i, fold in enumerate(folds)]


@wrong_answer("k_fold_indices", "interleaved folds (every k-th index) instead of consecutive ones")
def interleaved_folds(n, k):
    if k < 2 or k > n:
        raise ValueError(f"k-fold needs 2 <= k <= n, got k={k} for n={n}")
    folds = [np.arange(i, n, k) for i in range(k)]
    return [(np.setdiff1d(np.arange(n), fold), fold) for fold in folds]


@wrong_answer("k_fold_indices", "returns (validation, training) pairs: the order swapped")
def pairs_in_val_train_order(n, k):
    if k < 2 or k > n:
        raise ValueError(f"k-fold needs 2 <= k <= n, got k={k} for n={n}")
    folds = np.array_split(np.arange(n), k)
    return [(fold, np.concatenate(folds[:i] + folds[i + 1:])) for i, fold in enumerate(folds)]


@wrong_answer("k_fold_indices", "trains on every index, the held-out fold included")
def trains_on_the_held_out_fold_too(n, k):
    if k < 2 or k > n:
        raise ValueError(f"k-fold needs 2 <= k <= n, got k={k} for n={n}")
    return [(np.arange(n), fold) for fold in np.array_split(np.arange(n), k)]


@wrong_answer("k_fold_indices", "no check of k: k = 1 gives one fold with an empty training set")
def no_check_of_k(n, k):
    folds = np.array_split(np.arange(n), max(k, 1))
    return [(np.concatenate(folds[:i] + folds[i + 1:]), fold) for i, fold in enumerate(folds)]


@wrong_answer("cross_validate", "weights each fold's score by its size: the mean over examples, not over folds")
def weights_scores_by_fold_size(x, y, k, train_and_score):
    scores, sizes = [], []
    for train_indices, val_indices in k_fold_indices(len(x), k):
        scores.append(float(train_and_score(x[train_indices], y[train_indices], x[val_indices], y[val_indices])))
        sizes.append(len(val_indices))
    return scores, sum(s * n for s, n in zip(scores, sizes)) / sum(sizes)


@wrong_answer("cross_validate", "trains on the held-out fold and scores on the rest: the arguments swapped")
def trains_on_the_validation_fold(x, y, k, train_and_score):
    scores = []
    for train_indices, val_indices in k_fold_indices(len(x), k):
        scores.append(float(train_and_score(x[val_indices], y[val_indices], x[train_indices], y[train_indices])))
    return scores, sum(scores) / len(scores)


@wrong_answer("cross_validate", "keeps the scores as returned (a scalar tensor) instead of Python floats")
def keeps_scores_as_tensors(x, y, k, train_and_score):
    scores = []
    for train_indices, val_indices in k_fold_indices(len(x), k):
        scores.append(train_and_score(x[train_indices], y[train_indices], x[val_indices], y[val_indices]))
    return scores, float(sum(scores) / len(scores))


@wrong_answer("cross_validate", "passes every label as y_train, not the training fold's")
def passes_all_labels_for_training(x, y, k, train_and_score):
    scores = []
    for train_indices, val_indices in k_fold_indices(len(x), k):
        scores.append(float(train_and_score(x[train_indices], y, x[val_indices], y[val_indices])))
    return scores, sum(scores) / len(scores)


@wrong_answer("diagnose_fit", "checks overfitting before underfitting: a model bad on both sets is called overfitting")
def checks_overfitting_first(history, max_train_loss, max_gap):
    train_loss, val_loss = history["loss"][-1], history["val_loss"][-1]
    if val_loss - train_loss > max_gap:
        return "overfitting"
    if train_loss > max_train_loss:
        return "underfitting"
    return "good fit"


@wrong_answer("diagnose_fit", ">= instead of >: a loss exactly at the limit is called a problem")
def non_strict_limits(history, max_train_loss, max_gap):
    train_loss, val_loss = history["loss"][-1], history["val_loss"][-1]
    if train_loss >= max_train_loss:
        return "underfitting"
    if val_loss - train_loss >= max_gap:
        return "overfitting"
    return "good fit"


@wrong_answer("diagnose_fit", "reads the best epoch (the lowest losses) instead of the last")
def reads_the_best_epoch(history, max_train_loss, max_gap):
    train_loss, val_loss = min(history["loss"]), min(history["val_loss"])
    if train_loss > max_train_loss:
        return "underfitting"
    if val_loss - train_loss > max_gap:
        return "overfitting"
    return "good fit"


@wrong_answer("diagnose_fit", "the absolute gap: a validation loss well below the training loss is called overfitting")
def absolute_gap(history, max_train_loss, max_gap):
    train_loss, val_loss = history["loss"][-1], history["val_loss"][-1]
    if train_loss > max_train_loss:
        return "underfitting"
    if abs(val_loss - train_loss) > max_gap:
        return "overfitting"
    return "good fit"


@wrong_answer("diagnose_fit", "judges underfitting by the validation loss instead of the training loss")
def underfitting_from_the_validation_loss(history, max_train_loss, max_gap):
    train_loss, val_loss = history["loss"][-1], history["val_loss"][-1]
    if val_loss > max_train_loss:
        return "underfitting"
    if val_loss - train_loss > max_gap:
        return "overfitting"
    return "good fit"
