"""Kata 36 — TensorBoard summaries.

TensorBoard draws what a program writes to *event files* in a log folder. A file writer
(`tf.summary.create_file_writer(logdir)`) owns one event file; while it is the default writer
(`with writer.as_default():`), every `tf.summary.scalar` / `image` / `histogram` call appends a
summary: a tag (the chart's name, e.g. "loss"), a step (the x axis) and the data. Writers buffer
events; leaving `as_default()` or `writer.flush()` writes them out, so a reader (TensorBoard,
a test) sees them. Keras does all of
this for `fit` through the `keras.callbacks.TensorBoard` callback.

Here you log scalars, images and weight histograms, a training loss at every step and a
`fit` run, then read a scalar curve back from the event files. `tensorboard --logdir DIR`
shows any of these folders in the browser.

Run `make kata N=36` to test your answers, `make hint N=36` when stuck.
"""

import glob
import os

import keras
import tensorflow as tf


def log_scalars(writer, name, values):
    """Write values[i] as scalar summary `name` at step i with the file `writer`, then flush it.

    `writer` comes from tf.summary.create_file_writer(logdir) and stays open afterwards (a
    training program keeps one writer for the whole run, so it can be passed here again); the
    events must be in the file when this function returns.
    Example: log_scalars(writer, "loss", [0.9, 0.5]) -> tag "loss": step 0 -> 0.9, step 1 -> 0.5.
    """
    ### BEGIN SOLUTION: make the writer the default (writer.as_default) and log each value with tf.summary.scalar at its step; flush.
    with writer.as_default():
        for step, value in enumerate(values):
            tf.summary.scalar(name, value, step=step)
    # Leaving as_default() already flushes; an explicit flush says so and costs nothing.
    writer.flush()
    ### END SOLUTION


def log_images(writer, name, pixels, step, max_outputs):
    """Write the first `max_outputs` grey images as image summary `name` at `step`, then flush.

    `pixels` is float32 [count, height, width] with values 0..255 (MNIST digits as
    load_data gives them, cast to float). tf.summary.image wants [count, height, width,
    channels] with floats in [0, 1] (or uint8 0..255), so scale and add a channel axis.
    Example: 5 images [6, 7], step=4, max_outputs=4 -> one "digits" event at step 4 holding
    4 PNGs 7 pixels wide and 6 high (images [6, 7] are 6 rows of 7 pixels), each pixel as dark or
    bright as in `pixels`.
    """
    ### BEGIN SOLUTION: tf.summary.image wants a channel axis and floats in [0, 1]; it keeps only max_outputs images. Flush.
    # Floats are read as 0..1: unscaled 0..255 values would all saturate to white.
    images = pixels[..., tf.newaxis] / 255.0
    with writer.as_default():
        tf.summary.image(name, images, step=step, max_outputs=max_outputs)
    writer.flush()
    ### END SOLUTION


def log_weight_histograms(writer, model, step):
    """Write a histogram summary of every weight of the Keras `model` at `step`, then flush.

    Tag each histogram with the weight's full path (`variable.path`), which names the model
    and layer, so two layers' kernels do not share one chart.
    Example: model "classifier" with Dense layers "hidden" and "output" -> 4 histograms tagged
    "classifier/hidden/kernel", "classifier/hidden/bias", "classifier/output/kernel",
    "classifier/output/bias", each counting all the numbers of that weight.
    """
    ### BEGIN SOLUTION: tf.summary.histogram for every weight in model.weights, named by its full path, under the default writer.
    with writer.as_default():
        for weight in model.weights:
            # weight.name is only "kernel" or "bias": the path keeps the tags apart.
            tf.summary.histogram(weight.path, weight, step=step)
    writer.flush()
    ### END SOLUTION


def train_and_log(logdir, x, y, steps, learning_rate):
    """Fit y = x @ w + b by gradient descent from w = 0, b = 0 for `steps` steps, logging the
    mean squared error *before* each update as scalar "loss" at steps 0, 1, ... to a new file
    writer on `logdir`. Return the losses, a list of Python floats.

    x is float32 [examples, features], y float32 [examples], w [features], b a scalar.
    Example: train_and_log(logdir, x, y, 40, 0.2) -> 40 falling losses, the first mean(y ** 2);
    the event file holds the same 40 values at steps 0..39.
    """
    ### BEGIN SOLUTION: a GradientTape loop on tf.Variables as in kata 12, logging the loss with tf.summary.scalar at each step.
    w = tf.Variable(tf.zeros([x.shape[1]]))
    b = tf.Variable(0.0)
    writer = tf.summary.create_file_writer(logdir)
    losses = []
    with writer.as_default():
        for step in range(steps):
            with tf.GradientTape() as tape:
                loss = tf.reduce_mean(tf.square(tf.linalg.matvec(x, w) + b - y))
            grad_w, grad_b = tape.gradient(loss, [w, b])
            # Log the loss these weights gave, before the update changes them.
            tf.summary.scalar("loss", loss, step=step)
            losses.append(float(loss))
            w.assign_sub(learning_rate * grad_w)
            b.assign_sub(learning_rate * grad_b)
    writer.flush()
    return losses
    ### END SOLUTION


def fit_with_tensorboard(logdir, model, x, y, epochs):
    """Fit the compiled Keras `model` on (x, y) for `epochs` epochs, batch size 16, holding out
    the last 25% for validation, with a keras.callbacks.TensorBoard callback logging to `logdir`.
    Return the History that fit returns.

    The callback writes logdir/train and logdir/validation, each with scalar "epoch_loss" at
    steps 0..epochs-1 (the same numbers as history.history["loss"] and ["val_loss"]).
    Example: fit_with_tensorboard(logdir, model, x, y, 3) -> history with 3 losses and 3 val_losses.
    """
    ### BEGIN SOLUTION: Keras logs a fit run itself through the keras.callbacks.TensorBoard callback; hold out a validation split.
    tensorboard = keras.callbacks.TensorBoard(log_dir=logdir)
    return model.fit(x, y, epochs=epochs, batch_size=16, validation_split=0.25,
                     callbacks=[tensorboard], verbose=0)
    ### END SOLUTION


def read_scalars(logdir, name):
    """Every scalar tagged `name` in all event files directly in `logdir`, as a list of
    (step, value) pairs of Python int and float, sorted by step.

    A folder holds one event file per writer (one per run of a program): read them all, and keep
    every event, even two at one step; event files in sub-folders belong to other runs: skip them.
    Example: after log_scalars(writer on logdir, "loss", [0.9, 0.5]) ->
    [(0, 0.9), (1, 0.5)] (at float32 precision); read_scalars(logdir + "/train", "epoch_loss")
    after fit_with_tensorboard gives the training loss of each epoch.
    """
    ### BEGIN SOLUTION: read event files back with tf.compat.v1.train.summary_iterator; each value is a tensor (tf.make_ndarray).
    found = []
    for path in glob.glob(os.path.join(logdir, "events.out.tfevents.*")):
        for event in tf.compat.v1.train.summary_iterator(path):
            for value in event.summary.value:
                if value.tag == name:
                    # TF2 summaries keep the number in value.tensor; the TF1 field simple_value stays 0.
                    found.append((int(event.step), float(tf.make_ndarray(value.tensor))))
    return sorted(found, key=lambda pair: pair[0])
    ### END SOLUTION
