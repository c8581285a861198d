"""Kata 29 — TensorBoard summaries.

TensorBoard draws what a program writes to *event files*: a file writer
(`tf.summary.create_file_writer(logdir)`) appends summaries, each a tag (e.g. "loss"), a step
(the x axis) and a tensor, plus metadata naming the TensorBoard plugin that draws it
("scalars" for curves, "images" for pictures). Here you write scalars and images, then read
them back from the files, as TensorBoard would.

`tf.summary.scalar` and `tf.summary.image` live in the separate `tensorboard` package, which
this project does not install; underneath they call `tf.summary.write` with the metadata
below, and so will you. `tensorboard --logdir DIR` (where it is installed) shows your files.

Run `make kata N=29` to test your answers, `make hint N=29` when stuck.
"""

import glob
import os

import tensorflow as tf

# The metadata that tells TensorBoard which plugin draws a summary.
SCALARS = tf.compat.v1.SummaryMetadata(plugin_data=tf.compat.v1.SummaryMetadata.PluginData(plugin_name="scalars"))
IMAGES = tf.compat.v1.SummaryMetadata(plugin_data=tf.compat.v1.SummaryMetadata.PluginData(plugin_name="images"))


def write_scalar(name, value, step):
    """Write one scalar summary (tag `name`, float32 `value`, `step`) to the default writer.

    Return the Python bool tf.summary.write gives: True when a default writer took it.
    Example: inside `with writer.as_default():`, write_scalar("loss", 0.25, 3) -> True, and the
    event file gains tag "loss", step 3, value 0.25, plugin "scalars".
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.summary.write(name, float32 tensor, step=step, metadata=SCALARS).")


def log_scalars(logdir, name, values):
    """Write values[i] as scalar `name` at step i to a new file writer on `logdir`, then flush.

    Example: log_scalars(logdir, "loss", [0.9, 0.5]) -> steps 0 and 1 with values 0.9 and 0.5.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("writer = tf.summary.create_file_writer(logdir); `with writer.as_default():` write each value; writer.flush().")


def png_images(images):
    """Images float [count, height, width] in [0, 1] in TensorBoard's image format: a string
    tensor [2 + count] = [width as text, height as text, PNG of image 0, PNG of image 1, ...].

    Pixels become uint8 as round(value * 255); each PNG is grey, [height, width, 1].
    Example: 2 images of shape [4, 5] -> [b"5", b"4", png0, png1].
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.round(images * 255) cast to uint8 with a channel axis; tf.io.encode_png each; prepend tf.strings.as_string of the width and height.")


def log_images(logdir, name, images, step):
    """Write the images (float [count, height, width] in [0, 1]) as image summary `name` at `step`.

    Use a file writer on `logdir`, the IMAGES metadata and png_images; flush at the end.
    Example: log_images(logdir, "digits", 3 images [8, 8], step=2) -> one "digits" event at step 2.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("like log_scalars, with tf.summary.write(name, png_images(images), step=step, metadata=IMAGES).")


def read_scalars(logdir, name):
    """Every scalar tagged `name` in the event files of `logdir`, as a list of (step, value)
    pairs of Python int and float, sorted by step.

    Example: after log_scalars(logdir, "loss", [0.9, 0.5]) -> [(0, 0.9), (1, 0.5)] (float32 precision).
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("glob logdir/events.out.tfevents.*; tf.compat.v1.train.summary_iterator gives Events; tf.make_ndarray(value.tensor) reads the number.")


def fit_and_log(logdir, x, y, steps, lr):
    """Fit y = w * x + b by gradient descent from w = b = 0 for `steps` steps, logging the mean
    squared error before each update as scalar "loss" at steps 0, 1, ...; return the losses
    (a list of Python floats).

    Example: fit_and_log(logdir, x, y, 50, 0.1) -> 50 falling losses, the same 50 in the event file.
    """
    # TODO: your code here (the docstring shows an example input and its output).
    raise NotImplementedError("tf.Variables and a GradientTape as in kata 11; write_scalar(\"loss\", loss, step) inside `with writer.as_default():`.")
