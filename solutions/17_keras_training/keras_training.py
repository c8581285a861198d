"""Kata 17 — Training with Keras: compile, fit, metrics.

A classifier `model` maps a float batch `x` `[examples, features]` to logits
`[examples, classes]`; `y` holds the true classes as ints `[examples]`. Keras trains it in
three calls: `compile` (optimizer, loss, metrics), `fit` (the training loop, here with a
validation split checked every few epochs) and `evaluate`/`predict`. You then open the box:
Keras metrics (`Mean`, `Accuracy`) keep running totals with `update_state`, report them with
`result` and start over with `reset_state`; and a training loop written by hand with
`tf.GradientTape` does exactly what `fit` does, step for step.

Run `make kata N=17` to test your answers, `make hint N=17` when stuck.
"""

import keras
import tensorflow as tf


def compile_classifier(model, learning_rate):
    """Compile `model` for classification and return it.

    Use the Adam optimizer with `learning_rate`, sparse categorical cross-entropy on logits
    (the model has no softmax) and the "accuracy" metric.

    Example: compile_classifier(model, 0.01) -> the same model, with model.optimizer an Adam
    whose learning rate is 0.01; model.evaluate(x, y) then returns [loss, accuracy].
    """
    ### BEGIN SOLUTION: compile takes an optimizer, a loss and metrics; look them up in keras.Model.compile (the model emits logits).
    # from_logits=True applies the softmax inside the loss, which is numerically safer.
    model.compile(optimizer=keras.optimizers.Adam(learning_rate=learning_rate),
                  loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True),
                  metrics=["accuracy"])
    return model
    ### END SOLUTION


def fit_with_validation(model, x, y, epochs, validation_split, validation_freq):
    """Train a compiled `model` on (x, y) and return the history dict of `fit`.

    Hold out the last `validation_split` fraction of the examples for validation and
    validate only every `validation_freq` epochs; batches of 16 (so one optimizer step per 16
    training examples), no progress bar.

    Example: epochs=4, validation_split=0.25, validation_freq=2 -> a dict whose "loss" list
    has 4 entries and whose "val_loss" list has 2 (after epochs 2 and 4).
    """
    ### BEGIN SOLUTION: keras.Model.fit holds out validation data and validates every few epochs; it returns a History object.
    history = model.fit(x, y, epochs=epochs, batch_size=16, validation_split=validation_split,
                        validation_freq=validation_freq, verbose=0)
    return history.history
    ### END SOLUTION


def evaluate_and_predict(model, x, y):
    """Evaluate a compiled `model` (loss and accuracy metric) and predict classes.

    Return `(loss, accuracy, classes)`: two Python floats and an int tensor `[examples]`
    (int32 or int64; a tensor, not a numpy array) holding each example's highest-scoring class.

    Example: a model that scores x[i] highest at class 2 for every i -> classes [2, 2, ...].
    """
    ### BEGIN SOLUTION: keras.Model.evaluate returns the loss and the metrics; predict gives logits, take the best class per example.
    loss, accuracy = model.evaluate(x, y, verbose=0)
    logits = model.predict(x, verbose=0)
    return float(loss), float(accuracy), tf.argmax(logits, axis=1)
    ### END SOLUTION


def epoch_means(batch_losses_per_epoch):
    """The mean loss of each epoch, computed with one `keras.metrics.Mean`.

    `batch_losses_per_epoch` is a list of epochs, each a list of batch losses. Feed every
    batch loss to the metric with `update_state`, read `result()` at the end of the epoch
    and `reset_state()` before the next (Keras 3 spells it reset_state; the notes' older
    reset_states() is gone). Return a list of Python floats, one per epoch.

    Example: [[1.0, 2.0, 3.0], [10.0, 20.0]] -> [2.0, 15.0]; no epochs, [] -> [].
    """
    ### BEGIN SOLUTION: one keras.metrics.Mean for all epochs: update_state per batch, read result per epoch, then reset_state.
    mean = keras.metrics.Mean()
    means = []
    for losses in batch_losses_per_epoch:
        for loss in losses:
            mean.update_state(loss)
        means.append(float(mean.result()))
        # Without the reset, the next epoch's mean would include this epoch's batches.
        mean.reset_state()
    return means
    ### END SOLUTION


def accuracy_of(labels, logits):
    """The fraction of examples whose highest logit is at their label, with `keras.metrics.Accuracy`.

    `labels` is int `[examples]` (int32 or int64), `logits` is float `[examples, classes]`.
    Return a Python float.

    Example: labels [0, 2], logits [[3.0, 1.0, 0.0], [0.0, 5.0, 1.0]] -> 0.5.
    """
    ### BEGIN SOLUTION: Accuracy compares values exactly, so give it the argmax classes, not the logits.
    metric = keras.metrics.Accuracy()
    metric.update_state(labels, tf.argmax(logits, axis=1))
    return float(metric.result())
    ### END SOLUTION


def train_step(model, optimizer, x, y):
    """One gradient-descent step on the batch (x, y); return the batch loss (a scalar tensor).

    The loss is sparse categorical cross-entropy on logits, averaged over the batch. Record
    the forward pass under a `tf.GradientTape`, take the gradient of the loss with respect to
    `model.trainable_variables` and let `optimizer` apply it: one optimizer step per call.

    Example: with keras.optimizers.SGD(0.1) every weight w moves to w - 0.1 * dloss/dw, exactly
    as one batch of model.fit would move it.
    """
    ### BEGIN SOLUTION: record the forward pass on a tf.GradientTape; look up Optimizer.apply_gradients for the trainable variables.
    loss_function = keras.losses.SparseCategoricalCrossentropy(from_logits=True)
    with tf.GradientTape() as tape:
        loss = loss_function(y, model(x, training=True))
    gradients = tape.gradient(loss, model.trainable_variables)
    optimizer.apply_gradients(zip(gradients, model.trainable_variables))
    return loss
    ### END SOLUTION


def custom_fit(model, x, y, epochs, batch_size, learning_rate):
    """A hand-written `fit`: plain SGD with `learning_rate`, batches in order (no shuffling).

    Each epoch walks through x and y in slices of `batch_size` (the last slice is smaller when
    batch_size does not divide the data, and still trained on), calls `train_step` on each, and
    averages the batch losses with a `keras.metrics.Mean`, each batch counting once. Return the
    list of epoch mean losses (Python floats), one per epoch.

    Example: 64 examples, batch_size=16, epochs=3 -> 12 steps and a list of 3 losses, the same
    as model.fit(x, y, batch_size=16, epochs=3, shuffle=False) with SGD(learning_rate) gives in
    its history["loss"]. With batch_size=24 (slices of 24, 24 and 16) the weights still move as
    fit moves them, 3 steps an epoch, but the losses differ a little from fit's: Keras 3 weights
    each batch's loss by its size (the batch of 16 counts 16/64), this mean counts it 1/3.
    """
    ### BEGIN SOLUTION: keras.optimizers.SGD; walk the data in batch-sized slices, calling train_step; a Mean gives each epoch loss.
    optimizer = keras.optimizers.SGD(learning_rate=learning_rate)
    mean_loss = keras.metrics.Mean()
    history = []
    for _ in range(epochs):
        for start in range(0, len(x), batch_size):
            loss = train_step(model, optimizer, x[start:start + batch_size], y[start:start + batch_size])
            mean_loss.update_state(loss)
        history.append(float(mean_loss.result()))
        mean_loss.reset_state()
    return history
    ### END SOLUTION
