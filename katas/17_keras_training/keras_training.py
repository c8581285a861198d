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
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("compile takes an optimizer, a loss and metrics; look them up in keras.Model.compile (the model emits logits).")


def fit_with_validation(model, x, y, epochs, validation_split, validation_freq):
    """Train a compiled `model` on (x, y) and return the history dict of `fit`.

    Hold out the last `validation_split` fraction of the examples for validation and
    validate only every `validation_freq` epochs; batches of 16 (so one optimizer step per 16
    training examples), no progress bar.

    Example: epochs=4, validation_split=0.25, validation_freq=2 -> a dict whose "loss" list
    has 4 entries and whose "val_loss" list has 2 (after epochs 2 and 4).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("keras.Model.fit holds out validation data and validates every few epochs; it returns a History object.")


def evaluate_and_predict(model, x, y):
    """Evaluate a compiled `model` (loss and accuracy metric) and predict classes.

    Return `(loss, accuracy, classes)`: two Python floats and an int tensor `[examples]`
    (int32 or int64; a tensor, not a numpy array) holding each example's highest-scoring class.

    Example: a model that scores x[i] highest at class 2 for every i -> classes [2, 2, ...].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("keras.Model.evaluate returns the loss and the metrics; predict gives logits, take the best class per example.")


def epoch_means(batch_losses_per_epoch):
    """The mean loss of each epoch, computed with one `keras.metrics.Mean`.

    `batch_losses_per_epoch` is a list of epochs, each a list of batch losses. Feed every
    batch loss to the metric with `update_state`, read `result()` at the end of the epoch
    and `reset_state()` before the next (Keras 3 spells it reset_state; the notes' older
    reset_states() is gone). Return a list of Python floats, one per epoch.

    Example: [[1.0, 2.0, 3.0], [10.0, 20.0]] -> [2.0, 15.0]; no epochs, [] -> [].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("one keras.metrics.Mean for all epochs: update_state per batch, read result per epoch, then reset_state.")


def accuracy_of(labels, logits):
    """The fraction of examples whose highest logit is at their label, with `keras.metrics.Accuracy`.

    `labels` is int `[examples]` (int32 or int64), `logits` is float `[examples, classes]`.
    Return a Python float.

    Example: labels [0, 2], logits [[3.0, 1.0, 0.0], [0.0, 5.0, 1.0]] -> 0.5.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("Accuracy compares values exactly, so give it the argmax classes, not the logits.")


def train_step(model, optimizer, x, y):
    """One gradient-descent step on the batch (x, y); return the batch loss (a scalar tensor).

    The loss is sparse categorical cross-entropy on logits, averaged over the batch. Record
    the forward pass under a `tf.GradientTape`, take the gradient of the loss with respect to
    `model.trainable_variables` and let `optimizer` apply it: one optimizer step per call.

    Example: with keras.optimizers.SGD(0.1) every weight w moves to w - 0.1 * dloss/dw, exactly
    as one batch of model.fit would move it.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("record the forward pass on a tf.GradientTape; look up Optimizer.apply_gradients for the trainable variables.")


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
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("keras.optimizers.SGD; walk the data in batch-sized slices, calling train_step; a Mean gives each epoch loss.")
