"""Plausible wrong answers to kata 17; `make check` proves the tests catch every one."""

import keras
import tensorflow as tf

from tfkatas.wrong import wrong_answer


@wrong_answer("compile_classifier", "cross-entropy without from_logits=True: treats the logits as probabilities")
def cross_entropy_without_logits_true(model, learning_rate):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss="sparse_categorical_crossentropy", metrics=["accuracy"])
    return model


@wrong_answer("compile_classifier", "ignores learning_rate: Adam() keeps its default 0.001")
def ignores_learning_rate_adam_keeps(model, learning_rate):
    model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model


@wrong_answer("fit_with_validation", "ignores validation_freq: validates after every epoch")
def ignores_validation_freq_validates_after(model, x, y, epochs, validation_split, validation_freq):
    return model.fit(x, y, epochs=epochs, batch_size=16, validation_split=validation_split, verbose=0).history


@wrong_answer("fit_with_validation", "validates on the first examples instead of the last (a hand-made split)")
def validates_first_examples_instead_last(model, x, y, epochs, validation_split, validation_freq):
    held_out = int(len(x) * validation_split)
    return model.fit(x[held_out:], y[held_out:], epochs=epochs, batch_size=16,
                     validation_data=(x[:held_out], y[:held_out]), validation_freq=validation_freq,
                     verbose=0).history


@wrong_answer("evaluate_and_predict", "argmax over the example axis (axis 0) instead of the class axis")
def argmax_over_example_axis_axis(model, x, y):
    loss, accuracy = model.evaluate(x, y, verbose=0)
    return float(loss), float(accuracy), tf.argmax(model.predict(x, verbose=0), axis=0)


@wrong_answer("epoch_means", "never calls reset_state: every epoch's mean includes the epochs before it")
def never_calls_reset_state_every(batch_losses_per_epoch):
    mean = keras.metrics.Mean()
    means = []
    for losses in batch_losses_per_epoch:
        for loss in losses:
            mean.update_state(loss)
        means.append(float(mean.result()))
    return means


@wrong_answer("accuracy_of", "returns the metric's scalar tensor instead of a Python float")
def returns_metric_scalar_tensor_instead(labels, logits):
    metric = keras.metrics.Accuracy()
    metric.update_state(labels, tf.argmax(logits, axis=1))
    return metric.result()


@wrong_answer("accuracy_of", "argmax over the example axis: compares the wrong classes with the labels")
def argmax_over_example_axis_compares(labels, logits):
    metric = keras.metrics.Accuracy()
    metric.update_state(labels[: logits.shape[1]], tf.argmax(logits, axis=0))
    return float(metric.result())


@wrong_answer("train_step", "train_step only updates the last layer's variables")
def train_step_only_updates_last(model, optimizer, x, y):
    loss_function = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    variables = model.layers[-1].trainable_variables
    with tf.GradientTape() as tape:
        loss = loss_function(y, model(x, training=True))
    optimizer.apply_gradients(zip(tape.gradient(loss, variables), variables))
    return loss


@wrong_answer("train_step", "train_step sums the per-example losses instead of averaging them")
def train_step_sums_per_example(model, optimizer, x, y):
    with tf.GradientTape() as tape:
        loss = tf.reduce_sum(keras.losses.sparse_categorical_crossentropy(y, model(x, training=True),
                                                                          from_logits=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


@wrong_answer("custom_fit", "reports each epoch's last batch loss instead of the epoch mean")
def reports_each_epoch_last_batch(model, x, y, epochs, batch_size, learning_rate):
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    history = []
    for _ in range(epochs):
        for start in range(0, len(x), batch_size):
            loss = train_step(model, optimizer, x[start:start + batch_size], y[start:start + batch_size])
        history.append(float(loss))
    return history


@wrong_answer("custom_fit", "ignores learning_rate: SGD() keeps its default 0.01")
def ignores_learning_rate_sgd_keeps(model, x, y, epochs, batch_size, learning_rate):
    optimizer = keras.optimizers.SGD()
    mean_loss = keras.metrics.Mean()
    history = []
    for _ in range(epochs):
        for start in range(0, len(x), batch_size):
            mean_loss.update_state(train_step(model, optimizer, x[start:start + batch_size],
                                              y[start:start + batch_size]))
        history.append(float(mean_loss.result()))
        mean_loss.reset_state()
    return history


@wrong_answer("compile_classifier", "forgets `return model` after compile")
def forgets_return_model_after_compile(model, learning_rate):
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=["accuracy"])


@wrong_answer("fit_with_validation", "returns the History object, not its .history dict")
def returns_history_object_not_history(model, x, y, epochs, validation_split, validation_freq):
    return model.fit(x, y, epochs=epochs, batch_size=16, validation_split=validation_split,
                     validation_freq=validation_freq, verbose=0)


@wrong_answer("accuracy_of", "feeds the logits straight to Accuracy, which compares values exactly")
def feeds_logits_straight_accuracy_compares(labels, logits):
    metric = keras.metrics.Accuracy()
    metric.update_state(labels, logits)
    return float(metric.result())


@wrong_answer("train_step", "computes the loss after leaving the tape: the tape never saw it")
def computes_loss_after_leaving_tape(model, optimizer, x, y):
    with tf.GradientTape() as tape:
        logits = model(x, training=True)
    loss = keras.losses.SparseCategoricalCrossentropy(from_logits=True)(y, logits)
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss


@wrong_answer("custom_fit", "off by one: range(0, n - batch_size, batch_size) skips the last batch")
def off_one_range_0_n(model, x, y, epochs, batch_size, learning_rate):
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    mean_loss = keras.metrics.Mean()
    history = []
    for _ in range(epochs):
        for start in range(0, len(x) - batch_size, batch_size):
            mean_loss.update_state(train_step(model, optimizer, x[start:start + batch_size], y[start:start + batch_size]))
        history.append(float(mean_loss.result()))
        mean_loss.reset_state()
    return history


@wrong_answer("fit_with_validation", "forgets batch_size=16: fit's default batches of 32 take fewer steps")
def default_batch_size_32(model, x, y, epochs, validation_split, validation_freq):
    return model.fit(x, y, epochs=epochs, validation_split=validation_split, validation_freq=validation_freq,
                     verbose=0).history


@wrong_answer("fit_with_validation", "forgets verbose=0: fit prints its progress bar")
def prints_a_progress_bar(model, x, y, epochs, validation_split, validation_freq):
    return model.fit(x, y, epochs=epochs, batch_size=16, validation_split=validation_split,
                     validation_freq=validation_freq).history


@wrong_answer("evaluate_and_predict", "np.argmax on the predictions: a numpy array, not an int tensor")
def classes_as_a_numpy_array(model, x, y):
    import numpy as np  # A wrong answer runs with the solution's globals, which have no numpy.

    loss, accuracy = model.evaluate(x, y, verbose=0)
    return float(loss), float(accuracy), np.argmax(model.predict(x, verbose=0), axis=1)


@wrong_answer("epoch_means", "appends the running mean after every batch instead of once per epoch")
def running_mean_after_every_batch(batch_losses_per_epoch):
    mean = keras.metrics.Mean()
    means = []
    for losses in batch_losses_per_epoch:
        for loss in losses:
            mean.update_state(loss)
            means.append(float(mean.result()))
        mean.reset_state()
    return means


@wrong_answer("epoch_means", "returns the metric's result() tensors, not Python floats")
def epoch_means_as_tensors(batch_losses_per_epoch):
    mean = keras.metrics.Mean()
    means = []
    for losses in batch_losses_per_epoch:
        for loss in losses:
            mean.update_state(loss)
        means.append(mean.result())
        mean.reset_state()
    return means


@wrong_answer("accuracy_of", "tf.equal of the int64 argmax with the labels: int32 labels fail")
def tf_equal_with_int32_labels(labels, logits):
    return float(tf.reduce_mean(tf.cast(tf.equal(tf.argmax(logits, axis=1), labels), tf.float32)))


@wrong_answer("train_step", "applies the gradients twice (apply_gradients, then optimizer.apply): two steps a call")
def applies_the_gradients_twice(model, optimizer, x, y):
    loss_function = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    with tf.GradientTape() as tape:
        loss = loss_function(y, model(x, training=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    optimizer.apply(gradients, model.trainable_variables)
    return loss


@wrong_answer("custom_fit", "range(len(x) // batch_size) batches: the smaller last batch is never trained on")
def drops_the_smaller_last_batch(model, x, y, epochs, batch_size, learning_rate):
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    mean_loss = keras.metrics.Mean()
    history = []
    for _ in range(epochs):
        for number in range(len(x) // batch_size):
            start = number * batch_size
            mean_loss.update_state(train_step(model, optimizer, x[start:start + batch_size],
                                              y[start:start + batch_size]))
        history.append(float(mean_loss.result()))
        mean_loss.reset_state()
    return history


@wrong_answer("custom_fit", "weights each batch's loss by its size, as fit does, where the docstring counts each batch once")
def weights_batches_by_size(model, x, y, epochs, batch_size, learning_rate):
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    mean_loss = keras.metrics.Mean()
    history = []
    for _ in range(epochs):
        for start in range(0, len(x), batch_size):
            x_batch, y_batch = x[start:start + batch_size], y[start:start + batch_size]
            mean_loss.update_state(train_step(model, optimizer, x_batch, y_batch), sample_weight=len(x_batch))
        history.append(float(mean_loss.result()))
        mean_loss.reset_state()
    return history
